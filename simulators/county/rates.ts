/**
 * The county's rates and volumes as an analyst would read them from the records (not from the
 * generator's intentions), with the band each must fall in and where the band comes from. The
 * README's simulator table and the realism test both read the bands from here.
 */
import type { County } from './types.ts';
import type {
  EyesEducationRecordShape,
  FrontDoorContactRecord,
  LcsPersonRecord,
  LcsSocialCareRecordShape,
} from './records.ts';
import { addMonths, dayOf, fromIso, monthOf, toIso, yearOf } from './dates.ts';
import type { CountyInternals } from './generate.ts';
import { SenStatus } from './population.ts';

export interface CountyRates {
  /** Referrals in the year to asOf that came within 12 months of an earlier referral. */
  reReferralRate: number;
  /** s47 enquiries started in the three years to asOf that led to an initial conference. */
  s47ToIcpc: number;
  /** Initial conferences in the three years to asOf that made a CP plan. */
  icpcToPlan: number;
  /** The most CP plans ended on any one day in the three years to asOf. */
  maxCpPlansEndedOneDay: number;
  /** The most periods of care ended on any one day in the three years to asOf. */
  maxCarePeriodsEndedOneDay: number;
  /** Open CP plans at each of the last 12 month ends: the smallest over the largest. */
  cpSeriesMinOverMax: number;
  /** EHC needs assessment requests a month over the 24 full months before asOf. */
  ehcpRequestsMinMonth: number;
  ehcpRequestsMaxMonth: number;
  /** Front-door contacts in the 12 months to asOf, and in the busiest of those months. */
  frontDoorContactsYear: number;
  frontDoorBusiestMonth: string;
  /** Shares of the year's contacts by source. */
  contactsFromPolice: number;
  contactsFromSchools: number;
  contactsFromHealth: number;
  contactsFromIndividuals: number;
  /** Share of the year's decided contacts that became a social care referral. */
  contactsToReferral: number;
  /** LCS people on a CP plan or looked after on asOf whose record holds an NHS number. */
  cpClaWithNhsNumber: number;
  /** Headline counts on asOf. */
  lookedAfter: number;
  onCpPlan: number;
}

export interface RateBand {
  key: keyof CountyRates;
  label: string;
  min: number;
  max: number;
  source: string;
}

/** The band each rate must fall in at county scale, with its source. */
export const COUNTY_RATE_BANDS: readonly RateBand[] = [
  {
    key: 'reReferralRate',
    label: 'Re-referrals within 12 months',
    min: 0.15,
    max: 0.26,
    source: 'DfE Children in need 2024-25: 22% of referrals (DOMAIN.md: about a fifth)',
  },
  {
    key: 's47ToIcpc',
    label: 's47 enquiries leading to an ICPC',
    min: 0.33,
    max: 0.5,
    source:
      'DfE Children in need: about 90,000 ICPCs from 200,000 s47 enquiries (issue 15: a third to a half)',
  },
  {
    key: 'icpcToPlan',
    label: 'ICPCs leading to a CP plan',
    min: 0.75,
    max: 0.95,
    source: 'DfE Children in need: about 85% of ICPCs make a plan (issue 15: most but not all)',
  },
  {
    key: 'maxCpPlansEndedOneDay',
    label: 'Most CP plans ended on one day',
    min: 0,
    max: 15,
    source: 'No clamp: plans end through the year (issue 15)',
  },
  {
    key: 'maxCarePeriodsEndedOneDay',
    label: 'Most care periods ended on one day',
    min: 0,
    max: 15,
    source: 'No clamp: care periods end through the year (issue 15)',
  },
  {
    key: 'cpSeriesMinOverMax',
    label: 'Open CP plans, smallest over largest month end in the last year',
    min: 0.7,
    max: 1,
    source: 'Council report: 696 to 938 over a year; a steady series (issue 15)',
  },
  {
    key: 'ehcpRequestsMinMonth',
    label: 'EHC needs assessment requests, quietest month of 24',
    min: 150,
    max: 600,
    source: 'Steady, no collapse after February 2026 (issue 15)',
  },
  {
    key: 'ehcpRequestsMaxMonth',
    label: 'EHC needs assessment requests, busiest month of 24',
    min: 200,
    max: 800,
    source: 'SEN2: about 12,000 plans in force, roughly 3,500-4,500 requests a year',
  },
  {
    key: 'frontDoorContactsYear',
    label: 'Front-door contacts in the year',
    min: 55_000,
    max: 60_000,
    source: 'Council report: 3,436 to 5,099 a month, so 55,000-60,000 a year',
  },
  {
    key: 'contactsFromPolice',
    label: 'Contacts from the police',
    min: 0.2,
    max: 0.35,
    source: 'DfE Children in need: police about 29% of referrals',
  },
  {
    key: 'contactsFromSchools',
    label: 'Contacts from schools and education',
    min: 0.15,
    max: 0.25,
    source: 'DfE Children in need: schools about 21% of referrals',
  },
  {
    key: 'contactsFromHealth',
    label: 'Contacts from health',
    min: 0.12,
    max: 0.25,
    source: 'DfE Children in need: health services about 15% of referrals',
  },
  {
    key: 'contactsFromIndividuals',
    label: 'Contacts from individuals',
    min: 0.03,
    max: 0.12,
    source: 'DfE Children in need: individuals about 7% of referrals',
  },
  {
    key: 'contactsToReferral',
    label: 'Contacts becoming a social care referral',
    min: 0.18,
    max: 0.28,
    source:
      'ADCS Safeguarding Pressures phase 8: 650,270 referrals from 2.77 million initial contacts in 2021-22 (23%)',
  },
  {
    key: 'cpClaWithNhsNumber',
    label: 'CP and looked-after children with an NHS number in LCS',
    min: 0.85,
    max: 0.95,
    source: 'DfE expects it for every CP and looked-after child (issue 15: most)',
  },
  {
    key: 'lookedAfter',
    label: 'Looked after on asOf',
    min: 950,
    max: 1_050,
    source: 'Council report: about 1,000',
  },
  { key: 'onCpPlan', label: 'On a CP plan on asOf', min: 900, max: 1_000, source: 'Council report: 938' },
];

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const isOpen = (start: string, end: string | null, on: string) => start <= on && (end === null || end > on);

