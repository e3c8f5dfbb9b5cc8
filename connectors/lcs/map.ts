/**
 * LCS wire record -> the domain's social care model (src/domain/models/socialCare.ts), once per
 * record as it is fetched (the loaders cache the model), and person -> the identity index's source
 * record. The graph's field names are the resolvers' (resolvers/shapes/socialCare.ts).
 */
import type { ReferralEvidence, SourceRecord } from '../../src/domain/identity/types.ts';
import { addressesSince, postcodesOf } from '../shared/postcodes.ts';
import type {
  Assessment,
  CareLeaver,
  ClaEpisode,
  ClaReview,
  CpPlan,
  EarlyHelpEpisode,
  Involvement,
  LegalStatus,
  MissingEpisode,
  PathwayPlan,
  Placement,
  Referral,
  S47Enquiry,
  SocialCareContact,
  SocialCarePerson,
  SocialCareRecord,
  Team,
  UascStatus,
  Visit,
  Worker,
} from '../../src/domain/models/socialCare.ts';
import type {
  LcsAssessment,
  LcsCareLeaver,
  LcsClaEpisode,
  LcsContact,
  LcsCpPlan,
  LcsInvolvement,
  LcsPathwayPlan,
  LcsPerson,
  LcsPlacement,
  LcsReferral,
  LcsS47,
  LcsSocialCareRecord,
  LcsTeam,
  LcsUasc,
  LcsWorker,
} from './types.ts';

/** What of an LCS referral is linking evidence (the list route and the social-care record both carry it). */
export type ReferralOfPerson = Pick<LcsReferral, 'referralDate' | 'referralSource'>;

/**
 * A person's referrals as linking evidence: in one order and without repeats, so the record is the
 * same whichever read (full list, social-care record) it was built from and compares equal when
 * nothing changed.
 */
const referralEvidence = (referrals: readonly ReferralOfPerson[]): ReferralEvidence[] => {
  const byKey = new Map<string, ReferralEvidence>();
  for (const r of referrals)
    byKey.set(`${r.referralDate}|${r.referralSource}`, {
      date: r.referralDate,
      source: r.referralSource,
      recorded: 'REFERRAL',
    });
  // Code-unit order, not the locale's: the same on every instance.
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...byKey.values()].sort((a, b) => order(a.date, b.date) || order(a.source, b.source));
};

/**
 * `referrals`: every referral LCS holds for the person (none: empty). Required, so no path that
 * builds the record can leave the evidence out and make the record flap between having and lacking it.
 */
export const toSourceRecord = (p: LcsPerson, referrals: readonly ReferralOfPerson[]): SourceRecord => ({
  system: 'lcs',
  localId: p.personId,
  forename: p.forename,
  surname: p.surname,
  aliases: [...p.aliases],
  dateOfBirth: p.dateOfBirth,
  sex: p.sex === 'U' ? null : p.sex,
  postcodes: postcodesOf(p.addresses),
  addressesSince: addressesSince(p.addresses),
  nhsNumber: p.nhsNumber,
  upn: p.upn,
  uln: null,
  referrals: referralEvidence(referrals),
  crossRefs: [],
  restricted: p.restriction !== null,
  adoptionIdentity: p.adoptionIdentity,
});

// Wire -> model. Each model is built field by field, so a field LCS renames or drops fails to
// compile here, and only here.

export const toSocialCarePerson = (p: LcsPerson): SocialCarePerson => ({
  personId: p.personId,
  legacyId: p.legacyId,
  forename: p.forename,
  surname: p.surname,
  aliases: p.aliases,
  sex: p.sex,
  gender: p.gender,
  ethnicity: p.ethnicity,
  dateOfBirth: p.dateOfBirth,
  expectedDateOfBirth: p.expectedDateOfBirth,
  deathDate: p.deathDate,
  nhsNumber: p.nhsNumber,
  upn: p.upn,
  upnUnknownReason: p.upnUnknownReason,
  sendFlag: p.sendFlag,
  nationality: p.nationality,
  addresses: p.addresses.map((a) => ({
    line1: a.line1,
    town: a.town,
    postcode: a.postcode,
    from: a.from,
    to: a.to,
  })),
  restriction: p.restriction && {
    reason: p.restriction.reason,
    allowedRoles: p.restriction.allowedRoles,
    allowedUsers: p.restriction.allowedUsers,
  },
  adoptionIdentity: p.adoptionIdentity,
  updatedAt: p.updatedAt,
});

