/**
 * EYES (Early Years and Education System) contract, shaped on the school census and SEN2.
 * Routes:
 *   GET /pupils?ids=                  batch  -> EyesPupilBatch
 *   GET /pupils?limit&cursor&updatedSince    -> EyesPupilPage (the link index's full load)
 *   GET /pupils/{pupilId}                    -> EyesPupil
 *   GET /pupils/{pupilId}/record             -> EyesEducationRecord (single reads only)
 *   GET /settings?ids=                batch  -> EyesSettingBatch
 *   GET /ehcp-requests?from&to&limit&cursor  -> EyesEhcpRequestPage (by request date)
 *   GET /ehcp-plans?activeOn|from&to&limit&cursor -> EyesEhcpPlanSummaryPage (by start date, with reviews)
 *   GET /missing-education?activeOn|from&to|updatedSince&limit&cursor -> EyesCmeEpisodePage
 */
import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { Address, IsoDate, Nullable } from './common.ts';

const Str = Type.String();
const OptStr = Nullable(Type.String());
const OptDate = Nullable(IsoDate);
const obj = <T extends TProperties>(id: string, props: T, description: string) =>
  Type.Object(props, { $id: id, additionalProperties: false, description });

export const EyesPupil = obj(
  'EyesPupil',
  {
    pupilId: Str,
    upn: OptStr,
    upnUnknownReason: Type.Union([Nullable(Type.String({ description: 'UN1-UN10' }))]),
    uln: OptStr,
    nhsNumber: OptStr,
    /** Cross-reference to LCS, where EYES staff recorded one. */
    lcsPersonId: OptStr,
    forename: Str,
    surname: Str,
    preferredSurname: OptStr,
    dateOfBirth: IsoDate,
    sex: Type.Union([Type.Literal('M'), Type.Literal('F')]),
    ethnicity: Str,
    addresses: Type.Array(Address),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  'A pupil or early-years child known to EYES',
);

export const EyesEnrolment = obj(
  'EyesEnrolment',
  {
    enrolmentId: Str,
    settingId: Str,
    settingName: Str,
    phase: Type.String({ description: 'EY, PRIMARY, SECONDARY, SPECIAL, AP, POST16' }),
    startDate: IsoDate,
    endDate: OptDate,
    yearGroup: OptStr,
  },
  'A pupil’s enrolment at a setting',
);

export const EyesAttendance = obj(
  'EyesAttendance',
  {
    academicYear: Type.String({ description: 'e.g. 2025/26' }),
    possibleSessions: Type.Integer(),
    attendedSessions: Type.Integer(),
    authorisedAbsence: Type.Integer(),
    unauthorisedAbsence: Type.Integer(),
  },
  'Attendance over one academic year',
);

export const EyesExclusion = obj(
  'EyesExclusion',
  {
    exclusionId: Str,
    settingId: Str,
    kind: Type.Union([Type.Literal('SUSPENSION'), Type.Literal('PERMANENT')]),
    startDate: IsoDate,
    sessions: Type.Integer(),
    reasonCode: Str,
  },
  'A suspension or permanent exclusion',
);

export const EyesFsmPeriod = obj(
  'EyesFsmPeriod',
  { startDate: IsoDate, endDate: OptDate },
  'A period of free school meals eligibility',
);

export const EyesEarlyYearsFunding = obj(
  'EyesEarlyYearsFunding',
  {
    term: Str,
    kind: Type.String({ description: 'TWO_YEAR_OLD, UNIVERSAL_15, EXTENDED_30' }),
    hoursPerWeek: Type.Number(),
    settingId: Str,
  },
  'Early-years funded hours for a term',
);

export const EyesSenSupport = obj(
  'EyesSenSupport',
  {
    startDate: IsoDate,
    endDate: OptDate,
    primaryNeed: Type.String({ description: 'SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, OTH' }),
    secondaryNeed: OptStr,
  },
  'A period of SEN support',
);

export const EyesEhcpAnnualReview = obj(
  'EyesEhcpAnnualReview',
  {
    reviewId: Str,
    meetingDate: IsoDate,
    /** The local authority's decision after the meeting (SEND Regulations 2014, reg. 20(10): within 4 weeks). */
    decisionDate: OptDate,
    decision: Nullable(
      Type.Union([Type.Literal('MAINTAIN'), Type.Literal('AMEND'), Type.Literal('CEASE')], {
        description: 'MAINTAIN, AMEND or CEASE; null while awaited',
      }),
    ),
  },
  'An EHC plan annual review: the review meeting and the local authority’s decision (SEN2)',
);

export const EyesEhcpRequest = obj(
  'EyesEhcpRequest',
  {
    requestId: Str,
    pupilId: Str,
    requestDate: IsoDate,
    requestSource: Str,
    decisionToAssessDate: OptDate,
    requestOutcome: Type.String({ description: 'ASSESS, REFUSED, WITHDRAWN, PENDING' }),
    assessmentOutcome: Type.String({ description: 'PLAN_ISSUED, NO_PLAN, PENDING, WITHDRAWN' }),
    assessmentOutcomeDate: OptDate,
    twentyWeekException: Type.Boolean(),
    plan: Nullable(
      Type.Object(
        {
          planId: Str,
          startDate: IsoDate,
          ceasedDate: OptDate,
          ceasedReason: OptStr,
          primaryNeed: Str,
          secondaryNeed: OptStr,
          settingId: OptStr,
          /** Review meetings held, oldest first. */
          annualReviews: Type.Array(EyesEhcpAnnualReview),
        },
        { additionalProperties: false },
      ),
    ),
  },
  'An EHC needs assessment request and, where issued, its plan',
);

export const EyesEhcpPlanSummary = obj(
  'EyesEhcpPlanSummary',
  {
    planId: Str,
    pupilId: Str,
    requestId: Str,
    startDate: IsoDate,
    ceasedDate: OptDate,
    annualReviews: Type.Array(EyesEhcpAnnualReview),
  },
  'An EHC plan with its annual reviews, as the plans list returns it',
);

export const EyesCmeEpisode = obj(
  'EyesCmeEpisode',
  {
    cmeId: Str,
    pupilId: Str,
    /** The day the child was reported to the CME service as missing education. */
    reportedMissingDate: IsoDate,
    reason: Type.String({
      description:
        'MOVED_INTO_AREA_NO_PLACE, REMOVED_FROM_ROLL_DESTINATION_UNKNOWN, PLACE_NOT_TAKEN_UP, EHE_UNSUITABLE, EXCLUDED_NO_PROVISION, OTHER',
    }),
    referredBy: Type.String({
      description: 'SCHOOL, ADMISSIONS, SOCIAL_CARE, HEALTH, POLICE, OTHER_LA, PUBLIC',
    }),
    closedDate: OptDate,
    outcome: Nullable(
      Type.String({
        description:
          'FOUND_IN_SCHOOL, MOVED_OUT_OF_AREA, ELECTIVE_HOME_EDUCATION, LEFT_ENGLAND, ALTERNATIVE_PROVISION, ENQUIRIES_EXHAUSTED, END_OF_COMPULSORY_SCHOOL_AGE; null while open',
      }),
    ),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  'A referral to the children missing education (CME) service and how it closed',
);

export const EyesNeetStatus = obj(
  'EyesNeetStatus',
  { recordedDate: IsoDate, activityCode: Str, neet: Type.Boolean() },
  'A CCIS activity / NEET record (16+)',
);

/** Everything EYES holds about one pupil's education, in one single read. */
export const EyesEducationRecord = obj(
  'EyesEducationRecord',
  {
    pupilId: Str,
    enrolments: Type.Array(EyesEnrolment),
    attendance: Type.Array(EyesAttendance),
    exclusions: Type.Array(EyesExclusion),
    fsmPeriods: Type.Array(EyesFsmPeriod),
    earlyYearsFunding: Type.Array(EyesEarlyYearsFunding),
    senSupport: Type.Array(EyesSenSupport),
    ehcpRequests: Type.Array(EyesEhcpRequest),
    neet: Type.Array(EyesNeetStatus),
    missingEducation: Type.Array(EyesCmeEpisode),
  },
  'A pupil’s whole education record',
);

export const EyesSetting = obj(
  'EyesSetting',
  { settingId: Str, urn: Str, name: Str, phase: Str, laCode: Str, establishmentNumber: Str, postcode: Str },
  'A school or early-years setting',
);

export type EyesPupil = Static<typeof EyesPupil>;
export type EyesEducationRecord = Static<typeof EyesEducationRecord>;
export type EyesEnrolment = Static<typeof EyesEnrolment>;
export type EyesAttendance = Static<typeof EyesAttendance>;
export type EyesExclusion = Static<typeof EyesExclusion>;
export type EyesFsmPeriod = Static<typeof EyesFsmPeriod>;
export type EyesEarlyYearsFunding = Static<typeof EyesEarlyYearsFunding>;
export type EyesSenSupport = Static<typeof EyesSenSupport>;
export type EyesEhcpRequest = Static<typeof EyesEhcpRequest>;
export type EyesNeetStatus = Static<typeof EyesNeetStatus>;
export type EyesEhcpAnnualReview = Static<typeof EyesEhcpAnnualReview>;
export type EyesEhcpPlanSummary = Static<typeof EyesEhcpPlanSummary>;
export type EyesCmeEpisode = Static<typeof EyesCmeEpisode>;
export type EyesSetting = Static<typeof EyesSetting>;
