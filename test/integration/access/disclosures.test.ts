/**
 * Every disclosure of a child's data is audited before it leaves, over real HTTP against the hub
 * and the simulators: caseload lists (one record naming the children shown, by hub id), search
 * results, finance report lines naming children, performance and caseload summaries, and every
 * refusal of them. With the trail unwritable each of them is refused, not served. And the
 * auditor's views show every record (no gaps in `seq`), a refused restricted id reading exactly
 * like a refused unknown id to anyone the restriction does not name.
 */
import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLOutputType } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../../src/server/app.ts';
import type { AuditRecord } from '../../../src/platform/audit/index.ts';
import {
  openInvolvements,
  restrictedPersonIds,
  restrictionOf,
  startAccessHarness,
  type AccessHarness,
  type Json,
  type Reply,
} from './harness.ts';

let h: AccessHarness;
/** An unrestricted child with an open allocated involvement, and the team and worker holding it. */
let subject: {
  personId: string;
  hubId: string;
  workerId: string;
  teamId: string;
  surname: string;
  /** Forename and surname, as a search is typed. */
  name: string;
};
/** A restricted child whose restriction names neither the AUDITOR role nor the test's auditor. */
let hidden: { personId: string; hubId: string; namedWorker: string };

const TEAM_CASELOAD = `query($team: ID!) { team(id: $team) { caseload(first: 100) {
  nodes { childId name { forename surname } dateOfBirth caseStatus flags { onChildProtectionPlan lookedAfter } }
} } }`;
const WORKER_CASELOAD = `query($worker: ID!) { worker(id: $worker) { caseload(first: 100) {
  nodes { childId name { surname } dateOfBirth }
} } }`;
const SEARCH =
  'query($name: String) { searchChildren(name: $name, first: 50) { nodes { childId name { surname } } } }';
const HIGHEST_COST =
  '{ financeReport { asOf highestCostChildren(first: 5) { childId figures { forecastYear } } } }';
const PERFORMANCE =
  '{ performance(from: "2026-04-01", to: "2026-06-30") { asOf childrenAt { lookedAfter } } }';
const TEAM_SUMMARY = 'query($team: ID!) { team(id: $team) { caseloadSummary { children } } }';
const OPEN = 'query($id: ID!) { child(id: $id) { id name { forename } } }';
const TRAIL = `query($userId: ID, $first: Int) { auditTrail(userId: $userId, first: $first) {
  seq at requestId userId roles teamId childId childIds action decision groups fields purpose
  breakGlass { reasonCode justification }
} }`;
const ACCESS_LOG =
  'query($id: ID!) { child(id: $id) { accessLog(first: 100) { seq userId childId childIds action } } }';

const tokens = {
  manager: () =>
    h.token({ userId: 'tm-disclosure', roles: ['TEAM_MANAGER'], workerId: 'W99980', teamId: subject.teamId }),
  allocated: () =>
    h.token({
      userId: 'sw-disclosure',
      roles: ['SOCIAL_WORKER'],
      workerId: subject.workerId,
      teamId: subject.teamId,
    }),
  outsider: () =>
    h.token({ userId: 'sw-outsider', roles: ['SOCIAL_WORKER'], workerId: 'W99981', teamId: 'TM998' }),
  finance: () => h.token({ userId: 'fin-disclosure', roles: ['FINANCE'], teamId: subject.teamId }),
  frontDoor: () => h.token({ userId: 'fd-disclosure', roles: ['FRONT_DOOR'] }),
  auditor: () => h.token({ userId: 'auditor-disclosure', roles: ['AUDITOR'] }),
};

const codeOf = (body: Json): string | undefined => body.errors?.[0]?.extensions?.code;
const nodeIds = (nodes: Json[]): string[] => [...new Set(nodes.map((n) => n.childId as string))];

