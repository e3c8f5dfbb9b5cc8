/**
 * Builds the hub's browser bundles ahead of time: offline GraphiQL into dist/graphiql/ and the reference
 * practitioner app into dist/app/ (or both under the directory given as the first argument). The hub
 * also builds them lazily at start-up when missing; run this for images whose file system is read-only.
 *
 *   npx tsx scripts/build-graphiql.ts [outDir]
 */
import path from 'node:path';

import { buildBundle, type BundleSpec } from '../src/server/http/staticBundle.ts';
import { DEFAULT_GRAPHIQL_BUNDLE_DIR, GRAPHIQL_BUNDLE } from '../src/server/http/graphiql/bundle.ts';
import { DEFAULT_APP_BUNDLE_DIR, PRACTITIONER_APP_BUNDLE } from '../src/server/http/practitionerApp.ts';

const outRoot = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
const bundles: Array<[BundleSpec, string]> = [
  [GRAPHIQL_BUNDLE, outRoot ? path.join(outRoot, 'graphiql') : DEFAULT_GRAPHIQL_BUNDLE_DIR],
  [PRACTITIONER_APP_BUNDLE, outRoot ? path.join(outRoot, 'app') : DEFAULT_APP_BUNDLE_DIR],
];
for (const [spec, outDir] of bundles) {
  const started = performance.now();
  try {
    const manifest = await buildBundle(spec, outDir);
    const elapsed = Math.round(performance.now() - started);
    console.log(
      `${spec.label} bundle written to ${outDir} in ${elapsed} ms: ${manifest.script}, ${manifest.stylesheet}`,
    );
  } catch (error) {
    console.error(`${spec.label} bundle build failed:`, error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
