/**
 * The reconciliation scan: change events can be lost (an instance down, a system that never sent
 * one), so every few minutes one instance reads what each system changed since the last scan
 * (`updatedSince`, from the newest `updatedAt` seen) and settles every person whose fields differ
 * from what the register stores, as a change event would. LIFT cannot say what changed: its list is
 * read whole and compared, which also finds people it no longer holds.
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

/** One scan of every feed (the caller holds the scan's turn). */
export async function scanForChanges(
  register: ChildRegister,
  store: RegisterStore,
  feeds: readonly ChangedPeopleFeed[],
): Promise<ScanReport> {
  const report: ScanReport = { read: 0, changed: 0, removed: 0 };
  const marks = await store.feedMarks();
  for (const feed of feeds) {
    const mark = feed.incremental ? (marks.get(feed.system) ?? null) : null;
    let newest = mark;
    const seen = feed.incremental ? null : new Set<RecordKey>();
    for await (const page of feed.changedSince(mark)) {
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
    if (seen !== null)
      for (const key of await store.storedKeys(feed.system)) {
        if (seen.has(key)) continue;
        const { system, localId } = refOf(key);
        await register.apply(system, localId, null);
        report.removed++;
      }
    if (newest !== null && newest !== mark) await store.setFeedMark(feed.system, newest);
  }
  return report;
}

/** Every `everyMs`, the instance whose turn it is scans; returns the function that stops it. */
export function scanPeriodically(
  register: ChildRegister,
  store: RegisterStore,
  feeds: readonly ChangedPeopleFeed[],
  options: { everyMs: number; logger?: Logger },
): () => Promise<void> {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = store
      .scanTurn(options.everyMs, () => scanForChanges(register, store, feeds))
      .then((report) => {
        if (report && report.changed + report.removed > 0)
          options.logger?.info(report, 'register scan: people changed without a change event settled');
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
