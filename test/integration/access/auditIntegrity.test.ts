/**
 * The audit trail proves it is complete, fails loudly and recovers (issue 11, findings 5 and 6;
 * issue 12, finding 2), over real HTTP against hubs and their simulators, with real Redis:
 *
 * - the five tamperings (a cut-off end, a deleted record, two records swapped, an edited record,
 *   an edited break-glass record with every later hash recomputed without the key) are each caught
 *   by `npm run audit:verify`, run as an operator would, naming the first bad seq, on a file trail
 *   (anchored in Redis) and on a Redis stream trail;
 * - an unwritable audit directory, then a Redis that is down, refuse requests with
 *   AUDIT_UNAVAILABLE, a warn log line and a /metrics count, and the hub serves again when the
 *   storage is back, with no restart;
 * - a stream deleted under a running hub (Redis losing its data) is refused with a logged, counted
 *   alarm instead of a new chain from seq 1, and `audit:verify` fails.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorKeyOfStream, canonicalJson, type AuditRecord } from '../../../src/platform/audit/index.ts';
import {
  freePort,
  killRedis,
  makeTempDir,
  removeTempDir,
  startRedis,
  type RedisProcess,
} from '../cache/support/redisProcesses.ts';
import {
  openInvolvements,
  restrictionOf,
  startAccessHarness,
  type AccessHarness,
  type Json,
  type Reply,
} from './harness.ts';

const execFileAsync = promisify(execFile);
const REDIS_URL = 'redis://127.0.0.1:6379';
const run = randomBytes(6).toString('hex');
const PREFIX = `svoc-test:integrity:${run}:`;
const CHAIN_KEY = `integrity-test-chain-key-${run}-0123456789`;
/** What every hub here is configured with, beside what each test adds. */
const BASE_ENV = { AUDIT_CHAIN_KEY: CHAIN_KEY, REDIS_KEY_PREFIX: PREFIX };

let shared: Redis;
const tempDirs: string[] = [];

beforeAll(async () => {
  shared = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  if (shared) {
    let cursor = '0';
    do {
      const [next, keys] = await shared.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await shared.del(...keys);
    } while (cursor !== '0');
    shared.disconnect();
  }
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `svoc-integrity-${label}-`));
  tempDirs.push(dir);
  return dir;
}

/** `npm run audit:verify -- ...args` as an operator runs it; never throws. */
async function verify(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(
      'npm',
      ['run', '--silent', 'audit:verify', '--', ...args],
      {
        env: { ...process.env, AUDIT_CHAIN_KEY: CHAIN_KEY, ...env },
      },
    );
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const OPEN = 'query($id: ID!) { child(id: $id) { id access { relationship } } }';
const OPEN_BREAK_GLASS = `query($id: ID!) {
  child(id: $id, breakGlass: { reasonCode: SAFEGUARDING_REFERRAL, justification: "Strategy discussion called by police" }) { id }
}`;

interface Subject {
  id: string;
  workerId: string;
  teamId: string;
}

function findSubject(h: AccessHarness): Subject {
  for (const personId of h.sims.county.lcs.people.ids()) {
    if (restrictionOf(h.sims, personId) !== null) continue;
    const open = openInvolvements(h.sims, personId).find((i) => i.workerId && i.teamId);
    if (open) return { id: `lcs:${personId}`, workerId: open.workerId!, teamId: open.teamId! };
  }
  throw new Error('no unrestricted child with an allocated worker in the test county');
}

async function allocatedToken(h: AccessHarness, subject: Subject): Promise<string> {
  return h.token({
    userId: 'sw-allocated',
    roles: ['SOCIAL_WORKER'],
    workerId: subject.workerId,
    teamId: subject.teamId,
  });
}

/** Views, denials, a break-glass use and a miss, as a working day would leave on the trail. */
async function dayOfTraffic(h: AccessHarness): Promise<void> {
  const subject = findSubject(h);
  const allocated = await allocatedToken(h, subject);
  const stranger = await h.token({ userId: 'sw-other', roles: ['SOCIAL_WORKER'], teamId: 'TM999' });
  for (let round = 0; round < 5; round++) {
    expect((await h.query(allocated, OPEN, { id: subject.id })).body.data.child.id).toBeTruthy();
    await h.query(stranger, OPEN, { id: subject.id });
    await h.query(stranger, OPEN, { id: 'lcs:99999999999' });
    if (round === 2) await h.query(stranger, OPEN_BREAK_GLASS, { id: subject.id });
  }
}

function logLines(h: AccessHarness): Json[] {
  return h.logs.flatMap((chunk) =>
    chunk
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Json),
  );
}

