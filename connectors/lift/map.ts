/** LIFT record -> graph model, and client -> the identity index's source record. */
import type { SourceRecord } from '../../src/identity/types.ts';
import type { LiftClient, LiftPayment } from './types.ts';

/** LIFT holds one display name, "Forename [Middle] Surname": the last word is the surname. */
export const toSourceRecord = (c: LiftClient): SourceRecord => {
  const parts = c.name.trim().split(/\s+/);
  return {
    system: 'lift',
    localId: c.clientRef,
    forename: parts.length > 1 ? parts.slice(0, -1).join(' ') : '',
    surname: parts[parts.length - 1] ?? '',
    aliases: [],
    dateOfBirth: c.dateOfBirth,
    sex: null,
    postcodes: [],
    nhsNumber: null,
    upn: null,
    uln: null,
    crossRefs: [{ system: 'lcs', localId: c.lcsPersonId }],
    restricted: false,
    adoptionIdentity: null,
  };
};

export const mapPayment = (p: LiftPayment) => ({
  id: p.paymentId,
  agreementId: p.agreementId,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  paidOn: p.paidOn,
  amount: p.amountPence,
});
