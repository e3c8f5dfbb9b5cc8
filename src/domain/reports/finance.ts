/**
 * Spend, commitments, budgets and forecasts across service agreements, in exact integer pence, as
 * pure functions of the agreements, LIFT's budget lines and "today" (`asOf`). The costing rules
 * (rate changes, backdated changes, early ends, agreements running on past their planned end,
 * open-ended agreements, cancelled agreements) are src/domain/rules/cost.ts's; this module groups.
 *
 * Words, each with one meaning:
 * - committed: what the agreements in place will cost from the day after asOf to 31 March (the
 *   domain's definition); forecastYear = spent this financial year + committed.
 * - budget: a line's original budget plus the virements in effect on or before asOf.
 * - variance: forecastYear − budget (positive: forecast to overspend).
 * - projected new placements and step-downs: estimates of what is not yet in LIFT, shown apart
 *   from committed cost, each with its method (see {@link forecastOutlook}).
 */
import {
  addDays,
  addMonths,
  daysBetween,
  financialYearOf,
  isIsoDate,
  PricedAgreement,
  sumMonthlyCosts,
  type CostedAgreement,
  type FinancialYear,
} from '../rules/index.ts';
import type { AgreementFact, SendCostFact } from './facts.ts';
import { monthsBetween, ReportInputError } from './periods.ts';

export interface SpendFigures {
  readonly agreements: number;
  /** Distinct children (LCS person ids). */
  readonly children: number;
  /** Agreements with no known end: open-ended, or running on past their planned end. */
  readonly openEndedAgreements: number;
  /** ACTIVE agreements past their planned end with no end recorded (counted in openEndedAgreements too). */
  readonly runningOnPastPlannedEnd: number;
  /** From each agreement's start to asOf. */
  readonly toDatePence: number;
  /** 1 April to asOf. */
  readonly thisFinancialYearPence: number;
  /** The day after asOf to 31 March (the one meaning of committed). */
  readonly committedPence: number;
  /** thisFinancialYear + committed. */
  readonly forecastYearPence: number;
  /** The day after asOf to each agreement's known end, beyond 31 March if need be (agreements with a known end). */
  readonly projectedToPlannedEndPence: number;
  /** Sum of the weekly rates in force at asOf (daily rates × 7). */
  readonly weeklyRateNowPence: number;
  /** Cost over the whole previous financial year. */
  readonly previousYearPence: number;
  /** forecastYear − previousYear. */
  readonly changePence: number;
}

export interface SpendGroup extends SpendFigures {
  readonly key: string;
  /** A readable label where the key is a code or an id (the provider's name); else the key. */
  readonly label: string;
}

export interface SpendMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Cost of the month's days up to asOf. */
  readonly spentPence: number;
  /** Cost of the month's days after asOf (committed), at the rates then in force. */
  readonly committedPence: number;
}

export interface ChildSpend extends SpendFigures {
  /** The child's key from `childKeyOf` (e.g. the hub id, joining a child's duplicate LCS records). */
  readonly childKey: string;
}

/** A LIFT budget line as the report reads it. */
export interface BudgetLineFact {
  readonly budgetLineId: string;
  readonly financialYear: string;
  readonly serviceLine: string;
  readonly costCentre: string;
  readonly teamId: string | null;
  readonly placementType: string | null;
  /** GENERAL_FUND or HIGH_NEEDS_BLOCK. */
  readonly fundingStream: string;
  readonly originalBudgetPence: number;
  readonly virements: readonly { readonly effectiveDate: string; readonly amountPence: number }[];
}

export interface BudgetMonth {
  readonly month: string;
  /** The month's share of the budget, by days (the months sum exactly to the budget). */
  readonly budgetPence: number;
  readonly spentPence: number;
  readonly committedPence: number;
  /** spent + committed. */
  readonly forecastPence: number;
}

export interface BudgetRow {
  readonly key: string;
  /** Budget lines behind the row (0: spending charged to no budget line). */
  readonly budgetLines: number;
  readonly originalBudgetPence: number;
  /** Virements in effect on or before asOf, net. */
  readonly virementsPence: number;
  /** original + virements. */
  readonly budgetPence: number;
  /** 1 April to asOf. */
  readonly spentYearToDatePence: number;
  readonly committedPence: number;
  /** spentYearToDate + committed. */
  readonly forecastPence: number;
  /** forecast − budget (positive: overspend). */
  readonly variancePence: number;
  /** variance ÷ budget × 100, one decimal place; null when the budget is 0. */
  readonly variancePercent: number | null;
  readonly months: readonly BudgetMonth[];
  /** Months whose forecast exceeds that month's share of the budget. */
  readonly overBudgetMonths: readonly string[];
  /** The first month by whose end the cumulative forecast exceeds the whole budget; null if never. */
  readonly budgetExceededIn: string | null;
}

