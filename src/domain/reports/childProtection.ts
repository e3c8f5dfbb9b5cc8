/**
 * Child protection plans as the CIN census counts them: categories of abuse, second or subsequent
 * plans, plans lasting two years or more, and review conferences on time. Pure.
 */
import { addMonths, summariseTimescales, type TimescaleRules } from '../rules/index.ts';
import type { CpPlanFact } from './facts.ts';
import { openOn, within, type Period } from './periods.ts';
import { completedIn, completion, type CompletionMeasure } from './timeliness.ts';

export interface CountByCategory {
  readonly category: string;
  readonly plans: number;
}

export interface ChildProtectionMeasures {
  /** CP plans started in the period. */
  readonly started: number;
  /** Plans started in the period, by initial category of abuse (NEG, PHY, SAB, EMO, MUL). */
  readonly startedByInitialCategory: CountByCategory[];
  /** Plans open at asOf, by latest category of abuse. */
  readonly openByLatestCategory: CountByCategory[];
  /** Plans started in the period for a child who had a plan before (any time earlier). */
  readonly secondOrSubsequent: number;
  /** Plans ended in the period that had lasted two years or more. */
  readonly endedAfterTwoYearsOrMore: number;
  /** Plans ended in the period. */
  readonly ended: number;
  /** Plans open at asOf that have lasted two years or more. */
  readonly openTwoYearsOrMore: number;
  /** Plans open at asOf. */
  readonly open: number;
  /** Review conferences held in the period: on time (within 3 months of the plan, then 6 of the last review) or late. */
  readonly reviews: CompletionMeasure;
}

const byCategory = (counts: Map<string, number>): CountByCategory[] =>
  [...counts]
    .map(([category, plans]) => ({ category, plans }))
    .sort((a, b) => b.plans - a.plans || (a.category < b.category ? -1 : 1));

/**
 * The CIN census's CP measures over the period, from every plan that started by the period end (a
 * child's earlier plans decide "second or subsequent"). Two years: the plan's second anniversary.
 */
export function childProtectionMeasures(
  rules: TimescaleRules,
  plans: Iterable<CpPlanFact>,
  period: Period,
  asOf: string,
  /** Which plans to count (e.g. those a team held); every plan still counts as the child's history. */
  counts: (plan: CpPlanFact) => boolean = () => true,
): ChildProtectionMeasures {
  const known = [...plans].filter((p) => p.startDate <= asOf);
  const firstStart = new Map<string, string>();
  for (const p of known) {
    const first = firstStart.get(p.personId);
    if (first === undefined || p.startDate < first) firstStart.set(p.personId, p.startDate);
  }
  const initial = new Map<string, number>();
  const latest = new Map<string, number>();
  let started = 0;
  let repeat = 0;
  let ended = 0;
  let endedLong = 0;
  let open = 0;
  let openLong = 0;
  const heldReviews = [];
  for (const p of known) {
    if (!counts(p)) continue;
    const chain = rules.childProtectionReviews(
      { startDate: p.startDate, endDate: p.endDate, eventDates: p.reviewDates },
      asOf,
    );
    for (const o of chain.occurrences) if (completedIn(o.completedDate, period, asOf)) heldReviews.push(o);
    const endKnown = p.endDate !== null && p.endDate <= asOf ? p.endDate : null;
    if (within(p.startDate, period)) {
      started++;
      initial.set(p.initialCategory, (initial.get(p.initialCategory) ?? 0) + 1);
      if (firstStart.get(p.personId)! < p.startDate) repeat++;
    }
    if (endKnown !== null && within(endKnown, period)) {
      ended++;
      if (endKnown >= addMonths(p.startDate, 24)) endedLong++;
    }
    if (openOn(p.startDate, endKnown, asOf)) {
      open++;
      latest.set(p.latestCategory, (latest.get(p.latestCategory) ?? 0) + 1);
      if (asOf >= addMonths(p.startDate, 24)) openLong++;
    }
  }
  return {
    started,
    startedByInitialCategory: byCategory(initial),
    openByLatestCategory: byCategory(latest),
    secondOrSubsequent: repeat,
    endedAfterTwoYearsOrMore: endedLong,
    ended,
    openTwoYearsOrMore: openLong,
    open,
    reviews: completion(summariseTimescales(heldReviews)),
  };
}
