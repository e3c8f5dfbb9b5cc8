/**
 * The registry of report fact lists: every upstream list a report aggregates, declared once, here
 * with the connectors because each reads a system's wire and names its cache resource.
 *
 * A list names its cache resource (its entries live in the shared cache under that name, one
 * entry per key: a month, a date, a team, 'all'), how one key is read from its system, which
 * keys are kept prepared on a given day, and which of those keys a change to a record touches.
 * The report read path (reportSources.ts), the background preparation (reportFacts.ts) and the change
 * events (src/server/http/events.ts) all work from these declarations, so a new list is one definition
 * here and one line in REPORT_FACT_LISTS.
 */
import type { RequestScope } from './shared/scope.ts';
import { readAllPages } from './shared/loaderKit.ts';
import type { LcsSocialCareRecord } from './lcs/types.ts';
import type { EyesEducationRecord } from './eyes/types.ts';
import type { FrontDoorContact } from './frontdoor/types.ts';
import type { Team } from '../src/domain/models/socialCare.ts';
import type { BudgetLine } from '../src/domain/models/finance.ts';
import { toTeam } from './lcs/map.ts';
import { toBudgetLine } from './lift/map.ts';
import type { LcsClient } from './lcs/client.ts';
import type { EyesClient } from './eyes/client.ts';
import type { LiftHttpClient } from './lift/client.ts';
import type { FrontDoorClient } from './frontdoor/client.ts';
import type { SystemName } from '../src/platform/systems.ts';
import { financialYearOf } from '../src/domain/rules/index.ts';
import {
  agreementFact,
  assessmentFact,
  claEpisodeFact,
  countContacts,
  cpPlanFact,
  ehcpFact,
  icpcFact,
  placementFact,
  referralFact,
  sendCostFact,
  type AgreementFact,
  type AssessmentFact,
  type ClaEpisodeFact,
  type ContactCount,
  type CpPlanFact,
  type EhcpFact,
  type IcpcFact,
  type PlacementFact,
  type ReferralFact,
  type SendCostFact,
} from '../src/domain/reports/facts.ts';
import { monthBounds, monthOf } from '../src/domain/reports/periods.ts';
import {
  ehcpPlansWindowStart,
  placementsKey,
  placementsWindow,
  preparedEhcpRequestMonths,
  preparedMonths,
  previousYearStartOf,
} from '../src/domain/reports/preparedKeys.ts';
import type { CaseHolding } from '../src/domain/reports/filter.ts';
import type { ListSpec, ReportLists } from './reportSources.ts';
import type { LcsCareLeaver, LcsCinPlan, LcsUasc } from './lcs/types.ts';
import type { CareLeaverFact } from '../src/domain/reports/careLeavers.ts';
import type { CinPlanFact } from '../src/domain/reports/cinPlans.ts';
import type { UascFact } from '../src/domain/reports/uasc.ts';
import { packPlanReviews } from '../src/domain/reports/annualReviews.ts';
import { cmeEpisodeFact, type CmeEpisodeFact } from '../src/domain/reports/missingEducation.ts';
import { toPlanReviewsFact } from './eyes/map.ts';

/** The systems' clients (pass the report bulkhead's). */
export interface ReportClients {
  lcs: LcsClient;
  eyes: EyesClient;
  lift: LiftHttpClient;
  frontdoor: FrontDoorClient;
}

/** A change a system announced (POST /events) or a reconciliation found: `{system, resource, id}`. */
export interface FactChange {
  readonly system: SystemName;
  readonly resource: string;
  readonly id: string;
}

/**
 * The changed records, read once per batch of changes however many lists ask (null: the system
 * no longer knows the record). Lists read them to see which of their keys a change touches.
 */
export interface ChangedRecords {
  lcsSocialCare(personId: string): Promise<LcsSocialCareRecord | null>;
  eyesRecord(pupilId: string): Promise<EyesEducationRecord | null>;
  frontDoorContact(contactId: string): Promise<FrontDoorContact | null>;
}

/** Reads another list's facts (through the cache) while working out which keys to prepare. */
export type ListReader = <T>(list: FactList<T>, keys: readonly string[]) => Promise<readonly T[]>;

