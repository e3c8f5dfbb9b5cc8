/**
 * performance(from, to) and caseload summaries on Worker and Team. Thin: check the role, read
 * the lists once through the connectors' report read path, hand them to src/domain/reports' pure aggregations.
 * Each report or summary answered, and each refused, is on the audit trail first.
 */
import { REPORT_LISTS } from '../connectors/reportLists.ts';
import { createReportSources, ReportSourceError, type ReportSources } from '../connectors/reportSources.ts';
import type { FrontDoorMeasures, Resolvers } from './types.generated.ts';
import type { GraphQLError, GraphQLResolveInfo } from 'graphql';
import { canAccessService } from '../src/domain/access/index.ts';
import type { HubContext } from './context.ts';
import { mayViewCaseload } from './support/caseloadAccess.ts';
import { recordAccess, recordRefusal, shownIds } from './support/disclosure.ts';
import { requestedFields } from './support/selection.ts';
import { reportSourceStatuses } from './support/systemResult.ts';
import { hubError } from '../src/platform/errors.ts';
import {
  assessmentsAuthorisedIn,
  assessmentsFromReferralAuthorisedIn,
  assessmentTimeliness,
  checkPeriod,
  checkReportDate,
  childProtectionMeasures,
  childrenAtDate,
  COMPLETION_LOOKBACK_MONTHS,
  completionMonths,
  contactsByMonth,
  earlier,
  ehcpPlansIssuedIn,
  frontDoorMeasures,
  ehcpTimeliness,
  icpcsHeldIn,
  icpcTimeliness,
  isOpenOn,
  monthlySeries,
  monthsBetween,
  overdueChildren,
  placementStability,
  reReferralMonths,
  reReferrals,
  ReportInputError,
  statutoryPosition,
  summariseCaseload,
  type CaseloadInvolvement,
  type CaseloadRecord,
  type CaseloadSummary,
  type CompletionMeasure,
  type OverdueChild,
  type Period,
  type ReReferralMeasure,
  type TimelinessMeasure,
  teamFilter,
  type AssessmentFact,
  type IcpcFact,
  type TeamFilter,
} from '../src/domain/reports/index.ts';
import { addMonths } from '../src/domain/rules/index.ts';
import { judgedAt } from './support/asOf.ts';
import type { ChildView } from './support/childView.ts';
import { paginate, type PageArgs } from './support/connection.ts';
import { UpstreamError } from '../src/platform/upstream/types.ts';

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

const timeliness = <M extends TimelinessMeasure | CompletionMeasure>(m: M) => ({
  ...m,
  completedOnTimePercent: percent(m.completedOnTimeRatio),
});

/** The front door's measures, with repeat contacts read only when asked for. */
export type FrontDoorMeasuresModel = Omit<FrontDoorMeasures, 'repeatContacts' | 'repeatContactsPercent'> & {
  repeat: () => Promise<ReReferralMeasure>;
};
/** A child on an overdue list, with the hub id it is shown by and the request that listed it. */
export type OverdueChildModel = OverdueChild & { childId: string; ctx: HubContext };

export interface PerformanceModel {
  period: Period;
  asOf: string;
  sources: ReportSources;
  ctx: HubContext;
  /** The teams asked for (by team or by service), read once per report; null for the whole county. */
  filter: () => Promise<VersionedFilter | null>;
}

/** A team filter and what it was built from (its teams' and involvements' versions). */
type VersionedFilter = TeamFilter & { readonly version: string };

/** Facts narrowed for a report, and what they were narrowed from (see `Loaded.version`). */
interface Narrowed<T> {
  readonly items: readonly T[];
  readonly version: string;
}

/**
 * Measures derived from prepared facts, kept by what they were computed from (the field, the
 * period, asOf and each input's version): the same facts give the same answer, so a county's
 * aggregation (tens to hundreds of milliseconds of the hub's one thread, taken from practitioners'
 * views) runs once per change of facts, not once per asking. Per rules (each hub's own), the most
 * recently used few kept.
 */
