import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { contractPath } from '../../../simulators/contracts/build.ts';
import {
  buildOpenApiDocument,
  CONTRACTS,
  renderOpenApiDocument,
  SYSTEMS,
} from '../../../simulators/contracts/openapi.ts';

describe('published OpenAPI contracts', () => {
  it.each(SYSTEMS)('contracts/%s.openapi.json is exactly what `npm run contracts` builds', async (system) => {
    const committed = await readFile(contractPath(system), 'utf8');
    expect(committed).toBe(renderOpenApiDocument(system));
  });

  it.each(SYSTEMS)('%s: every route listed in the contract is documented with its parameters', (system) => {
    const doc = buildOpenApiDocument(CONTRACTS[system]) as {
      paths: Record<string, { get: { parameters: { name: string }[] } }>;
    };
    for (const route of CONTRACTS[system].routes) {
      const op = doc.paths[route.path]?.get;
      expect(op, route.path).toBeDefined();
      expect(op?.parameters.map((p) => p.name)).toEqual(route.params.map((p) => p.name));
    }
  });

  it.each(SYSTEMS)(
    '%s: every $ref resolves and every component schema compiles as JSON Schema 2020-12',
    (system) => {
      const doc = buildOpenApiDocument(CONTRACTS[system]) as {
        components: { schemas: Record<string, unknown> };
      };
      const text = JSON.stringify(doc);
      for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
        expect(doc.components.schemas, `unresolved $ref ${name}`).toHaveProperty(name as string);
      }
      expect(text).not.toContain('"$id"');
      const ajv = new Ajv2020({ strict: false, validateFormats: false });
      ajv.addSchema({ $id: 'doc', components: doc.components });
      const everyComponent = Object.keys(doc.components.schemas).map((name) => ({
        $ref: `doc#/components/schemas/${name}`,
      }));
      expect(() => ajv.compile({ anyOf: everyComponent })).not.toThrow();
    },
  );
});