export interface BudgetReport {
  readonly totals: BudgetRow;
  readonly byServiceLine: BudgetRow[];
  /** By the placement type of the budget line charged (NONE: lines not split by placement type). */
  readonly byPlacementType: BudgetRow[];
  /** By the team whose cost centre is charged (NONE: central cost centres). */
  readonly byTeam: BudgetRow[];
  /** By cost centre. */
  readonly byCostCentre: BudgetRow[];
}

export interface UnitCost {
  readonly key: string;
  /** Children with an agreement of this kind running on asOf. */
  readonly children: number;
  /** Weekly rates in force on asOf, summed (daily × 7). */
  readonly weeklyCostPence: number;
  /** weeklyCost ÷ children, rounded half up. */
  readonly averageWeeklyCostPence: number;
}

export interface FinanceReportOptions {
  /**
   * The child an LCS person id belongs to, or null to leave that person out of `children` (a
   * child hidden from the viewer); their agreements still count in every total. Default: the id.
   */
  readonly childKeyOf?: (lcsPersonId: string) => string | null;
  /** LIFT's budget lines for the current financial year (other years' lines are ignored). */
  readonly budgetLines?: readonly BudgetLineFact[];
  /** LIFT's SEND costs open at some time since the previous year's 1 April. */
  readonly sendCosts?: readonly SendCostFact[];
}

export interface FinanceReport {
  readonly asOf: string;
  readonly financialYear: FinancialYear;
  readonly previousFinancialYear: FinancialYear;
  readonly totals: SpendFigures;
  readonly byServiceType: SpendGroup[];
  readonly byPlacementType: SpendGroup[];
  readonly byProviderType: SpendGroup[];
  readonly byProvider: SpendGroup[];
  readonly byTeam: SpendGroup[];
  readonly byMonth: SpendMonth[];
  /** Every child `childKeyOf` names, highest forecast cost this financial year first. */
  readonly children: ChildSpend[];
  readonly budget: BudgetReport;
  readonly unitCosts: { byPlacementType: UnitCost[]; byProviderType: UnitCost[] };
  /** Inputs of the forecast outlook (see {@link forecastOutlook}). */
  readonly outlookBasis: OutlookBasis;
  readonly highNeeds: HighNeedsReport;
}

/** SEND costs of one kind (or all of them), per pupil and in aggregate. */
export interface SendCostRow {
  readonly key: string;
  /** GENERAL_FUND or HIGH_NEEDS_BLOCK; MIXED for a row over both. */
  readonly fundingStream: string;
  /** Distinct pupils with such a cost this financial year. */
  readonly pupils: number;
  readonly costs: number;
  readonly spentYearToDatePence: number;
  readonly committedPence: number;
  readonly forecastPence: number;
  /** forecast ÷ pupils, rounded half up. */
  readonly forecastPerPupilPence: number;
  /** Weekly rates in force on asOf, summed (daily × 7). */
  readonly weeklyCostNowPence: number;
}

export interface HighNeedsReport {
  readonly totals: SendCostRow;
  readonly byCostType: SendCostRow[];
  /** The high needs block: its budget lines against the forecast of the costs it funds. */
  readonly highNeedsBlock: {
    readonly budgetPence: number;
    readonly forecastPence: number;
    readonly variancePence: number;
    readonly variancePercent: number | null;
  };
}

/** The figures of no agreements at all. */
export const NO_SPEND: SpendFigures = Object.freeze({
  agreements: 0,
  children: 0,
  openEndedAgreements: 0,
  runningOnPastPlannedEnd: 0,
  toDatePence: 0,
  thisFinancialYearPence: 0,
  committedPence: 0,
  forecastYearPence: 0,
  projectedToPlannedEndPence: 0,
  weeklyRateNowPence: 0,
  previousYearPence: 0,
  changePence: 0,
});

/** Shown for a missing team or placement type. */
export const NONE = 'NONE';

/** The previous April-to-March year. */
export const previousFinancialYear = (year: FinancialYear): FinancialYear =>
  financialYearOf(addDays(year.start, -1));

/** One agreement (or SEND cost) costed at asOf. */
interface Costed<A extends CostedAgreement = AgreementFact> {
  readonly agreement: A;
  readonly priced: PricedAgreement;
  readonly toDate: number;
  readonly thisYear: number;
  readonly committed: number;
  readonly toPlannedEnd: number | null;
  readonly runningOn: boolean;
  readonly weeklyNow: number;
  readonly previousYear: number;
  /** This financial year's months: spent up to asOf, committed after it (computed once, used twice). */
  readonly spentMonths: Map<string, number>;
  readonly committedMonths: Map<string, number>;
}

let lastTomorrow: [string, string] | null = null;
/** The day after asOf (kept: a report asks it of every agreement). */
const tomorrowOf = (asOf: string): string => {
  if (lastTomorrow?.[0] !== asOf) lastTomorrow = [asOf, addDays(asOf, 1)];
  return lastTomorrow[1];
};

