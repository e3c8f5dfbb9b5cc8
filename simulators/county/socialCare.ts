/**
 * One child's social care journey in LCS, written in order so it is internally consistent:
 * contact -> referral -> assessment -> (s47 -> strategy discussion -> ICPC -> CP plan with reviews and
 * visits) -> CIN plan or CLA (episodes, placements, legal statuses, reviews, missing episodes) ->
 * closure; early help beside it; involvements tie every open case to its allocated worker.
 */
import type {
  LcsAssessmentRecord as LcsAssessment,
  LcsClaEpisodeRecord as LcsClaEpisode,
  LcsCpPlanRecord as LcsCpPlan,
  LcsCpReviewRecord as LcsCpReview,
  LcsInvolvementRecord as LcsInvolvement,
  LcsLegalStatusRecord as LcsLegalStatus,
  LcsPlacementRecord as LcsPlacement,
  LcsReferralRecord as LcsReferral,
  LcsSocialCareRecordShape as LcsSocialCareRecord,
  LcsVisitRecord as LcsVisit,
} from './records.ts';
import type { Rng } from './prng.ts';
import { addMonths, addWorkingDays, ageOn, toIso } from './dates.ts';
import {
  ASSESSMENT_FACTORS,
  CATEGORY_OF_ABUSE,
  CLA_PARTICIPATION,
  EARLY_HELP_END_REASONS,
  EARLY_HELP_ORGANISATIONS,
  EARLY_HELP_REASONS,
  INVOLVEMENT_CHANGE_REASONS,
  LEGAL_STATUS_AT_ENTRY,
  FOSTER_FOR_ADOPTION_CODES,
  PLACEMENT_CHANGE_REASONS,
  PLACEMENT_KIND_MIN_AGE,
  PLACEMENT_KIND_MIX,
  PLACEMENT_ORDER_ADOPTION_CODES,
  PRIMARY_NEED,
  REASON_CEASED_ANY_AGE,
  REASON_CEASED_AT_EIGHTEEN,
  REASON_CEASED_SIXTEEN_PLUS,
  YOUTH_JUSTICE_LEGAL_STATUSES,
  REFERRAL_CLOSE_REASONS,
  REFERRAL_SOURCE,
  placementTypesOn,
  type PlacementKind,
} from './codes.ts';
import { pickProvider, PROVIDERS, type Provider } from './providers.ts';
import { CareStatus } from './population.ts';
import { contactMonthShare, FRONT_DOOR_MONTHS } from './scales.ts';
import type { Workforce } from './workforce.ts';

