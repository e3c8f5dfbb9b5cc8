/**
 * Timeliness and volume indicators over a period, as pure functions of list facts.
 *
 * Headline timeliness follows the returns: what was COMPLETED in the period (CIN census: assessments
 * authorised in the year, working days from the assessment's start to its authorisation; ICPCs held
 * in the year, from the strategy discussion that started the s47, transfer-in conferences reported
 * apart; SEN2: EHC plans issued in the year within 20 weeks of the request, exceptions apart).
 * Each item is judged as known at `asOf`: a completion dated after `asOf` is not yet counted.
 *
 * The second view, named "started in the period", is the cohort of items whose clock STARTED in
 * the period (assessment start, strategy discussion, EHCP request): completed ones on time or late,
 * open ones within timescale (DUE) or past it (OVERDUE). Its denominator never changes as later
 * completions arrive, which suits a manager tracking a month's intake.
 */
import {
  addMonths,
  summariseTimescales,
  type TimescaleRules,
  type TimescaleSummary,
} from '../rules/index.ts';
import type { AssessmentFact, ContactFact, EhcpFact, IcpcFact, ReferralFact } from './facts.ts';
import { monthOf, monthsBetween, within, type Period } from './periods.ts';

/** How far before a period an item completed in it may have started (bounds the months read). */
export const COMPLETION_LOOKBACK_MONTHS = { assessments: 12, icpcs: 6, ehcpPlans: 24 } as const;

/** The start months to read for items completed in the period. */
export const completionMonths = (period: Period, lookbackMonths: number): string[] =>
  monthsBetween(addMonths(period.from, -lookbackMonths), period.to);

/** Items completed in a period, on time or late; those reported apart are in `excluded`. */
export interface CompletionMeasure {
  /** Completed in the period and in the measure (onTime + late). */
  readonly completed: number;
  readonly onTime: number;
  readonly late: number;
  /** Completed in the period but reported apart (ICPC transfer-ins, EHCP 20-week exceptions, no referral found). */
  readonly excluded: number;
  /** onTime ÷ completed, 0..1; null when none completed. */
  readonly completedOnTimeRatio: number | null;
}

/** A summary of completed items as a completion measure. */
export const completion = (summary: TimescaleSummary): CompletionMeasure => ({
  completed: summary.onTime + summary.late,
  onTime: summary.onTime,
  late: summary.late,
  excluded: summary.excluded,
  completedOnTimeRatio: summary.completedOnTimeRatio,
});

/** Completed in the period and known by asOf. */
export const completedIn = (date: string | null, period: Period, asOf: string): boolean =>
  date !== null && within(date, period) && date <= asOf;

/**
 * Child and family assessments authorised in the period (CIN census), judged on the working days
 * from the assessment's start to its authorisation against 45.
 */
export function assessmentsAuthorisedIn(
  rules: TimescaleRules,
  facts: Iterable<AssessmentFact>,
  period: Period,
  asOf: string,
): CompletionMeasure {
  const results = [];
  for (const a of facts) {
    if (completedIn(a.authorisationDate, period, asOf)) results.push(rules.childAndFamilyAssessment(a, asOf));
  }
  return completion(summariseTimescales(results));
}

/**
 * The same assessments measured from the referral (the Working Together expectation: 45 working
 * days from the referral). An assessment whose referral is not in `referralDates` is in `excluded`.
 */
export function assessmentsFromReferralAuthorisedIn(
  rules: TimescaleRules,
  facts: Iterable<AssessmentFact>,
  referralDates: ReadonlyMap<string, string>,
  period: Period,
  asOf: string,
): CompletionMeasure {
  const results = [];
  for (const a of facts) {
    if (!completedIn(a.authorisationDate, period, asOf)) continue;
    const referralDate = referralDates.get(a.referralId);
    if (referralDate === undefined) {
      results.push({ ...rules.childAndFamilyAssessment(a, asOf), includedInOnTimeMeasure: false });
      continue;
    }
    results.push(
      rules.childAndFamilyAssessment(
        { startDate: referralDate, authorisationDate: a.authorisationDate },
        asOf,
      ),
    );
  }
  return completion(summariseTimescales(results));
}