beforeAll(async () => {
  h = await startAccessHarness();
  for (const personId of h.sims.county.lcs.people.ids()) {
    if (restrictionOf(h.sims, personId) !== null) continue;
    const open = openInvolvements(h.sims, personId).find((i) => i.workerId && i.teamId);
    if (!open) continue;
    const person = h.sims.county.lcs.people.get(personId) as unknown as { forename: string; surname: string };
    subject = {
      personId,
      hubId: h.hub.directory.resolve(`lcs:${personId}`)!.hubId,
      workerId: open.workerId!,
      teamId: open.teamId!,
      surname: person.surname,
      name: `${person.forename} ${person.surname}`,
    };
    break;
  }
  const personId = restrictedPersonIds(h.sims).find((id) => {
    const restriction = restrictionOf(h.sims, id)!;
    return !restriction.allowedRoles.includes('AUDITOR') && restriction.allowedUsers.length > 0;
  })!;
  hidden = {
    personId,
    hubId: h.hub.directory.resolve(`lcs:${personId}`)!.hubId,
    namedWorker: restrictionOf(h.sims, personId)!.allowedUsers[0]!,
  };
});
afterAll(async () => {
  await h?.close();
});

describe('lists naming children are recorded, once per list, by hub id', () => {
  it('the lists proven audited below are every list in the schema whose items name a child', () => {
    const schema = makeExecutableSchema({ typeDefs: loadTypeDefs() });
    const naming: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const outer: GraphQLOutputType = isNonNullType(field.type) ? field.type.ofType : field.type;
        const item = getNamedType(outer);
        if (isListType(outer) && isObjectType(item) && 'childId' in item.getFields())
          naming.push(`${type.name}.${field.name}`);
      }
    }
    // A new list naming children (a drill-down, say) must record the ids it shows, with a test here.
    expect(naming.sort()).toEqual([
      'CaseloadConnection.nodes',
      'Child.accessLog', // the trail itself, read within the child's recorded VIEW
      'Child.possibleMatches',
      // The register's lists, each recorded with the ids it shows (test/integration/register/steward-graphql.test.ts).
      'ChildIdHistory.splits',
      'ChildSearchConnection.nodes',
      'FinanceReport.highestCostChildren',
      'LinkReviewItem.children',
      'MissingEducationChildConnection.nodes',
      'OverdueAnnualReviewConnection.nodes',
      'OverdueChildConnection.nodes',
      'Query.auditTrail', // the trail itself, each read recorded as AUDIT_QUERY
      'Query.breakGlassAlerts', // likewise
      'Query.linkDecisions',
    ]);
  });

  it('a team caseload is one CASELOAD record naming exactly the children shown, and no names', async () => {
    const mark = h.sink.records.length;
    const { body } = await h.query(await tokens.manager(), TEAM_CASELOAD, { team: subject.teamId });
    expect(body.errors).toBeUndefined();
    const nodes = body.data.team.caseload.nodes as Json[];
    expect(nodes.map((n) => n.childId)).toContain(subject.hubId);
    const records = h.recordsSince(mark);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      userId: 'tm-disclosure',
      childId: null,
      childIds: nodeIds(nodes),
      action: 'CASELOAD',
      decision: 'ALLOWED',
      groups: ['caseloads'],
    });
    expect(records[0]!.fields).toEqual(
      expect.arrayContaining(['Team.caseload', 'name', 'dateOfBirth', 'flags', 'caseStatus']),
    );
    for (const node of nodes) expect(JSON.stringify(records)).not.toContain(node.name.surname);
  });

  it("a worker's own caseload is recorded the same way", async () => {
    const mark = h.sink.records.length;
    const { body } = await h.query(await tokens.allocated(), WORKER_CASELOAD, { worker: subject.workerId });
    const nodes = body.data.worker.caseload.nodes as Json[];
    expect(nodes.length).toBeGreaterThan(0);
    const records = h.recordsSince(mark);
    expect(records.map((r) => [r.userId, r.action, r.decision])).toEqual([
      ['sw-disclosure', 'CASELOAD', 'ALLOWED'],
    ]);
    expect(records[0]!.childIds).toEqual(nodeIds(nodes));
    expect(records[0]!.fields).toEqual(['Worker.caseload', 'childId', 'name', 'dateOfBirth']);
  });

  it("a team's overdue children are one CASELOAD record naming exactly the children listed", async () => {
    const query = `query($team: ID!) { team(id: $team) { overdueChildren(first: 50) {
      nodes { childId name { surname } mostWorkingDaysLate }
    } } }`;
    const mark = h.sink.records.length;
    const { body } = await h.query(await tokens.manager(), query, { team: subject.teamId });
    expect(body.errors).toBeUndefined();
    const nodes = body.data.team.overdueChildren.nodes as Json[];
    const records = h.recordsSince(mark);
    expect(records.map((r) => [r.action, r.decision])).toEqual([['CASELOAD', 'ALLOWED']]);
    expect(records[0]!.childIds).toEqual(nodeIds(nodes));
    expect(records[0]!.fields).toEqual(['Team.overdueChildren', 'childId', 'name', 'mostWorkingDaysLate']);
    for (const node of nodes) expect(JSON.stringify(records)).not.toContain(node.name.surname);
  });

  it('a search records the hub ids of the children it showed', async () => {
    const mark = h.sink.records.length;
    const { body } = await h.query(await tokens.frontDoor(), SEARCH, { name: subject.name });
    const nodes = body.data.searchChildren.nodes as Json[];
    expect(nodes.length).toBeGreaterThan(0);
    const records = h.recordsSince(mark);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ action: 'SEARCH', childId: null, childIds: nodeIds(nodes) });
    expect(JSON.stringify(records)).not.toContain(subject.surname);
  });

  it('financeReport is recorded, and its highestCostChildren lines are recorded naming the children listed', async () => {
    const mark = h.sink.records.length;
    const { body } = await h.query(await tokens.finance(), HIGHEST_COST);
    expect(body.errors).toBeUndefined();
    const lines = body.data.financeReport.highestCostChildren as Json[];
    expect(lines.length).toBeGreaterThan(0);
    const records = h.recordsSince(mark);
    expect(records.map((r) => [r.action, r.decision, r.groups])).toEqual([
      ['REPORT', 'ALLOWED', ['financeReports']],
      ['REPORT', 'ALLOWED', ['financeReports']],
    ]);
    expect(records[0]!.childIds).toBeUndefined();
    expect(records[1]!.childIds).toEqual(nodeIds(lines));
    expect(records[1]!.fields).toEqual(['FinanceReport.highestCostChildren']);
  });

  it('the SEND report lists (overdue annual reviews, children missing education) are recorded naming the children listed', async () => {
    type Plan = { startDate: string; ceasedDate: string | null; annualReviews: { meetingDate: string }[] };
    type Cme = { reportedMissingDate: string; closedDate: string | null };
    const shown = (pupilId: string) => {
      const cluster = h.hub.directory.resolve(`eyes:${pupilId}`);
      return cluster !== null && !cluster.restricted;
    };
    const records = h.sims.county.eyes.records
      .ids()
      .map(
        (id) =>
          h.sims.county.eyes.records.get(id) as unknown as {
            pupilId: string;
            ehcpRequests: { plan: Plan | null }[];
            missingEducation: Cme[];
          },
      )
      .filter((r) => shown(r.pupilId));
    const nextYear = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
    const dayAfter = (date: string) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    // A day on which some plan's first review is overdue (not held by the day after it fell due).
    const late = records
      .flatMap((r) => r.ehcpRequests.flatMap((q) => (q.plan ? [q.plan] : [])))
      .find((p) => {
        const due = nextYear(p.startDate);
        return (
          due.slice(5) !== '02-29' &&
          dayAfter(due) <= h.sims.county.asOf &&
          (p.ceasedDate === null || p.ceasedDate > dayAfter(due)) &&
          !p.annualReviews.some((r) => r.meetingDate <= dayAfter(due))
        );
      })!;
    const reviewDay = dayAfter(nextYear(late.startDate));
    // A day on which a CME referral is open: the day it was reported.
    const missingDay = records.flatMap((r) => r.missingEducation)[0]!.reportedMissingDate;
    const manager = await tokens.manager();
    const checks: [string, string, string, string[]][] = [
      [
        reviewDay,
        `ehcpAnnualReviews { overdueChildren { nodes { childId dueDate daysOverdue } } }`,
        'EhcpAnnualReviewMeasures.overdueChildren',
        ['childId', 'dueDate', 'daysOverdue'],
      ],
      [
        missingDay,
        `childrenMissingEducation { openChildren { nodes { childId daysMissing } } }`,
        'MissingEducationMeasures.openChildren',
        ['childId', 'daysMissing'],
      ],
    ];
    for (const [day, selection, field, fields] of checks) {
      const mark = h.sink.records.length;
      const { body } = await h.query(
        manager,
        `{ performance(from: "${day}", to: "${day}") { ${selection} } }`,
      );
      expect(body.errors).toBeUndefined();
      const measures = Object.values(body.data.performance as Record<string, Json>)[0]!;
      const nodes = (Object.values(measures)[0] as Json).nodes as Json[];
      expect(nodes.length, field).toBeGreaterThan(0);
      const trail = h.recordsSince(mark);
      expect(trail.map((r) => [r.action, r.decision, r.groups])).toEqual([
        ['REPORT', 'ALLOWED', ['performance']],
        ['REPORT', 'ALLOWED', ['performance']],
      ]);
      expect(trail[0]!.childIds).toBeUndefined();
      expect(trail[1]!.childIds).toEqual(nodeIds(nodes));
      expect(trail[1]!.fields).toEqual([field, ...fields]);
    }
  });

  it('performance and caseload summaries are recorded', async () => {
    const mark = h.sink.records.length;
    const manager = await tokens.manager();
    expect((await h.query(manager, PERFORMANCE)).body.errors).toBeUndefined();
    expect((await h.query(manager, TEAM_SUMMARY, { team: subject.teamId })).body.errors).toBeUndefined();
    const records = h.recordsSince(mark);
    expect(records.map((r) => [r.userId, r.action, r.decision, r.groups, r.fields])).toEqual([
      ['tm-disclosure', 'REPORT', 'ALLOWED', ['performance'], ['performance', 'asOf', 'childrenAt']],
      ['tm-disclosure', 'CASELOAD', 'ALLOWED', ['caseloads'], ['Team.caseloadSummary']],
    ]);
  });

  it("a child's possible matches are recorded as the other children they name", async () => {
    const viewer = { userId: 'fd-matches', roles: ['FRONT_DOOR' as const], teamId: null, workerId: null };
    const { directory } = h.hub;
    const candidates = [...h.sims.county.groundTruth()].flatMap((truth) => [
      ...truth.lcs.map((id) => `lcs:${id}`),
      ...truth.eyes.map((id) => `eyes:${id}`),
      ...truth.frontdoor.map((id) => `frontdoor:${id}`),
    ]);
    const cluster = candidates
      .map((id) => directory.resolve(id))
      .find(
        (c) =>
          c !== null && directory.mayReveal(c, viewer) && directory.possibleMatches(c, viewer).length > 0,
      )!;
    const hubId = cluster.hubId;
    const mark = h.sink.records.length;
    const { body } = await h.query(
      await h.token({ userId: viewer.userId, roles: viewer.roles }),
      'query($id: ID!) { child(id: $id) { id possibleMatches { childId score } } }',
      { id: hubId },
    );
    const matches = body.data.child.possibleMatches as Json[];
    expect(matches.length).toBeGreaterThan(0);
    const records = h.recordsSince(mark);
    expect(records.map((r) => [r.childId, r.action, r.fields])).toEqual([
      [hubId, 'VIEW', ['id', 'possibleMatches']],
      [hubId, 'SEARCH', ['possibleMatches']],
    ]);
    expect(records[1]!.childIds).toEqual(nodeIds(matches));
  });
});

