/**
 * The role × field-group matrix, generated from ACCESS_POLICY and checked against real responses
 * over HTTP: for every role, every group and every footing (no relationship, an open involvement,
 * a break-glass override), the group's data reaches the viewer exactly when the table says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { loadTypeDefs } from '../../../src/server/app.ts';
import { ACCESS_POLICY, accessLevel } from '../../../src/domain/access/index.ts';
import {
  CHILD_FIELD_GROUPS,
  ROLES,
  SERVICE_FIELD_GROUPS,
  type ChildFieldGroup,
  type Role,
  type ServiceFieldGroup,
} from '../../../src/domain/access/types.ts';
import {
  openInvolvements,
  restrictionOf,
  startAccessHarness,
  type AccessHarness,
  type Json,
  type KnownChild,
  type TokenClaims,
} from './harness.ts';

type Footing = 'none' | 'related' | 'breakGlass';
const FOOTINGS: Footing[] = ['none', 'related', 'breakGlass'];

interface Probe {
  /** Selection inside `child(...) { }`. */
  select: string;
  /** Whether the group's data reached the viewer. */
  present: (child: Json) => boolean;
}

const count = (connection: { totalCount: number } | null | undefined) => connection?.totalCount ?? 0;

/** One probe per child field group: the fields that carry that group's data. */
const PROBES: Record<ChildFieldGroup, Probe> = {
  'identity.minimal': { select: 'name { forename }', present: (c) => c?.name != null },
  'identity.full': { select: 'addresses { postcode }', present: (c) => (c?.addresses?.length ?? 0) > 0 },
  flags: { select: 'flags { knownToSocialCare }', present: (c) => c?.flags != null },
  'socialCare.summary': {
    select: 'socialCareContact { knownToSocialCare }',
    present: (c) => c?.socialCareContact != null,
  },
  'socialCare.detail': {
    select: 'socialCare { referrals(first: 1) { totalCount } }',
    present: (c) => count(c?.socialCare?.referrals) > 0,
  },
  'socialCare.cp': {
    select: 'socialCare { cpPlans(first: 1) { totalCount } }',
    present: (c) => count(c?.socialCare?.cpPlans) > 0,
  },
  'socialCare.cla': {
    select: 'socialCare { claEpisodes(first: 1) { totalCount } }',
    present: (c) => count(c?.socialCare?.claEpisodes) > 0,
  },
  'education.summary': {
    select: 'education { enrolments(first: 1) { totalCount } }',
    present: (c) => count(c?.education?.enrolments) > 0,
  },
  'education.detail': {
    select: 'education { attendance(first: 1) { totalCount } }',
    present: (c) => count(c?.education?.attendance) > 0,
  },
  send: {
    select: 'education { senSupport(first: 1) { totalCount } ehcpRequests(first: 1) { totalCount } }',
    present: (c) => count(c?.education?.senSupport) + count(c?.education?.ehcpRequests) > 0,
  },
  frontDoor: {
    select: 'frontDoor { contacts(first: 1) { totalCount } }',
    present: (c) => count(c?.frontDoor?.contacts) > 0,
  },
  finance: {
    select: 'finance { agreements(first: 1) { totalCount } }',
    present: (c) => count(c?.finance?.agreements) > 0,
  },
  chronology: { select: 'chronology(first: 1) { totalCount }', present: (c) => count(c?.chronology) > 0 },
  accessLog: { select: 'accessLog(first: 1) { seq }', present: (c) => (c?.accessLog?.length ?? 0) > 0 },
};

/** Everything at once, to find a child that has data for each group (field names as in PROBES). */
const EVERYTHING = `
  name { forename } addresses { postcode } flags { knownToSocialCare } socialCareContact { knownToSocialCare }
  socialCare { referrals(first: 1) { totalCount } cpPlans(first: 1) { totalCount } claEpisodes(first: 1) { totalCount } }
  education { enrolments(first: 1) { totalCount } attendance(first: 1) { totalCount } senSupport(first: 1) { totalCount } ehcpRequests(first: 1) { totalCount } }
  frontDoor { contacts(first: 1) { totalCount } } finance { agreements(first: 1) { totalCount } }
  chronology(first: 1) { totalCount } accessLog(first: 1) { seq }`;

/** Service-scoped groups and the query that exercises each. */
const SERVICE_PROBES: Record<ServiceFieldGroup, { query: (ownTeam: string) => string; root: string }> = {
  // Caseloads are need-to-know within a team: the probe asks for the viewer's own team's.
  caseloads: {
    query: (team) => `{ team(id: "${team}") { caseload(first: 1) { totalCount } } }`,
    root: 'team',
  },
  performance: {
    query: () => '{ performance(from: "2026-04-01", to: "2026-06-30") { asOf } }',
    root: 'performance',
  },
  financeReports: { query: () => '{ financeReport { asOf } }', root: 'financeReport' },
  audit: { query: () => '{ auditTrail(first: 1) { seq } }', root: 'auditTrail' },
  linkReview: { query: () => '{ linkReviewQueue(first: 1) { totalCount } }', root: 'linkReviewQueue' },
};

