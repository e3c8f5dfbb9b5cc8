/* Generated from contracts/eyes.openapi.json by `npm run contracts:types`. Do not edit. */
import { Type } from '@sinclair/typebox';

/** A referral to the children missing education (CME) service and how it closed */
export const EyesCmeEpisode = Type.Object({
  cmeId: Type.String(),
  pupilId: Type.String(),
  reportedMissingDate: Type.String({ format: 'date' }),
  reason: Type.String(),
  referredBy: Type.String(),
  closedDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  outcome: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const EyesCmeEpisodePage = Type.Object({
  items: Type.Array(EyesCmeEpisode),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** Attendance over one academic year */
export const EyesAttendance = Type.Object({
  academicYear: Type.String(),
  possibleSessions: Type.Integer(),
  attendedSessions: Type.Integer(),
  authorisedAbsence: Type.Integer(),
  unauthorisedAbsence: Type.Integer(),
});

/** Early-years funded hours for a term */
export const EyesEarlyYearsFunding = Type.Object({
  term: Type.String(),
  kind: Type.String(),
  hoursPerWeek: Type.Number(),
  settingId: Type.String(),
});

/** An EHC plan annual review: the review meeting and the local authority’s decision (SEN2) */
export const EyesEhcpAnnualReview = Type.Object({
  reviewId: Type.String(),
  meetingDate: Type.String({ format: 'date' }),
  decisionDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  decision: Type.Union([Type.Union([Type.Literal('MAINTAIN'), Type.Literal('AMEND'), Type.Literal('CEASE')]), Type.Null()]),
});

/** An EHC needs assessment request and, where issued, its plan */
export const EyesEhcpRequest = Type.Object({
  requestId: Type.String(),
  pupilId: Type.String(),
  requestDate: Type.String({ format: 'date' }),
  requestSource: Type.String(),
  decisionToAssessDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  requestOutcome: Type.String(),
  assessmentOutcome: Type.String(),
  assessmentOutcomeDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  twentyWeekException: Type.Boolean(),
  plan: Type.Union([Type.Object({
    planId: Type.String(),
    startDate: Type.String({ format: 'date' }),
    ceasedDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    ceasedReason: Type.Union([Type.String(), Type.Null()]),
    primaryNeed: Type.String(),
    secondaryNeed: Type.Union([Type.String(), Type.Null()]),
    settingId: Type.Union([Type.String(), Type.Null()]),
    annualReviews: Type.Array(EyesEhcpAnnualReview),
  }), Type.Null()]),
});

/** A pupil’s enrolment at a setting */
export const EyesEnrolment = Type.Object({
  enrolmentId: Type.String(),
  settingId: Type.String(),
  settingName: Type.String(),
  phase: Type.String(),
  startDate: Type.String({ format: 'date' }),
  endDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  yearGroup: Type.Union([Type.String(), Type.Null()]),
});

/** A suspension or permanent exclusion */
export const EyesExclusion = Type.Object({
  exclusionId: Type.String(),
  settingId: Type.String(),
  kind: Type.Union([Type.Literal('SUSPENSION'), Type.Literal('PERMANENT')]),
  startDate: Type.String({ format: 'date' }),
  sessions: Type.Integer(),
  reasonCode: Type.String(),
});

/** A period of free school meals eligibility */
export const EyesFsmPeriod = Type.Object({
  startDate: Type.String({ format: 'date' }),
  endDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
});

/** A CCIS activity / NEET record (16+) */
export const EyesNeetStatus = Type.Object({
  recordedDate: Type.String({ format: 'date' }),
  activityCode: Type.String(),
  neet: Type.Boolean(),
});

/** A period of SEN support */
export const EyesSenSupport = Type.Object({
  startDate: Type.String({ format: 'date' }),
  endDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  primaryNeed: Type.String(),
  secondaryNeed: Type.Union([Type.String(), Type.Null()]),
});

/** A pupil’s whole education record */
export const EyesEducationRecord = Type.Object({
  pupilId: Type.String(),
  enrolments: Type.Array(EyesEnrolment),
  attendance: Type.Array(EyesAttendance),
  exclusions: Type.Array(EyesExclusion),
  fsmPeriods: Type.Array(EyesFsmPeriod),
  earlyYearsFunding: Type.Array(EyesEarlyYearsFunding),
  senSupport: Type.Array(EyesSenSupport),
  ehcpRequests: Type.Array(EyesEhcpRequest),
  neet: Type.Array(EyesNeetStatus),
  missingEducation: Type.Array(EyesCmeEpisode),
});

/** An EHC plan with its annual reviews, as the plans list returns it */
export const EyesEhcpPlanSummary = Type.Object({
  planId: Type.String(),
  pupilId: Type.String(),
  requestId: Type.String(),
  startDate: Type.String({ format: 'date' }),
  ceasedDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  annualReviews: Type.Array(EyesEhcpAnnualReview),
});

export const EyesEhcpPlanSummaryPage = Type.Object({
  items: Type.Array(EyesEhcpPlanSummary),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const EyesEhcpRequestPage = Type.Object({
  items: Type.Array(EyesEhcpRequest),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const Address = Type.Object({
  line1: Type.String(),
  town: Type.String(),
  postcode: Type.String(),
  from: Type.String({ format: 'date' }),
  to: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
});

/** A pupil or early-years child known to EYES */
export const EyesPupil = Type.Object({
  pupilId: Type.String(),
  upn: Type.Union([Type.String(), Type.Null()]),
  upnUnknownReason: Type.Union([Type.String(), Type.Null()]),
  uln: Type.Union([Type.String(), Type.Null()]),
  nhsNumber: Type.Union([Type.String(), Type.Null()]),
  lcsPersonId: Type.Union([Type.String(), Type.Null()]),
  forename: Type.String(),
  surname: Type.String(),
  preferredSurname: Type.Union([Type.String(), Type.Null()]),
  dateOfBirth: Type.String({ format: 'date' }),
  sex: Type.Union([Type.Literal('M'), Type.Literal('F')]),
  ethnicity: Type.String(),
  addresses: Type.Array(Address),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const EyesPupilBatch = Type.Object({
  items: Type.Array(EyesPupil),
  missing: Type.Array(Type.String()),
});

export const EyesPupilPage = Type.Object({
  items: Type.Array(EyesPupil),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** A school or early-years setting */
export const EyesSetting = Type.Object({
  settingId: Type.String(),
  urn: Type.String(),
  name: Type.String(),
  phase: Type.String(),
  laCode: Type.String(),
  establishmentNumber: Type.String(),
  postcode: Type.String(),
});

export const EyesSettingBatch = Type.Object({
  items: Type.Array(EyesSetting),
  missing: Type.Array(Type.String()),
});
