/**
 * financeReport (finance roles) and the per-child breakdown on ChildFinance. Thin: check the role,
 * read LIFT's agreements once through the connectors' report read path, group with src/domain/reports/finance.ts.
 * The report answered (or refused) is on the audit trail first, and so is each list naming children.
 */
import { REPORT_LISTS } from '../connectors/reportLists.ts';
import { createReportSources } from '../connectors/reportSources.ts';
import type { Resolvers } from './types.generated.ts';
import type { GraphQLResolveInfo } from 'graphql';
import type { ServiceAgreement } from '../src/domain/models/finance.ts';
import { canAccessService } from '../src/domain/access/index.ts';
import type { HubContext } from './context.ts';
import { linkedOnce } from './support/linkedOnce.ts';
import { financialYearOf } from '../src/domain/rules/index.ts';
import { hubError } from '../src/platform/errors.ts';
import {
  agreementFact,
  checkScenario,
  childrenOf,
  costFinance,
  forecastOutlook,
  NO_SPEND,
  OUTLOOK_METHOD,
  percent,
  previousFinancialYear,
  spendBy,
  type AgreementFact,
  type BudgetRow,
  type CostedFinance,
  type FinanceReport,
  type SpendFigures,
  type SendCostRow,
  type SpendGroup,
  type UnitCost,
} from '../src/domain/reports/index.ts';
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
    runningOnPastPlannedEnd: f.runningOnPastPlannedEnd,
    toDate: f.toDatePence,
    thisFinancialYear: f.thisFinancialYearPence,
    projectedToYearEnd: f.committedPence,
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

/** A budget row as the schema names it. */
const budgetRow = (r: BudgetRow) => ({
  key: r.key,
  budgetLines: r.budgetLines,
  originalBudget: r.originalBudgetPence,
  virements: r.virementsPence,
  budget: r.budgetPence,
  spentYearToDate: r.spentYearToDatePence,
  committed: r.committedPence,
  forecast: r.forecastPence,
  variance: r.variancePence,
  variancePercent: r.variancePercent,
  months: r.months.map((m) => ({
    month: m.month,
    budget: m.budgetPence,
    spent: m.spentPence,
    committed: m.committedPence,
    forecast: m.forecastPence,
  })),
  overBudgetMonths: [...r.overBudgetMonths],
  budgetExceededIn: r.budgetExceededIn,
});

/** A SEND cost group as the schema names it. */
export const sendCostGroup = (g: SendCostRow) => ({
  key: g.key,
  fundingStream: g.fundingStream,
  pupils: g.pupils,
  costs: g.costs,
  spentYearToDate: g.spentYearToDatePence,
  committed: g.committedPence,
  forecast: g.forecastPence,
  forecastPerPupil: g.forecastPerPupilPence,
  weeklyCostNow: g.weeklyCostNowPence,
});

const unitCost = (u: UnitCost) => ({
  key: u.key,
  children: u.children,
  weeklyCost: u.weeklyCostPence,
  averageWeeklyCost: u.averageWeeklyCostPence,
});

interface ScenarioArgs {
  scenario?: { placementType: string; count: number; from: string; weeklyCost?: number | null }[] | null;
}

const group = (g: SpendGroup) => ({ key: g.key, label: g.label, figures: figures(g) });

/** The last few costings, by day and data version, most recent last. */
const costings = new Map<string, CostedFinance>();
const COSTINGS_KEPT = 2;

function remembered(version: string, compute: () => CostedFinance): CostedFinance {
  const known = costings.get(version);
  if (known) return known;
  const costed = compute();
  costings.set(version, costed);
  if (costings.size > COSTINGS_KEPT) costings.delete(costings.keys().next().value!);
  return costed;
}

export interface ReportModel {
  ctx: HubContext;
  report: FinanceReport;
  dataAsOf: string;
  stale: boolean;
}

/** The per-child model resolvers/finance.ts builds for ChildFinance (only the parts used here). */
interface ChildFinanceModel {
  agreements: ServiceAgreement[];
  today: string;
}

const childGroups = (
  m: ChildFinanceModel,
  keyOf: (a: AgreementFact) => string,
  labelOf?: (a: AgreementFact) => string,
) => spendBy(m.agreements.map(agreementFact), m.today, keyOf, labelOf).map(group);

