/**
 * Measures the link index against the synthetic county's ground truth: pairwise precision and
 * recall of joined records, per system pair, build time and memory. Exits 1 below target.
 *
 *   npm run linkage:measure -- --seed S --scale county
 */
import { parseArgs } from 'node:util';
import { generateCounty } from '../simulators/county/generate.ts';
import type { Scale } from '../simulators/county/types.ts';
import { evaluateFlaws, evaluateLinkage } from '../src/identity/evaluate.ts';
import { loadLinkIndex } from '../src/identity/load.ts';
import { countySources } from '../test/support/county-sources.ts';

const PRECISION_TARGET = 0.995;
const RECALL_TARGET = 0.95;
const SCALES: readonly Scale[] = ['tiny', 'demo', 'county'];

const { values } = parseArgs({
  options: { seed: { type: 'string', default: 'svc-2025' }, scale: { type: 'string', default: 'demo' } },
});
const scale = values.scale as Scale;
if (!SCALES.includes(scale)) {
  console.error(`--scale must be one of ${SCALES.join(', ')}`);
  process.exit(2);
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const pct = (value: number) => `${(value * 100).toFixed(2)}%`;

let started = performance.now();
const county = generateCounty({ seed: values.seed!, scale });
console.log(
  `county ${scale} (seed ${values.seed}) generated in ${Math.round(performance.now() - started)} ms`,
);
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;

started = performance.now();
const { index, report } = await loadLinkIndex(countySources(county));
const totalMs = Math.round(performance.now() - started);
global.gc?.();
const heapAfter = process.memoryUsage().heapUsed;
const stats = index.stats();

const quality = evaluateLinkage(index, county.groundTruth());
console.log(`records      ${JSON.stringify(stats.records)} (${stats.totalRecords})`);
console.log(
  `clusters     ${stats.clusters} for ${quality.children} children; restricted records ${stats.restrictedRecords}`,
);
console.log(
  `comparisons  ${stats.comparisons}; oversized blocks ${stats.oversizedBlocks}; refused merges ${stats.refusedMerges}; same-system merges refused ${stats.sameSystemRefused}`,
);
console.log(`time         load ${report.loadMs} ms, build ${report.buildMs} ms, total ${totalMs} ms`);
console.log(
  `memory       index ≈ ${mb(heapAfter - heapBefore)} heap (${global.gc ? 'after gc' : 'run with --expose-gc for exact figures'}); rss ${mb(process.memoryUsage().rss)}`,
);
console.log(`precision    ${pct(quality.precision)} (${quality.correct}/${quality.predicted} pairs)`);
console.log(`recall       ${pct(quality.recall)} (${quality.correct}/${quality.actual} pairs)`);
console.log(
  `over-merges  ${quality.overMergedClusters} clusters hold two or more children; ${quality.splitChildren} children are split`,
);
for (const [pair, counts] of Object.entries(quality.bySystemPair)) {
  console.log(
    `  ${pair.padEnd(20)} precision ${pct(counts.precision)}  recall ${pct(counts.recall)}  (${counts.correct}/${counts.predicted}/${counts.actual})`,
  );
}
// How records carrying each data-quality flaw fared (the county's ground truth of flaws).
const flaws = evaluateFlaws(index, county.groundTruth(), county.recordFlaws());
for (const [flaw, outcome] of Object.entries(flaws).sort()) {
  console.log(
    `  ${flaw.padEnd(20)} ${outcome.joined}/${outcome.records} joined to their child, ${outcome.possible} offered as possible matches, ${outcome.missed} missed`,
  );
}
if (quality.missingRecords > 0)
  console.log(`missing      ${quality.missingRecords} ground-truth records not in the index`);

const met = quality.precision >= PRECISION_TARGET && quality.recall >= RECALL_TARGET;
console.log(
  met ? 'targets met' : `below target (precision ≥ ${PRECISION_TARGET}, recall ≥ ${RECALL_TARGET})`,
);
process.exit(met ? 0 : 1);
