/**
 * How long capturing a link checkpoint holds the event loop at a scale (default county): builds the
 * link index from the synthetic county, then times writeCheckpoint (the whole capture at once) and
 * the longest of its steps (what the register runs between two yields to the event loop).
 *
 *   BENCH_SCALE=county node --import tsx bench/checkpointCapture.ts
 */
import { generateCounty } from '../simulators/county/generate.ts';
import type { Scale } from '../simulators/county/types.ts';
import { checkpointSteps, writeCheckpoint } from '../src/domain/identity/checkpoint.ts';
import { createChildDirectory } from '../src/domain/identity/directory.ts';
import { buildLinkIndex } from '../src/domain/identity/linker.ts';
import { countyRecords } from '../test/support/county-sources.ts';

const scale = (process.env['BENCH_SCALE'] ?? 'county') as Scale;
let started = performance.now();
const county = generateCounty({ seed: 'checkpoint-capture', scale });
const index = buildLinkIndex(countyRecords(county));
const directory = createChildDirectory(index, new Map());
console.log(
  `${scale}: ${directory.stats().totalRecords} records linked in ${(performance.now() - started).toFixed(0)} ms`,
);
for (let run = 1; run <= 5; run++) {
  started = performance.now();
  const pages = writeCheckpoint(directory);
  const ms = performance.now() - started;
  const bytes = pages.reduce((sum, page) => sum + page.length, 0);
  console.log(
    `capture ${run}: ${ms.toFixed(0)} ms, ${(bytes / 1024 / 1024).toFixed(0)} MB in ${pages.length} parts`,
  );
}
for (let run = 1; run <= 3; run++) {
  const steps = checkpointSteps(directory);
  const times: number[] = [];
  for (;;) {
    started = performance.now();
    const step = steps.next();
    times.push(performance.now() - started);
    if (step.done) break;
  }
  const longest = Math.max(...times);
  console.log(
    `in steps ${run}: ${times.length} steps, the longest ${longest.toFixed(0)} ms (step ${times.indexOf(longest) + 1}); ` +
      `each: ${times.map((ms) => ms.toFixed(0)).join(' ')}`,
  );
}
