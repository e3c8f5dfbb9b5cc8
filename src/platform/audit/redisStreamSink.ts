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
 * The script also keeps the anchor, `<stream>:anchor` (seq, hash and MAC of the last record), in
 * the same atomic step, and refuses to append when the anchor does not describe the stream's last
 * entry, or when the head this instance last wrote or saw is no longer in the stream (Redis lost
 * its data, or someone cut the stream): the chain never silently restarts from the genesis. In
 * the second case it points the anchor at that lost head, so that every other instance and
 * `npm run audit:verify` see the loss too. A head learnt from another instance is adopted only if
 * its HMAC is right.
 *
 * Durability is Redis's: run the audit Redis with `appendonly yes` and `appendfsync always`
 * (or `everysec`, accepting up to a second of acknowledged records at risk on a crash).
 * In Redis Cluster, put the stream name in a hash tag (e.g. `{audit}:trail`) so the stream and
 * its alerts stream share a slot.
 */
import type { Redis } from 'ioredis';
import {
  EMPTY_HEAD,
  GENESIS_HASH,
  anchorOf,
  hashRecord,
  headOf,
  isAlert,
  isRecordShaped,
  sealBatchWithTexts,
  type ChainHead,
  type ChainKey,
} from './chain.ts';
import { AuditChainAlarm, AuditSinkError } from './errors.ts';
import { filterNewestFirst, isoBound } from './recentIndex.ts';
import { anchorKeyOfStream, connectAuditRedis } from './redis.ts';
import type { AuditQuery, AuditRecord, AuditSink, TimedEntry } from './types.ts';

export interface RedisStreamSinkOptions {
  redisUrl: string;
  stream: string;
  /** The chain key every record hash and anchor MAC is made with. */
  key: ChainKey;
  /** Most entries a query walks back through before answering with what it found. Default 20,000. */
  maxScan?: number;
  /** Re-seal attempts when other instances keep moving the head. Default 100. */
  maxAttempts?: number;
  /** Per-command budget. Default 5,000 ms. */
  commandTimeoutMs?: number;
}

/**
 * KEYS: stream, alerts stream, anchor. ARGV: the head this instance last saw (seq, hash, anchor
 * MAC), the anchor MAC of the batch's last record, then per record: seq, hash, JSON, alert flag.
 * Replies {1} appended; {0, seq, hash, record} the head moved on (re-seal on it); {-1, seq, hash,
 * anchorSeq, anchorHash} the anchor does not describe the stream's last entry; {-2, seq, hash}
 * the head this instance saw is gone from the stream (the anchor is then pointed at it, so every
 * instance and the verifier see the loss too).
 */
const APPEND_SCRIPT = `
local anchor = redis.call('HMGET', KEYS[3], 'seq', 'hash')
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
local headSeq, headHash, headRecord = '0', '${GENESIS_HASH}', ''
if #last > 0 then
  local fields = last[1][2]
  for i = 1, #fields, 2 do
    if fields[i] == 'seq' then headSeq = fields[i + 1]
    elseif fields[i] == 'hash' then headHash = fields[i + 1]
    elseif fields[i] == 'record' then headRecord = fields[i + 1] end
  end
end
local anchorFits = (anchor[1] == false and headSeq == '0') or (anchor[1] == headSeq and anchor[2] == headHash)
if ARGV[1] ~= '0' and (ARGV[1] ~= headSeq or ARGV[2] ~= headHash) then
  local seen = false
  local entry = redis.call('XRANGE', KEYS[1], ARGV[1] .. '-0', ARGV[1] .. '-0')
  if #entry > 0 then
    local fields = entry[1][2]
    for i = 1, #fields, 2 do
      if fields[i] == 'hash' and fields[i + 1] == ARGV[2] then seen = true end
    end
  end
  if not seen then
    if anchorFits then redis.call('HSET', KEYS[3], 'seq', ARGV[1], 'hash', ARGV[2], 'mac', ARGV[3]) end
    return {-2, headSeq, headHash}
  end
end
if not anchorFits then return {-1, headSeq, headHash, anchor[1] or '', anchor[2] or ''} end
if headSeq ~= ARGV[1] or headHash ~= ARGV[2] then return {0, headSeq, headHash, headRecord} end
local lastSeq, lastHash
for i = 5, #ARGV, 4 do
  redis.call('XADD', KEYS[1], ARGV[i] .. '-0', 'seq', ARGV[i], 'hash', ARGV[i + 1], 'record', ARGV[i + 2])
  if ARGV[i + 3] == '1' then
    redis.call('XADD', KEYS[2], '*', 'seq', ARGV[i], 'record', ARGV[i + 2])
  end
  lastSeq, lastHash = ARGV[i], ARGV[i + 1]
end
redis.call('HSET', KEYS[3], 'seq', lastSeq, 'hash', lastHash, 'mac', ARGV[4])
return {1}
`;

