/**
 * The report read path: reads the system lists the reports aggregate, each ONCE per cache
 * lifetime, through the shared (L2) cache: never one upstream call per child per indicator. It
 * lives with the connectors because it reads the systems (through the report bulkhead) and their
 * cache entries; what it hands the reports (src/domain/reports) is facts and models the domain declares.
 *
 * Dated lists (referrals, assessments, s47 enquiries, EHCP requests, contacts) are read and cached
 * one calendar month at a time, as compact facts (src/domain/reports/facts.ts), keyed by the month. A
 * period is the union of its months: one cache round trip for all of them, and only missing months
 * go upstream (a few at a time, each a paged list read). Two periods that overlap share their months.
 * Snapshot lists (plans and episodes open on a date, agreements open since a date) are cached
 * under that date.
 *
 * Which lists there are, and how each key is read, is declared once in reportLists.ts. Those
 * entries are prepared before anyone asks (reportFacts.ts: warm-up at start-up, change events, a
 * periodic reconciliation), so a report usually reads prepared facts; a key not (yet) prepared is
 * read through here, cold, in the report bulkhead. When a system fails, a cached month past its
 * TTL is still served (stale-if-error) and `dataAsOf` says so.
 */
import type { RequestScope } from './shared/scope.ts';
import type { ReportClients } from './reportLists.ts';
import type { Cached, EntityCache } from '../src/platform/cache/types.ts';
import type { SystemName } from '../src/platform/systems.ts';
import type { Team } from '../src/domain/models/socialCare.ts';
import type { BudgetLine } from '../src/domain/models/finance.ts';
import {
  contactFact,
  type ContactCount,
  type AgreementFact,
  type AssessmentFact,
  type ClaEpisodeFact,
  type ContactFact,
  type CpPlanFact,
  type PlacementFact,
  type EhcpFact,
  type IcpcFact,
  type ReferralFact,
  type SendCostFact,
} from '../src/domain/reports/facts.ts';
import { openOn, type Period } from '../src/domain/reports/periods.ts';
import type { CaseHolding } from '../src/domain/reports/filter.ts';
import { unpackPlanReviews, type EhcpPlanReviewsFact } from '../src/domain/reports/annualReviews.ts';
import type { CmeEpisodeFact } from '../src/domain/reports/missingEducation.ts';
import { ehcpPlansWindowStart, placementsKey, placementsWindow } from '../src/domain/reports/preparedKeys.ts';

/** How many months (or other misses) one list read fetches from a system at once, across all its key groups. */
const MONTH_FETCH_CONCURRENCY = 6;

/**
 * Keys per cache round trip. A store read slower than REDIS_COMMAND_TIMEOUT_MS counts as a miss,
 * so a year of months is read as several small reads side by side, never one large one.
 */
const KEYS_PER_READ = 3;

