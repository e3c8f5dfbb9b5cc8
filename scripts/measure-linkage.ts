/**
 * Measures the link index against the synthetic county's ground truth: pairwise precision and
 * recall of joined records, per system pair, clusters holding two children and what joined them,
 * how many missed pairs are offered as possible matches, what kept the missed pairs apart, how
 * often a one-letter forename typo still finds the child first, build time and memory. Exits 1
 * below any target (issue 17's).
 *
 *   npm run linkage:measure -- --seed S --scale county
 */
import { parseArgs } from 'node:util';
import { generateCounty } from '../simulators/county/generate.ts';
import type { Scale } from '../simulators/county/types.ts';
import {
  countIndistinguishableNamesakes,
  evaluateFlaws,
  evaluateLinkage,
  evaluatePossibleMatches,
  evaluateTypoSearch,
  explainMissedLinks,
  explainOverMerges,
  type MissedLinkCause,
} from '../src/domain/identity/evaluate.ts';
import { DEFAULT_SETTINGS } from '../src/domain/identity/weights.ts';
import { Rng } from '../simulators/county/prng.ts';
import { loadLinkIndex } from '../src/domain/identity/load.ts';
import { countyRecords, countySources } from '../test/support/county-sources.ts';

const PRECISION_TARGET = 0.9995;
const RECALL_TARGET = 0.975;
/** Most clusters per county allowed to hold two real children. */
const OVER_MERGE_TARGET = 20;
const POSSIBLE_COVERAGE_TARGET = 0.8;
const TYPO_SEARCH_TARGET = 0.95;
const TYPO_SEARCHES = 2000;
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
  `comparisons  ${stats.comparisons}; oversized blocks ${stats.oversizedBlocks}; refused merges ${stats.refusedMerges}; same-system merges refused ${stats.sameSystemRefused}; contradicted merges refused ${stats.contradictedRefused}`,
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

started = performance.now();
const coverage = evaluatePossibleMatches(index, county.groundTruth());
console.log(
  `possible     ${pct(coverage.coverage)} of missed true pairs offered as possible matches (${coverage.offeredPairs}/${coverage.missedPairs}; ${Math.round(performance.now() - started)} ms)`,
);

// What stands between each split child's pieces, so a change to the linker can aim at what is missed.
const anatomy = explainMissedLinks(index, county.groundTruth(), DEFAULT_SETTINGS);
const causes: [MissedLinkCause, string][] = [
  ['sameRegister', `scores ≥ ${DEFAULT_SETTINGS.joinThreshold}, both hold a record of one person register`],
  ['otherRule', `scores ≥ ${DEFAULT_SETTINGS.joinThreshold}, kept apart by another rule`],
  ['possible', `scores ${DEFAULT_SETTINGS.possibleThreshold} to ${DEFAULT_SETTINGS.joinThreshold}`],
  ['review', `scores ${DEFAULT_SETTINGS.reviewThreshold} to ${DEFAULT_SETTINGS.possibleThreshold}`],
  ['unrelated', `scores below ${DEFAULT_SETTINGS.reviewThreshold}`],
];
console.log(
  `missed       ${anatomy.splitChildren} split children: each smaller piece against the child's largest, by its best pair`,
);
for (const [cause, words] of causes) {
  const { pieces, pairs } = anatomy.byCause[cause];
  console.log(
    `  ${words.padEnd(62)} ${String(pieces).padStart(6)} pieces, ${String(pairs).padStart(6)} pairs`,
  );
}

// What joined two children in each over-merged cluster, so a change can aim at what is left.
console.log(
  `joined       ${quality.overMergedClusters} clusters holding two children, by the best pair across them:`,
);
for (const { systems, fields, clusters } of explainOverMerges(index, county.groundTruth()))
  console.log(`  ${String(clusters).padStart(4)}  ${systems.padEnd(20)} ${fields}`);

// How many of those chance alone sets up: contacts no rule on these fields can keep from a namesake.
const namesakes = countIndistinguishableNamesakes(countyRecords(county), county.groundTruth());
console.log(
  `namesakes    ${namesakes} contacts give only a name and a date of birth, exactly another child's register record and not their own child's (each joins that namesake unless another contact of its own child holds it back)`,
);

// One person-register record per child, the children spread over the county by a seeded draw.
const rng = new Rng(values.seed!, 'typo-search', 0);
const children = [...county.groundTruth()];
const searched = Array.from({ length: Math.min(TYPO_SEARCHES, children.length) }, () => {
  const child = children[rng.int(0, children.length - 1)]!;
  const system = (['lcs', 'eyes', 'lift', 'frontdoor'] as const).find((s) => child[s].length > 0)!;
  return { system, localId: child[system][0]! };
});
started = performance.now();
const typo = evaluateTypoSearch(index, searched, (below) => rng.int(0, below - 1));
console.log(
  `typo search  ${pct(typo.hitRate)} of searches with one forename letter substituted (+ surname, date of birth) find the child first (${typo.foundFirst}/${typo.searches}; ${Math.round(performance.now() - started)} ms)`,
);

const shortfalls = [
  quality.precision < PRECISION_TARGET && `precision ≥ ${pct(PRECISION_TARGET)}`,
  quality.recall < RECALL_TARGET && `recall ≥ ${pct(RECALL_TARGET)}`,
  quality.overMergedClusters > OVER_MERGE_TARGET && `over-merges ≤ ${OVER_MERGE_TARGET}`,
  coverage.coverage < POSSIBLE_COVERAGE_TARGET &&
    `possible-match coverage ≥ ${pct(POSSIBLE_COVERAGE_TARGET)}`,
  typo.hitRate < TYPO_SEARCH_TARGET && `typo search ≥ ${pct(TYPO_SEARCH_TARGET)}`,
].filter((shortfall) => shortfall !== false);
console.log(shortfalls.length === 0 ? 'targets met' : `below target: ${shortfalls.join(', ')}`);
process.exit(shortfalls.length === 0 ? 0 : 1);
