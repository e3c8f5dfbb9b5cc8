/**
 * Code lists the county draws from, with the sector's own codes (DfE CIN census, SSDA903, SEN2,
 * school census). Weighted lists carry rough national proportions so the county looks plausible.
 */
import { dayOf } from './dates.ts';

type Weighted<T extends string = string> = readonly (readonly [T, number])[];

export const codesOf = <T extends string>(list: Weighted<T>): readonly T[] => list.map(([code]) => code);

/** CP plan category of abuse; neglect is the most common. */
export const CATEGORY_OF_ABUSE: Weighted = [
  ['NEG', 50],
  ['EMO', 36],
  ['PHY', 7],
  ['SAB', 4],
  ['MUL', 3],
];

/** CIN primary need codes. */
export const PRIMARY_NEED: Weighted = [
  ['N1', 57], // abuse or neglect
  ['N2', 10], // child's disability or illness
  ['N3', 3], // parental illness or disability
  ['N4', 14], // family in acute stress
  ['N5', 6], // family dysfunction
  ['N6', 3], // socially unacceptable behaviour
  ['N7', 2], // low income
  ['N8', 5], // absent parenting
];

/** Referral source codes (CIN census). */
export const REFERRAL_SOURCE: Weighted = [
  ['1A', 2], // individual: family member
  ['1B', 1], // acquaintance
  ['1C', 1], // self
  ['1D', 1], // other individual
  ['2A', 18], // schools
  ['2B', 2], // education services
  ['3A', 4], // health: GP
  ['3B', 3], // health visitor
  ['3C', 1], // school nurse
  ['3D', 5], // other primary health
  ['3E', 6], // A&E
  ['3F', 2], // other health
  ['4', 3], // housing
  ['5A', 4], // LA social care
  ['5B', 2], // other internal
  ['5C', 2], // external LA
  ['5D', 3], // early help
  ['6', 29], // police
  ['7', 2], // other legal agency
  ['8', 3], // other
  ['9', 1], // anonymous
  ['10', 3], // unknown
];

/** Outcomes of an LCS contact. */
export const LCS_CONTACT_OUTCOMES = [
  'NEW_REFERRAL',
  'EXISTING_REFERRAL',
  'CP_ENQUIRY',
  'NFA',
  'ADVICE',
  'EARLY_HELP',
] as const;

/** Legal status while looked after. */
export const LEGAL_STATUS = ['C1', 'C2', 'E1', 'V2', 'V3', 'V4', 'L1', 'L2', 'J1', 'J2', 'J3'] as const;

/** How a care period begins (first legal status). */
export const LEGAL_STATUS_AT_ENTRY: Weighted = [
  ['V2', 40],
  ['C1', 35],
  ['L1', 10],
  ['L2', 5],
  ['C2', 5],
  ['J1', 3],
  ['J2', 2],
];

/** Placement type codes by SSDA903 collection year: codes were retired and replaced over time. */
const PLACEMENT_TYPES_CURRENT = [
  'A3',
  'A4',
  'A5',
  'A6',
  'K1',
  'K2',
  'P1',
  'P3',
  'R1',
  'R2',
  'R3',
  'R5',
  'S1',
  'S2',
  'T0',
  'T1',
  'T2',
  'T3',
  'T4',
  'U1',
  'U2',
  'U3',
  'U4',
  'U5',
  'U6',
  'Z11',
  'Z12',
  'Z13',
  'Z14',
] as const;
const PLACEMENT_TYPES_2022 = [
  'A3',
  'A4',
  'A5',
  'A6',
  'H5',
  'K1',
  'K2',
  'P1',
  'P2',
  'R1',
  'R2',
  'R3',
  'R5',
  'S1',
  'T0',
  'T1',
  'T2',
  'T3',
  'T4',
  'U1',
  'U2',
  'U3',
  'U4',
  'U5',
  'U6',
  'Z1',
] as const;
const PLACEMENT_TYPES_2014 = [
  'A3',
  'A4',
  'A5',
  'A6',
  'F1',
  'F2',
  'F3',
  'F4',
  'F5',
  'F6',
  'H5',
  'K1',
  'K2',
  'P1',
  'P2',
  'R1',
  'R2',
  'R3',
  'R5',
  'S1',
  'T0',
  'T1',
  'T2',
  'T3',
  'T4',
  'Z1',
] as const;

