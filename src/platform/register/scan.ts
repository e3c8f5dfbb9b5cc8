/**
 * The reconciliation scan: change events can be lost (an instance down, a system that never sent
 * one), so every few minutes one instance reads what each system changed since the last scan
 * (`updatedSince`, from the newest `updatedAt` seen) and settles every person whose fields differ
 * from what the register stores, as a change event would. LIFT cannot say what changed: its list is
 * read whole and compared, which also finds people it no longer holds.
 *
 * A person LCS, EYES or the front door no longer holds is in no `updatedSince` page, and none of
 * them offers a list of removals or of ids alone: so now and then (REGISTER_SWEEP_MS) the scan is a
 * sweep, reading every system's whole list, and every record the register held before the sweep
 * began that no list holds any more, and that the system (asked by id, where it can be) no longer
 * holds, is removed, as a NOT_FOUND change event removes it.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Logger } from 'pino';
import type { Restriction } from '../../domain/identity/directory.ts';
import type { SourceRecord } from '../../domain/identity/types.ts';
import type { SystemName } from '../systems.ts';
import type { ChildRegister } from './childRegister.ts';
import { recordKey, refOf, type RecordKey } from './keys.ts';
import type { RegisterStore } from './store.ts';

export interface ChangedPeopleFeed {
  system: SystemName;
  /** Whether `changedSince` honours its instant; false: every person, every time. */
  incremental: boolean;
  /**
   * Which of these people the system still holds, read one by one (by id), not from its list:
   * before a sweep removes people its list left out (absent: the list is trusted).
   */
  stillHeld?(localIds: readonly string[]): Promise<Set<string>>;
  /** People changed at or after `since` (null: every person), oldest change first. */
  changedSince(
    since: string | null,
  ): AsyncIterable<{ record: SourceRecord; restriction?: Restriction | null; updatedAt: string | null }[]>;
}

export interface ScanReport {
  read: number;
  changed: number;
  removed: number;
}

/** One scan of every feed (the caller holds the scan's turn); `sweep`: every feed read whole. */
export async function scanForChanges(
  register: ChildRegister,
  store: RegisterStore,
  feeds: readonly ChangedPeopleFeed[],
  options: { sweep?: boolean } = {},
): Promise<ScanReport> {
  const report: ScanReport = { read: 0, changed: 0, removed: 0 };
  const marks = await store.feedMarks();
  for (const feed of feeds) {
    const whole = options.sweep === true || !feed.incremental;
    const mark = marks.get(feed.system) ?? null;
    let newest = feed.incremental ? mark : null;
    // Read before the list: a record stored while it is read (a change event) is not taken as gone.
    const held = whole ? await store.storedKeys(feed.system) : null;
    const seen = whole ? new Set<RecordKey>() : null;
    for await (const page of feed.changedSince(whole ? null : mark)) {
      const stored = await store.storedRecords(
        page.map(({ record }) => recordKey(record.system, record.localId)),
      );
      for (const { record, restriction, updatedAt } of page) {
        const key = recordKey(record.system, record.localId);
        report.read++;
        seen?.add(key);
        if (updatedAt !== null && (newest === null || updatedAt > newest)) newest = updatedAt;
        const before = stored.get(key);
        // Compared as the register stores it (through JSON), so an unchanged person is left alone.
        const now = JSON.parse(JSON.stringify({ record, restriction: restriction ?? null })) as unknown;
        if (before !== undefined && isDeepStrictEqual(before, now)) continue;
        await register.apply(record.system, record.localId, { record, restriction: restriction ?? null });
        report.changed++;
      }
    }
    if (held !== null && seen !== null) {
      const missing = held.filter((key) => !seen.has(key)).map((key) => refOf(key).localId);
      // A list paged while it changes may leave someone out: asked by id, the system says.
      const kept = missing.length > 0 && feed.stillHeld ? await feed.stillHeld(missing) : new Set<string>();
      for (const localId of missing) {
        if (kept.has(localId)) continue;
        await register.apply(feed.system, localId, null);
        report.removed++;
      }
    }
    if (newest !== null && (mark === null || newest > mark)) await store.setFeedMark(feed.system, newest);
  }
  return report;
}

/**
 * Every `everyMs`, the instance whose turn it is scans, sweeping every system's whole list when none
 * has for `sweepEveryMs`; returns the function that stops it.
 */
export function scanPeriodically(
  register: ChildRegister,
  store: RegisterStore,
  feeds: readonly ChangedPeopleFeed[],
  options: { everyMs: number; sweepEveryMs?: number; logger?: Logger },
): () => Promise<void> {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = store
      .scanTurn(
        options.everyMs,
        async ({ sweep }) => {
          const started = performance.now();
          const report = await scanForChanges(register, store, feeds, { sweep });
          return { ...report, sweep, ms: Math.round(performance.now() - started) };
        },
        options.sweepEveryMs,
      )
      .then((report) => {
        if (!report) return;
        // A sweep reads every system whole (minutes at county scale): said each time, so its cost shows.
        if (report.sweep) options.logger?.info(report, 'register sweep: every system read whole');
        else if (report.changed + report.removed > 0)
          options.logger?.info(report, 'register scan: people changed without a change event settled');
        else options.logger?.debug(report, 'register scan: nothing missed');
      })
      .catch((error: unknown) =>
        options.logger?.warn({ err: error }, 'register scan failed; the next one reads from the same point'),
      )
      .finally(() => (running = null));
  }, options.everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
