/**
 * Builds the offline GraphiQL bundle into dist/graphiql/ (or the directory given as the first argument).
 * The hub also builds it lazily at start-up when it is missing; run this ahead of time for images whose
 * file system is read-only at run time.
 *
 *   npx tsx scripts/build-graphiql.ts [outDir]
 */
import path from 'node:path';

import { DEFAULT_GRAPHIQL_BUNDLE_DIR, buildGraphiQLBundle } from '../src/http/graphiql/bundle.ts';

const outDir = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_GRAPHIQL_BUNDLE_DIR;
const started = performance.now();
try {
  const manifest = await buildGraphiQLBundle(outDir);
  const elapsed = Math.round(performance.now() - started);
  console.log(
    `GraphiQL bundle written to ${outDir} in ${elapsed} ms: ${manifest.script}, ${manifest.stylesheet}`,
  );
} catch (error) {
  console.error('GraphiQL bundle build failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
