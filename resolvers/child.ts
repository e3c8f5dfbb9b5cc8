/**
 * Query.child / childByIdentifier / searchChildren and the Child type's own fields. Thin: resolve
 * the id through the directory, decide access, record the audit entry, then read through ChildView.
 */
import type { Resolvers } from './types.generated.ts';
import { CHILD_FIELD_GROUPS, SOURCE_GROUPS } from './support/childFields.ts';
import { SYSTEM_NAMES } from './support/systemResult.ts';
import type { GraphQLResolveInfo } from 'graphql';
import {
  BreakGlassError,
  PurposeError,
  decideChildAccess,
  validatePurpose,
} from '../src/domain/access/index.ts';
import type { ChildFieldGroup } from '../src/domain/access/types.ts';
import type { HubContext } from './context.ts';
import { childNotFound, hubError } from '../src/platform/errors.ts';
import type { ClusterView } from '../src/domain/identity/types.ts';
import { isPermanentUpn as isValidUpn, isValidNhsNumber } from '../src/domain/identity/identifiers.ts';
import { ChildView } from './support/childView.ts';
import { recordAccess, shownIds } from './support/disclosure.ts';
import { computeFlags } from './support/flags.ts';
import { requestedFields } from './support/selection.ts';
import { currentInvolvement, mergeSocialCare } from './support/socialCareMerge.ts';
import { pageSize } from './support/connection.ts';
import type { SystemResult } from './support/systemResult.ts';
import { combineState } from './support/systemResult.ts';

const ID_PATTERN = /^(?:C[A-Z2-7]{6,40}|(?:lcs|eyes|lift|frontdoor):[A-Za-z0-9_-]{1,40})$/;

/** The child an id names, and the id asked for when the register redirected a merged id. */
type Resolved = { cluster: ClusterView | null; redirectedFrom: string | null };

function resolveCluster(ctx: HubContext, id: string): Resolved {
  if (!ID_PATTERN.test(id)) {
    throw hubError('BAD_USER_INPUT', 'A child id is a hub id or a system-qualified id such as lcs:123.');
  }
  const { register, directory } = ctx.services;
  if (register === null) return { cluster: directory.resolve(id), redirectedFrom: null };
  const found = register.lookup(id);
  return { cluster: found?.cluster ?? null, redirectedFrom: found?.redirectedFrom ?? null };
}

/** Decide, audit, and hand back the view; hidden and missing children are the same NOT_FOUND. */
async function openChild(
  ctx: HubContext,
  { cluster, redirectedFrom }: Resolved,
  info: GraphQLResolveInfo,
  args: { purpose?: string | null; breakGlass?: { reasonCode: string; justification: string } | null },
): Promise<ChildView> {
  const { directory } = ctx.services;
  // A merged id answers the child it redirects to; the trail names both, so either finds the record.
  const named = (hubId: string) => (redirectedFrom === null ? {} : { childIds: [redirectedFrom, hubId] });
  // A refused look-up is on the trail too (a restricted record under its hub id, an unknown id as
  // null), and both cost the same audit write, so the two answers stay indistinguishable.
  const notFound = async (hidden: ClusterView | null): Promise<never> => {
    await recordAccess(ctx, {
      childId: hidden?.hubId ?? null,
      ...(hidden ? named(hidden.hubId) : {}),
      action: 'DENY',
      groups: [],
      fields: requestedFields(info),
      decision: 'NOT_FOUND',
    });
    throw childNotFound();
  };
  if (cluster === null) return notFound(null);
  if (!directory.mayReveal(cluster, ctx.viewer)) return notFound(cluster);

  // Involvements decide the relationship; restriction is re-read from the fresh LCS person.
  const fields = requestedFields(info);
  const view = new ChildView(cluster, ctx);
  view.prefetch(fields);
  view.wantAllocation(allocationShown(info));
  const [people, care] = await Promise.all([view.lcsPeople(), view.socialCare()]);
  const restriction =
    people.values.find((p) => p.restriction !== null)?.restriction ?? directory.restrictionOf(cluster);
  const involvements = mergeSocialCare(care.values)?.involvements ?? [];

  let decision;
  try {
    decision = decideChildAccess({
      viewer: ctx.viewer,
      child: {
        restriction,
        involvements: involvements.map((i) => ({
          workerId: i.workerId,
          teamId: i.teamId,
          open: i.endDate === null || i.endDate >= ctx.today,
        })),
      },
      breakGlass: args.breakGlass ?? null,
    });
  } catch (error) {
    if (error instanceof BreakGlassError) throw hubError('BAD_USER_INPUT', error.message);
    throw error;
  }
  if (!decision.visible) return notFound(cluster);

  const requestedGroups = new Set(
    fields.map((f) => CHILD_FIELD_GROUPS[f]).filter((g): g is ChildFieldGroup => g !== undefined),
  );
  const shown = [...requestedGroups].filter((g) => decision.groups.has(g));
  const withheld = [...requestedGroups].filter((g) => !decision.groups.has(g));
  const recordDenial = () =>
    recordAccess(ctx, {
      childId: cluster.hubId,
      ...named(cluster.hubId),
      action: 'DENY',
      groups: withheld,
      fields,
      decision: 'DENIED',
    });
  if (!decision.groups.has('identity.minimal')) {
    await recordDenial();
    throw hubError('FORBIDDEN', 'Your role may not open children’s records.');
  }
  // No access without a trace.
  await recordAccess(ctx, {
    childId: cluster.hubId,
    ...named(cluster.hubId),
    action: decision.alert ? 'BREAK_GLASS' : 'VIEW',
    groups: shown,
    fields,
    ...(args.purpose ? { purpose: args.purpose } : {}),
    ...(decision.breakGlass ? { breakGlass: decision.breakGlass } : {}),
    decision: 'ALLOWED',
  });
  if (withheld.length > 0) await recordDenial();
  return view.decide(decision);
}

