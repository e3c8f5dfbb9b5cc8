/**
 * SEND and education measures the council reports: EHC plan annual reviews and children missing
 * education, on the performance report and on the child's education view. Thin: the rules and
 * aggregations are src/domain/reports' (annualReviews.ts, missingEducation.ts); the lists are read once
 * through the report loader; the child's lists come from the EYES record the education view read.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { EhcpAnnualReviewMeasures, MissingEducationMeasures, Resolvers } from './types.generated.ts';
import type { HubContext } from './context.ts';
import { mapCmeEpisode, type mapEhcpRequest } from './shapes/education.ts';
import {
  annualReviewMeasures,
  decidedWithinFourWeeks,
  earlier,
  missingEducationMeasures,
  openReferrals,
  overdueReviews,
  reviewPosition,
  type AnnualReviewFact,
  type CmeEpisodeFact,
  type EhcpPlanReviewsFact,
} from '../src/domain/reports/index.ts';
import { recordAccess, shownIds } from './support/disclosure.ts';
import { requestedFields } from './support/selection.ts';
import { daysBetween } from '../src/domain/rules/index.ts';
import type { EducationModel } from './education.ts';
import { paginate, type PageArgs } from './support/connection.ts';
import { newestFirst } from './support/socialCareMerge.ts';
import type { PerformanceModel } from './performance.ts';
import { reporting } from './performance.ts';

export type EhcPlanModel = NonNullable<ReturnType<typeof mapEhcpRequest>['plan']>;
export type CmeEpisodeModel = ReturnType<typeof mapCmeEpisode>;

/** The measures, and what their lists of children are drawn from. */
export type AnnualReviewMeasuresModel = Omit<EhcpAnnualReviewMeasures, 'overdueChildren'> & {
  plans: readonly EhcpPlanReviewsFact[];
  asOf: string;
  ctx: HubContext;
};
export type MissingEducationMeasuresModel = Omit<MissingEducationMeasures, 'openChildren'> & {
  episodes: readonly CmeEpisodeFact[];
  asOf: string;
  ctx: HubContext;
};

/**
 * One page of a report's list of children: EYES pupils resolved to hub ids (a child the viewer may
 * not know of is left out, as from any list), recorded with the ids shown before it leaves.
 */
async function childrenPage<T extends { pupilId: string }, R>(
  ctx: HubContext,
  rows: readonly T[],
  args: PageArgs,
  info: GraphQLResolveInfo,
  show: (row: T, childId: string) => R,
) {
  const { directory } = ctx.services;
  const named = rows.flatMap((row) => {
    const cluster = directory.resolve(`eyes:${row.pupilId}`);
    return cluster && directory.mayReveal(cluster, ctx.viewer) ? [{ row, childId: cluster.hubId }] : [];
  });
  const page = paginate(named, args);
  await recordAccess(ctx, {
    action: 'REPORT',
    childIds: shownIds(page.nodes.map((n) => n.childId)),
    groups: ['performance'],
    fields: [`${info.parentType.name}.${info.fieldName}`, ...requestedFields(info, ['nodes'])],
    decision: 'ALLOWED',
  });
  return { ...page, nodes: page.nodes.map(({ row, childId }) => show(row, childId)) };
}

const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

const showReview = (r: AnnualReviewFact) => ({
  ...r,
  decidedWithinFourWeeks: decidedWithinFourWeeks(r.meetingDate, r.decisionDate),
});

export const sendResolvers: Resolvers = {
  PerformanceReport: {
    ehcpAnnualReviews: (m: PerformanceModel) =>
      reporting(async () => {
        // Plans in force at some point from the period's start (or asOf, if earlier) carry every
        // review due in the period and every plan in force on asOf.
        const plans = await m.sources.ehcpPlansOpenSince(earlier(m.period.from, m.asOf));
        const measures = annualReviewMeasures(plans.items, m.period, m.asOf);
        return {
          ...measures,
          plans: plans.items,
          asOf: m.asOf,
          ctx: m.ctx,
          heldOnTimePercent: percent(measures.heldOnTime, measures.due),
          decisionsWithinFourWeeksPercent: percent(measures.decisionsWithinFourWeeks, measures.meetingsHeld),
          byDecision: measures.byDecision.map(({ decision, count }) => ({ code: decision, count })),
        };
      }),
    childrenMissingEducation: (m: PerformanceModel) =>
      reporting(async () => {
        const episodes = await m.sources.missingEducationDuring({
          from: earlier(m.period.from, m.asOf),
          to: m.asOf,
        });
        const measures = missingEducationMeasures(episodes.items, m.period, m.asOf);
        return {
          ...measures,
          episodes: episodes.items,
          asOf: m.asOf,
          ctx: m.ctx,
          closedByOutcome: measures.closedByOutcome.map(({ outcome, count }) => ({ code: outcome, count })),
        };
      }),
  },

  EhcpAnnualReviewMeasures: {
    overdueChildren: (m: AnnualReviewMeasuresModel, args: PageArgs, _: unknown, info: GraphQLResolveInfo) =>
      childrenPage(m.ctx, overdueReviews(m.plans, m.asOf), args, info, (row, childId) => ({
        childId,
        planId: row.planId,
        dueDate: row.dueDate,
        daysOverdue: row.daysOverdue,
        lastReviewDate: row.lastReviewDate,
      })),
  },

  MissingEducationMeasures: {
    openChildren: (m: MissingEducationMeasuresModel, args: PageArgs, _: unknown, info: GraphQLResolveInfo) =>
      childrenPage(m.ctx, openReferrals(m.episodes, m.asOf), args, info, (row, childId) => ({
        childId,
        cmeId: row.cmeId,
        reportedMissingDate: row.reportedMissingDate,
        daysMissing: daysBetween(row.reportedMissingDate, m.asOf),
      })),
  },

  Education: {
    missingEducation: (m: EducationModel, args: PageArgs) =>
      m.view.can('education.detail')
        ? paginate(
            newestFirst(
              m.records.flatMap((r) => r.missingEducation),
              (c) => c.reportedMissingDate,
            ),
            args,
            mapCmeEpisode,
          )
        : null,
  },

  EhcPlan: {
    annualReviews: (p: EhcPlanModel) =>
      newestFirst([...p.annualReviews], (r) => r.meetingDate).map(showReview),
    lastAnnualReview: (p: EhcPlanModel, _: unknown, ctx: HubContext) => {
      const last = reviewPosition({ ...p, reviews: p.annualReviews }, ctx.today).lastHeld;
      return last ? showReview(last) : null;
    },
    nextAnnualReviewDue: (p: EhcPlanModel, _: unknown, ctx: HubContext) =>
      reviewPosition({ ...p, reviews: p.annualReviews }, ctx.today).nextDue,
    annualReviewOverdue: (p: EhcPlanModel, _: unknown, ctx: HubContext) =>
      reviewPosition({ ...p, reviews: p.annualReviews }, ctx.today).overdue,
  },

  CmeEpisode: {
    daysMissing: (c: CmeEpisodeModel, _: unknown, ctx: HubContext) =>
      daysBetween(
        c.reportedMissingDate,
        c.closedDate !== null && c.closedDate <= ctx.today ? c.closedDate : ctx.today,
      ),
  },
};
