/** EYES record -> graph model, and pupil -> the identity index's source record. */
import type { SourceRecord } from '../../src/identity/types.ts';
import { postcodesOf } from '../shared/postcodes.ts';
import type { AnnualReviewFact, EhcpPlanReviewsFact } from '../../src/reports/annualReviews.ts';
import type { CmeEpisodeFact } from '../../src/reports/missingEducation.ts';
import type {
  EyesAttendance,
  EyesCmeEpisode,
  EyesEhcpAnnualReview,
  EyesEhcpPlanSummary,
  EyesEhcpRequest,
  EyesEnrolment,
  EyesExclusion,
  EyesPupil,
} from './types.ts';

/** Persistent absence: missing 10% or more of possible sessions (DfE definition). */
const PERSISTENT_ABSENCE_THRESHOLD = 0.1;

export const toSourceRecord = (p: EyesPupil): SourceRecord => ({
  system: 'eyes',
  localId: p.pupilId,
  forename: p.forename,
  surname: p.surname,
  aliases: p.preferredSurname ? [p.preferredSurname] : [],
  dateOfBirth: p.dateOfBirth,
  sex: p.sex,
  postcodes: postcodesOf(p.addresses),
  nhsNumber: p.nhsNumber,
  upn: p.upn,
  uln: p.uln,
  crossRefs: p.lcsPersonId ? [{ system: 'lcs', localId: p.lcsPersonId }] : [],
  restricted: false,
  adoptionIdentity: null,
});

export const mapEnrolment = (e: EyesEnrolment) => ({
  id: e.enrolmentId,
  settingId: e.settingId,
  settingName: e.settingName,
  phase: e.phase,
  startDate: e.startDate,
  endDate: e.endDate,
  yearGroup: e.yearGroup,
});

export const mapAttendance = (a: EyesAttendance) => {
  const ratio = a.possibleSessions > 0 ? a.attendedSessions / a.possibleSessions : 1;
  const absent =
    a.possibleSessions > 0 ? (a.authorisedAbsence + a.unauthorisedAbsence) / a.possibleSessions : 0;
  return {
    ...a,
    percentage: Math.round(ratio * 1000) / 10,
    persistentAbsence: absent >= PERSISTENT_ABSENCE_THRESHOLD,
  };
};

export const mapExclusion = (x: EyesExclusion) => ({
  id: x.exclusionId,
  kind: x.kind,
  startDate: x.startDate,
  sessions: x.sessions,
  reason: x.reasonCode,
});

export const mapEhcpRequest = (r: EyesEhcpRequest) => ({
  id: r.requestId,
  requestDate: r.requestDate,
  requestSource: r.requestSource,
  decisionToAssessDate: r.decisionToAssessDate,
  requestOutcome: r.requestOutcome,
  assessmentOutcome: r.assessmentOutcome,
  assessmentOutcomeDate: r.assessmentOutcomeDate,
  twentyWeekException: r.twentyWeekException,
  plan: r.plan && {
    id: r.plan.planId,
    startDate: r.plan.startDate,
    ceasedDate: r.plan.ceasedDate,
    ceasedReason: r.plan.ceasedReason,
    primaryNeed: r.plan.primaryNeed,
    secondaryNeed: r.plan.secondaryNeed,
    annualReviews: r.plan.annualReviews.map(toAnnualReviewFact),
  },
});

export const toAnnualReviewFact = (a: EyesEhcpAnnualReview): AnnualReviewFact => ({
  meetingDate: a.meetingDate,
  decisionDate: a.decisionDate,
  decision: a.decision,
});

export const toPlanReviewsFact = (p: EyesEhcpPlanSummary): EhcpPlanReviewsFact => ({
  planId: p.planId,
  pupilId: p.pupilId,
  startDate: p.startDate,
  ceasedDate: p.ceasedDate,
  reviews: p.annualReviews.map(toAnnualReviewFact),
});

export const toCmeEpisodeFact = (c: EyesCmeEpisode): CmeEpisodeFact => ({
  cmeId: c.cmeId,
  pupilId: c.pupilId,
  reportedMissingDate: c.reportedMissingDate,
  closedDate: c.closedDate,
  outcome: c.outcome,
});

/** A CME referral as the child's education view shows it. */
export const mapCmeEpisode = (c: EyesCmeEpisode) => ({
  ...toCmeEpisodeFact(c),
  id: c.cmeId,
  reason: c.reason,
  referredBy: c.referredBy,
});
