/**
 * The import rule, enforced: dependencies run one way,
 *
 *   server (main, app, http, hardening, execution)
 *     -> resolvers (and the request context and services they are handed)
 *       -> connectors
 *         -> domain and platform
 *
 * and, beside the direction: resolvers never import an upstream record type
 * (connectors/<system>/types.ts or its generated types); src/domain imports nothing from the hub
 * (test/unit/domain/boundaries.test.ts checks it file by file); only src/main.ts starts the
 * simulators. Every module of src/, resolvers/ and connectors/ must be given a layer below, so a new
 * folder is placed on purpose. There are no exceptions (ALLOWED is empty), and there may be none.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

type Layer = 'server' | 'resolvers' | 'connectors' | 'domain' | 'platform';

/** Higher may import lower or equal; domain and platform are one tier (they use each other today). */
const RANK: Record<Layer, number> = { server: 3, resolvers: 2, connectors: 1, domain: 0, platform: 0 };

/** Each module's layer, by path prefix; the first that matches wins. */
const LAYERS: readonly (readonly [string, Layer])[] = [
  ['src/main.ts', 'server'],
  ['src/app.ts', 'server'],
  ['src/http/', 'server'],
  ['src/hardening/', 'server'],
  ['src/execution/', 'server'],
  ['resolvers/', 'resolvers'],
  // What a resolver is handed: built by app.ts, declared at the resolvers' tier so that resolvers
  // depend on nothing above them.
  ['src/context.ts', 'resolvers'],
  ['src/services.ts', 'resolvers'],
  ['connectors/', 'connectors'],
  ['src/domain/', 'domain'],
  ['src/access/', 'domain'],
  ['src/audit/', 'domain'],
  ['src/identity/', 'domain'],
  // The child register: identity's persistent half (hub ids, memberships, steward decisions).
  ['src/register/', 'domain'],
  ['src/reports/', 'domain'],
  ['src/upstream/', 'platform'],
  ['src/cache/', 'platform'],
  ['src/observability/', 'platform'],
  ['src/config/', 'platform'],
  ['src/errors.ts', 'platform'],
  ['src/systems.ts', 'platform'],
];

/**
 * Imports that break the rule, each `importer -> imported`: none. Never add one: move the type or
 * the function instead (wire records are mapped to src/domain/models in connectors/<system>/map.ts).
 */
const ALLOWED: readonly string[] = [];

/** Lower this when an exception is fixed; never raise it. */
const MOST_ALLOWED = 0;

function layerOf(path: string): Layer | undefined {
  return LAYERS.find(([prefix]) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix))?.[1];
}

const UPSTREAM_RECORD_TYPES = /^connectors\/[^/]+\/types(\.generated)?\.ts$/;

/** Why `from -> to` breaks the rule, or null when it does not. */
function violation(from: string, to: string): string | null {
  const a = layerOf(from);
  const b = layerOf(to);
  if (to.startsWith('simulators/'))
    return from === 'src/main.ts' ? null : 'only src/main.ts starts the simulators';
  if (from.startsWith('src/domain/') && !to.startsWith('src/domain/'))
    return 'src/domain imports nothing from the hub';
  if (a === undefined || b === undefined) return null; // outside the layered code (packages, app/, schema/)
  if (RANK[b] > RANK[a]) return `runs up the layers (${a} -> ${b})`;
  if (a === 'resolvers' && UPSTREAM_RECORD_TYPES.test(to))
    return 'a resolver imports an upstream record type';
  return null;
}

function modules(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') || entry.name.endsWith('.tsx')) out.push(path);
    }
  };
  for (const dir of ['src', 'resolvers', 'connectors']) walk(dir);
  return out.sort();
}

/** Every relative import (static, type-only, re-export or dynamic) of a module, as a repository path. */
function importsOf(path: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, path), 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) =>
      relative(ROOT, normalize(join(ROOT, dirname(path), name)))
        .split('\\')
        .join('/'),
    );
}

function violations(): string[] {
  return modules().flatMap((from) =>
    importsOf(from).flatMap((to) => (violation(from, to) ? [`${from} -> ${to}`] : [])),
  );
}

describe('the import rule: server -> resolvers -> connectors -> domain and platform', () => {
  const found = violations();

  it('gives every module of src/, resolvers/ and connectors/ a layer', () => {
    const all = modules();
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter((path) => layerOf(path) === undefined)).toEqual([]);
  });

  it('finds no import that runs the wrong way beyond the listed exceptions', () => {
    const unexpected = found.filter((v) => !ALLOWED.includes(v));
    expect(unexpected.map((v) => `${v}: ${violation(...(v.split(' -> ') as [string, string]))}`)).toEqual([]);
  });

  it('lists only exceptions that still exist, and no more than before (the list only shrinks)', () => {
    expect(ALLOWED.filter((v) => !found.includes(v))).toEqual([]);
    expect(new Set(ALLOWED).size).toBe(ALLOWED.length);
    expect(ALLOWED.length).toBeLessThanOrEqual(MOST_ALLOWED);
  });

  it('names each kind of wrong-way import', () => {
    expect(violation('connectors/lcs/loaders.ts', 'resolvers/support/childView.ts')).toMatch(/up the layers/);
    expect(violation('connectors/lcs/map.ts', 'src/context.ts')).toMatch(/connectors -> resolvers/);
    expect(violation('resolvers/child.ts', 'src/app.ts')).toMatch(/resolvers -> server/);
    expect(violation('src/cache/keys.ts', 'src/http/events.ts')).toMatch(/platform -> server/);
    expect(violation('src/identity/linker.ts', 'connectors/lcs/map.ts')).toMatch(/domain -> connectors/);
    expect(violation('resolvers/education.ts', 'connectors/eyes/types.ts')).toMatch(/upstream record type/);
    expect(violation('resolvers/education.ts', 'connectors/eyes/types.generated.ts')).toMatch(
      /upstream record/,
    );
    expect(violation('src/domain/cost.ts', 'src/config/index.ts')).toMatch(/src\/domain imports nothing/);
    expect(violation('connectors/lcs/client.ts', 'simulators/index.ts')).toMatch(/only src\/main.ts/);
    // The allowed directions.
    expect(violation('src/app.ts', 'connectors/lcs/client.ts')).toBeNull();
    expect(violation('resolvers/child.ts', 'src/context.ts')).toBeNull();
    expect(violation('resolvers/education.ts', 'connectors/eyes/map.ts')).toBeNull();
    expect(violation('connectors/lcs/map.ts', 'src/identity/types.ts')).toBeNull();
    expect(violation('src/config/schema.ts', 'src/access/localKey.ts')).toBeNull();
    expect(violation('src/main.ts', 'simulators/index.ts')).toBeNull();
  });
});
