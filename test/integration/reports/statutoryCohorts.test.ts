/**
 * Care leavers, unaccompanied asylum-seeking children and child-in-need plans against an independent
 * count over a county the code was not tuned on (seed "cohorts-d"), through real HTTP. Everything
 * expected is computed here from the simulators' own records with this file's own birthdays, its own
 * reading of the SSDA903 rules and its own date arithmetic, never the hub's helpers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReportHarness, type ReportHarness } from './harness.ts';

const DAY_MS = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const isOpen = (start: string, end: string | null, on: string) => start <= on && (end === null || end > on);

/** The nth birthday; a 29 February birthday is kept on 1 March in a common year. */
function nthBirthday(dob: string, n: number): string {
  const year = Number(dob.slice(0, 4)) + n;
  const rest = dob.slice(4);
  if (rest === '-02-29' && new Date(Date.UTC(year, 1, 29)).getUTCMonth() !== 1) return `${year}-03-01`;
  return `${year}${rest}`;
}

/**
 * SSDA903: 13 weeks looked after from the 14th birthday, some of it after the 16th, and out of care
 * before the day (leaving care on an 18th birthday, a young person is first counted at 19).
 */
function formerRelevant(
  dob: string,
  episodes: { startDate: string; ceasedDate: string | null }[],
  day: string,
) {
  if (episodes.some((e) => e.startDate <= day && (e.ceasedDate === null || e.ceasedDate >= day)))
    return false;
  const from14 = dayOf(nthBirthday(dob, 14));
  const at16 = dayOf(nthBirthday(dob, 16));
  let days = 0;
  let late = false;
  for (const e of episodes) {
    if (e.startDate > day) continue;
    const end = Math.min(dayOf(e.ceasedDate ?? day), dayOf(day));
    days += Math.max(0, end - Math.max(dayOf(e.startDate), from14));
    if (end > at16) late = true;
  }
  return days >= 91 && late;
}

const EDUCATION_EMPLOYMENT_TRAINING = new Set(['F1', 'P1', 'F2', 'P2', 'F3', 'P3']);
const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

let h: ReportHarness;
let asOf: string;
let analyst: string;
type CountyRecord = NonNullable<ReturnType<ReportHarness['sims']['county']['lcs']['socialCare']['get']>>;
const records = (): CountyRecord[] =>
  h.sims.county.lcs.socialCare.ids().map((id) => h.sims.county.lcs.socialCare.get(id)!);

beforeAll(async () => {
  h = await startReportHarness({ seed: 'cohorts-d', scale: 'demo' });
  asOf = h.today;
  analyst = await h.token({ userId: 'analyst', roles: ['TEAM_MANAGER'] });
}, 90_000);

afterAll(async () => {
  await h?.close();
});

const GROUP = `age cohort inTouch inTouchPercent inSuitableAccommodation inSuitableAccommodationPercent
  inEducationEmploymentOrTraining inEducationEmploymentOrTrainingPercent byInTouch { code count }`;

