/**
 * worker(id), team(id), me and caseloads. A caseload lists each open case's child with key facts;
 * children hidden from the viewer (restricted records) are left out as if they did not exist.
 */
import type { HubContext } from '../src/context.ts';
import { hubError } from '../src/errors.ts';
import type { LcsInvolvement, LcsTeam, LcsWorker } from '../connectors/lcs/types.ts';
import { paginate } from './support/connection.ts';
import { mayViewCaseload } from './support/caseloadAccess.ts';
import { computeFlags } from './support/flags.ts';
import { loadAll, loadOne } from './support/systemResult.ts';
import { mergeSocialCare } from './support/socialCareMerge.ts';

type WorkerRef = { workerId: string };
type TeamRef = { teamId: string };
type PageArgs = { first?: number | null; after?: string | null };

const WORKER_ID = /^[A-Za-z0-9_-]{1,40}$/;

async function loadWorker(ctx: HubContext, workerId: string): Promise<LcsWorker | null> {
  const result = await loadOne('lcs', () => ctx.loaders.lcs.worker.load(workerId));
  return result?.value ?? null;
}

async function loadTeam(ctx: HubContext, teamId: string): Promise<LcsTeam | null> {
  const result = await loadOne('lcs', () => ctx.loaders.lcs.team.load(teamId));
  return result?.value ?? null;
}

const forbidden = () => hubError('FORBIDDEN', 'Caseloads are shown to the worker and their own team only.');

/** Open involvements -> caseload entries, batched: one LCS person batch, one single read per child. */
async function caseload(ctx: HubContext, involvements: LcsInvolvement[], args: PageArgs) {
  const open = involvements.filter((i) => i.endDate === null || i.endDate >= ctx.today);
  const visible = open.flatMap((involvement) => {
    const cluster = ctx.services.directory.resolve(`lcs:${involvement.personId}`);
    return cluster && ctx.services.directory.mayReveal(cluster, ctx.viewer) ? [{ involvement, cluster }] : [];
  });
  visible.sort((a, b) => (a.involvement.startDate < b.involvement.startDate ? 1 : -1));
  const page = paginate(visible, args);
  return {
    ...page,
    nodes: page.nodes.map(({ involvement, cluster }) => ({ involvement, cluster, ctx })),
  };
}

type Entry = Awaited<ReturnType<typeof caseload>>['nodes'][number];

export const workforceResolvers = {
  Query: {
    worker: async (_: unknown, args: { id: string }, ctx: HubContext) => {
      if (!WORKER_ID.test(args.id))
        throw hubError('BAD_USER_INPUT', 'A worker id is letters, digits, - or _.');
      const worker = await loadWorker(ctx, args.id);
      if (!worker) return null;
      if (!mayViewCaseload(ctx, worker.teamId, worker.workerId)) throw forbidden();
      return { workerId: args.id };
    },
    team: async (_: unknown, args: { id: string }, ctx: HubContext) => {
      if (!WORKER_ID.test(args.id)) throw hubError('BAD_USER_INPUT', 'A team id is letters, digits, - or _.');
      if (!mayViewCaseload(ctx, args.id, null)) throw forbidden();
      return (await loadTeam(ctx, args.id)) ? { teamId: args.id } : null;
    },
    me: (_: unknown, __: unknown, ctx: HubContext) => ({
      userId: ctx.viewer.userId,
      roles: ctx.viewer.roles,
      worker: ctx.viewer.workerId ? { workerId: ctx.viewer.workerId } : null,
      team: ctx.viewer.teamId ? { teamId: ctx.viewer.teamId } : null,
    }),
  },

  Worker: {
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
    caseload: async (w: WorkerRef, args: PageArgs, ctx: HubContext) => {
      if (!mayViewCaseload(ctx, (await loadWorker(ctx, w.workerId))?.teamId ?? null, w.workerId)) return null;
      const involvements = await loadOne('lcs', () =>
        ctx.loaders.lcs.openInvolvementsByWorker.load(w.workerId),
      );
      return caseload(ctx, involvements?.value ?? [], args);
    },
  },

  Team: {
    id: (t: TeamRef) => t.teamId,
    name: async (t: TeamRef, _: unknown, ctx: HubContext) => (await loadTeam(ctx, t.teamId))?.name ?? '',
    service: async (t: TeamRef, _: unknown, ctx: HubContext) =>
      (await loadTeam(ctx, t.teamId))?.service ?? '',
    manager: async (t: TeamRef, _: unknown, ctx: HubContext) => {
      const managerId = (await loadTeam(ctx, t.teamId))?.managerWorkerId;
      return managerId ? { workerId: managerId } : null;
    },
    workers: async (t: TeamRef, args: PageArgs, ctx: HubContext) => {
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
    caseload: async (t: TeamRef, args: PageArgs, ctx: HubContext) => {
      if (!mayViewCaseload(ctx, t.teamId, null)) return null;
      const involvements = await loadOne('lcs', () => ctx.loaders.lcs.openInvolvementsByTeam.load(t.teamId));
      return caseload(ctx, involvements?.value ?? [], args);
    },
  },

  CaseloadEntry: {
    childId: (e: Entry) => e.cluster.hubId,
    caseStatus: (e: Entry) => e.involvement.caseStatus,
    since: (e: Entry) => e.involvement.startDate,
    worker: (e: Entry) => ({ workerId: e.involvement.workerId }),
    name: async (e: Entry) => {
      const person = (await loadOne('lcs', () => e.ctx.loaders.lcs.person.load(e.involvement.personId)))
        ?.value;
      return person ? { forename: person.forename, surname: person.surname } : null;
    },
    dateOfBirth: async (e: Entry) =>
      (await loadOne('lcs', () => e.ctx.loaders.lcs.person.load(e.involvement.personId)))?.value
        .dateOfBirth ?? null,
    flags: async (e: Entry) => {
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
