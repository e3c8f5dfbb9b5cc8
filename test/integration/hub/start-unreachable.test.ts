/**
 * Start-up that explains itself: it says what it loads, and with an upstream unreachable, `npm start` says which system and
 * URL cannot be read, is not ready (it listens, and /readyz says which system it waits for), retries,
 * and is ready once the system answers: no stack trace, no crash.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startSimulators, type RunningSimulators } from '../../../simulators/index.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
let sims: RunningSimulators | undefined;
let hub: ChildProcess | undefined;

afterAll(async () => {
  hub?.kill('SIGTERM');
  await sims?.close();
});

const waitFor = (read: () => string, pattern: RegExp, ms: number) =>
  new Promise<RegExpExecArray>((done, fail) => {
    const started = Date.now();
    const look = setInterval(() => {
      const match = pattern.exec(read());
      if (match) {
        clearInterval(look);
        done(match);
      } else if (Date.now() - started > ms) {
        clearInterval(look);
        fail(new Error(`no ${pattern} in:\n${read()}`));
      }
    }, 100);
  });

it('names the unreachable system and its URL, stays unready and retries, then starts without a stack trace', async () => {
  sims = await startSimulators({ seed: 'start-up', scale: 'tiny' });
  const faults = `${sims.urls.lcs}/__sim/faults`;
  await fetch(faults, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: '{"down":true}',
  });
  const dir = mkdtempSync(join(tmpdir(), 'svoc-start-'));
  const env = { ...process.env };
  delete env.NODE_ENV; // run as `npm start` runs for a developer
  hub = spawn('npm', ['start'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: {
      ...env,
      PORT: '0',
      LCS_URL: sims.urls.lcs!,
      EYES_URL: sims.urls.eyes!,
      LIFT_URL: sims.urls.lift!,
      FRONTDOOR_URL: sims.urls.frontdoor!,
      AUDIT_FILE: join(dir, 'audit.jsonl'),
      AUTH_LOCAL_KEY_FILE: join(dir, 'key.json'),
    },
  });
  let out = '';
  hub.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  hub.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));

  await waitFor(
    () => out,
    /lcs cannot be read at http:\/\/127\.0\.0\.1:\d+ \(UPSTREAM_\w+\): the hub is not ready/,
    60_000,
  );
  expect(out).not.toMatch(/GraphQL and GraphiQL:/);
  const [, listening] = await waitFor(() => out, /Listening on (http:\/\/\S+) while/, 10_000);
  const unready = await fetch(`${listening}/readyz`);
  expect(unready.status).toBe(503);
  expect(((await unready.json()) as { reason: string }).reason).toMatch(/^lcs cannot be read/);

  await fetch(faults, { method: 'DELETE' });
  const [, url] = await waitFor(() => out, /GraphQL and GraphiQL: (http:\/\/\S+)/, 90_000);
  const ready = await fetch(url!.replace('/graphql', '/readyz'));
  expect(ready.status).toBe(200);
  expect(out).not.toMatch(/^\s+at /m);
  // It says what it is doing while it loads: the people read and linked into the directory.
  expect(out).toMatch(/child directory: linking \d+ people records/);
});
