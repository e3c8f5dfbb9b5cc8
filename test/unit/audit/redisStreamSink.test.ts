import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditWriteError,
  alertsStreamOf,
  anchorKeyOfStream,
  anchorOf,
  readRedisAnchor,
  createAuditTrail,
  createRedisStreamSink,
  readStream,
  verifyChain,
  type AuditTrail,
} from '../../../src/platform/audit/index.ts';
import { breakGlassEntry, testKey, viewEntry } from './fixtures.ts';

const redisUrl = 'redis://127.0.0.1:6379';
const stream = `test:svoc-audit:${randomUUID()}`;
let admin: Redis;
const trails: AuditTrail[] = [];

async function openTrail(): Promise<AuditTrail> {
  const trail = createAuditTrail({ sink: await createRedisStreamSink({ redisUrl, stream, key: testKey }) });
  trails.push(trail);
  return trail;
}

beforeAll(async () => {
  admin = new Redis(redisUrl);
});
afterAll(async () => {
  await Promise.all(trails.map((trail) => trail.close()));
  await admin.del(stream, alertsStreamOf(stream), anchorKeyOfStream(stream));
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
    expect(await verifyChain(readStream(admin, stream), { key: testKey })).toMatchObject({
      ok: true,
      count: 120,
    });
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
    expect(await verifyChain(readStream(admin, stream), { key: testKey })).toMatchObject({
      ok: true,
      count: 121,
    });
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
      expect(await verifyChain(readStream(admin, copy), { key: testKey })).toMatchObject({
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
      const trail = createAuditTrail({
        sink: await createRedisStreamSink({ redisUrl, stream: occupied, key: testKey }),
      });
      trails.push(trail);
      await expect(trail.record(viewEntry())).rejects.toBeInstanceOf(AuditWriteError);
      expect(await admin.get(occupied)).toBe('something else');
    } finally {
      await admin.del(occupied);
    }
  });

  it('refuses to start when Redis cannot be reached', async () => {
    await expect(
      createRedisStreamSink({ redisUrl: 'redis://127.0.0.1:1', stream, key: testKey }),
    ).rejects.toThrow();
  });

  it('moves the anchor beside the stream in the same step as each append', async () => {
    const [[, fields]] = (await admin.xrevrange(stream, '+', '-', 'COUNT', 1)) as [[string, string[]]];
    const head = {
      seq: Number(fields[fields.indexOf('seq') + 1]),
      hash: fields[fields.indexOf('hash') + 1]!,
    };
    expect(await readRedisAnchor(admin, anchorKeyOfStream(stream))).toEqual(anchorOf(head, testKey));
  });
});

describe('the Redis stream audit sink when its chain goes backwards', () => {
  const lost = `${stream}:lost`;
  const keys = [lost, alertsStreamOf(lost), anchorKeyOfStream(lost)];
  const open = async () => {
    const trail = createAuditTrail({
      sink: await createRedisStreamSink({ redisUrl, stream: lost, key: testKey }),
    });
    trails.push(trail);
    return trail;
  };
  const refusedWith = async (trail: AuditTrail) => {
    const error = await trail.record(viewEntry()).then(
      () => null,
      (failure: unknown) => failure as AuditWriteError,
    );
    expect(error).toBeInstanceOf(AuditWriteError);
    return { reason: error!.reason, kind: (error!.cause as { kind?: string }).kind };
  };
  beforeEach(async () => {
    await admin.del(...keys);
  });
  afterAll(async () => {
    await admin.del(...keys);
  });

  it('refuses instead of restarting at seq 1 when the stream is lost under a running instance', async () => {
    const trail = await open();
    for (let i = 0; i < 3; i++) await trail.record(viewEntry());
    await admin.del(lost);
    expect(await refusedWith(trail)).toEqual({ reason: 'chain', kind: 'HEAD_REGRESSED' });
    expect(await admin.exists(lost)).toBe(0);
    // A newly started instance sees the anchor disagree with the (empty) stream.
    expect(await refusedWith(await open())).toEqual({ reason: 'chain', kind: 'ANCHOR_MISMATCH' });
  });

  it('when Redis loses everything, the instance that saw the head puts it back in the anchor so every instance refuses', async () => {
    const trail = await open();
    for (let i = 0; i < 3; i++) await trail.record(viewEntry());
    await admin.del(...keys);
    expect(await refusedWith(trail)).toEqual({ reason: 'chain', kind: 'HEAD_REGRESSED' });
    expect(await readRedisAnchor(admin, anchorKeyOfStream(lost))).toMatchObject({ seq: 3 });
    expect(await refusedWith(await open())).toEqual({ reason: 'chain', kind: 'ANCHOR_MISMATCH' });
    expect(await admin.exists(lost)).toBe(0);
  });

  it('serves again once the lost stream is restored, without a restart', async () => {
    const trail = await open();
    for (let i = 0; i < 3; i++) await trail.record(viewEntry());
    const saved = (await admin.xrange(lost, '-', '+')) as [string, string[]][];
    await admin.del(lost);
    expect((await refusedWith(trail)).kind).toBe('HEAD_REGRESSED');
    for (const [id, fields] of saved) await admin.xadd(lost, id, ...fields);
    expect((await trail.record(viewEntry())).seq).toBe(4);
    expect(await verifyChain(readStream(admin, lost), { key: testKey })).toMatchObject({
      ok: true,
      count: 4,
    });
  });

  it('does not adopt a head appended by someone without the chain key', async () => {
    const trail = await open();
    await trail.record(viewEntry());
    const other = await open();
    await other.record(viewEntry());
    const [[, fields]] = (await admin.xrange(lost, '2-0', '2-0')) as [[string, string[]]];
    const record = JSON.parse(fields[fields.indexOf('record') + 1]!) as Record<string, unknown>;
    // An appended third record, linked and with its anchor moved, but hashed without the key.
    const forged = { ...record, seq: 3, prevHash: record.hash, hash: 'f'.repeat(64) };
    await admin.xadd(lost, '3-0', 'seq', '3', 'hash', forged.hash, 'record', JSON.stringify(forged));
    await admin.hset(anchorKeyOfStream(lost), 'seq', '3', 'hash', forged.hash);
    expect(await refusedWith(trail)).toEqual({ reason: 'chain', kind: 'RECORD_INVALID' });
  });
});
