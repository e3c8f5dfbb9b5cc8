/**
 * performance(from, to) and caseload summaries on Worker and Team. Thin: check the role, read
 * the lists once through src/reports' loader, hand them to src/reports' pure aggregations.
 * Each report or summary answered, and each refused, is on the audit trail first.
 */
import type { GraphQLError, GraphQLResolveInfo } from 'graphql';
import type { LcsInvolvement, LcsSocialCareRecord } from '../connectors/lcs/types.ts';
import { canAccessService } from '../src/access/index.ts';
import type { HubContext } from '../src/context.ts';
import { mayViewCaseload } from './support/caseloadAccess.ts';
import { recordAccess, recordRefusal } from './support/disclosure.ts';
import { requestedFields } from './support/selection.ts';
import { hubError } from '../src/errors.ts';
import {
  assessmentTimeliness,
  checkPeriod,
  childrenAtDate,
  contactsByMonth,
  createReportSources,
  earlier,
  ehcpTimeliness,
  icpcTimeliness,
  isOpenOn,
  monthsBetween,
  reReferralMonths,
  reReferrals,
  ReportInputError,
  ReportSourceError,
  summariseCaseload,
  type CaseloadSummary,
  type Period,
  type ReportSources,
  type TimelinessMeasure,
} from '../src/reports/index.ts';
import { addMonths, isIsoDate } from '../src/domain/index.ts';
import { UpstreamError } from '../src/upstream/types.ts';

/** A report failure as the client sees it: the system that failed, never a child's data. */
export function reportError(error: unknown): GraphQLError | unknown {
  if (error instanceof ReportInputError) return hubError('BAD_USER_INPUT', error.message);
  if (error instanceof ReportSourceError) {
    const timedOut = error.cause instanceof UpstreamError && error.cause.code === 'UPSTREAM_TIMEOUT';
    return timedOut
      ? hubError('UPSTREAM_TIMEOUT', `${error.system.toUpperCase()} did not answer in time.`, error.system)
      : hubError('UPSTREAM_UNAVAILABLE', `${error.system.toUpperCase()} is unavailable.`, error.system);
  }
  return error;
}

/** Runs a report step, turning report failures into the hub's coded errors. */
export async function reporting<T>(step: () => Promise<T> | T): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw reportError(error);
  }
}

const percent = (ratio: number | null): number | null =>
  ratio === null ? null : Math.round(ratio * 1000) / 10;

const timeliness = (m: TimelinessMeasure) => ({
  ...m,
  completedOnTimePercent: percent(m.completedOnTimeRatio),
});

interface PerformanceModel {
  period: Period;
  asOf: string;
  sources: ReportSources;
  ctx: HubContext;
}

const MAX_DUE_WITHIN_DAYS = 90;

function checkDueWithin(days: number | null | undefined): number {
  const value = days ?? 7;
  if (!Number.isInteger(value) || value < 0 || value > MAX_DUE_WITHIN_DAYS) {
    throw hubError(
      'BAD_USER_INPUT',
      `\`dueWithinDays\` must be a whole number from 0 to ${MAX_DUE_WITHIN_DAYS}.`,
    );
  }
  return value;
}

/**
 * One caseload's summary: the open involvements of children the viewer may see, and each such
 * child's social care record read once through the per-request loader (batched, cached).
 */
async function caseloadSummary(
  ctx: HubContext,
  involvements: readonly LcsInvolvement[],
  dueWithinDays: number,
): Promise<CaseloadSummary> {
  const { directory } = ctx.services;
  const visible = involvements.filter((i) => {
    if (!isOpenOn(i, ctx.today)) return false;
    const cluster = directory.resolve(`lcs:${i.personId}`);
    return cluster !== null && directory.mayReveal(cluster, ctx.viewer);
  });
  const people = [...new Set(visible.map((i) => i.personId))];
  const loaded = await ctx.loaders.lcs.socialCare.loadMany(people);
  const records = new Map<string, LcsSocialCareRecord>();
  for (const [index, result] of loaded.entries()) {
    if (result instanceof Error) throw reportError(new ReportSourceError('lcs', result));
    if (result) records.set(people[index]!, result.value);
  }
  return summariseCaseload(visible, records, { rules: ctx.services.rules, asOf: ctx.today, dueWithinDays });
}

async function openInvolvements(
  load: () => Promise<{ value: LcsInvolvement[] } | null>,
): Promise<LcsInvolvement[]> {
  try {
    return (await load())?.value ?? [];
  } catch (error) {
    throw reportError(new ReportSourceError('lcs', error));
  }
}

type DueArgs = { dueWithinDays?: number | null };

/** A caseload summary counts children without naming them: recorded as a caseload shown. */
const recordSummary = (ctx: HubContext, field: string) =>
  recordAccess(ctx, { action: 'CASELOAD', groups: ['caseloads'], fields: [field], decision: 'ALLOWED' });