export interface FactList<T> extends ListSpec<T> {
  /** The keys kept prepared on `today` (Europe/London): what warm-up and reconciliation read. */
  prepared(today: string, read: ListReader): readonly string[] | Promise<readonly string[]>;
  /** Which of the keys prepared on `today` these changes touch: re-read at once. */
  touched(changes: readonly FactChange[], records: ChangedRecords, today: string): Promise<readonly string[]>;
}

const compact = <R, F>(records: readonly R[], map: (record: R) => F | null): F[] => {
  const facts: F[] = [];
  for (const record of records) {
    const fact = map(record);
    if (fact !== null) facts.push(fact);
  }
  return facts;
};

/** Ids of changes to one system's resources. */
const idsOf = (changes: readonly FactChange[], system: SystemName, resources: readonly string[]) => [
  ...new Set(changes.filter((c) => c.system === system && resources.includes(c.resource)).map((c) => c.id)),
];

/** The LCS people these changes name (a person or their social care record). */
const lcsPeople = (changes: readonly FactChange[]) => idsOf(changes, 'lcs', ['people', 'social-care']);

/** Of the months prepared today (by default the month lists' window), those the dates fall in. */
const preparedMonthsOf = (
  dates: Iterable<string | null>,
  today: string,
  window: (today: string) => string[] = preparedMonths,
): string[] => {
  const prepared = new Set(window(today));
  const months = new Set<string>();
  for (const date of dates) if (date && prepared.has(monthOf(date))) months.add(monthOf(date));
  return [...months];
};

/** A month list over LCS people's records: touched months are those of the changed people's items. */
function lcsMonthList<R, F>(
  resource: string,
  page: (
    clients: ReportClients,
  ) => (
    cursor: string | null,
    scope: RequestScope,
    bounds: { from: string; to: string },
  ) => Promise<{ items: R[]; nextCursor: string | null }>,
  map: (record: R) => F | null,
  datesOf: (record: LcsSocialCareRecord) => (string | null)[],
): FactList<F> {
  return {
    system: 'lcs',
    resource,
    fetch: async (month, clients, scope) =>
      compact(await readAllPages((cursor) => page(clients)(cursor, scope, monthBounds(month))), map),
    prepared: preparedMonths,
    touched: async (changes, records, today) => {
      const dates: (string | null)[] = [];
      for (const id of lcsPeople(changes)) {
        const record = await records.lcsSocialCare(id);
        if (record) dates.push(...datesOf(record));
      }
      return preparedMonthsOf(dates, today);
    },
  };
}

/** A whole-list snapshot keyed by a date, prepared for today: re-read when a changed person has such items. */
function lcsSnapshotList<F>(
  resource: string,
  fetch: (date: string, clients: ReportClients, scope: RequestScope) => Promise<F[]>,
  has: (record: LcsSocialCareRecord) => boolean,
): FactList<F> {
  return {
    system: 'lcs',
    resource,
    fetch,
    prepared: (today) => [today],
    touched: async (changes, records, today) => {
      for (const id of lcsPeople(changes)) {
        const record = await records.lcsSocialCare(id);
        if (record && has(record)) return [today];
      }
      return [];
    },
  };
}

export const referralsByMonth = lcsMonthList<Parameters<typeof referralFact>[0], ReferralFact>(
  'report-referrals-by-month',
  (c) => c.lcs.referralsPage,
  referralFact,
  (r) => r.referrals.map((x) => x.referralDate),
);

export const assessmentsByMonth = lcsMonthList<Parameters<typeof assessmentFact>[0], AssessmentFact>(
  'report-assessments-by-month',
  (c) => c.lcs.assessmentsPage,
  assessmentFact,
  (r) => r.assessments.map((x) => x.startDate),
);

export const icpcsByMonth = lcsMonthList<Parameters<typeof icpcFact>[0], IcpcFact>(
  'report-icpcs-by-month',
  (c) => c.lcs.s47Page,
  icpcFact,
  (r) => r.s47Enquiries.map((x) => x.startDate),
);

