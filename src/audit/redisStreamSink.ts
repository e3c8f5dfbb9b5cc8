/**
 * The Redis stream sink: one stream entry per record, id `<seq>-0`, so XRANGE by seq is direct
 * and Redis itself refuses an id at or below the last one.
 *
 * Several hub instances append to one stream, so the chain's head lives in Redis, not in any
 * instance. A batch is sealed against the head this instance last saw and handed to a Lua
 * script that, atomically, reads the stream's true last entry and appends the batch only if
 * that entry is the head the batch was sealed on (compare-and-append). Otherwise the script
 * returns the true head, and the batch is re-sealed on it and retried. Nothing is written on a
 * mismatch, so seqs never skip and the chain never forks. Break-glass records are also added to
 * `<stream>:alerts` in the same script.
 *
 * If the reply to an append is lost (timeout, dropped connection) the batch may in fact have been
 * written while its callers were told it failed: their requests are refused, and the stream holds
 * a trace of an access that did not happen, which errs on the safe side. The next append
 * conflicts, learns the true head and carries on.
 *
 * Durability is Redis's: run the audit Redis with `appendonly yes` and `appendfsync always`
 * (or `everysec`, accepting up to a second of acknowledged records at risk on a crash).
 * In Redis Cluster, put the stream name in a hash tag (e.g. `{audit}:trail`) so the stream and
 * its alerts stream share a slot.
 */
import { Redis } from 'ioredis';
import { EMPTY_HEAD, GENESIS_HASH, headOf, isAlert, sealBatch, type ChainHead } from './chain.ts';
import { filterNewestFirst, isoBound } from './recentIndex.ts';
import type { AuditQuery, AuditRecord, AuditSink, TimedEntry } from './types.ts';

export interface RedisStreamSinkOptions {
  redisUrl: string;
  stream: string;
  /** Most entries a query walks back through before answering with what it found. Default 20,000. */
  maxScan?: number;
  /** Re-seal attempts when other instances keep moving the head. Default 100. */
  maxAttempts?: number;
  /** Per-command budget. Default 5,000 ms. */
  commandTimeoutMs?: number;
}

const APPEND_SCRIPT = `
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
local headSeq, headHash = '0', '${GENESIS_HASH}'
if #last > 0 then
  local fields = last[1][2]
  for i = 1, #fields, 2 do
    if fields[i] == 'seq' then headSeq = fields[i + 1] elseif fields[i] == 'hash' then headHash = fields[i + 1] end
  end
end
if headSeq ~= ARGV[1] or headHash ~= ARGV[2] then
  return {0, headSeq, headHash}
end
for i = 3, #ARGV, 4 do
  redis.call('XADD', KEYS[1], ARGV[i] .. '-0', 'seq', ARGV[i], 'hash', ARGV[i + 1], 'record', ARGV[i + 2])
  if ARGV[i + 3] == '1' then
    redis.call('XADD', KEYS[2], '*', 'seq', ARGV[i], 'record', ARGV[i + 2])
  end
end
return {1, '', ''}
`;

type StreamEntry = [id: string, fields: string[]];

interface AuditRedis extends Redis {
  auditAppend(stream: string, alerts: string, ...args: string[]): Promise<[number, string, string]>;
}

/** The record JSON of a stream entry, parsed; null when the entry has none or it is unreadable. */
export function recordOfEntry([, fields]: StreamEntry): unknown {
  for (let i = 0; i < fields.length; i += 2) {
    if (fields[i] === 'record') {
      try {
        return JSON.parse(fields[i + 1] ?? '') as unknown;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Every entry of a stream, oldest first, fetched in pages; shared with the verifier. */
export async function* readStream(redis: Redis, stream: string, pageSize = 1000): AsyncGenerator<unknown> {
  let start = '-';
  for (;;) {
    const page = (await redis.xrange(stream, start, '+', 'COUNT', pageSize)) as StreamEntry[];
    for (const entry of page) yield recordOfEntry(entry);
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return;
    start = `(${last[0]}`;
  }
}

export function alertsStreamOf(stream: string): string {
  return `${stream}:alerts`;
}

export async function createRedisStreamSink(options: RedisStreamSinkOptions): Promise<AuditSink> {
  const { stream } = options;
  const alertsStream = alertsStreamOf(stream);
  const maxScan = options.maxScan ?? 20_000;
  const maxAttempts = options.maxAttempts ?? 100;
  const redis = new Redis(options.redisUrl, {
    lazyConnect: true,
    // Fail an audit write promptly rather than queueing it behind a dead connection.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 5_000,
  }) as AuditRedis;
  redis.on('error', () => {
    // Connection errors surface as rejected commands (and so rejected records); the event itself
    // only needs a listener so that ioredis does not report it as unhandled.
  });
  redis.defineCommand('auditAppend', { numberOfKeys: 2, lua: APPEND_SCRIPT });
  await redis.connect();
  let head: ChainHead = EMPTY_HEAD;
  let closed = false;

  async function appendOnce(batch: readonly TimedEntry[]): Promise<AuditRecord[] | null> {
    const sealed = sealBatch(head, batch);
    const args = [String(head.seq), head.hash];
    for (const record of sealed) {
      args.push(String(record.seq), record.hash, JSON.stringify(record), isAlert(record) ? '1' : '0');
    }
    const [applied, trueSeq, trueHash] = await redis.auditAppend(stream, alertsStream, ...args);
    if (applied === 1) {
      head = headOf(sealed, head);
      return sealed;
    }
    head = { seq: Number(trueSeq), hash: trueHash };
    return null;
  }

  async function scanNewestFirst(query: AuditQuery): Promise<AuditRecord[]> {
    const from = isoBound(query.from);
    const matches: AuditRecord[] = [];
    let end = '+';
    let scanned = 0;
    while (matches.length < query.limit && scanned < maxScan) {
      const count = Math.min(1000, maxScan - scanned);
      const page = (await redis.xrevrange(stream, end, '-', 'COUNT', count)) as StreamEntry[];
      scanned += page.length;
      const records = page
        .map(recordOfEntry)
        .filter((record): record is AuditRecord => record !== null)
        .reverse();
      matches.push(...filterNewestFirst(records, { ...query, limit: query.limit - matches.length }));
      const oldest = page[page.length - 1];
      // Records are appended in time order, so once the page reaches before `from` we are done.
      const oldestAt = records[0]?.at;
      if (!oldest || page.length < count || (from !== undefined && oldestAt !== undefined && oldestAt < from))
        break;
      end = `(${oldest[0]}`;
    }
    return matches;
  }

  return {
    kind: 'redis-stream',
    async append(batch) {
      if (closed) throw new Error('Audit sink is closed');
      for (let attempt = 0; attempt < maxAttempts; attempt++) {
        const sealed = await appendOnce(batch);
        if (sealed) return sealed;
      }
      throw new Error('Audit stream head kept moving; batch not written');
    },
    query: scanNewestFirst,
    async alerts(limit) {
      const page = (await redis.xrevrange(alertsStream, '+', '-', 'COUNT', limit)) as StreamEntry[];
      return page.map(recordOfEntry).filter((record): record is AuditRecord => record !== null);
    },
    async close() {
      if (closed) return;
      closed = true;
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
