/**
 * Restricted records (adoption, protected identity, staff, staff relatives, high risk): for anyone
 * the restriction does not name, the child does not exist. Same NOT_FOUND body as a real miss,
 * about the same time, and no trace through search, identifiers, chronology, caseloads or
 * possible matches. Those it names see the child; break-glass never opens one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidNhsNumber, isPermanentUpn } from '../../../src/domain/identity/identifiers.ts';
import type { Role } from '../../../src/domain/access/types.ts';
import {
  openInvolvements,
  restrictedPersonIds,
  restrictionOf,
  startAccessHarness,
  type AccessHarness,
  type Json,
} from './harness.ts';

let h: AccessHarness;
let restricted: { personId: string; hubId: string }[];

const CHILD =
  'query($id: ID!) { child(id: $id) { id name { forename surname } dateOfBirth chronology(first: 5) { totalCount } } }';
const CHILD_BREAK_GLASS =
  'query($id: ID!) { child(id: $id, breakGlass: { reasonCode: IMMEDIATE_RISK, justification: "Police at the door" }) { id name { forename } } }';

interface LcsPersonShape {
  forename: string;
  surname: string;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  upn: string | null;
}
const person = (id: string) => h.sims.county.lcs.people.get(id) as unknown as LcsPersonShape;

/** A well-formed NHS number (valid check digit) that no record in the county carries. */
function unusedNhsNumber(): string {
  const used = new Set([...h.sims.county.lcs.people.ids()].map((id) => person(id).nhsNumber));
  for (let n = 400_000_000; ; n++) {
    const digits = String(n).padStart(9, '0');
    const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    const candidate = digits + String(check === 11 ? 0 : check);
    if (isValidNhsNumber(candidate) && !used.has(candidate)) return candidate;
  }
}

/** A well-formed hub id no child has. */
function unusedHubId(like: string): string {
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567') {
    const candidate = like.slice(0, -1) + letter;
    if (h.hub.directory.resolve(candidate) === null) return candidate;
  }
  throw new Error('no unused hub id');
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

beforeAll(async () => {
  h = await startAccessHarness();
  restricted = restrictedPersonIds(h.sims).map((personId) => ({
    personId,
    hubId: h.hub.directory.resolve(`lcs:${personId}`)!.hubId,
  }));
});
afterAll(async () => {
  await h?.close();
});

