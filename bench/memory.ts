/**
 * `npm run bench:memory`: the hub's resident memory started the production way (NODE_ENV=production,
 * JWKS sign-in, configured keys) from source through tsx and compiled (`node dist/src/server/main.js`; run
 * `npm run build` first; BENCH_BUILD_DIR names another build), over the same simulators (demo county,
 * seed svoc), under the same fixed load: BENCH_REQUESTS (5000) single-view queries (the bench's) at
 * 10 connections over 500 children. Prints VmRSS after start-up and after the load, and the peak
 * (VmHWM), from /proc.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { loadLocalSigningKey, mintToken } from '../src/domain/access/index.ts';
import { serveJwks } from '../test/integration/access/harness.ts';
import { runLoad, simulatorCounter } from './load.ts';
import { peakRssMb } from './procStats.ts';
import { HUB_NODE_FLAGS, startProcess } from './processes.ts';
import { SINGLE_VIEW } from './queries.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 5000);
const BUILD_DIR = process.env['BENCH_BUILD_DIR'] ?? 'dist';
const ISSUER = 'https://idp.bench.invalid';
const AUDIENCE = 'svoc-hub';
const VARIANTS = [
  {
    name: 'tsx (node --import tsx src/server/main.ts)',
    args: [...HUB_NODE_FLAGS, '--import', 'tsx', 'src/server/main.ts'],
  },
  {
    name: `compiled (node ${BUILD_DIR}/src/server/main.js)`,
    args: [...HUB_NODE_FLAGS, join(BUILD_DIR, 'src', 'server', 'main.js')],
  },
];

const rssMb = (pid: number): number => {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
};

const work = mkdtempSync(join(tmpdir(), 'svoc-memory-'));
const key = await loadLocalSigningKey(join(work, 'key.json'));
const jwks = await serveJwks(key.publicJwk);
const sims = await startProcess<{ urls: Record<string, string> }>({
  name: 'simulators',
  entry: './sims.ts',
  env: { BENCH_SEED: 'svoc', BENCH_SCALE: 'demo' },
});
const { urls } = sims.info;
const token = await mintToken(
  key,
  { userId: 'bench-memory', roles: ['FRONT_DOOR', 'FINANCE'] },
  { issuer: ISSUER, audience: AUDIENCE, ttlSeconds: 3600 },
);
const people = (await (await fetch(`${urls['lcs']}/people?limit=500`)).json()) as {
  items: { personId: string }[];
};
const ids = people.items.map((p) => `lcs:${p.personId}`);

try {
  for (const variant of VARIANTS) {
    const hub = spawn(process.execPath, variant.args, {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
        AUTH_MODE: 'jwks',
        AUTH_JWKS_URL: jwks.url,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
        CACHE_KEYS: 'k1:bench-memory-sealing-key-0123456789abcdef',
        AUDIT_CHAIN_KEY: 'bench-memory-audit-chain-key-0123456789abcdef',
        AUDIT_FILE: join(work, 'audit.jsonl'),
        RATE_LIMIT_PER_MINUTE: '1000000',
        RATE_LIMIT_BURST: '1000000',
        LCS_URL: urls['lcs']!,
        EYES_URL: urls['eyes']!,
        LIFT_URL: urls['lift']!,
        FRONTDOOR_URL: urls['frontdoor']!,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      hub.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /GraphQL and GraphiQL: (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      hub.once('exit', (code) => reject(new Error(`${variant.name} exited (${code})`)));
    });
    await sleep(2000);
    const started = rssMb(hub.pid!);
    // Restricted people answer NOT_FOUND (counted as errors); their share is the same for both.
    const figures = await runLoad(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        next: (i) => ({
          body: JSON.stringify({ query: SINGLE_VIEW, variables: { id: ids[i % ids.length] } }),
        }),
      },
      {
        connections: 10,
        durationSeconds: 300,
        amount: REQUESTS,
        pid: hub.pid!,
        counter: simulatorCounter(Object.values(urls)),
      },
    );
    const after = rssMb(hub.pid!);
    console.log(
      `${variant.name}: RSS ${started.toFixed(0)} MB after start-up, ${after.toFixed(0)} MB after ` +
        `${figures.requests} requests (${figures.errors} errors), peak ${peakRssMb(hub.pid!).toFixed(0)} MB`,
    );
    const exited = new Promise((resolve) => hub.once('exit', resolve));
    hub.kill('SIGTERM');
    await exited;
  }
} finally {
  await sims.stop();
  await new Promise<void>((resolve) => jwks.server.close(() => resolve()));
  rmSync(work, { recursive: true, force: true });
}
