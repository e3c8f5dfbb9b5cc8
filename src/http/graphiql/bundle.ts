/**
 * Builds and loads the offline GraphiQL bundle (JS + CSS) the hub serves itself, so the page works with
 * the network cut and under a self-only Content-Security-Policy.
 *
 * - `buildGraphiQLBundle(dir)` bundles `browser/mount.ts` with esbuild into `dir` (minified, content-hashed
 *   file names, licence comments moved to `*.LEGAL.txt` beside the assets) and writes `manifest.json` last,
 *   through a rename, so a reader never sees a half-written bundle.
 * - `loadGraphiQLBundle(dir)` reads a bundle into memory, or returns undefined when it is missing or was
 *   built from other package versions or another browser entry (a stale bundle is rebuilt, not served).
 * - `ensureGraphiQLBundle(dir)` loads, building first when needed: a fresh clone after `npm install`
 *   just works, and `scripts/build-graphiql.ts` can build ahead of time for images without write access.
 *
 * esbuild is imported lazily: a hub whose bundle is already built never loads it.
 *
 * The compiled hub (`npm run build`, run with `node dist/src/main.js`) serves the bundle the same build
 * made, as it is: its runtime has neither the browser entry nor the bundled packages to check it
 * against (they are devDependencies), and it never builds one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** True when this module runs compiled, from the build's output directory, rather than from source. */
const RUNS_COMPILED = import.meta.url.endsWith('.js');

/**
 * Where the bundle lives: `<repo>/dist/graphiql/` for `npm start` and `scripts/build-graphiql.ts`, and
 * `<build>/graphiql/` for the compiled hub (the same directory when the build is `dist/`).
 */
export const DEFAULT_GRAPHIQL_BUNDLE_DIR = fileURLToPath(
  new URL(RUNS_COMPILED ? '../../../graphiql/' : '../../../dist/graphiql/', import.meta.url),
);

/** Name of the global the IIFE bundle defines; the page's inline bootstrap calls `<global>.mount(...)`. */
export const GRAPHIQL_BUNDLE_GLOBAL = 'HubGraphiQL';

const BROWSER_ENTRY = fileURLToPath(new URL('./browser/mount.ts', import.meta.url));
const MANIFEST_FILE = 'manifest.json';
/** Packages whose versions decide the bundle's contents; a change to any of them forces a rebuild. */
const BUNDLED_PACKAGES = ['graphiql', '@graphiql/react', 'react', 'react-dom', 'esbuild'] as const;

export interface GraphiQLBundleManifest {
  /** File name (inside the bundle directory) of the script. */
  script: string;
  /** File name (inside the bundle directory) of the stylesheet. */
  stylesheet: string;
  /** Fingerprint of what the bundle was built from: package versions and the browser entry's hash. */
  builtFrom: Record<string, string>;
}

export interface GraphiQLAsset {
  body: Buffer;
  contentType: string;
  /** Strong validator derived from the content, for conditional GETs. */
  etag: string;
}

export interface LoadedGraphiQLBundle {
  manifest: GraphiQLBundleManifest;
  /** Served assets by file name: exactly the script and the stylesheet, nothing else in the directory. */
  assets: ReadonlyMap<string, GraphiQLAsset>;
}

const requireFromHere = createRequire(import.meta.url);

async function packageVersion(name: string): Promise<string> {
  const manifestPath = requireFromHere.resolve(`${name}/package.json`);
  const parsed = JSON.parse(await readFile(manifestPath, 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : 'unknown';
}

/** The fingerprint a bundle built now would carry. */
export async function currentBuildInputs(): Promise<Record<string, string>> {
  const inputs: Record<string, string> = {};
  for (const name of BUNDLED_PACKAGES) inputs[name] = await packageVersion(name);
  inputs['browser/mount.ts'] = sha256Hex(await readFile(BROWSER_ENTRY));
  return inputs;
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function sameInputs(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function isManifest(value: unknown): value is GraphiQLBundleManifest {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.script === 'string' &&
    typeof candidate.stylesheet === 'string' &&
    typeof candidate.builtFrom === 'object' &&
    candidate.builtFrom !== null
  );
}

/** Only plain file names produced by the build may be read: a tampered manifest cannot point elsewhere. */
function isPlainAssetName(name: string): boolean {
  return /^[A-Za-z0-9._-]+\.(js|css)$/.test(name) && !name.startsWith('.');
}

async function readAsset(dir: string, name: string, contentType: string): Promise<GraphiQLAsset> {
  const body = await readFile(path.join(dir, name));
  return { body, contentType, etag: `"${sha256Hex(body).slice(0, 32)}"` };
}

/** Reads a built bundle; undefined when absent, unreadable or (from source) built from different inputs. */
export async function loadGraphiQLBundle(
  dir: string = DEFAULT_GRAPHIQL_BUNDLE_DIR,
): Promise<LoadedGraphiQLBundle | undefined> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  if (!isManifest(manifest) || !isPlainAssetName(manifest.script) || !isPlainAssetName(manifest.stylesheet)) {
    return undefined;
  }
  if (!RUNS_COMPILED && !sameInputs(manifest.builtFrom, await currentBuildInputs())) return undefined;
  try {
    const assets = new Map<string, GraphiQLAsset>([
      [manifest.script, await readAsset(dir, manifest.script, 'text/javascript; charset=utf-8')],
      [manifest.stylesheet, await readAsset(dir, manifest.stylesheet, 'text/css; charset=utf-8')],
    ]);
    return { manifest, assets };
  } catch {
    return undefined;
  }
}

/** Bundles GraphiQL into `dir` and returns the manifest it wrote. */
export async function buildGraphiQLBundle(
  dir: string = DEFAULT_GRAPHIQL_BUNDLE_DIR,
): Promise<GraphiQLBundleManifest> {
  const esbuild = await import('esbuild');
  await mkdir(dir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: { graphiql: BROWSER_ENTRY },
    outdir: dir,
    entryNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: GRAPHIQL_BUNDLE_GLOBAL,
    platform: 'browser',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    define: { 'process.env.NODE_ENV': '"production"' },
    // Licence notices are kept (MIT requires them) but beside the assets rather than inside them.
    legalComments: 'external',
    charset: 'utf8',
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = Object.keys(result.metafile.outputs).map((output) => path.basename(output));
  const script = outputs.find((name) => name.endsWith('.js'));
  const stylesheet = outputs.find((name) => name.endsWith('.css'));
  if (!script || !stylesheet) {
    throw new Error('GraphiQL bundle build produced no script or no stylesheet');
  }
  const manifest: GraphiQLBundleManifest = { script, stylesheet, builtFrom: await currentBuildInputs() };
  const temporary = path.join(dir, `.${MANIFEST_FILE}.${process.pid}.${randomBytes(6).toString('hex')}`);
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temporary, path.join(dir, MANIFEST_FILE));
  return manifest;
}

/** Loads the bundle, building it first when it is missing or stale. */
export async function ensureGraphiQLBundle(
  dir: string = DEFAULT_GRAPHIQL_BUNDLE_DIR,
): Promise<LoadedGraphiQLBundle> {
  const existing = await loadGraphiQLBundle(dir);
  if (existing) return existing;
  if (RUNS_COMPILED) throw new Error(`No GraphiQL bundle in ${dir}: \`npm run build\` makes it`);
  await buildGraphiQLBundle(dir);
  const built = await loadGraphiQLBundle(dir);
  if (!built) throw new Error(`GraphiQL bundle in ${dir} could not be read back after building`);
  return built;
}
