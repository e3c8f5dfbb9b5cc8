/**
 * Social care models -> the graph's field names, at field time (the models are built from LCS's
 * wire once, in connectors/lcs/map.ts). Timeliness is computed by the resolvers: it depends on
 * today's date and the working-day calendar, not on the record alone.
 */
import type {
  Assessment,
  ClaEpisode,
  ClaReview,
  CpPlan,
  EarlyHelpEpisode,
  LegalStatus,
  MissingEpisode,
  PathwayPlan,
  Placement,
  Referral,
  S47Enquiry,
  SocialCareContact,
  UascStatus,
  Visit,
} from '../../src/domain/models/socialCare.ts';

export const mapContact = (c: SocialCareContact) => ({
  id: c.contactId,
  date: c.contactDate,
  source: c.sourceCode,
  outcome: c.outcome,
});

export const mapReferral = (r: Referral) => ({
  id: r.referralId,
  date: r.referralDate,
  primaryNeed: r.primaryNeedCode,
  source: r.referralSource,
  outcome: r.outcome,
  nfa: r.nfa,
  closeDate: r.closeDate,
  closeReason: r.closeReason,
});

export const mapAssessment = (a: Assessment) => ({
  id: a.assessmentId,
  referralId: a.referralId,
  startDate: a.startDate,
  childSeen: a.childSeen,
  authorisationDate: a.authorisationDate,
  outcome: a.outcome,
  factors: a.factors,
});

export const mapS47 = (s: S47Enquiry) => ({
  id: s.s47Id,
  strategyDiscussionDate: s.strategyDiscussionDate,
  startDate: s.startDate,
  endDate: s.endDate,
  outcome: s.outcome,
  icpc: s.icpc && {
    id: s.icpc.icpcId,
    targetDate: s.icpc.targetDate,
    conferenceDate: s.icpc.conferenceDate,
    cpPlanOutcome: s.icpc.cpPlanOutcome,
    transferIn: s.icpc.transferIn,
    strategyDiscussionDate: s.strategyDiscussionDate,
  },
});

export const mapCpPlan = (p: CpPlan) => ({
  id: p.cpPlanId,
  startDate: p.startDate,
  endDate: p.endDate,
  initialCategory: p.initialCategory,
  latestCategory: p.latestCategory,
  reviews: p.reviews.map((r) => ({
    id: r.reviewId,
    dueDate: r.dueDate,
    reviewDate: r.reviewDate,
    continuePlan: r.continuePlan,
  })),
});

export const mapVisit = (v: Visit) => ({
  id: v.visitId,
  kind: v.kind,
  date: v.visitDate,
  seen: v.seen,
  seenAlone: v.seenAlone,
  bedroomSeen: v.bedroomSeen,
});

export const mapClaEpisode = (e: ClaEpisode) => ({
  id: e.episodeId,
  periodOfCareId: e.periodOfCareId,
  startDate: e.startDate,
  reasonNewEpisode: e.reasonNewEpisode,
  primaryNeed: e.primaryNeedCode,
  ceasedDate: e.ceasedDate,
  reasonCeased: e.reasonCeased,
  enteredCareDate: e.enteredCareDate,
});

export const mapPlacement = (p: Placement) => ({
  id: p.placementId,
  startDate: p.startDate,
  endDate: p.endDate,
  placementType: p.placementType,
  providerType: p.providerType,
  providerName: p.providerName,
  providerUrn: p.providerUrn,
  distanceFromHomeMiles: p.distanceFromHomeMiles,
  changeReason: p.changeReason,
});

export const mapLegalStatus = (l: LegalStatus) => ({
  id: l.legalStatusId,
  code: l.code,
  startDate: l.startDate,
  endDate: l.endDate,
});

export const mapClaReview = (r: ClaReview) => ({
  id: r.reviewId,
  dueDate: r.dueDate,
  reviewDate: r.reviewDate,
  participation: r.participationCode,
});

export const mapMissing = (m: MissingEpisode) => ({
  id: m.missingId,
  kind: m.kind,
  startDate: m.startDate,
  endDate: m.endDate,
  returnInterviewOffered: m.returnInterviewOffered,
  returnInterviewAccepted: m.returnInterviewAccepted,
});

export const mapEarlyHelp = (e: EarlyHelpEpisode) => ({
  id: e.episodeId,
  startDate: e.startDate,
  endDate: e.endDate,
  reason: e.reason,
  endReason: e.endReason,
  organisation: e.organisation,
});

/** A care leaver's pathway plan, with the personal adviser as a worker reference. */
export const mapPathwayPlan = (plan: PathwayPlan) => ({
  id: plan.pathwayPlanId,
  startDate: plan.startDate,
  latestReviewDate: plan.latestReviewDate,
  nextReviewDue: plan.nextReviewDue,
  endDate: plan.endDate,
  personalAdviser: plan.personalAdviserWorkerId === null ? null : { workerId: plan.personalAdviserWorkerId },
});

/** An unaccompanied asylum-seeking child's status and age assessment. */
export const mapUasc = (u: UascStatus) => ({
  arrivalDate: u.arrivalDate,
  claimedDateOfBirth: u.claimedDateOfBirth,
  ceasedDate: u.uascCeasedDate,
  ageAssessmentRequested: u.ageAssessment?.requestedDate ?? null,
  ageAssessmentCompleted: u.ageAssessment?.completedDate ?? null,
  ageAssessmentOutcome: u.ageAssessment?.outcome ?? null,
});