function cost<A extends CostedAgreement>(agreement: A, asOf: string, previous: FinancialYear): Costed<A> {
  const priced = new PricedAgreement(agreement, asOf);
  const projection = priced.projection();
  const year = projection.financialYear;
  return {
    agreement,
    priced,
    toDate: projection.toDatePence,
    thisYear: projection.thisFinancialYearPence,
    committed: projection.committedPence,
    toPlannedEnd: projection.projectedToPlannedEndPence,
    runningOn: projection.runningOnPastPlannedEnd,
    weeklyNow: projection.weeklyRateNowPence,
    previousYear: priced.cost(previous.start, previous.end),
    spentMonths: priced.byMonth(year.start, asOf),
    committedMonths: priced.byMonth(tomorrowOf(asOf), year.end),
  };
}

class Accumulator {
  agreements = 0;
  openEnded = 0;
  runningOn = 0;
  people = new Set<string>();
  toDate = 0;
  thisYear = 0;
  committed = 0;
  toPlannedEnd = 0;
  weeklyNow = 0;
  previousYear = 0;

  add(c: Costed): void {
    this.agreements++;
    this.people.add(c.agreement.lcsPersonId);
    if (c.toPlannedEnd === null) this.openEnded++;
    if (c.runningOn) this.runningOn++;
    this.toDate += c.toDate;
    this.thisYear += c.thisYear;
    this.committed += c.committed;
    this.toPlannedEnd += c.toPlannedEnd ?? 0;
    this.weeklyNow += c.weeklyNow;
    this.previousYear += c.previousYear;
  }

  figures(): SpendFigures {
    const forecast = this.thisYear + this.committed;
    return {
      agreements: this.agreements,
      children: this.people.size,
      openEndedAgreements: this.openEnded,
      runningOnPastPlannedEnd: this.runningOn,
      toDatePence: this.toDate,
      thisFinancialYearPence: this.thisYear,
      committedPence: this.committed,
      forecastYearPence: forecast,
      projectedToPlannedEndPence: this.toPlannedEnd,
      weeklyRateNowPence: this.weeklyNow,
      previousYearPence: this.previousYear,
      changePence: forecast - this.previousYear,
    };
  }
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function groupBy(
  costed: readonly Costed[],
  keyOf: (a: AgreementFact) => string,
  labelOf: (a: AgreementFact) => string = keyOf,
): SpendGroup[] {
  const groups = new Map<string, { label: string; acc: Accumulator }>();
  for (const c of costed) {
    const key = keyOf(c.agreement);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { label: labelOf(c.agreement), acc: new Accumulator() }));
    group.acc.add(c);
  }
  return [...groups]
    .map(([key, { label, acc }]) => ({ key, label, ...acc.figures() }))
    .sort((a, b) => b.forecastYearPence - a.forecastYearPence || byKey(a.key, b.key));
}

/** Agreements that cost anything (every status but CANCELLED). */
export const costable = (agreements: Iterable<AgreementFact>): AgreementFact[] =>
  [...agreements].filter((a) => a.status !== 'CANCELLED');

/** Figures for one set of agreements (e.g. one child's) grouped by `keyOf`. */
export function spendBy(
  agreements: Iterable<AgreementFact>,
  asOf: string,
  keyOf: (a: AgreementFact) => string,
  labelOf?: (a: AgreementFact) => string,
): SpendGroup[] {
  const previous = previousFinancialYear(financialYearOf(asOf));
  return groupBy(
    costable(agreements).map((a) => cost(a, asOf, previous)),
    keyOf,
    labelOf,
  );
}

// ---------------------------------------------------------------------------------------------
// Budgets

/** `total` split over the months of `year` in proportion to their days, summing exactly to it. */
export function profileByDays(total: number, year: FinancialYear): Map<string, number> {
  const yearDays = daysBetween(year.start, year.end) + 1;
  const months = new Map<string, number>();
  let daysSoFar = 0;
  let allocated = 0;
  for (const month of monthsBetween(year.start, year.end)) {
    const monthEnd = addDays(addMonths(`${month}-01`, 1), -1);
    daysSoFar = daysBetween(year.start, monthEnd) + 1;
    // Cumulative rounding (half away from zero), so the months add up to the total exactly.
    const cumulative = Math.sign(total) * Math.round((Math.abs(total) * daysSoFar) / yearDays);
    months.set(month, cumulative - allocated);
    allocated = cumulative;
  }
  return months;
}

/** A line's budget on asOf: its original budget and the virements in effect by then. */
export function budgetOn(line: BudgetLineFact, asOf: string): { original: number; virements: number } {
  let virements = 0;
  for (const v of line.virements) if (v.effectiveDate <= asOf) virements += v.amountPence;
  return { original: line.originalBudgetPence, virements };
}

/**
 * The budget line an agreement is charged to: the line with its service line, cost centre and
 * placement type, else the one with its service line and cost centre and no placement type.
 */
const lineKey = (serviceLine: string, costCentre: string, placementType: string | null) =>
  `${serviceLine}\u0000${costCentre}\u0000${placementType ?? ''}`;

