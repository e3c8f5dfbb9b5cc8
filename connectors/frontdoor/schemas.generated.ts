/* Generated from contracts/frontdoor.openapi.json by `npm run contracts:types`. Do not edit. */
import { Type } from '@sinclair/typebox';

/** The child as the caller described them */
export const FrontDoorSubject = Type.Object({
  forename: Type.String(),
  surname: Type.String(),
  dateOfBirth: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  postcode: Type.Union([Type.String(), Type.Null()]),
  sex: Type.Union([Type.Union([Type.Literal('M'), Type.Literal('F')]), Type.Null()]),
  nhsNumber: Type.Union([Type.String(), Type.Null()]),
  lcsPersonId: Type.Union([Type.String(), Type.Null()]),
});

/** A contact to the front door */
export const FrontDoorContact = Type.Object({
  contactId: Type.String(),
  route: Type.Union([Type.Literal('C-SPA'), Type.Literal('L-SPA')]),
  receivedAt: Type.String({ format: 'date-time' }),
  contactDate: Type.String({ format: 'date' }),
  sourceCode: Type.String(),
  reason: Type.String(),
  subject: FrontDoorSubject,
  rag: Type.Union([Type.Union([Type.Literal('RED'), Type.Literal('AMBER'), Type.Literal('GREEN')]), Type.Null()]),
  decision: Type.Union([Type.Union([Type.Literal('ADVICE'), Type.Literal('EARLY_HELP'), Type.Literal('SOCIAL_CARE_REFERRAL'), Type.Literal('SEND_SUPPORT'), Type.Literal('NFA')]), Type.Null()]),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  routedTo: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const FrontDoorContactBatch = Type.Object({
  items: Type.Array(FrontDoorContact),
  missing: Type.Array(Type.String()),
});

export const FrontDoorContactPage = Type.Object({
  items: Type.Array(FrontDoorContact),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
