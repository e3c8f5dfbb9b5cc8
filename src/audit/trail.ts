/**
 * The audit trail in front of a sink: validates entries, stamps their time, and group-commits.
 *
 * Group commit: while one batch is being written and synced, new records queue up; when the
 * write finishes, everything queued goes out as the next single write + sync. Under load one
 * fsync (typically 1–10 ms on a real disk) is shared by hundreds of requests, so throughput is
 * bounded by the disk's batch rate rather than its per-sync latency. The price is latency: a
 * record may wait for the batch ahead of it, so a request's audit wait is up to two sync times
 * instead of one. A lone record waits one event-loop turn (setImmediate) before writing, so
 * records made in the same turn (one request resolving several children) share a batch.
 *
 * `record` resolves only once the record is durable and rejects if its batch could not be
 * written: the caller must then refuse the request (no access without a trace).
 */
import { toTimedEntry } from './entry.ts';
import type { AuditEntry, AuditQuery, AuditRecord, AuditSink, TimedEntry } from './types.ts';

export interface AuditTrailOptions {
  sink: AuditSink;
  /** Clock for `at` (ms since the epoch). */
  now?: () => number;
  /** Largest batch written at once; bounds the size of one write. Default 1,000. */
  maxBatch?: number;
}

export interface AuditTrail {
  /** Resolves with the sealed record once durable; rejects with AuditWriteError otherwise. */
  record(entry: AuditEntry): Promise<AuditRecord>;
  /** Resolves when every record made before the call has been written or has failed. */
  flush(): Promise<void>;
  /** Flushes, then closes the sink; later `record` calls reject. */
  close(): Promise<void>;
  /** Newest first; `limit` is capped at 1,000. */
  query(query: AuditQuery): Promise<AuditRecord[]>;
  /** The last accesses to one child, newest first (CP-IS shows the owning team the last 25). */
  recentForChild(childId: string, limit?: number): Promise<AuditRecord[]>;
  /** Break-glass records awaiting review, newest first. */
  alerts(limit?: number): Promise<AuditRecord[]>;
}

/** The audit record could not be made durable: refuse the request. */
export class AuditWriteError extends Error {
  readonly code = 'INTERNAL' as const;
  constructor(cause: unknown) {
    super('The access could not be recorded in the audit trail', { cause });
    this.name = 'AuditWriteError';
  }
}

interface Pending {
  entry: TimedEntry;
  resolve: (record: AuditRecord) => void;
  reject: (error: unknown) => void;
}

const MAX_QUERY_LIMIT = 1000;

export function createAuditTrail(options: AuditTrailOptions): AuditTrail {
  const { sink } = options;
  const now = options.now ?? Date.now;
  const maxBatch = options.maxBatch ?? 1000;
  let queue: Pending[] = [];
  let draining: Promise<void> | null = null;
  let closed = false;

  async function writeBatch(batch: Pending[]): Promise<void> {
    try {
      const sealed = await sink.append(batch.map((pending) => pending.entry));
      batch.forEach((pending, i) => pending.resolve(sealed[i] as AuditRecord));
    } catch (error) {
      const failure = new AuditWriteError(error);
      for (const pending of batch) pending.reject(failure);
    }
  }

  async function drain(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (queue.length > 0) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      await writeBatch(batch);
    }
    draining = null;
  }

  function clampLimit(limit: number): number {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError('Audit query limit must be a positive integer');
    return Math.min(limit, MAX_QUERY_LIMIT);
  }

  return {
    record(entry) {
      if (closed) return Promise.reject(new AuditWriteError(new Error('Audit trail is closed')));
      let timed: TimedEntry;
      try {
        timed = toTimedEntry(entry, new Date(now()).toISOString());
      } catch (error) {
        return Promise.reject(error);
      }
      return new Promise<AuditRecord>((resolve, reject) => {
        queue.push({ entry: timed, resolve, reject });
        draining ??= drain();
      });
    },
    async flush() {
      while (draining) await draining;
    },
    async close() {
      closed = true;
      while (draining) await draining;
      await sink.close();
    },
    query(query) {
      return sink.query({ ...query, limit: clampLimit(query.limit) });
    },
    recentForChild(childId, limit = 25) {
      return sink.query({ childId, limit: clampLimit(limit) });
    },
    alerts(limit = 100) {
      return sink.alerts(clampLimit(limit));
    },
  };
}
