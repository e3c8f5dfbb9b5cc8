/**
 * Typed shapes of the records the county produces, field for field the contract schemas in
 * simulators/contracts. The contracts' `Static<>` types currently widen to an index signature of
 * `unknown` (their `obj` helper loses the property types), so the generator writes these precise
 * shapes instead; tests check every record against the contract schemas themselves.
 */
type Day = string;

export interface AddressRecord {
  line1: string;
  town: string;
  postcode: string;
  from: Day;
  to: Day | null;
}

export interface LcsPersonRecord {
  personId: string;
  legacyId: string | null;
  forename: string;
  surname: string;
  aliases: string[];
  sex: 'M' | 'F' | 'U';
  gender: string | null;
  ethnicity: string;
  dateOfBirth: Day | null;
  expectedDateOfBirth: Day | null;
  deathDate: Day | null;
  nhsNumber: string | null;
  upn: string | null;
  upnUnknownReason: string | null;
  sendFlag: boolean;
  nationality: string | null;
  addresses: AddressRecord[];
  restriction: { reason: string; allowedRoles: string[]; allowedUsers: string[] } | null;
  adoptionIdentity: 'BIRTH' | 'ADOPTIVE' | null;
  updatedAt: string;
}

export interface LcsContactRecord {
  contactId: string;
  personId: string;
  contactDate: Day;
  sourceCode: string;
  outcome: string;
}

export interface LcsReferralRecord {
  referralId: string;
  personId: string;
  referralDate: Day;
  primaryNeedCode: string;
  referralSource: string;
  outcome: string;
  nfa: boolean;
  closeReason: string | null;
  closeDate: Day | null;
  teamId: string | null;
  workerId: string | null;
}

export interface LcsAssessmentRecord {
  assessmentId: string;
  personId: string;
  referralId: string;
  startDate: Day;
  childSeen: Day | null;
  authorisationDate: Day | null;
  outcome: string | null;
  factors: string[];
  teamId: string | null;
  workerId: string | null;
}

export interface LcsS47Record {
  s47Id: string;
  personId: string;
  referralId: string;
  strategyDiscussionDate: Day;
  startDate: Day;
  endDate: Day | null;
  outcome: string | null;
  icpc: {
    icpcId: string;
    targetDate: Day;
    conferenceDate: Day | null;
    cpPlanOutcome: boolean | null;
    transferIn: boolean;
  } | null;
}

export interface LcsCinPlanRecord {
  cinPlanId: string;
  personId: string;
  startDate: Day;
  endDate: Day | null;
  reviews?: LcsCinPlanReviewRecord[];
}

export interface LcsCinPlanReviewRecord {
  reviewId: string;
  dueDate: Day;
  reviewDate: Day | null;
}

export interface LcsPathwayPlanRecord {
  pathwayPlanId: string;
  startDate: Day;
  latestReviewDate: Day | null;
  nextReviewDue: Day | null;
  endDate: Day | null;
  personalAdviserWorkerId: string | null;
}

export interface LcsCareLeaverContactRecord {
  contactId: string;
  age: number;
  contactDate: Day;
  inTouch: string;
  activity: string;
  accommodation: string;
}

export interface LcsCareLeaverRecord {
  personId: string;
  dateOfBirth: Day;
  pathwayPlan: LcsPathwayPlanRecord | null;
  contacts: LcsCareLeaverContactRecord[];
  updatedAt: string;
}

export interface LcsUascRecord {
  personId: string;
  arrivalDate: Day;
  claimedDateOfBirth: Day | null;
  uascCeasedDate: Day | null;
  ageAssessment: { requestedDate: Day; completedDate: Day | null; outcome: string | null } | null;
  updatedAt: string;
}

export interface LcsCpReviewRecord {
  reviewId: string;
  dueDate: Day;
  reviewDate: Day | null;
  continuePlan: boolean | null;
}

export interface LcsCpPlanRecord {
  cpPlanId: string;
  personId: string;
  startDate: Day;
  endDate: Day | null;
  initialCategory: string;
  latestCategory: string;
  reviews: LcsCpReviewRecord[];
}

export interface LcsVisitRecord {
  visitId: string;
  personId: string;
  kind: 'CIN' | 'CP' | 'CLA';
  visitDate: Day;
  seen: boolean;
  seenAlone: boolean;
  bedroomSeen: boolean | null;
  workerId: string | null;
}