describe('every refusal of a caseload, a report or performance is recorded', () => {
  it('refused caseloads, finance reports and performance each leave a DENY record', async () => {
    const mark = h.sink.records.length;
    const outsider = await tokens.outsider();
    const finance = await tokens.finance();
    const refusals = [
      await h.query(outsider, TEAM_CASELOAD, { team: subject.teamId }),
      await h.query(outsider, WORKER_CASELOAD, { worker: subject.workerId }),
      await h.query(outsider, HIGHEST_COST),
      await h.query(finance, PERFORMANCE),
    ];
    for (const reply of refusals) expect(codeOf(reply.body), reply.text).toBe('FORBIDDEN');
    // A caseload reached through another object is withheld (null) rather than refused outright.
    const nested = await h.query(
      finance,
      '{ me { team { caseload { totalCount } caseloadSummary { children } } } }',
    );
    expect(nested.body.data.me.team).toEqual({ caseload: null, caseloadSummary: null });

    const records = h.recordsSince(mark);
    expect(records.map((r) => [r.userId, r.childId, r.action, r.decision, r.groups, r.fields?.[0]])).toEqual([
      ['sw-outsider', null, 'DENY', 'DENIED', ['caseloads'], 'team'],
      ['sw-outsider', null, 'DENY', 'DENIED', ['caseloads'], 'worker'],
      ['sw-outsider', null, 'DENY', 'DENIED', ['financeReports'], 'financeReport'],
      ['fin-disclosure', null, 'DENY', 'DENIED', ['performance'], 'performance'],
      ['fin-disclosure', null, 'DENY', 'DENIED', ['caseloads'], 'Team.caseload'],
      ['fin-disclosure', null, 'DENY', 'DENIED', ['caseloads'], 'Team.caseloadSummary'],
    ]);
  });
});

