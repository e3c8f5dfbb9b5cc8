/**
 * Where the file sink keeps its chain's head apart from the records: a Redis key (production:
 * AUDIT_ANCHOR_KEY), or a file beside the trail (development without Redis; see the README's
 * threat model for what that does not protect). The Redis stream sink writes its anchor inside its
 * own append script instead (redisStreamSink.ts).
 *
 * `advance` is a compare-and-set: the anchor moves only from a head the sink expects, so an anchor
 * moved by anyone else (rolled back, deleted, forged) is noticed on the next group commit, at the
 * cost of no extra round trip (one anchor write per group commit, as before).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import type { Anchor, ChainHead } from './chain.ts';
import { connectAuditRedis, readRedisAnchor } from './redis.ts';

export type AdvanceResult = { moved: true } | { moved: false; found: Anchor | null };

export interface AnchorStore {
  /** Where the anchor lives (a path or a Redis key), for logs and messages. */
  readonly location: string;
  read(): Promise<Anchor | null>;
  /**
   * Moves the anchor to `next` if it now holds one of `accepted` (an empty chain's anchor is
   * absent: accept a head of seq 0 for that); otherwise leaves it and answers what it holds.
   * Rejects when the store cannot be reached or written (the outcome is then unknown).
   */
  advance(next: Anchor, accepted: readonly ChainHead[]): Promise<AdvanceResult>;
  close(): Promise<void>;
}

function holds(current: Anchor | null, head: ChainHead): boolean {
  if (head.seq === 0) return current === null;
  return current !== null && current.seq === head.seq && current.hash === head.hash;
}

const UNREADABLE: Anchor = Object.freeze({ seq: -1, hash: 'unreadable', mac: '' });

function parseAnchor(text: string): Anchor {
  try {
    const parsed = JSON.parse(text) as Partial<Anchor>;
    if (typeof parsed.seq === 'number' && typeof parsed.hash === 'string' && typeof parsed.mac === 'string')
      return { seq: parsed.seq, hash: parsed.hash, mac: parsed.mac };
  } catch {
    // Falls through: an unreadable anchor never matches and fails its MAC.
  }
  return UNREADABLE;
}

/**
 * The anchor as a small JSON file, replaced whole (write a temporary file, rename it over) so a
 * reader never sees half of one. Not fsynced: after a power cut it may lag the trail, which the
 * sink and the verifier accept (records after the anchor are reported as never acknowledged).
 *
 * Read, written and renamed with synchronous calls: a few hundred bytes in the page cache, tens of
 * microseconds, once per group commit. Asynchronously each of those five file calls waited for a
 * turn of the busy event loop while every request of the batch waited for its audit record.
 */
export function createFileAnchor(path: string): AnchorStore {
  const temporary = `${path}.tmp`;
  function read(): Anchor | null {
    try {
      return parseAnchor(readFileSync(path, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
  return {
    location: path,
    read: async () => read(),
    async advance(next, accepted) {
      const current = read();
      if (!accepted.some((head) => holds(current, head))) return { moved: false, found: current };
      writeFileSync(temporary, JSON.stringify(next) + '\n', { mode: 0o600 });
      renameSync(temporary, path);
      return { moved: true };
    },
    async close() {},
  };
}

/**
 * KEYS[1] the anchor hash; ARGV: next seq, hash, mac, then accepted (seq, hash) pairs.
 * Returns {1} when moved, else {0, seq, hash, mac} of what the anchor holds ('' when absent).
 */
const ADVANCE_SCRIPT = `
local current = redis.call('HMGET', KEYS[1], 'seq', 'hash', 'mac')
for i = 4, #ARGV, 2 do
  local accepted
  if ARGV[i] == '0' then accepted = current[1] == false
  else accepted = current[1] == ARGV[i] and current[2] == ARGV[i + 1] end
  if accepted then
    redis.call('HSET', KEYS[1], 'seq', ARGV[1], 'hash', ARGV[2], 'mac', ARGV[3])
    return {1}
  end
end
return {0, current[1] or '', current[2] or '', current[3] or ''}
`;

interface AnchorRedis extends Redis {
  auditAdvanceAnchor(key: string, ...args: string[]): Promise<[number, string?, string?, string?]>;
}

export async function createRedisAnchor(options: {
  redisUrl: string;
  key: string;
  commandTimeoutMs?: number;
}): Promise<AnchorStore> {
  const redis = (await connectAuditRedis(options.redisUrl, options.commandTimeoutMs)) as AnchorRedis;
  redis.defineCommand('auditAdvanceAnchor', { numberOfKeys: 1, lua: ADVANCE_SCRIPT });
  const { key } = options;
  return {
    location: `redis key ${key}`,
    read: () => readRedisAnchor(redis, key),
    async advance(next, accepted) {
      const args = [String(next.seq), next.hash, next.mac];
      for (const head of accepted) args.push(String(head.seq), head.hash);
      const [moved, seq, hash, mac] = await redis.auditAdvanceAnchor(key, ...args);
      if (moved === 1) return { moved: true };
      if (!seq) return { moved: false, found: null };
      return { moved: false, found: { seq: Number(seq), hash: hash ?? '', mac: mac ?? '' } };
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
