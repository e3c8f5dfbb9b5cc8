/** Front-door contact -> graph model, and -> the identity index's source record. */
import type { SourceRecord } from '../../src/identity/types.ts';
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
  nhsNumber: c.subject.nhsNumber,
  upn: null,
  uln: null,
  crossRefs: c.subject.lcsPersonId ? [{ system: 'lcs', localId: c.subject.lcsPersonId }] : [],
  restricted: false,
  adoptionIdentity: null,
});

export const mapContact = (c: FrontDoorContact) => ({
  id: c.contactId,
  route: c.route,
  date: c.contactDate,
  receivedAt: c.receivedAt,
  source: c.sourceCode,
  reason: c.reason,
  rag: c.rag,
  decision: c.decision,
  decidedAt: c.decidedAt,
  routedTo: c.routedTo,
});
