import {
  NoFragmentCyclesRule,
  MaxIntrospectionDepthRule,
  getIntrospectionQuery,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';

import {
  createHardening,
  estimateCost,
  resolveHardeningSettings,
} from '../../../src/server/hardening/index.ts';
import { defaultOf } from '../../../src/platform/config/schema.ts';
import { schema } from './schema.ts';

// One graphql instance for the hub's code and node_modules (see sameGraphqlRealm.ts).
vi.mock('graphql', async () => (await import('./sameGraphqlRealm.ts')).nodeGraphql());

const hardening = createHardening({ introspection: true });
const closedHardening = createHardening({ introspection: false });

/** Validates the way Apollo does: graphql's specified rules followed by the hub's. */
function validateLikeApollo(source: string, rules = hardening.validationRules): readonly GraphQLError[] {
  return validate(schema, parse(source, hardening.parseOptions), [...specifiedRules, ...rules]);
}

function limitErrors(errors: readonly GraphQLError[]): readonly GraphQLError[] {
  return errors.filter((error) => error.extensions.code === 'QUERY_TOO_COMPLEX');
}

describe('hardening validation rules (graphql-cop style documents)', () => {
  it('accepts an ordinary child query with no errors at all', () => {
    const errors = validateLikeApollo(`
      query ChildSummary($id: ID!) {
        child(id: $id) { id name worker { id team { id } } chronology(first: 10) { edges { node { at summary } } } }
      }`);
    expect(errors).toEqual([]);
  });

  it('accepts the full introspection query GraphiQL sends when introspection is enabled', () => {
    expect(
      validateLikeApollo(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true })),
    ).toEqual([]);
  });

  it('rejects alias overloading (100 aliases) with QUERY_TOO_COMPLEX', () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: __typename`).join(' ');
    const errors = limitErrors(validateLikeApollo(`{ ${aliases} }`));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe('Document has 100 aliases; the maximum is 15.');
  });

  it('accepts aliases up to the limit', () => {
    const aliases = Array.from({ length: 15 }, (_, i) => `a${i}: __typename`).join(' ');
    expect(validateLikeApollo(`{ ${aliases} }`)).toEqual([]);
  });

  it('rejects field duplication (500 copies of one field) with QUERY_TOO_COMPLEX', () => {
    const fields = Array.from({ length: 500 }, () => '__typename').join(' ');
    const errors = limitErrors(validateLikeApollo(`{ ${fields} }`));
    expect(errors.map((error) => error.message)).toEqual([
      'A selection set repeats one field 500 times; the maximum is 3.',
    ]);
  });

  it('counts duplicates after inline fragments and fragment spreads are expanded', () => {
    const inline = Array.from({ length: 4 }, () => '... { __typename }').join(' ');
    expect(limitErrors(validateLikeApollo(`{ ${inline} }`)).map((error) => error.message)).toEqual([
      'A selection set repeats one field 4 times; the maximum is 3.',
    ]);
    const named = `{ __typename ...A ...B } fragment A on Query { __typename ... { __typename } } fragment B on Query { __typename }`;
    expect(limitErrors(validateLikeApollo(named)).map((error) => error.message)).toEqual([
      'A selection set repeats one field 4 times; the maximum is 3.',
    ]);
    expect(
      limitErrors(
        validateLikeApollo(`{ __typename ... { __typename } ...A } fragment A on Query { __typename }`),
      ),
    ).toEqual([]);
  });

  it('expands nested fragments once each, however often they are spread', () => {
    // F0 spreads F1 twice, F1 spreads F2 twice, ...: 2^40 copies of __typename, counted in 40 steps.
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Query { __typename }`
        : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    ).join(' ');
    const errors = limitErrors(validateLikeApollo(`{ ...F0 } ${fragments}`));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^A selection set repeats one field \d+ times; the maximum is 3\.$/);
  });

  it('rejects directive overloading with QUERY_TOO_COMPLEX', () => {
    const directives = Array.from({ length: 50 }, () => '@include(if: true)').join(' ');
    const errors = limitErrors(validateLikeApollo(`{ __typename ${directives} }`));
    expect(errors.map((error) => error.message)).toEqual(['Document has 50 directives; the maximum is 10.']);
  });

  it('rejects a query nested deeper than maxDepth, counting through fragments', () => {
    // nested(n) is n levels of siblings above an id: depth n + 1, plus one for child.
    const nested = (levels: number): string => (levels === 0 ? 'id' : `siblings { ${nested(levels - 1)} }`);
    expect(limitErrors(validateLikeApollo(`{ child(id: "1") { ${nested(10)} } }`))).toEqual([]);
    const errors = limitErrors(
      validateLikeApollo(`{ child(id: "1") { ...Deep } } fragment Deep on Child { ${nested(11)} }`),
    );
    expect(errors.map((error) => error.message)).toEqual(['Query depth 13 exceeds the maximum of 12.']);
  });

  it('relies on graphql NoFragmentCyclesRule, which Apollo always runs, to reject circular fragments', () => {
    expect(specifiedRules).toContain(NoFragmentCyclesRule);
    const errors = validateLikeApollo(`
      { child(id: "1") { ...A } }
      fragment A on Child { siblings { ...B } }
      fragment B on Child { siblings { ...A } }`);
    expect(errors.some((error) => /Cannot spread fragment "A" within itself/.test(error.message))).toBe(true);
  });

  it('rejects the circular introspection query through graphql MaxIntrospectionDepthRule', () => {
    expect(specifiedRules).toContain(MaxIntrospectionDepthRule);
    const errors = validateLikeApollo(
      '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }',
    );
    expect(errors.map((error) => error.message)).toContain('Maximum introspection depth exceeded');
  });

  it('rejects introspection when it is disabled, and allows __typename', () => {
    const errors = validateLikeApollo('{ __schema { queryType { name } } }', closedHardening.validationRules);
    expect(errors.some((error) => /introspection/i.test(error.message))).toBe(true);
    expect(validateLikeApollo('{ __typename }', closedHardening.validationRules)).toEqual([]);
  });

  it('stops parsing a document with more tokens than the configured default (GRAPHQL_MAX_TOKENS)', () => {
    const maxTokens = defaultOf('GRAPHQL_MAX_TOKENS');
    const fields = Array.from({ length: maxTokens }, (_, i) => `f${i}: __typename`).join(' ');
    expect(() => parse(`{ ${fields} }`, hardening.parseOptions)).toThrow(
      new RegExp(`Document contains more tha[nt] ${maxTokens} tokens`),
    );
  });
});

