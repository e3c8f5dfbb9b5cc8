/**
 * npm run county -- --seed S --scale tiny|demo|county --truth FILE [--flaws FILE] [--as-of YYYY-MM-DD]
 * Generates the county, writes its ground truth as JSON lines (and, with --flaws, every record whose
 * identity departs from its child's, with how) and prints headline counts and the generation time.
 * Bad flags: a message on stderr and exit code 2.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { countCounty, generateCounty } from './generate.ts';
import { DEFAULT_AS_OF, SCALES } from './scales.ts';
import { fromIso } from './dates.ts';
import type { Scale } from './types.ts';

const USAGE =
  'usage: npm run county -- --seed S --scale tiny|demo|county --truth FILE [--flaws FILE] [--as-of YYYY-MM-DD]';

export interface CliOptions {
  seed: string;
  scale: Scale;
  truth: string;
  flaws: string | null;
  asOf: string;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CliOptions {
  const values = new Map<string, string>();
  for (let n = 0; n < argv.length; n++) {
    const flag = argv[n]!;
    if (!['--seed', '--scale', '--truth', '--flaws', '--as-of'].includes(flag))
      throw new UsageError(`unknown argument: ${flag}`);
    const value = argv[n + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    values.set(flag, value);
    n++;
  }
  const seed = values.get('--seed');
  const scale = values.get('--scale');
  const truth = values.get('--truth');
  const asOf = values.get('--as-of') ?? DEFAULT_AS_OF;
  if (!seed) throw new UsageError('--seed is required');
  if (!scale || !SCALES.includes(scale as Scale))
    throw new UsageError(`--scale must be one of ${SCALES.join(', ')}`);
  if (!truth) throw new UsageError('--truth is required');
  try {
    fromIso(asOf);
  } catch {
    throw new UsageError('--as-of must be a calendar date, YYYY-MM-DD');
  }
  return { seed, scale: scale as Scale, truth, flaws: values.get('--flaws') ?? null, asOf };
}

async function writeLines(file: string, items: Iterable<unknown>): Promise<void> {
  const out = createWriteStream(file);
  for (const item of items) {
    if (!out.write(`${JSON.stringify(item)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  const started = performance.now();
  const county = generateCounty({ seed: options.seed, scale: options.scale, asOf: options.asOf });
  const generatedMs = performance.now() - started;
  const heapMb = process.memoryUsage().heapUsed / 1e6;

  await writeLines(options.truth, county.groundTruth());
  if (options.flaws !== null) await writeLines(options.flaws, county.recordFlaws());

  const counts = countCounty(county);
  console.log(`county seed=${options.seed} scale=${options.scale} asOf=${county.asOf}`);
  console.log(`generated in ${(generatedMs / 1000).toFixed(2)} s, heap ${heapMb.toFixed(0)} MB`);
  console.log(`children (ground truth)  ${counts.children}`);
  console.log(
    `  known to LCS           ${counts.lcsChildren} (${counts.lcsPeople} person records, ${counts.lcsPeopleRestricted} restricted, ${counts.unborn} unborn)`,
  );
  console.log(`  known to EYES          ${counts.eyesChildren}`);
  console.log(`  LIFT clients           ${counts.liftClients}`);
  console.log(`  at the front door      ${counts.frontDoorChildren}`);
  console.log(`looked after             ${counts.lookedAfter}`);
  console.log(`care leavers (17-25)     ${counts.careLeavers} added as LCS people`);
  console.log(`on CP plans              ${counts.onCpPlan}`);
  console.log(`active EHCPs             ${counts.activeEhcps}`);
  console.log(`front-door contacts      ${counts.frontDoorContacts}`);
  console.log(`workers / teams          ${counts.workers} / ${counts.teams}`);
  console.log(`ground truth written to  ${options.truth}`);
  if (options.flaws !== null) console.log(`flawed records written to ${options.flaws}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
