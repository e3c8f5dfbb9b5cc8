/**
 * financeReport (finance roles) and the per-child breakdown on ChildFinance. Thin: check the role,
 * read LIFT's agreements once through src/reports' loader, group with src/reports/finance.ts.
 * The report answered (or refused) is on the audit trail first, and so is each list naming children.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { LiftAgreement } from '../connectors/lift/types.ts';
import { canAccessService } from '../src/access/index.ts';
import type { HubContext } from '../src/context.ts';
import { financialYearOf } from '../src/domain/index.ts';
import { hubError } from '../src/errors.ts';
import {
  agreementFact,
  createReportSources,
  financeReport,
  NO_SPEND,
  previousFinancialYear,
  spendBy,
  type AgreementFact,
  type FinanceReport,
  type SpendFigures,
  type SpendGroup,
} from '../src/reports/index.ts';
import { reporting } from './performance.ts';
import { pageSize } from './support/connection.ts';
import { recordAccess, recordRefusal, shownIds } from './support/disclosure.ts';
import { requestedFields } from './support/selection.ts';

/** SpendFigures as the schema names them. */
export function figures(f: SpendFigures) {
  return {
    agreements: f.agreements,
    children: f.children,
    openEndedAgreements: f.openEndedAgreements,
    toDate: f.toDatePence,
    thisFinancialYear: f.thisFinancialYearPence,
    projectedToYearEnd: f.projectedToYearEndPence,
    forecastYear: f.forecastYearPence,
    projectedToPlannedEnd: f.projectedToPlannedEndPence,
    committed: f.committedPence,
    weeklyRateNow: f.weeklyRateNowPence,
    previousYear: f.previousYearPence,
    changeFromPreviousYear: f.changePence,
    changePercent:
      f.previousYearPence === 0 ? null : Math.round((f.changePence / f.previousYearPence) * 1000) / 10,
  };
}

const group = (g: SpendGroup) => ({ key: g.key, label: g.label, figures: figures(g) });

interface ReportModel {
  ctx: HubContext;
  report: FinanceReport;
  dataAsOf: string;
  stale: boolean;
}

/** The per-child model resolvers/finance.ts builds for ChildFinance (only the parts used here). */
interface ChildFinanceModel {
  agreements: LiftAgreement[];
  today: string;
}

const childGroups = (
  m: ChildFinanceModel,
  keyOf: (a: AgreementFact) => string,
  labelOf?: (a: AgreementFact) => string,
) => spendBy(m.agreements.map(agreementFact), m.today, keyOf, labelOf).map(group);

export const financeReportResolvers = {
  Query: {
    financeReport: async (
      _: unknown,
      __: unknown,
      ctx: HubContext,
      info: GraphQLResolveInfo,
    ): Promise<ReportModel> => {
      const fields = ['financeReport', ...requestedFields(info)];
      if (!canAccessService(ctx.viewer, 'financeReports')) {
        await recordRefusal(ctx, 'financeReports', fields);
        throw hubError('FORBIDDEN', 'Your role may not view finance reports.');
      }
      await recordAccess(ctx, { action: 'REPORT', groups: ['financeReports'], fields, decision: 'ALLOWED' });
      return reporting(async () => {
        const { directory } = ctx.services;
        const sources = createReportSources(ctx.services.cache, ctx.services.clients, ctx.scope);
        // Every agreement open at some time since last year's 1 April: enough for both years.
        const previousYearStart = previousFinancialYear(financialYearOf(ctx.today)).start;
        const agreements = await sources.agreementsOpenSince(previousYearStart);
        const report = financeReport(agreements.items, ctx.today, {
          childKeyOf: (personId) => {
            const cluster = directory.resolve(`lcs:${personId}`);
            return cluster !== null && directory.mayReveal(cluster, ctx.viewer) ? cluster.hubId : null;
          },
        });
        return { ctx, report, dataAsOf: agreements.asOf, stale: agreements.stale };
      });
    },
  },

  FinanceReport: {
    asOf: (m: ReportModel) => m.report.asOf,
    financialYear: (m: ReportModel) => m.report.financialYear.label,
    yearStart: (m: ReportModel) => m.report.financialYear.start,
    yearEnd: (m: ReportModel) => m.report.financialYear.end,
    previousFinancialYear: (m: ReportModel) => m.report.previousFinancialYear.label,
    dataAsOf: (m: ReportModel) => m.dataAsOf,
    stale: (m: ReportModel) => m.stale,
    totals: (m: ReportModel) => figures(m.report.totals),
    byServiceType: (m: ReportModel) => m.report.byServiceType.map(group),
    byPlacementType: (m: ReportModel) => m.report.byPlacementType.map(group),
    byProviderType: (m: ReportModel) => m.report.byProviderType.map(group),
    byProvider: (m: ReportModel, args: { first?: number | null }) =>
      m.report.byProvider.slice(0, pageSize(args.first, 100, 20)).map(group),
    byTeam: (m: ReportModel) => m.report.byTeam.map(group),
    byMonth: (m: ReportModel) =>
      m.report.byMonth.map((month) => ({
        month: month.month,
        spent: month.spentPence,
        projected: month.projectedPence,
      })),
    highestCostChildren: async (m: ReportModel, args: { first?: number | null }) => {
      const lines = m.report.children.slice(0, pageSize(args.first, 100, 10));
      await recordAccess(m.ctx, {
        action: 'REPORT',
        childIds: shownIds(lines.map((child) => child.childKey)),
        groups: ['financeReports'],
        fields: ['FinanceReport.highestCostChildren'],
        decision: 'ALLOWED',
      });
      return lines.map((child) => ({ childId: child.childKey, figures: figures(child) }));
    },
  },

  ChildFinance: {
    summary: (m: ChildFinanceModel) => {
      const [all] = spendBy(m.agreements.map(agreementFact), m.today, () => 'ALL');
      return figures(all ?? NO_SPEND);
    },
    byServiceType: (m: ChildFinanceModel) => childGroups(m, (a) => a.serviceType),
    byProvider: (m: ChildFinanceModel) =>
      childGroups(
        m,
        (a) => a.providerId,
        (a) => a.providerName,
      ),
    byProviderType: (m: ChildFinanceModel) => childGroups(m, (a) => a.providerType),
  },
};
