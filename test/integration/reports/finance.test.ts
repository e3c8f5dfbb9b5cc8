/**
 * The finance report and a child's finance view, through the hub over HTTP, against an independent
 * costing (./independentCosting.ts) of the LIFT simulator's own records, read from the simulator
 * over its REST contract. The county is generated from a seed the finance code was never tuned on,
 * and three LIFT records are changed first as LIFT would change them: an agreement that has
 * overrun its planned end, a fixed-term agreement running past 31 March, and a backdated rate change.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReportHarness, type ReportHarness } from './harness.ts';
import {
  dailyPence,
  dayOf,
  isoOf,
  lastDayOf,
  monthlyShares,
  rateOn,
  readAll,
  runsOnAsOf,
  sumDays,
  weeklyRateOn,
  type Agreement,
  type BudgetLine,
  type SendCost,
} from './independentCosting.ts';

let h: ReportHarness;
let asOf: string;
let finance: string;
let lift: string;
let agreements: Agreement[];
let budgetLines: BudgetLine[];
let yearStart: string;
let yearEnd: string;
let overrun: Agreement;
let fixedTerm: Agreement;
let backdated: Agreement;

const patchAgreement = async (id: string, patch: Record<string, unknown>) => {
  const response = await fetch(new URL(`/__sim/records/agreements/${id}`, lift), {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Agreement;
};

const costs = new Map<string, Map<number, number>>();
/** The agreement's pence per day up to the end of the year after this one (enough for every figure). */
const daily = (a: Agreement) => {
  let c = costs.get(a.agreementId);
  if (!c) costs.set(a.agreementId, (c = dailyPence(a, asOf, isoOf(dayOf(yearEnd) + 366))));
  return c;
};
const spentThisYear = (a: Agreement) => sumDays(daily(a), yearStart, asOf);
const committed = (a: Agreement) => sumDays(daily(a), isoOf(dayOf(asOf) + 1), yearEnd);
const byKey = <T>(rows: T[], key: (row: T) => string) => new Map(rows.map((row) => [key(row), row]));

const childQuery = `query($id: ID!) { child(id: $id) { finance {
  committed projectedToYearEnd costThisFinancialYear
  summary { committed projectedToYearEnd forecastYear }
  agreements(first: 50) { nodes { id committed projectedToYearEnd projectedToPlannedEnd costToDate
    currentRate { effectiveFrom amount unit recordedAt } } } } } }`;

type ChildFinance = {
  committed: number;
  projectedToYearEnd: number;
  costThisFinancialYear: number;
  summary: { committed: number; projectedToYearEnd: number; forecastYear: number };
  agreements: {
    nodes: {
      id: string;
      committed: number;
      projectedToYearEnd: number;
      projectedToPlannedEnd: number | null;
      costToDate: number;
      currentRate: { effectiveFrom: string; amount: number; unit: string; recordedAt: string } | null;
    }[];
  };
};

const childFinance = async (personId: string): Promise<ChildFinance> => {
  const { body } = await h.query(finance, childQuery, { id: `lcs:${personId}` });
  expect(body.errors).toBeUndefined();
  return body.data.child.finance as ChildFinance;
};

