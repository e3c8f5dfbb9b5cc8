/* Generated from contracts/lcs.openapi.json by `npm run contracts:types`. Do not edit. */
import { Type } from '@sinclair/typebox';

/** A child and family assessment */
export const LcsAssessment = Type.Object({
  assessmentId: Type.String(),
  personId: Type.String(),
  referralId: Type.String(),
  startDate: Type.String({ format: 'date' }),
  childSeen: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  authorisationDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  outcome: Type.Union([Type.String(), Type.Null()]),
  factors: Type.Array(Type.String()),
  teamId: Type.Union([Type.String(), Type.Null()]),
  workerId: Type.Union([Type.String(), Type.Null()]),
});

export const LcsAssessmentPage = Type.Object({
  items: Type.Array(LcsAssessment),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** What the local authority knew of a care leaver around one birthday (within 3 months before to 1 month after), as the SSDA903 return records it */
export const LcsCareLeaverContact = Type.Object({
  contactId: Type.String(),
  age: Type.Integer({ minimum: 17, maximum: 21 }),
  contactDate: Type.String({ format: 'date' }),
  inTouch: Type.String(),
  activity: Type.String(),
  accommodation: Type.String(),
});

/** A care leaver’s pathway plan */
export const LcsPathwayPlan = Type.Object({
  pathwayPlanId: Type.String(),
  startDate: Type.String({ format: 'date' }),
  latestReviewDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  nextReviewDue: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  endDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  personalAdviserWorkerId: Type.Union([Type.String(), Type.Null()]),
});

/** A care leaver (a former relevant child) and the birthday contacts the SSDA903 return counts */
export const LcsCareLeaver = Type.Object({
  personId: Type.String(),
  dateOfBirth: Type.String({ format: 'date' }),
  pathwayPlan: Type.Union([LcsPathwayPlan, Type.Null()]),
  contacts: Type.Array(LcsCareLeaverContact),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const LcsCareLeaverPage = Type.Object({
  items: Type.Array(LcsCareLeaver),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** A child-in-need plan review (local standard: within 3 months of the plan, then at most 3-monthly) */
export const LcsCinPlanReview = Type.Object({
  reviewId: Type.String(),
  dueDate: Type.String({ format: 'date' }),
  reviewDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
});

/** A child-in-need plan */
export const LcsCinPlan = Type.Object({
  cinPlanId: Type.String(),
  personId: Type.String(),
  startDate: Type.String({ format: 'date' }),
  endDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  reviews: Type.Optional(Type.Array(LcsCinPlanReview)),
});

export const LcsCinPlanPage = Type.Object({
  items: Type.Array(LcsCinPlan),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** A looked-after (CLA) episode */
export const LcsClaEpisode = Type.Object({
  episodeId: Type.String(),
  personId: Type.String(),
  periodOfCareId: Type.String(),
  startDate: Type.String({ format: 'date' }),
  reasonNewEpisode: Type.String(),
  primaryNeedCode: Type.String(),
  ceasedDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  reasonCeased: Type.Union([Type.String(), Type.Null()]),
  placementId: Type.Union([Type.String(), Type.Null()]),
  enteredCareDate: Type.String({ format: 'date' }),
});

export const LcsClaEpisodePage = Type.Object({
  items: Type.Array(LcsClaEpisode),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** A child protection review conference */
export const LcsCpReview = Type.Object({
  reviewId: Type.String(),
  dueDate: Type.String({ format: 'date' }),
  reviewDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  continuePlan: Type.Union([Type.Boolean(), Type.Null()]),
});

/** A child protection plan */
export const LcsCpPlan = Type.Object({
  cpPlanId: Type.String(),
  personId: Type.String(),
  startDate: Type.String({ format: 'date' }),
  endDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  initialCategory: Type.String(),
  latestCategory: Type.String(),
  reviews: Type.Array(LcsCpReview),
});

export const LcsCpPlanPage = Type.Object({
  items: Type.Array(LcsCpPlan),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** A worker’s involvement with a person */
export const LcsInvolvement = Type.Object({
  involvementId: Type.String(),
  personId: Type.String(),
  workerId: Type.String(),
  teamId: Type.String(),
  role: Type.String(),
  caseStatus: Type.Union([Type.Literal('CIN'), Type.Literal('CP'), Type.Literal('CLA'), Type.Literal('EARLY_HELP'), Type.Literal('CARE_LEAVER')]),
  startDate: Type.String({ format: 'date' }),
  endDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  changeReason: Type.Union([Type.String(), Type.Null()]),
});

export const LcsInvolvementPage = Type.Object({
  items: Type.Array(LcsInvolvement),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const Address = Type.Object({
  line1: Type.String(),
  town: Type.String(),
  postcode: Type.String(),
  from: Type.String({ format: 'date' }),
  to: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
});

export const RestrictionReason = Type.Union([Type.Literal('ADOPTION'), Type.Literal('PROTECTED_IDENTITY'), Type.Literal('STAFF'), Type.Literal('STAFF_RELATIVE'), Type.Literal('HIGH_RISK')]);

/** A person known to children’s social care */
export const LcsPerson = Type.Object({
  personId: Type.String({ pattern: '^[0-9]{1,20}$' }),
  legacyId: Type.Union([Type.String(), Type.Null()]),
  forename: Type.String(),
  surname: Type.String(),
  aliases: Type.Array(Type.String()),
  sex: Type.Union([Type.Literal('M'), Type.Literal('F'), Type.Literal('U')]),
  gender: Type.Union([Type.String(), Type.Null()]),
  ethnicity: Type.String(),
  dateOfBirth: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  expectedDateOfBirth: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  deathDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  nhsNumber: Type.Union([Type.String(), Type.Null()]),
  upn: Type.Union([Type.String(), Type.Null()]),
  upnUnknownReason: Type.Union([Type.String(), Type.Null()]),
  sendFlag: Type.Boolean(),
  nationality: Type.Union([Type.String(), Type.Null()]),
  addresses: Type.Array(Address),
  restriction: Type.Union([Type.Object({
    reason: RestrictionReason,
    allowedRoles: Type.Array(Type.String()),
    allowedUsers: Type.Array(Type.String()),
  }), Type.Null()]),
  adoptionIdentity: Type.Union([Type.Union([Type.Literal('BIRTH'), Type.Literal('ADOPTIVE')]), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const LcsPersonBatch = Type.Object({
  items: Type.Array(LcsPerson),
  missing: Type.Array(Type.String()),
});

export const LcsPersonPage = Type.Object({
  items: Type.Array(LcsPerson),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** A looked-after placement */
export const LcsPlacement = Type.Object({
  placementId: Type.String(),
  personId: Type.String(),
  episodeId: Type.String(),
  startDate: Type.String({ format: 'date' }),
  endDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  placementType: Type.String(),
  providerUrn: Type.Union([Type.String(), Type.Null()]),
  providerType: Type.String(),
  providerName: Type.String(),
  postcode: Type.Union([Type.String(), Type.Null()]),
  distanceFromHomeMiles: Type.Union([Type.Number(), Type.Null()]),
  changeReason: Type.Union([Type.String(), Type.Null()]),
});

export const LcsPlacementPage = Type.Object({
  items: Type.Array(LcsPlacement),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** A referral: the start of a child-in-need episode */
export const LcsReferral = Type.Object({
  referralId: Type.String(),
  personId: Type.String(),
  referralDate: Type.String({ format: 'date' }),
  primaryNeedCode: Type.String(),
  referralSource: Type.String(),
  outcome: Type.String(),
  nfa: Type.Boolean(),
  closeReason: Type.Union([Type.String(), Type.Null()]),
  closeDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  teamId: Type.Union([Type.String(), Type.Null()]),
  workerId: Type.Union([Type.String(), Type.Null()]),
});

export const LcsReferralPage = Type.Object({
  items: Type.Array(LcsReferral),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** A section 47 enquiry and its initial child protection conference */
export const LcsS47 = Type.Object({
  s47Id: Type.String(),
  personId: Type.String(),
  referralId: Type.String(),
  strategyDiscussionDate: Type.String({ format: 'date' }),
  startDate: Type.String({ format: 'date' }),
  endDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  outcome: Type.Union([Type.String(), Type.Null()]),
  icpc: Type.Union([Type.Object({
    icpcId: Type.String(),
    targetDate: Type.String({ format: 'date' }),
    conferenceDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    cpPlanOutcome: Type.Union([Type.Boolean(), Type.Null()]),
    transferIn: Type.Boolean(),
  }), Type.Null()]),
});

export const LcsS47Page = Type.Object({
  items: Type.Array(LcsS47),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** A looked-after child review */
export const LcsClaReview = Type.Object({
  reviewId: Type.String(),
  personId: Type.String(),
  dueDate: Type.String({ format: 'date' }),
  reviewDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  participationCode: Type.Union([Type.String(), Type.Null()]),
});

/** A contact recorded in LCS */
export const LcsContact = Type.Object({
  contactId: Type.String(),
  personId: Type.String(),
  contactDate: Type.String({ format: 'date' }),
  sourceCode: Type.String(),
  outcome: Type.String(),
});

/** An early help episode */
export const LcsEarlyHelpEpisode = Type.Object({
  episodeId: Type.String(),
  personId: Type.String(),
  startDate: Type.String({ format: 'date' }),
  endDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  reason: Type.String(),
  endReason: Type.Union([Type.String(), Type.Null()]),
  organisation: Type.String(),
  workerId: Type.Union([Type.String(), Type.Null()]),
});

/** A legal status while looked after */
export const LcsLegalStatus = Type.Object({
  legalStatusId: Type.String(),
  personId: Type.String(),
  code: Type.String(),
  startDate: Type.String({ format: 'date' }),
  endDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
});

/** A missing or away-from-placement episode */
export const LcsMissingEpisode = Type.Object({
  missingId: Type.String(),
  personId: Type.String(),
  kind: Type.Union([Type.Literal('MISSING'), Type.Literal('AWAY')]),
  startDate: Type.String({ format: 'date' }),
  endDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  returnInterviewOffered: Type.Union([Type.Boolean(), Type.Null()]),
  returnInterviewAccepted: Type.Union([Type.Boolean(), Type.Null()]),
});

/** An unaccompanied asylum-seeking child (UASC) status */
export const LcsUasc = Type.Object({
  personId: Type.String(),
  arrivalDate: Type.String({ format: 'date' }),
  claimedDateOfBirth: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  uascCeasedDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  ageAssessment: Type.Union([Type.Object({
    requestedDate: Type.String({ format: 'date' }),
    completedDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    outcome: Type.Union([Type.String(), Type.Null()]),
  }), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
});

/** A statutory visit */
export const LcsVisit = Type.Object({
  visitId: Type.String(),
  personId: Type.String(),
  kind: Type.Union([Type.Literal('CIN'), Type.Literal('CP'), Type.Literal('CLA')]),
  visitDate: Type.String({ format: 'date' }),
  seen: Type.Boolean(),
  seenAlone: Type.Boolean(),
  bedroomSeen: Type.Union([Type.Boolean(), Type.Null()]),
  workerId: Type.Union([Type.String(), Type.Null()]),
});

/** A person’s whole social care record */
export const LcsSocialCareRecord = Type.Object({
  personId: Type.String(),
  contacts: Type.Array(LcsContact),
  referrals: Type.Array(LcsReferral),
  assessments: Type.Array(LcsAssessment),
  s47Enquiries: Type.Array(LcsS47),
  cinPlans: Type.Array(LcsCinPlan),
  cpPlans: Type.Array(LcsCpPlan),
  visits: Type.Array(LcsVisit),
  claEpisodes: Type.Array(LcsClaEpisode),
  placements: Type.Array(LcsPlacement),
  legalStatuses: Type.Array(LcsLegalStatus),
  claReviews: Type.Array(LcsClaReview),
  missingEpisodes: Type.Array(LcsMissingEpisode),
  earlyHelpEpisodes: Type.Array(LcsEarlyHelpEpisode),
  involvements: Type.Array(LcsInvolvement),
  careLeaver: Type.Optional(Type.Union([LcsCareLeaver, Type.Null()])),
  uasc: Type.Optional(Type.Union([LcsUasc, Type.Null()])),
});

/** A team */
export const LcsTeam = Type.Object({
  teamId: Type.String(),
  name: Type.String(),
  service: Type.String(),
  parentTeamId: Type.Union([Type.String(), Type.Null()]),
  managerWorkerId: Type.Union([Type.String(), Type.Null()]),
});

export const LcsTeamBatch = Type.Object({
  items: Type.Array(LcsTeam),
  missing: Type.Array(Type.String()),
});

export const LcsTeamPage = Type.Object({
  items: Type.Array(LcsTeam),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const LcsUascPage = Type.Object({
  items: Type.Array(LcsUasc),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** A practitioner */
export const LcsWorker = Type.Object({
  workerId: Type.String(),
  staffId: Type.String(),
  name: Type.String(),
  socialWorkRegistration: Type.Union([Type.String(), Type.Null()]),
  jobTitle: Type.String(),
  teamId: Type.String(),
  fte: Type.Number(),
  agency: Type.Boolean(),
});

export const LcsWorkerBatch = Type.Object({
  items: Type.Array(LcsWorker),
  missing: Type.Array(Type.String()),
});

export const LcsWorkerPage = Type.Object({
  items: Type.Array(LcsWorker),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
