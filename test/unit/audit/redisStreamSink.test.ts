import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditWriteError,
  alertsStreamOf,
  createAuditTrail,
  createRedisStreamSink,
  readStream,
  verifyChain,
  type AuditTrail,
} from '../../../src/audit/index.ts';
import { breakGlassEntry, viewEntry } from './fixtures.ts';

const redisUrl = 'redis://127.0.0.1:6379';
const stream = `test:svoc-audit:${randomUUID()}`;
let admin: Redis;
const trails: AuditTrail[] = [];

async function openTrail(): Promise<AuditTrail> {
  const trail = createAuditTrail({ sink: await createRedisStreamSink({ redisUrl, stream }) });
  trails.push(trail);
  return trail;
}

beforeAll(async () => {
  admin = new Redis(redisUrl);
});
afterAll(async () => {
  await Promise.all(trails.map((trail) => trail.close()));
  await admin.del(stream, alertsStreamOf(stream));
  await admin.quit();
});

describe('the Redis stream audit sink', () => {
  it('keeps one valid chain while two hub instances write concurrently', async () => {
    const [a, b] = await Promise.all([openTrail(), openTrail()]);
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) {
      writes.push(a!.record(viewEntry({ requestId: `a-${i}`, userId: 'user-a', childId: `child-${i % 4}` })));
      writes.push(b!.record(viewEntry({ requestId: `b-${i}`, userId: 'user-b', childId: `child-${i % 4}` })));
      if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(writes);
    expect(await verifyChain(readStream(admin, stream))).toMatchObject({ ok: true, count: 120 });
    const ids = (await admin.xrange(stream, '-', '+', 'COUNT', 3)).map(([id]) => id);
    expect(ids).toEqual(['1-0', '2-0', '3-0']);
  });

  it('answers queries by child and by user, newest first', async () => {
    const trail = await openTrail();
    const byChild = await trail.recentForChild('child-1', 5);
    expect(byChild).toHaveLength(5);
    expect(byChild.every((record) => record.childId === 'child-1')).toBe(true);
    expect(byChild[0]!.seq).toBeGreaterThan(byChild[4]!.seq);
    const byUser = await trail.query({ userId: 'user-b', limit: 100 });
    expect(byUser).toHaveLength(60);
  });

  it('adds break-glass records to the alerts stream, and continues the chain from any instance', async () => {
    const trail = await openTrail();
    const alerted = await trail.record(breakGlassEntry({ childId: 'child-bg' }));
    expect(alerted.seq).toBe(121);
    expect((await trail.alerts()).map((record) => record.seq)).toEqual([121]);
    expect(await verifyChain(readStream(admin, stream))).toMatchObject({ ok: true, count: 121 });
  });

  it('detects a record edited in the stream', async () => {
    const [second] = (await admin.xrange(stream, '2-0', '2-0')) as [string, string[]][];
    const [id, fields] = second!;
    const record = JSON.parse(fields[fields.indexOf('record') + 1]!) as Record<string, unknown>;
    const copy = `${stream}:tampered`;
    try {
      for (const [entryId, entryFields] of (await admin.xrange(stream, '-', '+')) as [string, string[]][]) {
        const tampered =
          entryId === id ? ['record', JSON.stringify({ ...record, decision: 'DENIED' })] : entryFields;
        await admin.xadd(copy, entryId, ...tampered);
      }
      expect(await verifyChain(readStream(admin, copy))).toMatchObject({
        ok: false,
        brokenSeq: 2,
        problem: 'HASH',
      });
    } finally {
      await admin.del(copy);
    }
  });

  it('rejects records it cannot write, leaving the key untouched', async () => {
    const occupied = `${stream}:not-a-stream`;
    await admin.set(occupied, 'something else');
    try {
      const trail = createAuditTrail({ sink: await createRedisStreamSink({ redisUrl, stream: occupied }) });
      trails.push(trail);
      await expect(trail.record(viewEntry())).rejects.toBeInstanceOf(AuditWriteError);
      expect(await admin.get(occupied)).toBe('something else');
    } finally {
      await admin.del(occupied);
    }
  });

  it('refuses to start when Redis cannot be reached', async () => {
    await expect(createRedisStreamSink({ redisUrl: 'redis://127.0.0.1:1', stream })).rejects.toThrow();
  });
});