/**
 * Reads the rates from the records. `pupilsWithRequests` names the EYES pupils that hold an EHC
 * needs assessment request (all pupils when omitted; the generator can name them far faster).
 */
export function measureCountyRates(
  county: County,
  pupilsWithRequests: Iterable<string> = county.eyes.records.ids(),
): CountyRates {
  const asOfDay = fromIso(county.asOf);
  const asOf = county.asOf;
  const yearAgo = toIso(addMonths(asOfDay, -12));
  const threeYearsAgo = toIso(addMonths(asOfDay, -36));

  let referralsInYear = 0;
  let reReferrals = 0;
  let s47s = 0;
  let s47WithIcpc = 0;
  let icpcs = 0;
  let icpcWithPlan = 0;
  const cpEndings = new Map<string, number>();
  const careEndings = new Map<string, number>();
  const firstOfMonth = dayOf(yearOf(asOfDay), monthOf(asOfDay), 1);
  const monthEnds = Array.from({ length: 12 }, (_, n) => toIso(addMonths(firstOfMonth, -n) - 1));
  const openCp = new Array<number>(12).fill(0);
  let cpCla = 0;
  let cpClaWithNhs = 0;
  let lookedAfter = 0;
  let onCpPlan = 0;

  for (const id of county.lcs.people.ids()) {
    const person = county.lcs.people.get(id) as unknown as LcsPersonRecord;
    const record = county.lcs.socialCare.get(id) as unknown as LcsSocialCareRecordShape;
    const dates = record.referrals.map((r) => r.referralDate).sort();
    dates.forEach((date, n) => {
      if (date <= yearAgo || date > asOf) return;
      referralsInYear++;
      const previous = dates[n - 1];
      if (previous !== undefined && previous >= toIso(addMonths(fromIso(date), -12))) reReferrals++;
    });
    for (const s47 of record.s47Enquiries) {
      if (s47.startDate > threeYearsAgo && s47.endDate !== null) {
        s47s++;
        if (s47.icpc !== null) s47WithIcpc++;
      }
      const icpc = s47.icpc;
      if (icpc?.conferenceDate && icpc.conferenceDate > threeYearsAgo && !icpc.transferIn) {
        icpcs++;
        if (icpc.cpPlanOutcome) icpcWithPlan++;
      }
    }
    for (const plan of record.cpPlans) {
      if (plan.endDate !== null && plan.endDate > threeYearsAgo)
        cpEndings.set(plan.endDate, (cpEndings.get(plan.endDate) ?? 0) + 1);
      monthEnds.forEach((end, n) => {
        if (isOpen(plan.startDate, plan.endDate, end)) openCp[n]!++;
      });
    }
    for (const episode of record.claEpisodes) {
      if (episode.ceasedDate !== null && episode.reasonCeased !== 'X1' && episode.ceasedDate > threeYearsAgo)
        careEndings.set(episode.ceasedDate, (careEndings.get(episode.ceasedDate) ?? 0) + 1);
    }
    const cla = record.claEpisodes.some((e) => isOpen(e.startDate, e.ceasedDate, asOf));
    const cp = record.cpPlans.some((p) => isOpen(p.startDate, p.endDate, asOf));
    if (cla) lookedAfter++;
    if (cp) onCpPlan++;
    if (cla || cp) {
      cpCla++;
      if (person.nhsNumber !== null) cpClaWithNhs++;
    }
  }

  const ehcpFrom = toIso(addMonths(firstOfMonth, -24));
  const ehcpTo = toIso(firstOfMonth);
  const ehcpByMonth = new Map<string, number>();
  for (let n = 0; n < 24; n++) ehcpByMonth.set(toIso(addMonths(firstOfMonth, -1 - n)).slice(0, 7), 0);
  // Only pupils whose SEN history includes a request are read: the rest hold none.
  for (const id of pupilsWithRequests) {
    const record = county.eyes.records.get(id) as unknown as EyesEducationRecordShape;
    for (const request of record.ehcpRequests) {
      if (request.requestDate >= ehcpFrom && request.requestDate < ehcpTo) {
        const month = request.requestDate.slice(0, 7);
        ehcpByMonth.set(month, (ehcpByMonth.get(month) ?? 0) + 1);
      }
    }
  }

  let contacts = 0;
  const bySource = { police: 0, schools: 0, health: 0, individuals: 0 };
  let decided = 0;
  let referred = 0;
  const contactsByMonth = new Map<string, number>();
  // Contact ids are in date order: read back from the newest until the year is done.
  const contactIds = county.frontdoor.contacts.ids();
  for (let n = contactIds.length - 1; n >= 0; n--) {
    const contact = county.frontdoor.contacts.get(contactIds[n]!) as unknown as FrontDoorContactRecord;
    if (contact.contactDate > asOf) continue;
    if (contact.contactDate <= yearAgo) break;
    contacts++;
    const month = contact.contactDate.slice(0, 7);
    contactsByMonth.set(month, (contactsByMonth.get(month) ?? 0) + 1);
    const source = contact.sourceCode;
    if (source === '6') bySource.police++;
    else if (source.startsWith('2')) bySource.schools++;
    else if (source.startsWith('3')) bySource.health++;
    else if (source.startsWith('1') && source !== '10') bySource.individuals++;
    if (contact.decision !== null) {
      decided++;
      if (contact.decision === 'SOCIAL_CARE_REFERRAL') referred++;
    }
  }
  const busiest = [...contactsByMonth.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const ehcpCounts = [...ehcpByMonth.values()];

  return {
    reReferralRate: share(reReferrals, referralsInYear),
    s47ToIcpc: share(s47WithIcpc, s47s),
    icpcToPlan: share(icpcWithPlan, icpcs),
    maxCpPlansEndedOneDay: Math.max(0, ...cpEndings.values()),
    maxCarePeriodsEndedOneDay: Math.max(0, ...careEndings.values()),
    cpSeriesMinOverMax: share(Math.min(...openCp), Math.max(...openCp)),
    ehcpRequestsMinMonth: Math.min(...ehcpCounts),
    ehcpRequestsMaxMonth: Math.max(...ehcpCounts),
    frontDoorContactsYear: contacts,
    frontDoorBusiestMonth: `${busiest[0]}: ${busiest[1]}`,
    contactsFromPolice: share(bySource.police, contacts),
    contactsFromSchools: share(bySource.schools, contacts),
    contactsFromHealth: share(bySource.health, contacts),
    contactsFromIndividuals: share(bySource.individuals, contacts),
    contactsToReferral: share(referred, decided),
    cpClaWithNhsNumber: share(cpClaWithNhs, cpCla),
    lookedAfter,
    onCpPlan,
  };
}

/** The EYES pupils whose SEN history holds an EHC needs assessment request, read from the population. */
export function pupilsWithEhcpRequests(county: County & { readonly internals: CountyInternals }): string[] {
  const sen = county.internals.population.senStatus;
  const pupils: string[] = [];
  let child = 0;
  for (const truth of county.groundTruth()) {
    if ((sen[child] as number) >= SenStatus.EHCP_ACTIVE) pupils.push(...truth.eyes);
    child++;
  }
  return pupils;
}