async function metric(h: AccessHarness, name: string, labels: string): Promise<number> {
  const text = await (await fetch(h.url.replace('/graphql', '/metrics'))).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** How many records the refusal lines say were refused. */
function refusedIn(warnings: Json[]): number {
  return warnings.reduce((sum: number, warning: Json) => sum + Number(warning.refused), 0);
}

function refusedForAudit(reply: Reply): boolean {
  return (
    reply.body?.errors?.[0]?.extensions?.code === 'AUDIT_UNAVAILABLE' &&
    (reply.body.data?.child ?? null) === null
  );
}

// ── The five tamperings ─────────────────────────────────────────────────────────────────────────

interface StoredAnchor {
  seq: string;
  hash: string;
  mac: string;
}

/** Re-hashes records from `from` on as a forger without the key would: plain SHA-256, relinked. */
function recomputeWithoutKey(records: AuditRecord[], from: number): AuditRecord[] {
  let prevHash = records[from - 2]?.hash ?? '0'.repeat(64);
  return records.map((record) => {
    if (record.seq < from) return record;
    const { hash: _old, ...rest } = { ...record, prevHash };
    const hash = createHash('sha256').update(canonicalJson(rest)).digest('hex');
    prevHash = hash;
    return { ...rest, hash };
  });
}

interface Tampering {
  name: string;
  /** The records as the attacker leaves them (in stored order) and the anchor they leave. */
  apply(records: AuditRecord[], anchor: StoredAnchor): { records: AuditRecord[]; anchor: StoredAnchor };
  /** The first bad seq audit:verify must name. */
  firstBad(records: AuditRecord[]): number;
  says: RegExp;
}

const MIDDLE = 7;
const TAMPERINGS: Tampering[] = [
  {
    name: 'the last 5 records cut off',
    apply: (records, anchor) => ({ records: records.slice(0, -5), anchor }),
    firstBad: (records) => records.length - 4,
    says: /cut off the end/,
  },
  {
    name: 'a record deleted',
    apply: (records, anchor) => ({ records: records.filter((r) => r.seq !== MIDDLE), anchor }),
    firstBad: () => MIDDLE,
    says: /missing or out of order/,
  },
  {
    name: 'two records swapped',
    apply: (records, anchor) => {
      const swapped = [...records];
      [swapped[MIDDLE - 1], swapped[MIDDLE]] = [swapped[MIDDLE]!, swapped[MIDDLE - 1]!];
      return { records: swapped, anchor };
    },
    firstBad: () => MIDDLE,
    says: /missing or out of order/,
  },
  {
    name: 'a record edited',
    apply: (records, anchor) => ({
      records: records.map((r) => (r.seq === MIDDLE ? { ...r, userId: 'someone-else' } : r)),
      anchor,
    }),
    firstBad: () => MIDDLE,
    says: /altered/,
  },
  {
    name: 'a break-glass record rewritten and every later hash and the anchor recomputed without the key',
    apply: (records) => {
      const target = records.find((r) => r.action === 'BREAK_GLASS')!;
      const edited = records.map((r) =>
        r.seq === target.seq
          ? { ...r, breakGlass: { reasonCode: 'SAFEGUARDING_REFERRAL', justification: 'Routine check' } }
          : r,
      );
      const forged = recomputeWithoutKey(edited, target.seq);
      const last = forged[forged.length - 1]!;
      const mac = createHash('sha256').update(`anchor\n${last.seq}\n${last.hash}`).digest('hex');
      return { records: forged, anchor: { seq: String(last.seq), hash: last.hash, mac } };
    },
    firstBad: (records) => records.find((r) => r.action === 'BREAK_GLASS')!.seq,
    says: /altered|recomputed/,
  },
];

/** One trail to tamper with: how to read it, and how to write a tampered copy of it. */
interface TrailUnderTest {
  records(): Promise<AuditRecord[]>;
  anchor(): Promise<StoredAnchor>;
  /** Writes a copy holding `records` and `anchor`; answers the audit:verify arguments for it. */
  copy(name: string, records: AuditRecord[], anchor: StoredAnchor): Promise<string[]>;
}

async function storedAnchor(key: string): Promise<StoredAnchor> {
  const anchor = (await shared.hgetall(key)) as unknown as StoredAnchor;
  expect(anchor.seq).toBeTruthy();
  return anchor;
}

function describeTamperings(sinkName: string, open: () => Promise<TrailUnderTest>): void {
  describe(`audit:verify on a ${sinkName} trail the hub wrote`, () => {
    let trail: TrailUnderTest;
    let original: AuditRecord[];
    let anchor: StoredAnchor;

    beforeAll(async () => {
      trail = await open();
      original = await trail.records();
      anchor = await trail.anchor();
      expect(original.length).toBeGreaterThanOrEqual(15);
      expect(original.some((r) => r.action === 'BREAK_GLASS')).toBe(true);
      expect(Number(anchor.seq)).toBe(original.length);
    });

    it('passes the untouched trail', async () => {
      const result = await verify(await trail.copy('intact', original, anchor));
      expect(result.status, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`OK: ${original.length} records, chain intact and complete`));
    });

    for (const tampering of TAMPERINGS) {
      it(`fails with exit 1 and names the first bad seq when ${tampering.name}`, async () => {
        const tampered = tampering.apply(structuredClone(original), { ...anchor });
        const name = tampering.name.replace(/\W+/g, '-');
        const result = await verify(await trail.copy(name, tampered.records, tampered.anchor));
        expect(result.status, result.stdout + result.stderr).toBe(1);
        expect(result.stdout).toMatch(new RegExp(`BROKEN at seq ${tampering.firstBad(original)}: `));
        expect(result.stdout).toMatch(tampering.says);
      });
    }
  });
}