/** Budget, spend and commitment of one budget line, or of spending charged to no line. */
interface BudgetCell {
  readonly serviceLine: string;
  readonly costCentre: string;
  readonly teamId: string | null;
  readonly placementType: string | null;
  readonly lines: number;
  readonly original: number;
  readonly virements: number;
  /** The cell's spend and commitment by month, summed as charges are added. */
  readonly spent: Map<string, number>;
  readonly committed: Map<string, number>;
}

class BudgetAccumulator {
  lines = 0;
  original = 0;
  virements = 0;
  spent: Map<string, number>[] = [];
  committed: Map<string, number>[] = [];

  add(cell: BudgetCell): void {
    this.lines += cell.lines;
    this.original += cell.original;
    this.virements += cell.virements;
    this.spent.push(cell.spent);
    this.committed.push(cell.committed);
  }

  row(key: string, year: FinancialYear): BudgetRow {
    const budget = this.original + this.virements;
    const profile = profileByDays(budget, year);
    const spent = sumMonthlyCosts(this.spent);
    const committed = sumMonthlyCosts(this.committed);
    const months: BudgetMonth[] = [];
    const overBudgetMonths: string[] = [];
    let cumulative = 0;
    let budgetExceededIn: string | null = null;
    for (const [month, budgetPence] of profile) {
      const spentPence = spent.get(month) ?? 0;
      const committedPence = committed.get(month) ?? 0;
      const forecastPence = spentPence + committedPence;
      months.push({ month, budgetPence, spentPence, committedPence, forecastPence });
      if (forecastPence > budgetPence) overBudgetMonths.push(month);
      cumulative += forecastPence;
      if (budgetExceededIn === null && cumulative > budget) budgetExceededIn = month;
    }
    const spentYearToDatePence = sum(months.map((m) => m.spentPence));
    const committedPence = sum(months.map((m) => m.committedPence));
    const forecastPence = spentYearToDatePence + committedPence;
    const variancePence = forecastPence - budget;
    return {
      key,
      budgetLines: this.lines,
      originalBudgetPence: this.original,
      virementsPence: this.virements,
      budgetPence: budget,
      spentYearToDatePence,
      committedPence,
      forecastPence,
      variancePence,
      variancePercent: percent(variancePence, budget),
      months,
      overBudgetMonths,
      budgetExceededIn,
    };
  }
}

const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);

/** part ÷ whole × 100 to one decimal place (half away from zero); null when whole is 0. */
export const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : (Math.sign(part * whole) * Math.round(Math.abs((part / whole) * 1000))) / 10;

const chargeOf = (
  a: { serviceLine: string; costCentre: string; placementType?: string | null; teamId?: string | null },
  c: Costed<CostedAgreement>,
): BudgetCharge => ({
  serviceLine: a.serviceLine,
  costCentre: a.costCentre,
  placementType: a.placementType ?? null,
  teamId: a.teamId ?? null,
  thisYear: c.thisYear,
  committed: c.committed,
  spentMonths: c.spentMonths,
  committedMonths: c.committedMonths,
});

/** Adds `months` into `into`, month by month. */
function addMonthlyInto(into: Map<string, number>, months: ReadonlyMap<string, number>): void {
  for (const [month, pence] of months) into.set(month, (into.get(month) ?? 0) + pence);
}

/** What the budget table needs of anything charged to a budget line (an agreement or a SEND cost). */
interface BudgetCharge {
  readonly serviceLine: string;
  readonly costCentre: string;
  readonly placementType: string | null;
  readonly teamId: string | null;
  readonly thisYear: number;
  readonly committed: number;
  readonly spentMonths: Map<string, number>;
  readonly committedMonths: Map<string, number>;
}

