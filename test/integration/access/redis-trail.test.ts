/**
 * Two hub instances writing one audit trail to a Redis stream (AUDIT_SINK=redis), as in
 * production: an access on one instance shows in the child's accessLog and the auditor's query on
 * the other, the shared chain verifies with `npm run audit:verify -- --redis`, and a deleted entry
 * breaks it.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsStreamOf, anchorKeyOfStream } from '../../../src/platform/audit/index.ts';
import {
  openInvolvements,
  restrictionOf,
  startAccessHarness,
  type AccessHarness,
  type Json,
} from './harness.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const run = randomBytes(6).toString('hex');
const STREAM = `svoc-test:access:${run}:audit`;
const PREFIX = `svoc-test:access:${run}:`;
/** Both instances seal one chain, so they share its key (as production instances would). */
const CHAIN_KEY = `redis-trail-test-chain-key-${run}-0123456789`;

let a: AccessHarness;
let b: AccessHarness;
let redis: Redis;
let subject: { personId: string; workerId: string; teamId: string };

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const env = {
    REDIS_URL,
    AUDIT_SINK: 'redis',
    AUDIT_STREAM: STREAM,
    REDIS_KEY_PREFIX: PREFIX,
    AUDIT_CHAIN_KEY: CHAIN_KEY,
  };
  [a, b] = await Promise.all([
    startAccessHarness(env, { configuredSink: true }),
    startAccessHarness(env, { configuredSink: true }),
  ]);
  for (const personId of a.sims.county.lcs.people.ids()) {
    const open = openInvolvements(a.sims, personId).find((i) => i.workerId && i.teamId);
    if (open && restrictionOf(a.sims, personId) === null) {
      subject = { personId, workerId: open.workerId!, teamId: open.teamId! };
      break;
    }
  }
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  if (redis) {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 500);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    await redis.del(STREAM, alertsStreamOf(STREAM), anchorKeyOfStream(STREAM), ...keys);
    redis.disconnect();
  }
});

const verify = () =>
  spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/verify-audit.ts', '--redis', REDIS_URL, '--stream', STREAM],
    { encoding: 'utf8', env: { ...process.env, AUDIT_CHAIN_KEY: CHAIN_KEY } },
  );

describe('one audit trail in Redis shared by two instances', () => {
  it("an access through one instance is in the child's accessLog and the auditor's trail on the other", async () => {
    const id = `lcs:${subject.personId}`;
    const stranger = await a.token({ userId: 'sw-stranger', roles: ['SOCIAL_WORKER'], teamId: 'TM999' });
    await a.query(
      stranger,
      'query($id: ID!) { child(id: $id, breakGlass: { reasonCode: OUT_OF_HOURS_DUTY, justification: "EDT call about a child at risk" }) { id } }',
      { id },
    );
    const allocated = await b.token({
      userId: 'sw-owner',
      roles: ['SOCIAL_WORKER'],
      workerId: subject.workerId,
      teamId: subject.teamId,
    });
    const log = (
      await b.query(allocated, 'query($id: ID!) { child(id: $id) { accessLog { userId action } } }', { id })
    ).body.data.child.accessLog as Json[];
    expect(log.map((entry) => [entry.userId, entry.action])).toEqual([
      ['sw-owner', 'VIEW'],
      ['sw-stranger', 'BREAK_GLASS'],
    ]);

    const auditor = await b.token({ userId: 'auditor-r', roles: ['AUDITOR'] });
    const trail = await b.query(
      auditor,
      '{ auditTrail(userId: "sw-stranger") { action childId } breakGlassAlerts { userId } }',
    );
    expect(trail.body.data.auditTrail.map((r: Json) => r.action)).toEqual(['BREAK_GLASS']);
    expect(trail.body.data.breakGlassAlerts.map((r: Json) => r.userId)).toEqual(['sw-stranger']);
  });

  it('the shared chain verifies with audit:verify --redis, and a deleted entry breaks it', async () => {
    const intact = verify();
    expect(intact.status, intact.stderr).toBe(0);
    const entries = await redis.xrange(STREAM, '-', '+');
    expect(entries.length).toBeGreaterThanOrEqual(4);
    await redis.xdel(STREAM, entries[1]![0]);
    const broken = verify();
    expect(broken.status).toBe(1);
  });
});