export interface LcsPlacementRecord {
  placementId: string;
  personId: string;
  episodeId: string;
  startDate: Day;
  endDate: Day | null;
  placementType: string;
  providerUrn: string | null;
  providerType: string;
  providerName: string;
  postcode: string | null;
  distanceFromHomeMiles: number | null;
  changeReason: string | null;
}

export interface LcsLegalStatusRecord {
  legalStatusId: string;
  personId: string;
  code: string;
  startDate: Day;
  endDate: Day | null;
}

export interface LcsClaEpisodeRecord {
  episodeId: string;
  personId: string;
  periodOfCareId: string;
  startDate: Day;
  reasonNewEpisode: string;
  primaryNeedCode: string;
  ceasedDate: Day | null;
  reasonCeased: string | null;
  placementId: string | null;
  enteredCareDate: Day;
}

export interface LcsClaReviewRecord {
  reviewId: string;
  personId: string;
  dueDate: Day;
  reviewDate: Day | null;
  participationCode: string | null;
}

export interface LcsMissingEpisodeRecord {
  missingId: string;
  personId: string;
  kind: 'MISSING' | 'AWAY';
  startDate: Day;
  endDate: Day | null;
  returnInterviewOffered: boolean | null;
  returnInterviewAccepted: boolean | null;
}

export interface LcsEarlyHelpEpisodeRecord {
  episodeId: string;
  personId: string;
  startDate: Day;
  endDate: Day | null;
  reason: string;
  endReason: string | null;
  organisation: string;
  workerId: string | null;
}

export type CaseStatusCode = 'CIN' | 'CP' | 'CLA' | 'EARLY_HELP' | 'CARE_LEAVER';

export interface LcsInvolvementRecord {
  involvementId: string;
  personId: string;
  workerId: string;
  teamId: string;
  role: string;
  caseStatus: CaseStatusCode;
  startDate: Day;
  endDate: Day | null;
  changeReason: string | null;
}

export interface LcsSocialCareRecordShape {
  personId: string;
  contacts: LcsContactRecord[];
  referrals: LcsReferralRecord[];
  assessments: LcsAssessmentRecord[];
  s47Enquiries: LcsS47Record[];
  cinPlans: LcsCinPlanRecord[];
  cpPlans: LcsCpPlanRecord[];
  visits: LcsVisitRecord[];
  claEpisodes: LcsClaEpisodeRecord[];
  placements: LcsPlacementRecord[];
  legalStatuses: LcsLegalStatusRecord[];
  claReviews: LcsClaReviewRecord[];
  missingEpisodes: LcsMissingEpisodeRecord[];
  earlyHelpEpisodes: LcsEarlyHelpEpisodeRecord[];
  involvements: LcsInvolvementRecord[];
  careLeaver?: LcsCareLeaverRecord | null;
  uasc?: LcsUascRecord | null;
}

export interface LcsWorkerRecord {
  workerId: string;
  staffId: string;
  name: string;
  socialWorkRegistration: string | null;
  jobTitle: string;
  teamId: string;
  fte: number;
  agency: boolean;
}

export interface LcsTeamRecord {
  teamId: string;
  name: string;
  service: string;
  parentTeamId: string | null;
  managerWorkerId: string | null;
}

export interface EyesPupilRecord {
  pupilId: string;
  upn: string | null;
  upnUnknownReason: string | null;
  uln: string | null;
  nhsNumber: string | null;
  lcsPersonId: string | null;
  forename: string;
  surname: string;
  preferredSurname: string | null;
  dateOfBirth: Day;
  sex: 'M' | 'F';
  ethnicity: string;
  addresses: AddressRecord[];
  updatedAt: string;
}

export interface EyesEnrolmentRecord {
  enrolmentId: string;
  settingId: string;
  settingName: string;
  phase: string;
  startDate: Day;
  endDate: Day | null;
  yearGroup: string | null;
}

export interface EyesAttendanceRecord {
  academicYear: string;
  possibleSessions: number;
  attendedSessions: number;
  authorisedAbsence: number;
  unauthorisedAbsence: number;
}

export interface EyesExclusionRecord {
  exclusionId: string;
  settingId: string;
  kind: 'SUSPENSION' | 'PERMANENT';
  startDate: Day;
  sessions: number;
  reasonCode: string;
}