function budgetReport(
  charges: readonly BudgetCharge[],
  lines: readonly BudgetLineFact[],
  year: FinancialYear,
  asOf: string,
): BudgetReport {
  const cells = new Map<string, BudgetCell>();
  for (const line of lines) {
    if (line.financialYear !== year.label) continue;
    const key = lineKey(line.serviceLine, line.costCentre, line.placementType);
    const { original, virements } = budgetOn(line, asOf);
    const existing = cells.get(key);
    cells.set(key, {
      serviceLine: line.serviceLine,
      costCentre: line.costCentre,
      teamId: line.teamId,
      placementType: line.placementType,
      lines: (existing?.lines ?? 0) + 1,
      original: (existing?.original ?? 0) + original,
      virements: (existing?.virements ?? 0) + virements,
      spent: new Map(),
      committed: new Map(),
    });
  }
  for (const c of charges) {
    if (c.thisYear === 0 && c.committed === 0) continue;
    const unbudgeted = `unbudgeted\u0000${lineKey(c.serviceLine, c.costCentre, null)}`;
    let cell =
      cells.get(lineKey(c.serviceLine, c.costCentre, c.placementType)) ??
      cells.get(lineKey(c.serviceLine, c.costCentre, null)) ??
      cells.get(unbudgeted);
    if (!cell) {
      // Charged to no budget line: its own row with no budget, so the overspend shows.
      cell = {
        serviceLine: c.serviceLine,
        costCentre: c.costCentre,
        teamId: c.teamId,
        placementType: null,
        lines: 0,
        original: 0,
        virements: 0,
        spent: new Map(),
        committed: new Map(),
      };
      cells.set(unbudgeted, cell);
    }
    addMonthlyInto(cell.spent, c.spentMonths);
    addMonthlyInto(cell.committed, c.committedMonths);
  }
  const dimension = (keyOf: (cell: BudgetCell) => string): BudgetRow[] => {
    const groups = new Map<string, BudgetAccumulator>();
    for (const cell of cells.values()) {
      const key = keyOf(cell);
      let acc = groups.get(key);
      if (!acc) groups.set(key, (acc = new BudgetAccumulator()));
      acc.add(cell);
    }
    return [...groups]
      .map(([key, acc]) => acc.row(key, year))
      .sort((a, b) => b.variancePence - a.variancePence || byKey(a.key, b.key));
  };
  const totals = new BudgetAccumulator();
  for (const cell of cells.values()) totals.add(cell);
  return {
    totals: totals.row('ALL', year),
    byServiceLine: dimension((cell) => cell.serviceLine),
    byPlacementType: dimension((cell) => cell.placementType ?? NONE),
    byTeam: dimension((cell) => cell.teamId ?? NONE),
    byCostCentre: dimension((cell) => cell.costCentre),
  };
}

// ---------------------------------------------------------------------------------------------
// Unit costs and the forecast outlook

/** Half-up integer division of non-negative integers. */
const divideRounded = (numerator: number, denominator: number) =>
  denominator === 0 ? 0 : Math.floor((2 * numerator + denominator) / (2 * denominator));

function unitCosts(costed: readonly Costed[], keyOf: (a: AgreementFact) => string): UnitCost[] {
  const groups = new Map<string, { children: Set<string>; weekly: number }>();
  for (const c of costed) {
    if (!c.priced.runsOn(c.priced.asOf)) continue;
    const key = keyOf(c.agreement);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { children: new Set(), weekly: 0 }));
    group.children.add(c.agreement.lcsPersonId);
    group.weekly += c.weeklyNow;
  }
  return [...groups]
    .map(([key, g]) => ({
      key,
      children: g.children.size,
      weeklyCostPence: g.weekly,
      averageWeeklyCostPence: divideRounded(g.weekly, g.children.size),
    }))
    .sort((a, b) => b.weeklyCostPence - a.weeklyCostPence || byKey(a.key, b.key));
}

/** Per placement type: the trailing twelve months' starts and endings, and who has no known end. */
export interface OutlookBasis {
  readonly asOf: string;
  readonly financialYear: FinancialYear;
  /** First day of the trailing twelve months (asOf is the last). */
  readonly windowStart: string;
  readonly byPlacementType: ReadonlyMap<string, PlacementTypeBasis>;
}

export interface PlacementTypeBasis {
  /** PLACEMENT agreements that started in the window. */
  readonly starts: number;
  /** PLACEMENT agreements that ended in the window (an end LIFT recorded). */
  readonly endings: number;
  /** Days PLACEMENT agreements ran in the window, summed. */
  readonly placementDays: number;
  /** Average weekly cost per child now (all the child's lines of this placement type: the unit cost). */
  readonly averageWeeklyCostPence: number;
  /** Weekly rates now of agreements with no known end (they might end early), summed. */
  readonly weeklyRateWithoutKnownEndPence: number;
}

function outlookBasis(
  costed: readonly Costed[],
  asOf: string,
  year: FinancialYear,
  unitCostByPlacementType: readonly UnitCost[],
): OutlookBasis {
  const windowStart = addDays(addMonths(asOf, -12), 1);
  const types = new Map<string, { starts: number; endings: number; days: number; open: number }>();
  const typeOf = (type: string) => {
    let t = types.get(type);
    if (!t) types.set(type, (t = { starts: 0, endings: 0, days: 0, open: 0 }));
    return t;
  };
  for (const c of costed) {
    const a = c.agreement;
    if (a.placementType === null) continue;
    const t = typeOf(a.placementType);
    if (c.toPlannedEnd === null) t.open += c.weeklyNow;
    if (a.serviceType !== 'PLACEMENT') continue;
    if (a.startDate >= windowStart && a.startDate <= asOf) t.starts++;
    if (a.endDate !== null && a.endDate >= windowStart && a.endDate <= asOf) t.endings++;
    const from = a.startDate > windowStart ? a.startDate : windowStart;
    const lastKnown = a.endDate ?? asOf;
    const to = lastKnown < asOf ? lastKnown : asOf;
    if (from <= to) t.days += daysBetween(from, to) + 1;
  }
  const averages = new Map(unitCostByPlacementType.map((u) => [u.key, u.averageWeeklyCostPence]));
  const byPlacementType = new Map<string, PlacementTypeBasis>();
  for (const key of [...types.keys()].sort(byKey)) {
    const t = types.get(key)!;
    byPlacementType.set(key, {
      starts: t.starts,
      endings: t.endings,
      placementDays: t.days,
      averageWeeklyCostPence: averages.get(key) ?? 0,
      weeklyRateWithoutKnownEndPence: t.open,
    });
  }
  return { asOf, financialYear: year, windowStart, byPlacementType };
}