beforeAll(async () => {
  h = await startReportHarness({ seed: 'lift-independent-costing-1', scale: 'demo' });
  asOf = h.today;
  lift = h.sims.urls.lift!;
  finance = await h.token({ userId: 'finance', roles: ['FINANCE'] });
  const year = Number(asOf.slice(0, 4)) - (Number(asOf.slice(5, 7)) >= 4 ? 0 : 1);
  yearStart = `${year}-04-01`;
  yearEnd = `${year + 1}-03-31`;

  // Change three ACTIVE weekly agreements as LIFT would, before the hub reads anything.
  const active = (await readAll<Agreement>(lift, '/agreements')).filter(
    (a) => a.status === 'ACTIVE' && a.endDate === null && a.startDate < isoOf(dayOf(asOf) - 200),
  );
  expect(active.length).toBeGreaterThanOrEqual(3);
  const [first, second, third] = active;
  overrun = await patchAgreement(first!.agreementId, { plannedEndDate: isoOf(dayOf(asOf) - 30) });
  fixedTerm = await patchAgreement(second!.agreementId, { plannedEndDate: isoOf(dayOf(yearEnd) + 90) });
  const base = third!.rates[0]!;
  // A rise keyed early for a later date, then a backdated change keyed last, from an earlier date:
  // the backdated rate wins from its date on, over the later-dated rise too.
  backdated = await patchAgreement(third!.agreementId, {
    rates: [
      base,
      {
        effectiveFrom: isoOf(dayOf(asOf) - 40),
        amountPence: base.amountPence + 9_100,
        unit: base.unit,
        recordedAt: isoOf(dayOf(asOf) - 60),
      },
      {
        effectiveFrom: isoOf(dayOf(asOf) - 90),
        amountPence: base.amountPence + 4_200,
        unit: base.unit,
        recordedAt: isoOf(dayOf(asOf) - 5),
      },
    ],
  });

  agreements = await readAll<Agreement>(lift, '/agreements');
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('defects: overrun, one meaning of committed, one rate rule', () => {
  it('runs an ACTIVE agreement past its planned end on at its current rate to 31 March', async () => {
    const view = await childFinance(overrun.lcsPersonId);
    const node = view.agreements.nodes.find((n) => n.id === overrun.agreementId)!;
    const expected = committed(overrun);
    expect(expected).toBeGreaterThan(0);
    expect(node.committed).toBe(expected);
    expect(node.projectedToYearEnd).toBe(expected);
    expect(node.projectedToPlannedEnd).toBeNull();
    expect(node.costToDate).toBe(sumDays(daily(overrun), overrun.startDate, asOf));
  });

  it('gives a child one committed figure everywhere: tomorrow to 31 March', async () => {
    const view = await childFinance(fixedTerm.lcsPersonId);
    const mine = agreements.filter(
      (a) => a.lcsPersonId === fixedTerm.lcsPersonId && a.status !== 'CANCELLED',
    );
    const expected = mine.reduce((total, a) => total + committed(a), 0);
    expect(view.committed).toBe(expected);
    expect(view.summary.committed).toBe(expected);
    expect(view.agreements.nodes.reduce((total, n) => total + n.committed, 0)).toBe(expected);
    const node = view.agreements.nodes.find((n) => n.id === fixedTerm.agreementId)!;
    // Beyond 31 March is projectedToPlannedEnd's, never committed's.
    expect(node.projectedToPlannedEnd).toBe(
      sumDays(daily(fixedTerm), isoOf(dayOf(asOf) + 1), fixedTerm.plannedEndDate!),
    );
    expect(node.projectedToPlannedEnd!).toBeGreaterThan(node.committed);
  });

  it('shows as the current rate the rate the costs are computed at, after a backdated change', async () => {
    const view = await childFinance(backdated.lcsPersonId);
    const node = view.agreements.nodes.find((n) => n.id === backdated.agreementId)!;
    const inForce = rateOn(backdated.rates, dayOf(asOf))!;
    expect(inForce.amountPence).toBe(backdated.rates[0]!.amountPence + 4_200);
    expect(node.currentRate).toEqual({
      effectiveFrom: inForce.effectiveFrom,
      amount: inForce.amountPence,
      unit: inForce.unit,
      recordedAt: inForce.recordedAt,
    });
    expect(node.costToDate).toBe(sumDays(daily(backdated), backdated.startDate, asOf));
  });
});

describe('the finance report against an independent costing', () => {
  /** Every agreement the report costs: not cancelled, open at some time since last year's 1 April. */
  const inReport = () => {
    const previousYearStart = `${Number(yearStart.slice(0, 4)) - 1}-04-01`;
    return agreements.filter(
      (a) => a.status !== 'CANCELLED' && lastDayOf(a, asOf) >= dayOf(previousYearStart),
    );
  };

  it('totals, months and the count of agreements running on past their planned end', async () => {
    const { body } = await h.query(
      finance,
      `{ financeReport { asOf yearStart yearEnd totals { agreements thisFinancialYear committed projectedToYearEnd
        forecastYear runningOnPastPlannedEnd } byMonth { month spent committed } } }`,
    );
    expect(body.errors).toBeUndefined();
    const report = body.data.financeReport;
    expect([report.asOf, report.yearStart, report.yearEnd]).toEqual([asOf, yearStart, yearEnd]);
    const list = inReport();
    const spent = list.reduce((t, a) => t + spentThisYear(a), 0);
    const comm = list.reduce((t, a) => t + committed(a), 0);
    const runningOn = list.filter(
      (a) =>
        a.status === 'ACTIVE' && a.endDate === null && a.plannedEndDate !== null && a.plannedEndDate < asOf,
    );
    expect(runningOn.length).toBeGreaterThan(1); // the patched one and the county's own (demo scale has some)
    expect(report.totals).toEqual({
      agreements: list.length,
      thisFinancialYear: spent,
      committed: comm,
      projectedToYearEnd: comm,
      forecastYear: spent + comm,
      runningOnPastPlannedEnd: runningOn.length,
    });
    for (const m of report.byMonth as { month: string; spent: number; committed: number }[]) {
      const from = `${m.month}-01`;
      const to = isoOf(dayOf(isoOf(dayOf(from) + 31).slice(0, 7) + '-01') - 1);
      const spentTo = to < asOf ? to : asOf;
      const committedFrom = from > asOf ? from : isoOf(dayOf(asOf) + 1);
      expect(m.spent).toBe(
        list.reduce((t, a) => t + (from <= asOf ? sumDays(daily(a), from, spentTo) : 0), 0),
      );
      expect(m.committed).toBe(
        list.reduce((t, a) => t + (committedFrom <= to ? sumDays(daily(a), committedFrom, to) : 0), 0),
      );
    }
  });

  it('budget, spend to date, forecast and variance by service line, team and month, from LIFT’s budget lines', async () => {
    budgetLines = await readAll<BudgetLine>(lift, '/budget-lines', {
      financialYear: `${yearStart.slice(0, 4)}/${yearEnd.slice(2, 4)}`,
    });
    expect(budgetLines.length).toBeGreaterThan(0);
    expect(budgetLines.some((l) => l.virements.length > 0)).toBe(true);
    const row =
      'key budget spentYearToDate committed forecast variance variancePercent overBudgetMonths budgetExceededIn months { month budget forecast }';
    const { body } = await h.query(
      finance,
      `{ financeReport { budget { totals { ${row} } byServiceLine { ${row} } byTeam { ${row} } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const budget = body.data.financeReport.budget;

    const expected = new Map<
      string,
      { budget: number; spent: number; committed: number; months: Map<string, number> }
    >();
    const rowFor = (key: string) => {
      let r = expected.get(key);
      if (!r) expected.set(key, (r = { budget: 0, spent: 0, committed: 0, months: new Map() }));
      return r;
    };
    const lineBudget = (l: BudgetLine) =>
      l.originalBudgetPence +
      l.virements.filter((v) => v.effectiveDate <= asOf).reduce((t, v) => t + v.amountPence, 0);
    for (const l of budgetLines) rowFor(l.serviceLine).budget += lineBudget(l);
    // SEND costs (LIFT phase two) are charged to budget lines too, by service line and cost centre.
    const send = (await readAll<SendCost>(lift, '/send-costs')).filter((c) => c.status !== 'CANCELLED');
    const charged = [
      ...inReport().map((a) => ({ serviceLine: a.serviceLine, days: daily(a) })),
      ...send.map((c) => ({ serviceLine: c.serviceLine, days: dailyPence(c, asOf, yearEnd) })),
    ];
    for (const item of charged) {
      const r = rowFor(item.serviceLine);
      r.spent += sumDays(item.days, yearStart, asOf);
      r.committed += sumDays(item.days, isoOf(dayOf(asOf) + 1), yearEnd);
      for (let day = dayOf(yearStart); day <= dayOf(yearEnd); day++) {
        const month = isoOf(day).slice(0, 7);
        r.months.set(month, (r.months.get(month) ?? 0) + (item.days.get(day) ?? 0));
      }
    }
    const rows = byKey(budget.byServiceLine as { key: string }[], (r) => r.key);
    expect([...rows.keys()].sort()).toEqual([...expected.keys()].sort());
    let overspendSeen = false;
    for (const [key, e] of expected) {
      const forecast = e.spent + e.committed;
      const shares = monthlyShares(e.budget, yearStart, yearEnd);
      const over = [...shares].filter(([month, share]) => (e.months.get(month) ?? 0) > share).map(([m]) => m);
      let running = 0;
      let exceededIn: string | null = null;
      for (const [month] of shares) {
        running += e.months.get(month) ?? 0;
        if (exceededIn === null && running > e.budget) exceededIn = month;
      }
      overspendSeen ||= forecast > e.budget;
      expect(rows.get(key)).toEqual({
        key,
        budget: e.budget,
        spentYearToDate: e.spent,
        committed: e.committed,
        forecast,
        variance: forecast - e.budget,
        variancePercent: e.budget === 0 ? null : Math.round(((forecast - e.budget) / e.budget) * 1000) / 10,
        overBudgetMonths: over,
        budgetExceededIn: exceededIn,
        months: [...shares].map(([month, share]) => ({
          month,
          budget: share,
          forecast: e.months.get(month) ?? 0,
        })),
      });
    }
    expect(overspendSeen).toBe(true);
    const total = [...expected.values()].reduce((t, e) => t + e.budget, 0);
    expect(budget.totals.budget).toBe(total);
    expect((budget.byTeam as { budget: number }[]).reduce((t, r) => t + r.budget, 0)).toBe(total);
    expect((budget.byTeam as { forecast: number }[]).reduce((t, r) => t + r.forecast, 0)).toBe(
      budget.totals.forecast,
    );
  });

  it('ranks the highest-cost children by forecast, joining a child’s records under the hub id', async () => {
    const { body } = await h.query(
      finance,
      `{ financeReport { highestCostChildren(first: 3) { childId figures { forecastYear committed } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const byChild = new Map<string, { forecastYear: number; committed: number }>();
    for (const a of inReport()) {
      const child = h.hub.directory.resolve(`lcs:${a.lcsPersonId}`)!.hubId;
      const f = byChild.get(child) ?? { forecastYear: 0, committed: 0 };
      f.forecastYear += spentThisYear(a) + committed(a);
      f.committed += committed(a);
      byChild.set(child, f);
    }
    const top = [...byChild].sort((a, b) => b[1].forecastYear - a[1].forecastYear || (a[0] < b[0] ? -1 : 1));
    expect(body.data.financeReport.highestCostChildren).toEqual(
      top.slice(0, 3).map(([childId, figures]) => ({ childId, figures })),
    );
  });

  it('unit costs: average weekly cost per child by placement type and provider type', async () => {
    const { body } = await h.query(
      finance,
      `{ financeReport { unitCosts { byPlacementType { key children weeklyCost averageWeeklyCost }
        byProviderType { key children weeklyCost averageWeeklyCost } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const unit = body.data.financeReport.unitCosts;
    const expectFor = (keyOf: (a: Agreement) => string) => {
      const groups = new Map<string, { children: Set<string>; weekly: number }>();
      for (const a of inReport().filter((x) => runsOnAsOf(x, asOf))) {
        const g = groups.get(keyOf(a)) ?? { children: new Set<string>(), weekly: 0 };
        g.children.add(a.lcsPersonId);
        g.weekly += weeklyRateOn(a, asOf);
        groups.set(keyOf(a), g);
      }
      return new Map(
        [...groups].map(([key, g]) => [
          key,
          {
            key,
            children: g.children.size,
            weeklyCost: g.weekly,
            averageWeeklyCost: Math.round(g.weekly / g.children.size),
          },
        ]),
      );
    };
    const byType = expectFor((a) => a.placementType ?? 'NONE');
    expect(byKey(unit.byPlacementType as { key: string }[], (r) => r.key)).toEqual(byType);
    expect(byKey(unit.byProviderType as { key: string }[], (r) => r.key)).toEqual(
      expectFor((a) => a.providerType),
    );
  });

  it('projects new placements from the last twelve months’ starts apart from committed cost, and a scenario changes nothing', async () => {
    const forecastFields =
      'spentYearToDate committed newPlacements stepDowns scenario total budget variance method byPlacementType { placementType startsLastTwelveMonths averageWeeklyCost newPlacements scenario }';
    const plain = await h.query(
      finance,
      `{ financeReport { forecast { ${forecastFields} } totals { agreements committed } } }`,
    );
    expect(plain.body.errors).toBeUndefined();
    const f = plain.body.data.financeReport.forecast;
    const list = inReport();
    // Like with like: the budget is every budget line, the High Needs Block's and SEN transport's
    // included, so spent and committed are the agreements' and the SEND costs' together.
    const send = (await readAll<SendCost>(lift, '/send-costs')).filter((c) => c.status !== 'CANCELLED');
    const sendDays = (c: SendCost) => dailyPence(c, asOf, yearEnd);
    const sendSpent = send.reduce((t, c) => t + sumDays(sendDays(c), yearStart, asOf), 0);
    const sendCommitted = send.reduce((t, c) => t + sumDays(sendDays(c), isoOf(dayOf(asOf) + 1), yearEnd), 0);
    expect(sendSpent + sendCommitted).toBeGreaterThan(0);
    expect(f.spentYearToDate).toBe(list.reduce((t, a) => t + spentThisYear(a), 0) + sendSpent);
    expect(f.committed).toBe(list.reduce((t, a) => t + committed(a), 0) + sendCommitted);
    const lines = await readAll<BudgetLine>(lift, '/budget-lines', {
      financialYear: `${yearStart.slice(0, 4)}/${yearEnd.slice(2, 4)}`,
    });
    expect(f.budget).toBe(
      lines.reduce(
        (t, l) =>
          t +
          l.originalBudgetPence +
          l.virements.filter((v) => v.effectiveDate <= asOf).reduce((s, v) => s + v.amountPence, 0),
        0,
      ),
    );
    expect(f.method).toMatch(/trailing twelve months/);

    // New placements, day by day: starts per day at last year's rate, each costing the unit cost to 31 March.
    const windowStart = isoOf(dayOf(`${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`) + 1);
    const windowDays = dayOf(asOf) - dayOf(windowStart) + 1;
    const rows = byKey(
      f.byPlacementType as {
        placementType: string;
        startsLastTwelveMonths: number;
        averageWeeklyCost: number;
        newPlacements: number;
      }[],
      (r) => r.placementType,
    );
    let sawProjection = false;
    for (const [type, r] of rows) {
      const starts = list.filter(
        (a) =>
          a.serviceType === 'PLACEMENT' &&
          a.placementType === type &&
          a.startDate >= windowStart &&
          a.startDate <= asOf,
      ).length;
      expect(r.startsLastTwelveMonths).toBe(starts);
      let pence = 0;
      for (let day = dayOf(asOf) + 1; day <= dayOf(yearEnd); day++)
        pence += (starts / windowDays) * (r.averageWeeklyCost / 7) * (dayOf(yearEnd) - day + 1);
      expect(Math.abs(r.newPlacements - pence)).toBeLessThanOrEqual(1);
      sawProjection ||= r.newPlacements > 0;
    }
    expect(sawProjection).toBe(true);
    expect(f.total).toBe(f.spentYearToDate + f.committed + f.newPlacements - f.stepDowns);
    expect(f.variance).toBe(f.total - f.budget);

    // Ten more placements of the commonest type from 1 January, at today's unit cost.
    const [type, unitCost] = [...rows]
      .sort((a, b) => b[1].startsLastTwelveMonths - a[1].startsLastTwelveMonths)
      .map(([k, r]) => [k, r.averageWeeklyCost] as const)[0]!;
    const january = `${yearEnd.slice(0, 4)}-01-01`;
    const scenario = await h.query(
      finance,
      `query($s: [ScenarioPlacements!]) { financeReport { forecast(scenario: $s) { ${forecastFields} } } }`,
      { s: [{ placementType: type, count: 10, from: january }] },
    );
    expect(scenario.body.errors).toBeUndefined();
    const changed = scenario.body.data.financeReport.forecast;
    const days = dayOf(yearEnd) - dayOf(january) + 1;
    expect(changed.scenario).toBe(10 * Math.round((unitCost * days) / 7));
    expect(changed.total).toBe(f.total + changed.scenario);
    expect(changed.committed).toBe(f.committed);
    const again = await h.query(
      finance,
      `{ financeReport { forecast { ${forecastFields} } totals { agreements committed } } }`,
    );
    expect(again.body.data).toEqual(plain.body.data);

    const bad = await h.query(
      finance,
      `{ financeReport { forecast(scenario: [{ placementType: "K2", count: 0, from: "${january}" }]) { total } } }`,
    );
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('SEND and high needs against an independent costing', () => {
  it('SEND costs per pupil and in aggregate against the High Needs Block, and in a child’s finance view', async () => {
    const send = await readAll<SendCost>(lift, '/send-costs');
    const lines = await readAll<BudgetLine>(lift, '/budget-lines', {
      financialYear: `${yearStart.slice(0, 4)}/${yearEnd.slice(2, 4)}`,
    });
    const daysOf = (c: SendCost) => dailyPence(c, asOf, yearEnd);
    const forecastOf = (c: SendCost) => sumDays(daysOf(c), yearStart, yearEnd);
    const live = send.filter((c) => c.status !== 'CANCELLED' && forecastOf(c) > 0);
    expect(live.length).toBeGreaterThan(0);

    const { body } = await h.query(
      finance,
      `{ financeReport { highNeeds { totals { pupils costs forecast } byCostType { key fundingStream pupils costs spentYearToDate committed forecast forecastPerPupil }
        highNeedsBlock { budget forecast variance variancePercent } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const high = body.data.financeReport.highNeeds;
    const types = new Map<string, SendCost[]>();
    for (const c of live) types.set(c.costType, [...(types.get(c.costType) ?? []), c]);
    const rows = byKey(high.byCostType as { key: string }[], (r) => r.key);
    expect([...rows.keys()].sort()).toEqual([...types.keys()].sort());
    for (const [type, list] of types) {
      const pupils = new Set(list.map((c) => c.pupilId)).size;
      const spent = list.reduce((t, c) => t + sumDays(daysOf(c), yearStart, asOf), 0);
      const comm = list.reduce((t, c) => t + sumDays(daysOf(c), isoOf(dayOf(asOf) + 1), yearEnd), 0);
      expect(rows.get(type)).toEqual({
        key: type,
        fundingStream: list[0]!.fundingStream,
        pupils,
        costs: list.length,
        spentYearToDate: spent,
        committed: comm,
        forecast: spent + comm,
        forecastPerPupil: Math.round((spent + comm) / pupils),
      });
    }
    const hnbBudget = lines
      .filter((l) => l.fundingStream === 'HIGH_NEEDS_BLOCK')
      .reduce(
        (t, l) =>
          t +
          l.originalBudgetPence +
          l.virements.filter((v) => v.effectiveDate <= asOf).reduce((s, v) => s + v.amountPence, 0),
        0,
      );
    const hnbForecast = live
      .filter((c) => c.fundingStream === 'HIGH_NEEDS_BLOCK')
      .reduce((t, c) => t + forecastOf(c), 0);
    expect(hnbBudget).toBeGreaterThan(0);
    expect(high.highNeedsBlock).toMatchObject({
      budget: hnbBudget,
      forecast: hnbForecast,
      variance: hnbForecast - hnbBudget,
    });

    // One pupil's SEND costs in the child's finance view, beside (not inside) care costs.
    const pupil = live[0]!.pupilId;
    const mine = send.filter((c) => c.pupilId === pupil && c.status !== 'CANCELLED');
    const view = await h.query(
      finance,
      `query($id: ID!) { child(id: $id) { sendFinance { committed costThisFinancialYear costs { id committed } byCostType { key forecast } } } }`,
      { id: `eyes:${pupil}` },
    );
    expect(view.body.errors).toBeUndefined();
    const sendView = view.body.data.child.sendFinance;
    expect(sendView.costs.map((c: { id: string }) => c.id).sort()).toEqual(
      send
        .filter((c) => c.pupilId === pupil)
        .map((c) => c.sendCostId)
        .sort(),
    );
    expect(sendView.committed).toBe(
      mine.reduce((t, c) => t + sumDays(daysOf(c), isoOf(dayOf(asOf) + 1), yearEnd), 0),
    );
    expect(sendView.costThisFinancialYear).toBe(
      mine.reduce((t, c) => t + sumDays(daysOf(c), yearStart, asOf), 0),
    );

    // Only the roles the policy's finance group grants see it: a SEND officer does not.
    const officer = await h.token({ userId: 'send', roles: ['SEND_OFFICER'] });
    const hidden = await h.query(
      officer,
      `query($id: ID!) { child(id: $id) { sendFinance { committed } } }`,
      {
        id: `eyes:${pupil}`,
      },
    );
    expect(hidden.body.data?.child?.sendFinance ?? null).toBeNull();
  });
});

describe('the finance officer’s README queries', () => {
  it('the budget-versus-forecast table and the scenario each answer in one query, within the query limits', async () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const name of ['BudgetVersusForecast', 'TenMoreResidentialFromJanuary']) {
      const query = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)]
        .map((m) => m[1]!)
        .find((text) => text.startsWith(`query ${name}`))!;
      const { body } = await h.query(finance, query);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(body.data.financeReport.financialYear).toMatch(/^\d{4}\/\d{2}$/);
    }
  });
});
