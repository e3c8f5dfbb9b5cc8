/**
 * `npm start` serves a county that is current today: generated as of today's Europe/London date,
 * so a first look at caseloads shows what a council would see, not a county months out of date
 * judged at the wall clock. Runs the real entry point as a child process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** London's date, computed here without the hub's helper. */
const londonToday = () =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London' })
    .format(new Date())
    .split('/')
    .reverse()
    .join('-');

function startMain(env: Record<string, string>): Promise<{ countyDate: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'svoc-main-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SIM_SCALE: 'tiny',
      LOG_LEVEL: 'silent',
      AUDIT_FILE: join(dir, 'audit.jsonl'),
      AUTH_LOCAL_KEY_FILE: join(dir, 'key.json'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no start-up line in time:\n${out}`));
    }, 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /county, seed "[^"]*", as of (\d{4}-\d{2}-\d{2})\)/.exec(out);
      if (match && out.includes('hub ready')) {
        clearTimeout(timer);
        resolve({ countyDate: match[1]!, stop: () => child.kill('SIGTERM') });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
}

describe('npm start', () => {
  it('generates the in-process county as of today’s London date unless SIM_AS_OF pins one', async () => {
    const today = londonToday();
    const current = await startMain({});
    current.stop();
    expect(current.countyDate).toBe(today);

    const pinned = await startMain({ SIM_AS_OF: '2026-10-31' });
    pinned.stop();
    expect(pinned.countyDate).toBe('2026-10-31');
  }, 200_000);
});
