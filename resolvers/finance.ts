/** Child.finance (LIFT): agreements with exact integer-pence costs and projections. */
import type { Resolvers } from './types.generated.ts';
import { currentRateOf, projectAgreement } from '../src/domain/rules/cost.ts';
import { mapPayment } from './shapes/finance.ts';
import type { Payment, Rate, SendCost, ServiceAgreement } from '../src/domain/models/finance.ts';
import { sendCostFact, sendCostsOf } from '../src/domain/reports/index.ts';
import { sendCostGroup } from './financeReports.ts';
import type { ChildView } from './support/childView.ts';
import { paginate, type PageArgs } from './support/connection.ts';
import { newestFirst } from './support/socialCareMerge.ts';

export interface FinanceModel {
  clientRefs: string[];
  agreements: ServiceAgreement[];
  payments: Payment[];
  today: string;
}

export interface SendFinanceModel {
  costs: SendCost[];
  today: string;
}

/** A SEND cost or an agreement, with the day its projection is made for. */
export type SendCostModel = { cost: SendCost; today: string };
export type ServiceAgreementModel = { agreement: ServiceAgreement; today: string };

const project = (a: ServiceAgreement | SendCost, today: string) => projectAgreement(a, today);
const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);

export const financeResolvers: Resolvers = {
  Child: {
    sendFinance: async (child: ChildView): Promise<SendFinanceModel | null> => {
      if (child.cluster.records.eyes.length === 0) return null;
      const costs = await child.sendCosts();
      if (costs.error) throw costs.error;
      return { costs: costs.values, today: child.ctx.today };
    },
    finance: async (child: ChildView): Promise<FinanceModel | null> => {
      const clientRefs = child.cluster.records.lift;
      if (clientRefs.length === 0) return null;
      const [agreements, payments] = await Promise.all([child.agreements(), child.payments()]);
      const failed = agreements.error ?? payments.error;
      if (failed) throw failed;
      return {
        clientRefs,
        agreements: agreements.values,
        payments: payments.values,
        today: child.ctx.today,
      };
    },
  },

  ChildSendFinance: {
    costs: (m: SendFinanceModel) =>
      newestFirst(m.costs, (c) => c.startDate).map((cost) => ({ cost, today: m.today })),
    byCostType: (m: SendFinanceModel) => sendCostsOf(m.costs.map(sendCostFact), m.today).map(sendCostGroup),
    committed: (m: SendFinanceModel) => sum(m.costs.map((c) => project(c, m.today).committedPence)),
    costThisFinancialYear: (m: SendFinanceModel) =>
      sum(m.costs.map((c) => project(c, m.today).thisFinancialYearPence)),
  },

  SendCost: {
    id: (m: { cost: SendCost }) => m.cost.sendCostId,
    costType: (m: { cost: SendCost }) => m.cost.costType,
    fundingStream: (m: { cost: SendCost }) => m.cost.fundingStream,
    providerName: (m: { cost: SendCost }) => m.cost.providerName,
    startDate: (m: { cost: SendCost }) => m.cost.startDate,
    plannedEndDate: (m: { cost: SendCost }) => m.cost.plannedEndDate,
    endDate: (m: { cost: SendCost }) => m.cost.endDate,
    status: (m: { cost: SendCost }) => m.cost.status,
    currentRate: (m: { cost: SendCost; today: string }) => {
      const inForce = currentRateOf(m.cost, m.today);
      return inForce ? mapRate(inForce) : null;
    },
    costThisFinancialYear: (m: { cost: SendCost; today: string }) =>
      project(m.cost, m.today).thisFinancialYearPence,
    committed: (m: { cost: SendCost; today: string }) => project(m.cost, m.today).committedPence,
  },

  ChildFinance: {
    agreements: (m: FinanceModel, args: PageArgs) =>
      paginate(
        newestFirst(m.agreements, (a) => a.startDate),
        args,
        (a) => ({ agreement: a, today: m.today }),
      ),
    payments: (m: FinanceModel, args: PageArgs) =>
      paginate(
        newestFirst(m.payments, (p) => p.paidOn),
        args,
        mapPayment,
      ),
    costToDate: (m: FinanceModel) => sum(m.agreements.map((a) => project(a, m.today).toDatePence)),
    costThisFinancialYear: (m: FinanceModel) =>
      sum(m.agreements.map((a) => project(a, m.today).thisFinancialYearPence)),
    projectedToYearEnd: (m: FinanceModel) => sum(m.agreements.map((a) => project(a, m.today).committedPence)),
    committed: (m: FinanceModel) => sum(m.agreements.map((a) => project(a, m.today).committedPence)),
    paidToDate: (m: FinanceModel) =>
      sum(m.payments.filter((p) => p.paidOn <= m.today).map((p) => p.amountPence)),
  },

  ServiceAgreement: {
    id: (m: { agreement: ServiceAgreement }) => m.agreement.agreementId,
    serviceType: (m: { agreement: ServiceAgreement }) => m.agreement.serviceType,
    placementType: (m: { agreement: ServiceAgreement }) => m.agreement.placementType,
    lcsPlacementId: (m: { agreement: ServiceAgreement }) => m.agreement.lcsPlacementId,
    providerName: (m: { agreement: ServiceAgreement }) => m.agreement.providerName,
    providerType: (m: { agreement: ServiceAgreement }) => m.agreement.providerType,
    startDate: (m: { agreement: ServiceAgreement }) => m.agreement.startDate,
    plannedEndDate: (m: { agreement: ServiceAgreement }) => m.agreement.plannedEndDate,
    endDate: (m: { agreement: ServiceAgreement }) => m.agreement.endDate,
    status: (m: { agreement: ServiceAgreement }) => m.agreement.status,
    rates: (m: { agreement: ServiceAgreement }) =>
      [...m.agreement.rates].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1)).map(mapRate),
    currentRate: (m: { agreement: ServiceAgreement; today: string }) => {
      const inForce = currentRateOf(m.agreement, m.today);
      return inForce ? mapRate(inForce) : null;
    },
    costToDate: (m: { agreement: ServiceAgreement; today: string }) =>
      project(m.agreement, m.today).toDatePence,
    costThisFinancialYear: (m: { agreement: ServiceAgreement; today: string }) =>
      project(m.agreement, m.today).thisFinancialYearPence,
    projectedToYearEnd: (m: { agreement: ServiceAgreement; today: string }) =>
      project(m.agreement, m.today).committedPence,
    projectedToPlannedEnd: (m: { agreement: ServiceAgreement; today: string }) =>
      project(m.agreement, m.today).projectedToPlannedEndPence,
    committed: (m: { agreement: ServiceAgreement; today: string }) =>
      project(m.agreement, m.today).committedPence,
    runningOnPastPlannedEnd: (m: { agreement: ServiceAgreement; today: string }) =>
      project(m.agreement, m.today).runningOnPastPlannedEnd,
  },
};

const mapRate = (r: Rate) => ({
  effectiveFrom: r.effectiveFrom,
  amount: r.amountPence,
  unit: r.unit,
  recordedAt: r.recordedAt,
});
