/* Generated from contracts/lift.openapi.json by `npm run contracts:types`. Do not edit. */
import { Type } from '@sinclair/typebox';

/** A rate in force from a date */
export const LiftRate = Type.Object({
  effectiveFrom: Type.String({ format: 'date' }),
  amountPence: Type.Integer(),
  unit: Type.Union([Type.Literal('WEEKLY'), Type.Literal('DAILY')]),
  recordedAt: Type.String({ format: 'date' }),
});

/** A service agreement: one commissioned service for one child */
export const LiftAgreement = Type.Object({
  agreementId: Type.String(),
  clientRef: Type.String(),
  lcsPersonId: Type.String(),
  lcsPlacementId: Type.Union([Type.String(), Type.Null()]),
  serviceType: Type.String(),
  placementType: Type.Union([Type.String(), Type.Null()]),
  providerId: Type.String(),
  providerName: Type.String(),
  providerType: Type.String(),
  teamId: Type.Union([Type.String(), Type.Null()]),
  serviceLine: Type.String(),
  costCentre: Type.String(),
  startDate: Type.String({ format: 'date' }),
  plannedEndDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  endDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  status: Type.Union([Type.Literal('ACTIVE'), Type.Literal('ENDED'), Type.Literal('PENDING'), Type.Literal('CANCELLED')]),
  rates: Type.Array(LiftRate),
  commitmentPence: Type.Integer(),
});

export const LiftAgreementBatch = Type.Object({
  items: Type.Array(LiftAgreement),
  missing: Type.Array(Type.String()),
});

export const LiftAgreementPage = Type.Object({
  items: Type.Array(LiftAgreement),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** An in-year transfer of budget into or out of a budget line */
export const LiftVirement = Type.Object({
  virementId: Type.String(),
  effectiveDate: Type.String({ format: 'date' }),
  amountPence: Type.Integer(),
  reason: Type.String(),
});

/** A budget line: what one cost centre may spend on one service line in one financial year */
export const LiftBudgetLine = Type.Object({
  budgetLineId: Type.String(),
  financialYear: Type.String({ pattern: '^[0-9]{4}/[0-9]{2}$' }),
  serviceLine: Type.String(),
  costCentre: Type.String(),
  teamId: Type.Union([Type.String(), Type.Null()]),
  placementType: Type.Union([Type.String(), Type.Null()]),
  fundingStream: Type.Union([Type.Literal('GENERAL_FUND'), Type.Literal('HIGH_NEEDS_BLOCK')]),
  originalBudgetPence: Type.Integer(),
  virements: Type.Array(LiftVirement),
});

export const LiftBudgetLinePage = Type.Object({
  items: Type.Array(LiftBudgetLine),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** A client: the finance view of a child */
export const LiftClient = Type.Object({
  clientRef: Type.String(),
  lcsPersonId: Type.String(),
  name: Type.String(),
  dateOfBirth: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
});

export const LiftClientBatch = Type.Object({
  items: Type.Array(LiftClient),
  missing: Type.Array(Type.String()),
});

export const LiftClientPage = Type.Object({
  items: Type.Array(LiftClient),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** A payment against an agreement */
export const LiftPayment = Type.Object({
  paymentId: Type.String(),
  agreementId: Type.String(),
  clientRef: Type.String(),
  periodStart: Type.String({ format: 'date' }),
  periodEnd: Type.String({ format: 'date' }),
  paidOn: Type.String({ format: 'date' }),
  amountPence: Type.Integer(),
  invoiceRef: Type.Union([Type.String(), Type.Null()]),
});

export const LiftPaymentBatch = Type.Object({
  items: Type.Array(LiftPayment),
  missing: Type.Array(Type.String()),
});

export const LiftPaymentPage = Type.Object({
  items: Type.Array(LiftPayment),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** A SEND cost (LIFT phase two): a special school placement, top-up funding, SEN transport or a personal budget for one pupil */
export const LiftSendCost = Type.Object({
  sendCostId: Type.String(),
  pupilId: Type.String(),
  upn: Type.Union([Type.String(), Type.Null()]),
  costType: Type.Union([Type.Literal('INDEPENDENT_SPECIAL_SCHOOL'), Type.Literal('NON_MAINTAINED_SPECIAL_SCHOOL'), Type.Literal('TOP_UP'), Type.Literal('SEN_TRANSPORT'), Type.Literal('PERSONAL_BUDGET')]),
  fundingStream: Type.Union([Type.Literal('GENERAL_FUND'), Type.Literal('HIGH_NEEDS_BLOCK')]),
  providerName: Type.String(),
  serviceLine: Type.String(),
  costCentre: Type.String(),
  startDate: Type.String({ format: 'date' }),
  plannedEndDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  endDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  status: Type.Union([Type.Literal('ACTIVE'), Type.Literal('ENDED'), Type.Literal('PENDING'), Type.Literal('CANCELLED')]),
  rates: Type.Array(LiftRate),
});

export const LiftSendCostBatch = Type.Object({
  items: Type.Array(LiftSendCost),
  missing: Type.Array(Type.String()),
});

export const LiftSendCostPage = Type.Object({
  items: Type.Array(LiftSendCost),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