export const ehcpRequestsByMonth: FactList<EhcpFact> = {
  system: 'eyes',
  resource: 'report-ehcp-requests-by-month',
  fetch: async (month, clients, scope) =>
    (await readAllPages((cursor) => clients.eyes.ehcpRequestsPage(cursor, scope, monthBounds(month)))).map(
      ehcpFact,
    ),
  prepared: preparedEhcpRequestMonths,
  touched: async (changes, records, today) => {
    const dates: string[] = [];
    for (const id of idsOf(changes, 'eyes', ['pupils', 'records'])) {
      const record = await records.eyesRecord(id);
      if (record) dates.push(...record.ehcpRequests.map((r) => r.requestDate));
    }
    return preparedMonthsOf(dates, today, preparedEhcpRequestMonths);
  },
};

/** The months of the changed front-door contacts. */
const contactMonths = async (changes: readonly FactChange[], records: ChangedRecords, today: string) => {
  const dates: string[] = [];
  for (const id of idsOf(changes, 'frontdoor', ['contacts'])) {
    const contact = await records.frontDoorContact(id);
    if (contact) dates.push(contact.contactDate);
  }
  return preparedMonthsOf(dates, today);
};

const contactsOfMonth = (month: string, clients: ReportClients, scope: RequestScope) =>
  readAllPages((cursor) => clients.frontdoor.contactsPage(cursor, scope, monthBounds(month)));

/** Front-door contacts of a month counted by day, source, decision, route, RAG and decision day. */
export const contactTriageByMonth: FactList<ContactCount> = {
  system: 'frontdoor',
  resource: 'report-contact-triage-by-month',
  fetch: async (month, clients, scope) => countContacts(await contactsOfMonth(month, clients, scope)),
  prepared: preparedMonths,
  touched: contactMonths,
};

/**
 * A month's contact ids, cached as each day's ids joined by commas (a county month is tens of
 * kilobytes even so), read one month per cache round trip so no store read nears the command timeout.
 */
export const contactIdsByMonth: FactList<[contactDate: string, contactIds: string]> = {
  system: 'frontdoor',
  resource: 'report-contact-ids-by-month',
  keysPerRead: 1,
  fetch: async (month, clients, scope) => {
    const byDay = new Map<string, string[]>();
    for (const c of await contactsOfMonth(month, clients, scope)) {
      const ids = byDay.get(c.contactDate);
      if (ids) ids.push(c.contactId);
      else byDay.set(c.contactDate, [c.contactId]);
    }
    return [...byDay].map(([day, ids]): [string, string] => [day, ids.join(',')]);
  },
  prepared: preparedMonths,
  touched: contactMonths,
};

/**
 * Every CP plan (looked-after episode) started on or before a date. Prepared for today: the
 * report read path derives any earlier date's "started by" and "open on" from today's list.
 */
export const cpPlansStartedBy = lcsSnapshotList<CpPlanFact>(
  'report-cp-plans-started-by',
  async (date, clients, scope) =>
    (await readAllPages((cursor) => clients.lcs.cpPlansPage(cursor, scope, { to: date }))).map(cpPlanFact),
  (r) => r.cpPlans.length > 0,
);

export const claEpisodesStartedBy = lcsSnapshotList<ClaEpisodeFact>(
  'report-cla-episodes-started-by',
  async (date, clients, scope) =>
    (await readAllPages((cursor) => clients.lcs.claEpisodesPage(cursor, scope, { to: date }))).map(
      claEpisodeFact,
    ),
  (r) => r.claEpisodes.length > 0,
);

/**
 * Placements open at some point in a `from..to` period. Prepared for the longest period a report
 * may cover, ending today: the read path derives any period inside it by the same overlap rule.
 */
export const placementsDuring: FactList<PlacementFact> = {
  system: 'lcs',
  resource: 'report-placements-during',
  fetch: async (key, clients, scope) => {
    const [from, to] = key.split('..') as [string, string];
    return (await readAllPages((cursor) => clients.lcs.placementsPage(cursor, scope, { from, to }))).map(
      placementFact,
    );
  },
  prepared: (today) => [placementsKey(placementsWindow(today))],
  touched: async (changes, records, today) => {
    for (const id of lcsPeople(changes)) {
      const record = await records.lcsSocialCare(id);
      if (record && record.placements.length > 0) return [placementsKey(placementsWindow(today))];
    }
    return [];
  },
};

export const teams: FactList<Team> = {
  system: 'lcs',
  resource: 'report-teams',
  fetch: async (_key, clients, scope) =>
    (await readAllPages((cursor) => clients.lcs.teamsPage(cursor, scope))).map(toTeam),
  prepared: () => ['all'],
  touched: async (changes) => (idsOf(changes, 'lcs', ['teams']).length > 0 ? ['all'] : []),
};