describe('care leavers as the SSDA903 return counts them', () => {
  for (const [label, from, to] of [
    ['the year to asOf', '2025-11-01', '2026-10-31'],
    ['a financial year ended before asOf', '2025-04-01', '2026-03-31'],
  ] as const) {
    it(`in touch, suitable accommodation and EET by age band over ${label}`, async () => {
      const { body } = await h.query(
        analyst,
        `query($from: Date!, $to: Date!) { performance(from: $from, to: $to) {
          careLeavers { countedTo aged17to18 { ${GROUP} } aged19to21 { ${GROUP} } byAge { ${GROUP} } } } }`,
        { from, to },
      );
      expect(body.errors).toBeUndefined();
      const report = body.data.performance.careLeavers;
      const last = to < asOf ? to : asOf;
      expect(report.countedTo).toBe(last);
      type Tally = {
        cohort: number;
        inTouch: number;
        suitable: number;
        eet: number;
        codes: Map<string, number>;
      };
      const tally = (): Tally => ({ cohort: 0, inTouch: 0, suitable: 0, eet: 0, codes: new Map() });
      const byAge = new Map([17, 18, 19, 20, 21].map((a) => [a, tally()]));
      const bands = { young: tally(), older: tally() };
      for (const r of records()) {
        const leaver = (r as { careLeaver?: CareLeaver | null }).careLeaver;
        if (!leaver) continue;
        for (const age of [17, 18, 19, 20, 21]) {
          const day = nthBirthday(leaver.dateOfBirth, age);
          if (day < from || day > last || !formerRelevant(leaver.dateOfBirth, r.claEpisodes, day)) continue;
          const c = leaver.contacts.find((x) => x.age === age);
          for (const t of [byAge.get(age)!, age < 19 ? bands.young : bands.older]) {
            t.cohort++;
            const code = c?.inTouch ?? 'NOT_RECORDED';
            t.codes.set(code, (t.codes.get(code) ?? 0) + 1);
            if (c?.inTouch === 'YES') t.inTouch++;
            if (c && /^[A-Z]1$/.test(c.accommodation)) t.suitable++;
            if (c && EDUCATION_EMPLOYMENT_TRAINING.has(c.activity)) t.eet++;
          }
        }
      }
      const check = (got: Record<string, unknown>, want: Tally) => {
        expect(got['cohort']).toBe(want.cohort);
        expect(got['inTouch']).toBe(want.inTouch);
        expect(got['inSuitableAccommodation']).toBe(want.suitable);
        expect(got['inEducationEmploymentOrTraining']).toBe(want.eet);
        expect(got['inTouchPercent']).toBe(pct(want.inTouch, want.cohort));
        expect(got['inSuitableAccommodationPercent']).toBe(pct(want.suitable, want.cohort));
        expect(got['inEducationEmploymentOrTrainingPercent']).toBe(pct(want.eet, want.cohort));
        const codes = Object.fromEntries(
          (got['byInTouch'] as { code: string; count: number }[]).map((x) => [x.code, x.count]),
        );
        expect(codes).toEqual(Object.fromEntries(want.codes));
      };
      check(report.aged17to18, bands.young);
      check(report.aged19to21, bands.older);
      for (const g of report.byAge) check(g, byAge.get(g.age)!);
      // The demo county's young people are enough to make every band count.
      expect(bands.older.cohort).toBeGreaterThan(10);
      expect(bands.young.cohort).toBeGreaterThan(0);
    });
  }
});

type CareLeaver = {
  dateOfBirth: string;
  contacts: { age: number; inTouch: string; activity: string; accommodation: string }[];
  pathwayPlan: { pathwayPlanId: string; startDate: string; personalAdviserWorkerId: string | null } | null;
};
type Uasc = {
  arrivalDate: string;
  uascCeasedDate: string | null;
  ageAssessment: { requestedDate: string; completedDate: string | null } | null;
};

