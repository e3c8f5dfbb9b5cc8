import { GraphQLScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { domainResolvers, resolvers } from '../../../resolvers/index.ts';
import { unguarded } from '../../../resolvers/support/childFields.ts';

interface Declared {
  type: string;
  /** null for a scalar, which is one value, not a field map. */
  field: string | null;
  resolver: unknown;
}

/** Every (type, field, resolver) a domain map declares. */
const declared: Declared[] = domainResolvers.flatMap((map) =>
  Object.entries(map).flatMap(([type, fields]): Declared[] =>
    fields instanceof GraphQLScalarType
      ? [{ type, field: null, resolver: fields as unknown }]
      : Object.entries(fields as object).map(([field, resolver]) => ({
          type,
          field,
          resolver: resolver as unknown,
        })),
  ),
);

describe('the merged resolver map', () => {
  it('keeps every resolver each domain declares (a type several domains extend is merged, not overwritten)', () => {
    const merged = resolvers as Record<string, unknown>;
    const lost = declared.filter(({ type, field, resolver }) =>
      field === null
        ? merged[type] !== resolver
        : unguarded((merged[type] as Record<string, unknown> | undefined)?.[field]) !== resolver,
    );
    expect(declared.length).toBeGreaterThan(100);
    expect(lost.map(({ type, field }) => `${type}.${field}`)).toEqual([]);
  });

  it('has one owner for each field: no two domains resolve the same field', () => {
    const names = declared.map(({ type, field }) => `${type}.${field ?? ''}`);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });
});