/** Every involvement (open or ended) of a team, as the team filter reads them. */
export const involvementsByTeam: FactList<CaseHolding> = {
  system: 'lcs',
  resource: 'report-involvements-by-team',
  fetch: async (teamId, clients, scope) =>
    (await readAllPages((cursor) => clients.lcs.involvementsPage(cursor, scope, { teamId }))).map(
      (i): CaseHolding => ({
        personId: i.personId,
        teamId: i.teamId,
        startDate: i.startDate,
        endDate: i.endDate,
      }),
    ),
  prepared: async (_today, read) => (await read(teams, ['all'])).map((t) => t.teamId),
  touched: async (changes, records) => {
    const touchedTeams = new Set<string>();
    for (const id of lcsPeople(changes)) {
      const record = await records.lcsSocialCare(id);
      for (const involvement of record?.involvements ?? []) touchedTeams.add(involvement.teamId);
    }
    return [...touchedTeams];
  },
};

/** LIFT changes re-read the whole list: LIFT's changes name no dates. */
const liftTouched =
  (resources: readonly string[]) =>
  async (changes: readonly FactChange[], _records: ChangedRecords, today: string) =>
    idsOf(changes, 'lift', resources).length > 0 ? [previousYearStartOf(today)] : [];

/** Service agreements open at some point on or after the date. */
export const agreementsOpenSince: FactList<AgreementFact> = {
  system: 'lift',
  resource: 'report-agreements-open-since',
  fetch: async (date, clients, scope) =>
    (await readAllPages((cursor) => clients.lift.agreementsPage(cursor, scope, { from: date }))).map(
      agreementFact,
    ),
  prepared: (today) => [previousYearStartOf(today)],
  touched: liftTouched(['agreements', 'clients']),
};

/** LIFT's budget lines for a financial year (e.g. `2026/27`), with their virements. */
export const budgetLinesByYear: FactList<BudgetLine> = {
  system: 'lift',
  resource: 'report-budget-lines-by-year',
  fetch: async (financialYear, clients, scope) =>
    (await readAllPages((cursor) => clients.lift.budgetLinesPage(cursor, scope, financialYear))).map(
      toBudgetLine,
    ),
  prepared: (today) => [financialYearOf(today).label],
  // LIFT announces no budget changes: the reconciliation re-reads them.
  touched: async () => [],
};

/** LIFT's SEND costs open at some point on or after the date. */
export const sendCostsOpenSince: FactList<SendCostFact> = {
  system: 'lift',
  resource: 'report-send-costs-open-since',
  fetch: async (date, clients, scope) =>
    (await readAllPages((cursor) => clients.lift.sendCostsPage(cursor, scope, { from: date }))).map(
      sendCostFact,
    ),
  prepared: (today) => [previousYearStartOf(today)],
  // A SEND cost's own notification (`sendCosts`, see src/server/http/events.ts) too.
  touched: liftTouched(['agreements', 'clients', 'sendCosts']),
};

export const careLeaverFact = (c: LcsCareLeaver): CareLeaverFact => ({
  personId: c.personId,
  dateOfBirth: c.dateOfBirth,
  contacts: c.contacts.map((x) => ({
    age: x.age,
    inTouch: x.inTouch,
    activity: x.activity,
    accommodation: x.accommodation,
  })),
});

export const uascFact = (u: LcsUasc): UascFact => ({
  personId: u.personId,
  arrivalDate: u.arrivalDate,
  uascCeasedDate: u.uascCeasedDate,
  ageAssessmentRequested: u.ageAssessment?.requestedDate ?? null,
  ageAssessmentCompleted: u.ageAssessment?.completedDate ?? null,
});

export const cinPlanFact = (p: LcsCinPlan): CinPlanFact => ({
  personId: p.personId,
  startDate: p.startDate,
  endDate: p.endDate,
  reviews: (p.reviews ?? []).map((r) => ({ dueDate: r.dueDate, reviewDate: r.reviewDate })),
});