describe('an unwritable trail refuses every disclosure and every refusal', () => {
  it('caseloads, search, report lines, performance and caseload summaries are refused, not served', async () => {
    const before = h.sink.records.length;
    const manager = await tokens.manager();
    type Attempt = [what: string, ask: () => Promise<Reply>, disclosed: (data: Json) => unknown];
    const attempts: Attempt[] = [
      [
        'team caseload',
        () => h.query(manager, TEAM_CASELOAD, { team: subject.teamId }),
        (d) => d?.team?.caseload,
      ],
      [
        'worker caseload',
        async () => h.query(await tokens.allocated(), WORKER_CASELOAD, { worker: subject.workerId }),
        (d) => d?.worker?.caseload,
      ],
      [
        'search',
        async () => h.query(await tokens.frontDoor(), SEARCH, { name: subject.name }),
        (d) => d?.searchChildren,
      ],
      [
        'highest cost children',
        async () => h.query(await tokens.finance(), HIGHEST_COST),
        (d) => d?.financeReport,
      ],
      ['performance', () => h.query(manager, PERFORMANCE), (d) => d?.performance],
      [
        'caseload summary',
        () => h.query(manager, TEAM_SUMMARY, { team: subject.teamId }),
        (d) => d?.team?.caseloadSummary,
      ],
      [
        'refused performance',
        async () => h.query(await tokens.finance(), PERFORMANCE),
        (d) => d?.performance,
      ],
      [
        'refused caseload',
        async () => h.query(await tokens.outsider(), TEAM_CASELOAD, { team: subject.teamId }),
        (d) => d?.team,
      ],
    ];
    h.sink.refuse = true;
    try {
      for (const [what, ask, disclosed] of attempts) {
        const reply = await ask();
        expect(codeOf(reply.body), `${what}: ${reply.text}`).toBe('AUDIT_UNAVAILABLE');
        expect(disclosed(reply.body.data) ?? null, what).toBeNull();
        expect(reply.text, what).not.toContain(subject.hubId);
        expect(reply.text, what).not.toContain(subject.surname);
      }
      expect(h.sink.records.length).toBe(before);
    } finally {
      h.sink.refuse = false;
    }
    const after = await h.query(manager, TEAM_CASELOAD, { team: subject.teamId });
    expect(after.body.data.team.caseload.nodes.length).toBeGreaterThan(0);
  });
});

