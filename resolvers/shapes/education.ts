/**
 * Education models -> the graph's field names, at field time (the models are built from EYES's
 * wire once, in connectors/eyes/map.ts).
 */
import type {
  Attendance,
  CmeEpisode,
  EhcpRequest,
  Enrolment,
  Exclusion,
} from '../../src/domain/models/education.ts';
import { annualReviewFact, cmeEpisodeFact } from '../../src/domain/reports/index.ts';

/** Persistent absence: missing 10% or more of possible sessions (DfE definition). */
const PERSISTENT_ABSENCE_THRESHOLD = 0.1;

export const mapEnrolment = (e: Enrolment) => ({
  id: e.enrolmentId,
  settingId: e.settingId,
  settingName: e.settingName,
  phase: e.phase,
  startDate: e.startDate,
  endDate: e.endDate,
  yearGroup: e.yearGroup,
});

export const mapAttendance = (a: Attendance) => {
  const ratio = a.possibleSessions > 0 ? a.attendedSessions / a.possibleSessions : 1;
  const absent =
    a.possibleSessions > 0 ? (a.authorisedAbsence + a.unauthorisedAbsence) / a.possibleSessions : 0;
  return {
    ...a,
    percentage: Math.round(ratio * 1000) / 10,
    persistentAbsence: absent >= PERSISTENT_ABSENCE_THRESHOLD,
  };
};

export const mapExclusion = (x: Exclusion) => ({
  id: x.exclusionId,
  kind: x.kind,
  startDate: x.startDate,
  sessions: x.sessions,
  reason: x.reasonCode,
});

export const mapEhcpRequest = (r: EhcpRequest) => ({
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
    annualReviews: r.plan.annualReviews.map(annualReviewFact),
  },
});

/** A CME referral as the child's education view shows it. */
export const mapCmeEpisode = (c: CmeEpisode) => ({
  ...cmeEpisodeFact(c),
  id: c.cmeId,
  reason: c.reason,
  referredBy: c.referredBy,
});
