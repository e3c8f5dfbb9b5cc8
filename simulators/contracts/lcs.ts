/**
 * LCS (Liquidlogic Children's Social Care) contract, shaped on the Standard Safeguarding Dataset.
 * Routes (all JSON; lists paginated with ?limit=&cursor=; batch reads with ?ids=):
 *   GET /people?ids=                 batch  -> LcsPersonBatch
 *   GET /people?limit&cursor&updatedSince   -> LcsPersonPage (the link index's full load)
 *   GET /people/{personId}                  -> LcsPerson
 *   GET /people/{personId}/social-care      -> LcsSocialCareRecord (single reads only, no batch)
 *   GET /workers?ids=                batch  -> LcsWorkerBatch
 *   GET /workers?limit&cursor&teamId        -> LcsWorkerPage
 *   GET /teams?ids=                  batch  -> LcsTeamBatch
 *   GET /teams?limit&cursor                 -> LcsTeamPage
 *   GET /involvements?workerId|teamId&open=true&limit&cursor -> LcsInvolvementPage (caseloads)
 *   GET /referrals?from&to&limit&cursor     -> LcsReferralPage (by referral date)
 *   GET /assessments?from&to&limit&cursor   -> LcsAssessmentPage (by start date)
 *   GET /s47-enquiries?from&to&limit&cursor -> LcsS47Page (by start date, with ICPC)
 *   GET /cp-plans?activeOn|from&to&limit&cursor   -> LcsCpPlanPage
 *   GET /cla-episodes?activeOn|from&to&limit&cursor -> LcsClaEpisodePage
 *   GET /placements?activeOn|from&to&limit&cursor   -> LcsPlacementPage
 *   GET /cin-plans?activeOn|from&to&limit&cursor    -> LcsCinPlanPage (with their reviews)
 *   GET /care-leavers?limit&cursor&updatedSince     -> LcsCareLeaverPage
 *   GET /uasc?limit&cursor&updatedSince             -> LcsUascPage
 */
import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { Address, IsoDate, Nullable } from './common.ts';
import { LcsCareLeaver, LcsCinPlanReview, LcsUasc } from './lcsCohorts.ts';

const Str = Type.String();
const OptStr = Nullable(Type.String());
const OptDate = Nullable(IsoDate);
const obj = <T extends TProperties>(id: string, props: T, description: string) =>
  Type.Object(props, { $id: id, additionalProperties: false, description });

export const RestrictionReason = Type.Union(
  ['ADOPTION', 'PROTECTED_IDENTITY', 'STAFF', 'STAFF_RELATIVE', 'HIGH_RISK'].map((r) => Type.Literal(r)),
  { $id: 'RestrictionReason' },
);

