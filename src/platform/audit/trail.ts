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
 *
 * A failed batch is logged at warn with its reason and how many requests it refused, and counted
 * in /metrics; an alarm (the chain went backwards or disagrees with its anchor) is logged at error
 * once when raised. The next batch simply tries the sink again, so service resumes by itself as
 * soon as the storage is back (an alarm holds until an operator has looked).
 */
import { toTimedEntry } from './entry.ts';
import { AuditChainAlarm, AuditSinkError, failureReasonOf, type AuditFailureReason } from './errors.ts';
import { NO_AUDIT_METRICS, type AuditMetrics } from './metrics.ts';
import type { AuditEntry, AuditQuery, AuditRecord, AuditSink, TimedEntry } from './types.ts';

/** The part of a pino logger the trail uses. */
export interface AuditLogger {
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface AuditTrailOptions {
  sink: AuditSink;
  /** Clock for `at` (ms since the epoch). */
  now?: () => number;
  /** Largest batch written at once; bounds the size of one write. Default 1,000. */
  maxBatch?: number;
  /** Where failed writes and alarms are reported (no record content is ever logged). */
  logger?: AuditLogger;
  metrics?: AuditMetrics;
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
  readonly reason: AuditFailureReason;
  constructor(cause: unknown) {
    super('The access could not be recorded in the audit trail', { cause });
    this.name = 'AuditWriteError';
    this.reason = failureReasonOf(cause);
  }
}

/**
 * What a log line carries of a failure: the sink's own message (paths, key names, seqs) and the
 * underlying error's name, code and message (an errno or a Redis reply), never a record. Under
 * keys of their own, because the logger reduces anything under `err` to its name and code.
 */
function describeFailure(error: unknown): { detail: string; cause?: object } {
  if (!(error instanceof Error)) return { detail: String(error) };
  const cause = error.cause;
  if (!(cause instanceof Error)) return { detail: error.message };
  const { code } = cause as NodeJS.ErrnoException;
  return {
    detail: error.message,
    cause: { name: cause.name, ...(code === undefined ? {} : { code }), message: cause.message },
  };
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
  const metrics = options.metrics ?? NO_AUDIT_METRICS;
  const logger = options.logger;
  let queue: Pending[] = [];
  let draining: Promise<void> | null = null;
  let closed = false;
  /** Requests refused since the last batch that was written (0: the trail is healthy). */
  let refusedSinceHealthy = 0;
  let lastAlarm: string | null = null;

  function reportAlarm(alarm: AuditChainAlarm): void {
    // One alarm line (and count) per alarm, not per refused batch: the same kind about the same
    // expected head is the same alarm, however the other side keeps changing.
    const signature = `${alarm.kind}:${alarm.expected?.seq}:${alarm.expected?.hash}`;
    if (signature === lastAlarm) return;
    lastAlarm = signature;
    metrics.alarm(sink.kind, alarm.kind);
    logger?.error(
      {
        sink: sink.kind,
        alarm: alarm.kind,
        expected: alarm.expected,
        found: alarm.found,
        detail: alarm.message,
      },
      'audit chain alarm: the trail went backwards or disagrees with its anchor; accesses are refused until it is restored or an operator has checked it (npm run audit:verify)',
    );
  }

  function reportFailure(error: unknown, refused: number): void {
    const reason = failureReasonOf(error);
    if (error instanceof AuditChainAlarm) reportAlarm(error);
    refusedSinceHealthy += refused;
    metrics.refused(sink.kind, reason, refused);
    metrics.writable(sink.kind, false);
    logger?.warn(
      { sink: sink.kind, reason, refused, refusedSinceHealthy, ...describeFailure(error) },
      'audit write failed: the accesses were refused',
    );
  }

  function reportSuccess(sealed: readonly AuditRecord[]): void {
    const last = sealed[sealed.length - 1];
    if (last) metrics.head(sink.kind, last.seq);
    if (refusedSinceHealthy > 0) {
      logger?.warn(
        { sink: sink.kind, refusedSinceHealthy },
        'audit trail writable again: accesses are served',
      );
      refusedSinceHealthy = 0;
      lastAlarm = null;
    }
    metrics.writable(sink.kind, true);
  }

  if (sink.alarm) reportAlarm(sink.alarm);

  async function writeBatch(batch: Pending[]): Promise<void> {
    let sealed: AuditRecord[];
    try {
      sealed = await sink.append(batch.map((pending) => pending.entry));
    } catch (error) {
      reportFailure(error, batch.length);
      const failure = new AuditWriteError(error);
      for (const pending of batch) pending.reject(failure);
      return;
    }
    reportSuccess(sealed);
    batch.forEach((pending, i) => pending.resolve(sealed[i] as AuditRecord));
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
      if (closed)
        return Promise.reject(new AuditWriteError(new AuditSinkError('closed', 'Audit trail is closed')));
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
