import { readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../../src/server/app.ts';
import { EXAMPLE_QUERY } from '../../../src/server/http/exampleQuery.ts';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('the README’s example queries', () => {
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs() });

  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((text) => [text.split('\n')[0], text]))(
    '%s is valid against the schema',
    (_name, text) => {
      expect(validate(schema, parse(text)).map((e) => e.message)).toEqual([]);
    },
  );

  it('the example npm start prints and GraphiQL opens with is valid against the schema', () => {
    expect(validate(schema, parse(EXAMPLE_QUERY)).map((e) => e.message)).toEqual([]);
  });
});