const derivedByRules = new WeakMap<object, Map<string, unknown>>();
const DERIVED_KEPT = 256;

function derive<T>(
  m: PerformanceModel,
  field: string,
  inputs: readonly (string | { readonly version: string } | null)[],
  make: () => T,
): T {
  const rules = m.ctx.services.rules;
  let kept = derivedByRules.get(rules);
  if (!kept) derivedByRules.set(rules, (kept = new Map()));
  const key = [
    field,
    m.period.from,
    m.period.to,
    m.asOf,
    ...inputs.map((i) => (i === null ? '-' : typeof i === 'string' ? i : i.version)),
  ].join('|');
  if (kept.has(key)) {
    const value = kept.get(key) as T;
    kept.delete(key);
    kept.set(key, value);
    return value;
  }
  const value = make();
  kept.set(key, value);
  if (kept.size > DERIVED_KEPT) kept.delete(kept.keys().next().value!);
  return value;
}

const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let made: Promise<T> | null = null;
  return () => (made ??= make());
};

/** The filter for `teamId` or `service`: the teams, and every involvement they hold or held. */
async function filterFor(
  sources: ReportSources,
  teamId: string | null | undefined,
  service: string | null | undefined,
): Promise<VersionedFilter | null> {
  if (!teamId && !service) return null;
  const allTeams = await sources.teams();
  const teams = allTeams.items.filter(
    (t) => (!teamId || t.teamId === teamId) && (!service || t.service === service),
  );
  if (teams.length === 0) throw new ReportInputError('No team matches `teamId` and `service`.');
  const teamIds = teams.map((t) => t.teamId);
  const involvements = await sources.involvementsOfTeams(teamIds);
  return {
    ...teamFilter(teamIds, involvements.items),
    version: `${teamIds.join(',')}:${allTeams.version}:${involvements.version}`,
  };
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
 * A caseload as the viewer may see it at `asOf`: the open involvements of children the viewer may
 * see, and each such child's social care record read once through the per-request loader.
 */
async function visibleCaseload(ctx: HubContext, involvements: readonly CaseloadInvolvement[], asOf: string) {
  const { directory } = ctx.services;
  const visible = involvements.filter((i) => {
    if (!isOpenOn(i, asOf)) return false;
    const cluster = directory.resolve(`lcs:${i.personId}`);
    return cluster !== null && directory.mayReveal(cluster, ctx.viewer);
  });
  const people = [...new Set(visible.map((i) => i.personId))];
  const loaded = await ctx.loaders.lcs.socialCare.loadMany(people);
  const records = new Map<string, CaseloadRecord>();
  for (const [index, result] of loaded.entries()) {
    if (result instanceof Error) throw reportError(new ReportSourceError('lcs', result));
    if (result) records.set(people[index]!, result.value);
  }
  return { visible, records };
}

/** One caseload's summary at `asOf`. */
async function caseloadSummary(
  ctx: HubContext,
  involvements: readonly CaseloadInvolvement[],
  dueWithinDays: number,
  asOf: string,
): Promise<CaseloadSummary> {
  const { visible, records } = await visibleCaseload(ctx, involvements, asOf);
  return summariseCaseload(visible, records, { rules: ctx.services.rules, asOf, dueWithinDays });
}

type OverdueArgs = PageArgs & { asOf?: string | null };

/** A caseload's overdue children, most urgent first, one page. */
/** The overdue children behind a count, a page at a time, recorded (who was listed) before it leaves. */
async function overdueChildrenPage(
  ctx: HubContext,
  involvements: readonly CaseloadInvolvement[],
  args: OverdueArgs,
  info: GraphQLResolveInfo,
) {
  const asOf = judgedAt(ctx, args.asOf);
  const { visible, records } = await visibleCaseload(ctx, involvements, asOf);
  const children = overdueChildren(visible, records, { rules: ctx.services.rules, asOf });
  const page = paginate(children, args, (child: OverdueChild) => ({
    ...child,
    childId: ctx.services.directory.resolve(`lcs:${child.personId}`)!.hubId,
    ctx,
  }));
  await recordAccess(ctx, {
    action: 'CASELOAD',
    childIds: shownIds(page.nodes.map((child) => child.childId)),
    groups: ['caseloads'],
    fields: [`${info.parentType.name}.${info.fieldName}`, ...requestedFields(info, ['nodes'])],
    decision: 'ALLOWED',
  });
  return page;
}

async function openInvolvements(
  load: () => Promise<{ value: CaseloadInvolvement[] } | null>,
): Promise<CaseloadInvolvement[]> {
  try {
    return (await load())?.value ?? [];
  } catch (error) {
    throw reportError(new ReportSourceError('lcs', error));
  }
}

type DueArgs = { dueWithinDays?: number | null; asOf?: string | null };

interface PerformanceArgs {
  from: string;
  to: string;
  asOf?: string | null;
  teamId?: string | null;
  service?: string | null;
}

/** A caseload summary counts children without naming them: recorded as a caseload shown. */
const recordSummary = (ctx: HubContext, field: string) =>
  recordAccess(ctx, { action: 'CASELOAD', groups: ['caseloads'], fields: [field], decision: 'ALLOWED' });

export const performanceResolvers: Resolvers = {
  Query: {
    performance: async (
      _: unknown,
      args: PerformanceArgs,
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
      const sources = createReportSources(
        ctx.services.cache,
        ctx.services.reportClients,
        ctx.scope,
        REPORT_LISTS,
        ctx.today,
      );
      return {
        period,
        asOf: earlier(period.to, judgedAt(ctx, args.asOf)),
        sources,
        ctx,
        filter: once(() => filterFor(sources, args.teamId, args.service)),
      };
    },
  },

  PerformanceReport: {
    sources: async (m: PerformanceModel) => reportSourceStatuses(await m.sources.outcomes()),
    from: (m: PerformanceModel) => m.period.from,
    to: (m: PerformanceModel) => m.period.to,
    asOf: (m: PerformanceModel) => m.asOf,
    assessments: (m: PerformanceModel) =>
      reporting(async () => {
        const months = completionMonths(m.period, COMPLETION_LOOKBACK_MONTHS.assessments);
        const facts = await ownAssessments(m, months);
        return derive(m, 'assessments', [facts], () =>
          timeliness(assessmentsAuthorisedIn(m.ctx.services.rules, facts.items, m.period, m.asOf)),
        );
      }),
    assessmentsFromReferral: (m: PerformanceModel) =>
      reporting(async () => {
        const months = completionMonths(m.period, COMPLETION_LOOKBACK_MONTHS.assessments);
        // A referral may precede its assessment's start by a few days: read one month more.
        const [facts, referrals] = await Promise.all([
          ownAssessments(m, months),
          m.sources.referrals(monthsBetween(addMonths(`${months[0]}-01`, -1), m.period.to)),
        ]);
        return derive(m, 'assessmentsFromReferral', [facts, referrals], () => {
          const referralDates = new Map(referrals.items.map((r) => [r.referralId, r.referralDate]));
          return timeliness(
            assessmentsFromReferralAuthorisedIn(
              m.ctx.services.rules,
              facts.items,
              referralDates,
              m.period,
              m.asOf,
            ),
          );
        });
      }),
    assessmentsStartedInPeriod: (m: PerformanceModel) =>
      reporting(async () => {
        const facts = await ownAssessments(m, monthsBetween(m.period.from, m.period.to));
        return derive(m, 'assessmentsStartedInPeriod', [facts], () =>
          timeliness(assessmentTimeliness(m.ctx.services.rules, facts.items, m.period, m.asOf)),
        );
      }),
    initialChildProtectionConferences: (m: PerformanceModel) =>
      reporting(async () => {
        const facts = await heldIcpcs(m, completionMonths(m.period, COMPLETION_LOOKBACK_MONTHS.icpcs));
        return derive(m, 'initialChildProtectionConferences', [facts], () =>
          timeliness(icpcsHeldIn(m.ctx.services.rules, facts.items, m.period, m.asOf)),
        );
      }),
    initialChildProtectionConferencesStartedInPeriod: (m: PerformanceModel) =>
      reporting(async () => {
        // An enquiry may start after its strategy discussion: read one month earlier.
        const facts = await heldIcpcs(m, monthsBetween(addMonths(m.period.from, -1), m.period.to));
        return derive(m, 'initialChildProtectionConferencesStartedInPeriod', [facts], () =>
          timeliness(icpcTimeliness(m.ctx.services.rules, facts.items, m.period, m.asOf)),
        );
      }),
    ehcpFinalPlans: (m: PerformanceModel) =>
      reporting(async () => {
        const months = completionMonths(m.period, COMPLETION_LOOKBACK_MONTHS.ehcpPlans);
        const facts = await m.sources.ehcpRequests(months);
        return derive(m, 'ehcpFinalPlans', [facts], () =>
          timeliness(ehcpPlansIssuedIn(m.ctx.services.rules, facts.items, m.period, m.asOf)),
        );
      }),
    ehcpFinalPlansRequestedInPeriod: (m: PerformanceModel) =>
      reporting(async () => {
        const facts = await m.sources.ehcpRequests(monthsBetween(m.period.from, m.period.to));
        return derive(m, 'ehcpFinalPlansRequestedInPeriod', [facts], () =>
          timeliness(ehcpTimeliness(m.ctx.services.rules, facts.items, m.period, m.asOf)),
        );
      }),
    contactsByMonth: (m: PerformanceModel) =>
      reporting(async () => {
        const facts = await m.sources.contacts(monthsBetween(m.period.from, m.period.to));
        return derive(m, 'contactsByMonth', [facts], () =>
          contactsByMonth(facts.items, m.period).map((month) => ({
            ...month,
            bySource: month.bySource.map(({ key, count }) => ({ code: key, count })),
            byOutcome: month.byOutcome.map(({ key, count }) => ({ code: key, count })),
          })),
        );
      }),
    reReferrals: (m: PerformanceModel) =>
      reporting(async () => {
        const [facts, filter] = await Promise.all([
          m.sources.referrals(reReferralMonths(m.period)),
          m.filter(),
        ]);
        return derive(m, 'reReferrals', [facts, filter], () => {
          const measure = reReferrals(facts.items, m.period, (r) => filter?.ownsTeam(r.teamId) ?? true);
          return { ...measure, percent: percent(measure.ratio) };
        });
      }),
    childrenAt: (m: PerformanceModel, args: { date?: string | null }) =>
      reporting(async () => {
        const date = checkReportDate(args.date ?? m.asOf, 'date');
        const [cp, cla, filter] = await Promise.all([
          m.sources.childProtectionPlansOpenOn(date),
          m.sources.lookedAfterEpisodesOpenOn(date),
          m.filter(),
        ]);
        return derive(m, 'childrenAt', [date, cp, cla, filter], () => {
          const held = (personId: string) => filter?.heldOn(personId, date) ?? true;
          return childrenAtDate(date, cp.items.filter(held), cla.items.filter(held));
        });
      }),
    monthly: (m: PerformanceModel) =>
      reporting(async () => {
        const [cpPlans, claEpisodes, contacts, assessments, filter] = await Promise.all([
          m.sources.childProtectionPlansStartedBy(m.asOf),
          m.sources.lookedAfterEpisodesStartedBy(m.asOf),
          m.sources.contacts(monthsBetween(m.period.from, m.period.to)),
          ownAssessments(m, completionMonths(m.period, COMPLETION_LOOKBACK_MONTHS.assessments)),
          m.filter(),
        ]);
        return derive(m, 'monthly', [cpPlans, claEpisodes, contacts, assessments, filter], () =>
          monthlySeries(m.ctx.services.rules, m.period, m.asOf, {
            cpPlans: cpPlans.items,
            claEpisodes: claEpisodes.items,
            contacts: contacts.items,
            assessments: assessments.items,
            ...(filter ? { countsOn: filter.heldOn } : {}),
          }),
        );
      }),
    frontDoor: (m: PerformanceModel) =>
      reporting(async () => {
        const contacts = await m.sources.contacts(monthsBetween(m.period.from, m.period.to));
        const measures = frontDoorMeasures(m.ctx.services.rules, contacts.items, m.period, m.asOf);
        const ratio = (part: number, whole: number) => percent(whole === 0 ? null : part / whole);
        return {
          ...measures,
          byRoute: measures.byRoute.map(({ key, count }) => ({ code: key, count })),
          byRag: measures.byRag.map(({ key, count }) => ({ code: key, count })),
          decidedWithinOneWorkingDayPercent: ratio(measures.decidedWithinOneWorkingDay, measures.decided),
          conversionPercent: ratio(measures.socialCareReferrals, measures.decided),
          // Repeat contacts read every contact's id over two years: only when asked for.
          repeat: once(() => repeatContacts(m)),
        };
      }),
    placementStability: (m: PerformanceModel) =>
      reporting(async () => {
        const on = earlier(m.period.to, m.asOf);
        const [episodes, placements, filter] = await Promise.all([
          m.sources.lookedAfterEpisodesStartedBy(on),
          m.sources.placementsDuring({ from: m.period.from, to: on }),
          m.filter(),
        ]);
        const counted = episodes.items.filter((e) => filter?.heldOn(e.personId, on) ?? true);
        const people = [...new Set(counted.map((e) => e.personId))];
        const loaded = await m.ctx.loaders.lcs.person.loadMany(people);
        const born = new Map<string, string | null>();
        for (const [index, result] of loaded.entries()) {
          if (result instanceof Error) throw new ReportSourceError('lcs', result);
          born.set(people[index]!, result?.value.dateOfBirth ?? null);
        }
        return {
          countedOn: on,
          ...placementStability(counted, placements.items, m.period, m.asOf, (id) => born.get(id) ?? null),
        };
      }),
    childProtection: (m: PerformanceModel) =>
      reporting(async () => {
        const [plans, filter] = await Promise.all([
          m.sources.childProtectionPlansStartedBy(m.asOf),
          m.filter(),
        ]);
        return derive(m, 'childProtection', [plans, filter], () => {
          const measures = childProtectionMeasures(
            m.ctx.services.rules,
            plans.items,
            m.period,
            m.asOf,
            (p) => filter?.heldDuring(p.personId, p.startDate, p.endDate) ?? true,
          );
          return { ...measures, reviews: timeliness(measures.reviews) };
        });
      }),
  },

  Worker: {
    caseloadSummary: async (w: { workerId: string }, args: DueArgs, ctx: HubContext) => {
      if (!(await mayViewWorkerCaseload(ctx, w.workerId))) {
        await recordRefusal(ctx, 'caseloads', ['Worker.caseloadSummary']);
        return null;
      }
      const dueWithinDays = checkDueWithin(args.dueWithinDays);
      const asOf = judgedAt(ctx, args.asOf);
      await recordSummary(ctx, 'Worker.caseloadSummary');
      const involvements = await openInvolvements(() =>
        ctx.loaders.lcs.openInvolvementsByWorker.load(w.workerId),
      );
      return caseloadSummary(ctx, involvements, dueWithinDays, asOf);
    },
    overdueChildren: async (
      w: { workerId: string },
      args: OverdueArgs,
      ctx: HubContext,
      info: GraphQLResolveInfo,
    ) => {
      if (!(await mayViewWorkerCaseload(ctx, w.workerId))) {
        await recordRefusal(ctx, 'caseloads', ['Worker.overdueChildren']);
        return null;
      }
      const involvements = await openInvolvements(() =>
        ctx.loaders.lcs.openInvolvementsByWorker.load(w.workerId),
      );
      return overdueChildrenPage(ctx, involvements, args, info);
    },
  },

  Team: {
    caseloadSummary: async (t: { teamId: string }, args: DueArgs, ctx: HubContext) => {
      if (!mayViewCaseload(ctx, t.teamId, null)) {
        await recordRefusal(ctx, 'caseloads', ['Team.caseloadSummary']);
        return null;
      }
      const dueWithinDays = checkDueWithin(args.dueWithinDays);
      const asOf = judgedAt(ctx, args.asOf);
      await recordSummary(ctx, 'Team.caseloadSummary');
      const involvements = await openInvolvements(() =>
        ctx.loaders.lcs.openInvolvementsByTeam.load(t.teamId),
      );
      return caseloadSummary(ctx, involvements, dueWithinDays, asOf);
    },
    caseloadByWorker: async (t: { teamId: string }, args: DueArgs, ctx: HubContext) => {
      if (!mayViewCaseload(ctx, t.teamId, null)) {
        await recordRefusal(ctx, 'caseloads', ['Team.caseloadByWorker']);
        return null;
      }
      const dueWithinDays = checkDueWithin(args.dueWithinDays);
      const asOf = judgedAt(ctx, args.asOf);
      await recordSummary(ctx, 'Team.caseloadByWorker');
      const involvements = await openInvolvements(() =>
        ctx.loaders.lcs.openInvolvementsByTeam.load(t.teamId),
      );
      const byWorker = new Map<string, CaseloadInvolvement[]>();
      for (const involvement of involvements) {
        const list = byWorker.get(involvement.workerId);
        if (list) list.push(involvement);
        else byWorker.set(involvement.workerId, [involvement]);
      }
      const rows = await Promise.all(
        [...byWorker].map(async ([workerId, list]) => ({
          worker: { workerId },
          summary: await caseloadSummary(ctx, list, dueWithinDays, asOf),
        })),
      );
      return rows
        .filter((row) => row.summary.children > 0)
        .sort(
          (a, b) =>
            b.summary.children - a.summary.children || (a.worker.workerId < b.worker.workerId ? -1 : 1),
        );
    },
    overdueChildren: async (
      t: { teamId: string },
      args: OverdueArgs,
      ctx: HubContext,
      info: GraphQLResolveInfo,
    ) => {
      if (!mayViewCaseload(ctx, t.teamId, null)) {
        await recordRefusal(ctx, 'caseloads', ['Team.overdueChildren']);
        return null;
      }
      const involvements = await openInvolvements(() =>
        ctx.loaders.lcs.openInvolvementsByTeam.load(t.teamId),
      );
      return overdueChildrenPage(ctx, involvements, args, info);
    },
  },

  FrontDoorMeasures: {
    repeatContacts: async (f: { repeat: () => Promise<ReReferralMeasure> }) => (await f.repeat()).reReferrals,
    repeatContactsPercent: async (f: { repeat: () => Promise<ReReferralMeasure> }) =>
      percent((await f.repeat()).ratio),
  },

  OverdueChild: {
    workers: (c: OverdueChild) => c.workerIds.map((workerId) => ({ workerId })),
    name: async (c: OverdueChild & { ctx: HubContext }) => {
      const person = (await c.ctx.loaders.lcs.person.load(c.personId))?.value;
      return person ? { forename: person.forename, surname: person.surname } : null;
    },
  },

  CaseloadEntry: {
    statutory: async (
      e: { involvement: CaseloadInvolvement; ctx: HubContext; asOf: string },
      args: { asOf?: string | null },
    ) => {
      const asOf = args.asOf ? judgedAt(e.ctx, args.asOf) : e.asOf;
      const record = await e.ctx.loaders.lcs.socialCare
        .load(e.involvement.personId)
        .catch((error: unknown) => {
          throw reportError(new ReportSourceError('lcs', error));
        });
      return record ? statutoryPosition(record.value, { rules: e.ctx.services.rules, asOf }) : null;
    },
  },

  SocialCare: {
    statutory: (m: { record: CaseloadRecord; view: ChildView }, args: { asOf?: string | null }) =>
      statutoryPosition(m.record, {
        rules: m.view.ctx.services.rules,
        asOf: judgedAt(m.view.ctx, args.asOf),
      }),
  },
};

/**
 * The last few repeat-contact answers, by what they were computed from (the months' entries, the
 * links, the period and the day judged): two years of contacts take a second to link and count,
 * and the answer is the same until one of those changes.
 */
const repeatAnswers = new WeakMap<object, Map<string, ReReferralMeasure>>();
const REPEAT_ANSWERS_KEPT = 4;

/** Contacts about a child (as the hub links them) who had another in the 12 months before, one per child per day. */
function repeatContacts(m: PerformanceModel): Promise<ReReferralMeasure> {
  return reporting(async () => {
    const ids = await m.sources.contactIds(reReferralMonths(m.period));
    const { directory } = m.ctx.services;
    const key = [m.period.from, m.period.to, m.asOf, directory.generation(), ids.version].join('|');
    let answers = repeatAnswers.get(directory);
    if (!answers) repeatAnswers.set(directory, (answers = new Map()));
    const known = answers.get(key);
    if (known) return known;
    const children: { personId: string; referralDate: string }[] = [];
    for (const [contactId, contactDate] of ids.items) {
      if (contactDate > m.asOf) continue;
      // The hub id alone: building each contact's cluster view cost most of this report.
      const hubId = directory.hubIdOf('frontdoor', contactId);
      if (hubId !== null) children.push({ personId: hubId, referralDate: contactDate });
    }
    const answer = reReferrals(children, m.period);
    answers.set(key, answer);
    if (answers.size > REPEAT_ANSWERS_KEPT) answers.delete(answers.keys().next().value!);
    return answer;
  });
}

/** Assessments started in these months, narrowed to the report's teams (by the assessment's own team). */
async function ownAssessments(
  m: PerformanceModel,
  months: readonly string[],
): Promise<Narrowed<AssessmentFact>> {
  const [facts, filter] = await Promise.all([m.sources.assessments(months), m.filter()]);
  return {
    items: filter ? facts.items.filter((a) => filter.ownsTeam(a.teamId)) : facts.items,
    version: `${facts.version}/${filter?.version ?? '-'}`,
  };
}

/** ICPCs of s47s started in these months, narrowed to children the report's teams held at the strategy discussion. */
async function heldIcpcs(m: PerformanceModel, months: readonly string[]): Promise<Narrowed<IcpcFact>> {
  const [facts, filter] = await Promise.all([m.sources.icpcs(months), m.filter()]);
  return {
    items: filter
      ? facts.items.filter((s) => filter.heldOn(s.personId, s.strategyDiscussionDate))
      : facts.items,
    version: `${facts.version}/${filter?.version ?? '-'}`,
  };
}

/** The worker themself, or a viewer with caseload access to the worker's team. */
async function mayViewWorkerCaseload(ctx: HubContext, workerId: string): Promise<boolean> {
  const worker =
    workerId === ctx.viewer.workerId ? null : await ctx.loaders.lcs.worker.load(workerId).catch(() => null);
  return mayViewCaseload(ctx, worker?.value.teamId ?? null, workerId);
}