const firstPerson = async (child: ChildView) => {
  const [people, pupils] = await Promise.all([child.lcsPeople(), child.pupils()]);
  return { lcs: people.values[0] ?? null, eyes: pupils.values[0] ?? null, people, pupils };
};

/** A search hit: the child's linked records and how well they matched. */
export type SearchHitModel = { cluster: ClusterView; score: number };

export const childResolvers: Resolvers = {
  Query: {
    child: async (
      _: unknown,
      args: {
        id: string;
        purpose?: string | null;
        breakGlass?: { reasonCode: string; justification: string } | null;
      },
      ctx: HubContext,
      info: GraphQLResolveInfo,
    ) => {
      let purpose: string | undefined;
      try {
        purpose = validatePurpose(args.purpose);
      } catch (error) {
        if (error instanceof PurposeError) throw hubError('BAD_USER_INPUT', error.message);
        throw error;
      }
      return openChild(ctx, resolveCluster(ctx, args.id), info, { ...args, purpose });
    },

    childByIdentifier: async (
      _: unknown,
      args: { nhsNumber?: string | null; upn?: string | null },
      ctx: HubContext,
      info: GraphQLResolveInfo,
    ) => {
      const nhs = args.nhsNumber?.replace(/\s+/g, '') || null;
      const upn = args.upn?.trim().toUpperCase() || null;
      if ((nhs === null) === (upn === null))
        throw hubError('BAD_USER_INPUT', 'Give exactly one of nhsNumber or upn.');
      if (nhs !== null && !isValidNhsNumber(nhs))
        throw hubError('BAD_USER_INPUT', 'That NHS number is not valid (check digit).');
      if (upn !== null && !isValidUpn(upn))
        throw hubError('BAD_USER_INPUT', 'That UPN is not valid (check letter).');
      const hit = ctx.services.directory.search({ identifier: nhs ?? upn }, { first: 1 }).items[0];
      return openChild(ctx, { cluster: hit?.cluster ?? null, redirectedFrom: null }, info, {});
    },

    searchChildren: async (
      _: unknown,
      args: {
        name?: string | null;
        dateOfBirth?: string | null;
        postcode?: string | null;
        identifier?: string | null;
        first?: number;
        after?: string | null;
      },
      ctx: HubContext,
    ) => {
      if (!args.name && !args.dateOfBirth && !args.postcode && !args.identifier) {
        throw hubError('BAD_USER_INPUT', 'Give at least one of name, dateOfBirth, postcode or identifier.');
      }
      const first = pageSize(args.first, 50, 20);
      const searched = {
        groups: ['identity.minimal'],
        fields: Object.keys(args).filter(
          (k) => k !== 'first' && k !== 'after' && args[k as keyof typeof args],
        ),
      };
      // Hits carry names and dates of birth: only roles that see minimal identity of any child may search.
      if (
        !decideChildAccess({ viewer: ctx.viewer, child: { restriction: null, involvements: [] } }).groups.has(
          'identity.minimal',
        )
      ) {
        await recordAccess(ctx, { ...searched, action: 'DENY', decision: 'DENIED' });
        throw hubError('FORBIDDEN', 'Your role may not search for children.');
      }
      let page;
      try {
        page = ctx.services.directory.search(args, { first, after: args.after ?? null });
      } catch {
        throw hubError('BAD_USER_INPUT', 'The `after` cursor is not one this API issued.');
      }
      // Which children the search disclosed, by hub id (never their names or the criteria typed).
      await recordAccess(ctx, {
        ...searched,
        childIds: shownIds(page.items.map((hit) => hit.cluster.hubId)),
        action: 'SEARCH',
        decision: 'ALLOWED',
      });
      return {
        nodes: page.items.map((hit) => ({ cluster: hit.cluster, score: hit.score })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      };
    },
  },

  ChildSearchResult: {
    childId: (hit: { cluster: ClusterView }) => hit.cluster.hubId,
    systems: (hit: { cluster: ClusterView }) =>
      (['lcs', 'eyes', 'lift', 'frontdoor'] as const)
        .filter((s) => hit.cluster.records[s].length > 0)
        .map((s) => SYSTEM_NAMES[s]),
    name: async (hit: { cluster: ClusterView }, _: unknown, ctx: HubContext) =>
      ctx.services.directory.displayName(hit.cluster),
    dateOfBirth: (hit: { cluster: ClusterView }, _: unknown, ctx: HubContext) =>
      ctx.services.directory.dateOfBirth(hit.cluster),
  },

  Child: {
    // A supergraph's reference to a Child entity opens the child exactly as child(id:) does:
    // the same access decision, the same audit record, the same NOT_FOUND for a hidden child.
    __resolveReference: (ref: { id: string }, ctx: HubContext, info: GraphQLResolveInfo) =>
      openChild(ctx, resolveCluster(ctx, ref.id), info, {}),
    id: (child: ChildView) => child.hubId,
    name: async (child) => {
      const { lcs, eyes } = await firstPerson(child);
      const source = lcs ?? eyes;
      return source
        ? { forename: source.forename, surname: source.surname }
        : child.ctx.services.directory.displayName(child.cluster);
    },
    aliases: async (child) => {
      const { people, pupils } = await firstPerson(child);
      const names = new Map<string, { forename: string; surname: string }>();
      const add = (forename: string, surname: string) =>
        names.set(`${forename}|${surname}`.toLowerCase(), { forename, surname });
      for (const p of people.values) {
        add(p.forename, p.surname);
        for (const alias of p.aliases) add(p.forename, alias);
      }
      for (const p of pupils.values) {
        add(p.forename, p.surname);
        if (p.preferredSurname) add(p.forename, p.preferredSurname);
      }
      const primary = people.values[0] ?? pupils.values[0];
      if (primary) names.delete(`${primary.forename}|${primary.surname}`.toLowerCase());
      return [...names.values()];
    },
    dateOfBirth: async (child) => {
      const { lcs, eyes } = await firstPerson(child);
      return lcs?.dateOfBirth ?? eyes?.dateOfBirth ?? child.ctx.services.directory.dateOfBirth(child.cluster);
    },
    expectedDateOfBirth: async (child) => (await firstPerson(child)).lcs?.expectedDateOfBirth ?? null,
    sex: async (child) => {
      const { lcs, eyes } = await firstPerson(child);
      return lcs?.sex ?? eyes?.sex ?? null;
    },
    ethnicity: async (child) => {
      const { lcs, eyes } = await firstPerson(child);
      return lcs?.ethnicity ?? eyes?.ethnicity ?? null;
    },
    addresses: async (child) => {
      const { people, pupils } = await firstPerson(child);
      const seen = new Map<
        string,
        { line1: string; town: string; postcode: string; from: string; to: string | null }
      >();
      for (const a of [
        ...people.values.flatMap((p) => p.addresses),
        ...pupils.values.flatMap((p) => p.addresses),
      ]) {
        seen.set(`${a.postcode}|${a.from}`, a);
      }
      return [...seen.values()].sort((a, b) => (a.from < b.from ? 1 : -1));
    },
    identifiers: async (child: ChildView) => {
      const { people, pupils } = await firstPerson(child);
      const r = child.cluster.records;
      const nhs =
        [...people.values, ...pupils.values].map((p) => p.nhsNumber).find((n) => n && isValidNhsNumber(n)) ??
        null;
      const upn =
        [...pupils.values, ...people.values].map((p) => p.upn).find((u) => u && isValidUpn(u)) ?? null;
      return {
        nhsNumber: nhs,
        upn,
        uln: pupils.values.find((p) => p.uln)?.uln ?? null,
        lcsPersonIds: r.lcs,
        eyesPupilIds: r.eyes,
        liftClientRefs: r.lift,
        frontDoorContactIds: r.frontdoor,
      };
    },
    flags: async (child) => {
      const [care, education] = await Promise.all([child.socialCare(), child.educationRecords()]);
      return computeFlags(
        child.ctx.today,
        child.cluster.records.lcs.length > 0,
        mergeSocialCare(care.values),
        education.values,
      );
    },
    sources: async (child: ChildView) =>
      Promise.all(
        Object.values(SYSTEM_NAMES).map(async (system) => {
          if (!SOURCE_GROUPS[system].some((g) => child.can(g)))
            return { system, status: 'RESTRICTED' as const, asOf: null };
          const results = await child.sourceLoads(system);
          const folded = results.reduce(
            (acc, r) =>
              ({ ...acc, ...combineState(acc as SystemResult<unknown>, r) }) as SystemResult<unknown>,
          );
          return { system, status: folded.state, asOf: folded.asOf };
        }),
      ),
    possibleMatches: async (child) => {
      const matches = child.ctx.services.directory.possibleMatches(child.cluster, child.ctx.viewer);
      // Other children shown beside this one: on the trail (by hub id) before they are shown.
      if (matches.length > 0) {
        await recordAccess(child.ctx, {
          childId: child.hubId,
          childIds: shownIds(matches.map((m) => m.hubId)),
          action: 'SEARCH',
          groups: [CHILD_FIELD_GROUPS.possibleMatches!],
          fields: ['possibleMatches'],
          decision: 'ALLOWED',
        });
      }
      return matches.map((m) => ({
        childId: m.hubId,
        score: m.score,
        agreed: m.agreed,
        disagreed: m.disagreed,
      }));
    },
    access: (child: ChildView) => ({
      relationship: child.decision.relationship,
      granted: [...child.decision.groups].sort(),
      withheld: [...child.decision.denied].sort(),
    }),
    socialCareContact: async (child) => {
      const care = await child.socialCare();
      if (care.error) throw care.error;
      const record = mergeSocialCare(care.values);
      const open = currentInvolvement(record, child.ctx.today);
      return {
        knownToSocialCare: child.cluster.records.lcs.length > 0,
        caseStatus: open?.caseStatus ?? null,
        allocatedWorker: open ? { workerId: open.workerId } : null,
        team: open ? { teamId: open.teamId } : null,
      };
    },
  },
};

/** Whether the query shows the allocated worker's or team's own fields (more than their id). */
function allocationShown(info: GraphQLResolveInfo): { worker: boolean; team: boolean } {
  const beyondId = (branch: string, field: string) =>
    requestedFields(info, [branch, field]).some((name) => name !== 'id');
  return {
    worker: beyondId('socialCareContact', 'allocatedWorker') || beyondId('socialCare', 'allocatedWorker'),
    team: beyondId('socialCareContact', 'team') || beyondId('socialCare', 'team'),
  };
}