/** A what-if: `count` more placements of a type from a date, at a weekly cost (default: today's average). */
export interface ScenarioPlacements {
  readonly placementType: string;
  readonly count: number;
  readonly from: string;
  readonly weeklyCostPence?: number | null;
}

/** The most placements one scenario line may add, and the most lines: bounds a what-if's work. */
export const MAX_SCENARIO_COUNT = 1000;
export const MAX_SCENARIO_LINES = 20;

/** Checks a scenario against the year it is for: sensible counts, dates in the year, known costs. */
export function checkScenario(
  scenario: readonly ScenarioPlacements[],
  basis: OutlookBasis,
): readonly ScenarioPlacements[] {
  if (scenario.length > MAX_SCENARIO_LINES)
    throw new ReportInputError(`A scenario may have at most ${MAX_SCENARIO_LINES} lines.`);
  const year = basis.financialYear;
  for (const s of scenario) {
    if (!/^[A-Z0-9]{1,6}$/.test(s.placementType))
      throw new ReportInputError('`placementType` must be a placement type code such as K2.');
    if (!Number.isInteger(s.count) || s.count < 1 || s.count > MAX_SCENARIO_COUNT)
      throw new ReportInputError(`\`count\` must be a whole number from 1 to ${MAX_SCENARIO_COUNT}.`);
    if (!isIsoDate(s.from) || s.from < year.start || s.from > year.end)
      throw new ReportInputError(`\`from\` must be a date in the financial year ${year.label}.`);
    const weekly = s.weeklyCostPence;
    if (
      weekly !== undefined &&
      weekly !== null &&
      (!Number.isSafeInteger(weekly) || weekly < 0 || weekly > 10_000_000)
    )
      throw new ReportInputError('`weeklyCost` must be whole pence from 0 to 10,000,000.');
    if (
      (weekly === undefined || weekly === null) &&
      !basis.byPlacementType.get(s.placementType)?.averageWeeklyCostPence
    )
      throw new ReportInputError(
        'No placement of that type is running today to cost it by: give `weeklyCost`.',
      );
  }
  return scenario;
}

export interface OutlookRow {
  readonly placementType: string;
  readonly newPlacementsPence: number;
  readonly stepDownsPence: number;
  readonly scenarioPence: number;
}

export interface Outlook {
  readonly rows: OutlookRow[];
  readonly newPlacementsPence: number;
  readonly stepDownsPence: number;
  readonly scenarioPence: number;
}

export const OUTLOOK_METHOD =
  'New placements: for each placement type, placements are assumed to start evenly from tomorrow ' +
  'to 31 March at the rate PLACEMENT agreements of that type started in the trailing twelve months, ' +
  'each costing the current average weekly cost per child of that type from its start to 31 March. ' +
  'Step-downs: agreements with no known end (open-ended, or running on past their planned end) are ' +
  'assumed to end at the daily rate PLACEMENT agreements of their type ended in the trailing twelve ' +
  'months (endings ÷ placement days), saving their current weekly rate from the day they end. ' +
  'Scenario placements cost their weekly cost from the later of their start and tomorrow to 31 March. ' +
  'None of these is committed cost.';

/**
 * Expected cost of what is not yet in LIFT, to 31 March (see {@link OUTLOOK_METHOD}), and of any
 * scenario. Rounded half up once per placement type; pure.
 */