describe("the auditor's views: every record shown, a restricted child never named", () => {
  it('a restricted-id denial is on auditTrail, with no gap in seq, and reads exactly like an unknown-id denial', async () => {
    const prober = await h.token({ userId: 'fd-prober', roles: ['FRONT_DOOR'] });
    const restrictedReply = await h.query(prober, OPEN, { id: `lcs:${hidden.personId}` });
    const unknownReply = await h.query(prober, OPEN, { id: 'lcs:99999999999' });
    expect(restrictedReply.text).toBe(unknownReply.text);

    const auditor = await tokens.auditor();
    const { body } = await h.query(auditor, TRAIL, { userId: 'fd-prober' });
    const [unknown, restricted, ...rest] = body.data.auditTrail as Json[];
    expect(rest).toEqual([]);
    expect(restricted.seq).toBe(unknown.seq - 1);
    const shape = ({ seq: _seq, at: _at, requestId: _requestId, ...fields }: Json) => fields;
    expect(shape(restricted)).toEqual(shape(unknown));
    expect(shape(restricted)).toMatchObject({
      childId: null,
      childIds: [],
      action: 'DENY',
      decision: 'NOT_FOUND',
    });

    // The whole trail, newest first, has no gaps.
    const all = (await h.query(auditor, TRAIL, { first: 200 })).body.data.auditTrail as Json[];
    const seqs = all.map((r) => r.seq as number);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! - i));
    expect(JSON.stringify(all)).not.toContain(hidden.hubId);

    // An auditor the restriction names sees which child the denial concerned.
    const named = await h.token({
      userId: 'auditor-named',
      roles: ['AUDITOR'],
      workerId: hidden.namedWorker,
    });
    const seenByNamed = (await h.query(named, TRAIL, { userId: 'fd-prober' })).body.data.auditTrail as Json[];
    expect(seenByNamed.map((r) => r.childId)).toEqual([null, hidden.hubId]);
  });

  it('a break-glass alert about a restricted child stays up for review, without naming the child', async () => {
    const named = await h.token({
      userId: 'sw-named',
      roles: ['SOCIAL_WORKER'],
      workerId: hidden.namedWorker,
      teamId: 'TM997',
    });
    const opened = await h.query(
      named,
      `query($id: ID!) { child(id: $id, purpose: "Named in ${hidden.personId}'s plan", breakGlass: { reasonCode: IMMEDIATE_RISK, justification: "Police at the door" }) { id } }`,
      { id: `lcs:${hidden.personId}` },
    );
    expect(opened.body.data.child.id).toBe(hidden.hubId);
    const glass = h.sink.records.findLast((r: AuditRecord) => r.userId === 'sw-named')!;
    expect(glass.action).toBe('BREAK_GLASS');

    const { body } = await h.query(
      await tokens.auditor(),
      '{ breakGlassAlerts(first: 50) { seq userId childId action purpose breakGlass { justification } } }',
    );
    const alert = (body.data.breakGlassAlerts as Json[]).find((r) => r.seq === glass.seq);
    expect(alert).toEqual({
      seq: glass.seq,
      userId: 'sw-named',
      childId: null,
      action: 'BREAK_GLASS',
      purpose: null,
      breakGlass: null,
    });
    expect(JSON.stringify(body)).not.toContain(hidden.hubId);
    expect(JSON.stringify(body)).not.toContain(hidden.personId);
  });

  it('a list tied to a restricted child (its possible matches, say) names none of its children to those the restriction does not name', async () => {
    // As the named worker's view of the restricted child's possible matches would record it.
    const planted = await h.hub.services.audit.record({
      requestId: 'req-planted',
      userId: 'sw-named-matches',
      roles: ['SOCIAL_WORKER'],
      teamId: null,
      childId: hidden.hubId,
      childIds: [subject.hubId],
      action: 'SEARCH',
      groups: ['identity.full'],
      fields: ['possibleMatches'],
      decision: 'ALLOWED',
    });
    const auditor = await tokens.auditor();
    const byUser = (await h.query(auditor, TRAIL, { userId: 'sw-named-matches' })).body.data.auditTrail;
    expect(byUser.map((r: Json) => [r.seq, r.childId, r.childIds])).toEqual([[planted.seq, null, []]]);
    const byChild = (
      await h.query(auditor, 'query($id: ID!) { auditTrail(childId: $id, first: 200) { seq } }', {
        id: subject.hubId,
      })
    ).body.data.auditTrail as Json[];
    expect(byChild.length).toBeGreaterThan(0);
    expect(byChild.map((r) => r.seq)).not.toContain(planted.seq);
    const log = (await h.query(await tokens.allocated(), ACCESS_LOG, { id: subject.hubId })).body.data.child
      .accessLog as Json[];
    expect(log.map((r) => r.seq)).not.toContain(planted.seq);
  });

  it("a child's accessLog shows the caseloads and searches that listed it, naming only that child", async () => {
    const manager = await tokens.manager();
    await h.query(manager, TEAM_CASELOAD, { team: subject.teamId });
    await h.query(await tokens.frontDoor(), SEARCH, { name: subject.name });
    const { body } = await h.query(await tokens.allocated(), ACCESS_LOG, { id: subject.hubId });
    const log = body.data.child.accessLog as Json[];
    const caseload = log.find((r) => r.action === 'CASELOAD' && r.userId === 'tm-disclosure');
    const search = log.find((r) => r.action === 'SEARCH' && r.userId === 'fd-disclosure');
    expect(caseload).toMatchObject({ childId: null, childIds: [subject.hubId] });
    expect(search).toMatchObject({ childId: null, childIds: [subject.hubId] });
  });
});
