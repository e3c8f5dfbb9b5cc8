/**
 * Vitest's global setup: every run writes its temporary files (the harnesses' audit trails, keys,
 * register data, spawned hubs' directories) under one directory of its own, removed when the run
 * ends, so a local `npm test` leaves nothing behind, as `.ci/run` does with its own TMPDIR. The
 * workers (forks) and the processes they spawn inherit TMPDIR, which os.tmpdir() reads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env['TMPDIR'];
  const dir = mkdtempSync(join(tmpdir(), 'svoc-test-run-'));
  process.env['TMPDIR'] = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
  };
}