/** A list kept whole under one key that any change to an LCS person re-reads. */
const lcsWholeList = (key: (today: string) => string) => ({
  prepared: (today: string) => [key(today)],
  touched: async (changes: readonly FactChange[], _records: ChangedRecords, today: string) =>
    lcsPeople(changes).length > 0 ? [key(today)] : [],
});

/** Every care leaver LCS holds (key `all`). */
export const careLeavers: FactList<CareLeaverFact> = {
  system: 'lcs',
  resource: 'report-care-leavers',
  fetch: async (_key, clients, scope) =>
    (await readAllPages((cursor) => clients.lcs.careLeaversPage(cursor, scope))).map(careLeaverFact),
  ...lcsWholeList(() => 'all'),
};

/** Every unaccompanied asylum-seeking child, current or former, LCS holds (key `all`). */
export const unaccompaniedAsylumSeekers: FactList<UascFact> = {
  system: 'lcs',
  resource: 'report-uasc',
  fetch: async (_key, clients, scope) =>
    (await readAllPages((cursor) => clients.lcs.uascPage(cursor, scope))).map(uascFact),
  ...lcsWholeList(() => 'all'),
};

/** Every CIN plan started on or before the key date, with its reviews (today's kept prepared). */
export const cinPlansStartedBy: FactList<CinPlanFact> = {
  system: 'lcs',
  resource: 'report-cin-plans-started-by',
  fetch: async (date, clients, scope) =>
    (await readAllPages((cursor) => clients.lcs.cinPlansPage(cursor, scope, { to: date }))).map(cinPlanFact),
  ...lcsWholeList((today) => today),
};

/**
 * EHC plans in force at some point on or after the date, each with its annual reviews, packed one
 * short string per plan (a county's plans and reviews are megabytes as objects). The list from the
 * window's start is kept prepared; later dates are narrowed from it (reportSources.ts).
 */
export const ehcpPlansOpenSince: FactList<string> = {
  system: 'eyes',
  resource: 'report-ehcp-plans-open-since',
  fetch: async (date, clients, scope) =>
    (await readAllPages((cursor) => clients.eyes.ehcpPlansPage(cursor, scope, { from: date }))).map((plan) =>
      packPlanReviews(toPlanReviewsFact(plan)),
    ),
  prepared: (today) => [ehcpPlansWindowStart(today)],
  touched: async (changes, _records, today) =>
    idsOf(changes, 'eyes', ['pupils', 'records']).length > 0 ? [ehcpPlansWindowStart(today)] : [],
};

/** CME referrals open at some point in a period (key `from..to`): per period, not prepared. */
export const missingEducationDuring: FactList<CmeEpisodeFact> = {
  system: 'eyes',
  resource: 'report-missing-education-during',
  fetch: async (key, clients, scope) => {
    const [from = '', to = ''] = key.split('..');
    return (
      await readAllPages((cursor) => clients.eyes.missingEducationPage(cursor, scope, { from, to }))
    ).map(cmeEpisodeFact);
  },
  prepared: () => [],
  touched: async () => [],
};

/**
 * Every list the background preparation keeps current (warm-up at start-up, change events,
 * reconciliation). A new report list adds its definition above and one entry here.
 */
export const REPORT_FACT_LISTS: readonly FactList<unknown>[] = [
  teams,
  involvementsByTeam,
  referralsByMonth,
  assessmentsByMonth,
  icpcsByMonth,
  cpPlansStartedBy,
  claEpisodesStartedBy,
  placementsDuring,
  ehcpRequestsByMonth,
  contactTriageByMonth,
  contactIdsByMonth,
  agreementsOpenSince,
  budgetLinesByYear,
  sendCostsOpenSince,
  ehcpPlansOpenSince,
  careLeavers,
  unaccompaniedAsylumSeekers,
  cinPlansStartedBy,
] as readonly FactList<unknown>[];

/** The lists the report read path takes (reportSources.ts). */
export const REPORT_LISTS: ReportLists = {
  referralsByMonth,
  assessmentsByMonth,
  icpcsByMonth,
  ehcpRequestsByMonth,
  contactTriageByMonth,
  contactIdsByMonth,
  cpPlansStartedBy,
  claEpisodesStartedBy,
  placementsDuring,
  teams,
  involvementsByTeam,
  agreementsOpenSince,
  budgetLinesByYear,
  sendCostsOpenSince,
  ehcpPlansOpenSince,
  missingEducationDuring,
};
