/**
 * Each indicator's GraphQL answer against an independent computation over the county generator's
 * own records (h.sims.county), written out plainly here: the statutory clocks come from the
 * working-day calendar, never from src/domain/reports. (Finance: finance.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, createWorkingDayCalendar } from '../../../src/domain/rules/index.ts';
import type { LcsInvolvement, LcsSocialCareRecord } from '../../../connectors/lcs/types.ts';
import { startReportHarness, type ReportHarness } from './harness.ts';

const calendar = createWorkingDayCalendar();

let h: ReportHarness;
let asOf: string;
let from: string;
let analyst: string;

const socialCareRecords = (): LcsSocialCareRecord[] =>
  h.sims.county.lcs.socialCare.ids().map((id) => h.sims.county.lcs.socialCare.get(id) as LcsSocialCareRecord);

const upstreamCalls = async (): Promise<Record<string, number>> => {
  const all: Record<string, number> = {};
  for (const [system, base] of Object.entries(h.sims.urls)) {
    const stats = (await (await fetch(new URL('/__sim/stats', base!))).json()) as {
      byRoute: Record<string, number>;
    };
    for (const [route, count] of Object.entries(stats.byRoute)) all[`${system} ${route}`] = count;
  }
  return all;
};
const callsBetween = (before: Record<string, number>, after: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(after).flatMap(([route, n]) =>
      n - (before[route] ?? 0) > 0 ? [[route, n - (before[route] ?? 0)]] : [],
    ),
  );

beforeAll(async () => {
  h = await startReportHarness();
  asOf = h.today;
  from = addDays(addMonths(asOf, -36), 1); // the longest period allowed, so the tiny county has cohorts
  analyst = await h.token({ userId: 'analyst', roles: ['TEAM_MANAGER', 'ADMIN'] });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe('timeliness indicators match an independent count over the county', () => {
  const measure = 'started onTime late due overdue excluded completedOnTimePercent';

  it('assessments within 45 working days, ICPCs within 15 working days and EHCPs within 20 weeks', async () => {
    const { body } = await h.query(
      analyst,
      `query($from: Date!, $to: Date!) { performance(from: $from, to: $to) { asOf
        assessmentsStartedInPeriod { ${measure} } initialChildProtectionConferencesStartedInPeriod { ${measure} }
        ehcpFinalPlansRequestedInPeriod { ${measure} } } }`,
      { from, to: asOf },
    );
    expect(body.errors).toBeUndefined();
    const report = body.data.performance;
    expect(report.asOf).toBe(asOf);

    const tally = () => ({ started: 0, onTime: 0, late: 0, due: 0, overdue: 0, excluded: 0 });
    const judge = (t: ReturnType<typeof tally>, due: string, done: string | null) => {
      t.started++;
      if (done !== null && done <= asOf) t[done <= due ? 'onTime' : 'late']++;
      else t[asOf <= due ? 'due' : 'overdue']++;
    };
    const assessments = tally();
    const icpcs = tally();
    for (const record of socialCareRecords()) {
      for (const a of record.assessments) {
        if (a.startDate >= from && a.startDate <= asOf)
          judge(assessments, calendar.addWorkingDays(a.startDate, 45), a.authorisationDate);
      }
      for (const s of record.s47Enquiries) {
        if (s.icpc && s.strategyDiscussionDate >= from && s.strategyDiscussionDate <= asOf) {
          judge(icpcs, calendar.addWorkingDays(s.strategyDiscussionDate, 15), s.icpc.conferenceDate);
        }
      }
    }
    const ehcps = tally();
    for (const pupilId of h.sims.county.eyes.records.ids()) {
      for (const r of h.sims.county.eyes.records.get(pupilId)!.ehcpRequests) {
        if (r.requestDate < from || r.requestDate > asOf) continue;
        const refusedBeforeAsOf =
          r.requestOutcome === 'REFUSED' &&
          (r.decisionToAssessDate ?? r.assessmentOutcomeDate ?? asOf) <= asOf;
        const noPlanDue =
          refusedBeforeAsOf ||
          r.requestOutcome === 'WITHDRAWN' ||
          r.assessmentOutcome === 'NO_PLAN' ||
          r.assessmentOutcome === 'WITHDRAWN';
        if (noPlanDue) continue;
        if (r.twentyWeekException) {
          ehcps.started++;
          ehcps.excluded++;
        } else judge(ehcps, addDays(r.requestDate, 140), r.plan?.startDate ?? null);
      }
    }
    const percent = (t: ReturnType<typeof tally>) =>
      t.onTime + t.late === 0 ? null : Math.round((t.onTime / (t.onTime + t.late)) * 1000) / 10;

    expect(assessments.started).toBeGreaterThan(0);
    expect(icpcs.started).toBeGreaterThan(0);
    expect(report.assessmentsStartedInPeriod).toEqual({
      ...assessments,
      completedOnTimePercent: percent(assessments),
    });
    expect(report.initialChildProtectionConferencesStartedInPeriod).toEqual({
      ...icpcs,
      completedOnTimePercent: percent(icpcs),
    });
    expect(report.ehcpFinalPlansRequestedInPeriod).toEqual({
      ...ehcps,
      completedOnTimePercent: percent(ehcps),
    });
  });

  it('contacts per month by source and outcome', async () => {
    const { body } = await h.query(
      analyst,
      `query($from: Date!, $to: Date!) { performance(from: $from, to: $to) {
        contactsByMonth { month total bySource { code count } byOutcome { code count } } } }`,
      { from, to: asOf },
    );
    expect(body.errors).toBeUndefined();
    const expected = new Map<
      string,
      { total: number; source: Record<string, number>; outcome: Record<string, number> }
    >();
    for (const id of h.sims.county.frontdoor.contacts.ids()) {
      const c = h.sims.county.frontdoor.contacts.get(id)!;
      if (c.contactDate < from || c.contactDate > asOf) continue;
      const month = c.contactDate.slice(0, 7);
      const m = expected.get(month) ?? { total: 0, source: {}, outcome: {} };
      m.total++;
      m.source[c.sourceCode] = (m.source[c.sourceCode] ?? 0) + 1;
      const outcome = c.decision ?? 'UNDECIDED';
      m.outcome[outcome] = (m.outcome[outcome] ?? 0) + 1;
      expected.set(month, m);
    }
    const months = body.data.performance.contactsByMonth as {
      month: string;
      total: number;
      bySource: { code: string; count: number }[];
      byOutcome: { code: string; count: number }[];
    }[];
    expect(months).toHaveLength(36);
    expect(months.reduce((sum, m) => sum + m.total, 0)).toBe(
      [...expected.values()].reduce((sum, m) => sum + m.total, 0),
    );
    for (const m of months) {
      const e = expected.get(m.month) ?? { total: 0, source: {}, outcome: {} };
      expect(m.total).toBe(e.total);
      expect(Object.fromEntries(m.bySource.map((c) => [c.code, c.count]))).toEqual(e.source);
      expect(Object.fromEntries(m.byOutcome.map((c) => [c.code, c.count]))).toEqual(e.outcome);
    }
  });

  it('re-referrals within 12 months, and children on CP plans and looked after at a date', async () => {
    const at = addMonths(asOf, -6);
    const { body } = await h.query(
      analyst,
      `query($from: Date!, $to: Date!, $at: Date) { performance(from: $from, to: $to) {
        reReferrals { referrals reReferrals percent } childrenAt(date: $at) { date onChildProtectionPlans lookedAfter } } }`,
      { from, to: asOf, at },
    );
    expect(body.errors).toBeUndefined();

    let referrals = 0;
    let repeats = 0;
    const onPlan = new Set<string>();
    const lookedAfter = new Set<string>();
    for (const record of socialCareRecords()) {
      const dates = [...new Set(record.referrals.map((r) => r.referralDate))].sort();
      dates.forEach((date, i) => {
        if (date < from || date > asOf) return;
        referrals++;
        if (i > 0 && dates[i - 1]! >= addMonths(date, -12)) repeats++;
      });
      if (record.cpPlans.some((p) => p.startDate <= at && (p.endDate === null || p.endDate > at)))
        onPlan.add(record.personId);
      if (record.claEpisodes.some((e) => e.startDate <= at && (e.ceasedDate === null || e.ceasedDate > at)))
        lookedAfter.add(record.personId);
    }
    expect(referrals).toBeGreaterThan(0);
    expect(body.data.performance.reReferrals).toEqual({
      referrals,
      reReferrals: repeats,
      percent: Math.round((repeats / referrals) * 1000) / 10,
    });
    expect(body.data.performance.childrenAt).toEqual({
      date: at,
      onChildProtectionPlans: onPlan.size,
      lookedAfter: lookedAfter.size,
    });
  });

  it('reads whole lists once: a warm repeat makes no upstream call, and no indicator reads a child’s record', async () => {
    const query = `query($from: Date!, $to: Date!) { performance(from: $from, to: $to) {
      assessments { completed } initialChildProtectionConferences { completed } ehcpFinalPlans { completed }
      assessmentsStartedInPeriod { started } monthly { contacts } childProtection { started }
      contactsByMonth { total } reReferrals { referrals } childrenAt { lookedAfter } } }`;
    const period = { from: addDays(addMonths(asOf, -24), 1), to: addMonths(asOf, -1) };
    const before = await upstreamCalls();
    expect((await h.query(analyst, query, period)).body.errors).toBeUndefined();
    const cold = callsBetween(before, await upstreamCalls());
    expect(Object.keys(cold).every((route) => !route.includes('{'))).toBe(true); // list routes only, no per-record reads
    expect(Object.keys(cold).length).toBeGreaterThan(0);

    await new Promise((resolve) => setTimeout(resolve, 200)); // the cache writes back in the background
    const middle = await upstreamCalls();
    expect((await h.query(analyst, query, period)).body.errors).toBeUndefined();
    expect(callsBetween(middle, await upstreamCalls())).toEqual({});
  });
});

describe('caseloads match an independent count over the county', () => {
  it('a team manager sees their team’s open cases by status, and what is overdue', async () => {
    const today = asOf;
    const open = (i: LcsInvolvement) => i.startDate <= today && (i.endDate === null || i.endDate > today);
    const records = socialCareRecords();
    const teamLoad = new Map<string, number>();
    for (const r of records)
      for (const i of r.involvements.filter(open)) teamLoad.set(i.teamId, (teamLoad.get(i.teamId) ?? 0) + 1);
    const [teamId] = [...teamLoad].sort((a, b) => b[1] - a[1])[0]!;
    const manager = await h.token({ userId: 'manager', roles: ['TEAM_MANAGER'], teamId });

    const { body } = await h.query(
      manager,
      `query($id: ID!) { team(id: $id) {
        caseloadSummary { asOf children openByStatus { status children } visitsOverdue assessmentsOverdue icpcsOverdue cpReviewsOverdue claReviewsOverdue }
        caseloadByWorker { worker { id } summary { children } } } }`,
      { id: teamId },
    );
    expect(body.errors).toBeUndefined();
    const summary = body.data.team.caseloadSummary;

    // A restricted child counts only where the restriction names the viewer's role or the viewer.
    const visible = (personId: string) => {
      const restriction = h.sims.county.lcs.people.get(personId)?.restriction;
      return (
        !restriction ||
        restriction.allowedRoles.includes('TEAM_MANAGER') ||
        restriction.allowedUsers.includes('manager')
      );
    };
    const byStatus: Record<string, Set<string>> = {};
    const byWorker: Record<string, Set<string>> = {};
    const children = new Set<string>();
    for (const r of records) {
      for (const i of r.involvements) {
        if (i.teamId !== teamId || !open(i) || !visible(i.personId)) continue;
        children.add(i.personId);
        (byStatus[i.caseStatus] ??= new Set()).add(i.personId);
        (byWorker[i.workerId] ??= new Set()).add(i.personId);
      }
    }
    expect(children.size).toBeGreaterThan(0);
    expect(summary.asOf).toBe(today);
    expect(summary.children).toBe(children.size);
    for (const { status, children: n } of summary.openByStatus) expect(n).toBe(byStatus[status]?.size ?? 0);
    expect(
      Object.fromEntries(
        body.data.team.caseloadByWorker.map(
          (w: { worker: { id: string }; summary: { children: number } }) => [w.worker.id, w.summary.children],
        ),
      ),
    ).toEqual(Object.fromEntries(Object.entries(byWorker).map(([w, s]) => [w, s.size])));

    // Overdue, counted plainly: the last held event and the next deadline from it.
    let assessments = 0;
    let icpcs = 0;
    let visits = 0;
    for (const personId of children) {
      const r = h.sims.county.lcs.socialCare.get(personId)!;
      if (
        r.assessments.some(
          (a) =>
            (a.authorisationDate === null || a.authorisationDate > today) &&
            calendar.addWorkingDays(a.startDate, 45) < today,
        )
      )
        assessments++;
      if (
        r.s47Enquiries.some(
          (s) =>
            s.icpc &&
            (s.icpc.conferenceDate === null || s.icpc.conferenceDate > today) &&
            calendar.addWorkingDays(s.strategyDiscussionDate, 15) < today,
        )
      )
        icpcs++;
      const lastSeen = (kind: string, since: string) =>
        r.visits
          .filter((v) => v.kind === kind && v.seen && v.visitDate >= since && v.visitDate <= today)
          .map((v) => v.visitDate)
          .sort()
          .at(-1) ?? since;
      const cpLate = r.cpPlans.some(
        (p) =>
          p.startDate <= today &&
          (p.endDate === null || p.endDate > today) &&
          calendar.addWorkingDays(lastSeen('CP', p.startDate), 10) < today,
      );
      const cinLate = r.cinPlans.some(
        (p) =>
          p.startDate <= today &&
          (p.endDate === null || p.endDate > today) &&
          calendar.addWorkingDays(lastSeen('CIN', p.startDate), 20) < today,
      );
      if (cpLate || cinLate) visits++;
    }
    expect(summary.assessmentsOverdue).toBe(assessments);
    expect(summary.icpcsOverdue).toBe(icpcs);
    // CLA visits run on weeks (first within 1 week, then 6-weekly), so CP and CIN alone are a lower bound.
    expect(summary.visitsOverdue).toBeGreaterThanOrEqual(visits);
  });
});

describe('a worker’s own caseload', () => {
  it('a worker sees their own summary; a manager of another team sees none', async () => {
    const today = asOf;
    const load = new Map<string, { teamId: string; children: Set<string> }>();
    for (const r of socialCareRecords()) {
      for (const i of r.involvements) {
        if (i.startDate > today || (i.endDate !== null && i.endDate <= today)) continue;
        const restriction = h.sims.county.lcs.people.get(i.personId)?.restriction;
        if (
          restriction &&
          !restriction.allowedRoles.includes('SOCIAL_WORKER') &&
          !restriction.allowedUsers.includes(i.workerId)
        )
          continue;
        const entry = load.get(i.workerId) ?? { teamId: i.teamId, children: new Set<string>() };
        entry.children.add(i.personId);
        load.set(i.workerId, entry);
      }
    }
    const [workerId, { teamId, children }] = [...load].sort(
      (a, b) => b[1].children.size - a[1].children.size,
    )[0]!;
    const own = await h.token({ userId: 'worker', roles: ['SOCIAL_WORKER'], workerId, teamId });
    const query = `query($id: ID!) { worker(id: $id) { caseloadSummary(dueWithinDays: 14) { children } } }`;
    const mine = await h.query(own, query, { id: workerId });
    expect(mine.body.errors).toBeUndefined();
    expect(mine.body.data.worker.caseloadSummary.children).toBe(children.size);

    const otherTeam = h.sims.county.lcs.teams.ids().find((t) => t !== teamId)!;
    const stranger = await h.token({ userId: 'other-manager', roles: ['TEAM_MANAGER'], teamId: otherTeam });
    const theirs = await h.query(
      stranger,
      `query($id: ID!) { team(id: $id) { caseloadSummary { children } } }`,
      { id: teamId },
    );
    expect(theirs.body.data?.team ?? null).toBeNull();
    expect(theirs.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const badDays = await h.query(
      own,
      `query($id: ID!) { worker(id: $id) { caseloadSummary(dueWithinDays: 400) { children } } }`,
      { id: workerId },
    );
    expect(badDays.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('who may ask', () => {
  it('finance reports are for finance roles, performance for performance roles, and bad periods are refused', async () => {
    const finance = await h.token({ userId: 'finance', roles: ['FINANCE'] });
    const worker = await h.token({ userId: 'sw', roles: ['SOCIAL_WORKER'] });
    const perf = await h.query(finance, `{ performance(from: "2026-01-01", to: "2026-02-01") { asOf } }`);
    expect(perf.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const fin = await h.query(worker, `{ financeReport { asOf } }`);
    expect(fin.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reversed = await h.query(analyst, `{ performance(from: "2026-02-01", to: "2026-01-01") { asOf } }`);
    expect(reversed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooLong = await h.query(analyst, `{ performance(from: "2019-01-01", to: "2026-01-01") { asOf } }`);
    expect(tooLong.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
