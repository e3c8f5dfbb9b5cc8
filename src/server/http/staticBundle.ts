/**
 * Browser bundles the hub builds and serves itself (GraphiQL, the reference practitioner app), so each
 * page works with the network cut and under a self-only Content-Security-Policy.
 *
 * - `buildBundle(spec, dir)` bundles the spec's browser entry with esbuild into `dir` (minified,
 *   content-hashed file names, licence comments moved to `*.LEGAL.txt` beside the assets) and writes
 *   `manifest.json` last, through a rename, so a reader never sees a half-written bundle.
 * - `loadBundle(spec, dir)` reads a bundle into memory, or returns undefined when it is missing or was
 *   built from other package versions or other browser sources (a stale bundle is rebuilt, not served).
 * - `ensureBundle(spec, dir)` loads, building first when needed: a fresh clone after `npm install`
 *   just works, and the build scripts can build ahead of time for images without write access.
 *
 * esbuild is imported lazily: a hub whose bundles are already built never loads it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/** What one browser bundle is built from. */
export interface BundleSpec {
  /** Used in error messages, e.g. `GraphiQL`. */
  label: string;
  /** Output file name stem, e.g. `graphiql` gives `graphiql-<hash>.js`. */
  name: string;
  /** Absolute path of the browser entry module. */
  entry: string;
  /** Folder whose files are the bundle's own sources (hashed into the fingerprint); default the entry's folder. */
  sourceDir?: string;
  /** Name of the global an IIFE bundle defines; none when the entry starts itself. */
  globalName?: string;
  /** Packages whose versions decide the bundle's contents; a change to any of them forces a rebuild. */
  packages: readonly string[];
}

export interface BundleManifest {
  /** File name (inside the bundle directory) of the script. */
  script: string;
  /** File name (inside the bundle directory) of the stylesheet. */
  stylesheet: string;
  /** Fingerprint of what the bundle was built from: package versions and each source file's hash. */
  builtFrom: Record<string, string>;
}

export interface BundleAsset {
  body: Buffer;
  contentType: string;
  /** Strong validator derived from the content, for conditional GETs. */
  etag: string;
}

export interface LoadedBundle {
  manifest: BundleManifest;
  /** Served assets by file name: exactly the script and the stylesheet, nothing else in the directory. */
  assets: ReadonlyMap<string, BundleAsset>;
}

const MANIFEST_FILE = 'manifest.json';
const SOURCE_FILE = /\.(tsx?|css)$/;

const requireFromHere = createRequire(import.meta.url);

async function packageVersion(name: string): Promise<string> {
  const manifestPath = requireFromHere.resolve(`${name}/package.json`);
  const parsed = JSON.parse(await readFile(manifestPath, 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : 'unknown';
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && SOURCE_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The fingerprint a bundle built now would carry. */
export async function currentBuildInputs(spec: BundleSpec): Promise<Record<string, string>> {
  const inputs: Record<string, string> = {};
  for (const name of spec.packages) inputs[name] = await packageVersion(name);
  const sourceDir = spec.sourceDir ?? path.dirname(spec.entry);
  for (const file of await sourceFiles(sourceDir)) {
    inputs[path.relative(sourceDir, file).split(path.sep).join('/')] = sha256Hex(await readFile(file));
  }
  return inputs;
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function sameInputs(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function isManifest(value: unknown): value is BundleManifest {
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

async function readAsset(dir: string, name: string, contentType: string): Promise<BundleAsset> {
  const body = await readFile(path.join(dir, name));
  return { body, contentType, etag: `"${sha256Hex(body).slice(0, 32)}"` };
}

/**
 * True when the hub runs compiled (`npm run build`, `node dist/src/server/main.js`): it serves the bundles
 * the same build made, as they are, since its runtime has neither the browser sources nor the
 * bundled packages (devDependencies) to check them against, and it never builds one.
 */
export const RUNS_COMPILED = import.meta.url.endsWith('.js');

/** Reads a built bundle; undefined when absent, unreadable or (from source) built from different inputs. */
export async function loadBundle(spec: BundleSpec, dir: string): Promise<LoadedBundle | undefined> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  if (!isManifest(manifest) || !isPlainAssetName(manifest.script) || !isPlainAssetName(manifest.stylesheet)) {
    return undefined;
  }
  if (!RUNS_COMPILED && !sameInputs(manifest.builtFrom, await currentBuildInputs(spec))) return undefined;
  try {
    const assets = new Map<string, BundleAsset>([
      [manifest.script, await readAsset(dir, manifest.script, 'text/javascript; charset=utf-8')],
      [manifest.stylesheet, await readAsset(dir, manifest.stylesheet, 'text/css; charset=utf-8')],
    ]);
    return { manifest, assets };
  } catch {
    return undefined;
  }
}

/** Bundles the spec's entry into `dir` and returns the manifest it wrote. */
export async function buildBundle(spec: BundleSpec, dir: string): Promise<BundleManifest> {
  const esbuild = await import('esbuild');
  await mkdir(dir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: { [spec.name]: spec.entry },
    outdir: dir,
    entryNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    format: 'iife',
    ...(spec.globalName ? { globalName: spec.globalName } : {}),
    platform: 'browser',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    jsx: 'automatic',
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
    throw new Error(`${spec.label} bundle build produced no script or no stylesheet`);
  }
  const manifest: BundleManifest = { script, stylesheet, builtFrom: await currentBuildInputs(spec) };
  const temporary = path.join(dir, `.${MANIFEST_FILE}.${process.pid}.${randomBytes(6).toString('hex')}`);
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temporary, path.join(dir, MANIFEST_FILE));
  return manifest;
}

/** Loads the bundle, building it first when it is missing or stale. */
export async function ensureBundle(spec: BundleSpec, dir: string): Promise<LoadedBundle> {
  const existing = await loadBundle(spec, dir);
  if (existing) return existing;
  if (RUNS_COMPILED) throw new Error(`No ${spec.label} bundle in ${dir}: \`npm run build\` makes it`);
  await buildBundle(spec, dir);
  const built = await loadBundle(spec, dir);
  if (!built) throw new Error(`${spec.label} bundle in ${dir} could not be read back after building`);
  return built;
}
