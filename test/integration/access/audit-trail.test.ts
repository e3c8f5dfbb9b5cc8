/**
 * Relationship and break-glass paths, and the audit trail behind them, over real HTTP: a record
 * for each access and each denial, Child.accessLog for the team and auditors, the auditor's query
 * by user and period, break-glass alerts, a chain that verifies and breaks when edited (in memory
 * and in the hub's own audit file, through `npm run audit:verify`), and an unwritable trail that
 * refuses the request.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain, type AuditRecord } from '../../../src/platform/audit/index.ts';
import { hashRecord } from '../../../src/platform/audit/chain.ts';
import {
  openInvolvements,
  restrictedPersonIds,
  restrictionOf,
  startAccessHarness,
  type AccessHarness,
  type Json,
  type KnownChild,
} from './harness.ts';

let h: AccessHarness;
let subject: KnownChild & { hubId: string; forename: string; surname: string };
const started = new Date(Date.now() - 1000).toISOString();

const OPEN = `query($id: ID!, $purpose: String) { child(id: $id, purpose: $purpose) {
  id name { forename surname } access { relationship granted withheld }
  socialCare { referrals(first: 1) { totalCount } }
} }`;
const OPEN_BREAK_GLASS = `query($id: ID!) {
  child(id: $id, breakGlass: { reasonCode: SAFEGUARDING_REFERRAL, justification: "Strategy discussion called by police" }) {
    id access { relationship } socialCare { referrals(first: 1) { totalCount } }
  }
}`;
const ACCESS_LOG =
  'query($id: ID!) { child(id: $id) { accessLog { seq at userId action decision groups breakGlass { reasonCode justification } } } }';
const TRAIL = `query($userId: ID, $childId: ID, $from: DateTime, $to: DateTime, $actions: [AuditAction!], $first: Int) {
  auditTrail(userId: $userId, childId: $childId, from: $from, to: $to, actions: $actions, first: $first) {
    seq at userId childId childIds action decision groups fields purpose breakGlass { reasonCode justification }
  }
}`;

const users = {
  allocated: () =>
    h.token({
      userId: 'sw-allocated',
      roles: ['SOCIAL_WORKER'],
      workerId: subject.workerId,
      teamId: subject.teamId,
    }),
  team: () =>
    h.token({ userId: 'sw-team', roles: ['SOCIAL_WORKER'], workerId: 'W99990', teamId: subject.teamId }),
  other: () => h.token({ userId: 'sw-other', roles: ['SOCIAL_WORKER'], workerId: 'W99991', teamId: 'TM999' }),
  glass: () => h.token({ userId: 'sw-glass', roles: ['SOCIAL_WORKER'], workerId: 'W99992', teamId: 'TM999' }),
  admin: () => h.token({ userId: 'admin-1', roles: ['ADMIN'] }),
  auditor: () => h.token({ userId: 'auditor-1', roles: ['AUDITOR'] }),
};

const strip = (records: readonly AuditRecord[]) =>
  records.map((r) => [r.userId, r.childId, r.action, r.decision]);

beforeAll(async () => {
  h = await startAccessHarness();
  for (const personId of h.sims.county.lcs.people.ids()) {
    if (restrictionOf(h.sims, personId) !== null) continue;
    const open = openInvolvements(h.sims, personId).find((i) => i.workerId && i.teamId);
    const care = h.sims.county.lcs.socialCare.get(personId) as unknown as { referrals: unknown[] };
    if (!open || care.referrals.length === 0) continue;
    const person = h.sims.county.lcs.people.get(personId) as unknown as { forename: string; surname: string };
    subject = {
      personId,
      workerId: open.workerId!,
      teamId: open.teamId!,
      hubId: h.hub.directory.resolve(`lcs:${personId}`)!.hubId,
      forename: person.forename,
      surname: person.surname,
    };
    break;
  }
});
afterAll(async () => {
  await h?.close();
});

describe('relationship and break-glass paths', () => {
  it('the allocated worker, their team, an unrelated worker and a break-glass override each see what the policy gives them', async () => {
    const id = `lcs:${subject.personId}`;
    const allocated = (await h.query(await users.allocated(), OPEN, { id })).body.data.child;
    expect(allocated.access.relationship).toBe('ALLOCATED');
    expect(allocated.socialCare.referrals.totalCount).toBeGreaterThan(0);

    const team = (await h.query(await users.team(), OPEN, { id })).body.data.child;
    expect(team.access.relationship).toBe('TEAM');
    expect(team.socialCare).not.toBeNull();

    const other = (await h.query(await users.other(), OPEN, { id })).body.data.child;
    expect(other.access.relationship).toBe('ROLE');
    expect(other.name).not.toBeNull();
    expect(other.socialCare).toBeNull();
    expect(other.access.withheld).toContain('socialCare.detail');

    const glass = (await h.query(await users.glass(), OPEN_BREAK_GLASS, { id })).body.data.child;
    expect(glass.access.relationship).toBe('BREAK_GLASS');
    expect(glass.socialCare.referrals.totalCount).toBeGreaterThan(0);
  });
});

describe('an audit record for each access and each denial', () => {
  it('a view records who, which child, the groups shown, the fields and the stated purpose', async () => {
    const mark = h.sink.records.length;
    await h.query(await users.allocated(), OPEN, {
      id: `lcs:${subject.personId}`,
      purpose: 'Core group meeting',
    });
    const [record, ...rest] = h.recordsSince(mark);
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      userId: 'sw-allocated',
      roles: ['SOCIAL_WORKER'],
      teamId: subject.teamId,
      childId: subject.hubId,
      action: 'VIEW',
      decision: 'ALLOWED',
      purpose: 'Core group meeting',
    });
    expect(record!.groups).toEqual(expect.arrayContaining(['identity.minimal', 'socialCare.detail']));
    expect(record!.fields).toEqual(expect.arrayContaining(['name', 'socialCare']));
  });

  it('withheld groups are recorded as a denial beside the view', async () => {
    const mark = h.sink.records.length;
    await h.query(await users.other(), OPEN, { id: `lcs:${subject.personId}` });
    const records = h.recordsSince(mark);
    expect(strip(records)).toEqual([
      ['sw-other', subject.hubId, 'VIEW', 'ALLOWED'],
      ['sw-other', subject.hubId, 'DENY', 'DENIED'],
    ]);
    expect(records[1]!.groups).toEqual(['socialCare.detail']);
  });

  it('break-glass is recorded with its reason and justification and raised as an alert', async () => {
    const mark = h.sink.records.length;
    await h.query(await users.glass(), OPEN_BREAK_GLASS, { id: `lcs:${subject.personId}` });
    const [record] = h.recordsSince(mark);
    expect(record).toMatchObject({
      userId: 'sw-glass',
      childId: subject.hubId,
      action: 'BREAK_GLASS',
      decision: 'ALLOWED',
      breakGlass: {
        reasonCode: 'SAFEGUARDING_REFERRAL',
        justification: 'Strategy discussion called by police',
      },
    });
    const { body } = await h.query(
      await users.auditor(),
      '{ breakGlassAlerts(first: 5) { seq userId childId breakGlass { reasonCode } } }',
    );
    expect(body.data.breakGlassAlerts[0]).toEqual({
      seq: record!.seq,
      userId: 'sw-glass',
      childId: subject.hubId,
      breakGlass: { reasonCode: 'SAFEGUARDING_REFERRAL' },
    });
  });

  it('a role that may not open children is refused with FORBIDDEN, and the refusal is recorded', async () => {
    const mark = h.sink.records.length;
    const { body } = await h.query(await users.admin(), OPEN, { id: `lcs:${subject.personId}` });
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(body.data.child).toBeNull();
    expect(strip(h.recordsSince(mark))).toEqual([['admin-1', subject.hubId, 'DENY', 'DENIED']]);
  });

  it('a search is recorded with the criteria used, never their values', async () => {
    const mark = h.sink.records.length;
    const token = await users.other();
    await h.query(token, 'query($name: String) { searchChildren(name: $name) { nodes { childId } } }', {
      name: `${subject.forename} ${subject.surname}`,
    });
    const records = h.recordsSince(mark);
    expect(strip(records)).toEqual([['sw-other', null, 'SEARCH', 'ALLOWED']]);
    expect(records[0]!.fields).toEqual(['name']);
    expect(JSON.stringify(records)).not.toContain(subject.surname);
  });

  it('reading the trail is recorded, and a refused read is recorded as a denial', async () => {
    const mark = h.sink.records.length;
    const refused = await h.query(await users.other(), TRAIL, {});
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const alerts = await h.query(await users.team(), '{ breakGlassAlerts { seq } }');
    expect(alerts.body.errors[0].extensions.code).toBe('FORBIDDEN');
    await h.query(await users.auditor(), TRAIL, { userId: 'sw-other', childId: `lcs:${subject.personId}` });
    const records = h.recordsSince(mark);
    expect(strip(records)).toEqual([
      ['sw-other', null, 'DENY', 'DENIED'],
      ['sw-team', null, 'DENY', 'DENIED'],
      ['auditor-1', subject.hubId, 'AUDIT_QUERY', 'ALLOWED'],
    ]);
    expect(records[2]!.fields).toEqual(['auditTrail', 'userId', 'childId']);
  });
});

describe('Child.accessLog', () => {
  it('shows the allocated worker the last accesses to the child, newest first, including this one', async () => {
    const { body } = await h.query(await users.allocated(), ACCESS_LOG, { id: `lcs:${subject.personId}` });
    const log = body.data.child.accessLog as Json[];
    expect(log.length).toBeGreaterThan(5);
    expect(log.length).toBeLessThanOrEqual(25);
    expect(log[0].userId).toBe('sw-allocated');
    const seqs = log.map((entry) => entry.seq as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const seen = new Set(log.map((entry) => entry.userId));
    for (const user of ['sw-team', 'sw-other', 'sw-glass', 'admin-1'])
      expect(seen.has(user), user).toBe(true);
    expect(log.find((entry) => entry.action === 'BREAK_GLASS')?.breakGlass.justification).toBe(
      'Strategy discussion called by police',
    );
  });

  it('is shown to the team and to auditors, and withheld from an unrelated worker', async () => {
    const id = `lcs:${subject.personId}`;
    expect(
      (await h.query(await users.team(), ACCESS_LOG, { id })).body.data.child.accessLog.length,
    ).toBeGreaterThan(0);
    expect(
      (await h.query(await users.auditor(), ACCESS_LOG, { id })).body.data.child.accessLog.length,
    ).toBeGreaterThan(0);
    const other = await h.query(await users.other(), ACCESS_LOG, { id });
    expect(other.body.errors).toBeUndefined();
    expect(other.body.data.child.accessLog).toBeNull();
  });
});

describe("the auditor's query by user and period", () => {
  it('filters by user, by child, by period and by action', async () => {
    const auditor = await users.auditor();
    const now = new Date(Date.now() + 1000).toISOString();
    const byUser = (await h.query(auditor, TRAIL, { userId: 'sw-other', from: started, to: now })).body.data
      .auditTrail as Json[];
    expect(byUser.length).toBeGreaterThanOrEqual(4);
    expect(new Set(byUser.map((r) => r.userId))).toEqual(new Set(['sw-other']));
    const expected = h.sink.records
      .filter((r) => r.userId === 'sw-other')
      .map((r) => r.seq)
      .reverse();
    expect(byUser.map((r) => r.seq)).toEqual(expected);

    const before = (await h.query(auditor, TRAIL, { userId: 'sw-other', to: started })).body.data.auditTrail;
    expect(before).toEqual([]);
    const window = byUser[byUser.length - 1].at as string;
    const fromOldest = (await h.query(auditor, TRAIL, { userId: 'sw-other', from: window, to: window })).body
      .data.auditTrail as Json[];
    expect(fromOldest.map((r) => r.at)).toEqual(fromOldest.map(() => window));

    const byChild = (await h.query(auditor, TRAIL, { childId: `lcs:${subject.personId}`, first: 200 })).body
      .data.auditTrail as Json[];
    expect(byChild.length).toBeGreaterThan(5);
    // Opened under its id, or listed by a search that showed it.
    for (const record of byChild) {
      expect(record.childId === subject.hubId || record.childIds.includes(subject.hubId), record).toBe(true);
    }
    expect(byChild.some((r) => r.action === 'SEARCH' && r.childId === null)).toBe(true);

    const glass = (await h.query(auditor, TRAIL, { actions: ['BREAK_GLASS'] })).body.data
      .auditTrail as Json[];
    expect(glass.length).toBeGreaterThan(0);
    expect(new Set(glass.map((r) => r.action))).toEqual(new Set(['BREAK_GLASS']));
  });

  it('rejects a reversed period, an oversized page and a malformed child id', async () => {
    const auditor = await users.auditor();
    const reversed = await h.query(auditor, TRAIL, {
      from: '2026-02-01T00:00:00Z',
      to: '2026-01-01T00:00:00Z',
    });
    expect(reversed.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await h.query(auditor, TRAIL, { first: 201 })).body.errors[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await h.query(auditor, TRAIL, { childId: '../../etc' })).body.errors[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await h.query(auditor, TRAIL, { from: 'yesterday' })).body.errors[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('never reveals a restricted child to an auditor the restriction does not name', async () => {
    const [hidden] = restrictedPersonIds(h.sims).filter(
      (id) => !restrictionOf(h.sims, id)!.allowedRoles.includes('AUDITOR'),
    );
    const hiddenHub = h.hub.directory.resolve(`lcs:${hidden}`)!.hubId;
    await h.query(await users.other(), OPEN, { id: `lcs:${hidden}` });
    expect(h.sink.records.some((r) => r.childId === hiddenHub)).toBe(true);
    const auditor = await users.auditor();
    const all = (await h.query(auditor, TRAIL, { first: 200 })).body.data.auditTrail as Json[];
    expect(all.length).toBeGreaterThan(10);
    expect(all.some((r) => r.childId === hiddenHub)).toBe(false);
    const mark = h.sink.records.length;
    const byHidden = await h.query(auditor, TRAIL, { childId: `lcs:${hidden}` });
    const byMissing = await h.query(auditor, TRAIL, { childId: 'lcs:99999999999' });
    expect(byHidden.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(byHidden.text).toBe(byMissing.text);
    // Both refusals are recorded: the hidden child under its hub id (for those it names to review).
    expect(strip(h.recordsSince(mark))).toEqual([
      ['auditor-1', hiddenHub, 'DENY', 'NOT_FOUND'],
      ['auditor-1', null, 'DENY', 'NOT_FOUND'],
    ]);
  });
});

describe('the hash chain', () => {
  it('verifies over everything the hub recorded', async () => {
    const result = await verifyChain(h.sink.records, { key: h.sink.key });
    expect(result).toMatchObject({ ok: true, count: h.sink.records.length });
    expect(h.sink.records.length).toBeGreaterThan(20);
  });

  it('breaks where a record was edited, re-hashed or deleted', async () => {
    const records = h.sink.records.map((r) => structuredClone(r));
    const target = records[10]!;
    const edited = records.map((r) => (r.seq === target.seq ? { ...r, userId: 'someone-else' } : r));
    expect(await verifyChain(edited, { key: h.sink.key })).toMatchObject({
      ok: false,
      brokenSeq: target.seq,
      problem: 'HASH',
    });
    // A forger who also recomputes the edited record's hash breaks the link to the next one.
    const forged = { ...target, userId: 'someone-else' };
    forged.hash = hashRecord(forged, h.sink.key);
    const rehashed = records.map((r) => (r.seq === target.seq ? forged : r));
    expect(await verifyChain(rehashed, { key: h.sink.key })).toMatchObject({
      ok: false,
      brokenSeq: target.seq + 1,
      problem: 'PREV_HASH',
    });
    const deleted = records.filter((r) => r.seq !== target.seq);
    expect(await verifyChain(deleted, { key: h.sink.key })).toMatchObject({
      ok: false,
      brokenSeq: target.seq,
      problem: 'SEQ',
    });
  });
});

describe('an unwritable audit trail', () => {
  it('refuses every kind of request that would leave no trace, then recovers when the trail does', async () => {
    const before = h.sink.records.length;
    h.sink.refuse = true;
    try {
      const id = `lcs:${subject.personId}`;
      const attempts = [
        await h.query(await users.allocated(), OPEN, { id }),
        await h.query(await users.glass(), OPEN_BREAK_GLASS, { id }),
        await h.query(
          await users.other(),
          'query($n: String) { searchChildren(name: $n) { nodes { childId } } }',
          { n: subject.surname },
        ),
        await h.query(await users.auditor(), TRAIL, {}),
        await h.query(await users.other(), OPEN, { id: 'lcs:99999999999' }),
      ];
      for (const reply of attempts) {
        expect(reply.body.errors[0].extensions.code, reply.text).toBe('AUDIT_UNAVAILABLE');
        expect(reply.body.errors[0].message).not.toMatch(/audit|sink/i);
        const data = (reply.body.data ?? {}) as Record<string, unknown>;
        expect(Object.values(data).every((value) => value === null)).toBe(true);
        expect(reply.text).not.toContain(subject.surname);
      }
      expect(h.sink.records.length).toBe(before);
    } finally {
      h.sink.refuse = false;
    }
    const after = await h.query(await users.allocated(), OPEN, { id: `lcs:${subject.personId}` });
    expect(after.body.data.child.id).toBe(subject.hubId);
    expect(await verifyChain(h.sink.records, { key: h.sink.key })).toMatchObject({ ok: true });
  });
});

describe("the hub's own audit file", () => {
  it('verifies with npm run audit:verify, and fails it once a line is edited', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'svoc-audit-file-')), 'audit.jsonl');
    const fileHub = await startAccessHarness({}, { auditFile: file });
    // The development chain key the hub generated beside its signing key.
    const { chainKey } = fileHub.hub.services.config.audit;
    const keyFile = 'devFile' in chainKey ? chainKey.devFile : '';
    try {
      const token = await fileHub.token({ userId: 'fd-file', roles: ['FRONT_DOOR'] });
      for (const id of [`lcs:${subject.personId}`, 'lcs:99999999999', `lcs:${subject.personId}`]) {
        await fileHub.query(token, '{ child(id: "' + id + '") { id name { forename } } }');
      }
    } finally {
      await fileHub.close();
    }
    const verify = () =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/verify-audit.ts', '--file', file, '--key-file', keyFile],
        { encoding: 'utf8' },
      );
    const intact = verify();
    expect(intact.status, intact.stderr).toBe(0);

    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.length).toBe(3);
    const second = JSON.parse(lines[1]!) as AuditRecord;
    lines[1] = JSON.stringify({ ...second, childId: subject.hubId });
    writeFileSync(file, lines.join('\n') + '\n');
    const broken = verify();
    expect(broken.status).toBe(1);
    expect(broken.stdout + broken.stderr).toMatch(/seq 2|altered/);
  });
});
