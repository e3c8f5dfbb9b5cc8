import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedSchemas, generatedTypes } from '../../../scripts/generate-connector-types.ts';

const committed = (system: string, file: string) =>
  readFileSync(new URL(`../../../connectors/${system}/${file}`, import.meta.url), 'utf8');

describe('connector types and schemas generated from the published contracts', () => {
  it.each(['lcs', 'eyes', 'lift', 'frontdoor'])(
    '%s types match its OpenAPI document (run npm run contracts:types)',
    async (system) => {
      expect(committed(system, 'types.generated.ts')).toBe(await generatedTypes(system));
    },
  );

  it.each(['lcs', 'eyes', 'lift', 'frontdoor'])(
    '%s runtime schemas match its OpenAPI document (run npm run contracts:types)',
    (system) => {
      expect(committed(system, 'schemas.generated.ts')).toBe(generatedSchemas(system));
    },
  );
});
