/**
 * worker(id), team(id), me and caseloads. A caseload lists each open case's child with key facts;
 * children hidden from the viewer (restricted records) are left out as if they did not exist.
 * Each caseload page shown is one audit record naming its children (hub ids), and each refusal is
 * recorded; either is durable before the answer leaves, or the answer is refused.
 */
import type { Resolvers } from './types.generated.ts';
import type { GraphQLResolveInfo } from 'graphql';
import type { HubContext } from './context.ts';
import { hubError } from '../src/platform/errors.ts';
import type { Involvement, Team, Worker } from '../src/domain/models/socialCare.ts';
import { paginate, type PageArgs } from './support/connection.ts';
import { mayViewCaseload } from './support/caseloadAccess.ts';
import { recordAccess, recordRefusal, shownIds } from './support/disclosure.ts';
import { computeFlags } from './support/flags.ts';
import { loadAll, loadOne } from './support/systemResult.ts';
import { mergeSocialCare } from './support/socialCareMerge.ts';
import { requestedFields } from './support/selection.ts';
import { isOpenOn } from '../src/domain/reports/index.ts';
import { judgedAt } from './support/asOf.ts';

export type WorkerRef = { workerId: string };
export type TeamRef = { teamId: string };
type CaseloadArgs = PageArgs & { asOf?: string | null };

const WORKER_ID = /^[A-Za-z0-9_-]{1,40}$/;

async function loadWorker(ctx: HubContext, workerId: string): Promise<Worker | null> {
  const result = await loadOne('lcs', () => ctx.loaders.lcs.worker.load(workerId));
  return result?.value ?? null;
}

async function loadTeam(ctx: HubContext, teamId: string): Promise<Team | null> {
  const result = await loadOne('lcs', () => ctx.loaders.lcs.team.load(teamId));
  return result?.value ?? null;
}

const forbidden = () => hubError('FORBIDDEN', 'Caseloads are shown to the worker and their own team only.');

/**
 * Open involvements -> caseload entries, batched: one LCS person batch, one single read per child.
 * The page is recorded (the children on it and the facts asked of them) before it is returned.
 */
async function caseload(
  ctx: HubContext,
  involvements: Involvement[],
  args: CaseloadArgs,
  info: GraphQLResolveInfo,
) {
  const asOf = judgedAt(ctx, args.asOf);
  const open = involvements.filter((i) => isOpenOn(i, asOf));
  const visible = open.flatMap((involvement) => {
    const cluster = ctx.services.directory.resolve(`lcs:${involvement.personId}`);
    return cluster && ctx.services.directory.mayReveal(cluster, ctx.viewer) ? [{ involvement, cluster }] : [];
  });
  visible.sort((a, b) => (a.involvement.startDate < b.involvement.startDate ? 1 : -1));
  const page = paginate(visible, args);
  await recordAccess(ctx, {
    action: 'CASELOAD',
    childIds: shownIds(page.nodes.map(({ cluster }) => cluster.hubId)),
    groups: ['caseloads'],
    fields: [`${info.parentType.name}.${info.fieldName}`, ...requestedFields(info, ['nodes'])],
    decision: 'ALLOWED',
  });
  return {
    ...page,
    nodes: page.nodes.map(({ involvement, cluster }) => ({ involvement, cluster, ctx, asOf })),
  };
}

export type CaseloadEntryModel = Awaited<ReturnType<typeof caseload>>['nodes'][number];

/** worker(id:), and a supergraph's reference to a Worker entity: one access rule, one audit path. */
async function openWorker(ctx: HubContext, id: string, info: GraphQLResolveInfo): Promise<WorkerRef | null> {
  if (!WORKER_ID.test(id)) throw hubError('BAD_USER_INPUT', 'A worker id is letters, digits, - or _.');
  const worker = await loadWorker(ctx, id);
  if (!worker) return null;
  if (!mayViewCaseload(ctx, worker.teamId, worker.workerId)) {
    await recordRefusal(ctx, 'caseloads', ['worker', ...requestedFields(info)]);
    throw forbidden();
  }
  return { workerId: id };
}

/** team(id:), and a supergraph's reference to a Team entity. */
async function openTeam(ctx: HubContext, id: string, info: GraphQLResolveInfo): Promise<TeamRef | null> {
  if (!WORKER_ID.test(id)) throw hubError('BAD_USER_INPUT', 'A team id is letters, digits, - or _.');
  if (!mayViewCaseload(ctx, id, null)) {
    await recordRefusal(ctx, 'caseloads', ['team', ...requestedFields(info)]);
    throw forbidden();
  }
  return (await loadTeam(ctx, id)) ? { teamId: id } : null;
}

