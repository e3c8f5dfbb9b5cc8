/**
 * SSDA903 care-leaver codes (OC3, collected since 2016/17 for 17- to 21-year-olds around their
 * birthday) and the rough national mixes the county draws them with (DfE, "Children looked after in
 * England including adoptions", care leavers tables: about nine in ten in touch, nine in ten of those
 * in suitable accommodation, a little over half of 19- to 21-year-olds in education, employment or
 * training). Also the outcomes of an unaccompanied child's age assessment.
 */
/** Codes with relative weights (as codes.ts draws them). */
type Weighted = readonly (readonly [string, number])[];

/** IN_TOUCH: YES; NO; DIED; REFU young person refuses contact; NREQ no longer requires services; RHOM returned home (relevant children). */
export const IN_TOUCH_CODES = ['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'] as const;

/** For an engaged young person; the few disengaged ones (careLeavers.ts) bring the whole to ~91%. */
export const IN_TOUCH_MIX: Weighted = [
  ['YES', 940],
  ['NO', 25],
  ['REFU', 20],
  ['NREQ', 10],
  ['RHOM', 5],
];

/**
 * ACTIV: F1/P1 full-/part-time higher education, F2/P2 other education, F3/P3 training or
 * employment, G4 NEET through illness or disability, G5 NEET for other reasons, G6 NEET through
 * pregnancy or parenting, 0 no information.
 */
export const ACTIVITY_CODES = ['F1', 'P1', 'F2', 'P2', 'F3', 'P3', 'G4', 'G5', 'G6', '0'] as const;

/** Activity of a care leaver in touch, by the birthday it is recorded for (17-18, or 19-21). */
export const ACTIVITY_MIX_17_18: Weighted = [
  ['F1', 1],
  ['F2', 46],
  ['P2', 3],
  ['F3', 12],
  ['P3', 4],
  ['G4', 6],
  ['G5', 21],
  ['G6', 4],
  ['0', 3],
];
export const ACTIVITY_MIX_19_21: Weighted = [
  ['F1', 9],
  ['P1', 1],
  ['F2', 12],
  ['P2', 2],
  ['F3', 26],
  ['P3', 10],
  ['G4', 9],
  ['G5', 20],
  ['G6', 8],
  ['0', 3],
];

/**
 * ACCOM accommodation types: B with parents or relatives, C community home or other residential
 * care, D semi-independent transitional accommodation, E supported lodgings, G gone abroad,
 * H deported, K ordinary lodgings, R residence not known, S no fixed abode or homeless, T foyers,
 * U independent living, V emergency accommodation, W bed and breakfast, X in custody, Y other,
 * Z with former foster carers. The return's code is the type followed by 1 (suitable) or
 * 2 (not suitable); 0 when nothing is known.
 */
export const ACCOMMODATION_TYPES = [
  'B',
  'C',
  'D',
  'E',
  'G',
  'H',
  'K',
  'R',
  'S',
  'T',
  'U',
  'V',
  'W',
  'X',
  'Y',
  'Z',
] as const;

/** Types that are not suitable as a rule (custody, no fixed abode, bed and breakfast, emergency). */
export const USUALLY_UNSUITABLE_ACCOMMODATION: readonly string[] = ['S', 'V', 'W', 'X'];

export const ACCOMMODATION_MIX_17_18: Weighted = [
  ['D', 34],
  ['E', 12],
  ['Z', 20],
  ['B', 10],
  ['U', 8],
  ['C', 4],
  ['T', 5],
  ['K', 2],
  ['X', 2],
  ['Y', 2],
  ['V', 1],
];
export const ACCOMMODATION_MIX_19_21: Weighted = [
  ['U', 40],
  ['D', 14],
  ['B', 10],
  ['Z', 8],
  ['E', 6],
  ['T', 4],
  ['K', 3],
  ['C', 2],
  ['X', 2],
  ['S', 1],
  ['W', 1],
  ['V', 1],
  ['G', 1],
  ['Y', 3],
];

/** How an age assessment ended (the adult outcome takes the young person out of children's services). */
export const AGE_ASSESSMENT_OUTCOMES = [
  'CLAIMED_AGE_ACCEPTED',
  'ASSESSED_OLDER_UNDER_18',
  'ASSESSED_YOUNGER',
  'ASSESSED_ADULT',
] as const;

/** Outcomes for a young person who stayed in care (an assessed adult leaves care, E15). */
export const AGE_ASSESSMENT_MIX_IN_CARE: Weighted = [
  ['CLAIMED_AGE_ACCEPTED', 55],
  ['ASSESSED_OLDER_UNDER_18', 38],
  ['ASSESSED_YOUNGER', 7],
];

/** Nationalities most often recorded for unaccompanied children arriving in England. */
export const UASC_NATIONALITIES = [
  'Afghan',
  'Eritrean',
  'Sudanese',
  'Iranian',
  'Vietnamese',
  'Albanian',
  'Syrian',
  'Ethiopian',
] as const;
