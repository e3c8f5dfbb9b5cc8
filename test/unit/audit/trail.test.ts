import { mkdtemp, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createHubMetrics } from '../../../src/server/http/metrics.ts';
import { createLogger } from '../../../src/platform/observability/logger.ts';
import {
  AuditEntryError,
  AuditWriteError,
  createAuditTrail,
  createFileSink,
  createMemorySink,
  verifyChain,
  type AuditSink,
} from '../../../src/platform/audit/index.ts';
import { breakGlassEntry, testKey, viewEntry } from './fixtures.ts';

/** Wraps a sink so each append takes `ms`, as an fsync would, and counts appends. */
function slowed(sink: AuditSink, ms: number): AuditSink & { appends: number[] } {
  const appends: number[] = [];
  return {
    ...sink,
    kind: sink.kind,
    appends,
    async append(batch) {
      appends.push(batch.length);
      await new Promise((resolve) => setTimeout(resolve, ms));
      return sink.append(batch);
    },
  };
}

describe('the audit trail', () => {
  it('resolves each record sealed, stamped and chained', async () => {
    const sink = createMemorySink();
    const trail = createAuditTrail({ sink, now: () => Date.parse('2025-03-04T05:06:07.000Z') });
    const first = await trail.record(viewEntry());
    const second = await trail.record(viewEntry({ childId: 'child-2' }));
    expect(first).toMatchObject({ seq: 1, at: '2025-03-04T05:06:07.000Z', childId: 'child-1' });
    expect(second.prevHash).toBe(first.hash);
    expect(await verifyChain(sink.records, { key: sink.key })).toMatchObject({ ok: true, count: 2 });
  });

  it('batches records arriving while a write is in progress into one next write', async () => {
    const sink = slowed(createMemorySink(), 30);
    const trail = createAuditTrail({ sink });
    const waves: Promise<unknown>[] = [];
    // Wave 1 starts a write; waves 2-5 arrive while it is in flight.
    for (let wave = 0; wave < 5; wave++) {
      for (let i = 0; i < 100; i++) waves.push(trail.record(viewEntry({ requestId: `r-${wave}-${i}` })));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(waves);
    expect(sink.appends.reduce((sum, n) => sum + n, 0)).toBe(500);
    expect(sink.appends.length).toBeLessThanOrEqual(5);
    expect(sink.appends.length).toBeGreaterThanOrEqual(2);
  });

  it('splits an oversized backlog into batches of at most maxBatch', async () => {
    const sink = slowed(createMemorySink(), 1);
    const trail = createAuditTrail({ sink, maxBatch: 40 });
    await Promise.all(Array.from({ length: 100 }, () => trail.record(viewEntry())));
    expect(sink.appends).toEqual([40, 40, 20]);
  });

  it('rejects every record of a failed batch, then continues the chain without a gap', async () => {
    const sink = createMemorySink();
    const trail = createAuditTrail({ sink });
    await trail.record(viewEntry());
    sink.failNextAppends(1);
    const failed = await Promise.allSettled([trail.record(viewEntry()), trail.record(viewEntry())]);
    expect(failed.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect((failed[0] as PromiseRejectedResult).reason).toBeInstanceOf(AuditWriteError);
    const next = await trail.record(viewEntry());
    expect(next.seq).toBe(2);
    expect(await verifyChain(sink.records, { key: sink.key })).toMatchObject({ ok: true, count: 2 });
  });

  it('rejects malformed entries and stores only the known fields', async () => {
    const sink = createMemorySink();
    const trail = createAuditTrail({ sink });
    await expect(trail.record(viewEntry({ action: 'PEEK' as never }))).rejects.toBeInstanceOf(
      AuditEntryError,
    );
    await expect(trail.record(viewEntry({ action: 'BREAK_GLASS' }))).rejects.toBeInstanceOf(AuditEntryError);
    await expect(
      trail.record(viewEntry({ action: 'SEARCH', childIds: [{ name: 'x' }] as never })),
    ).rejects.toBeInstanceOf(AuditEntryError);
    const stored = await trail.record({ ...viewEntry(), childName: 'must not be stored' } as never);
    expect(stored).not.toHaveProperty('childName');
    expect(JSON.stringify(sink.records)).not.toContain('must not be stored');
  });

  it('answers queries newest first and lists break-glass uses as alerts', async () => {
    const trail = createAuditTrail({ sink: createMemorySink() });
    for (let i = 0; i < 30; i++)
      await trail.record(viewEntry({ requestId: `r-${i}`, userId: `user-${i % 2}` }));
    await trail.record(breakGlassEntry({ childId: 'child-9', userId: 'user-9' }));
    const recent = await trail.recentForChild('child-1');
    expect(recent).toHaveLength(25);
    expect(recent[0]!.requestId).toBe('r-29');
    expect((await trail.query({ userId: 'user-1', limit: 100 })).every((r) => r.userId === 'user-1')).toBe(
      true,
    );
    expect(await trail.query({ userId: 'user-1', limit: 100 })).toHaveLength(15);
    const alerts = await trail.alerts();
    expect(alerts.map((record) => record.childId)).toEqual(['child-9']);
  });

  it('filters queries by time', async () => {
    let clock = Date.parse('2025-01-01T00:00:00Z');
    const trail = createAuditTrail({ sink: createMemorySink(), now: () => clock });
    for (let i = 0; i < 5; i++) {
      await trail.record(viewEntry({ requestId: `r-${i}` }));
      clock += 60_000;
    }
    const window = await trail.query({
      from: '2025-01-01T00:01:00Z',
      to: new Date('2025-01-01T00:03:00Z'),
      limit: 10,
    });
    expect(window.map((record) => record.requestId)).toEqual(['r-3', 'r-2', 'r-1']);
  });

  it('flushes outstanding records on close and refuses records afterwards', async () => {
    const sink = slowed(createMemorySink(), 5);
    const trail = createAuditTrail({ sink });
    const pending = trail.record(viewEntry());
    await trail.close();
    await expect(pending).resolves.toMatchObject({ seq: 1 });
    await expect(trail.record(viewEntry())).rejects.toBeInstanceOf(AuditWriteError);
  });
});

/** A trail with the hub's real logger (lines captured) and real /metrics registry. */
function observedTrail(sink: AuditSink) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  const metrics = createHubMetrics();
  const trail = createAuditTrail({
    sink,
    logger: createLogger({ level: 'info', destination }),
    metrics: metrics.audit,
  });
  const metric = async (name: string, labels: string): Promise<number> => {
    const text = await metrics.registry.metrics();
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{${labels}}`));
    return line ? Number(line.split(' ').pop()) : 0;
  };
  return { trail, lines, metric };
}

describe('a failing audit trail', () => {
  it('logs each refused batch at warn with its reason, counts the refused records and the head, with no record content', async () => {
    const sink = createMemorySink();
    const { trail, lines, metric } = observedTrail(sink);
    await trail.record(viewEntry());
    sink.failNextAppends(1);
    const refused = await Promise.allSettled([
      trail.record(viewEntry({ childId: 'child-secret-1' })),
      trail.record(viewEntry({ childId: 'child-secret-2' })),
    ]);
    expect(refused.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    const warning = lines.find((line) => line.msg === 'audit write failed: the accesses were refused');
    expect(warning).toMatchObject({ level: 'warn', sink: 'memory', reason: 'storage', refused: 2 });
    expect(JSON.stringify(lines)).not.toContain('child-secret');
    expect(await metric('svoc_audit_refused_records_total', 'sink="memory",reason="storage"')).toBe(2);
    expect(await metric('svoc_audit_writable', 'sink="memory"')).toBe(0);

    await trail.record(viewEntry());
    expect(lines.at(-1)).toMatchObject({
      level: 'warn',
      msg: 'audit trail writable again: accesses are served',
      refusedSinceHealthy: 2,
    });
    expect(await metric('svoc_audit_writable', 'sink="memory"')).toBe(1);
    // The refused batch consumed no seq: the head is the second record written.
    expect(await metric('svoc_audit_head_seq', 'sink="memory"')).toBe(2);
  });

  it('raises a chain alarm once at error and counts it once, while every refusal is still logged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'svoc-audit-alarm-'));
    const file = join(dir, 'audit.jsonl');
    const sink = await createFileSink(file, { key: testKey });
    const { trail, lines, metric } = observedTrail(sink);
    await trail.record(viewEntry());
    await trail.record(viewEntry());
    await truncate(file, 0);
    for (let i = 0; i < 3; i++)
      await expect(trail.record(viewEntry())).rejects.toMatchObject({ reason: 'chain' });
    await trail.close();
    await rm(dir, { recursive: true, force: true });
    const errors = lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sink: 'file', alarm: 'HEAD_REGRESSED', expected: { seq: 2 } });
    expect(lines.filter((line) => line.level === 'warn')).toHaveLength(3);
    expect(await metric('svoc_audit_chain_alarms_total', 'sink="file",kind="HEAD_REGRESSED"')).toBe(1);
    expect(await metric('svoc_audit_refused_records_total', 'sink="file",reason="chain"')).toBe(3);
  });
});
