/**
 * Spend, commitments and projections across service agreements, in exact integer pence, as pure
 * functions of the agreements and "today" (`asOf`). The costing rules (rate changes, backdated
 * changes, early ends, open-ended agreements) are src/domain/cost.ts's; this module only groups.
 *
 * Assumptions, stated once:
 * - An open-ended agreement runs on at its latest rate; its remaining commitment is counted to the
 *   end of the current financial year (the horizon a council budgets to), never beyond.
 * - A CANCELLED agreement costs nothing and is left out. A PENDING one is costed from its start.
 * - "Forecast" for a year = spent so far this financial year + projected to 31 March.
 */
import {
  addDays,
  costBetween,
  costByMonth,
  financialYearOf,
  projectAgreement,
  sumMonthlyCosts,
  type FinancialYear,
} from '../domain/index.ts';
import type { AgreementFact } from './facts.ts';
import { monthsBetween } from './periods.ts';

export interface SpendFigures {
  readonly agreements: number;
  /** Distinct children (LCS person ids). */
  readonly children: number;
  readonly openEndedAgreements: number;
  /** From each agreement's start to asOf. */
  readonly toDatePence: number;
  /** 1 April to asOf. */
  readonly thisFinancialYearPence: number;
  /** The day after asOf to 31 March. */
  readonly projectedToYearEndPence: number;
  /** thisFinancialYear + projectedToYearEnd. */
  readonly forecastYearPence: number;
  /** The day after asOf to each agreement's actual or planned end (agreements with a known end). */
  readonly projectedToPlannedEndPence: number;
  /** Still to pay from the day after asOf: to each known end, or to 31 March when open-ended. */
  readonly committedPence: number;
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
  /** Cost of the month's days after asOf, at the rates then in force. */
  readonly projectedPence: number;
}

export interface ChildSpend extends SpendFigures {
  /** The child's key from `childKeyOf` (e.g. the hub id, joining a child's duplicate LCS records). */
  readonly childKey: string;
}

export interface FinanceReportOptions {
  /**
   * The child an LCS person id belongs to, or null to leave that person out of `children` (a
   * child hidden from the viewer); their agreements still count in every total. Default: the id.
   */
  readonly childKeyOf?: (lcsPersonId: string) => string | null;
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
}

/** The figures of no agreements at all. */
export const NO_SPEND: SpendFigures = Object.freeze({
  agreements: 0,
  children: 0,
  openEndedAgreements: 0,
  toDatePence: 0,
  thisFinancialYearPence: 0,
  projectedToYearEndPence: 0,
  forecastYearPence: 0,
  projectedToPlannedEndPence: 0,
  committedPence: 0,
  weeklyRateNowPence: 0,
  previousYearPence: 0,
  changePence: 0,
});

/** Shown for a missing team or placement type. */
export const NONE = 'NONE';

/** The previous April-to-March year. */
export const previousFinancialYear = (year: FinancialYear): FinancialYear =>
  financialYearOf(addDays(year.start, -1));

/** One agreement costed at asOf. */
interface Costed {
  readonly agreement: AgreementFact;
  readonly toDate: number;
  readonly thisYear: number;
  readonly toYearEnd: number;
  readonly toPlannedEnd: number | null;
  readonly weeklyNow: number;
  readonly previousYear: number;
}

function cost(agreement: AgreementFact, asOf: string, previous: FinancialYear): Costed {
  const projection = projectAgreement(agreement, asOf);
  return {
    agreement,
    toDate: projection.toDatePence,
    thisYear: projection.thisFinancialYearPence,
    toYearEnd: projection.projectedToYearEndPence,
    toPlannedEnd: projection.projectedToPlannedEndPence,
    weeklyNow: projection.weeklyRateNowPence,
    previousYear: costBetween(agreement, previous.start, previous.end),
  };
}

class Accumulator {
  agreements = 0;
  openEnded = 0;
  people = new Set<string>();
  toDate = 0;
  thisYear = 0;
  toYearEnd = 0;
  toPlannedEnd = 0;
  committed = 0;
  weeklyNow = 0;
  previousYear = 0;

  add(c: Costed): void {
    this.agreements++;
    this.people.add(c.agreement.lcsPersonId);
    if (c.toPlannedEnd === null) this.openEnded++;
    this.toDate += c.toDate;
    this.thisYear += c.thisYear;
    this.toYearEnd += c.toYearEnd;
    this.toPlannedEnd += c.toPlannedEnd ?? 0;
    this.committed += c.toPlannedEnd ?? c.toYearEnd;
    this.weeklyNow += c.weeklyNow;
    this.previousYear += c.previousYear;
  }

  figures(): SpendFigures {
    const forecast = this.thisYear + this.toYearEnd;
    return {
      agreements: this.agreements,
      children: this.people.size,
      openEndedAgreements: this.openEnded,
      toDatePence: this.toDate,
      thisFinancialYearPence: this.thisYear,
      projectedToYearEndPence: this.toYearEnd,
      forecastYearPence: forecast,
      projectedToPlannedEndPence: this.toPlannedEnd,
      committedPence: this.committed,
      weeklyRateNowPence: this.weeklyNow,
      previousYearPence: this.previousYear,
      changePence: forecast - this.previousYear,
    };
  }
}

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
    .sort(
      (a, b) => b.forecastYearPence - a.forecastYearPence || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
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

/** The whole report. `agreements` must include every agreement open at some point since the previous year's 1 April. */
export function financeReport(
  agreements: Iterable<AgreementFact>,
  asOf: string,
  { childKeyOf = (id) => id }: FinanceReportOptions = {},
): FinanceReport {
  const financialYear = financialYearOf(asOf);
  const previous = previousFinancialYear(financialYear);
  const costed = costable(agreements).map((a) => cost(a, asOf, previous));

  const totals = new Accumulator();
  for (const c of costed) totals.add(c);

  const spent = sumMonthlyCosts(costed.map((c) => costByMonth(c.agreement, financialYear.start, asOf)));
  const projected = sumMonthlyCosts(
    costed.map((c) => costByMonth(c.agreement, addDays(asOf, 1), financialYear.end)),
  );
  const byMonth = monthsBetween(financialYear.start, financialYear.end).map((month) => ({
    month,
    spentPence: spent.get(month) ?? 0,
    projectedPence: projected.get(month) ?? 0,
  }));

  const keys = new Map<string, string | null>();
  const keyOf = (personId: string) => {
    if (!keys.has(personId)) keys.set(personId, childKeyOf(personId));
    return keys.get(personId)!;
  };
  const children = groupBy(
    costed.filter((c) => keyOf(c.agreement.lcsPersonId) !== null),
    (a) => keyOf(a.lcsPersonId)!,
  ).map(({ key, label: _label, ...figures }) => ({ childKey: key, ...figures }));

  return {
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
    children,
  };
}
