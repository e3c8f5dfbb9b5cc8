/**
 * A Child field's meaning is declared once, by its @access directive in schema/. These tests read
 * the SDL on their own (graphql-js's schema, not the hub's reader) and check that every Child field
 * declares a group and that each table the hub derives from the SDL says what the SDL says.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { Kind, print, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CHILD_FIELD_GROUPS as POLICY_GROUPS } from '../../../src/domain/access/types.ts';
import {
  CHILD_FIELDS,
  CHILD_FIELD_GROUPS,
  SOURCE_GROUPS,
  childFieldsOf,
} from '../../../resolvers/support/childFields.ts';
import { ChildView } from '../../../resolvers/support/childView.ts';
import { loadTypeDefs, readSchemaFiles } from '../../../resolvers/support/sdl.ts';
import { resolvers } from '../../../resolvers/index.ts';
import type { HubContext } from '../../../resolvers/context.ts';
import type { ClusterView } from '../../../src/domain/identity/types.ts';

/** Every Child field's @access arguments, as graphql-js parsed them (definition and extensions). */
function declaredInSdl(): Map<string, Record<string, unknown>> {
  const schema = makeExecutableSchema({ typeDefs: readSchemaFiles() });
  const fields = (schema.getType('Child') as GraphQLObjectType).getFields();
  const declared = new Map<string, Record<string, unknown>>();
  for (const [name, field] of Object.entries(fields)) {
    const access = field.astNode?.directives?.find((d) => d.name.value === 'access');
    if (!access) continue;
    const args: Record<string, unknown> = {};
    for (const arg of access.arguments ?? []) {
      const v = arg.value;
      args[arg.name.value] =
        v.kind === Kind.LIST
          ? v.values.map((x) => (x.kind === Kind.ENUM ? x.value : print(x)))
          : 'value' in v
            ? v.value
            : null;
    }
    declared.set(name, args);
  }
  return declared;
}

