/**
 * The audit's own Redis connections (the stream sink, the file sink's anchor) and the anchor's
 * layout in Redis: a hash with fields seq, hash and mac.
 */
import { Redis } from 'ioredis';
import type { Anchor } from './chain.ts';

/** Default per-command budget: an audit write waits for Redis's fsync (appendfsync always). */
export const AUDIT_REDIS_COMMAND_TIMEOUT_MS = 5_000;

export async function connectAuditRedis(url: string, commandTimeoutMs?: number): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    // Fail an audit write promptly rather than queueing it behind a dead connection; ioredis keeps
    // reconnecting in the background, so writes succeed again as soon as Redis is back.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: commandTimeoutMs ?? AUDIT_REDIS_COMMAND_TIMEOUT_MS,
  });
  redis.on('error', () => {
    // Connection errors surface as rejected commands (and so refused records, which the trail logs
    // and counts); the event itself only needs a listener so that ioredis does not report it.
  });
  await redis.connect();
  return redis;
}

/** An anchor read from a Redis hash; a present but malformed one never matches and fails its MAC. */
export function anchorFromFields(seq: string | null, hash: string | null, mac: string | null): Anchor | null {
  if (seq === null && hash === null && mac === null) return null;
  const n = Number(seq);
  return { seq: Number.isSafeInteger(n) ? n : -1, hash: hash ?? '', mac: mac ?? '' };
}

export async function readRedisAnchor(redis: Redis, key: string): Promise<Anchor | null> {
  const [seq, hash, mac] = await redis.hmget(key, 'seq', 'hash', 'mac');
  return anchorFromFields(seq ?? null, hash ?? null, mac ?? null);
}

/** The anchor of a stream sink's trail: beside the stream (same hash tag, so same cluster slot). */
export function anchorKeyOfStream(stream: string): string {
  return `${stream}:anchor`;
}