/** Each list applies to placements starting on or after its `from` date (collection year 1 April). */
export const PLACEMENT_TYPES_BY_COLLECTION_YEAR = [
  { collectionYear: '2014/15', from: dayOf(2000, 1, 1), codes: PLACEMENT_TYPES_2014 },
  { collectionYear: '2022/23', from: dayOf(2015, 4, 1), codes: PLACEMENT_TYPES_2022 },
  { collectionYear: '2025/26', from: dayOf(2023, 4, 1), codes: PLACEMENT_TYPES_CURRENT },
] as const;

export const CURRENT_PLACEMENT_TYPES: readonly string[] = PLACEMENT_TYPES_CURRENT;
export const RETIRED_PLACEMENT_TYPES = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'H5', 'P2', 'Z1'] as const;
export const ALL_PLACEMENT_TYPES: readonly string[] = [
  ...new Set([...PLACEMENT_TYPES_2014, ...PLACEMENT_TYPES_2022, ...PLACEMENT_TYPES_CURRENT]),
];

/** The placement type code list in force for a placement starting on `day`. */
export function placementTypesOn(day: number): readonly string[] {
  let codes: readonly string[] = PLACEMENT_TYPES_BY_COLLECTION_YEAR[0].codes;
  for (const list of PLACEMENT_TYPES_BY_COLLECTION_YEAR) if (day >= list.from) codes = list.codes;
  return codes;
}

/** What kind of care a placement code means: drives provider, cost and finance lines. */
export type PlacementKind =
  'FOSTER_RELATIVE' | 'FOSTER' | 'RESIDENTIAL' | 'PARENTS' | 'ADOPTION' | 'INDEPENDENT' | 'SECURE' | 'OTHER';

/**
 * What a placement code means, for cost and finance lines (SSDA903 definitions): U1–U3 and F1–F3
 * foster care with relatives or friends, U4–U6 and F4–F6 with other foster carers, K2 a children's
 * home and R1 a residential care home, K1 a secure children's home and R5 a young offender
 * institution, P1 placed with parents, A3–A6 placed for adoption, H5/P2/S2 semi-independent,
 * independent or supported living and P3 residential employment; S1 residential schools, R2 NHS,
 * R3 family centres or mother-and-baby units, T temporary moves and Z other placements.
 */
export function placementKind(code: string): PlacementKind {
  if (/^U[1-3]$/.test(code) || /^F[1-3]$/.test(code)) return 'FOSTER_RELATIVE';
  if (/^U[4-6]$/.test(code) || /^F[4-6]$/.test(code)) return 'FOSTER';
  if (code === 'K2' || code === 'R1') return 'RESIDENTIAL';
  if (code === 'K1' || code === 'R5') return 'SECURE';
  if (code === 'P1') return 'PARENTS';
  if (/^A[3-6]$/.test(code)) return 'ADOPTION';
  if (code === 'P2' || code === 'P3' || code === 'H5' || code === 'S2') return 'INDEPENDENT';
  return 'OTHER';
}

/** The usual mix of placement kinds for a child in care (foster care dominates). */
export const PLACEMENT_KIND_MIX: Weighted<PlacementKind> = [
  ['FOSTER', 55],
  ['FOSTER_RELATIVE', 16],
  ['RESIDENTIAL', 14],
  ['PARENTS', 6],
  ['INDEPENDENT', 7],
  ['SECURE', 1],
  ['OTHER', 1],
];

/** Youngest age (whole years) at which a child is placed in each kind of placement. */
export const PLACEMENT_KIND_MIN_AGE: Record<PlacementKind, number> = {
  FOSTER: 0,
  FOSTER_RELATIVE: 0,
  RESIDENTIAL: 8,
  PARENTS: 0,
  ADOPTION: 0,
  // Supported accommodation is for 16- and 17-year-olds; a secure children's home for those 12+.
  INDEPENDENT: 16,
  SECURE: 12,
  OTHER: 0,
};

