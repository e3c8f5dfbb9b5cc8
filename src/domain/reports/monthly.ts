/**
 * The period month by month: children on CP plans and looked after on each month's last day, and
 * each month's contacts and assessments completed (and on time). Pure.
 */
import type { TimescaleRules } from '../rules/index.ts';
import type { AssessmentFact, ClaEpisodeFact, ContactFact, CpPlanFact } from './facts.ts';
import { earlier, monthBounds, monthOf, monthsBetween, openOn, within, type Period } from './periods.ts';
import { completedIn } from './timeliness.ts';

/** One month of the period's trend. */
export interface MonthFigures {
  /** `YYYY-MM`. */
  readonly month: string;
  /** The day the snapshot counts are taken: the month's last day, or asOf / the period end if earlier. */
  readonly countedOn: string;
  /** Distinct children with a CP plan open on `countedOn`. */
  readonly onChildProtectionPlans: number;
  /** Distinct children looked after on `countedOn`. */
  readonly lookedAfter: number;
  /** Front-door contacts dated in the month (within the period, up to asOf). */
  readonly contacts: number;
  /** Assessments authorised in the month (within the period, up to asOf). */
  readonly assessmentsCompleted: number;
  /** Of those, authorised within 45 working days of the start. */
  readonly assessmentsCompletedOnTime: number;
}

export interface MonthlyInputs {
  readonly cpPlans: Iterable<CpPlanFact>;
  readonly claEpisodes: Iterable<ClaEpisodeFact>;
  readonly contacts: Iterable<ContactFact>;
  readonly assessments: Iterable<AssessmentFact>;
  /** Which children a snapshot counts on a date (e.g. those a team held then); default all. */
  readonly countsOn?: (personId: string, date: string) => boolean;
}

/** The period month by month: snapshots on each month's last day, and the month's flows. */
export function monthlySeries(
  rules: TimescaleRules,
  period: Period,
  asOf: string,
  inputs: MonthlyInputs,
): MonthFigures[] {
  const lastCounted = earlier(period.to, asOf);
  const months = monthsBetween(period.from, lastCounted < period.from ? period.from : lastCounted);
  const cpPlans = [...inputs.cpPlans];
  const claEpisodes = [...inputs.claEpisodes];
  const flows = new Map(months.map((m) => [m, { contacts: 0, completed: 0, onTime: 0 }]));
  const counted: Period = { from: period.from, to: lastCounted };
  for (const c of inputs.contacts) {
    if (within(c.contactDate, counted)) flows.get(monthOf(c.contactDate))!.contacts += c.count;
  }
  for (const a of inputs.assessments) {
    if (!completedIn(a.authorisationDate, counted, asOf)) continue;
    const month = flows.get(monthOf(a.authorisationDate!))!;
    month.completed++;
    if (rules.childAndFamilyAssessment(a, asOf).status === 'ON_TIME') month.onTime++;
  }
  return months.map((month) => {
    const countedOn = earlier(monthBounds(month).to, lastCounted);
    const counts = inputs.countsOn ?? (() => true);
    const onPlans = new Set<string>();
    for (const p of cpPlans)
      if (openOn(p.startDate, p.endDate, countedOn) && counts(p.personId, countedOn)) onPlans.add(p.personId);
    const lookedAfter = new Set<string>();
    for (const e of claEpisodes)
      if (openOn(e.startDate, e.ceasedDate, countedOn) && counts(e.personId, countedOn))
        lookedAfter.add(e.personId);
    const flow = flows.get(month)!;
    return {
      month,
      countedOn,
      onChildProtectionPlans: onPlans.size,
      lookedAfter: lookedAfter.size,
      contacts: flow.contacts,
      assessmentsCompleted: flow.completed,
      assessmentsCompletedOnTime: flow.onTime,
    };
  });
}