/** A loaded list and the oldest moment any part of it was fetched from its system. */
export interface Loaded<T> {
  readonly items: readonly T[];
  /** ISO instant; earlier than "now" by at most the TTL, more when a stale entry was served. */
  readonly asOf: string;
  readonly stale: boolean;
  /**
   * Names exactly what was read: each key's entry by its fetch time. Two reads with the same
   * version hold the same facts, so work derived from them may be reused.
   */
  readonly version: string;
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

const waitingTurns: (() => void)[] = [];
let grantingTurns = false;
const nextIteration = () => new Promise<void>((resolve) => setImmediate(resolve));

async function grantTurns(): Promise<void> {
  grantingTurns = true;
  try {
    while (waitingTurns.length > 0) {
      await nextIteration();
      waitingTurns.shift()!();
      // The holder works in this iteration's microtasks; a loop iteration with its I/O (a
      // practitioner's request, an upstream answer) and whatever the holder scheduled comes before
      // the next turn.
      await nextIteration();
    }
  } finally {
    grantingTurns = false;
  }
}

/**
 * Waits for this process's next report turn: one a loop iteration, across every report running,
 * with the event loop's I/O between turns. A report's prepared facts come from memory without
 * I/O, so without turns a whole report (every field's read and aggregation, a county's take
 * hundreds of milliseconds) ran as one block and practitioners' views waited behind it.
 */
export function reportTurn(): Promise<void> {
  return new Promise((resolve) => {
    waitingTurns.push(resolve);
    if (!grantingTurns) void grantTurns();
  });
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
export async function readKeyedThroughCache<T>(
  cache: EntityCache,
  system: SystemName,
  resource: string,
  keys: readonly string[],
  fetchOne: (key: string) => Promise<T[]>,
  keysPerRead = KEYS_PER_READ,
): Promise<Loaded<T>> {
  if (keys.length === 0) return { items: [], asOf: new Date().toISOString(), stale: false, version: '' };
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
  let asOf: string | null = null;
  let stale = false;
  const versions: string[] = [];
  const lists: (readonly T[])[] = [];
  for (const [index, answer] of answers.entries()) {
    if (answer instanceof Error) throw new ReportSourceError(system, answer);
    versions.push(`${keys[index]}@${answer?.asOf ?? '-'}`);
    if (answer === null) continue;
    lists.push(answer.value);
    if (asOf === null || answer.asOf < asOf) asOf = answer.asOf;
    stale ||= answer.freshness === 'stale';
  }
  return {
    items: joined(lists),
    asOf: asOf ?? new Date().toISOString(),
    stale,
    version: versions.join(','),
  };
}

/** The last join of each first list: the lists it joined, and the result. */
const joins = new WeakMap<
  readonly unknown[],
  { lists: readonly (readonly unknown[])[]; items: readonly unknown[] }
>();

/**
 * The cached lists as one. One list is answered as itself (never copied, never changed by its
 * readers), so work derived from it can be kept per list (mappedOnce); several are concatenated once
 * for as long as the cache hands back the same lists: a county's two years of counted contacts were
 * copied on every report asked (a tenth of a report's CPU).
 */
function joined<T>(lists: readonly (readonly T[])[]): readonly T[] {
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0]!;
  const last = joins.get(lists[0]!);
  if (last && last.lists.length === lists.length && last.lists.every((list, i) => list === lists[i]))
    return last.items as readonly T[];
  const items: T[] = [];
  for (const list of lists) for (const item of list) items.push(item);
  joins.set(lists[0]!, { lists, items });
  return items;
}

/** Each prepared list's narrowings by date, while the cache hands back the same list. */
const NARROWINGS_KEPT = 8;
const narrowings = new WeakMap<
  readonly { startDate: string }[],
  Map<string, readonly { startDate: string }[]>
>();
/** The facts started on or before `date`, once per list and date (a county's plans, on every report). */
function startedOnOrBefore<F extends { startDate: string }>(items: readonly F[], date: string): readonly F[] {
  let byDate = narrowings.get(items);
  if (byDate === undefined) narrowings.set(items, (byDate = new Map()));
  let narrowed = byDate.get(date);
  if (narrowed === undefined) {
    narrowed = items.filter((f) => f.startDate <= date);
    // A few dates per list (a report's own days); a viewer asking day after day keeps no more.
    if (byDate.size >= NARROWINGS_KEPT) byDate.delete(byDate.keys().next().value!);
    byDate.set(date, narrowed);
  }
  return narrowed as readonly F[];
}

/** Each mapping's results, by the cached list it mapped. */
const mappedLists = new WeakMap<object, WeakMap<readonly unknown[], readonly unknown[]>>();

/**
 * A cached list's items mapped by `map` (a function that lives as long as the module), once for as
 * long as the cache hands back the same list: joined() hands back the same join, so a county's counted
 * contacts become facts, and its packed plans plans (a few hundred milliseconds to unpack), once per
 * change of facts rather than per asking.
 */
function mappedOnce<T, R>(list: readonly T[], map: (item: T) => R): readonly R[] {
  let byList = mappedLists.get(map);
  if (byList === undefined) mappedLists.set(map, (byList = new WeakMap()));
  let mapped = byList.get(list) as readonly R[] | undefined;
  if (mapped === undefined) byList.set(list, (mapped = list.map(map)));
  return mapped;
}

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
  teams(): Promise<Loaded<Team>>;
  /** Every involvement (open or ended) of these teams, as the team filter reads them. */
  involvementsOfTeams(teamIds: readonly string[]): Promise<Loaded<CaseHolding>>;
  /** Service agreements open at some point on or after the date. */
  agreementsOpenSince(date: string): Promise<Loaded<AgreementFact>>;
  /** LIFT's budget lines for a financial year (e.g. `2026/27`), with their virements. */
  budgetLines(financialYear: string): Promise<Loaded<BudgetLine>>;
  /** LIFT's SEND costs open at some point on or after the date. */
  sendCostsOpenSince(date: string): Promise<Loaded<SendCostFact>>;
  /** A list only one report reads (reportLists.ts), once per key through the cache. */
  list<T>(spec: ListSpec<T>, key: string): Promise<Loaded<T>>;
  /** EHC plans in force at some point on or after the date, each with its annual reviews. */
  ehcpPlansOpenSince(date: string): Promise<Loaded<EhcpPlanReviewsFact>>;
  /** Children missing education: CME referrals open at some point from `from` to `to`. */
  missingEducationDuring(period: Period): Promise<Loaded<CmeEpisodeFact>>;
}