export const workforceResolvers: Resolvers = {
  Query: {
    worker: (_: unknown, args: { id: string }, ctx: HubContext, info: GraphQLResolveInfo) =>
      openWorker(ctx, args.id, info),
    team: (_: unknown, args: { id: string }, ctx: HubContext, info: GraphQLResolveInfo) =>
      openTeam(ctx, args.id, info),
    me: (_: unknown, __: unknown, ctx: HubContext) => ({
      userId: ctx.viewer.userId,
      roles: ctx.viewer.roles,
      worker: ctx.viewer.workerId ? { workerId: ctx.viewer.workerId } : null,
      team: ctx.viewer.teamId ? { teamId: ctx.viewer.teamId } : null,
    }),
  },

  Worker: {
    __resolveReference: (ref: { id: string }, ctx: HubContext, info: GraphQLResolveInfo) =>
      openWorker(ctx, ref.id, info),
    id: (w: WorkerRef) => w.workerId,
    name: async (w: WorkerRef, _: unknown, ctx: HubContext) =>
      (await loadWorker(ctx, w.workerId))?.name ?? '',
    jobTitle: async (w: WorkerRef, _: unknown, ctx: HubContext) =>
      (await loadWorker(ctx, w.workerId))?.jobTitle ?? '',
    socialWorkRegistration: async (w: WorkerRef, _: unknown, ctx: HubContext) =>
      (await loadWorker(ctx, w.workerId))?.socialWorkRegistration ?? null,
    agency: async (w: WorkerRef, _: unknown, ctx: HubContext) =>
      (await loadWorker(ctx, w.workerId))?.agency ?? false,
    fte: async (w: WorkerRef, _: unknown, ctx: HubContext) => (await loadWorker(ctx, w.workerId))?.fte ?? 0,
    team: async (w: WorkerRef, _: unknown, ctx: HubContext) => {
      const teamId = (await loadWorker(ctx, w.workerId))?.teamId;
      return teamId ? { teamId } : null;
    },
    caseload: async (w: WorkerRef, args: CaseloadArgs, ctx: HubContext, info: GraphQLResolveInfo) => {
      if (!mayViewCaseload(ctx, (await loadWorker(ctx, w.workerId))?.teamId ?? null, w.workerId)) {
        await recordRefusal(ctx, 'caseloads', ['Worker.caseload']);
        return null;
      }
      const involvements = await loadOne('lcs', () =>
        ctx.loaders.lcs.openInvolvementsByWorker.load(w.workerId),
      );
      return caseload(ctx, involvements?.value ?? [], args, info);
    },
  },

  Team: {
    __resolveReference: (ref: { id: string }, ctx: HubContext, info: GraphQLResolveInfo) =>
      openTeam(ctx, ref.id, info),
    id: (t: TeamRef) => t.teamId,
    name: async (t: TeamRef, _: unknown, ctx: HubContext) => (await loadTeam(ctx, t.teamId))?.name ?? '',
    service: async (t: TeamRef, _: unknown, ctx: HubContext) =>
      (await loadTeam(ctx, t.teamId))?.service ?? '',
    manager: async (t: TeamRef, _: unknown, ctx: HubContext) => {
      const managerId = (await loadTeam(ctx, t.teamId))?.managerWorkerId;
      return managerId ? { workerId: managerId } : null;
    },
    workers: async (t: TeamRef, args: CaseloadArgs, ctx: HubContext) => {
      const workers = await loadOne('lcs', () => ctx.loaders.lcs.workersByTeam.load(t.teamId));
      return paginate(workers?.value ?? [], args, (w) => {
        ctx.loaders.lcs.worker.prime(w.workerId, {
          value: w,
          freshness: workers!.freshness,
          asOf: workers!.asOf,
        });
        return { workerId: w.workerId };
      });
    },
    caseload: async (t: TeamRef, args: CaseloadArgs, ctx: HubContext, info: GraphQLResolveInfo) => {
      if (!mayViewCaseload(ctx, t.teamId, null)) {
        await recordRefusal(ctx, 'caseloads', ['Team.caseload']);
        return null;
      }
      const involvements = await loadOne('lcs', () => ctx.loaders.lcs.openInvolvementsByTeam.load(t.teamId));
      return caseload(ctx, involvements?.value ?? [], args, info);
    },
  },

  CaseloadEntry: {
    childId: (e: CaseloadEntryModel) => e.cluster.hubId,
    caseStatus: (e: CaseloadEntryModel) => e.involvement.caseStatus,
    since: (e: CaseloadEntryModel) => e.involvement.startDate,
    worker: (e: CaseloadEntryModel) => ({ workerId: e.involvement.workerId }),
    name: async (e: CaseloadEntryModel) => {
      const person = (await loadOne('lcs', () => e.ctx.loaders.lcs.person.load(e.involvement.personId)))
        ?.value;
      return person ? { forename: person.forename, surname: person.surname } : null;
    },
    dateOfBirth: async (e: CaseloadEntryModel) =>
      (await loadOne('lcs', () => e.ctx.loaders.lcs.person.load(e.involvement.personId)))?.value
        .dateOfBirth ?? null,
    flags: async (e: CaseloadEntryModel) => {
      const [care, education] = await Promise.all([
        loadAll('lcs', e.cluster.records.lcs, (ids) => e.ctx.loaders.lcs.socialCare.loadMany(ids)),
        loadAll('eyes', e.cluster.records.eyes, (ids) => e.ctx.loaders.eyes.record.loadMany(ids)),
      ]);
      if (care.error) throw care.error;
      return computeFlags(
        e.ctx.today,
        true,
        mergeSocialCare(care.values),
        education.error ? [] : education.values,
      );
    },
  },
};
