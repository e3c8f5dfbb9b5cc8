/**
 * The offline GraphiQL bundle (JS + CSS) the hub serves itself: `browser/mount.ts` with graphiql and
 * react, built and loaded by the shared machinery in `../staticBundle.ts`.
 *
 * - `buildGraphiQLBundle(dir)` builds it into `dir`; `scripts/build-graphiql.ts` runs it ahead of time.
 * - `loadGraphiQLBundle(dir)` reads it, or returns undefined when it is missing or stale.
 * - `ensureGraphiQLBundle(dir)` loads, building first when needed.
 */
import { fileURLToPath } from 'node:url';

import { buildBundle, ensureBundle, loadBundle, RUNS_COMPILED } from '../staticBundle.ts';
import type { BundleAsset, BundleManifest, BundleSpec, LoadedBundle } from '../staticBundle.ts';

/**
 * Where the bundle lives: `<repo>/dist/graphiql/` for `npm start` and `scripts/build-graphiql.ts`, and
 * `<build>/graphiql/` for the compiled hub (the same directory when the build is `dist/`).
 */
export const DEFAULT_GRAPHIQL_BUNDLE_DIR = fileURLToPath(
  new URL(RUNS_COMPILED ? '../../../../graphiql/' : '../../../../dist/graphiql/', import.meta.url),
);

/** Name of the global the IIFE bundle defines; the page's inline bootstrap calls `<global>.mount(...)`. */
export const GRAPHIQL_BUNDLE_GLOBAL = 'HubGraphiQL';

export const GRAPHIQL_BUNDLE: BundleSpec = {
  label: 'GraphiQL',
  name: 'graphiql',
  entry: fileURLToPath(new URL('./browser/mount.ts', import.meta.url)),
  globalName: GRAPHIQL_BUNDLE_GLOBAL,
  packages: ['graphiql', '@graphiql/react', 'react', 'react-dom', 'esbuild'],
};

export type GraphiQLBundleManifest = BundleManifest;
export type GraphiQLAsset = BundleAsset;
export type LoadedGraphiQLBundle = LoadedBundle;

/** Reads a built bundle; undefined when absent, unreadable or built from different inputs. */
export function loadGraphiQLBundle(
  dir: string = DEFAULT_GRAPHIQL_BUNDLE_DIR,
): Promise<LoadedGraphiQLBundle | undefined> {
  return loadBundle(GRAPHIQL_BUNDLE, dir);
}

/** Bundles GraphiQL into `dir` and returns the manifest it wrote. */
export function buildGraphiQLBundle(
  dir: string = DEFAULT_GRAPHIQL_BUNDLE_DIR,
): Promise<GraphiQLBundleManifest> {
  return buildBundle(GRAPHIQL_BUNDLE, dir);
}

/** Loads the bundle, building it first when it is missing or stale. */
export function ensureGraphiQLBundle(
  dir: string = DEFAULT_GRAPHIQL_BUNDLE_DIR,
): Promise<LoadedGraphiQLBundle> {
  return ensureBundle(GRAPHIQL_BUNDLE, dir);
}
