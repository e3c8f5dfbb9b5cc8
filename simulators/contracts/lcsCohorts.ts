/**
 * LCS records for groups the statutory returns count apart: care leavers (SSDA903 OC3, with the
 * pathway plan), unaccompanied asylum-seeking children (with any age assessment) and child-in-need
 * plan reviews. Referenced from lcs.ts; kept apart so the core contract stays readable.
 */
import { Type, type TProperties } from '@sinclair/typebox';
import { IsoDate, Nullable } from './common.ts';

const Str = Type.String();
const OptDate = Nullable(IsoDate);
const obj = <T extends TProperties>(id: string, props: T, description: string) =>
  Type.Object(props, { $id: id, additionalProperties: false, description });

export const LcsCinPlanReview = obj(
  'LcsCinPlanReview',
  {
    reviewId: Str,
    dueDate: IsoDate,
    reviewDate: OptDate,
  },
  'A child-in-need plan review (local standard: within 3 months of the plan, then at most 3-monthly)',
);

export const LcsPathwayPlan = obj(
  'LcsPathwayPlan',
  {
    pathwayPlanId: Str,
    startDate: IsoDate,
    latestReviewDate: OptDate,
    /** Reviewed at least every six months. */
    nextReviewDue: OptDate,
    endDate: OptDate,
    personalAdviserWorkerId: Type.Union([Str, Type.Null()], {
      description: 'The LCS worker acting as the young person’s personal adviser',
    }),
  },
  'A care leaver’s pathway plan',
);

export const LcsCareLeaverContact = obj(
  'LcsCareLeaverContact',
  {
    contactId: Str,
    age: Type.Integer({ minimum: 17, maximum: 21, description: 'The birthday this information is for' }),
    contactDate: IsoDate,
    inTouch: Type.String({ description: 'SSDA903 IN_TOUCH: YES, NO, DIED, REFU, NREQ, RHOM' }),
    activity: Type.String({
      description: 'SSDA903 ACTIV: F1, P1, F2, P2, F3, P3 (education, training or employment), G4, G5, G6, 0',
    }),
    accommodation: Type.String({
      description:
        'SSDA903 ACCOM: the accommodation type (B, C, D, E, G, H, K, R, S, T, U, V, W, X, Y, Z) then 1 suitable or 2 not suitable; 0 when not known',
    }),
  },
  'What the local authority knew of a care leaver around one birthday (within 3 months before to 1 month after), as the SSDA903 return records it',
);

export const LcsCareLeaver = obj(
  'LcsCareLeaver',
  {
    personId: Str,
    dateOfBirth: IsoDate,
    pathwayPlan: Nullable(LcsPathwayPlan),
    contacts: Type.Array(LcsCareLeaverContact),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  'A care leaver (a former relevant child) and the birthday contacts the SSDA903 return counts',
);

export const LcsAgeAssessment = Type.Object(
  {
    requestedDate: IsoDate,
    completedDate: OptDate,
    outcome: Type.Union([Str, Type.Null()], {
      description:
        'CLAIMED_AGE_ACCEPTED, ASSESSED_OLDER_UNDER_18, ASSESSED_YOUNGER, ASSESSED_ADULT; null while in progress',
    }),
  },
  { additionalProperties: false, description: 'An age assessment of a young person whose age is disputed' },
);

export const LcsUasc = obj(
  'LcsUasc',
  {
    personId: Str,
    arrivalDate: IsoDate,
    claimedDateOfBirth: OptDate,
    /** The day the young person stopped being an unaccompanied asylum-seeking child (SSDA903 DUC). */
    uascCeasedDate: OptDate,
    ageAssessment: Nullable(LcsAgeAssessment),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  'An unaccompanied asylum-seeking child (UASC) status',
);
