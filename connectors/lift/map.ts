/**
 * LIFT wire record -> the domain's finance model (src/domain/models/finance.ts), once per record as
 * it is fetched (the loaders and report lists keep the model), and client -> the identity index's
 * source record. The graph's field names are the resolvers' (resolvers/shapes/finance.ts).
 */
import type { SourceRecord } from '../../src/domain/identity/types.ts';
import type {
  BudgetLine,
  Payment,
  Rate,
  SendCost,
  ServiceAgreement,
} from '../../src/domain/models/finance.ts';
import type {
  LiftAgreement,
  LiftBudgetLine,
  LiftClient,
  LiftPayment,
  LiftRate,
  LiftSendCost,
} from './types.ts';

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

// Wire -> model. Each model is built field by field, so a field LIFT renames or drops fails to
// compile here, and only here.

const toRate = (r: LiftRate): Rate => ({
  effectiveFrom: r.effectiveFrom,
  amountPence: r.amountPence,
  unit: r.unit,
  recordedAt: r.recordedAt,
});

export const toServiceAgreement = (a: LiftAgreement): ServiceAgreement => ({
  agreementId: a.agreementId,
  clientRef: a.clientRef,
  lcsPersonId: a.lcsPersonId,
  lcsPlacementId: a.lcsPlacementId,
  serviceType: a.serviceType,
  placementType: a.placementType,
  providerId: a.providerId,
  providerName: a.providerName,
  providerType: a.providerType,
  teamId: a.teamId,
  serviceLine: a.serviceLine,
  costCentre: a.costCentre,
  startDate: a.startDate,
  plannedEndDate: a.plannedEndDate,
  endDate: a.endDate,
  status: a.status,
  rates: a.rates.map(toRate),
  commitmentPence: a.commitmentPence,
});

export const toPayment = (p: LiftPayment): Payment => ({
  paymentId: p.paymentId,
  agreementId: p.agreementId,
  clientRef: p.clientRef,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  paidOn: p.paidOn,
  amountPence: p.amountPence,
  invoiceRef: p.invoiceRef,
});

export const toSendCost = (c: LiftSendCost): SendCost => ({
  sendCostId: c.sendCostId,
  pupilId: c.pupilId,
  upn: c.upn,
  costType: c.costType,
  fundingStream: c.fundingStream,
  providerName: c.providerName,
  serviceLine: c.serviceLine,
  costCentre: c.costCentre,
  startDate: c.startDate,
  plannedEndDate: c.plannedEndDate,
  endDate: c.endDate,
  status: c.status,
  rates: c.rates.map(toRate),
});

export const toBudgetLine = (b: LiftBudgetLine): BudgetLine => ({
  budgetLineId: b.budgetLineId,
  financialYear: b.financialYear,
  serviceLine: b.serviceLine,
  costCentre: b.costCentre,
  teamId: b.teamId,
  placementType: b.placementType,
  fundingStream: b.fundingStream,
  originalBudgetPence: b.originalBudgetPence,
  virements: b.virements.map((v) => ({
    virementId: v.virementId,
    effectiveDate: v.effectiveDate,
    amountPence: v.amountPence,
    reason: v.reason,
  })),
});