function expectedGroups(role: Role, footing: Footing): Set<ChildFieldGroup> {
  const policy = ACCESS_POLICY[role];
  const always = CHILD_FIELD_GROUPS.filter((g) => accessLevel(role, g) === 'always');
  const related = CHILD_FIELD_GROUPS.filter((g) => accessLevel(role, g) === 'withRelationship');
  if (footing === 'related' || (footing === 'breakGlass' && policy.withRelationship.length > 0)) {
    return new Set([...always, ...related]);
  }
  return new Set(always);
}

let h: AccessHarness;
/** Per group: a child holding data for it, with the involvement that relates a worker to it. */
const subjects = new Map<ChildFieldGroup, KnownChild>();

beforeAll(async () => {
  h = await startAccessHarness();
  // TEAM_MANAGER, allocated, sees every child group: use it to find a child with data for each.
  const candidates: KnownChild[] = [];
  for (const personId of h.sims.county.lcs.people.ids()) {
    if (restrictionOf(h.sims, personId) !== null) continue;
    const open = openInvolvements(h.sims, personId).find((i) => i.workerId && i.teamId);
    if (open) candidates.push({ personId, workerId: open.workerId!, teamId: open.teamId! });
  }
  for (const candidate of candidates) {
    if (subjects.size === CHILD_FIELD_GROUPS.length) break;
    const token = await h.token({
      userId: 'finder',
      roles: ['TEAM_MANAGER'],
      workerId: candidate.workerId,
      teamId: candidate.teamId,
    });
    const { body } = await h.query(token, `{ child(id: "lcs:${candidate.personId}") { ${EVERYTHING} } }`);
    for (const group of CHILD_FIELD_GROUPS) {
      if (!subjects.has(group) && PROBES[group].present(body.data?.child)) subjects.set(group, candidate);
    }
  }
});
afterAll(async () => {
  await h?.close();
});

function claimsFor(role: Role, footing: Footing, subject: KnownChild): TokenClaims {
  const userId = `matrix-${role.toLowerCase()}-${footing}`;
  return footing === 'related'
    ? { userId, roles: [role], workerId: subject.workerId, teamId: subject.teamId }
    : { userId, roles: [role] };
}

