/**
 * Children's finance (LIFT) as the hub reads it: service agreements, payments, SEND costs and
 * budget lines, money in integer pence. Declared here, in the graph's vocabulary, so the hub
 * depends on these and not on LIFT's wire: connectors/lift/map.ts builds them from the wire
 * records and absorbs any drift. Today most are field for field what LIFT sends.
 */

export type FinanceStatus = 'ACTIVE' | 'ENDED' | 'PENDING' | 'CANCELLED';
export type FundingStream = 'GENERAL_FUND' | 'HIGH_NEEDS_BLOCK';

/** A rate in force from a date (its unit says per week or per day). */
export interface Rate {
  effectiveFrom: string;
  amountPence: number;
  unit: 'WEEKLY' | 'DAILY';
  recordedAt: string;
}

export interface ServiceAgreement {
  agreementId: string;
  clientRef: string;
  lcsPersonId: string;
  lcsPlacementId: string | null;
  serviceType: string;
  placementType: string | null;
  providerId: string;
  providerName: string;
  providerType: string;
  teamId: string | null;
  serviceLine: string;
  costCentre: string;
  startDate: string;
  plannedEndDate: string | null;
  endDate: string | null;
  status: FinanceStatus;
  rates: Rate[];
  commitmentPence: number;
}

export interface Payment {
  paymentId: string;
  agreementId: string;
  clientRef: string;
  periodStart: string;
  periodEnd: string;
  paidOn: string;
  amountPence: number;
  invoiceRef: string | null;
}

/** A SEND cost (LIFT phase two), keyed by the pupil's EYES id. */
export interface SendCost {
  sendCostId: string;
  pupilId: string;
  upn: string | null;
  costType:
    | 'INDEPENDENT_SPECIAL_SCHOOL'
    | 'NON_MAINTAINED_SPECIAL_SCHOOL'
    | 'TOP_UP'
    | 'SEN_TRANSPORT'
    | 'PERSONAL_BUDGET';
  fundingStream: FundingStream;
  providerName: string;
  serviceLine: string;
  costCentre: string;
  startDate: string;
  plannedEndDate: string | null;
  endDate: string | null;
  status: FinanceStatus;
  rates: Rate[];
}

export interface Virement {
  virementId: string;
  effectiveDate: string;
  amountPence: number;
  reason: string;
}

/** A financial year's budget for one service line and cost centre, with its virements. */
export interface BudgetLine {
  budgetLineId: string;
  financialYear: string;
  serviceLine: string;
  costCentre: string;
  teamId: string | null;
  placementType: string | null;
  fundingStream: FundingStream;
  originalBudgetPence: number;
  virements: Virement[];
}