/** Foster-for-adoption codes (a carer who is also an approved adopter): for babies and toddlers. */
export const FOSTER_FOR_ADOPTION_CODES: readonly string[] = ['U2', 'U5', 'F2', 'F5'];
/** Placed for adoption under a placement order (legal status E1), rather than with consent. */
export const PLACEMENT_ORDER_ADOPTION_CODES: readonly string[] = ['A5', 'A6'];

/** Placement provider: PR0 parent … PR5 voluntary. */
export const PROVIDER_TYPES = ['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5'] as const;

/** Reasons a CLA episode ceased (SSDA903); X1 = episode continues with a change. */
export const REASON_CEASED = [
  'E11',
  'E12',
  'E13',
  'E14',
  'E15',
  'E16',
  'E17',
  'E2',
  'E3',
  'E4A',
  'E4B',
  'E41',
  'E45',
  'E46',
  'E47',
  'E48',
  'E5',
  'E6',
  'E7',
  'E8',
  'E9',
  'X1',
] as const;

/**
 * How a care period ends, other than by adoption (E11/E12), by the child's age at the end and how
 * they were looked after (SSDA903 meanings). E15 (age assessed as 18 or over) belongs to
 * unaccompanied children whose age is disputed, and E2 (died), so neither is drawn here.
 */
export const REASON_CEASED_ANY_AGE: Weighted = [
  ['E4A', 30], // returned home to parents, part of care planning
  ['E4B', 3], // returned home, not part of care planning
  ['E13', 8], // left care to live with parents, relatives or others with no parental responsibility
  ['E41', 12], // residence order / child arrangements order
  ['E45', 4], // special guardianship order: former foster carers, relatives or friends
  ['E46', 3], // special guardianship order: former foster carers, not relatives or friends
  ['E47', 8], // special guardianship order: other carers, relatives or friends
  ['E48', 2], // special guardianship order: other carers, not relatives or friends
  ['E3', 2], // care taken by another local authority
  ['E16', 1], // child moved abroad
  ['E8', 8], // period of care ended for any other reason
];
/** From 16: moving on to independent living with or without formal support. */
export const REASON_CEASED_SIXTEEN_PLUS: Weighted = [
  ['E5', 10], // independent living with formalised support
  ['E6', 3], // independent living without formalised support
];
/** At 18, when a care period must end. */
export const REASON_CEASED_AT_EIGHTEEN: Weighted = [
  ['E17', 35], // aged 18 or over and remained with current carers (staying put)
  ['E5', 35],
  ['E6', 8],
  ['E7', 7], // transferred to residential care funded by adult social care
  ['E8', 15],
];
/** Youth justice legal statuses (remand, PACE, youth rehabilitation order with residence). */
export const YOUTH_JUSTICE_LEGAL_STATUSES: readonly string[] = ['J1', 'J2', 'J3'];

/** Reasons a new CLA episode starts: S started, L legal change, P placement change, T both, B both, U both (unrelated). */
export const REASON_NEW_EPISODE = ['S', 'L', 'P', 'T', 'B', 'U'] as const;

/** CLA review participation codes PN0–PN7. */
export const CLA_PARTICIPATION = ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'] as const;

/** Child and family assessment factor codes (CIN census). */
export const ASSESSMENT_FACTORS = [
  '1A',
  '1B',
  '1C',
  '2A',
  '2B',
  '2C',
  '3A',
  '3B',
  '3C',
  '4A',
  '4B',
  '4C',
  '5A',
  '5B',
  '5C',
  '6A',
  '6B',
  '6C',
  '7A',
  '8B',
  '8C',
  '8D',
  '8E',
  '8F',
  '9A',
  '10A',
  '11A',
  '12A',
  '13A',
  '14A',
  '15A',
  '16A',
  '17A',
  '18B',
  '18C',
  '19B',
  '19C',
  '20',
  '21',
  '22A',
  '23A',
  '24A',
] as const;

export const ASSESSMENT_OUTCOMES = ['NFA', 'CIN_PLAN', 'S47', 'EARLY_HELP', 'CLA'] as const;

export const S47_OUTCOMES = ['ICPC', 'NFA', 'CIN_PLAN', 'CONTINUE_ASSESSMENT'] as const;

export const REFERRAL_CLOSE_REASONS = ['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8'] as const;