describe('restricted children, for everyone the restriction does not name', () => {
  it('the tiny county has restricted children of several kinds', () => {
    expect(restricted.length).toBeGreaterThanOrEqual(3);
    expect(
      new Set(restricted.map((r) => restrictionOf(h.sims, r.personId)!.reason)).size,
    ).toBeGreaterThanOrEqual(3);
  });

  it('child(id) answers byte-for-byte what it answers for an id that does not exist, by LCS id and by hub id', async () => {
    // FRONT_DOOR sees any unrestricted child without a relationship: the strongest non-named role.
    const token = await h.token({
      userId: 'fd-restricted',
      roles: ['FRONT_DOOR'],
      teamId: 'TM001',
      workerId: 'W99999',
    });
    const missingLcs = await h.query(token, CHILD, { id: 'lcs:99999999999' });
    const missingHub = await h.query(token, CHILD, { id: unusedHubId(restricted[0]!.hubId) });
    expect(missingLcs.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(missingLcs.text).toBe(missingHub.text);
    for (const { personId, hubId } of restricted) {
      const byLcs = await h.query(token, CHILD, { id: `lcs:${personId}` });
      const byHub = await h.query(token, CHILD, { id: hubId });
      expect(byLcs.status).toBe(missingLcs.status);
      expect(byLcs.text).toBe(missingLcs.text);
      expect(byHub.text).toBe(missingLcs.text);
    }
  });

  it('break-glass does not open a restricted record: the same NOT_FOUND as for a missing id', async () => {
    const token = await h.token({
      userId: 'sw-glass',
      roles: ['SOCIAL_WORKER'],
      teamId: 'TM009',
      workerId: 'W99998',
    });
    const missing = await h.query(token, CHILD_BREAK_GLASS, { id: 'lcs:99999999999' });
    expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
    for (const { personId } of restricted) {
      const reply = await h.query(token, CHILD_BREAK_GLASS, { id: `lcs:${personId}` });
      expect(reply.text).toBe(missing.text);
    }
  });

  it('an invalid break-glass on a restricted child is answered as on a missing one', async () => {
    const token = await h.token({ userId: 'sw-badglass', roles: ['SOCIAL_WORKER'] });
    const bad =
      'query($id: ID!) { child(id: $id, breakGlass: { reasonCode: OTHER, justification: "curious" }) { id } }';
    const ordinary = [...h.sims.county.lcs.people.ids()].find((id) => restrictionOf(h.sims, id) === null)!;
    const [hidden, missing, known] = await Promise.all(
      [`lcs:${restricted[0]!.personId}`, 'lcs:99999999999', `lcs:${ordinary}`].map((id) =>
        h.query(token, bad, { id }),
      ),
    );
    expect(hidden!.text).toBe(missing!.text);
    expect(missing!.body.errors[0].extensions.code).toBe('NOT_FOUND');
    // A child the viewer may know exists gets the validation error (its existence is no secret).
    expect(known!.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('takes about as long as a real miss (medians of 21 interleaved tries, within a generous factor)', async () => {
    const token = await h.token({ userId: 'fd-timing', roles: ['FRONT_DOOR'] });
    const hidden: number[] = [];
    const missing: number[] = [];
    const time = async (id: string) => {
      const started = process.hrtime.bigint();
      const reply = await h.query(token, CHILD, { id });
      expect(reply.body.errors[0].extensions.code).toBe('NOT_FOUND');
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    for (let i = 0; i < 21; i++) {
      const target = restricted[i % restricted.length]!;
      hidden.push(await time(`lcs:${target.personId}`));
      missing.push(await time(`lcs:${99999999000 + i}`));
    }
    const [a, b] = [median(hidden), median(missing)];
    // Both answers come from the link index and one audit write: no upstream call either way.
    expect(
      Math.max(a, b) / Math.min(a, b) < 3 || Math.abs(a - b) < 5,
      `hidden ${a} ms, missing ${b} ms`,
    ).toBe(true);
  });

  it('childByIdentifier answers a restricted child’s NHS number or UPN exactly as an unknown one', async () => {
    const token = await h.token({ userId: 'fd-ident', roles: ['FRONT_DOOR'] });
    const query =
      'query($nhs: String, $upn: String) { childByIdentifier(nhsNumber: $nhs, upn: $upn) { id name { forename } } }';
    const unknown = await h.query(token, query, { nhs: unusedNhsNumber() });
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
    let tried = 0;
    for (const { personId } of restricted) {
      const p = person(personId);
      if (p.nhsNumber && isValidNhsNumber(p.nhsNumber)) {
        tried++;
        expect((await h.query(token, query, { nhs: p.nhsNumber })).text).toBe(unknown.text);
      }
      if (p.upn && isPermanentUpn(p.upn)) {
        tried++;
        const reply = await h.query(token, query, { upn: p.upn });
        expect(reply.body.errors[0].extensions.code).toBe('NOT_FOUND');
        expect(reply.body.data).toEqual(unknown.body.data);
      }
    }
    expect(tried).toBeGreaterThan(0);
  });

  it('search never returns a restricted child, for any role, by name, date of birth or identifier', async () => {
    const query =
      'query($name: String, $dob: Date, $identifier: String) { searchChildren(name: $name, dateOfBirth: $dob, identifier: $identifier, first: 50) { nodes { childId } } }';
    const roles: Role[] = ['FRONT_DOOR', 'SOCIAL_WORKER', 'TEAM_MANAGER', 'AUDITOR'];
    for (const { personId, hubId } of restricted) {
      const p = person(personId);
      const allowedUser = restrictionOf(h.sims, personId)!.allowedUsers[0]!;
      for (const role of roles) {
        // Even a viewer the restriction names finds it only by opening its id, never by searching.
        const token = await h.token({ userId: allowedUser, roles: [role], workerId: allowedUser });
        const searches = [
          { name: `${p.forename} ${p.surname}`, ...(p.dateOfBirth ? { dob: p.dateOfBirth } : {}) },
          { identifier: `lcs:${personId}` },
          ...(p.nhsNumber ? [{ identifier: p.nhsNumber }] : []),
        ];
        for (const variables of searches) {
          const { body } = await h.query(token, query, variables);
          expect(body.errors, role).toBeUndefined();
          expect(body.data.searchChildren.nodes.map((n: { childId: string }) => n.childId)).not.toContain(
            hubId,
          );
        }
      }
    }
  });

  it('possible matches never point at a child hidden from the viewer', async () => {
    const viewer = { userId: 'fd-matches', roles: ['FRONT_DOOR' as const], teamId: null, workerId: null };
    const token = await h.token({ userId: viewer.userId, roles: [...viewer.roles] });
    const clusters = new Map<string, NonNullable<ReturnType<typeof h.hub.directory.resolve>>>();
    for (const truth of h.sims.county.groundTruth()) {
      for (const [system, ids] of [
        ['lcs', truth.lcs],
        ['eyes', truth.eyes],
        ['frontdoor', truth.frontdoor],
      ] as const) {
        for (const id of ids) {
          const cluster = h.hub.directory.resolve(`${system}:${id}`);
          if (cluster) clusters.set(cluster.hubId, cluster);
        }
      }
    }
    // Restricted LCS records, and records held back because they would link to one.
    const hidden = new Set(
      [...clusters.values()].filter((c) => !h.hub.directory.mayReveal(c, viewer)).map((c) => c.hubId),
    );
    for (const { hubId } of restricted) expect(hidden.has(hubId)).toBe(true);
    let withMatches = 0;
    for (const hubId of clusters.keys()) {
      const { body } = await h.query(token, `{ child(id: "${hubId}") { possibleMatches { childId } } }`);
      if (hidden.has(hubId)) {
        expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
        continue;
      }
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      const matches: string[] = body.data.child.possibleMatches.map((m: { childId: string }) => m.childId);
      if (matches.length > 0) withMatches++;
      for (const match of matches) expect(hidden.has(match), match).toBe(false);
    }
    expect(clusters.size).toBeGreaterThan(100);
    expect(withMatches).toBeGreaterThan(0);
  });

  it('caseloads leave a restricted child out for colleagues the restriction does not name, and keep it for those it does', async () => {
    let checked = 0;
    for (const { personId, hubId } of restricted) {
      const restriction = restrictionOf(h.sims, personId)!;
      for (const involvement of openInvolvements(h.sims, personId)) {
        if (!involvement.teamId) continue;
        const caseload = async (claims: { userId: string; roles: Role[]; workerId: string }) => {
          const token = await h.token({ ...claims, teamId: involvement.teamId! });
          const { body } = await h.query(
            token,
            `{ team(id: "${involvement.teamId}") { caseload(first: 100) { nodes { childId } } } }`,
          );
          expect(body.errors).toBeUndefined();
          return body.data.team.caseload.nodes.map((n: Json) => n.childId as string);
        };
        // A social worker in the same team, not named by the restriction.
        const colleague = await caseload({
          userId: 'colleague',
          roles: ['SOCIAL_WORKER'],
          workerId: 'W99997',
        });
        expect(colleague).not.toContain(hubId);
        if (restriction.allowedRoles.includes('TEAM_MANAGER')) {
          const manager = await caseload({ userId: 'manager', roles: ['TEAM_MANAGER'], workerId: 'W99996' });
          expect(manager).toContain(hubId);
        }
        if (involvement.workerId && restriction.allowedUsers.includes(involvement.workerId)) {
          const token = await h.token({
            userId: 'named',
            roles: ['SOCIAL_WORKER'],
            workerId: involvement.workerId,
            teamId: involvement.teamId,
          });
          const { body } = await h.query(
            token,
            `{ worker(id: "${involvement.workerId}") { caseload(first: 100) { nodes { childId } } } }`,
          );
          expect(body.data.worker.caseload.nodes.map((n: Json) => n.childId)).toContain(hubId);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('every refused look-up is on the audit trail: the restricted child under its hub id, an unknown id as null', async () => {
    const token = await h.token({ userId: 'fd-trace', roles: ['FRONT_DOOR'] });
    const mark = h.sink.records.length;
    await h.query(token, CHILD, { id: `lcs:${restricted[0]!.personId}` });
    await h.query(token, CHILD, { id: 'lcs:99999999999' });
    const records = h.recordsSince(mark);
    expect(records.map((r) => [r.userId, r.childId, r.action, r.decision])).toEqual([
      ['fd-trace', restricted[0]!.hubId, 'DENY', 'NOT_FOUND'],
      ['fd-trace', null, 'DENY', 'NOT_FOUND'],
    ]);
  });
});

describe('restricted children, for those the restriction names', () => {
  it('the named worker and the named roles open the record; others with the same role do not', async () => {
    for (const { personId, hubId } of restricted) {
      const restriction = restrictionOf(h.sims, personId)!;
      const named = restriction.allowedUsers[0]!;
      const worker = await h.token({ userId: 'named-worker', roles: ['SOCIAL_WORKER'], workerId: named });
      const opened = await h.query(worker, CHILD, { id: `lcs:${personId}` });
      expect(opened.body.errors).toBeUndefined();
      expect(opened.body.data.child.id).toBe(hubId);
      const other = await h.token({ userId: 'other-worker', roles: ['SOCIAL_WORKER'], workerId: 'W99995' });
      expect((await h.query(other, CHILD, { id: `lcs:${personId}` })).body.errors[0].extensions.code).toBe(
        'NOT_FOUND',
      );
      if (restriction.allowedRoles.includes('TEAM_MANAGER')) {
        const manager = await h.token({ userId: 'a-manager', roles: ['TEAM_MANAGER'] });
        const reply = await h.query(manager, CHILD, { id: hubId });
        expect(reply.body.data.child.id).toBe(hubId);
      }
    }
  });
});
