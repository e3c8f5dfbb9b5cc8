/**
 * Reads the upstream lists the reports aggregate, each ONCE per cache lifetime, through the shared
 * (L2) cache: never one upstream call per child per indicator.
 *
 * Dated lists (referrals, assessments, s47 enquiries, EHCP requests, contacts) are read and cached
 * one calendar month at a time, as compact facts (facts.ts), keyed by the month. A period is the
 * union of its months: one cache round trip for all of them, and only missing months go upstream
 * (a few at a time, each a paged list read). Two periods that overlap share their months.
 * Snapshot lists (plans and episodes open on a date, agreements open since a date) are cached
 * under that date.
 *
 * Entries live for the resource's TTL (CACHE_TTL_<SYSTEM>_<RESOURCE>, e.g.
 * CACHE_TTL_FRONTDOOR_REPORT_CONTACTS_BY_MONTH; default CACHE_TTL_SECONDS): change events name
 * single records, not months, so a report may be up to one TTL behind the systems. When a system
 * fails, a cached month past its TTL is still served (stale-if-error) and `dataAsOf` says so.
 */
import type { RequestScope } from '../../connectors/shared/scope.ts';
import { readAllPages } from '../../connectors/shared/loaderKit.ts';
import type { HubServices } from '../services.ts';
import type { Cached, EntityCache } from '../cache/types.ts';
import type { SystemName } from '../upstream/types.ts';
import {
  agreementFact,
  assessmentFact,
  claEpisodeFact,
  cpPlanFact,
  placementFact,
  contactFact,
  countContacts,
  ehcpFact,
  icpcFact,
  referralFact,
  sendCostFact,
  type AgreementFact,
  type AssessmentFact,
  type ClaEpisodeFact,
  type ContactCount,
  type ContactFact,
  type CpPlanFact,
  type PlacementFact,
  type EhcpFact,
  type IcpcFact,
  type ReferralFact,
  type SendCostFact,
} from './facts.ts';
import { monthBounds, openOn, type Period } from './periods.ts';
import type { CaseHolding } from './filter.ts';
import type { LcsTeam } from '../../connectors/lcs/types.ts';
import type { LiftBudgetLine } from '../../connectors/lift/types.ts';

/** How many months (or other misses) one list read fetches from a system at once, across all its key groups. */
const MONTH_FETCH_CONCURRENCY = 6;

/**
 * Keys per cache round trip. A store read slower than REDIS_COMMAND_TIMEOUT_MS counts as a miss,
 * so a year of months is read as several small reads side by side, never one large one.
 */
const KEYS_PER_READ = 3;

/** A loaded list and the oldest moment any part of it was fetched from its system. */
export interface Loaded<T> {
  readonly items: T[];
  /** ISO instant; earlier than "now" by at most the TTL, more when a stale entry was served. */
  readonly asOf: string;
  readonly stale: boolean;
}

export class ReportSourceError extends Error {
  constructor(
    readonly system: SystemName,
    cause: unknown,
  ) {
    super(`${system} could not be read for a report`, { cause });
    this.name = 'ReportSourceError';
  }
}

/** Runs at most `limit` of the calls handed to it at once; the rest wait their turn. */
function limiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <R>(call: () => Promise<R>): Promise<R> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await call();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** Reads keys through the cache, fetching misses with `fetchOne` (bounded), and joins the answers. */
async function readKeyedThroughCache<T>(
  cache: EntityCache,
  system: SystemName,
  resource: string,
  keys: readonly string[],
  fetchOne: (key: string) => Promise<T[]>,
  keysPerRead = KEYS_PER_READ,
): Promise<Loaded<T>> {
  if (keys.length === 0) return { items: [], asOf: new Date().toISOString(), stale: false };
  // One bound for the whole read: its key groups are read side by side, their misses share it.
  const run = limiter(MONTH_FETCH_CONCURRENCY);
  const fetchMisses = async (missing: readonly string[]) => {
    const lists = await Promise.all(missing.map((key) => run(() => fetchOne(key))));
    return new Map(missing.map((key, index) => [key, lists[index]!]));
  };
  const groups: string[][] = [];
  for (let i = 0; i < keys.length; i += keysPerRead) groups.push(keys.slice(i, i + keysPerRead));
  let answers: (Cached<T[]> | null | Error)[];
  try {
    answers = (
      await Promise.all(groups.map((group) => cache.readMany<T[]>(system, resource, group, fetchMisses)))
    ).flat();
  } catch (error) {
    throw new ReportSourceError(system, error);
  }
  const items: T[] = [];
  let asOf: string | null = null;
  let stale = false;
  for (const answer of answers) {
    if (answer instanceof Error) throw new ReportSourceError(system, answer);
    if (answer === null) continue;
    for (const item of answer.value) items.push(item);
    if (asOf === null || answer.asOf < asOf) asOf = answer.asOf;
    stale ||= answer.freshness === 'stale';
  }
  return { items, asOf: asOf ?? new Date().toISOString(), stale };
}