export const EARLY_HELP_REASONS = [
  'PARENTING_SUPPORT',
  'SCHOOL_ATTENDANCE',
  'DOMESTIC_ABUSE',
  'MENTAL_HEALTH',
  'BEHAVIOUR',
  'HOUSING',
  'SUBSTANCE_MISUSE',
] as const;
export const EARLY_HELP_END_REASONS = [
  'OUTCOMES_MET',
  'STEP_UP_TO_SOCIAL_CARE',
  'DISENGAGED',
  'MOVED_AWAY',
] as const;
export const EARLY_HELP_ORGANISATIONS = [
  'Family Hub',
  'Early Help Service',
  'School',
  'Health Visiting',
  'Youth Service',
] as const;

export const INVOLVEMENT_ROLES = [
  'ALLOCATED_SOCIAL_WORKER',
  'EARLY_HELP_WORKER',
  'IRO',
  'TEAM_MANAGER',
] as const;
export const INVOLVEMENT_CHANGE_REASONS = [
  'WORKER_LEFT',
  'CASE_TRANSFER',
  'CASE_CLOSED',
  'CASELOAD_BALANCING',
] as const;

export const PLACEMENT_CHANGE_REASONS = [
  'CARERS_REQUEST',
  'CHILD_REQUEST',
  'CARE_PLAN',
  'ALLEGATION',
  'STANDARDS',
  'RESIGNATION',
  'OTHER',
] as const;

export const RESTRICTION_REASONS = [
  'ADOPTION',
  'PROTECTED_IDENTITY',
  'STAFF',
  'STAFF_RELATIVE',
  'HIGH_RISK',
] as const;

/** SEN need types (SEN2 / school census). */
export const SEN_NEED_TYPES = [
  'SPLD',
  'MLD',
  'SLD',
  'PMLD',
  'SEMH',
  'SLCN',
  'HI',
  'VI',
  'MSI',
  'PD',
  'ASD',
  'OTH',
] as const;
export const SEN_NEED_MIX: Weighted = [
  ['ASD', 30],
  ['SLCN', 20],
  ['SEMH', 16],
  ['MLD', 9],
  ['SLD', 8],
  ['SPLD', 5],
  ['PD', 4],
  ['PMLD', 3],
  ['HI', 2],
  ['VI', 1],
  ['MSI', 1],
  ['OTH', 1],
];

export const EHCP_REQUEST_SOURCES = [
  'PARENT',
  'SCHOOL',
  'HEALTH',
  'EARLY_YEARS',
  'SOCIAL_CARE',
  'YOUNG_PERSON',
  'OTHER',
] as const;
export const EHCP_CEASED_REASONS = ['MOVED_OUT_OF_AREA', 'NEEDS_MET', 'EDUCATION_ENDED', 'OTHER'] as const;

/** Suspension/exclusion reason codes (school census, 2024 onward). */
export const EXCLUSION_REASONS = [
  'PP',
  'PA',
  'VP',
  'VA',
  'BU',
  'RA',
  'SM',
  'DA',
  'DB',
  'TH',
  'DM',
  'PD',
  'MT',
  'OW',
  'UB',
  'IN',
  'OT',
] as const;

/** CCIS activity codes: education/training/employment, or NEET (5xx/6xx). */
export const NEET_ACTIVITY_CODES: readonly (readonly [string, boolean])[] = [
  ['110', false], // full-time education, school sixth form
  ['120', false], // sixth form college
  ['130', false], // further education
  ['210', false], // apprenticeship
  ['220', false], // employment with training
  ['240', false], // employment without training
  ['310', false], // part-time education
  ['540', true], // NEET: seeking work
  ['550', true], // NEET: not available (illness)
  ['610', true], // NEET: not seeking (young carer)
  ['620', true], // NEET: not seeking (teenage parent)
];

export const EARLY_YEARS_FUNDING_KINDS = ['TWO_YEAR_OLD', 'UNIVERSAL_15', 'EXTENDED_30'] as const;

/** Reasons no UPN is held (UN1–UN10). */
export const UPN_UNKNOWN_REASONS = [
  'UN1',
  'UN2',
  'UN3',
  'UN4',
  'UN5',
  'UN6',
  'UN7',
  'UN8',
  'UN9',
  'UN10',
] as const;

