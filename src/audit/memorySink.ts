/**
 * An in-memory sink for tests and local demos. NOT durable: a restart loses the trail, so the
 * hub must never run with it where real children's records are viewed.
 */
import { EMPTY_HEAD, headOf, sealBatch, type ChainHead } from './chain.ts';
import { RecentIndex } from './recentIndex.ts';
import type { AuditRecord, AuditSink, TimedEntry } from './types.ts';

export interface MemorySink extends AuditSink {
  /** Every record appended, oldest first. */
  readonly records: readonly AuditRecord[];
  /** How many batches were appended (one per group commit). */
  readonly batches: number;
  /** Makes the next `count` appends fail, as a broken disk or network would. */
  failNextAppends(count: number): void;
}

export function createMemorySink(): MemorySink {
  const records: AuditRecord[] = [];
  const index = new RecentIndex();
  let head: ChainHead = EMPTY_HEAD;
  let batches = 0;
  let failures = 0;
  let closed = false;

  return {
    kind: 'memory',
    records,
    get batches() {
      return batches;
    },
    failNextAppends(count) {
      failures = count;
    },
    async append(batch: readonly TimedEntry[]) {
      if (closed) throw new Error('Audit sink is closed');
      if (failures > 0) {
        failures -= 1;
        throw new Error('Audit memory sink: simulated write failure');
      }
      const sealed = sealBatch(head, batch);
      head = headOf(sealed, head);
      batches += 1;
      for (const record of sealed) {
        records.push(record);
        index.add(record);
      }
      return sealed;
    },
    async query(query) {
      return index.query(query);
    },
    async alerts(limit) {
      return index.alerts(limit);
    },
    async close() {
      closed = true;
    },
  };
}
