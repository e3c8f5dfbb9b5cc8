/** What the LIFT connector accepts off the wire: each answer's contract schema, compiled once. */
import { compileContract, type Contract } from '../shared/contract.ts';
import * as schemas from './schemas.generated.ts';
import type {
  Batch,
  LiftAgreement,
  LiftBudgetLine,
  LiftClient,
  LiftPayment,
  LiftSendCost,
  Page,
} from './types.ts';

const lift = <K extends keyof typeof schemas>(schema: K) => compileContract('lift', schemas, schema);

export const LIFT_CONTRACTS: {
  clientPage: Contract<Page<LiftClient>>;
  agreementBatch: Contract<Batch<LiftAgreement>>;
  agreementPage: Contract<Page<LiftAgreement>>;
  paymentBatch: Contract<Batch<LiftPayment>>;
  paymentPage: Contract<Page<LiftPayment>>;
  budgetLinePage: Contract<Page<LiftBudgetLine>>;
  sendCostBatch: Contract<Batch<LiftSendCost>>;
  sendCostPage: Contract<Page<LiftSendCost>>;
} = {
  clientPage: lift('LiftClientPage'),
  agreementBatch: lift('LiftAgreementBatch'),
  agreementPage: lift('LiftAgreementPage'),
  paymentBatch: lift('LiftPaymentBatch'),
  paymentPage: lift('LiftPaymentPage'),
  budgetLinePage: lift('LiftBudgetLinePage'),
  sendCostBatch: lift('LiftSendCostBatch'),
  sendCostPage: lift('LiftSendCostPage'),
};
