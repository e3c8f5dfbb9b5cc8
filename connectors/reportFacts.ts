/**
 * Keeps report facts prepared, so a report reads them instead of going to the systems.
 *
 * Where they live: in the shared cache (Redis in production), under each list's resource name
 * (reportLists.ts), sealed like every other entry: the very entries the report read path
 * (reportSources.ts) looks up. A second instance sharing the Redis reads what the first prepared; its own
 * warm-up finds the entries there and fresh and fetches nothing.
 *
 * How they stay current:
 * - warm-up: at start-up, in the background (serving never waits for it), every list's prepared
 *   keys are read through the cache: only those missing or past their freshness go upstream, in
 *   the report bulkhead. A report asked meanwhile reads through the same cache (joining a fetch
 *   already under way), so it answers cold rather than waiting for the whole warm-up.
 * - change events: POST /events hands its changes here; each list says which of its prepared keys
 *   they touch, and those are re-read at once and replaced in place (every instance drops its
 *   near copy), before the event is acknowledged: a report after the event shows the change.
 * - reconciliation: every REPORT_FACTS_RECONCILE_SECONDS the prepared keys of every list are
 *   re-read and replaced (catching changes no event announced and moving to a new day's keys).
 *   One instance does it per interval: the first to claim the interval's marker in the cache.
 *
 * A list whose system cannot be read keeps what the cache already has (served stale, and said so
 * in the report's `sources`); with nothing cached, its reports read cold and name the system
 * missing. No children's data is logged: lists, systems and counts only.
 */
import type { Logger } from 'pino';
import type { RequestScope } from './shared/scope.ts';
import { UpstreamError } from '../src/platform/upstream/types.ts';
import { type SystemName } from '../src/platform/systems.ts';
import type { SharedEntityCache } from '../src/platform/cache/index.ts';
import { londonDateOf } from '../src/domain/rules/index.ts';
import { readKeyedThroughCache } from './reportSources.ts';
import type { ChangedRecords, FactChange, FactList, ListReader, ReportClients } from './reportLists.ts';

/** Tries per list in the warm-up's first pass, and the pause before the next (times the attempt). */
const WARM_UP_ATTEMPTS = 3;
const WARM_UP_RETRY_MS = 2000;
/**
 * A list the first pass could not read is tried again in the background, the pause doubling from
 * the first to the longest (past a breaker's cooldown), until it is read or the preparer stops:
 * its reports read cold only until then, not until the next reconciliation.
 */
const WARM_UP_BACKOFF_FIRST_MS = 5000;
const WARM_UP_BACKOFF_MAX_MS = 60_000;

/** Keys of one list re-read at once by a refresh (the report bulkhead caps each system further). */
const REFRESH_CONCURRENCY = 4;

export interface WarmUpOutcome {
  /** Lists (by resource) whose warm-up failed, and their systems. */
  readonly failed: readonly { resource: string; system: SystemName }[];
  readonly ms: number;
}

export interface ReportFactPreparer {
  /**
   * Starts the background warm-up and the reconciliation timer; returns at once. The warm-up
   * begins once `after` has settled: at start-up, the child directory's load, which reads every
   * system's people; both at once overran a county's systems and timed the warm-up's reads out.
   */
  start(after?: Promise<unknown>): void;
  /** Settles when the warm-up's first pass has ended, however it ended (`failed`: still being retried). */
  warmedUp(): Promise<WarmUpOutcome>;
  /** Settles when every list the first pass could not read has been read since (or the preparer stopped). */
  allPrepared(): Promise<void>;
  /** Re-reads and replaces the prepared keys these changes touch; rejects if any could not be. */
  applyChanges(changes: readonly FactChange[]): Promise<void>;
  /** One reconciliation pass now (the timer calls it; tests may too). */
  reconcile(): Promise<void>;
  stop(): Promise<void>;
}

export interface PreparerOptions {
  cache: SharedEntityCache;
  /** The report bulkhead's clients. */
  clients: ReportClients;
  lists: readonly FactList<unknown>[];
  now: () => number;
  logger: Logger;
  reconcileSeconds: number;
}

/** The cache resource whose one entry marks a reconciliation interval as claimed. */
export const RECONCILE_MARKER = { system: 'lcs', resource: 'report-facts-reconciled' } as const;

