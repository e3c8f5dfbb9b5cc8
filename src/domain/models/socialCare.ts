/**
 * Social care (LCS) as the hub reads it: the person, their social care record and the workforce.
 * Declared here, in the graph's vocabulary, so the hub depends on these and not on LCS's wire:
 * connectors/lcs/map.ts builds them from the wire records and absorbs any drift. Today most are
 * field for field what LCS sends.
 */
import type { Address } from './shared.ts';

export type RestrictionReason = 'ADOPTION' | 'PROTECTED_IDENTITY' | 'STAFF' | 'STAFF_RELATIVE' | 'HIGH_RISK';

export interface SocialCarePerson {
  personId: string;
  legacyId: string | null;
  forename: string;
  surname: string;
  aliases: string[];
  sex: 'M' | 'F' | 'U';
  gender: string | null;
  ethnicity: string;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  deathDate: string | null;
  nhsNumber: string | null;
  upn: string | null;
  upnUnknownReason: string | null;
  sendFlag: boolean;
  nationality: string | null;
  addresses: Address[];
  restriction: { reason: RestrictionReason; allowedRoles: string[]; allowedUsers: string[] } | null;
  adoptionIdentity: 'BIRTH' | 'ADOPTIVE' | null;
  updatedAt: string;
}

export interface SocialCareContact {
  contactId: string;
  personId: string;
  contactDate: string;
  sourceCode: string;
  outcome: string;
}

export interface Referral {
  referralId: string;
  personId: string;
  referralDate: string;
  primaryNeedCode: string;
  referralSource: string;
  outcome: string;
  nfa: boolean;
  closeReason: string | null;
  closeDate: string | null;
  teamId: string | null;
  workerId: string | null;
}

export interface Assessment {
  assessmentId: string;
  personId: string;
  referralId: string;
  startDate: string;
  childSeen: string | null;
  authorisationDate: string | null;
  outcome: string | null;
  factors: string[];
  teamId: string | null;
  workerId: string | null;
}

/** The initial child protection conference an s47 enquiry led to. */
export interface Icpc {
  icpcId: string;
  targetDate: string;
  conferenceDate: string | null;
  cpPlanOutcome: boolean | null;
  transferIn: boolean;
}

export interface S47Enquiry {
  s47Id: string;
  personId: string;
  referralId: string;
  strategyDiscussionDate: string;
  startDate: string;
  endDate: string | null;
  outcome: string | null;
  icpc: Icpc | null;
}

export interface CinPlanReview {
  reviewId: string;
  dueDate: string;
  reviewDate: string | null;
}

export interface CinPlan {
  cinPlanId: string;
  personId: string;
  startDate: string;
  endDate: string | null;
  /** Empty when LCS sends none. */
  reviews: CinPlanReview[];
}

export interface CpPlanReview {
  reviewId: string;
  dueDate: string;
  reviewDate: string | null;
  continuePlan: boolean | null;
}

export interface CpPlan {
  cpPlanId: string;
  personId: string;
  startDate: string;
  endDate: string | null;
  initialCategory: string;
  latestCategory: string;
  reviews: CpPlanReview[];
}

export interface Visit {
  visitId: string;
  personId: string;
  kind: 'CIN' | 'CP' | 'CLA';
  visitDate: string;
  seen: boolean;
  seenAlone: boolean;
  bedroomSeen: boolean | null;
  workerId: string | null;
}

export interface ClaEpisode {
  episodeId: string;
  personId: string;
  periodOfCareId: string;
  startDate: string;
  reasonNewEpisode: string;
  primaryNeedCode: string;
  ceasedDate: string | null;
  reasonCeased: string | null;
  placementId: string | null;
  enteredCareDate: string;
}

export interface Placement {
  placementId: string;
  personId: string;
  episodeId: string;
  startDate: string;
  endDate: string | null;
  placementType: string;
  providerUrn: string | null;
  providerType: string;
  providerName: string;
  postcode: string | null;
  distanceFromHomeMiles: number | null;
  changeReason: string | null;
}

export interface LegalStatus {
  legalStatusId: string;
  personId: string;
  code: string;
  startDate: string;
  endDate: string | null;
}

export interface ClaReview {
  reviewId: string;
  personId: string;
  dueDate: string;
  reviewDate: string | null;
  participationCode: string | null;
}

export interface MissingEpisode {
  missingId: string;
  personId: string;
  kind: 'MISSING' | 'AWAY';
  startDate: string;
  endDate: string | null;
  returnInterviewOffered: boolean | null;
  returnInterviewAccepted: boolean | null;
}

export interface EarlyHelpEpisode {
  episodeId: string;
  personId: string;
  startDate: string;
  endDate: string | null;
  reason: string;
  endReason: string | null;
  organisation: string;
  workerId: string | null;
}

export type CaseStatus = 'CIN' | 'CP' | 'CLA' | 'EARLY_HELP' | 'CARE_LEAVER';

/** A worker's (and their team's) part in a child's case. */
export interface Involvement {
  involvementId: string;
  personId: string;
  workerId: string;
  teamId: string;
  role: string;
  caseStatus: CaseStatus;
  startDate: string;
  endDate: string | null;
  changeReason: string | null;
}

export interface PathwayPlan {
  pathwayPlanId: string;
  startDate: string;
  latestReviewDate: string | null;
  nextReviewDue: string | null;
  endDate: string | null;
  personalAdviserWorkerId: string | null;
}

export interface CareLeaverContact {
  contactId: string;
  age: number;
  contactDate: string;
  inTouch: string;
  activity: string;
  accommodation: string;
}

export interface CareLeaver {
  personId: string;
  dateOfBirth: string;
  pathwayPlan: PathwayPlan | null;
  contacts: CareLeaverContact[];
  updatedAt: string;
}

/** An unaccompanied asylum-seeking child's status and age assessment. */
export interface UascStatus {
  personId: string;
  arrivalDate: string;
  claimedDateOfBirth: string | null;
  uascCeasedDate: string | null;
  ageAssessment: { requestedDate: string; completedDate: string | null; outcome: string | null } | null;
  updatedAt: string;
}

/** Everything social care holds about one person. */
export interface SocialCareRecord {
  personId: string;
  contacts: SocialCareContact[];
  referrals: Referral[];
  assessments: Assessment[];
  s47Enquiries: S47Enquiry[];
  cinPlans: CinPlan[];
  cpPlans: CpPlan[];
  visits: Visit[];
  claEpisodes: ClaEpisode[];
  placements: Placement[];
  legalStatuses: LegalStatus[];
  claReviews: ClaReview[];
  missingEpisodes: MissingEpisode[];
  earlyHelpEpisodes: EarlyHelpEpisode[];
  involvements: Involvement[];
  /** null when the person is not a care leaver (or LCS sends no care-leaver part). */
  careLeaver: CareLeaver | null;
  uasc: UascStatus | null;
}

export interface Worker {
  workerId: string;
  staffId: string;
  name: string;
  socialWorkRegistration: string | null;
  jobTitle: string;
  teamId: string;
  fte: number;
  agency: boolean;
}

export interface Team {
  teamId: string;
  name: string;
  service: string;
  parentTeamId: string | null;
  managerWorkerId: string | null;
}