describe('the access policy, role by role, against real responses', () => {
  it('finds a child in the county holding data for every field group', () => {
    expect([...subjects.keys()].sort()).toEqual([...CHILD_FIELD_GROUPS].sort());
  });

  for (const role of ROLES) {
    it(`${role}: each child field group is shown exactly when the policy grants it, on each footing`, async () => {
      const observed: string[] = [];
      const wanted: string[] = [];
      for (const footing of FOOTINGS) {
        const expected = expectedGroups(role, footing);
        for (const group of CHILD_FIELD_GROUPS) {
          const subject = subjects.get(group)!;
          const token = await h.token(claimsFor(role, footing, subject));
          const args =
            footing === 'breakGlass'
              ? ', breakGlass: { reasonCode: IMMEDIATE_RISK, justification: "Police report a child at risk tonight" }'
              : '';
          const { body } = await h.query(
            token,
            `{ child(id: "lcs:${subject.personId}"${args}) { access { relationship granted withheld } ${PROBES[group].select} } }`,
          );
          const child = body.data?.child ?? null;
          if (expected.has('identity.minimal')) {
            expect(body.errors, `${role}/${footing}/${group}`).toBeUndefined();
            expect([...child.access.granted].sort()).toEqual([...expected].sort());
            expect(child.access.relationship).toBe(
              footing === 'related'
                ? 'ALLOCATED'
                : footing === 'breakGlass' && ACCESS_POLICY[role].withRelationship.length > 0
                  ? 'BREAK_GLASS'
                  : 'ROLE',
            );
          } else {
            // A role without minimal identity may not open children at all.
            expect(body.errors?.[0]?.extensions?.code, `${role}/${footing}/${group}`).toBe('FORBIDDEN');
            expect(child).toBeNull();
          }
          if (PROBES[group].present(child)) observed.push(`${footing}:${group}`);
          if (expected.has(group)) wanted.push(`${footing}:${group}`);
        }
      }
      expect(observed).toEqual(wanted);
    });
  }

  it('the chronology shows only events of the groups granted, for every role and footing', async () => {
    // Which group each kind of chronology event belongs to (resolvers/chronology.ts).
    const KIND_GROUP: Record<string, ChildFieldGroup> = {
      CONTACT: 'socialCare.detail',
      REFERRAL: 'socialCare.detail',
      ASSESSMENT: 'socialCare.detail',
      VISIT: 'socialCare.detail',
      CIN_PLAN: 'socialCare.detail',
      EARLY_HELP: 'socialCare.detail',
      S47: 'socialCare.cp',
      ICPC: 'socialCare.cp',
      CP_PLAN: 'socialCare.cp',
      CP_REVIEW: 'socialCare.cp',
      CLA_EPISODE: 'socialCare.cla',
      PLACEMENT: 'socialCare.cla',
      LEGAL_STATUS: 'socialCare.cla',
      CLA_REVIEW: 'socialCare.cla',
      MISSING: 'socialCare.cla',
      ENROLMENT: 'education.summary',
      EXCLUSION: 'education.detail',
      EHCP: 'send',
      FRONT_DOOR_CONTACT: 'frontDoor',
      SERVICE_AGREEMENT: 'finance',
    };
    const query = (id: string) => `{ child(id: "lcs:${id}") { chronology(first: 100) { nodes { kind } } } }`;
    const kindsOf = (body: Json) =>
      new Set<string>((body.data?.child?.chronology?.nodes ?? []).map((n: { kind: string }) => n.kind));
    // The child whose timeline has the most kinds of event, as a viewer granted everything sees it.
    let richest: { subject: KnownChild; kinds: Set<string> } | null = null;
    for (const subject of new Set(subjects.values())) {
      const token = await h.token({
        userId: 'chrono-finder',
        roles: ['TEAM_MANAGER'],
        workerId: subject.workerId,
        teamId: subject.teamId,
      });
      const kinds = kindsOf((await h.query(token, query(subject.personId))).body);
      if (!richest || kinds.size > richest.kinds.size) richest = { subject, kinds };
    }
    expect(richest!.kinds.size).toBeGreaterThanOrEqual(6);
    for (const kind of richest!.kinds) expect(KIND_GROUP[kind], kind).toBeDefined();
    for (const role of ROLES) {
      for (const footing of FOOTINGS) {
        const expected = expectedGroups(role, footing);
        const token = await h.token(claimsFor(role, footing, richest!.subject));
        const args =
          footing === 'breakGlass'
            ? ', breakGlass: { reasonCode: COURT_ORDER, justification: "Order of the family court" }'
            : '';
        const { body } = await h.query(
          token,
          query(richest!.subject.personId).replace('") {', `"${args}) {`),
        );
        const shown = kindsOf(body);
        const allowed = [...richest!.kinds].filter((kind) => expected.has(KIND_GROUP[kind]!));
        // Exactly the kinds the granted groups cover (none at all without the chronology group).
        expect([...shown].sort(), `${role}/${footing}`).toEqual(
          expected.has('chronology') ? allowed.sort() : [],
        );
      }
    }
  });

  it('each service-scoped group is served exactly to the roles the policy gives it', async () => {
    const ownTeam = 'TM001';
    for (const role of ROLES) {
      const token = await h.token({
        userId: `matrix-service-${role.toLowerCase()}`,
        roles: [role],
        teamId: ownTeam,
      });
      for (const group of SERVICE_FIELD_GROUPS) {
        const probe = SERVICE_PROBES[group];
        const { body } = await h.query(token, probe.query(ownTeam));
        const allowed = accessLevel(role, group) === 'always';
        if (allowed) {
          expect(body.errors, `${role}/${group}`).toBeUndefined();
          expect(body.data[probe.root]).not.toBeNull();
        } else {
          expect(body.errors?.[0]?.extensions?.code, `${role}/${group}`).toBe('FORBIDDEN');
        }
      }
    }
  });

  it('search, whose hits carry names and dates of birth, is served exactly to roles that always see minimal identity', async () => {
    for (const role of ROLES) {
      const token = await h.token({ userId: `matrix-search-${role.toLowerCase()}`, roles: [role] });
      const mark = h.sink.records.length;
      const { body } = await h.query(
        token,
        '{ searchChildren(dateOfBirth: "2015-06-01") { nodes { name { forename } } } }',
      );
      const [record] = h.sink.records.slice(mark);
      if (accessLevel(role, 'identity.minimal') === 'always') {
        expect(body.errors, role).toBeUndefined();
        expect(record).toMatchObject({ action: 'SEARCH', decision: 'ALLOWED' });
      } else {
        expect(body.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
        expect(body.data).toBeNull();
        expect(record).toMatchObject({ action: 'DENY', decision: 'DENIED', groups: ['identity.minimal'] });
      }
    }
  });

  it('every service probe names a root field the schema serves', () => {
    const schema = makeExecutableSchema({ typeDefs: loadTypeDefs() });
    const roots = Object.keys(schema.getQueryType()!.getFields());
    for (const group of SERVICE_FIELD_GROUPS) expect(roots, group).toContain(SERVICE_PROBES[group].root);
  });
});