/** One list a report reads: its system, its cache resource, and how one key is read from the system. */
export interface ListSpec<T> {
  readonly system: SystemName;
  /** The shared cache's resource name for this list's entries (and its CACHE_TTL_<SYSTEM>_<RESOURCE>). */
  readonly resource: string;
  /** Keys per cache round trip; 1 for entries large enough to near the store's command timeout. */
  readonly keysPerRead?: number;
  /** Reads one key's facts from the system (pass the report bulkhead's clients). */
  fetch(key: string, clients: ReportClients, scope: RequestScope): Promise<T[]>;
}

/** The lists ReportSources reads (reportLists.ts declares them). */
export interface ReportLists {
  referralsByMonth: ListSpec<ReferralFact>;
  assessmentsByMonth: ListSpec<AssessmentFact>;
  icpcsByMonth: ListSpec<IcpcFact>;
  ehcpRequestsByMonth: ListSpec<EhcpFact>;
  contactTriageByMonth: ListSpec<ContactCount>;
  contactIdsByMonth: ListSpec<[contactDate: string, contactIds: string]>;
  cpPlansStartedBy: ListSpec<CpPlanFact>;
  claEpisodesStartedBy: ListSpec<ClaEpisodeFact>;
  placementsDuring: ListSpec<PlacementFact>;
  teams: ListSpec<Team>;
  involvementsByTeam: ListSpec<CaseHolding>;
  agreementsOpenSince: ListSpec<AgreementFact>;
  budgetLinesByYear: ListSpec<BudgetLine>;
  sendCostsOpenSince: ListSpec<SendCostFact>;
  /** Packed EhcpPlanReviewsFact (annualReviews.ts), one string per plan. */
  ehcpPlansOpenSince: ListSpec<string>;
  missingEducationDuring: ListSpec<CmeEpisodeFact>;
}

/**
 * Report list reads for one request (its deadline and request id travel with every call). Pass the
 * report bulkhead's clients (`services.reportClients`): their breakers, concurrency cap and timeout
 * are the reports' own, so a slow report never refuses or queues a practitioner's read.
 */
