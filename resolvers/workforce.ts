/**
 * worker(id), team(id), me and caseloads. A caseload lists each open case's child with key facts;
 * children hidden from the viewer (restricted records) are left out as if they did not exist.
 * Each caseload page shown is one audit record naming its children (hub ids), and each refusal is
 * recorded; either is durable before the answer leaves, or the answer is refused.
 */
import type { ChildFlags, PersonName, Resolvers } from './types.generated.ts';
import type { GraphQLResolveInfo } from 'graphql';
import type { HubContext } from './context.ts';
import { hubError } from '../src/platform/errors.ts';
import type { Involvement, Team, Worker } from '../src/domain/models/socialCare.ts';
import type { ClusterView } from '../src/domain/identity/types.ts';
import { paginate, type PageArgs } from './support/connection.ts';
import { mayViewCaseload } from './support/caseloadAccess.ts';
import { recordAccess, recordRefusal, shownIds } from './support/disclosure.ts';
import { computeFlags } from './support/flags.ts';
import { loadKeyGroups, loadOne, toBranchError } from './support/systemResult.ts';
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
 * Open involvements -> caseload entries, batched: one LCS person batch, one batch per record
 * resource, for the whole page. The page is recorded (the children on it and the facts asked of
 * them) before anything about them is read or returned.
 */
async function caseload(
  ctx: HubContext,
  involvements: Involvement[],
  args: CaseloadArgs,
  info: GraphQLResolveInfo,
) {
  const asOf = judgedAt(ctx, args.asOf);
  const { directory } = ctx.services;
  // One pass over every open case of the team (hundreds for a busy one), not one per page.
  const visible: { involvement: Involvement; cluster: ClusterView }[] = [];
  for (const involvement of involvements) {
    if (!isOpenOn(involvement, asOf)) continue;
    const cluster = directory.resolve(`lcs:${involvement.personId}`);
    if (cluster && directory.mayReveal(cluster, ctx.viewer)) visible.push({ involvement, cluster });
  }
  visible.sort((a, b) => (a.involvement.startDate < b.involvement.startDate ? 1 : -1));
  const page = paginate(visible, args);
  const asked = requestedFields(info, ['nodes']);
  await recordAccess(ctx, {
    action: 'CASELOAD',
    childIds: shownIds(page.nodes.map(({ cluster }) => cluster.hubId)),
    groups: ['caseloads'],
    fields: [`${info.parentType.name}.${info.fieldName}`, ...asked],
    decision: 'ALLOWED',
  });
  const nodes = page.nodes.map(({ involvement, cluster }) => caseloadEntry(ctx, involvement, cluster, asOf));
  await readPageFacts(ctx, nodes, asked);
  return { ...page, nodes };
}

/**
 * One caseload entry. Its facts are plain properties the executor reads without calling a
 * resolver: a resolver call costs graphql-jit a resolve info, a response path and two callbacks,
 * and a caseload page made fifty of each per field (with the resolvers' own promises, about 650 KB
 * allocated a page, by V8's sampling heap profiler). `name`, `dateOfBirth` and `flags` are read by
 * `readPageFacts` when the query asks for them; an Error there is that entry's field error.
 */
function caseloadEntry(ctx: HubContext, involvement: Involvement, cluster: ClusterView, asOf: string) {
  return {
    childId: cluster.hubId,
    caseStatus: involvement.caseStatus,
    since: involvement.startDate,
    involvement,
    cluster,
    ctx,
    asOf,
    name: undefined as PersonName | null | Error | undefined,
    dateOfBirth: undefined as string | null | Error | undefined,
    flags: undefined as ChildFlags | Error | undefined,
  };
}

/**
 * The page's names, dates of birth and flags, each read once for the whole page and only if asked:
 * the LCS person (name, date of birth); the LCS social-care records and EYES records (flags; an
 * EYES failure leaves the education flags false, an LCS one fails that entry's flags).
 */
async function readPageFacts(
  ctx: HubContext,
  entries: readonly CaseloadEntryModel[],
  asked: readonly string[],
): Promise<void> {
  if (entries.length === 0) return;
  const wantsPerson = asked.includes('name') || asked.includes('dateOfBirth');
  const wantsFlags = asked.includes('flags');
  const { lcs, eyes } = ctx.loaders;
  const [people, care, education] = await Promise.all([
    wantsPerson ? lcs.person.loadMany(entries.map((e) => e.involvement.personId)) : null,
    wantsFlags
      ? loadKeyGroups(
          'lcs',
          entries.map((e) => e.cluster.records.lcs),
          lcs.socialCare,
        )
      : null,
    wantsFlags
      ? loadKeyGroups(
          'eyes',
          entries.map((e) => e.cluster.records.eyes),
          eyes.record,
        )
      : null,
  ]);
  entries.forEach((entry, i) => {
    if (people) {
      const read = people[i];
      const person = read instanceof Error ? toBranchError('lcs', read).error : (read?.value ?? null);
      if (person instanceof Error || person === null) {
        entry.name = entry.dateOfBirth = person;
      } else {
        entry.name = { forename: person.forename, surname: person.surname };
        entry.dateOfBirth = person.dateOfBirth;
      }
    }
    if (care && education) {
      const records = care[i]!;
      const schooling = education[i]!;
      entry.flags =
        records.error ??
        computeFlags(
          ctx.today,
          true,
          mergeSocialCare(records.values),
          schooling.error ? [] : schooling.values,
        );
    }
  });
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
    // childId, caseStatus, since, name, dateOfBirth and flags are properties of the entry (see caseloadEntry).
    worker: (e: CaseloadEntryModel) => ({ workerId: e.involvement.workerId }),
  },
};
