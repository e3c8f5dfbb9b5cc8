/**
 * Generates resolvers/types.generated.ts from the SDL with GraphQL Code Generator (codegen.ts), so
 * every resolver is checked against the schema. Run `npm run codegen` after changing the schema.
 * With --check, exits 1 if the committed file is out of date (CI and the test suite use it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { executeCodegen } from '@graphql-codegen/cli';
import config from '../codegen.ts';

const root = resolve(import.meta.dirname, '..');
export const RESOLVER_TYPES = 'resolvers/types.generated.ts';

export async function generatedResolverTypes(): Promise<string> {
  const { result, error } = await executeCodegen({ ...config, cwd: root, silent: true });
  if (error) throw error;
  const file = result.find((f) => f.filename === RESOLVER_TYPES);
  if (!file) throw new Error(`codegen.ts does not generate ${RESOLVER_TYPES}`);
  return `/* Generated from schema/*.graphql by \`npm run codegen\` (codegen.ts). Do not edit. */\n${file.content}`;
}

async function main(): Promise<void> {
  const target = resolve(root, RESOLVER_TYPES);
  const text = await generatedResolverTypes();
  const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
  if (current === text) return;
  if (process.argv.includes('--check')) {
    console.error(`${RESOLVER_TYPES} is out of date: run npm run codegen`);
    process.exitCode = 1;
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${RESOLVER_TYPES}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
