/**
 * The import rule, enforced: dependencies run one way, and a module's folder is its tier,
 *
 *   src/server        main, app, http, hardening, execution
 *     -> resolvers    with context.ts and services.ts: what a resolver is handed, declared by them
 *       -> connectors
 *         -> src/domain    rules, models, access, identity, reports
 *            src/platform  upstream, cache, audit, register, observability, config, errors, systems
 *
 * and, beside the direction: resolvers never import an upstream record type
 * (connectors/<system>/types.ts or its generated types); src/domain has no I/O of its own (no file,
 * socket, HTTP, database or Redis module: it reaches them through the platform); the domain's rules
 * and models import nothing but each other (test/unit/domain/boundaries.test.ts checks the rules
 * file by file); only src/server/main.ts starts the simulators. Every module of src/, resolvers/ and
 * connectors/ must sit in a tier's folder, so a new folder is placed on purpose. There are no
 * exceptions, and there may be none: move the type or the function instead.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

type Layer = 'server' | 'resolvers' | 'connectors' | 'domain' | 'platform';

/** Higher may import lower or equal; domain and platform are one tier (they use each other). */
const RANK: Record<Layer, number> = { server: 3, resolvers: 2, connectors: 1, domain: 0, platform: 0 };

/** Each module's layer: the folder is the tier. */
const LAYERS: readonly (readonly [string, Layer])[] = [
  ['src/server/', 'server'],
  ['resolvers/', 'resolvers'],
  ['connectors/', 'connectors'],
  ['src/domain/', 'domain'],
  ['src/platform/', 'platform'],
];

/** The domain's rules and the models it declares (wire records are mapped to them in connectors). */
const PURE = /^src\/domain\/(rules|models)\//;

/** Modules that do I/O: files, sockets, HTTP, processes, PostgreSQL, PGlite, Redis. */
const IO_MODULES =
  /^(node:)?(fs|fs\/promises|net|tls|http|https|http2|dgram|child_process|worker_threads)$|^(pg|ioredis|@electric-sql\/pglite)(\/|$)/;

const UPSTREAM_RECORD_TYPES = /^connectors\/[^/]+\/types(\.generated)?\.ts$/;

function layerOf(path: string): Layer | undefined {
  return LAYERS.find(([prefix]) => path.startsWith(prefix))?.[1];
}

/** Why `from -> to` (a repository path, or a package for a bare import) breaks the rule, or null. */
function violation(from: string, to: string): string | null {
  if (from.startsWith('src/domain/') && IO_MODULES.test(to)) return 'the domain does no I/O of its own';
  if (!to.includes('/') || !/\.tsx?$/.test(to)) {
    if (!to.startsWith('simulators/')) return null; // a package, or a file that is not a module
  }
  if (to.startsWith('simulators/'))
    return from === 'src/server/main.ts' ? null : 'only src/server/main.ts starts the simulators';
  if (PURE.test(from) && !PURE.test(to)) return "the domain's rules and models import nothing from the hub";
  const a = layerOf(from);
  const b = layerOf(to);
  if (a === undefined || b === undefined) return null; // outside the layered code (app/, schema/)
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

/**
 * Every import (static, type-only, re-export or dynamic) of a module: a repository path for a
 * relative one, the package name as written for a bare one.
 */
function importsOf(path: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, path), 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .map((name) =>
      name.startsWith('.')
        ? relative(ROOT, normalize(join(ROOT, dirname(path), name)))
            .split('\\')
            .join('/')
        : name,
    );
}

function violations(): string[] {
  return modules().flatMap((from) =>
    importsOf(from).flatMap((to) => {
      const why = violation(from, to);
      return why ? [`${from} -> ${to}: ${why}`] : [];
    }),
  );
}

describe('the import rule: server -> resolvers -> connectors -> domain and platform', () => {
  it('places every module of src/, resolvers/ and connectors/ in a tier, and src/ holds only the tiers', () => {
    const all = modules();
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter((path) => layerOf(path) === undefined)).toEqual([]);
    const top = readdirSync(join(ROOT, 'src'), { withFileTypes: true }).map((e) => e.name);
    expect(top.sort()).toEqual(['domain', 'platform', 'server']);
  });

  it('finds no import that runs the wrong way, and no I/O in the domain', () => {
    expect(violations()).toEqual([]);
  });

  it('names each kind of wrong-way import', () => {
    expect(violation('connectors/lcs/loaders.ts', 'resolvers/support/childView.ts')).toMatch(/up the layers/);
    expect(violation('connectors/lcs/map.ts', 'resolvers/context.ts')).toMatch(/connectors -> resolvers/);
    expect(violation('resolvers/child.ts', 'src/server/app.ts')).toMatch(/resolvers -> server/);
    expect(violation('src/platform/cache/keys.ts', 'src/server/http/events.ts')).toMatch(
      /platform -> server/,
    );
    expect(violation('src/domain/identity/linker.ts', 'connectors/lcs/map.ts')).toMatch(
      /domain -> connectors/,
    );
    expect(violation('resolvers/education.ts', 'connectors/eyes/types.ts')).toMatch(/upstream record type/);
    expect(violation('resolvers/education.ts', 'connectors/eyes/types.generated.ts')).toMatch(
      /upstream record/,
    );
    expect(violation('src/domain/rules/cost.ts', 'src/platform/config/index.ts')).toMatch(/rules and models/);
    expect(violation('src/domain/models/education.ts', 'src/domain/identity/types.ts')).toMatch(
      /rules and models/,
    );
    expect(violation('src/domain/identity/load.ts', 'node:fs/promises')).toMatch(/no I\/O/);
    expect(violation('src/domain/reports/caseload.ts', 'pg')).toMatch(/no I\/O/);
    expect(violation('src/domain/access/decide.ts', 'ioredis')).toMatch(/no I\/O/);
    expect(violation('connectors/lcs/client.ts', 'simulators/index.ts')).toMatch(/only src\/server\/main.ts/);
    // The allowed directions.
    expect(violation('src/server/app.ts', 'connectors/lcs/client.ts')).toBeNull();
    expect(violation('resolvers/child.ts', 'resolvers/context.ts')).toBeNull();
    expect(violation('resolvers/education.ts', 'connectors/eyes/map.ts')).toBeNull();
    expect(violation('connectors/lcs/map.ts', 'src/domain/models/socialCare.ts')).toBeNull();
    expect(violation('src/domain/models/socialCare.ts', 'src/domain/models/shared.ts')).toBeNull();
    expect(violation('src/platform/config/schema.ts', 'src/domain/access/localKey.ts')).toBeNull();
    expect(violation('src/platform/register/store.ts', 'pg')).toBeNull();
    expect(violation('src/domain/access/authenticate.ts', 'jose')).toBeNull();
    expect(violation('src/server/main.ts', 'simulators/index.ts')).toBeNull();
  });
});