const notFoundAsNull = async <T>(read: Promise<T>): Promise<T | null> => {
  try {
    return await read;
  } catch (error) {
    if (error instanceof UpstreamError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
};

/** Reads each changed record once per batch of changes, however many lists ask for it. */
function changedRecords(clients: ReportClients, scope: RequestScope): ChangedRecords {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, read: () => Promise<T>): Promise<T | null> => {
    let known = memo.get(key) as Promise<T | null> | undefined;
    if (!known) {
      known = notFoundAsNull(read());
      memo.set(key, known);
    }
    return known;
  };
  return {
    lcsSocialCare: (id) => once(`lcs:${id}`, () => clients.lcs.socialCare(id, scope)),
    eyesRecord: (id) => once(`eyes:${id}`, () => clients.eyes.record(id, scope)),
    frontDoorContact: (id) => once(`frontdoor:${id}`, () => clients.frontdoor.contact(id, scope)),
  };
}

/** What a failed list read says about its cause: an upstream code or an error name, never data. */
function failureCause(error: unknown): string {
  let seen: unknown = error;
  for (let depth = 0; depth < 4 && seen instanceof Error; depth++) {
    if (seen instanceof UpstreamError) return seen.code;
    if (!(seen.cause instanceof Error)) return seen.name;
    seen = seen.cause;
  }
  return 'unknown';
}

async function eachBounded<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function createReportFactPreparer(options: PreparerOptions): ReportFactPreparer {
  const { cache, clients, lists, logger } = options;
  const scope: RequestScope = { requestId: 'report-facts' };
  const today = () => londonDateOf(options.now());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let warming: Promise<WarmUpOutcome> | undefined;
  let retrying: Promise<void> | undefined;
  const wakers = new Set<() => void>();
  let reconciling: Promise<void> | undefined;
  const instance = `${process.pid}-${Math.random().toString(36).slice(2)}`;

  const readThrough = <T>(list: FactList<T>, keys: readonly string[]) =>
    readKeyedThroughCache<T>(
      cache,
      list.system,
      list.resource,
      keys,
      (key) => list.fetch(key, clients, scope),
      list.keysPerRead,
    );
  const readList: ListReader = async (list, keys) => (await readThrough(list, keys)).items;

  /** Re-reads these keys from the system and replaces them in the cache. */
  const refresh = async <T>(list: FactList<T>, keys: readonly string[]): Promise<void> => {
    const values = new Map<string, T[]>();
    await eachBounded(keys, REFRESH_CONCURRENCY, async (key) => {
      values.set(key, await list.fetch(key, clients, scope));
    });
    await cache.replace(list.system, list.resource, values);
  };

  /** Reads one list's prepared keys through the cache (only what is missing or stale goes upstream). */
  const prepare = async (list: FactList<unknown>, day: string, attempt: number): Promise<boolean> => {
    try {
      await readThrough(list, await list.prepared(day, readList));
      return true;
    } catch (error) {
      logger.info(
        { list: list.resource, system: list.system, attempt, cause: failureCause(error) },
        'report facts warm-up: a list could not be read',
      );
      return false;
    }
  };

  /** A pause that stop() cuts short. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopped) return resolve();
      const timer = setTimeout(() => {
        wakers.delete(wake);
        resolve();
      }, ms).unref();
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      wakers.add(wake);
    });

  /** Tries the first pass's failures again, backing off, until each is read or the preparer stops. */
  const retryFailed = async (failed: readonly FactList<unknown>[]): Promise<void> => {
    const systems = [...new Set(failed.map((list) => list.system))];
    await Promise.all(
      systems.map(async (system) => {
        for (const list of failed.filter((l) => l.system === system)) {
          let wait = WARM_UP_BACKOFF_FIRST_MS;
          for (let attempt = WARM_UP_ATTEMPTS + 1; !stopped; attempt++) {
            await pause(wait * (0.5 + Math.random() / 2));
            if (stopped || (await prepare(list, today(), attempt))) break;
            wait = Math.min(WARM_UP_BACKOFF_MAX_MS, wait * 2);
          }
        }
      }),
    );
    if (!stopped) logger.info({ lists: failed.length }, 'report facts warm-up: every list read at last');
  };

  const warmUp = async (): Promise<WarmUpOutcome> => {
    if (stopped) return { failed: [], ms: 0 };
    const started = performance.now();
    const day = today();
    const failed: FactList<unknown>[] = [];
    // One list at a time per system (systems side by side): a county's lists all at once queued
    // behind the bulkhead long enough to time out. A list that fails is tried again after a pause.
    const systems = [...new Set(lists.map((list) => list.system))];
    await Promise.all(
      systems.map(async (system) => {
        for (const list of lists.filter((l) => l.system === system)) {
          for (let attempt = 1; ; attempt++) {
            if (stopped) return;
            if (await prepare(list, day, attempt)) break;
            if (attempt >= WARM_UP_ATTEMPTS) {
              failed.push(list);
              break;
            }
            await pause(WARM_UP_RETRY_MS * attempt);
          }
        }
      }),
    );
    const outcome = {
      failed: failed.map((list) => ({ resource: list.resource, system: list.system })),
      ms: Math.round(performance.now() - started),
    };
    if (failed.length > 0) {
      logger.warn(
        { lists: outcome.failed.map((f) => f.resource), ms: outcome.ms },
        'report facts warm-up: some lists could not be read; tried again in the background, their reports read them on demand meanwhile',
      );
      retrying = retryFailed(failed);
    } else logger.info({ lists: lists.length, ms: outcome.ms }, 'report facts warmed up');
    return outcome;
  };

  /** Claims this interval's reconciliation for this instance; false when another already has it. */
  const claimInterval = async (): Promise<boolean> => {
    const [entry] = await cache.readMany<string>(
      RECONCILE_MARKER.system,
      RECONCILE_MARKER.resource,
      ['last'],
      async () => new Map([['last', instance]]),
    );
    // Fresh and another's: claimed. Stale (past the interval) or ours: this instance reconciles.
    return !(entry && !(entry instanceof Error) && entry.freshness === 'fresh' && entry.value !== instance);
  };

  const reconcileOnce = async (): Promise<void> => {
    if (!(await claimInterval().catch(() => true))) return;
    const day = today();
    let failures = 0;
    for (const list of lists) {
      if (stopped) return;
      try {
        await refresh(list, await list.prepared(day, readList));
      } catch {
        failures++;
      }
    }
    if (failures > 0)
      logger.warn({ failures }, 'report facts reconciliation: some lists kept their last facts');
  };

  return {
    start(after) {
      if (warming) return;
      // However `after` ends; and stop() ends the wait for it (a directory that never loads), so
      // the warm-up then reads nothing.
      const begin = new Promise<void>((resolve) => {
        wakers.add(resolve);
        void (after ?? Promise.resolve()).then(
          () => resolve(),
          () => resolve(),
        );
      });
      warming = begin.then(warmUp);
      timer = setInterval(() => {
        reconciling ??= reconcileOnce().finally(() => (reconciling = undefined));
      }, options.reconcileSeconds * 1000);
      timer.unref();
    },

    warmedUp: () => warming ?? Promise.resolve({ failed: [], ms: 0 }),

    async allPrepared() {
      await warming;
      await retrying;
    },

    async applyChanges(changes) {
      if (changes.length === 0) return;
      const records = changedRecords(clients, scope);
      // Every changed record read side by side first (the bulkhead caps each system), so the lists
      // asking one by one below find them read.
      await Promise.allSettled(
        changes.map((c) =>
          c.system === 'lcs' && (c.resource === 'people' || c.resource === 'social-care')
            ? records.lcsSocialCare(c.id)
            : c.system === 'eyes' && (c.resource === 'pupils' || c.resource === 'records')
              ? records.eyesRecord(c.id)
              : c.system === 'frontdoor' && c.resource === 'contacts'
                ? records.frontDoorContact(c.id)
                : null,
        ),
      );
      const day = today();
      await Promise.all(
        lists.map(async (list) => {
          const keys = await list.touched(changes, records, day);
          if (keys.length > 0) await refresh(list, keys);
        }),
      );
    },

    reconcile: () => (reconciling ??= reconcileOnce().finally(() => (reconciling = undefined))),

    async stop() {
      stopped = true;
      for (const wake of wakers) wake();
      wakers.clear();
      if (timer) clearInterval(timer);
      await Promise.allSettled([warming, retrying, reconciling]);
    },
  };
}
