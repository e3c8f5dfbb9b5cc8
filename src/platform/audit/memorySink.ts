/**
 * An in-memory sink for tests and local demos. NOT durable: a restart loses the trail, so the
 * hub must never run with it where real children's records are viewed.
 */
import { randomBytes } from 'node:crypto';
import { EMPTY_HEAD, chainKey, headOf, sealBatch, type ChainHead, type ChainKey } from './chain.ts';
import { AuditSinkError } from './errors.ts';
import { RecentIndex } from './recentIndex.ts';
import type { AuditRecord, AuditSink, TimedEntry } from './types.ts';

export interface MemorySink extends AuditSink {
  /** The chain key its records are sealed with (a random one unless given), for verifyChain. */
  readonly key: ChainKey;
  /** Every record appended, oldest first. */
  readonly records: readonly AuditRecord[];
  /** How many batches were appended (one per group commit). */
  readonly batches: number;
  /** Makes the next `count` appends fail, as a broken disk or network would. */
  failNextAppends(count: number): void;
}

export function createMemorySink(options: { key?: ChainKey } = {}): MemorySink {
  const key = options.key ?? chainKey(randomBytes(32));
  const records: AuditRecord[] = [];
  const index = new RecentIndex();
  let head: ChainHead = EMPTY_HEAD;
  let batches = 0;
  let failures = 0;
  let closed = false;

  return {
    kind: 'memory',
    key,
    records,
    get batches() {
      return batches;
    },
    failNextAppends(count) {
      failures = count;
    },
    async append(batch: readonly TimedEntry[]) {
      if (closed) throw new AuditSinkError('closed', 'Audit sink is closed');
      if (failures > 0) {
        failures -= 1;
        throw new AuditSinkError('storage', 'Audit memory sink: simulated write failure');
      }
      const sealed = sealBatch(head, batch, key);
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
