/**
 * The front door (MASH/SPA) as the hub reads it: contacts and their triage. Declared here, in the
 * graph's vocabulary, so the hub depends on these and not on the front door's wire:
 * connectors/frontdoor/map.ts builds them from the wire records and absorbs any drift.
 */

/** Who a contact is about, as the front door recorded them. */
export interface ContactSubject {
  forename: string;
  surname: string;
  dateOfBirth: string | null;
  postcode: string | null;
  sex: 'M' | 'F' | null;
  nhsNumber: string | null;
  lcsPersonId: string | null;
}

export interface FrontDoorContact {
  contactId: string;
  route: 'C-SPA' | 'L-SPA';
  receivedAt: string;
  contactDate: string;
  sourceCode: string;
  reason: string;
  subject: ContactSubject;
  rag: 'RED' | 'AMBER' | 'GREEN' | null;
  decision: 'ADVICE' | 'EARLY_HELP' | 'SOCIAL_CARE_REFERRAL' | 'SEND_SUPPORT' | 'NFA' | null;
  decidedAt: string | null;
  routedTo: string | null;
  updatedAt: string;
}
