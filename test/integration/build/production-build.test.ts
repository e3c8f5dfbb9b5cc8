/**
 * The production build is current and runs: `npm run build` (into a directory of its own under .tmp)
 * compiles today's sources, and the compiled hub started the production way (plain node, no tsx;
 * NODE_ENV=production with JWKS sign-in and configured keys) over the simulators answers a child
 * query through real HTTP and serves the GraphiQL bundle the build made, without building one.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLocalSigningKey, mintToken, type LocalSigningKey } from '../../../src/domain/access/index.ts';
import { GRAPHIQL_ASSET_PREFIX } from '../../../src/server/http/graphiql/page.ts';
import { startSimulators, type RunningSimulators } from '../../../simulators/index.ts';
import { serveJwks } from '../access/harness.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ISSUER = 'https://idp.build-test.invalid';
const AUDIENCE = 'svoc-hub';

let outDir: string;
let workDir: string;
let sims: RunningSimulators;
let jwks: { url: string; server: Server };
let key: LocalSigningKey;
let hub: ChildProcess;
let url: string;
const output: string[] = [];

/** Resolves with the URL the hub prints once it listens; rejects if it exits first. */
function hubUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      const match = /GraphQL and GraphiQL: (http:\/\/\S+)/.exec(output.join(''));
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`compiled hub exited (${code}):\n${output.join('')}`)));
  });
}

beforeAll(async () => {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  outDir = mkdtempSync(join(ROOT, '.tmp', 'build-'));
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/build.ts', relative(ROOT, outDir)],
    {
      cwd: ROOT,
    },
  );
  workDir = mkdtempSync(join(tmpdir(), 'svoc-build-'));
  key = await loadLocalSigningKey(join(workDir, 'key.json'));
  jwks = await serveJwks(key.publicJwk);
  sims = await startSimulators({ seed: 'itest', scale: 'tiny' });
  hub = spawn(process.execPath, [join(outDir, 'src', 'server', 'main.js')], {
    cwd: workDir,
    env: {
      // Only what production sets, and the temporary folder (the embedded register's template goes there).
      ...(process.env['TMPDIR'] ? { TMPDIR: process.env['TMPDIR'] } : {}),
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      AUTH_MODE: 'jwks',
      AUTH_JWKS_URL: jwks.url,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      CACHE_KEYS: 'k1:build-test-sealing-key-0123456789abcdef',
      AUDIT_CHAIN_KEY: 'build-test-audit-chain-key-0123456789abcdef',
      AUDIT_FILE: join(workDir, 'audit.jsonl'),
      GRAPHIQL: 'true',
      LCS_URL: sims.urls.lcs!,
      EYES_URL: sims.urls.eyes!,
      LIFT_URL: sims.urls.lift!,
      FRONTDOOR_URL: sims.urls.frontdoor!,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await hubUrl(hub);
}, 240_000);

afterAll(async () => {
  if (hub && hub.exitCode === null) {
    const exited = new Promise((resolve) => hub.once('exit', resolve));
    hub.kill('SIGTERM');
    await exited;
  }
  await sims?.close();
  if (jwks) await new Promise<void>((resolve) => jwks.server.close(() => resolve()));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the production build', () => {
  it('compiled hub, started with NODE_ENV=production by plain node, answers a child query over HTTP', async () => {
    const truth = [...sims.county.groundTruth()].find((c) => c.lcs.length > 0 && c.eyes.length > 0)!;
    const token = await mintToken(
      key,
      { userId: 'fd-build', roles: ['FRONT_DOOR'] },
      { issuer: ISSUER, audience: AUDIENCE, ttlSeconds: 600 },
    );
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query:
          'query($id: ID!) { child(id: $id, purpose: "build test") { identifiers { lcsPersonIds eyesPupilIds } } }',
        variables: { id: `lcs:${truth.lcs[0]}` },
      }),
    });
    const body = (await response.json()) as {
      data?: { child: { identifiers: { lcsPersonIds: string[]; eyesPupilIds: string[] } } };
      errors?: unknown;
    };
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.child.identifiers.lcsPersonIds).toContain(truth.lcs[0]);
    expect(body.data!.child.identifiers.eyesPupilIds).toEqual(expect.arrayContaining(truth.eyes));
  });

  it('serves the GraphiQL bundle the build made, as built', async () => {
    const manifest = JSON.parse(readFileSync(join(outDir, 'graphiql', 'manifest.json'), 'utf8')) as {
      script: string;
    };
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(manifest.script);
    const script = await fetch(new URL(`${GRAPHIQL_ASSET_PREFIX}${manifest.script}`, url));
    expect(script.status).toBe(200);
    expect(Buffer.from(await script.arrayBuffer())).toEqual(
      readFileSync(join(outDir, 'graphiql', manifest.script)),
    );
  });
});
