import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  generatedSchemas,
  generatedTypes,
  schemasFromContract,
  type JsonSchema,
  type OpenApiDocument,
} from '../../../scripts/generate-connector-types.ts';

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

describe('the runtime schemas generator', () => {
  const contract = (schemas: Record<string, JsonSchema>): OpenApiDocument => ({
    paths: {
      '/things': {
        get: {
          responses: {
            '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
            default: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          },
        },
      },
    },
    components: { schemas: { Error: { type: 'object', properties: {} }, ...schemas } },
  });

  it('stops at a keyword it cannot check, so no constraint of a contract goes unchecked', () => {
    const thing = {
      type: 'object',
      properties: { name: { type: 'string', minLength: 1 } },
      required: ['name'],
    };
    expect(() => schemasFromContract('test', contract({ Thing: thing }))).toThrow(/minLength/);
  });

  it('declares what a success answer uses, used schemas first, optional properties as optional, and no error body', () => {
    const text = schemasFromContract(
      'test',
      contract({
        Thing: {
          type: 'object',
          properties: { part: { $ref: '#/components/schemas/Part' }, note: { type: 'string' } },
          required: ['part'],
          additionalProperties: false,
        },
        Part: { type: 'string', enum: ['A', 'B'] },
      }),
    );
    expect(text.indexOf('export const Part')).toBeLessThan(text.indexOf('export const Thing'));
    expect(text).toContain('part: Part,');
    expect(text).toContain('note: Type.Optional(Type.String()),');
    expect(text).toContain("Type.Union([Type.Literal('A'), Type.Literal('B')])");
    expect(text).not.toContain('export const Error');
  });
});
