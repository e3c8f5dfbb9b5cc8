import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESOLVER_TYPES, generatedResolverTypes } from '../../../scripts/generate-resolver-types.ts';

describe('resolver types generated from the schema', () => {
  it(
    'resolvers/types.generated.ts matches schema/*.graphql and codegen.ts (run npm run codegen)',
    async () => {
      const committed = readFileSync(new URL(`../../../${RESOLVER_TYPES}`, import.meta.url), 'utf8');
      expect(committed).toBe(await generatedResolverTypes());
    },
    // Code generation loads and validates the whole SDL: allow for a busy machine.
    60_000,
  );
});