const compact =
  <R, F>(map: (record: R) => F | null) =>
  (records: R[]): F[] => {
    const facts: F[] = [];
    for (const record of records) {
      const fact = map(record);
      if (fact !== null) facts.push(fact);
    }
    return facts;
  };

/** How one list read for a report ended: what it answered with, or why it could not. */
export type ReportSourceOutcome =
  | { system: SystemName; failed: false; asOf: string; stale: boolean }
  | { system: SystemName; failed: true; error: unknown };

export interface ReportSources {
  /**
   * Every read this report started, once all have ended (reads started while waiting included):
   * what the report's `sources` names, so a report that answers in part says which system is missing.
   */
  outcomes(): Promise<ReportSourceOutcome[]>;
  /** Referrals whose referral date falls in these months. */
  referrals(months: readonly string[]): Promise<Loaded<ReferralFact>>;
  /** Assessments started in these months. */
  assessments(months: readonly string[]): Promise<Loaded<AssessmentFact>>;
  /** s47 enquiries started in these months that led to (or await) an ICPC. */
  icpcs(months: readonly string[]): Promise<Loaded<IcpcFact>>;
  /** EHC needs assessment requests made in these months. */
  ehcpRequests(months: readonly string[]): Promise<Loaded<EhcpFact>>;
  /** Front-door contacts dated in these months, counted by day, source and decision. */
  contacts(months: readonly string[]): Promise<Loaded<ContactFact>>;
  /** LCS person ids with a CP plan open on the date (started on or before it, not ended on or before it). */
  childProtectionPlansOpenOn(date: string): Promise<Loaded<string>>;
  /** LCS person ids with a looked-after episode open on the date (the same rule). */
  lookedAfterEpisodesOpenOn(date: string): Promise<Loaded<string>>;
  /** Every CP plan started on or before the date (a child's whole CP history up to then). */
  childProtectionPlansStartedBy(date: string): Promise<Loaded<CpPlanFact>>;
  /** Every looked-after episode started on or before the date. */
  lookedAfterEpisodesStartedBy(date: string): Promise<Loaded<ClaEpisodeFact>>;
  /** Front-door contact ids and dates in these months (for repeat contacts, joined to children by the resolver). */
  contactIds(months: readonly string[]): Promise<Loaded<[contactId: string, contactDate: string]>>;
  /** Every placement open at some point from `from` to `to`. */
  placementsDuring(period: Period): Promise<Loaded<PlacementFact>>;
  /** Every LCS team. */
  teams(): Promise<Loaded<LcsTeam>>;
  /** Every involvement (open or ended) of these teams, as the team filter reads them. */
  involvementsOfTeams(teamIds: readonly string[]): Promise<Loaded<CaseHolding>>;
  /** Service agreements open at some point on or after the date. */
  agreementsOpenSince(date: string): Promise<Loaded<AgreementFact>>;
  /** LIFT's budget lines for a financial year (e.g. `2026/27`), with their virements. */
  budgetLines(financialYear: string): Promise<Loaded<LiftBudgetLine>>;
  /** LIFT's SEND costs open at some point on or after the date. */
  sendCostsOpenSince(date: string): Promise<Loaded<SendCostFact>>;
  /** A list a report module declares (ReportListSpec), read once per key through the cache. */
  list<T>(spec: ReportListSpec<T>, key: string): Promise<Loaded<T>>;
}

