/**
 * Referral evidence (SourceRecord.referrals) as the record store keeps it: one integer per
 * referral, (day, interned source, which side recorded it), so comparing two records' referrals
 * and filing them under blocking keys allocate nothing.
 */
import type { ReferralEvidence } from './types.ts';

/**
 * Days after a contact within which LCS's referral from the same source is the one the contact
 * asked for: the referral decision is due within one working day and a few take four, so a week.
 */
export const REFERRAL_WITHIN_DAYS = 7;

/** Interned source ids at or past this are not kept (a county's systems code a few dozen sources). */
export const REFERRAL_SOURCE_SPAN = 1024;
const CONTACT = 0;
const REFERRAL = 1;

export const packReferral = (day: number, sourceId: number, recorded: ReferralEvidence['recorded']): number =>
  (day * REFERRAL_SOURCE_SPAN + sourceId) * 2 + (recorded === 'CONTACT' ? CONTACT : REFERRAL);

export const referralDay = (packed: number): number => Math.floor(packed / (2 * REFERRAL_SOURCE_SPAN));
export const referralSource = (packed: number): number => Math.floor(packed / 2) % REFERRAL_SOURCE_SPAN;
/** A front-door contact decided as a referral (the other side is LCS's referral). */
export const isContact = (packed: number): boolean => packed % 2 === CONTACT;

/**
 * Whether a contact and a referral are one request for help: the same source, and the referral
 * recorded on the contact's day or within REFERRAL_WITHIN_DAYS after it.
 */
export function sameReferral(contact: number, referral: number): boolean {
  if (!isContact(contact) || isContact(referral)) return false;
  if (referralSource(contact) !== referralSource(referral)) return false;
  const after = referralDay(referral) - referralDay(contact);
  return after >= 0 && after <= REFERRAL_WITHIN_DAYS;
}

/** Whether any referral of one list and contact of the other (either way round) are one request. */
export function shareReferral(a: Int32Array, b: Int32Array): boolean {
  for (const x of a) {
    for (const y of b) {
      if (sameReferral(x, y) || sameReferral(y, x)) return true;
    }
  }
  return false;
}
