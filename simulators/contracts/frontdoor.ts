/**
 * Front door (C-SPA and L-SPA) contract. A contact carries whatever the caller gave.
 * Routes:
 *   GET /contacts?ids=                 batch  -> FrontDoorContactBatch
 *   GET /contacts?lcsPersonIds=        batch (contacts naming those LCS ids) -> FrontDoorContactBatch
 *   GET /contacts?from&to&limit&cursor&updatedSince -> FrontDoorContactPage (by contact date; link index load)
 *   GET /contacts/{contactId}                 -> FrontDoorContact
 */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, IsoDateTime, Nullable } from './common.ts';

const Str = Type.String();
const OptStr = Nullable(Type.String());
const OptDate = Nullable(IsoDate);

export const FrontDoorSubject = Type.Object(
  {
    forename: Str,
    surname: Str,
    dateOfBirth: OptDate,
    postcode: OptStr,
    sex: Nullable(Type.Union([Type.Literal('M'), Type.Literal('F')])),
    nhsNumber: OptStr,
    lcsPersonId: OptStr,
  },
  {
    $id: 'FrontDoorSubject',
    additionalProperties: false,
    description: 'The child as the caller described them',
  },
);

export const FrontDoorContact = Type.Object(
  {
    contactId: Str,
    route: Type.Union([Type.Literal('C-SPA'), Type.Literal('L-SPA')]),
    receivedAt: IsoDateTime,
    contactDate: IsoDate,
    sourceCode: Type.String({
      description: 'Referral source code: 1A-1D, 2A, 2B, 3A-3F, 4, 5A-5D, 6, 7, 8, 9, 10',
    }),
    reason: Str,
    subject: FrontDoorSubject,
    rag: Nullable(Type.Union([Type.Literal('RED'), Type.Literal('AMBER'), Type.Literal('GREEN')])),
    decision: Nullable(
      Type.Union(
        ['ADVICE', 'EARLY_HELP', 'SOCIAL_CARE_REFERRAL', 'SEND_SUPPORT', 'NFA'].map((d) => Type.Literal(d)),
      ),
    ),
    decidedAt: Nullable(IsoDateTime),
    routedTo: OptStr,
    updatedAt: IsoDateTime,
  },
  { $id: 'FrontDoorContact', additionalProperties: false, description: 'A contact to the front door' },
);

export type FrontDoorSubject = Static<typeof FrontDoorSubject>;
export type FrontDoorContact = Static<typeof FrontDoorContact>;
