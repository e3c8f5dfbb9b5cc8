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
  LcsTeamRecord,
} from './records.ts';
import { addMonths, ageOn, dayOf, fromIso, monthOf, toIso, yearOf } from './dates.ts';
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
  /** Care leavers (LCS care-leaver records) by age on asOf. */
  careLeavers17to21: number;
  careLeavers22to25: number;
  /**
   * Of the care-leaver returns (OC3) recorded in the year to asOf around a 19th, 20th or 21st
   * birthday: in touch; in suitable accommodation (of those in touch); in education, employment or
   * training (of all).
   */
  careLeavers19to21InTouch: number;
  careLeavers19to21SuitablyAccommodated: number;
  careLeavers19to21Eet: number;
  /** Looked-after children on asOf who are unaccompanied asylum seekers, and their profile. */
  uascShareOfLookedAfter: number;
  uascMale: number;
  uascUnder16: number;
  /** Children with a CME episode open at some point in the year to asOf, and open on asOf. */
  cmeChildrenInYear: number;
  cmeOpenOnAsOf: number;
  /** EHC plan annual review meetings in the year to asOf held within 12 months of the last. */
  annualReviewsOnTime: number;
  /** EHC needs assessments agreed and not yet concluded on asOf. */
  ehcAssessmentsInFlight: number;
  /** Open CIN plans on asOf held by a Disabilities team. */
  cinPlansDisabilitiesShare: number;
  /** Data-quality flaws, as shares of the records concerned (ground truth, not the linker's view). */
  namesSwapped: number;
  liftSpellingVariants: number;
  dobTransposed: number;
  liftDuplicates: number;
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
  {
    key: 'careLeavers17to21',
    label: 'Care leavers aged 17-21 on asOf',
    min: 500,
    max: 1_000,
    source:
      'DfE Children looked after 2020: 42,960 care leavers aged 17-21 (480 + 11,220 + 31,260) to 80,080 looked after; 540 at 1,000 looked after, 970 at 270,000 of 12 million children',
  },
  {
    key: 'careLeavers22to25',
    label: 'Care leavers aged 22-25 on asOf (still supported)',
    min: 150,
    max: 450,
    source:
      'DfE Children looked after 2025: 6,780 of 11,670 22-year-olds and 4,820 of 11,320 23-year-olds requested and received support, fewer at 24-25',
  },
  {
    key: 'careLeavers19to21InTouch',
    label: 'Care leavers 19-21 in touch',
    min: 0.85,
    max: 0.96,
    source: 'DfE Children looked after 2020-21: 91% of 19- to 21-year-olds in touch',
  },
  {
    key: 'careLeavers19to21SuitablyAccommodated',
    label: 'Care leavers 19-21 in touch in suitable accommodation',
    min: 0.85,
    max: 0.96,
    source: 'DfE Children looked after: about nine in ten (93% in 2014, PAC HC 411)',
  },
  {
    key: 'careLeavers19to21Eet',
    label: 'Care leavers 19-21 in education, employment or training',
    min: 0.45,
    max: 0.62,
    source: 'DfE Children looked after: about half in 2020-21 (about 40% NEET, 2017)',
  },
  {
    key: 'uascShareOfLookedAfter',
    label: 'Looked-after children who are UASC',
    min: 0.05,
    max: 0.1,
    source: 'DfE Children looked after 2022: 5,570 UASC, 7% of 82,170 (higher in the south-east)',
  },
  {
    key: 'uascMale',
    label: 'UASC who are boys',
    min: 0.9,
    max: 0.98,
    source: 'DfE Children looked after 2022: 95%',
  },
  {
    key: 'uascUnder16',
    label: 'UASC aged under 16',
    min: 0.06,
    max: 0.2,
    source: 'DfE Children looked after 2022: 13%',
  },
  {
    key: 'cmeChildrenInYear',
    label: 'Children missing education at some point in the year',
    min: 2_000,
    max: 3_600,
    source:
      "DfE Children missing education 2024-25: 143,000 of 7.9 million of compulsory school age (1.8%); ~3,000 of the county's ~165,000",
  },
  {
    key: 'cmeOpenOnAsOf',
    label: 'Children missing education on asOf',
    min: 450,
    max: 1_000,
    source:
      'DfE Children missing education: 39,200 (autumn 2024) and 34,700 (autumn 2025) on census day, 0.44-0.50%; ~725-820 in the county',
  },
  {
    key: 'annualReviewsOnTime',
    label: 'EHC plan annual reviews held within 12 months',
    min: 0.5,
    max: 0.85,
    source:
      'No national figure (SEN2 does not publish it); nearest council figure, Devon FOI: 51-73% of review decisions within 4 weeks of the meeting, 2021-24',
  },
  {
    key: 'ehcAssessmentsInFlight',
    label: 'EHC needs assessments in progress on asOf',
    min: 600,
    max: 1_600,
    source:
      "SEN2 2020: 18,232 still being assessed at year end, 0.29 of the year's 63,219 assessments; at 2,600-3,400 assessments a year and longer waits since",
  },
  {
    key: 'cinPlansDisabilitiesShare',
    label: 'Open CIN plans held by the Disabilities service',
    min: 0.1,
    max: 0.35,
    source:
      "DfE Children in need: disability or illness the primary need of about 10% of children in need; disabled children's plans run longer",
  },
  {
    key: 'namesSwapped',
    label: 'Records with forename and surname swapped (all systems)',
    min: 0.001,
    max: 0.02,
    source:
      'Just et al. 2016 (PHIM 13:1e): after misspellings, the commonest name discrepancy; a small share of records',
  },
  {
    key: 'liftSpellingVariants',
    label: "LIFT clients with a name spelled another way than the child's",
    min: 0.02,
    max: 0.18,
    source:
      'ALSPAC (IJPDS 2023, 2389): forenames disagree between collections in 12% of records, surnames 18%, mostly spelling',
  },
  {
    key: 'dobTransposed',
    label: 'Records with day and month of birth transposed (all systems)',
    min: 0.001,
    max: 0.03,
    source: 'Harron et al. 2017 (BMC MRM 17:23): 0.1% of hospital records to a few per cent by phone',
  },
  {
    key: 'liftDuplicates',
    label: 'LIFT clients that duplicate another of the same child',
    min: 0.02,
    max: 0.1,
    source: 'AHIMA: master person indexes carry 5-10% duplicates (LIFT keys the LCS id, so fewer)',
  },
];

