/**
 * The production build: the hub compiled to JavaScript (with the simulators, which compose runs as
 * their own processes), the schema files it reads beside it, and the offline GraphiQL bundle, in one
 * directory that runs with plain `node <outDir>/src/server/main.js`: no tsx, esbuild or GraphiQL sources.
 *
 *   npm run build [-- outDir]      (default dist/; emptied first; must lie inside the repository,
 *                                   whose node_modules the compiled code resolves its packages from)
 */
import { execFileSync } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildGraphiQLBundle } from '../src/server/http/graphiql/bundle.ts';
import { buildBundle } from '../src/server/http/staticBundle.ts';
import { PRACTITIONER_APP_BUNDLE } from '../src/server/http/practitionerApp.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.resolve(ROOT, process.argv[2] ?? 'dist');
if (path.relative(ROOT, outDir).startsWith('..') || path.dirname(outDir) === outDir || outDir === ROOT) {
  console.error(`Build directory ${outDir} must lie inside ${ROOT}`);
  process.exit(2);
}

const started = performance.now();
await rm(outDir, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir], {
  cwd: ROOT,
  stdio: 'inherit',
});
// The schema is read at start-up relative to the compiled modules, as it is relative to the sources.
await cp(path.join(ROOT, 'schema'), path.join(outDir, 'schema'), { recursive: true });
// So are the register's SQL migrations.
await cp(
  path.join(ROOT, 'src/platform/register/migrations'),
  path.join(outDir, 'src/platform/register/migrations'),
  {
    recursive: true,
  },
);
const manifest = await buildGraphiQLBundle(path.join(outDir, 'graphiql'));
// The practitioner app beside it: the compiled hub serves <out>/app as it serves <out>/graphiql.
await buildBundle(PRACTITIONER_APP_BUNDLE, path.join(outDir, 'app'));
console.log(
  `Built ${path.relative(ROOT, outDir)}/ in ${Math.round(performance.now() - started)} ms ` +
    `(GraphiQL: ${manifest.script}, ${manifest.stylesheet}); run with node ${path.relative(ROOT, outDir)}/src/server/main.js`,
);
