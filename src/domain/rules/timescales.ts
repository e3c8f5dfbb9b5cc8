/**
 * The statutory timescales of children's social care and SEND (see /work/shared/DOMAIN.md), as
 * rules over records that carry ISO dates. Build once with a calendar and settings, then call per
 * record with the "as at" day: no rule reads the clock.
 *
 *   const rules = createTimescaleRules({ calendar: createWorkingDayCalendar() });
 *   rules.childAndFamilyAssessment({ startDate: '2025-01-06', authorisationDate: null }, '2025-03-03');
 *
 * Each single-deadline rule returns a {@link TimescaleResult}; each recurring rule (reviews, visits)
 * returns a {@link RecurringTimescale}. Statuses, `asOf` and `daysLate` follow timescaleStatus.ts.
 */
import type { WorkingDayCalendar } from './calendar.ts';
import { addMonthsToDay, toDayNumber, type DayNumber, type IsoDate } from './dates.ts';
import {
  addInterval,
  DEFAULT_TIMESCALE_SETTINGS,
  type Interval,
  type TimescaleSettings,
} from './timescaleSettings.ts';
import {
  judgeChain,
  judgeDeadline,
  type RecurringTimescale,
  type TimescaleResult,
} from './timescaleStatus.ts';

export type { RecurringTimescale, TimescaleResult, TimescaleStatus } from './timescaleStatus.ts';

export interface ContactRecord {
  readonly contactDate: IsoDate;
  /** When the decision (referral, NFA, early help...) was made; null while undecided. */
  readonly decisionDate: IsoDate | null;
}

export interface AssessmentRecord {
  /** The sector measures the 45 working days from the assessment start, not the referral. */
  readonly startDate: IsoDate;
  /** Authorisation completes the assessment. */
  readonly authorisationDate: IsoDate | null;
}

export interface Section47Record {
  /** The strategy discussion that started the s47 enquiry. */
  readonly strategyDiscussionDate: IsoDate;
  readonly conferenceDate: IsoDate | null;
}

/** A plan, episode or placement with a start, an end and the recurring events held during it. */
export interface RecurringRecord {
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  readonly eventDates: readonly IsoDate[];
}

export interface EhcpRequestRecord {
  /** The request for an EHC needs assessment: the start of the 6 and 20 weeks. */
  readonly requestDate: IsoDate;
  /** When the council decided whether to assess; null while undecided. */
  readonly decisionDate: IsoDate | null;
  /** false when it decided not to assess: no plan is then due. null while undecided. */
  readonly decidedToAssess: boolean | null;
  readonly finalPlanIssuedDate: IsoDate | null;
  /** After assessing, the council decided not to issue a plan: no plan is then due. */
  readonly decidedNotToIssuePlan?: boolean;
  /** An exception to the 20 weeks applies (SEND Regulations 2014 reg 13(3)). */
  readonly twentyWeekException: boolean;
  /**
   * The request was closed without a plan (refused, withdrawn, or no plan after assessment) on
   * this date. From then on nothing is due: an undecided request's decision clock stops that day.
   */
  readonly closedWithoutPlanDate?: IsoDate | null;
  /** The request was closed without a plan; with no `closedWithoutPlanDate`, on a date not recorded. */
  readonly closedWithoutPlan?: boolean;
}

export interface EhcpTimescales {
  /** null when the request was closed without a plan on no recorded date and no decision is dated. */
  readonly decisionToAssess: TimescaleResult | null;
  /** null when no plan is due (the council decided not to assess, or not to issue). */
  readonly finalPlan: (TimescaleResult & { readonly includedInOnTimeMeasure: boolean }) | null;
}

export interface TimescaleRules {
  readonly settings: TimescaleSettings;
  /** Due `referralDecision` (1 working day) after the contact. */
  referralDecision(contact: ContactRecord, asOf: IsoDate): TimescaleResult;
  /** Due `childAndFamilyAssessment` (45 working days) after the start; completed on authorisation. */
  childAndFamilyAssessment(assessment: AssessmentRecord, asOf: IsoDate): TimescaleResult;
  /** Due `initialChildProtectionConference` (15 working days) after the strategy discussion. */
  initialChildProtectionConference(enquiry: Section47Record, asOf: IsoDate): TimescaleResult;
  /** Plan start (the ICPC) and review conferences: first within 3 months, then 6-monthly. */
  childProtectionReviews(plan: RecurringRecord, asOf: IsoDate): RecurringTimescale;
  /** CP plan start and visits: first visit and each next within the local interval (10 working days). */
  childProtectionVisits(plan: RecurringRecord, asOf: IsoDate): RecurringTimescale;
  /** CIN plan start and visits: first visit and each next within the local interval (20 working days). */
  childInNeedVisits(plan: RecurringRecord, asOf: IsoDate): RecurringTimescale;
  /** Becoming looked after and reviews: 20 working days, then 3 months, then 6-monthly. */
  lookedAfterReviews(episode: RecurringRecord, asOf: IsoDate): RecurringTimescale;
  /** Placement start and visits: within 1 week, then 6-weekly (interval set by the previous visit's year). */
  lookedAfterVisits(placement: RecurringRecord, asOf: IsoDate): RecurringTimescale;
  /** Decision to assess within 6 weeks and final plan within 20 weeks of the request. */
  ehcp(request: EhcpRequestRecord, asOf: IsoDate): EhcpTimescales;
}

