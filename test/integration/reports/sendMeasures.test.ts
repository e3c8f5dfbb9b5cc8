/**
 * EHC plan annual reviews and children missing education against an independent count over a
 * county the code was not tuned on (seed "send-measures-q", demo scale), through real HTTP and a
 * real Redis. Everything expected is computed from EYES's own records with this file's own month
 * and day arithmetic, never the hub's helpers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReportHarness, type ReportHarness } from './harness.ts';

// ---- this file's own calendar arithmetic --------------------------------------------------------

const DAY_MS = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const plusDays = (date: string, n: number) => new Date((dayOf(date) + n) * DAY_MS).toISOString().slice(0, 10);
/** Same day of month `months` on, or that month's last day when it is shorter. */
function plusMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
const inside = (date: string | null, from: string, to: string): date is string =>
  date !== null && date >= from && date <= to;
const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

// ---- the county's own records ---------------------------------------------------------------------

interface Review {
  meetingDate: string;
  decisionDate: string | null;
  decision: string | null;
}
interface Plan {
  planId: string;
  startDate: string;
  ceasedDate: string | null;
  annualReviews: Review[];
}
interface Cme {
  cmeId: string;
  reportedMissingDate: string;
  closedDate: string | null;
  outcome: string | null;
}
interface EducationRecord {
  pupilId: string;
  ehcpRequests: { plan: Plan | null }[];
  missingEducation: Cme[];
}

let h: ReportHarness;
let asOf: string;
let analyst: string;
let records: EducationRecord[];
/** The analyst as the directory judges who may be named to them. */
const viewer = { userId: 'send-analyst', roles: ['TEAM_MANAGER' as const], teamId: null, workerId: null };