export function createReportSources(
  cache: EntityCache,
  clients: ReportClients,
  scope: RequestScope,
  /** The lists to read (reportLists.ts). */
  lists: ReportLists,
  /** Europe/London today: dated snapshots on or before it are derived from today's prepared list. */
  today?: string,
): ReportSources {
  const pending = new Set<Promise<unknown>>();
  const ended: ReportSourceOutcome[] = [];
  const readKeyed = <T>(...args: Parameters<typeof readKeyedThroughCache<T>>): Promise<Loaded<T>> => {
    const system = args[1];
    // Each read hands its facts over on a report turn of its own: the aggregation that follows
    // runs in its own macrotask, not in one block with the report's every other field.
    const read = readKeyedThroughCache<T>(...args).then(
      async (loaded) => {
        ended.push({ system, failed: false, asOf: loaded.asOf, stale: loaded.stale });
        await reportTurn();
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
  const read = <T>(list: ListSpec<T>, keys: readonly string[]): Promise<Loaded<T>> =>
    readKeyed<T>(
      cache,
      list.system,
      list.resource,
      keys,
      (key) => list.fetch(key, clients, scope),
      list.keysPerRead,
    );

  /** Started on or before `date`: today's prepared list narrowed, for any date up to today. */
  const startedBy = async <F extends { startDate: string }>(list: ListSpec<F>, date: string) => {
    if (today === undefined || date > today) return read(list, [date]);
    const all = await read(list, [today]);
    return date === today ? all : { ...all, items: startedOnOrBefore(all.items, date) };
  };

  return {
    outcomes,
    referrals: (months) => read(lists.referralsByMonth, months),
    assessments: (months) => read(lists.assessmentsByMonth, months),
    icpcs: (months) => read(lists.icpcsByMonth, months),
    ehcpRequests: (months) => read(lists.ehcpRequestsByMonth, months),
    contacts: async (months) => {
      const counted = await read(lists.contactTriageByMonth, months);
      return { ...counted, items: mappedOnce(counted.items, contactFact) };
    },
    childProtectionPlansOpenOn: async (date) => {
      const plans = await startedBy(lists.cpPlansStartedBy, date);
      return {
        ...plans,
        items: plans.items.filter((p) => openOn(p.startDate, p.endDate, date)).map((p) => p.personId),
      };
    },
    lookedAfterEpisodesOpenOn: async (date) => {
      const episodes = await startedBy(lists.claEpisodesStartedBy, date);
      return {
        ...episodes,
        items: episodes.items.filter((e) => openOn(e.startDate, e.ceasedDate, date)).map((e) => e.personId),
      };
    },
    childProtectionPlansStartedBy: (date) => startedBy(lists.cpPlansStartedBy, date),
    lookedAfterEpisodesStartedBy: (date) => startedBy(lists.claEpisodesStartedBy, date),
    contactIds: async (months) => {
      const loaded = await read(lists.contactIdsByMonth, months);
      return {
        ...loaded,
        items: loaded.items.flatMap(([day, ids]) => ids.split(',').map((id): [string, string] => [id, day])),
      };
    },
    placementsDuring: async (period) => {
      const window = today === undefined ? null : placementsWindow(today);
      if (window === null || period.from < window.from || period.to > window.to)
        return read(lists.placementsDuring, [placementsKey(period)]);
      // The prepared window holds every placement the period's would, by LCS's own overlap rule.
      const placements = await read(lists.placementsDuring, [placementsKey(window)]);
      return {
        ...placements,
        items: placements.items.filter(
          (p) => p.startDate <= period.to && (p.endDate === null || p.endDate >= period.from),
        ),
      };
    },
    teams: () => read(lists.teams, ['all']),
    involvementsOfTeams: (teamIds) => read(lists.involvementsByTeam, teamIds),
    agreementsOpenSince: (date) => read(lists.agreementsOpenSince, [date]),
    budgetLines: (financialYear) => read(lists.budgetLinesByYear, [financialYear]),
    sendCostsOpenSince: (date) => read(lists.sendCostsOpenSince, [date]),
    list: (spec, key) => read(spec, [key]),
    // Cached packed, one short string per plan (a county's plans and reviews are megabytes as objects).
    ehcpPlansOpenSince: async (date) => {
      const windowStart = today === undefined ? null : ehcpPlansWindowStart(today);
      if (windowStart === null || date < windowStart || date > today!) {
        const packed = await read(lists.ehcpPlansOpenSince, [date]);
        return { ...packed, items: mappedOnce(packed.items, unpackPlanReviews) };
      }
      // The prepared window holds every plan in force on or after any later date.
      const packed = await read(lists.ehcpPlansOpenSince, [windowStart]);
      const items = mappedOnce(packed.items, unpackPlanReviews);
      return {
        ...packed,
        items:
          date === windowStart ? items : items.filter((p) => p.ceasedDate === null || p.ceasedDate >= date),
      };
    },
    missingEducationDuring: ({ from, to }) => read(lists.missingEducationDuring, [`${from}..${to}`]),
  };
}
