/** LIFT record -> graph model, and client -> the identity index's source record. */
import type { SourceRecord } from '../../src/identity/types.ts';
import type { LiftClient, LiftPayment } from './types.ts';

/** LIFT holds one display name; split it on the last space (forename(s) then surname). */
export const toSourceRecord = (c: LiftClient): SourceRecord => {
  const at = c.name.lastIndexOf(' ');
  return {
    system: 'lift',
    localId: c.clientRef,
    forename: at > 0 ? c.name.slice(0, at) : c.name,
    surname: at > 0 ? c.name.slice(at + 1) : '',
    aliases: [],
    dateOfBirth: c.dateOfBirth,
    sex: null,
    postcodes: [],
    nhsNumber: null,
    upn: null,
    uln: null,
    crossRefs: [{ system: 'lcs', localId: c.lcsPersonId }],
    restricted: false,
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
