/** CPU time and peak resident memory of another process, from /proc (Linux). */
import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of the process, in milliseconds. */
export function cpuMillis(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** VmHWM (peak resident set size) in megabytes. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/**
 * Resolves once the process has used under `share` of one core over a whole `windowMs` (or after
 * `timeoutMs`, false then). The simulators go on building the lists a stopped hub asked for: a
 * start measured meanwhile shares two cores with them, which production's upstreams never take.
 */
export async function quietened(
  pid: number,
  { share = 0.05, windowMs = 1000, timeoutMs = 120_000 } = {},
): Promise<boolean> {
  const started = performance.now();
  for (;;) {
    const before = cpuMillis(pid);
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    if (cpuMillis(pid) - before < share * windowMs) return true;
    if (performance.now() - started > timeoutMs) return false;
  }
}