const toContact = (c: LcsContact): SocialCareContact => ({
  contactId: c.contactId,
  personId: c.personId,
  contactDate: c.contactDate,
  sourceCode: c.sourceCode,
  outcome: c.outcome,
});

export const toReferral = (r: LcsReferral): Referral => ({
  referralId: r.referralId,
  personId: r.personId,
  referralDate: r.referralDate,
  primaryNeedCode: r.primaryNeedCode,
  referralSource: r.referralSource,
  outcome: r.outcome,
  nfa: r.nfa,
  closeReason: r.closeReason,
  closeDate: r.closeDate,
  teamId: r.teamId,
  workerId: r.workerId,
});

export const toAssessment = (a: LcsAssessment): Assessment => ({
  assessmentId: a.assessmentId,
  personId: a.personId,
  referralId: a.referralId,
  startDate: a.startDate,
  childSeen: a.childSeen,
  authorisationDate: a.authorisationDate,
  outcome: a.outcome,
  factors: a.factors,
  teamId: a.teamId,
  workerId: a.workerId,
});

export const toS47Enquiry = (s: LcsS47): S47Enquiry => ({
  s47Id: s.s47Id,
  personId: s.personId,
  referralId: s.referralId,
  strategyDiscussionDate: s.strategyDiscussionDate,
  startDate: s.startDate,
  endDate: s.endDate,
  outcome: s.outcome,
  icpc: s.icpc && {
    icpcId: s.icpc.icpcId,
    targetDate: s.icpc.targetDate,
    conferenceDate: s.icpc.conferenceDate,
    cpPlanOutcome: s.icpc.cpPlanOutcome,
    transferIn: s.icpc.transferIn,
  },
});

export const toCpPlan = (p: LcsCpPlan): CpPlan => ({
  cpPlanId: p.cpPlanId,
  personId: p.personId,
  startDate: p.startDate,
  endDate: p.endDate,
  initialCategory: p.initialCategory,
  latestCategory: p.latestCategory,
  reviews: p.reviews.map((r) => ({
    reviewId: r.reviewId,
    dueDate: r.dueDate,
    reviewDate: r.reviewDate,
    continuePlan: r.continuePlan,
  })),
});

export const toClaEpisode = (e: LcsClaEpisode): ClaEpisode => ({
  episodeId: e.episodeId,
  personId: e.personId,
  periodOfCareId: e.periodOfCareId,
  startDate: e.startDate,
  reasonNewEpisode: e.reasonNewEpisode,
  primaryNeedCode: e.primaryNeedCode,
  ceasedDate: e.ceasedDate,
  reasonCeased: e.reasonCeased,
  placementId: e.placementId,
  enteredCareDate: e.enteredCareDate,
});

export const toPlacement = (p: LcsPlacement): Placement => ({
  placementId: p.placementId,
  personId: p.personId,
  episodeId: p.episodeId,
  startDate: p.startDate,
  endDate: p.endDate,
  placementType: p.placementType,
  providerUrn: p.providerUrn,
  providerType: p.providerType,
  providerName: p.providerName,
  postcode: p.postcode,
  distanceFromHomeMiles: p.distanceFromHomeMiles,
  changeReason: p.changeReason,
});

export const toInvolvement = (i: LcsInvolvement): Involvement => ({
  involvementId: i.involvementId,
  personId: i.personId,
  workerId: i.workerId,
  teamId: i.teamId,
  role: i.role,
  caseStatus: i.caseStatus,
  startDate: i.startDate,
  endDate: i.endDate,
  changeReason: i.changeReason,
});

const toPathwayPlan = (p: LcsPathwayPlan): PathwayPlan => ({
  pathwayPlanId: p.pathwayPlanId,
  startDate: p.startDate,
  latestReviewDate: p.latestReviewDate,
  nextReviewDue: p.nextReviewDue,
  endDate: p.endDate,
  personalAdviserWorkerId: p.personalAdviserWorkerId,
});

