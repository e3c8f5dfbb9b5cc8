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
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
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
 * Bytes of one slot of the anchor file: the anchor's JSON, a checksum of it, spaces, a newline.
 * The checksum (unkeyed: the MAC inside is what proves the anchor the hub's) tells a whole slot
 * from one a torn write or a concurrent read mixed from two anchors, which may still parse.
 */
const ANCHOR_SLOT_BYTES = 256;
const SLOT_LINE = /^(\{.*\}) ([0-9a-f]{16}) *$/;
const checksumOf = (json: string): string => createHash('sha256').update(json).digest('hex').slice(0, 16);

/** One line of the file: a slot (checked), or an anchor line as earlier hubs wrote it. */
function parseLine(line: string): Anchor {
  const slot = SLOT_LINE.exec(line);
  if (slot === null) return parseAnchor(line);
  return checksumOf(slot[1]!) === slot[2] ? parseAnchor(slot[1]!) : UNREADABLE;
}

interface AnchorFile {
  /** Its non-empty lines, parsed: UNREADABLE where one is not an anchor. */
  slots: Anchor[];
  /** Laid out as two slots (else it is replaced whole on the next advance). */
  slotted: boolean;
}

function readAnchorFile(bytes: Buffer): AnchorFile {
  const slots = bytes
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map(parseLine);
  return { slots, slotted: bytes.length === 2 * ANCHOR_SLOT_BYTES && slots.length === 2 };
}

/** The newest readable slot: the other one holds the anchor before it, or a write a crash tore. */
function newestOf(slots: readonly Anchor[]): Anchor {
  let newest = UNREADABLE;
  for (const slot of slots) if (slot !== UNREADABLE && slot.seq > newest.seq) newest = slot;
  return newest;
}

function slotText(anchor: Anchor): string {
  const json = JSON.stringify(anchor);
  const line = `${json} ${checksumOf(json)}`;
  if (Buffer.byteLength(line) >= ANCHOR_SLOT_BYTES) throw new Error('an anchor does not fit its slot');
  return line.padEnd(ANCHOR_SLOT_BYTES - 1, ' ') + '\n';
}

/**
 * The anchor as a small file of two fixed-size slots (two lines), written alternately in place:
 * each advance overwrites the slot that does not hold the current anchor, and a reader takes the
 * newest whole slot. A write torn by a crash leaves the other slot whole, so a reader finds the
 * anchor before it: lagging, which the sink and the verifier accept (records after the anchor are
 * reported as never acknowledged). For the same reason it is not fsynced. A file of any other
 * shape (absent, or one anchor line as earlier hubs wrote it) is replaced whole once, through a
 * temporary file renamed over it.
 *
 * Read and written with synchronous calls: a few hundred bytes in the page cache, microseconds,
 * once per group commit, where asynchronous calls each waited for a turn of the busy event loop
 * while every request of the batch waited on them. In place rather than renamed every time: a
 * rename over the file was the costliest call of a warm request on ext4.
 */
export function createFileAnchor(path: string): AnchorStore {
  const temporary = `${path}.tmp`;
  /** The file, or null when it is absent. */
  function readFrom(fd: number | null): AnchorFile | null {
    try {
      return readAnchorFile(readFileSync(fd ?? path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
  const currentOf = (file: AnchorFile | null): Anchor | null => (file ? newestOf(file.slots) : null);
  function openExisting(): number | null {
    try {
      return openSync(path, 'r+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
  return {
    location: path,
    read: async () => currentOf(readFrom(null)),
    async advance(next, accepted) {
      const fd = openExisting();
      try {
        const file = fd === null ? null : readFrom(fd);
        const current = currentOf(file);
        if (!accepted.some((head) => holds(current, head))) return { moved: false, found: current };
        if (fd !== null && file?.slotted) {
          // The slot not holding the current anchor: the older one, or one a crash tore.
          const replaced = file.slots[0] === current ? 1 : 0;
          // A short write (a full disk) fails the advance: the slot it tore is not read, so the
          // anchor still holds the head before it, which the next advance accepts.
          if (writeSync(fd, slotText(next), replaced * ANCHOR_SLOT_BYTES, 'utf8') !== ANCHOR_SLOT_BYTES)
            throw new Error('the anchor slot was written short');
        } else {
          writeFileSync(temporary, slotText(next).repeat(2), { mode: 0o600 });
          renameSync(temporary, path);
        }
        return { moved: true };
      } finally {
        if (fd !== null) closeSync(fd);
      }
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