describe('static cost', () => {
  const settings = resolveHardeningSettings({ introspection: true });
  const cost = (source: string, variables?: Record<string, unknown>) =>
    estimateCost({ schema, document: parse(source), variables: variables ?? null, settings });

  it('counts each field once and multiplies a paged field by its first argument, not again by its edges', () => {
    // child: 1 + id: 1 + chronology: 5 × (1 + edges: (1 + node: (1 + at: 1)))
    expect(cost('{ child(id: "1") { id chronology(first: 5) { edges { node { at } } } } }')).toBe(
      1 + 1 + 5 * 4,
    );
  });

  it('multiplies a list field without a paging argument by the default list size', () => {
    expect(cost('{ child(id: "1") { siblings { id } } }')).toBe(1 + 20 * 2);
  });

  it('reads the page size from the request variables, so first: $n cannot hide a huge page', () => {
    const source = 'query Search($n: Int) { searchChildren(first: $n) { id } }';
    expect(cost(source, { n: 10 })).toBe(10 * 2);
    expect(cost(source, { n: 100_000 })).toBe(100_000 * 2);
    expect(cost(source)).toBe(20 * 2);
  });

  it('prices a re-used fragment without exponential blow-up and multiplies nested lists', () => {
    const source = `
      { searchChildren(first: 50) { ...Family } }
      fragment Family on Child { siblings { ...Names siblings { ...Names } } }
      fragment Names on Child { id name }`;
    // searchChildren: 50 × (1 + siblings: 20 × (1 + 2 + siblings: 20 × (1 + 2)))
    expect(cost(source)).toBe(50 * (1 + 20 * (1 + 2 + 20 * 3)));
  });
});