export interface EyesEhcpRequestRecord {
  requestId: string;
  pupilId: string;
  requestDate: Day;
  requestSource: string;
  decisionToAssessDate: Day | null;
  requestOutcome: string;
  assessmentOutcome: string;
  assessmentOutcomeDate: Day | null;
  twentyWeekException: boolean;
  plan: {
    planId: string;
    startDate: Day;
    ceasedDate: Day | null;
    ceasedReason: string | null;
    primaryNeed: string;
    secondaryNeed: string | null;
    settingId: string | null;
  } | null;
}

export interface EyesEducationRecordShape {
  pupilId: string;
  enrolments: EyesEnrolmentRecord[];
  attendance: EyesAttendanceRecord[];
  exclusions: EyesExclusionRecord[];
  fsmPeriods: { startDate: Day; endDate: Day | null }[];
  earlyYearsFunding: { term: string; kind: string; hoursPerWeek: number; settingId: string }[];
  senSupport: { startDate: Day; endDate: Day | null; primaryNeed: string; secondaryNeed: string | null }[];
  ehcpRequests: EyesEhcpRequestRecord[];
  neet: { recordedDate: Day; activityCode: string; neet: boolean }[];
}

export interface EyesSettingRecord {
  settingId: string;
  urn: string;
  name: string;
  phase: string;
  laCode: string;
  establishmentNumber: string;
  postcode: string;
}

export interface LiftClientRecord {
  clientRef: string;
  lcsPersonId: string;
  name: string;
  dateOfBirth: Day | null;
}

export interface LiftRateRecord {
  effectiveFrom: Day;
  amountPence: number;
  unit: 'WEEKLY' | 'DAILY';
  recordedAt: Day;
}

export interface LiftAgreementRecord {
  agreementId: string;
  clientRef: string;
  lcsPersonId: string;
  lcsPlacementId: string | null;
  serviceType: string;
  placementType: string | null;
  providerId: string;
  providerName: string;
  providerType: string;
  teamId: string | null;
  serviceLine: string;
  costCentre: string;
  startDate: Day;
  plannedEndDate: Day | null;
  endDate: Day | null;
  status: 'ACTIVE' | 'ENDED' | 'PENDING' | 'CANCELLED';
  rates: LiftRateRecord[];
  commitmentPence: number;
}

export interface LiftBudgetLineRecord {
  budgetLineId: string;
  financialYear: string;
  serviceLine: string;
  costCentre: string;
  teamId: string | null;
  placementType: string | null;
  fundingStream: 'GENERAL_FUND' | 'HIGH_NEEDS_BLOCK';
  originalBudgetPence: number;
  virements: { virementId: string; effectiveDate: Day; amountPence: number; reason: string }[];
}

export interface LiftSendCostRecord {
  sendCostId: string;
  pupilId: string;
  upn: string | null;
  costType:
    | 'INDEPENDENT_SPECIAL_SCHOOL'
    | 'NON_MAINTAINED_SPECIAL_SCHOOL'
    | 'TOP_UP'
    | 'SEN_TRANSPORT'
    | 'PERSONAL_BUDGET';
  fundingStream: 'GENERAL_FUND' | 'HIGH_NEEDS_BLOCK';
  providerName: string;
  serviceLine: string;
  costCentre: string;
  startDate: Day;
  plannedEndDate: Day | null;
  endDate: Day | null;
  status: 'ACTIVE' | 'ENDED' | 'PENDING' | 'CANCELLED';
  rates: LiftRateRecord[];
}

export interface LiftPaymentRecord {
  paymentId: string;
  agreementId: string;
  clientRef: string;
  periodStart: Day;
  periodEnd: Day;
  paidOn: Day;
  amountPence: number;
  invoiceRef: string | null;
}

export interface FrontDoorContactRecord {
  contactId: string;
  route: 'C-SPA' | 'L-SPA';
  receivedAt: string;
  contactDate: Day;
  sourceCode: string;
  reason: string;
  subject: {
    forename: string;
    surname: string;
    dateOfBirth: Day | null;
    postcode: string | null;
    sex: 'M' | 'F' | null;
    nhsNumber: string | null;
    lcsPersonId: string | null;
  };
  rag: 'RED' | 'AMBER' | 'GREEN' | null;
  decision: 'ADVICE' | 'EARLY_HELP' | 'SOCIAL_CARE_REFERRAL' | 'SEND_SUPPORT' | 'NFA' | null;
  decidedAt: string | null;
  routedTo: string | null;
  updatedAt: string;
}