describeTamperings('file (anchored in Redis)', async () => {
  const dir = await tempDir('file-trail');
  const file = join(dir, 'audit.jsonl');
  const anchorKey = `${PREFIX}file-anchor`;
  const h = await startAccessHarness(
    { ...BASE_ENV, REDIS_URL, AUDIT_ANCHOR_KEY: anchorKey },
    { auditFile: file },
  );
  try {
    await dayOfTraffic(h);
  } finally {
    await h.close();
  }
  return {
    records: async () =>
      (await readFile(file, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as AuditRecord),
    anchor: () => storedAnchor(anchorKey),
    async copy(name, records, anchor) {
      const copy = join(dir, `${name}.jsonl`);
      await writeFile(copy, records.map((record) => JSON.stringify(record) + '\n').join(''));
      const copyAnchor = `${PREFIX}file-anchor:${name}`;
      await shared.hset(copyAnchor, anchor);
      return ['--file', copy, '--redis', REDIS_URL, '--anchor-key', copyAnchor];
    },
  };
});

describeTamperings('Redis stream', async () => {
  const stream = `${PREFIX}stream`;
  const h = await startAccessHarness(
    { ...BASE_ENV, REDIS_URL, AUDIT_SINK: 'redis', AUDIT_STREAM: stream },
    { configuredSink: true },
  );
  try {
    await dayOfTraffic(h);
  } finally {
    await h.close();
  }
  return {
    records: async () =>
      ((await shared.xrange(stream, '-', '+')) as [string, string[]][]).map(
        ([, fields]) => JSON.parse(fields[fields.indexOf('record') + 1]!) as AuditRecord,
      ),
    anchor: () => storedAnchor(anchorKeyOfStream(stream)),
    async copy(name, records, anchor) {
      const copy = `${PREFIX}stream:${name}`;
      // Entry ids stay increasing whatever the records' order, as an attacker rewriting it would keep them.
      for (const [i, record] of records.entries()) {
        await shared.xadd(
          copy,
          `${i + 1}-0`,
          'seq',
          String(record.seq),
          'hash',
          record.hash,
          'record',
          JSON.stringify(record),
        );
      }
      await shared.hset(anchorKeyOfStream(copy), anchor);
      return ['--redis', REDIS_URL, '--stream', copy];
    },
  };
});

// ── Failure is loud and recovers ──────────────────────────────────────────────────────────────

/** As root, permissions do not stop writes: the immutable attribute does, even through an open file. */
const asRoot = process.getuid?.() === 0;
async function setWritable(path: string, isDirectory: boolean, writable: boolean): Promise<void> {
  if (asRoot) await execFileAsync('chattr', [writable ? '-i' : '+i', path]);
  else await chmod(path, writable ? (isDirectory ? 0o700 : 0o600) : isDirectory ? 0o500 : 0o400);
}

describe('an audit directory that becomes unwritable under a running hub', () => {
  it('refuses with AUDIT_UNAVAILABLE, logs and counts each refusal, and serves again once writable, without a restart', async () => {
    const dir = await tempDir('unwritable');
    const file = join(dir, 'audit.jsonl');
    const h = await startAccessHarness(BASE_ENV, { auditFile: file });
    try {
      const subject = findSubject(h);
      const token = await allocatedToken(h, subject);
      expect((await h.query(token, OPEN, { id: subject.id })).body.data.child.id).toBeTruthy();

      await setWritable(file, false, false);
      await setWritable(dir, true, false);
      let refusals: Reply[];
      try {
        refusals = [];
        for (let i = 0; i < 3; i++) refusals.push(await h.query(token, OPEN, { id: subject.id }));
      } finally {
        await setWritable(dir, true, true);
        await setWritable(file, false, true);
      }
      for (const reply of refusals) expect(refusedForAudit(reply), reply.text).toBe(true);
      const warnings = logLines(h).filter(
        (line) => line.msg === 'audit write failed: the accesses were refused',
      );
      expect(warnings.length).toBeGreaterThanOrEqual(3);
      for (const warning of warnings) {
        expect(warning).toMatchObject({ level: 'warn', sink: 'file' });
        expect(['storage', 'anchor']).toContain(warning.reason);
        expect(warning.detail).toMatch(/Audit (file|anchor)/);
      }
      const reasons = [...new Set(warnings.map((warning) => warning.reason as string))];
      const counted = await Promise.all(
        reasons.map((reason) =>
          metric(h, 'svoc_audit_refused_records_total', `sink="file",reason="${reason}"`),
        ),
      );
      // A request may leave more than one record: every refused record is counted.
      expect(counted.reduce((sum, n) => sum + n, 0)).toBe(refusedIn(warnings));
      expect(refusedIn(warnings)).toBeGreaterThanOrEqual(3);
      expect(await metric(h, 'svoc_audit_writable', 'sink="file"')).toBe(0);

      // The storage is back: the very next request is served and recorded.
      const after = await h.query(token, OPEN, { id: subject.id });
      expect(after.body.data.child.id, after.text).toBeTruthy();
      expect(await metric(h, 'svoc_audit_writable', 'sink="file"')).toBe(1);
      expect(logLines(h).some((line) => line.msg === 'audit trail writable again: accesses are served')).toBe(
        true,
      );
    } finally {
      await h.close();
    }
    const result = await verify(['--file', file]);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});

describe('the Redis holding the audit stream going down under a running hub', () => {
  let dir: string;
  let redis: RedisProcess | null = null;
  /** Persisted as the audit Redis must be, so the stream survives the restart. */
  const durable = ['--appendonly', 'yes', '--appendfsync', 'always'];

  afterAll(async () => {
    if (redis) await killRedis(redis);
    if (dir) removeTempDir(dir);
  });

  it('refuses with AUDIT_UNAVAILABLE, logs and counts each refusal, and serves again when Redis is back, without a restart', async () => {
    dir = makeTempDir('audit-outage');
    const port = await freePort();
    redis = await startRedis(port, dir, durable);
    const url = `redis://127.0.0.1:${port}`;
    const stream = `${PREFIX}outage`;
    const h = await startAccessHarness(
      { ...BASE_ENV, REDIS_URL: url, AUDIT_SINK: 'redis', AUDIT_STREAM: stream },
      { configuredSink: true },
    );
    try {
      const subject = findSubject(h);
      const token = await allocatedToken(h, subject);
      expect((await h.query(token, OPEN, { id: subject.id })).body.data.child.id).toBeTruthy();

      await killRedis(redis);
      const refusals: Reply[] = [];
      for (let i = 0; i < 3; i++) refusals.push(await h.query(token, OPEN, { id: subject.id }));
      for (const reply of refusals) expect(refusedForAudit(reply), reply.text).toBe(true);
      const warnings = logLines(h).filter(
        (line) => line.msg === 'audit write failed: the accesses were refused',
      );
      expect(warnings.length).toBeGreaterThanOrEqual(3);
      expect(warnings[0]).toMatchObject({ level: 'warn', sink: 'redis-stream', reason: 'storage' });
      expect(warnings[0].detail).toMatch(/Audit stream .* could not be written/);
      expect(
        await metric(h, 'svoc_audit_refused_records_total', 'sink="redis-stream",reason="storage"'),
      ).toBe(refusedIn(warnings));

      redis = await startRedis(port, dir, durable);
      // ioredis reconnects in the background; the hub itself is not restarted.
      let served: Reply | null = null;
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const reply = await h.query(token, OPEN, { id: subject.id });
        if (reply.body.data?.child?.id) {
          served = reply;
          break;
        }
        expect(refusedForAudit(reply), reply.text).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(served, 'the hub served again once Redis was back').not.toBeNull();
      expect(await metric(h, 'svoc_audit_writable', 'sink="redis-stream"')).toBe(1);
    } finally {
      await h.close();
    }
    const result = await verify(['--redis', url, '--stream', stream]);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});

describe('an audit stream lost under a running hub (Redis losing its data)', () => {
  it('is refused with a logged, counted alarm instead of a new chain from seq 1, and audit:verify fails', async () => {
    const stream = `${PREFIX}lost`;
    let written = 0;
    const h = await startAccessHarness(
      { ...BASE_ENV, REDIS_URL, AUDIT_SINK: 'redis', AUDIT_STREAM: stream },
      { configuredSink: true },
    );
    try {
      const subject = findSubject(h);
      const token = await allocatedToken(h, subject);
      for (let i = 0; i < 3; i++)
        expect((await h.query(token, OPEN, { id: subject.id })).body.data.child.id).toBeTruthy();
      written = await shared.xlen(stream);
      expect(written).toBeGreaterThanOrEqual(3);

      await shared.del(stream);
      const refused = await h.query(token, OPEN, { id: subject.id });
      expect(refusedForAudit(refused), refused.text).toBe(true);
      expect(await shared.exists(stream)).toBe(0);

      const alarm = logLines(h).find((line) => line.level === 'error' && line.alarm !== undefined);
      expect(alarm).toMatchObject({
        sink: 'redis-stream',
        alarm: 'HEAD_REGRESSED',
        expected: { seq: written },
      });
      expect(
        await metric(h, 'svoc_audit_chain_alarms_total', 'sink="redis-stream",kind="HEAD_REGRESSED"'),
      ).toBe(1);
      const chainWarnings = logLines(h).filter((line) => line.level === 'warn' && line.reason === 'chain');
      expect(chainWarnings.length).toBe(1);
      expect(await metric(h, 'svoc_audit_refused_records_total', 'sink="redis-stream",reason="chain"')).toBe(
        refusedIn(chainWarnings),
      );
      expect(
        logLines(h).some(
          (line) => line.level === 'warn' && line.reason === 'chain' && /went back/.test(String(line.detail)),
        ),
      ).toBe(true);
    } finally {
      await h.close();
    }
    const result = await verify(['--redis', REDIS_URL, '--stream', stream]);
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(
      `BROKEN at seq 1: records were cut off the end of the trail: the anchor says it reaches seq ${written}`,
    );
  });
});
