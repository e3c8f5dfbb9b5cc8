/**
 * Generates each connector's upstream types from the system's published OpenAPI document
 * (contracts/<system>.openapi.json -> connectors/<system>/types.generated.ts). Connector types are
 * never hand-copied: when a contract changes, run `npm run contracts:types`.
 * With --check, exits 1 if any generated file is out of date (CI and the test suite use it).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const SYSTEMS = ['lcs', 'eyes', 'lift', 'frontdoor'] as const;
const root = resolve(import.meta.dirname, '..');

export async function generatedTypes(system: string): Promise<string> {
  const document = JSON.parse(readFileSync(resolve(root, 'contracts', `${system}.openapi.json`), 'utf8'));
  const ast = await openapiTS(document);
  return `/* Generated from contracts/${system}.openapi.json by \`npm run contracts:types\`. Do not edit. */\n${astToString(ast)}`;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const system of SYSTEMS) {
    const target = resolve(root, 'connectors', system, 'types.generated.ts');
    const text = await generatedTypes(system);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
    if (current === text) continue;
    if (check) {
      console.error(`connectors/${system}/types.generated.ts is out of date: run npm run contracts:types`);
      stale++;
    } else {
      writeFileSync(target, text);
      console.log(`wrote connectors/${system}/types.generated.ts`);
    }
  }
  process.exitCode = stale > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
