import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditWriteError,
  GENESIS_HASH,
  anchorOf,
  createAuditTrail,
  createFileSink,
  createRedisAnchor,
  readRedisAnchor,
} from '../../../src/platform/audit/index.ts';
import { testKey, viewEntry } from './fixtures.ts';

const redisUrl = 'redis://127.0.0.1:6379';
const prefix = `test:svoc-audit-anchor:${randomUUID()}`;
let admin: Redis;
let dir: string;

beforeAll(async () => {
  admin = new Redis(redisUrl);
  dir = await mkdtemp(join(tmpdir(), 'svoc-audit-anchor-'));
});
afterAll(async () => {
  await admin.del(`${prefix}:cas`, `${prefix}:file`);
  await admin.quit();
  await rm(dir, { recursive: true, force: true });
});

describe('the Redis anchor of a file trail', () => {
  it('moves only from a head it was told to expect, and answers what it holds otherwise', async () => {
    const key = `${prefix}:cas`;
    const anchor = await createRedisAnchor({ redisUrl, key });
    const empty = { seq: 0, hash: GENESIS_HASH };
    const first = anchorOf({ seq: 3, hash: 'a'.repeat(64) }, testKey);
    const second = anchorOf({ seq: 5, hash: 'b'.repeat(64) }, testKey);
    expect(await anchor.advance(first, [empty])).toEqual({ moved: true });
    expect(await anchor.read()).toEqual(first);
    // Expecting the empty chain again (as a hub whose anchor was rolled back would) is refused.
    expect(await anchor.advance(second, [empty])).toEqual({ moved: false, found: first });
    expect(await anchor.advance(second, [empty, first])).toEqual({ moved: true });
    expect(await readRedisAnchor(admin, key)).toEqual(second);
    await anchor.close();
  });

  it('lets a file sink notice its anchor deleted from Redis and refuse with an alarm', async () => {
    const key = `${prefix}:file`;
    const file = join(dir, 'audit.jsonl');
    const trail = createAuditTrail({
      sink: await createFileSink(file, { key: testKey, anchor: await createRedisAnchor({ redisUrl, key }) }),
    });
    await trail.record(viewEntry());
    await trail.record(viewEntry());
    expect(await readRedisAnchor(admin, key)).toMatchObject({ seq: 2 });
    await admin.del(key);
    const refused = await trail.record(viewEntry()).then(
      () => null,
      (error: unknown) => error as AuditWriteError,
    );
    expect(refused).toBeInstanceOf(AuditWriteError);
    expect(refused!.reason).toBe('chain');
    expect(refused!.cause).toMatchObject({ kind: 'ANCHOR_MISMATCH' });
    await trail.close();
  });
});