/** DfE ethnicity codes, weighted roughly like a shire county. */
export const ETHNICITY: Weighted = [
  ['WBRI', 700],
  ['WIRI', 5],
  ['WIRT', 2],
  ['WROM', 4],
  ['WOTH', 55],
  ['MWBC', 15],
  ['MWBA', 7],
  ['MWAS', 10],
  ['MOTH', 15],
  ['AIND', 25],
  ['APKN', 15],
  ['ABAN', 5],
  ['AOTH', 12],
  ['BCRB', 8],
  ['BAFR', 30],
  ['BOTH', 3],
  ['CHNE', 6],
  ['OOTH', 15],
  ['REFU', 10],
  ['NOBT', 12],
];
export const ETHNICITY_CODES: readonly string[] = codesOf(ETHNICITY);

/** Front-door triage outcome codes. */
export const FRONT_DOOR_DECISIONS = [
  'ADVICE',
  'EARLY_HELP',
  'SOCIAL_CARE_REFERRAL',
  'SEND_SUPPORT',
  'NFA',
] as const;
export type FrontDoorDecision = (typeof FRONT_DOOR_DECISIONS)[number];
export const FRONT_DOOR_ROUTES = ['C-SPA', 'L-SPA'] as const;
export const FRONT_DOOR_REASONS = [
  'Concern about neglect',
  'Domestic abuse incident',
  'Concern about emotional wellbeing',
  'Physical injury',
  'Parental mental health',
  'Parental substance misuse',
  'School attendance',
  'Behaviour at school',
  'Request for learning support',
  'Speech and language concern',
  'Missing from home',
  'Housing concern',
  'Request for early help',
  'Child exploitation concern',
  'Concern about sexual harm',
] as const;
/** Where a front-door decision sends the contact. */
export const ROUTED_TO: Record<FrontDoorDecision, readonly string[]> = {
  ADVICE: ['Universal services', 'Referrer advised'],
  EARLY_HELP: ['Early Help Hub', 'Family Hub'],
  SOCIAL_CARE_REFERRAL: ['Assessment Team', 'Children with Disabilities'],
  SEND_SUPPORT: ['SEND Casework', 'Learning Support'],
  NFA: [],
};

/** Formal forename -> nicknames people are also known by (and get recorded under). */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  Alexander: ['Alex', 'Xander', 'Sandy'],
  Alexandra: ['Alex', 'Lexi', 'Sasha'],
  Benjamin: ['Ben', 'Benji'],
  Charlotte: ['Charlie', 'Lottie'],
  Christopher: ['Chris', 'Kit'],
  Daniel: ['Dan', 'Danny'],
  Elizabeth: ['Liz', 'Beth', 'Lizzie', 'Eliza'],
  Frederick: ['Fred', 'Freddie'],
  Gabriella: ['Gabby', 'Ella'],
  Isabella: ['Bella', 'Izzy'],
  Jacob: ['Jake'],
  James: ['Jim', 'Jamie'],
  Jessica: ['Jess'],
  Joseph: ['Joe', 'Joey'],
  Katherine: ['Kate', 'Katie', 'Kat'],
  Matthew: ['Matt'],
  Michael: ['Mike', 'Mikey'],
  Nathaniel: ['Nate', 'Nathan'],
  Nicholas: ['Nick', 'Nicky'],
  Oliver: ['Ollie'],
  Rebecca: ['Becky', 'Becca'],
  Robert: ['Rob', 'Bobby'],
  Samuel: ['Sam', 'Sammy'],
  Samantha: ['Sam', 'Sammie'],
  Thomas: ['Tom', 'Tommy'],
  Victoria: ['Vicky', 'Tori'],
  William: ['Will', 'Billy', 'Liam'],
  Zachary: ['Zach', 'Zak'],
  Penelope: ['Penny'],
  Theodore: ['Theo', 'Ted'],
  Edward: ['Ed', 'Eddie', 'Ted'],
  Jennifer: ['Jen', 'Jenny'],
  Anthony: ['Tony', 'Ant'],
  Margaret: ['Maggie', 'Meg'],
  Harriet: ['Hattie'],
  Florence: ['Flo', 'Florrie'],
  Henry: ['Harry', 'Hal'],
  Jonathan: ['Jon', 'Jonny'],
  Abigail: ['Abby'],
  Madison: ['Maddie'],
};
