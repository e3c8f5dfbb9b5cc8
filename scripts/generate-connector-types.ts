/**
 * Generates each connector's upstream types and runtime schemas from the system's published OpenAPI
 * document (contracts/<system>.openapi.json):
 *   connectors/<system>/types.generated.ts   the TypeScript types (openapi-typescript)
 *   connectors/<system>/schemas.generated.ts TypeBox schemas of the success payloads, which the
 *                                            connector compiles and checks every answer against
 * Neither is ever hand-copied: when a contract changes, run `npm run contracts:types`.
 * With --check, exits 1 if any generated file is out of date (CI and the test suite use it).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const SYSTEMS = ['lcs', 'eyes', 'lift', 'frontdoor'] as const;
const root = resolve(import.meta.dirname, '..');

const header = (system: string) =>
  `/* Generated from contracts/${system}.openapi.json by \`npm run contracts:types\`. Do not edit. */\n`;

function contractOf(system: string): OpenApiDocument {
  return JSON.parse(
    readFileSync(resolve(root, 'contracts', `${system}.openapi.json`), 'utf8'),
  ) as OpenApiDocument;
}

export async function generatedTypes(system: string): Promise<string> {
  const ast = await openapiTS(contractOf(system) as never);
  return `${header(system)}${astToString(ast)}`;
}

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: (string | number | boolean)[];
  $ref?: string;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  [keyword: string]: unknown;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }>
  >;
  components: { schemas: Record<string, JsonSchema> };
}

/**
 * Keywords the TypeBox rendering understands. Anything else in a contract stops the generator, so
 * a new constraint is never silently left unchecked. `description`, `title` and `$id` only
 * document; `additionalProperties` is dropped on purpose (tolerant reader: a system that adds a
 * field has not broken anything the hub reads, and must not take the child's answer down).
 */
const CHECKED = new Set([
  'type',
  'properties',
  'required',
  'items',
  'anyOf',
  'oneOf',
  'enum',
  '$ref',
  'format',
  'pattern',
  'minimum',
  'maximum',
]);
const IGNORED = new Set(['description', 'title', '$id', 'additionalProperties']);

const REF_PREFIX = '#/components/schemas/';
const refName = (ref: string): string => {
  if (!ref.startsWith(REF_PREFIX)) throw new Error(`unsupported $ref ${ref}`);
  return ref.slice(REF_PREFIX.length);
};

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const literal = (value: unknown): string =>
  typeof value === 'string'
    ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
    : JSON.stringify(value);
const key = (name: string): string => (IDENTIFIER.test(name) ? name : literal(name));

function options(
  schema: JsonSchema,
  names: readonly ('format' | 'pattern' | 'minimum' | 'maximum')[],
): string {
  const set = names
    .filter((name) => schema[name] !== undefined)
    .map((name) => `${name}: ${literal(schema[name])}`);
  return set.length === 0 ? '' : `{ ${set.join(', ')} }`;
}

/** One schema as a TypeBox expression; objects span lines at `indent`, everything else is inline. */
function render(schema: JsonSchema, indent: string, where: string): string {
  for (const keyword of Object.keys(schema)) {
    if (!CHECKED.has(keyword) && !IGNORED.has(keyword))
      throw new Error(`${where}: keyword "${keyword}" is not supported`);
  }
  if (schema.$ref !== undefined) return refName(schema.$ref);
  const union = schema.anyOf ?? schema.oneOf;
  if (union !== undefined)
    return `Type.Union([${union.map((member, i) => render(member, indent, `${where}/${i}`)).join(', ')}])`;
  if (schema.enum !== undefined) {
    const members = schema.enum.map((value) => `Type.Literal(${literal(value)})`);
    return members.length === 1 ? members[0]! : `Type.Union([${members.join(', ')}])`;
  }
  switch (schema.type) {
    case 'string':
      return `Type.String(${options(schema, ['format', 'pattern'])})`;
    case 'integer':
      return `Type.Integer(${options(schema, ['minimum', 'maximum'])})`;
    case 'number':
      return `Type.Number(${options(schema, ['minimum', 'maximum'])})`;
    case 'boolean':
      return 'Type.Boolean()';
    case 'null':
      return 'Type.Null()';
    case 'array':
      if (schema.items === undefined) throw new Error(`${where}: an array without items`);
      return `Type.Array(${render(schema.items, indent, `${where}/items`)})`;
    case 'object': {
      const required = new Set(schema.required ?? []);
      const inner = `${indent}  `;
      const lines = Object.entries(schema.properties ?? {}).map(([name, property]) => {
        const rendered = render(property, inner, `${where}/${name}`);
        return `${inner}${key(name)}: ${required.has(name) ? rendered : `Type.Optional(${rendered})`},`;
      });
      return lines.length === 0 ? 'Type.Object({})' : `Type.Object({\n${lines.join('\n')}\n${indent}})`;
    }
    default:
      throw new Error(`${where}: type ${JSON.stringify(schema.type)} is not supported`);
  }
}

function refsOf(schema: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(schema)) for (const item of schema) refsOf(item, found);
  else if (schema !== null && typeof schema === 'object') {
    for (const [keyword, value] of Object.entries(schema)) {
      if (keyword === '$ref' && typeof value === 'string') found.add(refName(value));
      else refsOf(value, found);
    }
  }
  return found;
}

/**
 * The TypeBox schemas of every component a success (2xx) answer refers to, directly or through
 * another component, each declared after those it uses. Error bodies are the resilient layer's
 * business (it never hands them to a connector), so they are left out.
 */
export function generatedSchemas(system: string): string {
  return schemasFromContract(system, contractOf(system));
}

/** The schemas module for one OpenAPI document (see generatedSchemas). */
export function schemasFromContract(system: string, document: OpenApiDocument): string {
  const components = document.components.schemas;
  const roots = new Set<string>();
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^2\d\d$/.test(status)) continue;
        for (const media of Object.values(response.content ?? {})) refsOf(media.schema, roots);
      }
    }
  }
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string): void => {
    if (ordered.includes(name)) return;
    if (visiting.has(name))
      throw new Error(`${system}: ${name} refers to itself (recursive schemas are not supported)`);
    const schema = components[name];
    if (schema === undefined) throw new Error(`${system}: no component schema ${name}`);
    visiting.add(name);
    for (const used of [...refsOf(schema, new Set())].sort()) visit(used);
    visiting.delete(name);
    ordered.push(name);
  };
  for (const name of [...roots].sort()) visit(name);
  const declarations = ordered.map((name) => {
    const description = components[name]!.description;
    const doc = typeof description === 'string' ? `/** ${description.replace(/\*\//g, '* /')} */\n` : '';
    return `${doc}export const ${name} = ${render(components[name]!, '', name)};\n`;
  });
  return `${header(system)}import { Type } from '@sinclair/typebox';\n\n${declarations.join('\n')}`;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const system of SYSTEMS) {
    const outputs: [string, string][] = [
      ['types.generated.ts', await generatedTypes(system)],
      ['schemas.generated.ts', generatedSchemas(system)],
    ];
    for (const [file, text] of outputs) {
      const target = resolve(root, 'connectors', system, file);
      const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
      if (current === text) continue;
      if (check) {
        console.error(`connectors/${system}/${file} is out of date: run npm run contracts:types`);
        stale++;
      } else {
        writeFileSync(target, text);
        console.log(`wrote connectors/${system}/${file}`);
      }
    }
  }
  process.exitCode = stale > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