export function forecastOutlook(basis: OutlookBasis, scenario: readonly ScenarioPlacements[] = []): Outlook {
  const remaining = Math.max(0, daysBetween(basis.asOf, basis.financialYear.end));
  const windowDays = daysBetween(basis.windowStart, basis.asOf) + 1;
  const rows = new Map<string, { newPlacements: number; stepDowns: number; scenario: number }>();
  const rowOf = (type: string) => {
    let row = rows.get(type);
    if (!row) rows.set(type, (row = { newPlacements: 0, stepDowns: 0, scenario: 0 }));
    return row;
  };
  // Σ over start days d = 1..n of the days from d to n = n(n + 1) / 2 placement-days per daily start.
  const triangle = (remaining * (remaining + 1)) / 2;
  for (const [type, b] of basis.byPlacementType) {
    const row = rowOf(type);
    row.newPlacements = divideRounded(b.starts * b.averageWeeklyCostPence * triangle, 7 * windowDays);
    if (b.placementDays > 0 && b.endings > 0 && b.weeklyRateWithoutKnownEndPence > 0) {
      // Ending with daily probability h, an agreement has ended by day d with probability 1-(1-h)^d;
      // the days it saves to day n sum to n - (1-h)(1-(1-h)^n)/h.
      const h = Math.min(1, b.endings / b.placementDays);
      const savedDays = remaining - ((1 - h) * (1 - Math.pow(1 - h, remaining))) / h;
      row.stepDowns = Math.round((b.weeklyRateWithoutKnownEndPence * savedDays) / 7);
    }
  }
  const tomorrow = addDays(basis.asOf, 1);
  for (const s of scenario) {
    const weekly =
      s.weeklyCostPence ?? basis.byPlacementType.get(s.placementType)?.averageWeeklyCostPence ?? 0;
    const from = s.from > tomorrow ? s.from : tomorrow;
    const days = from > basis.financialYear.end ? 0 : daysBetween(from, basis.financialYear.end) + 1;
    rowOf(s.placementType).scenario += s.count * divideRounded(weekly * days, 7);
  }
  const out = [...rows]
    .map(([placementType, r]) => ({
      placementType,
      newPlacementsPence: r.newPlacements,
      stepDownsPence: r.stepDowns,
      scenarioPence: r.scenario,
    }))
    .sort((a, b) => byKey(a.placementType, b.placementType));
  return {
    rows: out,
    newPlacementsPence: sum(out.map((r) => r.newPlacementsPence)),
    stepDownsPence: sum(out.map((r) => r.stepDownsPence)),
    scenarioPence: sum(out.map((r) => r.scenarioPence)),
  };
}

// ---------------------------------------------------------------------------------------------
// SEND and high needs

function sendRow(key: string, costs: readonly Costed<SendCostFact>[]): SendCostRow {
  const pupils = new Set<string>();
  const streams = new Set<string>();
  let spent = 0;
  let committed = 0;
  let weekly = 0;
  let counted = 0;
  for (const c of costs) {
    if (c.thisYear === 0 && c.committed === 0) continue;
    counted++;
    pupils.add(c.agreement.pupilId);
    streams.add(c.agreement.fundingStream);
    spent += c.thisYear;
    committed += c.committed;
    weekly += c.weeklyNow;
  }
  const forecast = spent + committed;
  return {
    key,
    fundingStream: streams.size === 1 ? [...streams][0]! : streams.size === 0 ? NONE : 'MIXED',
    pupils: pupils.size,
    costs: counted,
    spentYearToDatePence: spent,
    committedPence: committed,
    forecastPence: forecast,
    forecastPerPupilPence: divideRounded(forecast, pupils.size),
    weeklyCostNowPence: weekly,
  };
}

export const HIGH_NEEDS_BLOCK = 'HIGH_NEEDS_BLOCK';

function highNeedsReport(
  costed: readonly Costed<SendCostFact>[],
  lines: readonly BudgetLineFact[],
  year: FinancialYear,
  asOf: string,
): HighNeedsReport {
  const byType = new Map<string, Costed<SendCostFact>[]>();
  for (const c of costed) {
    const list = byType.get(c.agreement.costType) ?? [];
    list.push(c);
    byType.set(c.agreement.costType, list);
  }
  let budget = 0;
  for (const line of lines) {
    if (line.financialYear !== year.label || line.fundingStream !== HIGH_NEEDS_BLOCK) continue;
    const { original, virements } = budgetOn(line, asOf);
    budget += original + virements;
  }
  const funded = sendRow(
    HIGH_NEEDS_BLOCK,
    costed.filter((c) => c.agreement.fundingStream === HIGH_NEEDS_BLOCK),
  );
  return {
    totals: sendRow('ALL', costed),
    byCostType: [...byType]
      .map(([key, list]) => sendRow(key, list))
      .sort((a, b) => b.forecastPence - a.forecastPence || byKey(a.key, b.key)),
    highNeedsBlock: {
      budgetPence: budget,
      forecastPence: funded.forecastPence,
      variancePence: funded.forecastPence - budget,
      variancePercent: percent(funded.forecastPence - budget, budget),
    },
  };
}

/** One pupil's (or child's) SEND costs costed at asOf, for the child's finance view. */
export function sendCostsOf(costs: Iterable<SendCostFact>, asOf: string): SendCostRow[] {
  const previous = previousFinancialYear(financialYearOf(asOf));
  const costed = [...costs].filter((c) => c.status !== 'CANCELLED').map((c) => cost(c, asOf, previous));
  return highNeedsReport(costed, [], financialYearOf(asOf), asOf).byCostType;
}

// ---------------------------------------------------------------------------------------------

/**
 * The report's figures that depend only on the data and the day, with the costed agreements kept
 * so that children can be ranked for each viewer cheaply ({@link childrenOf}). Costing a county's
 * agreements is the expensive part; a caller may keep this while its inputs are unchanged.
 */