export const financeReportResolvers: Resolvers = {
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
        const sources = createReportSources(
          ctx.services.cache,
          ctx.services.reportClients,
          ctx.scope,
          REPORT_LISTS,
          ctx.today,
        );
        // Every agreement open at some time since last year's 1 April: enough for both years.
        const previousYearStart = previousFinancialYear(financialYearOf(ctx.today)).start;
        const [agreements, budgetLines, sendCosts] = await Promise.all([
          sources.agreementsOpenSince(previousYearStart),
          sources.budgetLines(financialYearOf(ctx.today).label),
          sources.sendCostsOpenSince(previousYearStart),
        ]);
        const parts = [agreements, budgetLines, sendCosts];
        // The costing depends only on the day and the data (each list's fetch time names its
        // version), so it is kept and reused; only the ranking of children is per viewer.
        const version = [ctx.today, ...parts.map((p) => `${p.asOf}:${p.stale}`)].join('|');
        const costed = remembered(version, () =>
          costFinance(agreements.items, ctx.today, {
            budgetLines: budgetLines.items,
            sendCosts: sendCosts.items,
          }),
        );
        const clusterOf = linkedOnce(directory, costed);
        const report: FinanceReport = {
          ...costed.report,
          children: childrenOf(costed, (personId) => {
            const cluster = clusterOf(personId);
            return cluster !== null && directory.mayReveal(cluster, ctx.viewer) ? cluster.hubId : null;
          }),
        };
        return {
          ctx,
          report,
          dataAsOf: parts.map((p) => p.asOf).sort()[0]!,
          stale: parts.some((p) => p.stale),
        };
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
        committed: month.committedPence,
        projected: month.committedPence,
      })),
    budget: (m: ReportModel) => {
      const b = m.report.budget;
      return {
        totals: budgetRow(b.totals),
        byServiceLine: b.byServiceLine.map(budgetRow),
        byPlacementType: b.byPlacementType.map(budgetRow),
        byTeam: b.byTeam.map(budgetRow),
        byCostCentre: b.byCostCentre.map(budgetRow),
      };
    },
    highNeeds: (m: ReportModel) => {
      const h = m.report.highNeeds;
      return {
        totals: sendCostGroup(h.totals),
        byCostType: h.byCostType.map(sendCostGroup),
        highNeedsBlock: {
          budget: h.highNeedsBlock.budgetPence,
          forecast: h.highNeedsBlock.forecastPence,
          variance: h.highNeedsBlock.variancePence,
          variancePercent: h.highNeedsBlock.variancePercent,
        },
      };
    },
    unitCosts: (m: ReportModel) => ({
      byPlacementType: m.report.unitCosts.byPlacementType.map(unitCost),
      byProviderType: m.report.unitCosts.byProviderType.map(unitCost),
    }),
    forecast: (m: ReportModel, args: ScenarioArgs) =>
      reporting(() => {
        const basis = m.report.outlookBasis;
        const scenario = checkScenario(
          (args.scenario ?? []).map((s) => ({ ...s, weeklyCostPence: s.weeklyCost ?? null })),
          basis,
        );
        const outlook = forecastOutlook(basis, scenario);
        // On the budget's basis: the budget covers every line, SEND's (High Needs Block, SEN
        // transport) included, so spent and committed are everything charged to those lines.
        const spent = m.report.budget.totals.spentYearToDatePence;
        const committed = m.report.budget.totals.committedPence;
        const total =
          spent + committed + outlook.newPlacementsPence - outlook.stepDownsPence + outlook.scenarioPence;
        const budget = m.report.budget.totals.budgetPence;
        return {
          spentYearToDate: spent,
          committed,
          newPlacements: outlook.newPlacementsPence,
          stepDowns: outlook.stepDownsPence,
          scenario: outlook.scenarioPence,
          total,
          budget,
          variance: total - budget,
          variancePercent: percent(total - budget, budget),
          method: OUTLOOK_METHOD,
          byPlacementType: outlook.rows.map((row) => {
            const b = basis.byPlacementType.get(row.placementType);
            return {
              placementType: row.placementType,
              startsLastTwelveMonths: b?.starts ?? 0,
              endingsLastTwelveMonths: b?.endings ?? 0,
              averageWeeklyCost: b?.averageWeeklyCostPence ?? 0,
              newPlacements: row.newPlacementsPence,
              stepDowns: row.stepDownsPence,
              scenario: row.scenarioPence,
            };
          }),
        };
      }),
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
