/**
 * Education (EYES) as the hub reads it: the pupil and their education record. Declared here, in
 * the graph's vocabulary, so the hub depends on these and not on EYES's wire: connectors/eyes/map.ts
 * builds them from the wire records and absorbs any drift. Today most are field for field what
 * EYES sends.
 */
import type { Address } from './shared.ts';

export interface Pupil {
  pupilId: string;
  upn: string | null;
  upnUnknownReason: string | null;
  uln: string | null;
  nhsNumber: string | null;
  lcsPersonId: string | null;
  forename: string;
  surname: string;
  preferredSurname: string | null;
  dateOfBirth: string;
  sex: 'M' | 'F';
  ethnicity: string;
  addresses: Address[];
  updatedAt: string;
}

export interface Enrolment {
  enrolmentId: string;
  settingId: string;
  settingName: string;
  phase: string;
  startDate: string;
  endDate: string | null;
  yearGroup: string | null;
}

/** One academic year's sessions. */
export interface Attendance {
  academicYear: string;
  possibleSessions: number;
  attendedSessions: number;
  authorisedAbsence: number;
  unauthorisedAbsence: number;
}

export interface Exclusion {
  exclusionId: string;
  settingId: string;
  kind: 'SUSPENSION' | 'PERMANENT';
  startDate: string;
  sessions: number;
  reasonCode: string;
}

export interface FreeSchoolMealsPeriod {
  startDate: string;
  endDate: string | null;
}

export interface EarlyYearsFunding {
  term: string;
  kind: string;
  hoursPerWeek: number;
  settingId: string;
}

export interface SenSupport {
  startDate: string;
  endDate: string | null;
  primaryNeed: string;
  secondaryNeed: string | null;
}

export interface EhcpAnnualReview {
  reviewId: string;
  meetingDate: string;
  decisionDate: string | null;
  decision: 'MAINTAIN' | 'AMEND' | 'CEASE' | null;
}

/** The EHC plan a request led to. */
export interface EhcpPlan {
  planId: string;
  startDate: string;
  ceasedDate: string | null;
  ceasedReason: string | null;
  primaryNeed: string;
  secondaryNeed: string | null;
  settingId: string | null;
  annualReviews: EhcpAnnualReview[];
}

/** A request for an EHC needs assessment, and the plan it led to (if any). */
export interface EhcpRequest {
  requestId: string;
  pupilId: string;
  requestDate: string;
  requestSource: string;
  decisionToAssessDate: string | null;
  requestOutcome: string;
  assessmentOutcome: string;
  assessmentOutcomeDate: string | null;
  twentyWeekException: boolean;
  plan: EhcpPlan | null;
}

export interface NeetStatus {
  recordedDate: string;
  activityCode: string;
  neet: boolean;
}

/** A child missing education (CME) referral. */
export interface CmeEpisode {
  cmeId: string;
  pupilId: string;
  reportedMissingDate: string;
  reason: string;
  referredBy: string;
  closedDate: string | null;
  outcome: string | null;
  updatedAt: string;
}

/** Everything education holds about one pupil. */
export interface EducationRecord {
  pupilId: string;
  enrolments: Enrolment[];
  attendance: Attendance[];
  exclusions: Exclusion[];
  fsmPeriods: FreeSchoolMealsPeriod[];
  earlyYearsFunding: EarlyYearsFunding[];
  senSupport: SenSupport[];
  ehcpRequests: EhcpRequest[];
  neet: NeetStatus[];
  missingEducation: CmeEpisode[];
}