describe('unaccompanied asylum-seeking children and CIN plans', () => {
  it('counts UASC looked after on the counted day among the children looked after', async () => {
    const to = '2026-09-30';
    const { body } = await h.query(
      analyst,
      `{ performance(from: "2025-10-01", to: "${to}") { unaccompaniedAsylumSeekingChildren {
        countedOn lookedAfter unaccompanied unaccompaniedPercent ageAssessed ageAssessmentInProgress } } }`,
    );
    expect(body.errors).toBeUndefined();
    const got = body.data.performance.unaccompaniedAsylumSeekingChildren;
    const on = to < asOf ? to : asOf;
    let lookedAfter = 0;
    let unaccompanied = 0;
    let assessed = 0;
    let inProgress = 0;
    for (const r of records()) {
      if (!r.claEpisodes.some((e) => isOpen(e.startDate, e.ceasedDate, on))) continue;
      lookedAfter++;
      const u = (r as { uasc?: Uasc | null }).uasc;
      if (!u || !isOpen(u.arrivalDate, u.uascCeasedDate, on)) continue;
      unaccompanied++;
      const a = u.ageAssessment;
      if (a?.completedDate && a.completedDate <= on) assessed++;
      else if (a && a.requestedDate <= on) inProgress++;
    }
    expect(unaccompanied).toBeGreaterThan(0);
    expect(got).toEqual({
      countedOn: on,
      lookedAfter,
      unaccompanied,
      unaccompaniedPercent: pct(unaccompanied, lookedAfter),
      ageAssessed: assessed,
      ageAssessmentInProgress: inProgress,
    });
  });

  it('counts CIN plans and reviews on time, for the county and for one team through the team filter', async () => {
    const from = '2025-11-01';
    const to = asOf;
    const teams = h.sims.county.lcs.teams.ids().map((id) => h.sims.county.lcs.teams.get(id)!);
    const team = teams.find((t) => t.service === 'Assessment')!;
    const query = `query($from: Date!, $to: Date!, $teamId: ID) { performance(from: $from, to: $to, teamId: $teamId) {
      childInNeedPlans { countedOn open started ended reviewsOverdue reviews { completed onTime late completedOnTimePercent } } } }`;
    for (const teamId of [null, team.teamId]) {
      const { body } = await h.query(analyst, query, { from, to, teamId });
      expect(body.errors).toBeUndefined();
      const got = body.data.performance.childInNeedPlans;
      const open = new Set<string>();
      let started = 0;
      let ended = 0;
      let onTime = 0;
      let late = 0;
      let overdue = 0;
      for (const r of records()) {
        const held = r.involvements.filter((i) => i.teamId === teamId);
        for (const p of r.cinPlans) {
          if (p.startDate > asOf) continue;
          // Held by the team at some point during the plan (a plan runs from its start up to its end).
          const ours =
            teamId === null ||
            held.some(
              (i) =>
                (p.endDate === null || i.startDate < p.endDate || i.startDate === p.startDate) &&
                (i.endDate === null || i.endDate > p.startDate),
            );
          if (!ours) continue;
          if (isOpen(p.startDate, p.endDate, asOf)) open.add(p.personId);
          if (p.startDate >= from && p.startDate <= to) started++;
          if (p.endDate !== null && p.endDate >= from && p.endDate <= to) ended++;
          for (const review of (p as { reviews?: { dueDate: string; reviewDate: string | null }[] })
            .reviews ?? []) {
            if (review.reviewDate !== null && review.reviewDate >= from && review.reviewDate <= to) {
              if (review.reviewDate <= review.dueDate) onTime++;
              else late++;
            } else if (review.reviewDate === null && p.endDate === null && review.dueDate < asOf) overdue++;
          }
        }
      }
      expect(got).toEqual({
        countedOn: asOf,
        open: open.size,
        started,
        ended,
        reviewsOverdue: overdue,
        reviews: {
          completed: onTime + late,
          onTime,
          late,
          completedOnTimePercent: pct(onTime, onTime + late),
        },
      });
      expect(onTime + late).toBeGreaterThan(0);
    }
  });

  it('shows a care leaver’s pathway plan and personal adviser in their social care record', async () => {
    const leaverRecord = records().find(
      (r) => (r as { careLeaver?: CareLeaver | null }).careLeaver?.pathwayPlan,
    )!;
    const plan = (leaverRecord as { careLeaver: CareLeaver }).careLeaver.pathwayPlan!;
    const adviser = await h.token({
      userId: 'pa',
      roles: ['SOCIAL_WORKER'],
      workerId: plan.personalAdviserWorkerId ?? undefined,
    });
    const { body } = await h.query(
      adviser,
      `query($id: ID!) { child(id: $id, breakGlass: { reasonCode: OUT_OF_HOURS_DUTY, justification: "Care leaver in crisis, PA covering" }) {
        socialCare { pathwayPlan { id startDate personalAdviser { id } } } } }`,
      { id: `lcs:${leaverRecord.personId}` },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.child.socialCare.pathwayPlan).toEqual({
      id: plan.pathwayPlanId,
      startDate: plan.startDate,
      personalAdviser: plan.personalAdviserWorkerId ? { id: plan.personalAdviserWorkerId } : null,
    });
  });
});
