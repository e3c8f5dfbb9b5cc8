import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HUB_NODE_FLAGS } from '../../../bench/processes.ts';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

/** The node options before the entry module in a command's words. */
const flagsBefore = (words: readonly string[], entry: string) => {
  const node = words.indexOf('node');
  const at = words.indexOf(entry);
  expect(node).toBeGreaterThanOrEqual(0);
  expect(at).toBeGreaterThan(node);
  return words.slice(node + 1, at);
};

describe('the hub’s V8 flags', () => {
  it('production’s start command, the demo’s and the image run the hub with the flags the benches use', () => {
    expect(HUB_NODE_FLAGS).toContain('--liftoff-only');
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(flagsBefore(scripts['start:prod']!.split(/\s+/), 'dist/src/server/main.js')).toEqual(
      HUB_NODE_FLAGS,
    );
    expect(flagsBefore(scripts['start']!.split(/\s+/), 'src/server/main.ts')).toEqual([
      ...HUB_NODE_FLAGS,
      '--import',
      'tsx',
    ]);

    const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'))?.[1];
    expect(cmd).toBeDefined();
    expect(flagsBefore(JSON.parse(cmd!) as string[], 'dist/src/server/main.js')).toEqual(HUB_NODE_FLAGS);
  });

  it('node accepts each of them', async () => {
    const { execFileSync } = await import('node:child_process');
    // An option node or V8 does not know stops node before it runs anything.
    expect(
      execFileSync(process.execPath, [...HUB_NODE_FLAGS, '-e', 'process.stdout.write("ok")'], {
        encoding: 'utf8',
      }),
    ).toBe('ok');
  });

  it('keep the young generation at 32 MB however much short-lived garbage a busy hub makes, whatever the host', async () => {
    const { execFileSync } = await import('node:child_process');
    // Objects that live a while, as a request's state does, make V8 grow the young generation up to
    // its limit; Node 24 derives that limit from the host's memory (128 MB on a 24 GB host).
    const script = `
      const v8 = require('node:v8');
      let largest = 0;
      const held = [];
      for (let i = 0; i < 2e6; i++) {
        held.push({ i, s: 'x' + i });
        if (held.length > 200000) held.splice(0, 100000);
        if (i % 50000 === 0) {
          const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
          largest = Math.max(largest, space.space_size);
        }
      }
      process.stdout.write(String(largest));`;
    const largest = Number(
      execFileSync(process.execPath, [...HUB_NODE_FLAGS, '-e', script], { encoding: 'utf8' }),
    );
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThanOrEqual(32 * 1024 * 1024);
  });
});
