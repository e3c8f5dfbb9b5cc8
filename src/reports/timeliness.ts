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
} from '../domain/index.ts';
import type {
  AssessmentFact,
  ClaEpisodeFact,
  ContactFact,
  CpPlanFact,
  EhcpFact,
  IcpcFact,
  PlacementFact,
  ReferralFact,
} from './facts.ts';
import { earlier, monthBounds, monthOf, monthsBetween, openOn, within, type Period } from './periods.ts';

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

const completion = (summary: TimescaleSummary): CompletionMeasure => ({
  completed: summary.onTime + summary.late,
  onTime: summary.onTime,
  late: summary.late,
  excluded: summary.excluded,
  completedOnTimeRatio: summary.completedOnTimeRatio,
});

const completedIn = (date: string | null, period: Period, asOf: string): boolean =>
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
export function reReferrals<T extends Pick<ReferralFact, 'personId' | 'referralDate'>>(
  facts: Iterable<T>,
  period: Period,
  /** Which referrals in the period to count (e.g. a team's); every referral still counts as history. */
  counts: (referral: T) => boolean = () => true,
): ReReferralMeasure {
  const counted = new Set<string>();
  const datesByPerson = new Map<string, string[]>();
  for (const referral of facts) {
    const dates = datesByPerson.get(referral.personId);
    if (dates) dates.push(referral.referralDate);
    else datesByPerson.set(referral.personId, [referral.referralDate]);
    if (counts(referral)) counted.add(`${referral.personId}|${referral.referralDate}`);
  }
  let referrals = 0;
  let repeat = 0;
  for (const [personId, dates] of datesByPerson) {
    const distinct = [...new Set(dates)].sort();
    for (const [index, date] of distinct.entries()) {
      if (!within(date, period) || !counted.has(`${personId}|${date}`)) continue;
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

/** What reads as the RAG rating of a contact not yet triaged. */
export const UNTRIAGED = 'UNTRIAGED';

export interface FrontDoorMeasures {
  /** Contacts dated in the period (up to asOf). */
  readonly contacts: number;
  /** By route (C-SPA, L-SPA), largest first. */
  readonly byRoute: CountByKey[];
  /** By RAG rating (RED, AMBER, GREEN, or UNTRIAGED), largest first. */
  readonly byRag: CountByKey[];
  /** Of the contacts, decided by asOf. */
  readonly decided: number;
  /** Of those, decided within one working day of the contact (the contact day never counted). */
  readonly decidedWithinOneWorkingDay: number;
  /** Contacts not decided by asOf and past their one working day. */
  readonly undecidedOverdue: number;
  /** Contacts decided as a social care referral. */
  readonly socialCareReferrals: number;
}

/** The front door's measures over the period: routes, RAG, decision timeliness and conversion. */
export function frontDoorMeasures(
  rules: TimescaleRules,
  facts: Iterable<ContactFact>,
  period: Period,
  asOf: string,
): FrontDoorMeasures {
  const counted: Period = { from: period.from, to: earlier(period.to, asOf) };
  const route = new Map<string, number>();
  const rag = new Map<string, number>();
  let contacts = 0;
  let decided = 0;
  let onTime = 0;
  let overdue = 0;
  let referrals = 0;
  for (const c of facts) {
    if (!within(c.contactDate, counted)) continue;
    contacts += c.count;
    bump(route, c.route, c.count);
    const known = c.decidedDate !== null && c.decidedDate <= asOf;
    bump(rag, known && c.rag !== null ? c.rag : UNTRIAGED, c.count);
    const result = rules.referralDecision({ contactDate: c.contactDate, decisionDate: c.decidedDate }, asOf);
    if (result.status === 'OVERDUE') overdue += c.count;
    if (!known) continue;
    decided += c.count;
    if (result.status === 'ON_TIME') onTime += c.count;
    if (c.decision === 'SOCIAL_CARE_REFERRAL') referrals += c.count;
  }
  return {
    contacts,
    byRoute: sortedCounts(route),
    byRag: sortedCounts(rag),
    decided,
    decidedWithinOneWorkingDay: onTime,
    undecidedOverdue: overdue,
    socialCareReferrals: referrals,
  };
}

export interface PlacementStability {
  /** Children looked after on the period's last counted day. */
  readonly lookedAfter: number;
  /** Of those, children with three or more placements open at some point in the period (SSDA903 short-term stability). */
  readonly threeOrMorePlacements: number;
  /** Of those, children under 16 looked after for 2.5 years or more (this period of care). */
  readonly longTermCohort: number;
  /** Of the long-term cohort, children in the same placement for 2 years or more (SSDA903 long-term stability). */
  readonly samePlacementTwoYearsOrMore: number;
  /** Children whose placement on the day is more than 20 miles from home. */
  readonly placedOver20Miles: number;
}

/**
 * Placement stability as the SSDA903 measures read it, for children looked after on `on` (the
 * earlier of asOf and the period end). Ages need dates of birth: `dateOfBirth` gives them (null
 * when unknown: such a child is left out of the under-16 cohort).
 */
export function placementStability(
  episodes: Iterable<ClaEpisodeFact>,
  placements: Iterable<PlacementFact>,
  period: Period,
  asOf: string,
  dateOfBirth: (personId: string) => string | null,
): PlacementStability {
  const on = earlier(period.to, asOf);
  const enteredCare = new Map<string, string>();
  for (const e of episodes) {
    if (!openOn(e.startDate, e.ceasedDate, on)) continue;
    const known = enteredCare.get(e.personId);
    if (known === undefined || e.enteredCareDate < known) enteredCare.set(e.personId, e.enteredCareDate);
  }
  const during = new Map<string, number>();
  const current = new Map<string, PlacementFact>();
  for (const p of placements) {
    if (!enteredCare.has(p.personId) || p.startDate > on) continue;
    const endKnown = p.endDate !== null && p.endDate <= on ? p.endDate : null;
    if (endKnown === null || endKnown > period.from)
      during.set(p.personId, (during.get(p.personId) ?? 0) + 1);
    if (openOn(p.startDate, endKnown, on)) {
      const known = current.get(p.personId);
      if (known === undefined || p.startDate > known.startDate) current.set(p.personId, p);
    }
  }
  let three = 0;
  let cohort = 0;
  let same = 0;
  let far = 0;
  for (const [personId, entered] of enteredCare) {
    if ((during.get(personId) ?? 0) >= 3) three++;
    const placement = current.get(personId);
    if (placement && (placement.distanceFromHomeMiles ?? 0) > 20) far++;
    const born = dateOfBirth(personId);
    if (born === null || on >= addMonths(born, 16 * 12)) continue;
    if (on < addMonths(entered, 30)) continue;
    cohort++;
    if (placement && on >= addMonths(placement.startDate, 24)) same++;
  }
  return {
    lookedAfter: enteredCare.size,
    threeOrMorePlacements: three,
    longTermCohort: cohort,
    samePlacementTwoYearsOrMore: same,
    placedOver20Miles: far,
  };
}