export const LcsPerson = obj(
  'LcsPerson',
  {
    personId: Type.String({ pattern: '^[0-9]{1,20}$' }),
    legacyId: OptStr,
    forename: Str,
    surname: Str,
    /** Other names the person is or was known by (former surnames, nicknames). */
    aliases: Type.Array(Str),
    sex: Type.Union([Type.Literal('M'), Type.Literal('F'), Type.Literal('U')]),
    gender: OptStr,
    ethnicity: Type.String({
      description: 'DfE ethnicity code, e.g. WBRI, MIXD, ASIN, BCRB, OOTH, REFU, NOBT',
    }),
    dateOfBirth: OptDate,
    expectedDateOfBirth: OptDate,
    deathDate: OptDate,
    /** The "single unique id" field, meant to hold the NHS number; often empty. */
    nhsNumber: OptStr,
    upn: OptStr,
    upnUnknownReason: OptStr,
    sendFlag: Type.Boolean(),
    nationality: OptStr,
    addresses: Type.Array(Address),
    restriction: Nullable(
      Type.Object(
        {
          reason: RestrictionReason,
          /** Roles that may see the record despite the restriction. */
          allowedRoles: Type.Array(Str),
          /** Named users (worker ids) that may see it. */
          allowedUsers: Type.Array(Str),
        },
        { additionalProperties: false },
      ),
    ),
    adoptionIdentity: Nullable(
      Type.Union([Type.Literal('BIRTH'), Type.Literal('ADOPTIVE')], {
        description:
          'Which side of an adoption this record is: BIRTH on the closed pre-adoption record, ADOPTIVE on the new identity; null for everyone else. The two must never be connected.',
      }),
    ),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  'A person known to children’s social care',
);

export const LcsContact = obj(
  'LcsContact',
  {
    contactId: Str,
    personId: Str,
    contactDate: IsoDate,
    sourceCode: Type.String({
      description: 'Referral source code: 1A-1D, 2A, 2B, 3A-3F, 4, 5A-5D, 6, 7, 8, 9, 10',
    }),
    outcome: Type.String({
      description: 'NEW_REFERRAL, EXISTING_REFERRAL, CP_ENQUIRY, NFA, ADVICE, EARLY_HELP',
    }),
  },
  'A contact recorded in LCS',
);

export const LcsReferral = obj(
  'LcsReferral',
  {
    referralId: Str,
    personId: Str,
    referralDate: IsoDate,
    primaryNeedCode: Type.String({ description: 'N1-N8' }),
    referralSource: Str,
    outcome: Str,
    nfa: Type.Boolean(),
    closeReason: OptStr,
    closeDate: OptDate,
    teamId: OptStr,
    workerId: OptStr,
  },
  'A referral: the start of a child-in-need episode',
);

export const LcsAssessment = obj(
  'LcsAssessment',
  {
    assessmentId: Str,
    personId: Str,
    referralId: Str,
    startDate: IsoDate,
    childSeen: OptDate,
    authorisationDate: OptDate,
    outcome: OptStr,
    factors: Type.Array(Type.String({ description: 'Assessment factor codes, e.g. 1B, 2B, 3A, 4A' })),
    teamId: OptStr,
    workerId: OptStr,
  },
  'A child and family assessment',
);

export const LcsS47 = obj(
  'LcsS47',
  {
    s47Id: Str,
    personId: Str,
    referralId: Str,
    strategyDiscussionDate: IsoDate,
    startDate: IsoDate,
    endDate: OptDate,
    outcome: OptStr,
    icpc: Nullable(
      Type.Object(
        {
          icpcId: Str,
          targetDate: IsoDate,
          conferenceDate: OptDate,
          cpPlanOutcome: Nullable(Type.Boolean()),
          transferIn: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  'A section 47 enquiry and its initial child protection conference',
);

export const LcsCinPlan = obj(
  'LcsCinPlan',
  {
    cinPlanId: Str,
    personId: Str,
    startDate: IsoDate,
    endDate: OptDate,
    reviews: Type.Optional(Type.Array(LcsCinPlanReview)),
  },
  'A child-in-need plan',
);

export const LcsCpReview = obj(
  'LcsCpReview',
  { reviewId: Str, dueDate: IsoDate, reviewDate: OptDate, continuePlan: Nullable(Type.Boolean()) },
  'A child protection review conference',
);

export const LcsCpPlan = obj(
  'LcsCpPlan',
  {
    cpPlanId: Str,
    personId: Str,
    startDate: IsoDate,
    endDate: OptDate,
    initialCategory: Type.String({ description: 'NEG, PHY, SAB, EMO, MUL' }),
    latestCategory: Type.String({ description: 'NEG, PHY, SAB, EMO, MUL' }),
    reviews: Type.Array(LcsCpReview),
  },
  'A child protection plan',
);

export const LcsVisit = obj(
  'LcsVisit',
  {
    visitId: Str,
    personId: Str,
    kind: Type.Union([Type.Literal('CIN'), Type.Literal('CP'), Type.Literal('CLA')]),
    visitDate: IsoDate,
    seen: Type.Boolean(),
    seenAlone: Type.Boolean(),
    bedroomSeen: Nullable(Type.Boolean()),
    workerId: OptStr,
  },
  'A statutory visit',
);

export const LcsPlacement = obj(
  'LcsPlacement',
  {
    placementId: Str,
    personId: Str,
    episodeId: Str,
    startDate: IsoDate,
    endDate: OptDate,
    placementType: Type.String({
      description: 'Placement type code, versioned by collection year (K1, U4, R1, ...)',
    }),
    providerUrn: OptStr,
    providerType: Type.String({ description: 'PR0-PR5' }),
    providerName: Str,
    postcode: OptStr,
    distanceFromHomeMiles: Nullable(Type.Number()),
    changeReason: OptStr,
  },
  'A looked-after placement',
);

export const LcsLegalStatus = obj(
  'LcsLegalStatus',
  {
    legalStatusId: Str,
    personId: Str,
    code: Type.String({ description: 'C1, C2, E1, V2, V3, V4, L1, L2, J1-J3' }),
    startDate: IsoDate,
    endDate: OptDate,
  },
  'A legal status while looked after',
);

export const LcsClaEpisode = obj(
  'LcsClaEpisode',
  {
    episodeId: Str,
    personId: Str,
    periodOfCareId: Str,
    startDate: IsoDate,
    reasonNewEpisode: Type.String({ description: 'S, L, P, T, B, U' }),
    primaryNeedCode: Str,
    ceasedDate: OptDate,
    reasonCeased: OptStr,
    placementId: OptStr,
    enteredCareDate: IsoDate,
  },
  'A looked-after (CLA) episode',
);

export const LcsClaReview = obj(
  'LcsClaReview',
  { reviewId: Str, personId: Str, dueDate: IsoDate, reviewDate: OptDate, participationCode: OptStr },
  'A looked-after child review',
);

export const LcsMissingEpisode = obj(
  'LcsMissingEpisode',
  {
    missingId: Str,
    personId: Str,
    kind: Type.Union([Type.Literal('MISSING'), Type.Literal('AWAY')]),
    startDate: IsoDate,
    endDate: OptDate,
    returnInterviewOffered: Nullable(Type.Boolean()),
    returnInterviewAccepted: Nullable(Type.Boolean()),
  },
  'A missing or away-from-placement episode',
);

export const LcsEarlyHelpEpisode = obj(
  'LcsEarlyHelpEpisode',
  {
    episodeId: Str,
    personId: Str,
    startDate: IsoDate,
    endDate: OptDate,
    reason: Str,
    endReason: OptStr,
    organisation: Str,
    workerId: OptStr,
  },
  'An early help episode',
);

export const LcsInvolvement = obj(
  'LcsInvolvement',
  {
    involvementId: Str,
    personId: Str,
    workerId: Str,
    teamId: Str,
    role: Type.String({ description: 'ALLOCATED_SOCIAL_WORKER, EARLY_HELP_WORKER, IRO, TEAM_MANAGER' }),
    caseStatus: Type.Union(['CIN', 'CP', 'CLA', 'EARLY_HELP', 'CARE_LEAVER'].map((s) => Type.Literal(s))),
    startDate: IsoDate,
    endDate: OptDate,
    changeReason: OptStr,
  },
  'A worker’s involvement with a person',
);

/** Everything LCS holds about one person's social care, in one single read. */
export const LcsSocialCareRecord = obj(
  'LcsSocialCareRecord',
  {
    personId: Str,
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
    /** Set for a care leaver (a former relevant child); absent or null otherwise. */
    careLeaver: Type.Optional(Nullable(LcsCareLeaver)),
    /** Set for an unaccompanied asylum-seeking child (or a former one); absent or null otherwise. */
    uasc: Type.Optional(Nullable(LcsUasc)),
  },
  'A person’s whole social care record',
);

export const LcsWorker = obj(
  'LcsWorker',
  {
    workerId: Str,
    staffId: Str,
    name: Str,
    socialWorkRegistration: OptStr,
    jobTitle: Str,
    teamId: Str,
    fte: Type.Number(),
    agency: Type.Boolean(),
  },
  'A practitioner',
);

export const LcsTeam = obj(
  'LcsTeam',
  { teamId: Str, name: Str, service: Str, parentTeamId: OptStr, managerWorkerId: OptStr },
  'A team',
);

export type LcsPerson = Static<typeof LcsPerson>;
export type LcsSocialCareRecord = Static<typeof LcsSocialCareRecord>;
export type LcsContact = Static<typeof LcsContact>;
export type LcsReferral = Static<typeof LcsReferral>;
export type LcsAssessment = Static<typeof LcsAssessment>;
export type LcsS47 = Static<typeof LcsS47>;
export type LcsCinPlan = Static<typeof LcsCinPlan>;
export type LcsCpPlan = Static<typeof LcsCpPlan>;
export type LcsVisit = Static<typeof LcsVisit>;
export type LcsPlacement = Static<typeof LcsPlacement>;
export type LcsLegalStatus = Static<typeof LcsLegalStatus>;
export type LcsClaEpisode = Static<typeof LcsClaEpisode>;
export type LcsClaReview = Static<typeof LcsClaReview>;
export type LcsMissingEpisode = Static<typeof LcsMissingEpisode>;
export type LcsEarlyHelpEpisode = Static<typeof LcsEarlyHelpEpisode>;
export type LcsInvolvement = Static<typeof LcsInvolvement>;
export type LcsWorker = Static<typeof LcsWorker>;
export type LcsTeam = Static<typeof LcsTeam>;
export { LcsCareLeaver, LcsCinPlanReview, LcsUasc };
