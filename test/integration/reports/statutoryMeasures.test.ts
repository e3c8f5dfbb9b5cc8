/**
 * The statutory measures, overdue lists and monthly series against an independent count over a
 * county the code was not tuned on (seed "measures-b"), through real HTTP. Everything expected
 * here is computed from the simulators' own records with this file's own calendar: its own bank
 * holidays, its own working-day counting and its own month arithmetic, never the hub's helpers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReportHarness, type ReportHarness } from './harness.ts';

// ---- an independent England and Wales working-day calendar -------------------------------------

const DAY_MS = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekdayOf = (day: number) => new Date(day * DAY_MS).getUTCDay(); // 0 Sunday ... 6 Saturday

function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

const holidayCache = new Map<number, Set<number>>();
function holidaysOf(year: number): Set<number> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const at = (month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;
  const firstMonday = (month: number) => {
    let day = at(month, 1);
    while (weekdayOf(day) !== 1) day++;
    return day;
  };
  const lastMonday = (month: number) => {
    let day = at(month + 1, 1) - 1;
    while (weekdayOf(day) !== 1) day--;
    return day;
  };
  const days = new Set<number>();
  let newYear = at(1, 1);
  while (weekdayOf(newYear) === 0 || weekdayOf(newYear) === 6) newYear++;
  days.add(newYear);
  days.add(easterSunday(year) - 2);
  days.add(easterSunday(year) + 1);
  days.add(year === 2020 ? at(5, 8) : firstMonday(5));
  days.add(year === 2012 ? at(6, 4) : year === 2022 ? at(6, 2) : lastMonday(5));
  days.add(lastMonday(8));
  // Christmas and Boxing Day: a weekend one moves to the next weekday not already taken.
  for (const day of [at(12, 25), at(12, 26)]) {
    let moved = day;
    while (weekdayOf(moved) === 0 || weekdayOf(moved) === 6 || days.has(moved)) moved++;
    days.add(moved);
  }
  const oneOffs: Record<number, [number, number][]> = {
    2011: [[4, 29]],
    2012: [[6, 5]],
    2022: [
      [6, 3],
      [9, 19],
    ],
    2023: [[5, 8]],
  };
  for (const [month, day] of oneOffs[year] ?? []) days.add(at(month, day));
  holidayCache.set(year, days);
  return days;
}

const isWorking = (day: number) =>
  weekdayOf(day) !== 0 &&
  weekdayOf(day) !== 6 &&
  !holidaysOf(new Date(day * DAY_MS).getUTCFullYear()).has(day);

/** The nth working day after `date` (the day itself never counted). */
function plusWorkingDays(date: string, n: number): string {
  let day = dayOf(date);
  for (let left = n; left > 0;) if (isWorking(++day)) left--;
  return dateOf(day);
}

/** Working days d with from < d <= to. */
function workingDaysAfter(from: string, to: string): number {
  let count = 0;
  for (let day = dayOf(from) + 1; day <= dayOf(to); day++) if (isWorking(day)) count++;
  return count;
}

const plusDays = (date: string, n: number) => dateOf(dayOf(date) + n);

function plusMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const monthEnd = (month: string) => plusDays(plusMonths(`${month}-01`, 1), -1);
const isOpen = (start: string, end: string | null, on: string) => start <= on && (end === null || end > on);
const inside = (date: string | null, from: string, to: string): date is string =>
  date !== null && date >= from && date <= to;

// ---- the harness ---------------------------------------------------------------------------------

let h: ReportHarness;
let asOf: string;
let analyst: string;
/** A social care record as the county holds it. */
type CountyRecord = NonNullable<ReturnType<ReportHarness['sims']['county']['lcs']['socialCare']['get']>>;
const records = (): CountyRecord[] =>
  h.sims.county.lcs.socialCare.ids().map((id) => h.sims.county.lcs.socialCare.get(id)!);

beforeAll(async () => {
  h = await startReportHarness({ seed: 'measures-b' });
  asOf = h.today;
  analyst = await h.token({ userId: 'analyst', roles: ['TEAM_MANAGER'] });
}, 90_000);

afterAll(async () => {
  await h?.close();
});

const percent = (onTime: number, completed: number) =>
  completed === 0 ? null : Math.round((onTime / completed) * 1000) / 10;