type Clients = HubServices['clients'];

/**
 * A list a report module declares for itself (see connectors/lcs/reportLists.ts): the system, the cache resource,
 * and how to read the list for one key (a date, or `all`) from that system.
 */
export interface ReportListSpec<T> {
  readonly system: SystemName;
  readonly resource: string;
  read(clients: Clients, scope: RequestScope, key: string): Promise<T[]>;
}

/**
 * Report list reads for one request (its deadline and request id travel with every call). Pass the
 * report bulkhead's clients (`services.reportClients`): their breakers, concurrency cap and timeout
 * are the reports' own, so a slow report never refuses or queues a practitioner's read.
 */
export function createReportSources(
  cache: EntityCache,
  clients: Clients,
  scope: RequestScope,
): ReportSources {
  const pending = new Set<Promise<unknown>>();
  const ended: ReportSourceOutcome[] = [];
  const readKeyed = <T>(...args: Parameters<typeof readKeyedThroughCache<T>>): Promise<Loaded<T>> => {
    const system = args[1];
    const read = readKeyedThroughCache<T>(...args).then(
      (loaded) => {
        ended.push({ system, failed: false, asOf: loaded.asOf, stale: loaded.stale });
        return loaded;
      },
      (error: unknown) => {
        ended.push({ system, failed: true, error: error instanceof ReportSourceError ? error.cause : error });
        throw error;
      },
    );
    const tracked = read.catch(() => undefined).finally(() => pending.delete(tracked));
    pending.add(tracked);
    return read;
  };
  const outcomes = async (): Promise<ReportSourceOutcome[]> => {
    // A field's read may start only after another's ends (the team filter, then its involvements):
    // wait, then let continuations run, until nothing is left in flight.
    // The other fields' resolvers may not have started yet either: yield before the first look.
    do {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await Promise.all(pending);
    } while (pending.size > 0);
    return [...ended];
  };
  const byMonth =
    <R, F>(
      system: SystemName,
      resource: string,
      page: (
        cursor: string | null,
        bounds: { from: string; to: string },
      ) => Promise<{ items: R[]; nextCursor: string | null }>,
      map: (record: R) => F | null,
    ) =>
    (months: readonly string[]) =>
      readKeyed<F>(cache, system, resource, months, async (month) => {
        const bounds = monthBounds(month);
        return compact(map)(await readAllPages((cursor) => page(cursor, bounds)));
      });

  return {
    outcomes,
    referrals: byMonth(
      'lcs',
      'report-referrals-by-month',
      (c, b) => clients.lcs.referralsPage(c, scope, b),
      referralFact,
    ),
    assessments: byMonth(
      'lcs',
      'report-assessments-by-month',
      (c, b) => clients.lcs.assessmentsPage(c, scope, b),
      assessmentFact,
    ),
    icpcs: byMonth('lcs', 'report-icpcs-by-month', (c, b) => clients.lcs.s47Page(c, scope, b), icpcFact),
    ehcpRequests: byMonth(
      'eyes',
      'report-ehcp-requests-by-month',
      (c, b) => clients.eyes.ehcpRequestsPage(c, scope, b),
      ehcpFact,
    ),
    contacts: async (months) => {
      const counted = await readKeyed<ContactCount>(
        cache,
        'frontdoor',
        'report-contact-triage-by-month',
        months,
        async (month) =>
          countContacts(
            await readAllPages((cursor) => clients.frontdoor.contactsPage(cursor, scope, monthBounds(month))),
          ),
      );
      return { ...counted, items: counted.items.map(contactFact) };
    },
    // LCS's activeOn includes plans ending that day; open means not ended on or before it.
    childProtectionPlansOpenOn: (date) =>
      readKeyed(cache, 'lcs', 'report-cp-plans-open-on', [date], async () =>
        (await readAllPages((cursor) => clients.lcs.cpPlansPage(cursor, scope, { activeOn: date })))
          .filter((p) => openOn(p.startDate, p.endDate, date))
          .map((p) => p.personId),
      ),
    lookedAfterEpisodesOpenOn: (date) =>
      readKeyed(cache, 'lcs', 'report-cla-episodes-open-on', [date], async () =>
        (await readAllPages((cursor) => clients.lcs.claEpisodesPage(cursor, scope, { activeOn: date })))
          .filter((e) => openOn(e.startDate, e.ceasedDate, date))
          .map((e) => e.personId),
      ),
    childProtectionPlansStartedBy: (date) =>
      readKeyed(cache, 'lcs', 'report-cp-plans-started-by', [date], async () =>
        (await readAllPages((cursor) => clients.lcs.cpPlansPage(cursor, scope, { to: date }))).map(
          cpPlanFact,
        ),
      ),
    lookedAfterEpisodesStartedBy: (date) =>
      readKeyed(cache, 'lcs', 'report-cla-episodes-started-by', [date], async () =>
        (await readAllPages((cursor) => clients.lcs.claEpisodesPage(cursor, scope, { to: date }))).map(
          claEpisodeFact,
        ),
      ),
    // Cached as each day's ids joined by commas (a county month is tens of kilobytes even so),
    // and read one month per cache round trip so no store read nears the command timeout.
    contactIds: async (months) => {
      const read = await readKeyed<[contactDate: string, contactIds: string]>(
        cache,
        'frontdoor',
        'report-contact-ids-by-month',
        months,
        async (month) => {
          const byDay = new Map<string, string[]>();
          for (const c of await readAllPages((cursor) =>
            clients.frontdoor.contactsPage(cursor, scope, monthBounds(month)),
          )) {
            const ids = byDay.get(c.contactDate);
            if (ids) ids.push(c.contactId);
            else byDay.set(c.contactDate, [c.contactId]);
          }
          return [...byDay].map(([day, ids]): [string, string] => [day, ids.join(',')]);
        },
        1,
      );
      return {
        ...read,
        items: read.items.flatMap(([day, ids]) => ids.split(',').map((id): [string, string] => [id, day])),
      };
    },
    placementsDuring: ({ from, to }) =>
      readKeyed(cache, 'lcs', 'report-placements-during', [`${from}..${to}`], async () =>
        (await readAllPages((cursor) => clients.lcs.placementsPage(cursor, scope, { from, to }))).map(
          placementFact,
        ),
      ),
    teams: () =>
      readKeyed(cache, 'lcs', 'report-teams', ['all'], () =>
        readAllPages((cursor) => clients.lcs.teamsPage(cursor, scope)),
      ),
    involvementsOfTeams: (teamIds) =>
      readKeyed(cache, 'lcs', 'report-involvements-by-team', teamIds, async (teamId) =>
        (await readAllPages((cursor) => clients.lcs.involvementsPage(cursor, scope, { teamId }))).map(
          (i): CaseHolding => ({
            personId: i.personId,
            teamId: i.teamId,
            startDate: i.startDate,
            endDate: i.endDate,
          }),
        ),
      ),
    agreementsOpenSince: (date) =>
      readKeyed(cache, 'lift', 'report-agreements-open-since', [date], async () =>
        (await readAllPages((cursor) => clients.lift.agreementsPage(cursor, scope, { from: date }))).map(
          agreementFact,
        ),
      ),
    budgetLines: (financialYear) =>
      readKeyed(cache, 'lift', 'report-budget-lines-by-year', [financialYear], () =>
        readAllPages((cursor) => clients.lift.budgetLinesPage(cursor, scope, financialYear)),
      ),
    list: (spec, key) =>
      readKeyed(cache, spec.system, spec.resource, [key], () => spec.read(clients, scope, key)),
    sendCostsOpenSince: (date) =>
      readKeyed(cache, 'lift', 'report-send-costs-open-since', [date], async () =>
        (await readAllPages((cursor) => clients.lift.sendCostsPage(cursor, scope, { from: date }))).map(
          sendCostFact,
        ),
      ),
  };
}