/** Sequence numbers for every kind of LCS record, shared across the county so ids never repeat. */
export class LcsIdSequence {
  private readonly counters = new Map<string, number>();
  next(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${String(n).padStart(7, '0')}`;
  }
}

export interface JourneyInput {
  personId: string;
  status: CareStatus;
  /** Date of birth, or expected date of birth for the unborn. */
  dob: number;
  unborn: boolean;
  asOf: number;
  /** Worker index allocated to the open case, when there is one. */
  allocatedWorker: number | null;
  /** The sending home address postcode (for distance and placement postcodes). */
  homePostcode: string;
}

/** A contact LCS recorded, surfaced so the front door can hold the same contact. */
export interface RecordedContact {
  day: number;
  sourceCode: string;
  outcome: string;
}

const iso = toIso;

/** Chance that a child's current episode follows an earlier referral within 12 months. */
const REREFERRAL_CHANCE = 0.3;
/** Chance that a child-in-need case began with an s47 enquiry that found no need for a plan. */
const S47_ON_CIN_ROUTE = 0.5;
/**
 * Chance that a child whose case closed is referred again within the front door's window, and the
 * referral closed at referral or after an assessment. Most referrals are of children the council
 * has known before and end without a plan; without these the front door turns a tenth of its
 * contacts into referrals, where nationally about a quarter are (ADCS Safeguarding Pressures
 * phase 8: 650,270 referrals from 2.77 million initial contacts in 2021-22).
 */
const FRESH_CONCERN_CHANCE = 0.75;
/** Chance that a fresh concern followed an earlier one, closed, within the year before. */
const FRESH_CONCERN_REREFERRAL_CHANCE = 0.22;
/** Of s47 enquiries that end without a plan, the share that reached an initial conference. */
const ICPC_WITHOUT_PLAN_SHARE = 0.1;
const isoOrNull = (day: number | null) => (day === null ? null : toIso(day));

export class JourneyWriter {
  readonly record: LcsSocialCareRecord;
  readonly contacts: RecordedContact[] = [];
  private readonly ids: LcsIdSequence;
  private readonly rng: Rng;
  private readonly workforce: Workforce;
  private readonly input: JourneyInput;

  constructor(input: JourneyInput, ids: LcsIdSequence, rng: Rng, workforce: Workforce) {
    this.input = input;
    this.ids = ids;
    this.rng = rng;
    this.workforce = workforce;
    this.record = emptySocialCare(input.personId);
  }

  private get asOf(): number {
    return this.input.asOf;
  }

  private workerOf(pool: readonly number[]) {
    return this.workforce.workers[this.rng.pick(pool)]!;
  }

  /** Writes the whole journey for the child's status. */
  write(): LcsSocialCareRecord {
    const { status, dob, unborn, asOf } = this.input;
    const rng = this.rng;
    if (status === CareStatus.POST_ADOPTION) return this.record;
    if (unborn) {
      this.openCin(asOf - rng.int(20, 80), true);
      return this.record;
    }
    const earliest = Math.max(dob, asOf - 3650);
    // Where the current (or, for closed children, last) episode begins.
    let currentStart: number;
    switch (status) {
      case CareStatus.CLA:
        currentStart = Math.max(dob + 2, asOf - rng.int(50, Math.min(2190, Math.max(51, asOf - dob - 2))));
        break;
      case CareStatus.CP:
        currentStart = Math.max(dob + 2, asOf - rng.int(70, 730));
        break;
      case CareStatus.CIN:
        currentStart = Math.max(dob + 2, asOf - rng.int(30, 540));
        break;
      case CareStatus.EARLY_HELP:
        currentStart = Math.max(dob + 2, asOf - rng.int(10, 300));
        break;
      case CareStatus.ADOPTED:
        currentStart = Math.max(dob + 2, Math.min(dob + rng.int(30, 900), asOf - 1000));
        break;
      default:
        currentStart = Math.max(dob + 2, asOf - rng.int(120, 3000));
    }
    // Earlier closed episodes, oldest first, each ending before the next begins.
    const history =
      status === CareStatus.CLOSED
        ? rng.int(0, 2)
        : rng.weighted([
            [0, 60],
            [1, 30],
            [2, 10],
          ] as const);
    let cursor = earliest;
    for (let h = 0; h < history; h++) {
      const room = currentStart - 60 - cursor;
      if (room < 200) break;
      const start = cursor + rng.int(0, Math.floor(room / 2));
      const end = this.closedEpisode(start, currentStart - 45);
      cursor = end + 30;
    }
    // About a fifth of referrals nationally come within 12 months of an earlier one: often a
    // referral that ended in no further action, followed by a fresh concern.
    const sinceEarlier = currentStart - Math.max(cursor, dob + 2);
    if (status !== CareStatus.EARLY_HELP && sinceEarlier > 60 && rng.chance(REREFERRAL_CHANCE)) {
      this.earlierReferral(currentStart - rng.int(30, Math.min(330, sinceEarlier - 20)));
    }
    switch (status) {
      case CareStatus.CLA:
        this.cla(currentStart, null, false);
        break;
      case CareStatus.CP:
        this.cp(currentStart, null);
        break;
      case CareStatus.CIN:
        this.openCin(currentStart, false);
        break;
      case CareStatus.EARLY_HELP:
        this.earlyHelp(currentStart, null, this.input.allocatedWorker);
        break;
      case CareStatus.ADOPTED:
        this.cla(currentStart, null, true);
        break;
      default:
        this.freshConcern(this.closedEpisode(currentStart, asOf - 5));
    }
    return this.record;
  }

  /**
   * A care period beginning on `start`, for a journey written outside `write()`: ended by `end` (at
   * the 18th birthday at the latest), or still open on asOf when `end` is null. Without
   * `fromChildProtection`, care begins by a referral, never from a child protection plan.
   * Returns its last day.
   */
  carePeriod(start: number, end: number | null, fromChildProtection = true): number {
    return this.cla(start, end, false, fromChildProtection);
  }

  /** A past episode of any kind, ending no later than `latestEnd`; returns its last day. */
  private closedEpisode(start: number, latestEnd: number): number {
    const kind = this.rng.weighted([
      ['NFA', 35],
      ['EH', 20],
      ['CIN', 25],
      ['CP', 12],
      ['CLA', 8],
    ] as const);
    const duration = this.rng.int(60, 540);
    // An episode that would run past `latestEnd` ends at a random point before it, never on it: a
    // common cut-off day would close hundreds of plans and care periods on one date.
    const end =
      start + duration <= latestEnd
        ? start + duration
        : start + this.rng.int(0, Math.max(0, latestEnd - start));
    if (end - start < 150 || kind === 'NFA') return this.nfa(start);
    if (kind === 'EH') return this.earlyHelp(start, end, null);
    if (kind === 'CIN') return this.closedCin(start, end);
    if (kind === 'CP') return this.cp(start, end);
    if (kind === 'CLA' && ageOn(this.input.dob, start) < 17) return this.cla(start, end, false);
    return this.closedCin(start, end);
  }

  /** A fresh concern after the case closed on `closed`: a referral within the front door's window, closed without a plan. */
  private freshConcern(closed: number): void {
    const rng = this.rng;
    if (!rng.chance(FRESH_CONCERN_CHANCE)) return;
    // Through the window as contacts come (its months' volumes), never within two months of the close.
    const day = rng.int(addMonths(this.asOf, -FRONT_DOOR_MONTHS) + 1, this.asOf - 5);
    if (day < closed + 60 || !rng.chance(contactMonthShare(day))) return;
    // Some came back within the year, as a fifth of referrals nationally do.
    const earlier = day - rng.int(100, 330);
    if (earlier >= closed + 60 && rng.chance(FRESH_CONCERN_REREFERRAL_CHANCE)) this.nfa(earlier, true);
    this.nfa(day, true);
  }

  /** A referral closed with no further action (sometimes after an s47 that found no need for a conference). */
  private earlierReferral(day: number): number {
    const { referral, day: referred } = this.referral(day, 'ASSESSMENT');
    const authorised = this.assessment(referral, referred, 'NFA') ?? referred;
    const closed = this.rng.chance(0.45) ? this.s47WithoutPlan(referral, referred, authorised) : authorised;
    this.closeReferral(referral, closed);
    return closed;
  }

  /**
   * An s47 enquiry that does not lead to a CP plan: most end without an initial conference (no
   * further action or a child-in-need plan); some reach a conference that decides against a plan.
   * Returns the day it ended.
   */
  private s47WithoutPlan(referral: LcsReferral, referralDay: number, latest: number): number {
    const rng = this.rng;
    const strategy = addWorkingDays(referralDay, rng.int(0, 5));
    const target = addWorkingDays(strategy, 15);
    const toConference = rng.chance(ICPC_WITHOUT_PLAN_SHARE);
    const ends = toConference
      ? addWorkingDays(strategy, rng.int(8, 18))
      : addWorkingDays(strategy, rng.int(5, 30));
    const done = ends <= this.asOf;
    this.record.s47Enquiries.push({
      s47Id: this.ids.next('SF'),
      personId: this.input.personId,
      referralId: referral.referralId,
      strategyDiscussionDate: iso(strategy),
      startDate: iso(strategy),
      endDate: done ? iso(ends) : null,
      outcome: done ? (toConference ? 'ICPC' : rng.pick(['NFA', 'CIN_PLAN'])) : null,
      icpc:
        toConference && done
          ? {
              icpcId: this.ids.next('IC'),
              targetDate: iso(target),
              conferenceDate: iso(ends),
              cpPlanOutcome: false,
              transferIn: false,
            }
          : null,
    });
    return Math.max(latest, Math.min(ends, this.asOf));
  }

  private contact(day: number, outcome: string, sourceCode?: string): string {
    const source = sourceCode ?? this.rng.weighted(REFERRAL_SOURCE);
    this.record.contacts.push({
      contactId: this.ids.next('CT'),
      personId: this.input.personId,
      contactDate: iso(day),
      sourceCode: source,
      outcome,
    });
    this.contacts.push({ day, sourceCode: source, outcome });
    return source;
  }

  private referral(contactDay: number, outcome: string): { referral: LcsReferral; day: number } {
    const source = this.contact(contactDay, outcome === 'S47' ? 'CP_ENQUIRY' : 'NEW_REFERRAL');
    // The referral decision is due within one working day of the contact; a few are late.
    const day = addWorkingDays(contactDay, this.rng.chance(0.9) ? this.rng.int(0, 1) : this.rng.int(2, 4));
    const worker = this.workerOf(this.workforce.socialWorkers);
    const referral: LcsReferral = {
      referralId: this.ids.next('RF'),
      personId: this.input.personId,
      referralDate: iso(day),
      primaryNeedCode: this.rng.weighted(PRIMARY_NEED),
      referralSource: source,
      outcome,
      nfa: false,
      closeReason: null,
      closeDate: null,
      teamId: worker.teamId,
      workerId: worker.workerId,
    };
    this.record.referrals.push(referral);
    return { referral, day };
  }

  private closeReferral(referral: LcsReferral, day: number) {
    referral.closeDate = iso(day);
    referral.closeReason = this.rng.pick(REFERRAL_CLOSE_REASONS);
  }

  /** Child and family assessment: authorised 10–60 working days after it starts; most within 45. */
  private assessment(referral: LcsReferral, referralDay: number, outcome: string): number | null {
    const start = addWorkingDays(referralDay, this.rng.int(0, 3));
    const seen = addWorkingDays(start, this.rng.int(0, 10));
    const span = this.rng.chance(0.84) ? this.rng.int(10, 45) : this.rng.int(46, 60);
    const authorised = addWorkingDays(start, span);
    const done = authorised <= this.asOf;
    const factors = new Set<string>();
    const factorCount = this.rng.int(1, 4);
    while (factors.size < factorCount) factors.add(this.rng.pick(ASSESSMENT_FACTORS));
    const assessment: LcsAssessment = {
      assessmentId: this.ids.next('AS'),
      personId: this.input.personId,
      referralId: referral.referralId,
      startDate: iso(start),
      childSeen: seen <= this.asOf && !this.input.unborn ? iso(seen) : null,
      authorisationDate: done ? iso(authorised) : null,
      outcome: done ? outcome : null,
      factors: [...factors].sort(),
      teamId: referral.teamId,
      workerId: referral.workerId,
    };
    this.record.assessments.push(assessment);
    return done ? authorised : null;
  }

  /** A contact or referral closed with no further action; `referred`: never at the contact. */
  private nfa(start: number, referred = false): number {
    const rng = this.rng;
    const shape = rng.int(referred ? 1 : 0, 2);
    if (shape === 0) {
      this.contact(start, rng.pick(['NFA', 'ADVICE']));
      return start;
    }
    const { referral, day } = this.referral(start, shape === 1 ? 'NFA' : 'ASSESSMENT');
    if (shape === 1) {
      referral.nfa = true;
      this.closeReferral(referral, day);
      return day;
    }
    const authorised = this.assessment(referral, day, 'NFA') ?? day;
    this.closeReferral(referral, authorised);
    return authorised;
  }

  private involvement(
    workerIndex: number,
    caseStatus: LcsInvolvement['caseStatus'],
    start: number,
    end: number | null,
    changeReason: string | null,
  ) {
    const worker = this.workforce.workers[workerIndex]!;
    this.record.involvements.push({
      involvementId: this.ids.next('IN'),
      personId: this.input.personId,
      workerId: worker.workerId,
      teamId: worker.teamId,
      role: caseStatus === 'EARLY_HELP' ? 'EARLY_HELP_WORKER' : 'ALLOCATED_SOCIAL_WORKER',
      caseStatus,
      startDate: iso(start),
      endDate: isoOrNull(end),
      changeReason,
    });
  }

  /** Involvements for one stretch of a case: closed ones for past work; the allocated worker for open work. */
  private involvements(caseStatus: LcsInvolvement['caseStatus'], start: number, end: number | null) {
    const pool = caseStatus === 'EARLY_HELP' ? this.workforce.earlyHelpWorkers : this.workforce.socialWorkers;
    const allocated = this.input.allocatedWorker;
    if (end === null && allocated !== null) {
      if (this.asOf - start > 120 && this.rng.chance(0.4)) {
        const handover = start + this.rng.int(30, this.asOf - start - 20);
        this.involvement(
          this.rng.pick(pool),
          caseStatus,
          start,
          handover - 1,
          this.rng.pick(INVOLVEMENT_CHANGE_REASONS.slice(0, 2)),
        );
        this.involvement(allocated, caseStatus, handover, null, null);
      } else {
        this.involvement(allocated, caseStatus, start, null, null);
      }
      return;
    }
    this.involvement(this.rng.pick(pool), caseStatus, start, end ?? this.asOf, 'CASE_CLOSED');
  }

  private currentWorkerId(): string | null {
    const last = this.record.involvements[this.record.involvements.length - 1];
    return last ? last.workerId : null;
  }

  /** Statutory visits every `min`–`max` working days, with the odd long gap (an overdue visit). */
  private visits(kind: LcsVisit['kind'], start: number, end: number | null, min: number, max: number) {
    const stop = Math.min(end ?? this.asOf, this.asOf);
    const young = ageOn(this.input.dob, start) < 3;
    let day = addWorkingDays(start, this.rng.int(1, min));
    const workerId = this.currentWorkerId();
    while (day <= stop) {
      const seen = this.rng.chance(0.95);
      this.record.visits.push({
        visitId: this.ids.next('VS'),
        personId: this.input.personId,
        kind,
        visitDate: iso(day),
        seen,
        seenAlone: seen && !young && this.rng.chance(0.7),
        bedroomSeen: kind === 'CLA' ? null : this.rng.chance(0.85) ? this.rng.chance(0.75) : null,
        workerId,
      });
      const gap = this.rng.chance(0.08) ? this.rng.int(max + 1, max * 2) : this.rng.int(min, max);
      day = addWorkingDays(day, gap);
    }
  }

  private earlyHelp(start: number, end: number | null, allocated: number | null): number {
    this.contact(start, 'EARLY_HELP');
    const begins = start + this.rng.int(0, 10);
    const closes = end === null ? null : Math.max(begins + 20, end);
    const pool = this.workforce.earlyHelpWorkers;
    const worker = this.workforce.workers[allocated ?? this.rng.pick(pool)]!;
    this.record.earlyHelpEpisodes.push({
      episodeId: this.ids.next('EH'),
      personId: this.input.personId,
      startDate: iso(begins),
      endDate: isoOrNull(closes),
      reason: this.rng.pick(EARLY_HELP_REASONS),
      endReason: closes === null ? null : this.rng.pick(EARLY_HELP_END_REASONS),
      organisation: this.rng.pick(EARLY_HELP_ORGANISATIONS),
      workerId: worker.workerId,
    });
    this.involvements('EARLY_HELP', begins, closes);
    return closes ?? this.asOf;
  }

  private cinPlan(start: number, end: number | null) {
    this.record.cinPlans.push({
      cinPlanId: this.ids.next('CN'),
      personId: this.input.personId,
      startDate: iso(start),
      endDate: isoOrNull(end),
    });
  }

  private closedCin(start: number, end: number): number {
    const { referral, day } = this.referral(start, 'ASSESSMENT');
    const assessed = this.assessment(referral, day, 'CIN_PLAN') ?? day;
    const authorised = this.rng.chance(S47_ON_CIN_ROUTE)
      ? this.s47WithoutPlan(referral, day, assessed)
      : assessed;
    const planEnd = Math.max(authorised + 30, end);
    this.cinPlan(authorised, planEnd);
    this.involvements('CIN', day, planEnd);
    this.visits('CIN', authorised, planEnd, 15, 25);
    this.closeReferral(referral, planEnd);
    return planEnd;
  }

  /** An open child-in-need case: assessed (or still being assessed), then on a CIN plan. */
  private openCin(start: number, prebirth: boolean): number {
    const { referral, day } = this.referral(start, 'ASSESSMENT');
    if (prebirth) referral.primaryNeedCode = this.rng.pick(['N1', 'N3', 'N4']);
    const assessed = this.assessment(referral, day, 'CIN_PLAN');
    const authorised =
      assessed !== null && !prebirth && this.rng.chance(S47_ON_CIN_ROUTE)
        ? this.s47WithoutPlan(referral, day, assessed)
        : assessed;
    this.involvements('CIN', day, null);
    if (authorised !== null) {
      this.cinPlan(authorised, null);
      this.visits('CIN', authorised, null, 15, 25);
    }
    return this.asOf;
  }

  /**
   * s47 enquiry and ICPC (target 15 working days after the strategy discussion; some late), then a
   * CP plan with reviews and visits. `end` null: the plan is open on asOf. Returns the plan's end.
   */
  private cp(start: number, end: number | null, endsInCare = false): number {
    const rng = this.rng;
    const { referral, day } = this.referral(start, 'S47');
    this.assessment(referral, day, 'S47');
    const strategy = addWorkingDays(day, rng.int(0, 5));
    const target = addWorkingDays(strategy, 15);
    const conference = rng.chance(0.83)
      ? addWorkingDays(strategy, rng.int(8, 15))
      : addWorkingDays(target, rng.int(1, 12));
    const icpcId = this.ids.next('IC');
    this.record.s47Enquiries.push({
      s47Id: this.ids.next('SF'),
      personId: this.input.personId,
      referralId: referral.referralId,
      strategyDiscussionDate: iso(strategy),
      startDate: iso(strategy),
      endDate: iso(conference),
      outcome: 'ICPC',
      icpc: {
        icpcId,
        targetDate: iso(target),
        conferenceDate: iso(conference),
        cpPlanOutcome: true,
        transferIn: rng.chance(0.03),
      },
    });
    const planEnd = end === null ? null : Math.max(end, conference + 90);
    const initialCategory = rng.weighted(CATEGORY_OF_ABUSE);
    const plan: LcsCpPlan = {
      cpPlanId: this.ids.next('CP'),
      personId: this.input.personId,
      startDate: iso(conference),
      endDate: isoOrNull(planEnd),
      initialCategory,
      latestCategory: rng.chance(0.85) ? initialCategory : rng.weighted(CATEGORY_OF_ABUSE),
      reviews: this.cpReviews(conference, planEnd, endsInCare),
    };
    this.record.cpPlans.push(plan);
    this.involvements('CP', day, planEnd);
    this.visits('CP', conference, planEnd, 6, 10);
    if (planEnd !== null) this.closeReferral(referral, planEnd);
    return planEnd ?? this.asOf;
  }

  /** First review within 3 months of the ICPC, then at most every 6 months; some late, some overdue. */
  private cpReviews(start: number, end: number | null, endsInCare: boolean): LcsCpReview[] {
    const reviews: LcsCpReview[] = [];
    const stop = end ?? this.asOf;
    let due = addMonths(start, 3);
    for (;;) {
      if (due > stop) {
        if (end === null)
          reviews.push({
            reviewId: this.ids.next('CR'),
            dueDate: iso(due),
            reviewDate: null,
            continuePlan: null,
          });
        break;
      }
      const overdue = end === null && due > this.asOf - 60 && this.rng.chance(0.12);
      if (overdue) {
        reviews.push({
          reviewId: this.ids.next('CR'),
          dueDate: iso(due),
          reviewDate: null,
          continuePlan: null,
        });
        break;
      }
      const held = this.rng.chance(0.88) ? due - this.rng.int(0, 10) : due + this.rng.int(1, 25);
      const heldDay = Math.min(held, stop);
      const last = end !== null && addMonths(heldDay, 6) > end;
      reviews.push({
        reviewId: this.ids.next('CR'),
        dueDate: iso(due),
        reviewDate: iso(heldDay),
        continuePlan: !(last && !endsInCare),
      });
      if (last) break;
      due = addMonths(heldDay, 6);
    }
    return reviews;
  }

  /**
   * A period of care. `end` null and not adopted: looked after on asOf. Adopted: placed for adoption
   * under a placement order and ceased E11/E12 once the adoption order is made.
   */
  private cla(start: number, end: number | null, adopted: boolean, fromChildProtection = true): number {
    const rng = this.rng;
    let enters: number;
    let careReferral: LcsReferral | null = null;
    if (
      fromChildProtection &&
      !adopted &&
      rng.chance(0.4) &&
      this.asOf - start > 400 &&
      (end === null || end - start > 400)
    ) {
      // Came into care from a child protection plan, which ended the day care began.
      enters = this.cp(start, start + rng.int(120, 300), true);
    } else {
      const { referral, day } = this.referral(start, 'ASSESSMENT');
      this.assessment(referral, day, 'CLA');
      enters = addWorkingDays(day, rng.int(1, 20));
      careReferral = referral;
    }
    const planned = adopted ? enters + rng.int(540, 900) : end === null ? null : Math.max(end, enters + 60);
    // Care ends by the 18th birthday at the latest.
    const eighteenth = addMonths(this.input.dob, 216);
    const leaves = planned === null ? null : Math.max(enters + 1, Math.min(planned, eighteenth));
    if (leaves !== null && leaves >= this.asOf) throw new Error('closed care period must end before asOf');
    const needCode = rng.weighted(PRIMARY_NEED);
    this.involvements('CLA', enters, leaves);

    const legal = this.legalStatuses(enters, leaves, adopted);
    const placements = this.placements(enters, leaves, adopted, legal);

    // An episode starts whenever the placement or the legal status changes.
    const boundaries = [...new Set([...legal.map((l) => l.start), ...placements.map((p) => p.start)])].sort(
      (a, b) => a - b,
    );
    const periodId = this.ids.next('PC');
    const episodes: LcsClaEpisode[] = boundaries.map((bStart, n) => {
      const placementChanged = placements.some((p) => p.start === bStart);
      const legalChanged = legal.some((l) => l.start === bStart);
      const placement = [...placements].reverse().find((p) => p.start <= bStart)!;
      const next = boundaries[n + 1];
      return {
        episodeId: this.ids.next('EP'),
        personId: this.input.personId,
        periodOfCareId: periodId,
        startDate: iso(bStart),
        reasonNewEpisode:
          n === 0 ? 'S' : placementChanged && legalChanged ? 'B' : placementChanged ? 'P' : 'L',
        primaryNeedCode: needCode,
        ceasedDate: next !== undefined ? iso(next) : isoOrNull(leaves),
        reasonCeased:
          next !== undefined
            ? 'X1'
            : leaves === null
              ? null
              : adopted
                ? rng.pick(['E11', 'E12'])
                : this.reasonCeased(leaves, legal),
        placementId: placement.placement.placementId,
        enteredCareDate: iso(enters),
      };
    });
    this.record.claEpisodes.push(...episodes);
    for (const { placement } of placements) {
      placement.episodeId = episodes.find((e) => e.placementId === placement.placementId)!.episodeId;
      this.record.placements.push(placement);
    }
    if (careReferral && leaves !== null) this.closeReferral(careReferral, leaves);
    this.claReviews(enters, leaves);
    this.visitsPerPlacement(
      placements.map((p) => p.start),
      leaves,
    );
    if (ageOn(this.input.dob, enters) >= 11 || (leaves === null && ageOn(this.input.dob, this.asOf) >= 12)) {
      this.missingEpisodes(enters, leaves);
    }
    return leaves ?? this.asOf;
  }

  /** Why a care period ended, consistent with the child's age and legal status at the end. */
  private reasonCeased(leaves: number, legal: readonly { code: string; start: number }[]): string {
    const rng = this.rng;
    const age = ageOn(this.input.dob, leaves);
    if (age >= 18) return rng.weighted(REASON_CEASED_AT_EIGHTEEN);
    const lastStatus = legal[legal.length - 1]!.code;
    if (YOUTH_JUSTICE_LEGAL_STATUSES.includes(lastStatus) && rng.chance(0.8)) return 'E14';
    if (age >= 16 && rng.chance(0.35)) return rng.weighted(REASON_CEASED_SIXTEEN_PLUS);
    return rng.weighted(REASON_CEASED_ANY_AGE);
  }

  private legalStatuses(
    enters: number,
    leaves: number | null,
    adopted: boolean,
  ): { code: string; start: number }[] {
    const rng = this.rng;
    const stop = leaves ?? this.asOf;
    const age = ageOn(this.input.dob, enters);
    let code = adopted ? rng.pick(['C1', 'V2']) : rng.weighted(LEGAL_STATUS_AT_ENTRY);
    if ((code === 'J1' || code === 'J2') && age < 10) code = 'V2';
    const spells: { code: string; start: number }[] = [{ code, start: enters }];
    const add = (next: string, at: number) => {
      if (at < stop) spells.push({ code: next, start: at });
    };
    if (code === 'L1' || code === 'L2')
      add(rng.pick(['V2', 'C1']), enters + rng.int(1, code === 'L1' ? 3 : 8));
    const current = spells[spells.length - 1]!;
    if (current.code === 'C1' || adopted) add('C2', current.start + rng.int(180, 360));
    if (adopted) {
      const lastStart = spells[spells.length - 1]!.start;
      add('E1', lastStart + rng.int(30, 120));
    }
    this.record.legalStatuses.push(
      ...spells.map((s, n): LcsLegalStatus => ({
        legalStatusId: this.ids.next('LS'),
        personId: this.input.personId,
        code: s.code,
        startDate: iso(s.start),
        endDate: n + 1 < spells.length ? iso(spells[n + 1]!.start) : isoOrNull(leaves),
      })),
    );
    return spells;
  }

  /**
   * The kind of placement and its provider, fitting the child's age and legal status: placement
   * with parents needs a care order; supported accommodation is for 16+; a mother-and-baby unit is
   * for babies and a residential school for school-age children.
   */
  private placementChoice(
    day: number,
    adoptionPlacement: boolean,
    legalCode: string,
  ): { kind: PlacementKind; provider: Provider } {
    if (adoptionPlacement) return { kind: 'ADOPTION', provider: pickProvider('ADOPTION', this.rng) };
    const age = ageOn(this.input.dob, day);
    for (;;) {
      const kind = this.rng.weighted(PLACEMENT_KIND_MIX);
      if (age < PLACEMENT_KIND_MIN_AGE[kind]) continue;
      if (kind === 'PARENTS' && legalCode !== 'C1' && legalCode !== 'C2') continue;
      if (kind === 'OTHER') {
        if (age < 1) return { kind, provider: providerNamed('Lantern Parent and Child Unit') };
        if (age >= 8) return { kind, provider: providerNamed('Willowdene Residential School') };
        continue;
      }
      return { kind, provider: pickProvider(kind, this.rng) };
    }
  }

  private placements(
    enters: number,
    leaves: number | null,
    adopted: boolean,
    legal: readonly { code: string; start: number }[],
  ): { start: number; placement: LcsPlacement }[] {
    const rng = this.rng;
    const stop = leaves ?? this.asOf;
    const length = stop - enters;
    const moves = adopted
      ? 1
      : Math.min(
          rng.weighted([
            [0, 45],
            [1, 30],
            [2, 15],
            [3, 10],
          ] as const),
          Math.floor(length / 60),
        );
    const starts = [enters];
    for (let m = 0; m < moves; m++)
      starts.push(enters + Math.round(((m + 1) * length) / (moves + 1)) + rng.int(-10, 10));
    if (adopted) starts[1] = Math.max(enters + 200, stop - rng.int(180, 360));
    const result = starts.map((start, n) => {
      const legalCode = [...legal].reverse().find((l) => l.start <= start)!.code;
      const { provider } = this.placementChoice(start, adopted && n === starts.length - 1, legalCode);
      const eraCodes = placementTypesOn(start);
      const young = ageOn(this.input.dob, start) < 2;
      // The provider's codes in force that year; foster-for-adoption only for the very young, and
      // adoption under a placement order only once one (E1) is in force.
      const candidates = provider.placementTypes.filter(
        (c) =>
          eraCodes.includes(c) &&
          (young || !FOSTER_FOR_ADOPTION_CODES.includes(c)) &&
          (!/^A/.test(c) || PLACEMENT_ORDER_ADOPTION_CODES.includes(c) === (legalCode === 'E1')),
      );
      const placementType = rng.pick(candidates);
      const outOfArea = provider.outOfArea && rng.chance(0.8);
      const next = starts[n + 1];
      const end = next !== undefined ? next : leaves;
      const placement: LcsPlacement = {
        placementId: this.ids.next('PL'),
        personId: this.input.personId,
        episodeId: '',
        startDate: iso(start),
        endDate: isoOrNull(end),
        placementType,
        providerUrn: provider.urn,
        providerType: provider.providerType,
        providerName: provider.name,
        postcode: rng.chance(0.95)
          ? outOfArea
            ? `QX${rng.int(1, 40)} ${rng.int(1, 9)}AB`
            : this.input.homePostcode.slice(0, 4).trim() + ` ${rng.int(1, 9)}DE`
          : null,
        distanceFromHomeMiles: rng.chance(0.95)
          ? Math.round((outOfArea ? 20 + rng.next() * 130 : 0.5 + rng.next() * 19.5) * 10) / 10
          : null,
        changeReason: next !== undefined ? rng.pick(PLACEMENT_CHANGE_REASONS) : null,
      };
      return { start, placement };
    });
    return result;
  }

  /** First review within 20 working days, the second within 3 months, then every 6 months. */
  private claReviews(enters: number, leaves: number | null) {
    const stop = leaves ?? this.asOf;
    let due = addWorkingDays(enters, 20);
    let n = 0;
    while (due <= stop) {
      const late = this.rng.chance(0.1);
      const overdue = leaves === null && due > this.asOf - 40 && this.rng.chance(0.1);
      const held = overdue
        ? null
        : Math.min(late ? due + this.rng.int(1, 20) : due - this.rng.int(0, 8), stop);
      this.record.claReviews.push({
        reviewId: this.ids.next('LR'),
        personId: this.input.personId,
        dueDate: iso(due),
        reviewDate: isoOrNull(held),
        participationCode: held === null ? null : this.rng.pick(CLA_PARTICIPATION),
      });
      if (held === null) return;
      due = n === 0 ? addMonths(held, 3) : addMonths(held, 6);
      n++;
    }
    if (leaves === null) {
      this.record.claReviews.push({
        reviewId: this.ids.next('LR'),
        personId: this.input.personId,
        dueDate: iso(due),
        reviewDate: null,
        participationCode: null,
      });
    }
  }

  /** Within a week of each placement, then at most six-weekly (a few late). */
  private visitsPerPlacement(starts: readonly number[], leaves: number | null) {
    const stop = Math.min(leaves ?? this.asOf, this.asOf);
    const workerId = this.currentWorkerId();
    starts.forEach((start, n) => {
      const until = Math.min(starts[n + 1] ?? stop, stop);
      let day = start + this.rng.int(1, 7);
      while (day <= until) {
        const seen = this.rng.chance(0.96);
        this.record.visits.push({
          visitId: this.ids.next('VS'),
          personId: this.input.personId,
          kind: 'CLA',
          visitDate: iso(day),
          seen,
          seenAlone: seen && ageOn(this.input.dob, day) >= 3 && this.rng.chance(0.7),
          bedroomSeen: null,
          workerId,
        });
        day += this.rng.chance(0.07) ? this.rng.int(43, 70) : this.rng.int(21, 42);
      }
    });
  }

  private missingEpisodes(enters: number, leaves: number | null) {
    if (!this.rng.chance(0.3)) return;
    const stop = leaves ?? this.asOf;
    const count = this.rng.int(1, 5);
    const starts = Array.from(
      { length: count },
      () => enters + this.rng.int(0, Math.max(0, stop - enters - 4)),
    ).sort((a, b) => a - b);
    for (const start of starts) {
      const kind = this.rng.chance(0.7) ? 'MISSING' : 'AWAY';
      const back = Math.min(start + this.rng.int(0, 3), stop);
      const stillMissing = leaves === null && back >= this.asOf - 1 && this.rng.chance(0.3);
      const offered = kind === 'MISSING' && !stillMissing ? this.rng.chance(0.85) : null;
      this.record.missingEpisodes.push({
        missingId: this.ids.next('MS'),
        personId: this.input.personId,
        kind,
        startDate: iso(start),
        endDate: stillMissing ? null : iso(back),
        returnInterviewOffered: offered,
        returnInterviewAccepted: offered ? this.rng.chance(0.55) : null,
      });
    }
  }
}

/** A person's social care record with nothing in it yet. */
export function emptySocialCare(personId: string): LcsSocialCareRecord {
  return {
    personId,
    contacts: [],
    referrals: [],
    assessments: [],
    s47Enquiries: [],
    cinPlans: [],
    cpPlans: [],
    visits: [],
    claEpisodes: [],
    placements: [],
    legalStatuses: [],
    claReviews: [],
    missingEpisodes: [],
    earlyHelpEpisodes: [],
    involvements: [],
  };
}

function providerNamed(name: string): Provider {
  return PROVIDERS.find((p) => p.name === name)!;
}