/** OC3 activity codes for education (F1, P1, F2, P2), training or employment (F3, P3); not the hub's list, so the county is read independently. */
const EET_ACTIVITIES = new Set(['F1', 'P1', 'F2', 'P2', 'F3', 'P3']);
/** The seeds the README table and the realism test read the county at. */
export const COUNTY_RATE_SEEDS = ['svoc', 'harbour'] as const;

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
  const leavers = { aged17to21: 0, aged22to25: 0, returns: 0, inTouch: 0, suitable: 0, eet: 0 };
  const uasc = { lookedAfter: 0, male: 0, under16: 0 };
  let openCinPlans = 0;
  let openCinPlansDisabilities = 0;
  const disabilityTeams = new Set<string>();
  for (const id of county.lcs.teams.ids()) {
    const team = county.lcs.teams.get(id) as unknown as LcsTeamRecord;
    if (team.service === 'Disabilities') disabilityTeams.add(team.teamId);
  }

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
    const uascStatus = record.uasc;
    if (cla && uascStatus && (uascStatus.uascCeasedDate === null || uascStatus.uascCeasedDate > asOf)) {
      uasc.lookedAfter++;
      if (person.sex === 'M') uasc.male++;
      if (person.dateOfBirth !== null && ageOn(fromIso(person.dateOfBirth), asOfDay) < 16) uasc.under16++;
    }
    const leaver = record.careLeaver;
    if (leaver) {
      const age = ageOn(fromIso(leaver.dateOfBirth), asOfDay);
      if (age >= 17 && age <= 21) leavers.aged17to21++;
      else if (age >= 22 && age <= 25) leavers.aged22to25++;
      for (const oc3 of leaver.contacts) {
        if (oc3.age < 19 || oc3.age > 21 || oc3.contactDate <= yearAgo || oc3.contactDate > asOf) continue;
        leavers.returns++;
        if (oc3.inTouch === 'YES') {
          leavers.inTouch++;
          // The return's accommodation code: the type, then 1 suitable or 2 not suitable.
          if (oc3.accommodation.endsWith('1')) leavers.suitable++;
        }
        if (EET_ACTIVITIES.has(oc3.activity)) leavers.eet++;
      }
    }
    if (record.cinPlans.some((p) => isOpen(p.startDate, p.endDate, asOf))) {
      openCinPlans++;
      const heldByDisabilities = record.involvements.some(
        (held) =>
          held.caseStatus === 'CIN' &&
          disabilityTeams.has(held.teamId) &&
          isOpen(held.startDate, held.endDate, asOf),
      );
      if (heldByDisabilities) openCinPlansDisabilities++;
    }
    if (cla || cp) {
      cpCla++;
      if (person.nhsNumber !== null) cpClaWithNhs++;
    }
  }

  const ehcpFrom = toIso(addMonths(firstOfMonth, -24));
  const ehcpTo = toIso(firstOfMonth);
  const ehcpByMonth = new Map<string, number>();
  for (let n = 0; n < 24; n++) ehcpByMonth.set(toIso(addMonths(firstOfMonth, -1 - n)).slice(0, 7), 0);
  const reviews = { held: 0, onTime: 0 };
  let assessmentsInFlight = 0;
  // Only pupils whose SEN history includes a request are read: the rest hold none.
  for (const id of pupilsWithRequests) {
    const record = county.eyes.records.get(id) as unknown as EyesEducationRecordShape;
    for (const request of record.ehcpRequests) {
      const agreed = request.decisionToAssessDate;
      const concluded = request.assessmentOutcomeDate;
      if (agreed !== null && agreed <= asOf && (concluded === null || concluded > asOf))
        assessmentsInFlight++;
      if (request.plan) {
        // Each review is due within 12 months of the plan or of the last review meeting.
        let last = request.plan.startDate;
        for (const review of request.plan.annualReviews) {
          if (review.meetingDate > yearAgo && review.meetingDate <= asOf) {
            reviews.held++;
            if (review.meetingDate <= toIso(addMonths(fromIso(last), 12))) reviews.onTime++;
          }
          last = review.meetingDate;
        }
      }
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
  let cmeInYear = 0;
  let cmeOpen = 0;
  for (const id of county.eyes.records.ids()) {
    const episodes = (county.eyes.records.get(id) as unknown as EyesEducationRecordShape).missingEducation;
    const open = (on: string) =>
      episodes.some((e) => e.reportedMissingDate <= on && (e.closedDate ?? '9') > on);
    if (episodes.some((e) => e.reportedMissingDate <= asOf && (e.closedDate ?? '9') > yearAgo)) cmeInYear++;
    if (open(asOf)) cmeOpen++;
  }

  const flawed = { namesSwapped: 0, dobTransposed: 0, liftVariants: 0, liftDuplicates: 0 };
  for (const record of county.recordFlaws()) {
    if (record.flaws.includes('NAMES_SWAPPED')) flawed.namesSwapped++;
    if (record.flaws.includes('DOB_TRANSPOSED')) flawed.dobTransposed++;
    if (record.system === 'lift' && record.flaws.includes('SPELLING_VARIANT')) flawed.liftVariants++;
    if (record.system === 'lift' && record.flaws.includes('DUPLICATE')) flawed.liftDuplicates++;
  }
  const allRecords =
    county.lcs.people.size +
    county.eyes.pupils.size +
    county.lift.clients.size +
    county.frontdoor.contacts.size;

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
    careLeavers17to21: leavers.aged17to21,
    careLeavers22to25: leavers.aged22to25,
    careLeavers19to21InTouch: share(leavers.inTouch, leavers.returns),
    careLeavers19to21SuitablyAccommodated: share(leavers.suitable, leavers.inTouch),
    careLeavers19to21Eet: share(leavers.eet, leavers.returns),
    uascShareOfLookedAfter: share(uasc.lookedAfter, lookedAfter),
    uascMale: share(uasc.male, uasc.lookedAfter),
    uascUnder16: share(uasc.under16, uasc.lookedAfter),
    cmeChildrenInYear: cmeInYear,
    cmeOpenOnAsOf: cmeOpen,
    annualReviewsOnTime: share(reviews.onTime, reviews.held),
    ehcAssessmentsInFlight: assessmentsInFlight,
    cinPlansDisabilitiesShare: share(openCinPlansDisabilities, openCinPlans),
    namesSwapped: share(flawed.namesSwapped, allRecords),
    liftSpellingVariants: share(flawed.liftVariants, county.lift.clients.size),
    dobTransposed: share(flawed.dobTransposed, allRecords),
    liftDuplicates: share(flawed.liftDuplicates, county.lift.clients.size),
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