export interface TimescaleRulesOptions {
  readonly calendar: WorkingDayCalendar;
  /** Defaults to {@link DEFAULT_TIMESCALE_SETTINGS}; use resolveTimescaleSettings to override parts. */
  readonly settings?: TimescaleSettings;
}

function optionalDay(date: IsoDate | null | undefined, parameter: string): DayNumber | null {
  return date === null || date === undefined ? null : toDayNumber(date, parameter);
}

export function createTimescaleRules({
  calendar,
  settings = DEFAULT_TIMESCALE_SETTINGS,
}: TimescaleRulesOptions): TimescaleRules {
  const after = (from: DayNumber, interval: Interval) => addInterval(from, interval, calendar.days);
  const lateBy = calendar.days.workingDaysBetween;

  function single(
    start: IsoDate,
    startParameter: string,
    completed: IsoDate | null,
    completedParameter: string,
    interval: Interval,
    asOf: IsoDate,
  ): TimescaleResult {
    const due = after(toDayNumber(start, startParameter), interval);
    return judgeDeadline(due, optionalDay(completed, completedParameter), toDayNumber(asOf, 'asOf'), lateBy);
  }

  function recurring(
    record: RecurringRecord,
    asOf: IsoDate,
    dueAfter: (start: DayNumber) => (previous: DayNumber, index: number) => DayNumber,
  ): RecurringTimescale {
    const start = toDayNumber(record.startDate, 'startDate');
    return judgeChain({
      start,
      end: optionalDay(record.endDate, 'endDate'),
      events: record.eventDates.map((date, index) => toDayNumber(date, `eventDates[${index}]`)),
      asOf: toDayNumber(asOf, 'asOf'),
      dueAfter: dueAfter(start),
      lateBy,
    });
  }

  /** First occurrence at `intervals[0]`, second at `intervals[1]`..., the last one repeating. */
  const sequence =
    (...intervals: readonly Interval[]) =>
    () =>
    (previous: DayNumber, index: number) =>
      after(previous, intervals[Math.min(index, intervals.length - 1)]!);

  return {
    settings,
    referralDecision: (contact, asOf) =>
      single(
        contact.contactDate,
        'contactDate',
        contact.decisionDate,
        'decisionDate',
        settings.referralDecision,
        asOf,
      ),
    childAndFamilyAssessment: (assessment, asOf) =>
      single(
        assessment.startDate,
        'startDate',
        assessment.authorisationDate,
        'authorisationDate',
        settings.childAndFamilyAssessment,
        asOf,
      ),
    initialChildProtectionConference: (enquiry, asOf) =>
      single(
        enquiry.strategyDiscussionDate,
        'strategyDiscussionDate',
        enquiry.conferenceDate,
        'conferenceDate',
        settings.initialChildProtectionConference,
        asOf,
      ),
    childProtectionReviews: (plan, asOf) =>
      recurring(
        plan,
        asOf,
        sequence(settings.childProtectionReviews.first, settings.childProtectionReviews.subsequent),
      ),
    childProtectionVisits: (plan, asOf) => recurring(plan, asOf, sequence(settings.childProtectionVisits)),
    childInNeedVisits: (plan, asOf) => recurring(plan, asOf, sequence(settings.childInNeedVisits)),
    lookedAfterReviews: (episode, asOf) => {
      const { first, second, subsequent } = settings.lookedAfterReviews;
      return recurring(episode, asOf, sequence(first, second, subsequent));
    },
    lookedAfterVisits: (placement, asOf) => {
      const { first, duringFirstYear, afterFirstYear } = settings.lookedAfterVisits;
      return recurring(placement, asOf, (start) => {
        const firstAnniversary = addMonthsToDay(start, 12);
        return (previous, index) =>
          after(
            previous,
            index === 0 ? first : previous < firstAnniversary ? duringFirstYear : afterFirstYear,
          );
      });
    },
    ehcp: (request, asOf) => {
      const asOfDay = toDayNumber(asOf, 'asOf');
      // Closed, but when is not recorded: nothing can be judged, and nothing is due.
      if (request.closedWithoutPlan === true && !request.closedWithoutPlanDate && !request.decisionDate) {
        return { decisionToAssess: null, finalPlan: null };
      }
      const closedDay = optionalDay(request.closedWithoutPlanDate, 'closedWithoutPlanDate');
      const closedKnown = closedDay !== null && closedDay <= asOfDay;
      // A request closed before any decision stops the decision clock on its outcome date.
      const decisionToAssess = single(
        request.requestDate,
        'requestDate',
        request.decisionDate ?? (closedKnown ? request.closedWithoutPlanDate! : null),
        'decisionDate',
        settings.ehcp.decisionToAssess,
        asOf,
      );
      // A decision dated after asOf was not yet known then, so the plan clock still ran.
      const decisionDay = optionalDay(request.decisionDate, 'decisionDate');
      const decisionKnown = decisionDay === null || decisionDay <= asOfDay;
      const noPlanDue =
        closedKnown ||
        (request.decidedToAssess === false && decisionKnown) ||
        request.decidedNotToIssuePlan === true;
      if (noPlanDue) {
        return { decisionToAssess, finalPlan: null };
      }
      const finalPlan = single(
        request.requestDate,
        'requestDate',
        request.finalPlanIssuedDate,
        'finalPlanIssuedDate',
        settings.ehcp.finalPlan,
        asOf,
      );
      return {
        decisionToAssess,
        finalPlan: { ...finalPlan, includedInOnTimeMeasure: !request.twentyWeekException },
      };
    },
  };
}