describe('headline timeliness counts what was completed in the period, as the returns do', () => {
  const completion = 'completed onTime late excluded completedOnTimePercent';

  it('assessments authorised, ICPCs held and EHC plans issued in a year, judged at an explicit asOf', async () => {
    const judged = plusMonths(asOf, -2); // an explicit asOf before the period ends
    const from = plusDays(plusMonths(asOf, -14), 1);
    const to = asOf;
    const { body } = await h.query(
      analyst,
      `query($from: Date!, $to: Date!, $asOf: Date) { performance(from: $from, to: $to, asOf: $asOf) { asOf
        assessments { ${completion} } assessmentsFromReferral { ${completion} }
        initialChildProtectionConferences { ${completion} } ehcpFinalPlans { ${completion} } } }`,
      { from, to, asOf: judged },
    );
    expect(body.errors).toBeUndefined();
    const report = body.data.performance;
    expect(report.asOf).toBe(judged);
    const last = judged;

    const tally = () => ({ completed: 0, onTime: 0, late: 0, excluded: 0 });
    const count = (t: ReturnType<typeof tally>, onTime: boolean) => {
      t.completed++;
      t[onTime ? 'onTime' : 'late']++;
    };
    const assessments = tally();
    const fromReferral = tally();
    const icpcs = tally();
    for (const r of records()) {
      const referralDates = new Map(r.referrals.map((x) => [x.referralId, x.referralDate]));
      for (const a of r.assessments) {
        if (!inside(a.authorisationDate, from, last)) continue;
        count(assessments, a.authorisationDate <= plusWorkingDays(a.startDate, 45));
        const referred = referralDates.get(a.referralId);
        if (referred === undefined) fromReferral.excluded++;
        else count(fromReferral, a.authorisationDate <= plusWorkingDays(referred, 45));
      }
      for (const s of r.s47Enquiries) {
        if (!s.icpc || !inside(s.icpc.conferenceDate, from, last)) continue;
        if (s.icpc.transferIn) icpcs.excluded++;
        else count(icpcs, s.icpc.conferenceDate <= plusWorkingDays(s.strategyDiscussionDate, 15));
      }
    }
    const ehcps = tally();
    for (const pupilId of h.sims.county.eyes.records.ids()) {
      for (const r of h.sims.county.eyes.records.get(pupilId)!.ehcpRequests) {
        const issued = r.plan?.startDate ?? null;
        if (!inside(issued, from, last)) continue;
        if (r.twentyWeekException) ehcps.excluded++;
        else count(ehcps, issued <= plusDays(r.requestDate, 140));
      }
    }
    const withPercent = (t: ReturnType<typeof tally>) => ({
      ...t,
      completedOnTimePercent: percent(t.onTime, t.completed),
    });
    expect(assessments.completed).toBeGreaterThan(0);
    expect(icpcs.completed).toBeGreaterThan(0);
    expect(ehcps.completed).toBeGreaterThan(0);
    expect(report.assessments).toEqual(withPercent(assessments));
    expect(report.assessmentsFromReferral).toEqual(withPercent(fromReferral));
    expect(report.initialChildProtectionConferences).toEqual(withPercent(icpcs));
    expect(report.ehcpFinalPlans).toEqual(withPercent(ehcps));
  });

  it('keeps the started-in-period view apart, with lateness in working days', async () => {
    const from = plusDays(plusMonths(asOf, -12), 1);
    const { body } = await h.query(
      analyst,
      `query($from: Date!, $to: Date!) { performance(from: $from, to: $to) {
        assessmentsStartedInPeriod { started onTime late due overdue } } }`,
      { from, to: asOf },
    );
    expect(body.errors).toBeUndefined();
    const expected = { started: 0, onTime: 0, late: 0, due: 0, overdue: 0 };
    for (const r of records()) {
      for (const a of r.assessments) {
        if (!inside(a.startDate, from, asOf)) continue;
        expected.started++;
        const due = plusWorkingDays(a.startDate, 45);
        if (a.authorisationDate !== null && a.authorisationDate <= asOf)
          expected[a.authorisationDate <= due ? 'onTime' : 'late']++;
        else expected[asOf <= due ? 'due' : 'overdue']++;
      }
    }
    expect(body.data.performance.assessmentsStartedInPeriod).toEqual(expected);
  });
});