export interface CostedFinance {
  readonly report: Omit<FinanceReport, 'children'>;
  readonly costed: readonly Costed[];
}

/** Costs everything but the per-viewer ranking of children. Inputs as for {@link financeReport}. */
export function costFinance(
  agreements: Iterable<AgreementFact>,
  asOf: string,
  { budgetLines = [], sendCosts = [] }: Omit<FinanceReportOptions, 'childKeyOf'> = {},
): CostedFinance {
  const financialYear = financialYearOf(asOf);
  const previous = previousFinancialYear(financialYear);
  const costed = costable(agreements).map((a) => cost(a, asOf, previous));

  const totals = new Accumulator();
  for (const c of costed) totals.add(c);

  const spent = sumMonthlyCosts(costed.map((c) => c.spentMonths));
  const committed = sumMonthlyCosts(costed.map((c) => c.committedMonths));
  const byMonth = monthsBetween(financialYear.start, financialYear.end).map((month) => ({
    month,
    spentPence: spent.get(month) ?? 0,
    committedPence: committed.get(month) ?? 0,
  }));

  const unitCostByPlacementType = unitCosts(costed, (a) => a.placementType ?? NONE);
  const sendCosted = sendCosts.filter((c) => c.status !== 'CANCELLED').map((c) => cost(c, asOf, previous));
  const charges: BudgetCharge[] = [
    ...costed.map((c) => chargeOf(c.agreement, c)),
    ...sendCosted.map((c) => chargeOf(c.agreement, c)),
  ];
  const report = {
    asOf,
    financialYear,
    previousFinancialYear: previous,
    totals: totals.figures(),
    byServiceType: groupBy(costed, (a) => a.serviceType),
    byPlacementType: groupBy(costed, (a) => a.placementType ?? NONE),
    byProviderType: groupBy(costed, (a) => a.providerType),
    byProvider: groupBy(
      costed,
      (a) => a.providerId,
      (a) => a.providerName,
    ),
    byTeam: groupBy(costed, (a) => a.teamId ?? NONE),
    byMonth,
    budget: budgetReport(charges, budgetLines, financialYear, asOf),
    highNeeds: highNeedsReport(sendCosted, budgetLines, financialYear, asOf),
    unitCosts: {
      byPlacementType: unitCostByPlacementType,
      byProviderType: unitCosts(costed, (a) => a.providerType),
    },
    outlookBasis: outlookBasis(costed, asOf, financialYear, unitCostByPlacementType),
  };
  return { report, costed };
}

/**
 * Each LCS person's figures, highest forecast first, worked out once per costing: asked for each
 * viewer, only the naming and the viewer's reach differ (a county's agreements took tens of
 * milliseconds to group again for every asking).
 */
const byPersonOf = new WeakMap<CostedFinance, ChildSpend[]>();

/** Every child `childKeyOf` names (see {@link FinanceReportOptions}), highest forecast first. */
export function childrenOf(
  finance: CostedFinance,
  childKeyOf: (lcsPersonId: string) => string | null = (id) => id,
): ChildSpend[] {
  let byPerson = byPersonOf.get(finance);
  if (byPerson === undefined) {
    byPerson = groupBy(finance.costed, (a) => a.lcsPersonId).map(({ key, label: _label, ...figures }) => ({
      childKey: key,
      ...figures,
    }));
    byPersonOf.set(finance, byPerson);
  }
  const named: ChildSpend[] = [];
  const seen = new Set<string>();
  for (const person of byPerson) {
    const key = childKeyOf(person.childKey);
    if (key === null) continue;
    // Two people named as one child: their agreements are grouped together, below.
    if (seen.has(key)) return regroupedChildren(finance, childKeyOf);
    seen.add(key);
    named.push({ ...person, childKey: key });
  }
  // Already in forecast order; ties are ordered by the new names, as grouping by them would.
  return named.sort((a, b) => b.forecastYearPence - a.forecastYearPence || byKey(a.childKey, b.childKey));
}

function regroupedChildren(
  { costed }: CostedFinance,
  childKeyOf: (lcsPersonId: string) => string | null,
): ChildSpend[] {
  const keys = new Map<string, string | null>();
  const keyOf = (personId: string) => {
    if (!keys.has(personId)) keys.set(personId, childKeyOf(personId));
    return keys.get(personId)!;
  };
  return groupBy(
    costed.filter((c) => keyOf(c.agreement.lcsPersonId) !== null),
    (a) => keyOf(a.lcsPersonId)!,
  ).map(({ key, label: _label, ...figures }) => ({ childKey: key, ...figures }));
}

/** The whole report. `agreements` must include every agreement open at some point since the previous year's 1 April. */
export function financeReport(
  agreements: Iterable<AgreementFact>,
  asOf: string,
  { childKeyOf, ...options }: FinanceReportOptions = {},
): FinanceReport {
  const costed = costFinance(agreements, asOf, options);
  return { ...costed.report, children: childrenOf(costed, childKeyOf) };
}