describe('a Child field declares its access group and its system once, in the SDL', () => {
  const schema = makeExecutableSchema({ typeDefs: readSchemaFiles() });
  const childFields = Object.keys((schema.getType('Child') as GraphQLObjectType).getFields());
  const declared = declaredInSdl();

  it('every Child field, in every schema file that extends Child, carries @access with a policy group', () => {
    expect(childFields.length).toBeGreaterThan(15);
    expect(childFields.filter((f) => !declared.has(f))).toEqual([]);
    const known = new Set<string>([...POLICY_GROUPS, 'open']);
    expect([...declared].filter(([, a]) => !known.has(a.group as string)).map(([f]) => f)).toEqual([]);
  });

  it('the field -> group table the hub enforces and audits is the SDL’s', () => {
    const fromSdl = Object.fromEntries(
      [...declared].filter(([, a]) => a.group !== 'open').map(([f, a]) => [f, a.group]),
    );
    expect(CHILD_FIELD_GROUPS).toEqual(fromSdl);
    expect(CHILD_FIELD_GROUPS.socialCare).toBe('socialCare.detail');
    expect(CHILD_FIELD_GROUPS.id).toBeUndefined();
  });

  it('the systems Child.sources reports, and the groups that show each, are the SDL’s sources', () => {
    const fromSdl: Record<string, string[]> = { LCS: [], EYES: [], LIFT: [], FRONTDOOR: [] };
    for (const a of declared.values())
      if (typeof a.source === 'string' && !fromSdl[a.source]!.includes(a.group as string))
        fromSdl[a.source]!.push(a.group as string);
    expect(SOURCE_GROUPS).toEqual(fromSdl);
    expect(SOURCE_GROUPS.LIFT).toEqual(['finance']);
  });

  it('what each field reads is its source, or the systems a joined field names', () => {
    for (const [field, a] of declared) {
      const reads = typeof a.source === 'string' ? [a.source] : ((a.reads as string[] | undefined) ?? []);
      expect(CHILD_FIELDS.get(field)?.reads, field).toEqual(reads);
    }
  });

  it('a Child field without @access, with an unknown group, or with both source and reads stops start-up', () => {
    const base = readSchemaFiles();
    expect(() => childFieldsOf([...base, 'extend type Child { pathwayPlan: String }'])).toThrow(
      /Child\.pathwayPlan declares no @access/,
    );
    expect(() =>
      childFieldsOf([...base, 'extend type Child { pathwayPlan: String @access(group: "careLeavers") }']),
    ).toThrow(/Child\.pathwayPlan: @access group must be one of/);
    expect(() =>
      childFieldsOf([
        ...base,
        'extend type Child { pathwayPlan: String @access(group: "socialCare.cla", source: LCS, reads: [LCS]) }',
      ]),
    ).toThrow(/source or reads, not both/);
    const added = childFieldsOf([
      ...base,
      'extend type Child { pathwayPlan: String @access(group: "socialCare.cla", source: LCS) }',
    ]);
    expect(added.get('pathwayPlan')).toEqual({ group: 'socialCare.cla', source: 'LCS', reads: ['LCS'] });
  });

  it('the published schema carries no @access (introspection, GraphiQL and the subgraph SDL never see it)', () => {
    const published = loadTypeDefs().join('\n');
    expect(published).not.toMatch(/@access|directive @access/);
    expect(readSchemaFiles().join('\n')).toMatch(/@access\(group:/);
  });
});

describe('what the hub derives from the declarations', () => {
  /** A child whose every group is withheld and any read of which fails the test. */
  const withheldChild = new Proxy(
    { can: () => false },
    {
      get: (target, key) => {
        if (key === 'can') return target.can;
        throw new Error(`a withheld field read ${String(key)}`);
      },
    },
  );

  it('every grouped Child field resolves to null, reading nothing, when its group is withheld', async () => {
    const child = resolvers.Child as Record<string, (...args: unknown[]) => unknown>;
    const grouped = Object.keys(CHILD_FIELD_GROUPS);
    expect(grouped.filter((f) => typeof child[f] !== 'function')).toEqual([]);
    for (const field of grouped) expect(await child[field]!(withheldChild, {}, {}, {}), field).toBeNull();
  });

  it('ChildView.prefetch starts the loads of the systems each requested field reads, and no others', () => {
    const started: string[] = [];
    const loader = (name: string) => ({
      loadMany: (keys: readonly string[]) => {
        started.push(name);
        return Promise.resolve(keys.map(() => null));
      },
    });
    const ctx = {
      loaders: {
        lcs: { person: loader('lcs.person'), socialCare: loader('lcs.socialCare') },
        eyes: { pupil: loader('eyes.pupil'), record: loader('eyes.record') },
        lift: {
          agreementsByClient: loader('lift.agreements'),
          paymentsByClient: loader('lift.payments'),
          sendCostsByPupil: loader('lift.sendCosts'),
        },
        frontdoor: { contact: loader('frontdoor.contact') },
      },
    } as unknown as HubContext;
    const cluster = { hubId: 'C1', records: { lcs: ['1'], eyes: ['P1'], lift: ['CL1'], frontdoor: ['FD1'] } };
    const prefetched = (fields: string[]) => {
      started.length = 0;
      new ChildView(cluster as unknown as ClusterView, ctx).prefetch(fields);
      return [...started].sort();
    };
    expect(prefetched(['finance'])).toEqual(['lift.agreements', 'lift.payments']);
    expect(prefetched(['name', 'dateOfBirth'])).toEqual(['eyes.pupil', 'lcs.person']);
    expect(prefetched(['frontDoor', 'id', 'access'])).toEqual(['frontdoor.contact']);
    expect(prefetched(['education', 'flags'])).toEqual(['eyes.record', 'lcs.socialCare']);
    expect(prefetched(['sources'])).toEqual([
      'eyes.record',
      'frontdoor.contact',
      'lcs.socialCare',
      'lift.agreements',
      'lift.payments',
    ]);
  });
});