export const performanceResolvers = {
  Query: {
    performance: async (
      _: unknown,
      args: { from: string; to: string },
      ctx: HubContext,
      info: GraphQLResolveInfo,
    ): Promise<PerformanceModel> => {
      const fields = ['performance', ...requestedFields(info)];
      if (!canAccessService(ctx.viewer, 'performance')) {
        await recordRefusal(ctx, 'performance', fields);
        throw hubError('FORBIDDEN', 'Your role may not view performance reports.');
      }
      let period: Period;
      try {
        period = checkPeriod(args.from, args.to);
      } catch (error) {
        throw reportError(error);
      }
      await recordAccess(ctx, { action: 'REPORT', groups: ['performance'], fields, decision: 'ALLOWED' });
      return {
        period,
        asOf: earlier(period.to, ctx.today),
        sources: createReportSources(ctx.services.cache, ctx.services.clients, ctx.scope),
        ctx,
      };
    },
  },

  PerformanceReport: {
    from: (m: PerformanceModel) => m.period.from,
    to: (m: PerformanceModel) => m.period.to,
    asOf: (m: PerformanceModel) => m.asOf,
    assessments: (m: PerformanceModel) =>
      reporting(async () => {
        const facts = await m.sources.assessments(monthsBetween(m.period.from, m.period.to));
        return timeliness(assessmentTimeliness(m.ctx.services.rules, facts.items, m.period, m.asOf));
      }),
    initialChildProtectionConferences: (m: PerformanceModel) =>
      reporting(async () => {
        // An enquiry may start after its strategy discussion: read one month earlier.
        const facts = await m.sources.icpcs(monthsBetween(addMonths(m.period.from, -1), m.period.to));
        return timeliness(icpcTimeliness(m.ctx.services.rules, facts.items, m.period, m.asOf));
      }),
    ehcpFinalPlans: (m: PerformanceModel) =>
      reporting(async () => {
        const facts = await m.sources.ehcpRequests(monthsBetween(m.period.from, m.period.to));
        return timeliness(ehcpTimeliness(m.ctx.services.rules, facts.items, m.period, m.asOf));
      }),
    contactsByMonth: (m: PerformanceModel) =>
      reporting(async () => {
        const facts = await m.sources.contacts(monthsBetween(m.period.from, m.period.to));
        return contactsByMonth(facts.items, m.period).map((month) => ({
          ...month,
          bySource: month.bySource.map(({ key, count }) => ({ code: key, count })),
          byOutcome: month.byOutcome.map(({ key, count }) => ({ code: key, count })),
        }));
      }),
    reReferrals: (m: PerformanceModel) =>
      reporting(async () => {
        const facts = await m.sources.referrals(reReferralMonths(m.period));
        const measure = reReferrals(facts.items, m.period);
        return { ...measure, percent: percent(measure.ratio) };
      }),
    childrenAt: (m: PerformanceModel, args: { date?: string | null }) =>
      reporting(async () => {
        const date = args.date ?? m.asOf;
        if (!isIsoDate(date)) throw new ReportInputError('`date` must be a date (YYYY-MM-DD).');
        const [cp, cla] = await Promise.all([
          m.sources.childProtectionPlansOpenOn(date),
          m.sources.lookedAfterEpisodesOpenOn(date),
        ]);
        return childrenAtDate(date, cp.items, cla.items);
      }),
  },

  Worker: {
    caseloadSummary: async (w: { workerId: string }, args: DueArgs, ctx: HubContext) => {
      const worker =
        w.workerId === ctx.viewer.workerId
          ? null
          : await ctx.loaders.lcs.worker.load(w.workerId).catch(() => null);
      if (!mayViewCaseload(ctx, worker?.value.teamId ?? null, w.workerId)) {
        await recordRefusal(ctx, 'caseloads', ['Worker.caseloadSummary']);
        return null;
      }
      const dueWithinDays = checkDueWithin(args.dueWithinDays);
      await recordSummary(ctx, 'Worker.caseloadSummary');
      const involvements = await openInvolvements(() =>
        ctx.loaders.lcs.openInvolvementsByWorker.load(w.workerId),
      );
      return caseloadSummary(ctx, involvements, dueWithinDays);
    },
  },

  Team: {
    caseloadSummary: async (t: { teamId: string }, args: DueArgs, ctx: HubContext) => {
      if (!mayViewCaseload(ctx, t.teamId, null)) {
        await recordRefusal(ctx, 'caseloads', ['Team.caseloadSummary']);
        return null;
      }
      const dueWithinDays = checkDueWithin(args.dueWithinDays);
      await recordSummary(ctx, 'Team.caseloadSummary');
      const involvements = await openInvolvements(() =>
        ctx.loaders.lcs.openInvolvementsByTeam.load(t.teamId),
      );
      return caseloadSummary(ctx, involvements, dueWithinDays);
    },
    caseloadByWorker: async (t: { teamId: string }, args: DueArgs, ctx: HubContext) => {
      if (!mayViewCaseload(ctx, t.teamId, null)) {
        await recordRefusal(ctx, 'caseloads', ['Team.caseloadByWorker']);
        return null;
      }
      const dueWithinDays = checkDueWithin(args.dueWithinDays);
      await recordSummary(ctx, 'Team.caseloadByWorker');
      const involvements = await openInvolvements(() =>
        ctx.loaders.lcs.openInvolvementsByTeam.load(t.teamId),
      );
      const byWorker = new Map<string, LcsInvolvement[]>();
      for (const involvement of involvements) {
        const list = byWorker.get(involvement.workerId);
        if (list) list.push(involvement);
        else byWorker.set(involvement.workerId, [involvement]);
      }
      const rows = await Promise.all(
        [...byWorker].map(async ([workerId, list]) => ({
          worker: { workerId },
          summary: await caseloadSummary(ctx, list, dueWithinDays),
        })),
      );
      return rows
        .filter((row) => row.summary.children > 0)
        .sort(
          (a, b) =>
            b.summary.children - a.summary.children || (a.worker.workerId < b.worker.workerId ? -1 : 1),
        );
    },
  },
};
