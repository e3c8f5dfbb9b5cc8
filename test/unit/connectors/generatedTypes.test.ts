import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedTypes } from '../../../scripts/generate-connector-types.ts';

describe('connector types generated from the published contracts', () => {
  it.each(['lcs', 'eyes', 'lift', 'frontdoor'])(
    '%s types match its OpenAPI document (run npm run contracts:types)',
    async (system) => {
      const committed = readFileSync(
        new URL(`../../../connectors/${system}/types.generated.ts`, import.meta.url),
        'utf8',
      );
      expect(committed).toBe(await generatedTypes(system));
    },
  );
});
