/**
 * docs/access-policy.md is what scripts/policy-doc.ts renders from the policy table today, its
 * table shows every role and group at the level the table gives, and its example query is valid
 * against the hub's schema.
 */
import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../../src/server/app.ts';
import { accessLevel } from '../../../src/domain/access/index.ts';
import { FIELD_GROUPS, ROLES } from '../../../src/domain/access/types.ts';
import { resolvers } from '../../../resolvers/index.ts';
import { POLICY_DOC_PATH, renderPolicyDocument } from '../../../scripts/policy-doc.ts';

const doc = readFileSync(POLICY_DOC_PATH, 'utf8');

describe('docs/access-policy.md', () => {
  it('is up to date with the policy table (regenerate: npx tsx scripts/policy-doc.ts)', async () => {
    expect(doc).toBe(await renderPolicyDocument());
  });

  it('shows each role’s level for each field group as the table gives it', () => {
    const header = doc.split('\n').find((line) => line.startsWith('| field group'))!;
    const columns = header.split('|').map((cell) => cell.trim());
    const symbol = { always: '✓', withRelationship: 'R', never: '·' } as const;
    for (const group of FIELD_GROUPS) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${group}\``));
      expect(row, group).toBeDefined();
      const cells = row!.split('|').map((cell) => cell.trim());
      for (const role of ROLES)
        expect(cells[columns.indexOf(role)], `${role}/${group}`).toBe(symbol[accessLevel(role, group)]);
    }
  });

  it('gives an example query that is valid against the schema', () => {
    const block = /```graphql\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never });
    expect(validate(schema, parse(block!)).map((error) => error.message)).toEqual([]);
  });
});