beforeAll(async () => {
  h = await startReportHarness({ seed: 'send-measures-q', scale: 'demo' });
  asOf = h.today;
  analyst = await h.token({ userId: 'send-analyst', roles: ['TEAM_MANAGER'] });
  const set = h.sims.county.eyes.records;
  records = set.ids().map((id) => set.get(id) as unknown as EducationRecord);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

/** Annual review figures counted straight from the plans: the Code of Practice read afresh. */
function expectedReviews(from: string, to: string, judged: string) {
  const end = to < judged ? to : judged;
  const out = {
    due: 0,
    held: 0,
    heldOnTime: 0,
    meetingsHeld: 0,
    decisionsWithinFourWeeks: 0,
    decisionsLate: 0,
    decisionsAwaited: 0,
    decisionsOverdue: 0,
    plansInForce: 0,
    overdue: 0,
  };
  const decisions: Record<string, number> = {};
  const overdue: { pupilId: string; dueDate: string }[] = [];
  for (const record of records) {
    for (const { plan } of record.ehcpRequests) {
      if (!plan || plan.startDate > judged) continue;
      const known = plan.annualReviews.filter((r) => r.meetingDate <= judged);
      let anchor = plan.startDate;
      let next: string | null = null;
      for (let i = 0; ; i++) {
        const due = plusMonths(anchor, 12);
        const meeting = known[i];
        if (!meeting) {
          // The outstanding review, if the plan was still in force on its due date.
          if (plan.ceasedDate === null || plan.ceasedDate > due) {
            next = due;
            if (inside(due, from, end)) out.due++;
          }
          break;
        }
        if (inside(due, from, end)) {
          out.due++;
          out.held++;
          if (meeting.meetingDate <= due) out.heldOnTime++;
        }
        if (inside(meeting.meetingDate, from, end)) {
          out.meetingsHeld++;
          const decided = meeting.decisionDate !== null && meeting.decisionDate <= judged;
          if (!decided) {
            out.decisionsAwaited++;
            if (dayOf(judged) - dayOf(meeting.meetingDate) > 28) out.decisionsOverdue++;
          } else {
            if (dayOf(meeting.decisionDate!) - dayOf(meeting.meetingDate) <= 28)
              out.decisionsWithinFourWeeks++;
            else out.decisionsLate++;
            decisions[meeting.decision!] = (decisions[meeting.decision!] ?? 0) + 1;
          }
        }
        anchor = meeting.meetingDate;
      }
      const inForce = plan.ceasedDate === null || plan.ceasedDate > judged;
      if (inForce) {
        out.plansInForce++;
        if (next !== null && next < judged) {
          out.overdue++;
          overdue.push({ pupilId: record.pupilId, dueDate: next });
        }
      }
    }
  }
  return { out, decisions, overdue };
}

function expectedCme(from: string, to: string, judged: string) {
  const end = to < judged ? to : judged;
  let open = 0;
  let reported = 0;
  const outcomes: Record<string, number> = {};
  const days: number[] = [];
  const openOnes: { pupilId: string; reportedMissingDate: string }[] = [];
  for (const record of records) {
    for (const e of record.missingEducation) {
      if (e.reportedMissingDate > judged) continue;
      const closed = e.closedDate !== null && e.closedDate <= judged ? e.closedDate : null;
      if (closed === null || closed > judged) {
        open++;
        openOnes.push({ pupilId: record.pupilId, reportedMissingDate: e.reportedMissingDate });
      }
      if (inside(e.reportedMissingDate, from, end)) reported++;
      if (inside(closed, from, end)) {
        outcomes[e.outcome!] = (outcomes[e.outcome!] ?? 0) + 1;
        days.push(dayOf(closed) - dayOf(e.reportedMissingDate));
      }
    }
  }
  days.sort((a, b) => a - b);
  const mid = Math.floor(days.length / 2);
  const median = days.length === 0 ? null : days.length % 2 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2;
  return { open, reported, closed: days.length, outcomes, median, openOnes };
}

const QUERY = `query($from: Date!, $to: Date!, $asOf: Date) {
  performance(from: $from, to: $to, asOf: $asOf) {
    asOf
    ehcpAnnualReviews {
      due held heldOnTime heldOnTimePercent meetingsHeld decisionsWithinFourWeeks
      decisionsWithinFourWeeksPercent decisionsLate decisionsAwaited decisionsOverdue
      byDecision { code count } plansInForce overdue
      overdueChildren(first: 100) { totalCount nodes { childId dueDate daysOverdue } }
    }
    childrenMissingEducation {
      openAtAsOf newInPeriod closedInPeriod closedByOutcome { code count } medianDaysMissing
      openChildren(first: 100) { totalCount nodes { childId reportedMissingDate daysMissing } }
    }
  }
}`;

const asMap = (list: { code: string; count: number }[]) =>
  Object.fromEntries(list.map(({ code, count }) => [code, count]));

describe('SEND measures match an independent count of EYES’s own records', () => {
  const cases: [string, () => { from: string; to: string; asOf?: string }][] = [
    ['the year to asOf', () => ({ from: plusDays(plusMonths(asOf, -12), 1), to: asOf })],
    [
      'a period judged at an explicit asOf before it ends',
      () => ({ from: plusMonths(asOf, -14), to: asOf, asOf: plusMonths(asOf, -3) }),
    ],
  ];

  for (const [name, variables] of cases) {
    it(`annual reviews and children missing education: ${name}`, { timeout: 60_000 }, async () => {
      const v = variables();
      const { body } = await h.query(analyst, QUERY, v);
      expect(body.errors).toBeUndefined();
      const report = body.data.performance;
      const judged = v.asOf ?? asOf;
      expect(report.asOf).toBe(judged);

      const { out, decisions, overdue } = expectedReviews(v.from, v.to, judged);
      const reviews = report.ehcpAnnualReviews;
      const { overdueChildren, ...counts } = reviews;
      expect(counts).toMatchObject(out);
      // The children behind the count: every overdue plan of a child the manager may know of.
      const listed = <T extends { pupilId: string }>(rows: T[]) =>
        rows.flatMap((row) => {
          const cluster = h.hub.directory.resolve(`eyes:${row.pupilId}`);
          return cluster && h.hub.directory.mayReveal(cluster, viewer)
            ? [{ ...row, childId: cluster.hubId }]
            : [];
        });
      const overdueShown = listed(overdue);
      expect(overdueChildren.totalCount).toBe(overdueShown.length);
      const key = (childId: string, date: string, days: number) => `${childId} ${date} ${days}`;
      expect(
        overdueChildren.nodes.map((n: { childId: string; dueDate: string; daysOverdue: number }) =>
          key(n.childId, n.dueDate, n.daysOverdue),
        ),
      ).toEqual(
        overdueShown
          .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
          .map((o) => key(o.childId, o.dueDate, dayOf(judged) - dayOf(o.dueDate)))
          .slice(0, 100),
      );
      expect(asMap(reviews.byDecision)).toEqual(decisions);
      expect(reviews.heldOnTimePercent).toBe(pct(out.heldOnTime, out.due));
      expect(reviews.decisionsWithinFourWeeksPercent).toBe(
        pct(out.decisionsWithinFourWeeks, out.meetingsHeld),
      );
      // A county with data worth measuring: reviews due and held, some late, some overdue.
      expect(out.due).toBeGreaterThan(20);
      expect(out.heldOnTime).toBeLessThan(out.due);
      expect(out.overdue).toBeGreaterThan(0);

      const cme = expectedCme(v.from, v.to, judged);
      const { openChildren, ...missing } = report.childrenMissingEducation;
      const openShown = listed(cme.openOnes);
      expect(openChildren.totalCount).toBe(openShown.length);
      expect(openShown.length).toBeLessThanOrEqual(100); // one page holds them all
      expect(
        new Set(
          openChildren.nodes.map((n: { childId: string; reportedMissingDate: string; daysMissing: number }) =>
            key(n.childId, n.reportedMissingDate, n.daysMissing),
          ),
        ),
      ).toEqual(
        new Set(
          openShown.map((o) =>
            key(o.childId, o.reportedMissingDate, dayOf(judged) - dayOf(o.reportedMissingDate)),
          ),
        ),
      );
      expect(missing).toMatchObject({
        openAtAsOf: cme.open,
        newInPeriod: cme.reported,
        closedInPeriod: cme.closed,
        medianDaysMissing: cme.median,
      });
      expect(asMap(missing.closedByOutcome)).toEqual(cme.outcomes);
      expect(cme.reported).toBeGreaterThan(10);
      expect(cme.open).toBeGreaterThan(0);
    });
  }
});

describe('the child’s education view', () => {
  it(
    'shows the next annual review due, the last one held, and CME referrals',
    { timeout: 60_000 },
    async () => {
      // A child on an EHC plan older than a year, with a CME referral, whom the hub links and shows.
      const record = records.find((r) => {
        const cluster = h.hub.directory.resolve(`eyes:${r.pupilId}`);
        return (
          cluster !== null &&
          !cluster.restricted &&
          r.missingEducation.length > 0 &&
          r.ehcpRequests.some((q) => q.plan && q.plan.ceasedDate === null && q.plan.annualReviews.length > 0)
        );
      })!;
      expect(record).toBeDefined();
      const plan = record.ehcpRequests.find(
        (q) => q.plan && q.plan.ceasedDate === null && q.plan.annualReviews.length > 0,
      )!.plan!;
      const reviews = plan.annualReviews.filter((r) => r.meetingDate <= asOf);
      const last = reviews[reviews.length - 1]!;
      const nextDue = plusMonths(last.meetingDate, 12);

      const officer = await h.token({ userId: 'send-view', roles: ['SEND_OFFICER'] });
      const { body } = await h.query(
        officer,
        `query($id: ID!) { child(id: $id, breakGlass: { reasonCode: SAFEGUARDING_REFERRAL, justification: "CME referral triage for this child" }) {
        education {
          ehcpRequests { nodes { plan { id nextAnnualReviewDue annualReviewOverdue lastAnnualReview { meetingDate decisionDate decidedWithinFourWeeks } annualReviews { meetingDate } } } }
          missingEducation { totalCount nodes { id reportedMissingDate closedDate outcome daysMissing } }
        }
      } }`,
        { id: `eyes:${record.pupilId}` },
      );
      expect(body.errors).toBeUndefined();
      const education = body.data.child.education;
      const shown = education.ehcpRequests.nodes.find(
        (n: { plan: { id: string } | null }) => n.plan?.id === plan.planId,
      ).plan;
      expect(shown.nextAnnualReviewDue).toBe(nextDue);
      expect(shown.annualReviewOverdue).toBe(nextDue < asOf);
      expect(shown.lastAnnualReview.meetingDate).toBe(last.meetingDate);
      expect(shown.lastAnnualReview.decidedWithinFourWeeks).toBe(
        last.decisionDate !== null && dayOf(last.decisionDate) - dayOf(last.meetingDate) <= 28,
      );
      expect(shown.annualReviews.map((r: { meetingDate: string }) => r.meetingDate)).toEqual(
        reviews.map((r) => r.meetingDate).reverse(),
      );
      expect(education.missingEducation.totalCount).toBe(record.missingEducation.length);
      const newest = [...record.missingEducation].sort((a, b) =>
        a.reportedMissingDate < b.reportedMissingDate ? 1 : -1,
      )[0]!;
      expect(education.missingEducation.nodes[0]).toMatchObject({
        id: newest.cmeId,
        reportedMissingDate: newest.reportedMissingDate,
        closedDate: newest.closedDate,
        outcome: newest.outcome,
        daysMissing: dayOf(newest.closedDate ?? asOf) - dayOf(newest.reportedMissingDate),
      });

      // Without a relationship, a SEND officer sees the plan's reviews (send) but not CME (education.detail).
      const plain = await h.query(
        officer,
        `query($id: ID!) { child(id: $id) { access { withheld } education { missingEducation { totalCount } ehcpRequests { totalCount } } } }`,
        { id: `eyes:${record.pupilId}` },
      );
      expect(plain.body.errors).toBeUndefined();
      expect(plain.body.data.child.education.missingEducation).toBeNull();
      expect(plain.body.data.child.access.withheld).toContain('education.detail');
      expect(plain.body.data.child.education.ehcpRequests.totalCount).toBeGreaterThan(0);
    },
  );
});