describe('monthly series and counts on a date', () => {
  it('children on CP plans and looked after on each month’s last day, contacts, and assessments completed and on time', async () => {
    const from = plusDays(plusMonths(asOf, -12), 1);
    const { body } = await h.query(
      analyst,
      `query($from: Date!, $to: Date!) { performance(from: $from, to: $to) { monthly {
        month countedOn onChildProtectionPlans lookedAfter contacts assessmentsCompleted assessmentsCompletedOnTime } } }`,
      { from, to: asOf },
    );
    expect(body.errors).toBeUndefined();
    const months: string[] = [];
    for (let m = from.slice(0, 7); m <= asOf.slice(0, 7); m = plusMonths(`${m}-01`, 1).slice(0, 7))
      months.push(m);
    const expected = months.map((month) => {
      const on = monthEnd(month) < asOf ? monthEnd(month) : asOf;
      const first = month === from.slice(0, 7) ? from : `${month}-01`;
      const cp = new Set<string>();
      const cla = new Set<string>();
      let completed = 0;
      let onTime = 0;
      for (const r of records()) {
        if (r.cpPlans.some((p) => isOpen(p.startDate, p.endDate, on))) cp.add(r.personId);
        if (r.claEpisodes.some((e) => isOpen(e.startDate, e.ceasedDate, on))) cla.add(r.personId);
        for (const a of r.assessments) {
          if (!inside(a.authorisationDate, first, on)) continue;
          completed++;
          if (a.authorisationDate <= plusWorkingDays(a.startDate, 45)) onTime++;
        }
      }
      let contacts = 0;
      for (const id of h.sims.county.frontdoor.contacts.ids()) {
        const date = h.sims.county.frontdoor.contacts.get(id)!.contactDate;
        if (inside(date, first, on)) contacts++;
      }
      return {
        month,
        countedOn: on,
        onChildProtectionPlans: cp.size,
        lookedAfter: cla.size,
        contacts,
        assessmentsCompleted: completed,
        assessmentsCompletedOnTime: onTime,
      };
    });
    expect(body.data.performance.monthly).toEqual(expected);
  });

  it('does not count a plan or episode on the day it ended', async () => {
    // The busiest day plans ended on, so the edge is certainly exercised.
    const endings = new Map<string, number>();
    for (const r of records())
      for (const p of r.cpPlans) if (p.endDate) endings.set(p.endDate, (endings.get(p.endDate) ?? 0) + 1);
    const [date] = [...endings].sort((a, b) => b[1] - a[1])[0]!;
    const { body } = await h.query(
      analyst,
      `query($at: Date) { performance(from: "2026-01-01", to: "2026-01-31") { childrenAt(date: $at) { onChildProtectionPlans lookedAfter } } }`,
      { at: date },
    );
    expect(body.errors).toBeUndefined();
    const cp = new Set<string>();
    const cla = new Set<string>();
    for (const r of records()) {
      if (r.cpPlans.some((p) => isOpen(p.startDate, p.endDate, date))) cp.add(r.personId);
      if (r.claEpisodes.some((e) => isOpen(e.startDate, e.ceasedDate, date))) cla.add(r.personId);
    }
    expect(body.data.performance.childrenAt).toEqual({
      onChildProtectionPlans: cp.size,
      lookedAfter: cla.size,
    });
  });

  it('child protection plans by category, second or subsequent, and two years or more', async () => {
    const from = plusDays(plusMonths(asOf, -12), 1);
    const { body } = await h.query(
      analyst,
      `query($from: Date!, $to: Date!) { performance(from: $from, to: $to) { childProtection {
        started startedByInitialCategory { category plans } openByLatestCategory { category plans }
        secondOrSubsequent ended endedAfterTwoYearsOrMore open openTwoYearsOrMore
        reviews { completed onTime late } } } }`,
      { from, to: asOf },
    );
    expect(body.errors).toBeUndefined();
    const e = { started: 0, second: 0, ended: 0, endedLong: 0, open: 0, openLong: 0 };
    const reviews = { completed: 0, onTime: 0, late: 0 };
    const initial: Record<string, number> = {};
    const latest: Record<string, number> = {};
    for (const r of records()) {
      const starts = r.cpPlans.map((p) => p.startDate).sort();
      for (const p of r.cpPlans) {
        // Reviews: the first within 3 months of the plan, each next within 6 months of the last held.
        const last = p.endDate !== null && p.endDate <= asOf ? p.endDate : asOf;
        const held = [...new Set(p.reviews.flatMap((x) => (x.reviewDate ? [x.reviewDate] : [])))]
          .filter((d) => d >= p.startDate && d <= last)
          .sort();
        held.forEach((day, i) => {
          const due = i === 0 ? plusMonths(p.startDate, 3) : plusMonths(held[i - 1]!, 6);
          if (!inside(day, from, asOf)) return;
          reviews.completed++;
          reviews[day <= due ? 'onTime' : 'late']++;
        });
        if (inside(p.startDate, from, asOf)) {
          e.started++;
          initial[p.initialCategory] = (initial[p.initialCategory] ?? 0) + 1;
          if (starts[0]! < p.startDate) e.second++;
        }
        if (inside(p.endDate, from, asOf)) {
          e.ended++;
          if (p.endDate >= plusMonths(p.startDate, 24)) e.endedLong++;
        }
        if (isOpen(p.startDate, p.endDate, asOf)) {
          e.open++;
          latest[p.latestCategory] = (latest[p.latestCategory] ?? 0) + 1;
          if (asOf >= plusMonths(p.startDate, 24)) e.openLong++;
        }
      }
    }
    const cp = body.data.performance.childProtection;
    expect(e.started).toBeGreaterThan(0);
    expect(cp).toMatchObject({
      started: e.started,
      secondOrSubsequent: e.second,
      ended: e.ended,
      endedAfterTwoYearsOrMore: e.endedLong,
      open: e.open,
      openTwoYearsOrMore: e.openLong,
      reviews,
    });
    expect(reviews.completed).toBeGreaterThan(0);
    const asRecord = (list: { category: string; plans: number }[]) =>
      Object.fromEntries(list.map((c) => [c.category, c.plans]));
    expect(asRecord(cp.startedByInitialCategory)).toEqual(initial);
    expect(asRecord(cp.openByLatestCategory)).toEqual(latest);
  });
});

