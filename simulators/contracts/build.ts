/**
 * `npm run contracts`: writes contracts/<system>.openapi.json for each simulated system from the
 * TypeBox contracts. The hub's connector types are generated from these files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderOpenApiDocument, SYSTEMS, type SystemName } from './openapi.ts';

export const CONTRACTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'contracts');

export const contractPath = (system: SystemName): string => join(CONTRACTS_DIR, `${system}.openapi.json`);

export async function writeContracts(): Promise<string[]> {
  await mkdir(CONTRACTS_DIR, { recursive: true });
  const written: string[] = [];
  for (const system of SYSTEMS) {
    const path = contractPath(system);
    await writeFile(path, renderOpenApiDocument(system));
    written.push(path);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const path of await writeContracts()) process.stdout.write(`wrote ${path}\n`);
}