/**
 * Initial child protection conferences held in the period (CIN census), against 15 working days
 * from the strategy discussion; transfer-in conferences are counted in `excluded` only.
 */
export function icpcsHeldIn(
  rules: TimescaleRules,
  facts: Iterable<IcpcFact>,
  period: Period,
  asOf: string,
): CompletionMeasure {
  const results = [];
  for (const s of facts) {
    if (!completedIn(s.conferenceDate, period, asOf)) continue;
    results.push({
      ...rules.initialChildProtectionConference(s, asOf),
      includedInOnTimeMeasure: !s.transferIn,
    });
  }
  return completion(summariseTimescales(results));
}

/**
 * EHC plans issued in the period (SEN2), against 20 weeks from the request; plans under a 20-week
 * exception are counted in `excluded` only.
 */
export function ehcpPlansIssuedIn(
  rules: TimescaleRules,
  facts: Iterable<EhcpFact>,
  period: Period,
  asOf: string,
): CompletionMeasure {
  const results = [];
  for (const r of facts) {
    if (!completedIn(r.finalPlanIssuedDate, period, asOf)) continue;
    const plan = rules.ehcp(r, asOf).finalPlan;
    if (plan !== null) results.push(plan);
  }
  return completion(summariseTimescales(results));
}

export interface TimelinessMeasure extends TimescaleSummary {
  /** Items whose clock started in the period (the EHCP exceptions included, in `excluded`). */
  readonly started: number;
}

const measure = (summary: TimescaleSummary, started: number): TimelinessMeasure => ({ ...summary, started });

/** Second view: child and family assessments STARTED in the period, against 45 working days. */
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

/** Second view: ICPCs for strategy discussions in the period (transfer-ins too), against 15 working days. */
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
 * Second view: final EHC plans for requests made in the period, against 20 weeks. Requests where no plan is
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

/** Counts by key, largest first, then by key. */
export const sortedCounts = (counts: Map<string, number>): CountByKey[] =>
  [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));

/** Adds `by` to the count under `key`. */
export const bump = (map: Map<string, number>, key: string, by: number) =>
  map.set(key, (map.get(key) ?? 0) + by);

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
export function reReferrals<T extends Pick<ReferralFact, 'personId' | 'referralDate'>>(
  facts: Iterable<T>,
  period: Period,
  /** Which referrals in the period to count (e.g. a team's); every referral still counts as history. */
  counts: (referral: T) => boolean = () => true,
): ReReferralMeasure {
  const byPerson = new Map<string, T[]>();
  for (const referral of facts) {
    const list = byPerson.get(referral.personId);
    if (list) list.push(referral);
    else byPerson.set(referral.personId, [referral]);
  }
  // Few distinct days, many referrals: each day's "12 months before" is worked out once.
  const yearBefore = new Map<string, string>();
  let referrals = 0;
  let repeat = 0;
  // One pass over each person's referrals in date order; a day counts once, if any of its referrals counts.
  for (const list of byPerson.values()) {
    if (list.length > 1)
      list.sort((a, b) => (a.referralDate < b.referralDate ? -1 : a.referralDate > b.referralDate ? 1 : 0));
    let previous: string | undefined;
    for (let i = 0; i < list.length;) {
      const date = list[i]!.referralDate;
      let counted = false;
      for (; i < list.length && list[i]!.referralDate === date; i++) counted ||= counts(list[i]!);
      if (counted && within(date, period)) {
        referrals++;
        if (previous !== undefined) {
          let bound = yearBefore.get(date);
          if (bound === undefined) yearBefore.set(date, (bound = addMonths(date, -12)));
          if (previous >= bound) repeat++;
        }
      }
      previous = date;
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