describe('the front door', () => {
  it('routes, RAG, decisions within one working day, conversion and repeat contacts', async () => {
    const from = plusDays(plusMonths(asOf, -12), 1);
    const { body } = await h.query(
      analyst,
      `query($from: Date!, $to: Date!) { performance(from: $from, to: $to) { frontDoor {
        contacts byRoute { code count } byRag { code count } decided decidedWithinOneWorkingDay
        decidedWithinOneWorkingDayPercent undecidedOverdue socialCareReferrals conversionPercent
        repeatContacts repeatContactsPercent } } }`,
      { from, to: asOf },
    );
    expect(body.errors).toBeUndefined();
    const londonDate = (instant: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London' })
        .format(new Date(instant))
        .split('/')
        .reverse()
        .join('-');
    const e = { contacts: 0, decided: 0, onTime: 0, overdue: 0, referrals: 0 };
    const route: Record<string, number> = {};
    const rag: Record<string, number> = {};
    const days = new Map<string, Set<string>>(); // child -> contact days, the 12 months before included
    for (const id of h.sims.county.frontdoor.contacts.ids()) {
      const c = h.sims.county.frontdoor.contacts.get(id)!;
      if (c.contactDate <= asOf && c.contactDate >= plusMonths(from, -12)) {
        const child = h.hub.directory.resolve(`frontdoor:${id}`)?.hubId;
        if (child) days.set(child, (days.get(child) ?? new Set()).add(c.contactDate));
      }
      if (!inside(c.contactDate, from, asOf)) continue;
      e.contacts++;
      route[c.route] = (route[c.route] ?? 0) + 1;
      const decided = c.decidedAt === null ? null : londonDate(c.decidedAt);
      const due = plusWorkingDays(c.contactDate, 1);
      if (decided !== null && decided <= asOf) {
        e.decided++;
        rag[c.rag!] = (rag[c.rag!] ?? 0) + 1;
        if (decided <= due) e.onTime++;
        if (c.decision === 'SOCIAL_CARE_REFERRAL') e.referrals++;
      } else {
        rag['UNTRIAGED'] = (rag['UNTRIAGED'] ?? 0) + 1;
        if (asOf > due) e.overdue++;
      }
    }
    let contactDays = 0;
    let repeats = 0;
    for (const set of days.values()) {
      const sorted = [...set].sort();
      sorted.forEach((day, i) => {
        if (!inside(day, from, asOf)) return;
        contactDays++;
        if (i > 0 && sorted[i - 1]! >= plusMonths(day, -12)) repeats++;
      });
    }
    const fd = body.data.performance.frontDoor;
    const asRecord = (list: { code: string; count: number }[]) =>
      Object.fromEntries(list.map((x) => [x.code, x.count]));
    expect(e.contacts).toBeGreaterThan(0);
    expect(asRecord(fd.byRoute)).toEqual(route);
    expect(asRecord(fd.byRag)).toEqual(rag);
    expect(fd).toMatchObject({
      contacts: e.contacts,
      decided: e.decided,
      decidedWithinOneWorkingDay: e.onTime,
      decidedWithinOneWorkingDayPercent: percent(e.onTime, e.decided),
      undecidedOverdue: e.overdue,
      socialCareReferrals: e.referrals,
      conversionPercent: percent(e.referrals, e.decided),
      repeatContacts: repeats,
      repeatContactsPercent: percent(repeats, contactDays),
    });
  });
});

describe('placement stability', () => {
  it('three or more placements in the year, long-term stability of under-16s and placements over 20 miles', async () => {
    const from = plusDays(plusMonths(asOf, -12), 1);
    const { body } = await h.query(
      analyst,
      `query($from: Date!, $to: Date!) { performance(from: $from, to: $to) { placementStability {
        countedOn lookedAfter threeOrMorePlacements longTermCohort samePlacementTwoYearsOrMore placedOver20Miles } } }`,
      { from, to: asOf },
    );
    expect(body.errors).toBeUndefined();
    const e = { lookedAfter: 0, three: 0, cohort: 0, same: 0, far: 0 };
    for (const r of records()) {
      const open = r.claEpisodes.filter((x) => isOpen(x.startDate, x.ceasedDate, asOf));
      if (open.length === 0) continue;
      e.lookedAfter++;
      const entered = open.map((x) => x.enteredCareDate).sort()[0]!;
      const during = r.placements.filter(
        (p) => p.startDate <= asOf && (p.endDate === null || p.endDate > from),
      );
      if (during.length >= 3) e.three++;
      const current = r.placements
        .filter((p) => isOpen(p.startDate, p.endDate, asOf))
        .sort((a, b) => a.startDate.localeCompare(b.startDate))
        .at(-1);
      if (current && (current.distanceFromHomeMiles ?? 0) > 20) e.far++;
      const born = h.sims.county.lcs.people.get(r.personId)?.dateOfBirth ?? null;
      if (born === null || asOf >= plusMonths(born, 192) || asOf < plusMonths(entered, 30)) continue;
      e.cohort++;
      if (current && asOf >= plusMonths(current.startDate, 24)) e.same++;
    }
    expect(e.lookedAfter).toBeGreaterThan(0);
    expect(body.data.performance.placementStability).toEqual({
      countedOn: asOf,
      lookedAfter: e.lookedAfter,
      threeOrMorePlacements: e.three,
      longTermCohort: e.cohort,
      samePlacementTwoYearsOrMore: e.same,
      placedOver20Miles: e.far,
    });
  });
});

describe('a performance report for one service', () => {
  it('narrows assessments by their team and CP and looked-after counts by the team holding the case, month by month', async () => {
    // The tiny county has one social work team and one early help team: narrow to the early help service,
    // so the narrowed figures differ from the county's.
    const service = 'Early Help';
    const teams = new Set(
      h.sims.county.lcs.teams
        .ids()
        .map((id) => h.sims.county.lcs.teams.get(id)!)
        .filter((t) => t.service === service)
        .map((t) => t.teamId),
    );
    expect(teams.size).toBeGreaterThan(0);
    const from = plusDays(plusMonths(asOf, -12), 1);
    const { body } = await h.query(
      analyst,
      `query($from: Date!, $to: Date!, $service: String) { performance(from: $from, to: $to, service: $service) {
        assessments { completed onTime }
        monthly { month onChildProtectionPlans lookedAfter contacts assessmentsCompleted assessmentsCompletedOnTime } } }`,
      { from, to: asOf, service },
    );
    expect(body.errors).toBeUndefined();
    const held = (r: CountyRecord, on: string) =>
      r.involvements.some((i) => teams.has(i.teamId) && isOpen(i.startDate, i.endDate, on));
    let completed = 0;
    let onTime = 0;
    for (const r of records())
      for (const a of r.assessments) {
        if (!a.teamId || !teams.has(a.teamId) || !inside(a.authorisationDate, from, asOf)) continue;
        completed++;
        if (a.authorisationDate <= plusWorkingDays(a.startDate, 45)) onTime++;
      }
    expect(body.data.performance.assessments).toEqual({ completed, onTime });
    const allContacts = await h.query(
      analyst,
      `query($from: Date!, $to: Date!) { performance(from: $from, to: $to) { monthly { contacts } } }`,
      { from, to: asOf },
    );
    for (const [index, month] of (
      body.data.performance.monthly as {
        month: string;
        onChildProtectionPlans: number;
        lookedAfter: number;
        contacts: number;
      }[]
    ).entries()) {
      const on = monthEnd(month.month) < asOf ? monthEnd(month.month) : asOf;
      let cp = 0;
      let cla = 0;
      for (const r of records()) {
        if (!held(r, on)) continue;
        if (r.cpPlans.some((p) => isOpen(p.startDate, p.endDate, on))) cp++;
        if (r.claEpisodes.some((e) => isOpen(e.startDate, e.ceasedDate, on))) cla++;
      }
      expect([month.month, month.onChildProtectionPlans, month.lookedAfter]).toEqual([month.month, cp, cla]);
      // Contacts come before allocation: the county's, unfiltered.
      expect(month.contacts).toBe(allContacts.body.data.performance.monthly[index].contacts);
    }
    const unknown = await h.query(
      analyst,
      `{ performance(from: "2026-01-01", to: "2026-01-31", service: "No such service") { assessments { completed } } }`,
    );
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('a team manager gets from a count to the children behind it', () => {
  interface Item {
    item: string;
    dueDate: string;
    workingDaysLate: number;
  }

  /** Everything overdue for one child at `on`, computed plainly from the record. */
  function overdueOf(r: CountyRecord, on: string): Item[] {
    const items: Item[] = [];
    const late = (item: string, due: string) => {
      if (on > due) items.push({ item, dueDate: due, workingDaysLate: workingDaysAfter(due, on) });
    };
    const lastHeld = (dates: string[], since: string) =>
      [...new Set(dates.filter((d) => d >= since && d <= on))].sort();
    const seen = (kind: string) => r.visits.filter((v) => v.kind === kind && v.seen).map((v) => v.visitDate);
    for (const p of r.cpPlans.filter((x) => isOpen(x.startDate, x.endDate, on))) {
      const visits = lastHeld(seen('CP'), p.startDate);
      late('CP_VISIT', plusWorkingDays(visits.at(-1) ?? p.startDate, 10));
      const reviews = lastHeld(
        p.reviews.flatMap((x) => (x.reviewDate ? [x.reviewDate] : [])),
        p.startDate,
      );
      late('CP_REVIEW', reviews.length === 0 ? plusMonths(p.startDate, 3) : plusMonths(reviews.at(-1)!, 6));
    }
    for (const p of r.cinPlans.filter((x) => isOpen(x.startDate, x.endDate, on))) {
      const visits = lastHeld(seen('CIN'), p.startDate);
      late('CIN_VISIT', plusWorkingDays(visits.at(-1) ?? p.startDate, 20));
    }
    for (const p of r.placements.filter((x) => isOpen(x.startDate, x.endDate, on))) {
      const visits = lastHeld(seen('CLA'), p.startDate);
      late('CLA_VISIT', visits.length === 0 ? plusDays(p.startDate, 7) : plusDays(visits.at(-1)!, 42));
    }
    for (const e of r.claEpisodes.filter((x) => isOpen(x.startDate, x.ceasedDate, on))) {
      const reviews = lastHeld(
        r.claReviews.flatMap((x) => (x.reviewDate ? [x.reviewDate] : [])),
        e.enteredCareDate,
      );
      const previous = reviews.at(-1) ?? e.enteredCareDate;
      late(
        'CLA_REVIEW',
        reviews.length === 0
          ? plusWorkingDays(previous, 20)
          : plusMonths(previous, reviews.length === 1 ? 3 : 6),
      );
    }
    for (const a of r.assessments) {
      if (a.startDate <= on && (a.authorisationDate === null || a.authorisationDate > on))
        late('ASSESSMENT', plusWorkingDays(a.startDate, 45));
    }
    for (const s of r.s47Enquiries) {
      if (
        s.icpc &&
        s.strategyDiscussionDate <= on &&
        (s.icpc.conferenceDate === null || s.icpc.conferenceDate > on)
      )
        late('ICPC', plusWorkingDays(s.strategyDiscussionDate, 15));
    }
    return items.sort(
      (a, b) =>
        b.workingDaysLate - a.workingDaysLate ||
        a.dueDate.localeCompare(b.dueDate) ||
        ORDER.indexOf(a.item) - ORDER.indexOf(b.item),
    );
  }
  const ORDER = ['CP_VISIT', 'CIN_VISIT', 'CLA_VISIT', 'CP_REVIEW', 'CLA_REVIEW', 'ASSESSMENT', 'ICPC'];

  /** The busiest team and its open, visible children at `on`. */
  function busiestTeam(on: string) {
    const byTeam = new Map<string, Map<string, Set<string>>>();
    for (const r of records()) {
      for (const i of r.involvements) {
        if (!isOpen(i.startDate, i.endDate, on)) continue;
        const restriction = h.sims.county.lcs.people.get(i.personId)?.restriction;
        if (restriction && !restriction.allowedRoles.includes('TEAM_MANAGER')) continue;
        const team = byTeam.get(i.teamId) ?? new Map<string, Set<string>>();
        team.set(i.personId, (team.get(i.personId) ?? new Set()).add(i.workerId));
        byTeam.set(i.teamId, team);
      }
    }
    return [...byTeam].sort((a, b) => b[1].size - a[1].size)[0]!;
  }

  it('lists the team’s overdue children in one query, paged, most urgent first, at today and at an earlier asOf', async () => {
    for (const on of [asOf, plusDays(asOf, -45)]) {
      const [teamId, children] = busiestTeam(asOf);
      const manager = await h.token({ userId: 'manager', roles: ['TEAM_MANAGER'], teamId });
      const expected = [...children]
        .flatMap(([personId, workers]) => {
          const r = h.sims.county.lcs.socialCare.get(personId)!;
          if (r.involvements.every((i) => i.teamId !== teamId || !isOpen(i.startDate, i.endDate, on)))
            return [];
          const overdue = overdueOf(r, on);
          return overdue.length === 0
            ? []
            : [
                {
                  childId: h.hub.directory.resolve(`lcs:${personId}`)!.hubId,
                  personId,
                  workers: [...workers].sort(),
                  overdue,
                  mostWorkingDaysLate: overdue[0]!.workingDaysLate,
                },
              ];
        })
        .sort(
          (a, b) =>
            b.mostWorkingDaysLate - a.mostWorkingDaysLate ||
            a.overdue
              .map((o) => o.dueDate)
              .sort()[0]!
              .localeCompare(b.overdue.map((o) => o.dueDate).sort()[0]!) ||
            (a.personId < b.personId ? -1 : 1),
        );
      expect(expected.length).toBeGreaterThan(1);

      const page = async (after: string | null) =>
        h.query(
          manager,
          `query($id: ID!, $after: String, $asOf: Date) { team(id: $id) {
            caseloadSummary(asOf: $asOf) { asOf assessmentsOverdue }
            overdueChildren(first: 1, after: $after, asOf: $asOf) { totalCount pageInfo { hasNextPage endCursor }
              nodes { childId name { surname } workers { id } mostWorkingDaysLate overdue { item dueDate workingDaysLate } } } } }`,
          { id: teamId, after, asOf: on },
        );
      const first = await page(null);
      expect(first.body.errors).toBeUndefined();
      const team = first.body.data.team;
      expect(team.caseloadSummary.asOf).toBe(on);
      expect(team.caseloadSummary.assessmentsOverdue).toBe(
        expected.filter((c) => c.overdue.some((o) => o.item === 'ASSESSMENT')).length,
      );
      expect(team.overdueChildren.totalCount).toBe(expected.length);
      const second = await page(team.overdueChildren.pageInfo.endCursor);
      const nodes = [...team.overdueChildren.nodes, ...second.body.data.team.overdueChildren.nodes];
      expect(
        nodes.map(
          (n: {
            childId: string;
            workers: { id: string }[];
            mostWorkingDaysLate: number;
            overdue: Item[];
          }) => ({
            childId: n.childId,
            workers: n.workers.map((w) => w.id),
            overdue: n.overdue,
            mostWorkingDaysLate: n.mostWorkingDaysLate,
          }),
        ),
      ).toEqual(expected.slice(0, 2).map(({ personId: _, ...rest }) => rest));
      expect(nodes.every((n: { name: { surname: string } | null }) => n.name !== null)).toBe(true);
    }
  });

  it('lists a worker’s own overdue children, for the worker themself', async () => {
    const byWorker = new Map<string, { teamId: string; children: Set<string> }>();
    for (const r of records())
      for (const i of r.involvements) {
        if (!isOpen(i.startDate, i.endDate, asOf)) continue;
        const restriction = h.sims.county.lcs.people.get(i.personId)?.restriction;
        if (
          restriction &&
          !restriction.allowedRoles.includes('SOCIAL_WORKER') &&
          !restriction.allowedUsers.includes('worker')
        )
          continue;
        const entry = byWorker.get(i.workerId) ?? { teamId: i.teamId, children: new Set<string>() };
        entry.children.add(i.personId);
        byWorker.set(i.workerId, entry);
      }
    const [workerId, { teamId, children }] = [...byWorker].sort(
      (a, b) => b[1].children.size - a[1].children.size,
    )[0]!;
    const worker = await h.token({ userId: 'worker', roles: ['SOCIAL_WORKER'], workerId, teamId });
    const expected = [...children]
      .map((personId) => ({
        personId,
        overdue: overdueOf(h.sims.county.lcs.socialCare.get(personId)!, asOf),
      }))
      .filter((c) => c.overdue.length > 0);
    const { body } = await h.query(
      worker,
      `query($id: ID!) { worker(id: $id) { overdueChildren(first: 100) { totalCount nodes { childId overdue { item dueDate workingDaysLate } } } } }`,
      { id: workerId },
    );
    expect(body.errors).toBeUndefined();
    expect(expected.length).toBeGreaterThan(0);
    expect(body.data.worker.overdueChildren.totalCount).toBe(expected.length);
    const byChild = new Map(
      expected.map((c) => [h.hub.directory.resolve(`lcs:${c.personId}`)!.hubId, c.overdue]),
    );
    for (const node of body.data.worker.overdueChildren.nodes)
      expect(node.overdue).toEqual(byChild.get(node.childId));
  });

  it('lists a caseload as it stood on an earlier asOf, and refuses an asOf whose bank holidays are unknown', async () => {
    const [teamId] = busiestTeam(asOf);
    const manager = await h.token({ userId: 'manager', roles: ['TEAM_MANAGER'], teamId });
    const on = plusMonths(asOf, -3);
    const open = records().flatMap((r) =>
      r.involvements.filter(
        (i) =>
          i.teamId === teamId &&
          i.endDate === null &&
          i.startDate <= on &&
          (h.sims.county.lcs.people.get(i.personId)?.restriction?.allowedRoles.includes('TEAM_MANAGER') ??
            true),
      ),
    );
    const { body } = await h.query(
      manager,
      `query($id: ID!, $on: Date) { team(id: $id) { caseload(first: 1, asOf: $on) { totalCount nodes { statutory { asOf } } } } }`,
      { id: teamId, on },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.team.caseload.totalCount).toBe(open.length);
    expect(body.data.team.caseload.nodes[0].statutory.asOf).toBe(on);
    for (const query of [
      `{ performance(from: "2026-01-01", to: "2026-01-31", asOf: "1850-06-01") { asOf } }`,
      `{ performance(from: "1850-01-01", to: "1850-01-31") { asOf } }`,
      `query($id: ID!) { team(id: $id) { caseloadSummary(asOf: "2150-01-01") { children } } }`,
    ]) {
      const refused = await h.query(manager, query, { id: teamId });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('shows the same next-due dates on the caseload entry and in the child’s own view, with lateness in working days', async () => {
    // A child with an assessment completed late or still open past its due date (daysLate is exercised).
    const involvement = records()
      .flatMap((r) => r.involvements)
      .find(
        (i) =>
          isOpen(i.startDate, i.endDate, asOf) &&
          !h.sims.county.lcs.people.get(i.personId)?.restriction &&
          h.sims.county.lcs.socialCare
            .get(i.personId)!
            .assessments.some(
              (a) => (a.authorisationDate ?? asOf) > plusWorkingDays(a.startDate, 45) && a.startDate <= asOf,
            ),
      )!;
    expect(involvement).toBeDefined();
    const { personId, teamId } = involvement;
    const manager = await h.token({ userId: 'manager', roles: ['TEAM_MANAGER'], teamId });
    const r = h.sims.county.lcs.socialCare.get(personId)!;
    const position = `asOf nextVisitDue nextCpReviewDue nextClaReviewDue assessmentDue overdue { item dueDate workingDaysLate }`;
    const { body } = await h.query(
      manager,
      `query($id: ID!, $team: ID!) {
        child(id: $id) { socialCare { statutory { ${position} } assessments(first: 100) { nodes { startDate timeliness { status daysLate } } } } }
        team(id: $team) { caseload(first: 100) { nodes { childId statutory { ${position} } } } } }`,
      { id: `lcs:${personId}`, team: teamId },
    );
    expect(body.errors).toBeUndefined();
    const own = body.data.child.socialCare.statutory;
    const overdue = overdueOf(r, asOf);
    expect(own.overdue).toEqual(overdue);
    const open = r.assessments.filter((a) => a.authorisationDate === null || a.authorisationDate > asOf);
    expect(own.assessmentDue).toBe(open.map((a) => plusWorkingDays(a.startDate, 45)).sort()[0] ?? null);
    const hubId = h.hub.directory.resolve(`lcs:${personId}`)!.hubId;
    const entry = body.data.team.caseload.nodes.find((n: { childId: string }) => n.childId === hubId);
    if (entry) expect(entry.statutory).toEqual(own);
    for (const node of body.data.child.socialCare.assessments.nodes) {
      const a = r.assessments.find((x) => x.startDate === node.startDate)!;
      const due = plusWorkingDays(a.startDate, 45);
      const done = a.authorisationDate !== null && a.authorisationDate <= asOf ? a.authorisationDate : null;
      const expectedLate = done
        ? done > due
          ? workingDaysAfter(due, done)
          : null
        : asOf > due
          ? workingDaysAfter(due, asOf)
          : null;
      expect(node.timeliness.daysLate).toBe(expectedLate);
    }
  });
});

describe('EHCP requests closed without a plan', () => {
  it('are never overdue after their outcome date', async () => {
    const send = await h.token({ userId: 'send', roles: ['SEND_OFFICER'] });
    const pupilId = h.sims.county.eyes.records
      .ids()
      .find((id) =>
        h.sims.county.eyes.records.get(id)!.ehcpRequests.some((r) => r.requestOutcome === 'REFUSED'),
      )!;
    expect(pupilId).toBeDefined();
    const { body } = await h.query(
      send,
      `query($id: ID!) { child(id: $id) { education { ehcpRequests { nodes { requestOutcome decisionTimeliness { status completedDate } planTimeliness { status } } } } } }`,
      { id: `eyes:${pupilId}` },
    );
    expect(body.errors).toBeUndefined();
    const refused = body.data.child.education.ehcpRequests.nodes.filter(
      (n: { requestOutcome: string }) => n.requestOutcome === 'REFUSED',
    );
    expect(refused.length).toBeGreaterThan(0);
    for (const n of refused) {
      expect(n.decisionTimeliness.status).not.toBe('OVERDUE');
      expect(n.decisionTimeliness.completedDate).not.toBeNull();
      expect(n.planTimeliness).toBeNull();
    }
  });
});
