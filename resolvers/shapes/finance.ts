/**
 * Finance models -> the graph's field names, at field time (the models are built from LIFT's wire
 * once, in connectors/lift/map.ts).
 */
import type { Payment } from '../../src/domain/models/finance.ts';

export const mapPayment = (p: Payment) => ({
  id: p.paymentId,
  agreementId: p.agreementId,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  paidOn: p.paidOn,
  amount: p.amountPence,
});
