/**
 * Timeliness and volume indicators over a period, as pure functions of list facts.
 *
 * Timeliness measures are cohort measures: the items whose clock STARTED in the period (the
 * assessment start, the strategy discussion, the EHCP request), each judged as known at `asOf`
 * (the period end, or today when the period runs on). Of those completed, the share on time is the
 * headline; those still open are counted as within timescale (DUE) or past it (OVERDUE). A cohort
 * measure never changes its denominator as later completions arrive, which keeps a month's figure
 * comparable with the next.
 */
import {
  addMonths,
  summariseTimescales,
  type TimescaleRules,
  type TimescaleSummary,
} from '../domain/index.ts';
import type { AssessmentFact, ContactFact, EhcpFact, IcpcFact, ReferralFact } from './facts.ts';
import { monthOf, monthsBetween, within, type Period } from './periods.ts';

export interface TimelinessMeasure extends TimescaleSummary {
  /** Items whose clock started in the period (the EHCP exceptions included, in `excluded`). */
  readonly started: number;
}

const measure = (summary: TimescaleSummary, started: number): TimelinessMeasure => ({ ...summary, started });

/** Child and family assessments started in the period against 45 working days. */
export function assessmentTimeliness(
  rules: TimescaleRules,
  facts: Iterable<AssessmentFact>,
  period: Period,
  asOf: string,
): TimelinessMeasure {
  const cohort = [...facts].filter((a) => within(a.startDate, period) && a.startDate <= asOf);
  return measure(
    summariseTimescales(cohort.map((a) => rules.childAndFamilyAssessment(a, asOf))),
    cohort.length,
  );
}

/** Initial child protection conferences for strategy discussions in the period, against 15 working days. */
export function icpcTimeliness(
  rules: TimescaleRules,
  facts: Iterable<IcpcFact>,
  period: Period,
  asOf: string,
): TimelinessMeasure {
  const cohort = [...facts].filter(
    (s) => within(s.strategyDiscussionDate, period) && s.strategyDiscussionDate <= asOf,
  );
  return measure(
    summariseTimescales(cohort.map((s) => rules.initialChildProtectionConference(s, asOf))),
    cohort.length,
  );
}

/**
 * Final EHC plans for requests made in the period, against 20 weeks. Requests where no plan is
 * due (refused, withdrawn, no plan after assessment) are not in the measure; requests under a
 * 20-week exception are counted in `excluded`, as the published figure leaves them out.
 */
export function ehcpTimeliness(
  rules: TimescaleRules,
  facts: Iterable<EhcpFact>,
  period: Period,
  asOf: string,
): TimelinessMeasure {
  const cohort = [...facts].filter((r) => within(r.requestDate, period) && r.requestDate <= asOf);
  const plans = cohort.flatMap((r) => {
    const plan = rules.ehcp(r, asOf).finalPlan;
    return plan === null ? [] : [plan];
  });
  return measure(summariseTimescales(plans), plans.length);
}

export interface CountByKey {
  readonly key: string;
  readonly count: number;
}

export interface ContactMonth {
  readonly month: string;
  readonly total: number;
  readonly bySource: CountByKey[];
  readonly byOutcome: CountByKey[];
  readonly bySourceAndOutcome: {
    readonly source: string;
    readonly outcome: string;
    readonly count: number;
  }[];
}

/** What an undecided contact's outcome reads as. */
export const UNDECIDED = 'UNDECIDED';

const sortedCounts = (counts: Map<string, number>): CountByKey[] =>
  [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));

const bump = (map: Map<string, number>, key: string, by: number) => map.set(key, (map.get(key) ?? 0) + by);

/** Front-door contacts dated in the period, per calendar month (every month listed, empty ones too). */
export function contactsByMonth(facts: Iterable<ContactFact>, period: Period): ContactMonth[] {
  const months = new Map(
    monthsBetween(period.from, period.to).map((month) => [
      month,
      {
        total: 0,
        source: new Map<string, number>(),
        outcome: new Map<string, number>(),
        pair: new Map<string, number>(),
      },
    ]),
  );
  for (const contact of facts) {
    if (!within(contact.contactDate, period)) continue;
    const month = months.get(monthOf(contact.contactDate))!;
    const outcome = contact.decision ?? UNDECIDED;
    month.total += contact.count;
    bump(month.source, contact.sourceCode, contact.count);
    bump(month.outcome, outcome, contact.count);
    bump(month.pair, `${contact.sourceCode}\u0000${outcome}`, contact.count);
  }
  return [...months].map(([month, m]) => ({
    month,
    total: m.total,
    bySource: sortedCounts(m.source),
    byOutcome: sortedCounts(m.outcome),
    bySourceAndOutcome: sortedCounts(m.pair).map(({ key, count }) => {
      const [source, outcome] = key.split('\u0000') as [string, string];
      return { source, outcome, count };
    }),
  }));
}

export interface ReReferralMeasure {
  /** Referrals dated in the period. */
  readonly referrals: number;
  /** Of those, referrals of a child referred before within the 12 months up to (not including) that day. */
  readonly reReferrals: number;
  /** reReferrals ÷ referrals, 0..1; null when there were no referrals. */
  readonly ratio: number | null;
}

/** The months to read so that {@link reReferrals} sees the 12 months before the period. */
export const reReferralMonths = (period: Period): string[] =>
  monthsBetween(addMonths(period.from, -12), period.to);

/**
 * Re-referrals within 12 months (the CIN census measure): a referral in the period is a
 * re-referral when the same LCS person had another referral dated within the 12 months before it.
 * Two referrals on one day are one referral for this purpose.
 */
export function reReferrals(facts: Iterable<ReferralFact>, period: Period): ReReferralMeasure {
  const datesByPerson = new Map<string, string[]>();
  for (const referral of facts) {
    const dates = datesByPerson.get(referral.personId);
    if (dates) dates.push(referral.referralDate);
    else datesByPerson.set(referral.personId, [referral.referralDate]);
  }
  let referrals = 0;
  let repeat = 0;
  for (const dates of datesByPerson.values()) {
    const distinct = [...new Set(dates)].sort();
    for (const [index, date] of distinct.entries()) {
      if (!within(date, period)) continue;
      referrals++;
      const previous = distinct[index - 1];
      if (previous !== undefined && previous >= addMonths(date, -12)) repeat++;
    }
  }
  return { referrals, reReferrals: repeat, ratio: referrals === 0 ? null : repeat / referrals };
}

export interface ChildrenAtDate {
  readonly date: string;
  /** Distinct children (LCS person ids) with a child protection plan open on the date. */
  readonly onChildProtectionPlans: number;
  /** Distinct children with a looked-after episode open on the date. */
  readonly lookedAfter: number;
}

export const childrenAtDate = (
  date: string,
  cpPersonIds: Iterable<string>,
  claPersonIds: Iterable<string>,
): ChildrenAtDate => ({
  date,
  onChildProtectionPlans: new Set(cpPersonIds).size,
  lookedAfter: new Set(claPersonIds).size,
});
