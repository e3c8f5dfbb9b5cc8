/**
 * EYES wire record -> the domain's education model (src/domain/models/education.ts), once per
 * record as it is fetched (the loaders cache the model); pupil -> the identity index's source
 * record; EHC plan summaries -> report facts. The graph's field names are the resolvers'
 * (resolvers/shapes/education.ts).
 */
import type { SourceRecord } from '../../src/domain/identity/types.ts';
import { addressesSince, postcodesOf } from '../shared/postcodes.ts';
import { annualReviewFact, type EhcpPlanReviewsFact } from '../../src/domain/reports/annualReviews.ts';
import type {
  Attendance,
  CmeEpisode,
  EducationRecord,
  EhcpAnnualReview,
  EhcpRequest,
  Enrolment,
  Exclusion,
  Pupil,
} from '../../src/domain/models/education.ts';
import type {
  EyesCmeEpisode,
  EyesEhcpAnnualReview,
  EyesEhcpPlanSummary,
  EyesEducationRecord,
  EyesEhcpRequest,
  EyesPupil,
} from './types.ts';

export const toSourceRecord = (p: EyesPupil): SourceRecord => ({
  system: 'eyes',
  localId: p.pupilId,
  forename: p.forename,
  surname: p.surname,
  aliases: p.preferredSurname ? [p.preferredSurname] : [],
  dateOfBirth: p.dateOfBirth,
  sex: p.sex,
  postcodes: postcodesOf(p.addresses),
  addressesSince: addressesSince(p.addresses),
  nhsNumber: p.nhsNumber,
  upn: p.upn,
  uln: p.uln,
  crossRefs: p.lcsPersonId ? [{ system: 'lcs', localId: p.lcsPersonId }] : [],
  restricted: false,
  adoptionIdentity: null,
});

export const toPlanReviewsFact = (p: EyesEhcpPlanSummary): EhcpPlanReviewsFact => ({
  planId: p.planId,
  pupilId: p.pupilId,
  startDate: p.startDate,
  ceasedDate: p.ceasedDate,
  reviews: p.annualReviews.map(annualReviewFact),
});

// Wire -> model. Each model is built field by field, so a field EYES renames or drops fails to
// compile here, and only here.

export const toPupil = (p: EyesPupil): Pupil => ({
  pupilId: p.pupilId,
  upn: p.upn,
  upnUnknownReason: p.upnUnknownReason,
  uln: p.uln,
  nhsNumber: p.nhsNumber,
  lcsPersonId: p.lcsPersonId,
  forename: p.forename,
  surname: p.surname,
  preferredSurname: p.preferredSurname,
  dateOfBirth: p.dateOfBirth,
  sex: p.sex,
  ethnicity: p.ethnicity,
  addresses: p.addresses.map((a) => ({
    line1: a.line1,
    town: a.town,
    postcode: a.postcode,
    from: a.from,
    to: a.to,
  })),
  updatedAt: p.updatedAt,
});

const toAnnualReview = (a: EyesEhcpAnnualReview): EhcpAnnualReview => ({
  reviewId: a.reviewId,
  meetingDate: a.meetingDate,
  decisionDate: a.decisionDate,
  decision: a.decision,
});

const toEhcpRequest = (r: EyesEhcpRequest): EhcpRequest => ({
  requestId: r.requestId,
  pupilId: r.pupilId,
  requestDate: r.requestDate,
  requestSource: r.requestSource,
  decisionToAssessDate: r.decisionToAssessDate,
  requestOutcome: r.requestOutcome,
  assessmentOutcome: r.assessmentOutcome,
  assessmentOutcomeDate: r.assessmentOutcomeDate,
  twentyWeekException: r.twentyWeekException,
  plan: r.plan && {
    planId: r.plan.planId,
    startDate: r.plan.startDate,
    ceasedDate: r.plan.ceasedDate,
    ceasedReason: r.plan.ceasedReason,
    primaryNeed: r.plan.primaryNeed,
    secondaryNeed: r.plan.secondaryNeed,
    settingId: r.plan.settingId,
    annualReviews: r.plan.annualReviews.map(toAnnualReview),
  },
});

const toCmeEpisode = (c: EyesCmeEpisode): CmeEpisode => ({
  cmeId: c.cmeId,
  pupilId: c.pupilId,
  reportedMissingDate: c.reportedMissingDate,
  reason: c.reason,
  referredBy: c.referredBy,
  closedDate: c.closedDate,
  outcome: c.outcome,
  updatedAt: c.updatedAt,
});

export const toEducationRecord = (r: EyesEducationRecord): EducationRecord => ({
  pupilId: r.pupilId,
  enrolments: r.enrolments.map((e): Enrolment => ({
    enrolmentId: e.enrolmentId,
    settingId: e.settingId,
    settingName: e.settingName,
    phase: e.phase,
    startDate: e.startDate,
    endDate: e.endDate,
    yearGroup: e.yearGroup,
  })),
  attendance: r.attendance.map((a): Attendance => ({
    academicYear: a.academicYear,
    possibleSessions: a.possibleSessions,
    attendedSessions: a.attendedSessions,
    authorisedAbsence: a.authorisedAbsence,
    unauthorisedAbsence: a.unauthorisedAbsence,
  })),
  exclusions: r.exclusions.map((x): Exclusion => ({
    exclusionId: x.exclusionId,
    settingId: x.settingId,
    kind: x.kind,
    startDate: x.startDate,
    sessions: x.sessions,
    reasonCode: x.reasonCode,
  })),
  fsmPeriods: r.fsmPeriods.map((f) => ({ startDate: f.startDate, endDate: f.endDate })),
  earlyYearsFunding: r.earlyYearsFunding.map((f) => ({
    term: f.term,
    kind: f.kind,
    hoursPerWeek: f.hoursPerWeek,
    settingId: f.settingId,
  })),
  senSupport: r.senSupport.map((s) => ({
    startDate: s.startDate,
    endDate: s.endDate,
    primaryNeed: s.primaryNeed,
    secondaryNeed: s.secondaryNeed,
  })),
  ehcpRequests: r.ehcpRequests.map(toEhcpRequest),
  neet: r.neet.map((n) => ({ recordedDate: n.recordedDate, activityCode: n.activityCode, neet: n.neet })),
  missingEducation: r.missingEducation.map(toCmeEpisode),
});