const toCareLeaver = (c: LcsCareLeaver): CareLeaver => ({
  personId: c.personId,
  dateOfBirth: c.dateOfBirth,
  pathwayPlan: c.pathwayPlan && toPathwayPlan(c.pathwayPlan),
  contacts: c.contacts.map((x) => ({
    contactId: x.contactId,
    age: x.age,
    contactDate: x.contactDate,
    inTouch: x.inTouch,
    activity: x.activity,
    accommodation: x.accommodation,
  })),
  updatedAt: c.updatedAt,
});

const toUascStatus = (u: LcsUasc): UascStatus => ({
  personId: u.personId,
  arrivalDate: u.arrivalDate,
  claimedDateOfBirth: u.claimedDateOfBirth,
  uascCeasedDate: u.uascCeasedDate,
  ageAssessment: u.ageAssessment && {
    requestedDate: u.ageAssessment.requestedDate,
    completedDate: u.ageAssessment.completedDate,
    outcome: u.ageAssessment.outcome,
  },
  updatedAt: u.updatedAt,
});

export const toSocialCareRecord = (r: LcsSocialCareRecord): SocialCareRecord => ({
  personId: r.personId,
  contacts: r.contacts.map(toContact),
  referrals: r.referrals.map(toReferral),
  assessments: r.assessments.map(toAssessment),
  s47Enquiries: r.s47Enquiries.map(toS47Enquiry),
  cinPlans: r.cinPlans.map((p) => ({
    cinPlanId: p.cinPlanId,
    personId: p.personId,
    startDate: p.startDate,
    endDate: p.endDate,
    reviews: (p.reviews ?? []).map((x) => ({
      reviewId: x.reviewId,
      dueDate: x.dueDate,
      reviewDate: x.reviewDate,
    })),
  })),
  cpPlans: r.cpPlans.map(toCpPlan),
  visits: r.visits.map((v): Visit => ({
    visitId: v.visitId,
    personId: v.personId,
    kind: v.kind,
    visitDate: v.visitDate,
    seen: v.seen,
    seenAlone: v.seenAlone,
    bedroomSeen: v.bedroomSeen,
    workerId: v.workerId,
  })),
  claEpisodes: r.claEpisodes.map(toClaEpisode),
  placements: r.placements.map(toPlacement),
  legalStatuses: r.legalStatuses.map((l): LegalStatus => ({
    legalStatusId: l.legalStatusId,
    personId: l.personId,
    code: l.code,
    startDate: l.startDate,
    endDate: l.endDate,
  })),
  claReviews: r.claReviews.map((c): ClaReview => ({
    reviewId: c.reviewId,
    personId: c.personId,
    dueDate: c.dueDate,
    reviewDate: c.reviewDate,
    participationCode: c.participationCode,
  })),
  missingEpisodes: r.missingEpisodes.map((m): MissingEpisode => ({
    missingId: m.missingId,
    personId: m.personId,
    kind: m.kind,
    startDate: m.startDate,
    endDate: m.endDate,
    returnInterviewOffered: m.returnInterviewOffered,
    returnInterviewAccepted: m.returnInterviewAccepted,
  })),
  earlyHelpEpisodes: r.earlyHelpEpisodes.map((e): EarlyHelpEpisode => ({
    episodeId: e.episodeId,
    personId: e.personId,
    startDate: e.startDate,
    endDate: e.endDate,
    reason: e.reason,
    endReason: e.endReason,
    organisation: e.organisation,
    workerId: e.workerId,
  })),
  involvements: r.involvements.map(toInvolvement),
  careLeaver: r.careLeaver ? toCareLeaver(r.careLeaver) : null,
  uasc: r.uasc ? toUascStatus(r.uasc) : null,
});

export const toWorker = (w: LcsWorker): Worker => ({
  workerId: w.workerId,
  staffId: w.staffId,
  name: w.name,
  socialWorkRegistration: w.socialWorkRegistration,
  jobTitle: w.jobTitle,
  teamId: w.teamId,
  fte: w.fte,
  agency: w.agency,
});

export const toTeam = (t: LcsTeam): Team => ({
  teamId: t.teamId,
  name: t.name,
  service: t.service,
  parentTeamId: t.parentTeamId,
  managerWorkerId: t.managerWorkerId,
});