type StreamEntry = [id: string, fields: string[]];

interface AuditRedis extends Redis {
  auditAppend(
    stream: string,
    alerts: string,
    anchor: string,
    ...args: string[]
  ): Promise<[number, string?, string?, string?, string?]>;
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
  const { stream, key } = options;
  const alertsStream = alertsStreamOf(stream);
  const anchorKey = anchorKeyOfStream(stream);
  const maxScan = options.maxScan ?? 20_000;
  const maxAttempts = options.maxAttempts ?? 100;
  const redis = (await connectAuditRedis(options.redisUrl, options.commandTimeoutMs)) as AuditRedis;
  redis.defineCommand('auditAppend', { numberOfKeys: 3, lua: APPEND_SCRIPT });
  /** The newest head this instance wrote or saw: it must stay in the stream for good. */
  let head: ChainHead = EMPTY_HEAD;
  let closed = false;

  /** A head another instance wrote, adopted only if the key sealed it. */
  function adopt(seq: number, hash: string, json: string): void {
    let record: unknown = null;
    try {
      record = JSON.parse(json);
    } catch {
      record = null;
    }
    if (
      !isRecordShaped(record) ||
      record.seq !== seq ||
      record.hash !== hash ||
      hashRecord(record, key) !== hash
    )
      throw new AuditChainAlarm(
        'RECORD_INVALID',
        `the last entry of stream ${stream} (seq ${seq}) was not sealed with the configured AUDIT_CHAIN_KEY`,
        head,
        { seq, hash },
      );
    head = { seq, hash };
  }

  async function appendOnce(batch: readonly TimedEntry[]): Promise<AuditRecord[] | null> {
    const { records: sealed, texts } = sealBatchWithTexts(head, batch, key);
    const next = headOf(sealed, head);
    const args = [String(head.seq), head.hash, anchorOf(head, key).mac, anchorOf(next, key).mac];
    sealed.forEach((record, i) => {
      args.push(String(record.seq), record.hash, texts[i] as string, isAlert(record) ? '1' : '0');
    });
    let reply;
    try {
      reply = await redis.auditAppend(stream, alertsStream, anchorKey, ...args);
    } catch (error) {
      throw new AuditSinkError('storage', `Audit stream ${stream} could not be written`, { cause: error });
    }
    const [outcome, seq = '0', hash = '', third = '', fourth = ''] = reply;
    const found = { seq: Number(seq), hash };
    switch (outcome) {
      case 1:
        head = next;
        return sealed;
      case 0:
        adopt(found.seq, found.hash, third);
        return null;
      case -1:
        throw new AuditChainAlarm(
          'ANCHOR_MISMATCH',
          third === ''
            ? `stream ${stream} ends at seq ${seq} but its anchor ${anchorKey} is missing`
            : `stream ${stream} ends at seq ${seq} but its anchor ${anchorKey} says seq ${third}`,
          third === '' ? null : { seq: Number(third), hash: fourth },
          found,
        );
      default:
        throw new AuditChainAlarm(
          'HEAD_REGRESSED',
          `stream ${stream} went back: this hub saw seq ${head.seq}, the stream now ends at seq ${seq}`,
          head,
          found,
        );
    }
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
      if (closed) throw new AuditSinkError('closed', 'Audit sink is closed');
      for (let attempt = 0; attempt < maxAttempts; attempt++) {
        const sealed = await appendOnce(batch);
        if (sealed) return sealed;
      }
      throw new AuditSinkError('contention', 'Audit stream head kept moving; batch not written');
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
