/**
 * Front-door wire contact -> the domain's model (src/domain/models/frontDoor.ts), once per record as
 * it is fetched (the loader caches the model), and -> the identity index's source record. The
 * graph's field names are the resolvers' (resolvers/shapes/frontDoor.ts).
 */
import type { SourceRecord } from '../../src/domain/identity/types.ts';
import type { FrontDoorContact as ContactModel } from '../../src/domain/models/frontDoor.ts';
import type { FrontDoorContact } from './types.ts';

export const toSourceRecord = (c: FrontDoorContact): SourceRecord => ({
  system: 'frontdoor',
  localId: c.contactId,
  forename: c.subject.forename,
  surname: c.subject.surname,
  aliases: [],
  dateOfBirth: c.subject.dateOfBirth,
  sex: c.subject.sex,
  postcodes: c.subject.postcode ? [c.subject.postcode] : [],
  postcodeDate: c.subject.postcode ? c.contactDate : null,
  nhsNumber: c.subject.nhsNumber,
  upn: null,
  uln: null,
  // Always present (empty when not a referral), as on every other path, so a stored record never
  // flaps between lacking and having its evidence.
  referrals:
    c.decision === 'SOCIAL_CARE_REFERRAL'
      ? [{ date: c.contactDate, source: c.sourceCode, recorded: 'CONTACT' }]
      : [],
  crossRefs: c.subject.lcsPersonId ? [{ system: 'lcs', localId: c.subject.lcsPersonId }] : [],
  restricted: false,
  adoptionIdentity: null,
});

/** Built field by field, so a field the front door renames or drops fails to compile here, and only here. */
export const toFrontDoorContact = (c: FrontDoorContact): ContactModel => ({
  contactId: c.contactId,
  route: c.route,
  receivedAt: c.receivedAt,
  contactDate: c.contactDate,
  sourceCode: c.sourceCode,
  reason: c.reason,
  subject: {
    forename: c.subject.forename,
    surname: c.subject.surname,
    dateOfBirth: c.subject.dateOfBirth,
    postcode: c.subject.postcode,
    sex: c.subject.sex,
    nhsNumber: c.subject.nhsNumber,
    lcsPersonId: c.subject.lcsPersonId,
  },
  rag: c.rag,
  decision: c.decision,
  decidedAt: c.decidedAt,
  routedTo: c.routedTo,
  updatedAt: c.updatedAt,
});
