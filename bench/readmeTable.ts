/**
 * The README's performance table from `npm run bench:readme`'s results (bench/readme.ts): issue 18's
 * rows, each with its target (bench/targets.ts), and the machine and date; and the README section
 * between the perf-table markers it goes into.
 */
import { cpus, totalmem } from 'node:os';
import type { StartFigure } from './registerStart.ts';
import { said, type BenchResults } from './report.ts';
import { WARM_RUNS } from './reportsPhase.ts';
import { TARGETS } from './targets.ts';

export const MARKER_START = '<!-- perf-table:start -->';
export const MARKER_END = '<!-- perf-table:end -->';
/** The command that produces the table, named in it. */
export const COMMAND = 'npm run bench:readme';

export interface Row {
  what: string;
  measured: string;
  target: string;
  met: boolean | null;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const mark = (met: boolean | null) => (met === null ? '—' : met ? 'yes' : '**no**');

/** The issue's rows from the steps' results; a scale not run shows as such. */
export function tableRows(
  demo: BenchResults | null,
  county: BenchResults | null,
  start: StartFigure[] | null,
  /** The demo's single views again with Redis as the cache (production's setting); null: not run. */
  demoRedis: BenchResults | null = null,
): Row[] {
  const rows: Row[] = [];
  const notRun = (what: string, target: string) =>
    rows.push({ what, measured: 'not run', target, met: null });
  const reportRows = (r: BenchResults | null, scale: string) => {
    for (const name of ['README TeamManager', 'README FinanceOfficer']) {
      const label =
        name === 'README TeamManager' ? "README's team-manager query" : "README's finance-officer query";
      const q = r?.reportsPhase.reports.find((x) => x.query === name);
      const coldTarget = `< ${TARGETS.reportColdMs / 1000} s, no error, no breaker guarding practitioners' reads opened`;
      const warmTarget = `< ${TARGETS.reportWarmMs} ms`;
      if (!r || !q) {
        notRun(`${label}, ${scale}, first time`, coldTarget);
        notRun(`${label}, ${scale}, warm`, warmTarget);
        continue;
      }
      const { interactive, reports } = r.reportsPhase.breakers;
      rows.push({
        what: `${label}, ${scale}, first time`,
        measured: `${ms(q.coldMs)}; ${q.errors} errors in ${1 + WARM_RUNS} askings; breakers opened during the reports phase: practitioners' ${said(interactive)}, report bulkhead ${said(reports)}`,
        target: coldTarget,
        met: q.coldMs < TARGETS.reportColdMs && q.errors === 0 && interactive.length === 0,
      });
      rows.push({
        what: `${label}, ${scale}, warm`,
        measured: `median ${ms(q.warmMedianMs)}, worst ${ms(q.warmWorstMs)}`,
        target: warmTarget,
        met: q.warmMedianMs < TARGETS.reportWarmMs,
      });
    }
  };
  reportRows(county, 'county scale');

  const restart = start?.find((s) => s.name.includes('restart (from it)'));
  const empty = start?.find((s) => s.name.includes('empty'));
  if (restart && empty)
    rows.push({
      what: 'Hub start at county scale, from a populated register on PostgreSQL',
      measured: `${(restart.readyMs / 1000).toFixed(1)} s, ${restart.rssMb} MB resident (empty register, every system read: ${(empty.readyMs / 1000).toFixed(1)} s, ${empty.rssMb} MB)`,
      target: `< ${TARGETS.countyRestartMs / 1000} s, < ${TARGETS.countyRestartRssMb} MB (issue 17)`,
      met: restart.readyMs < TARGETS.countyRestartMs && restart.rssMb < TARGETS.countyRestartRssMb,
    });
  else notRun('Hub start at county scale, from a populated register on PostgreSQL', 'issue 17');
  const sweep = start?.find((s) => s.sweep)?.sweep;
  if (sweep)
    rows.push({
      what: "Register sweep at county scale (every system's whole list read and compared; hourly)",
      measured:
        `${sweep.read} people in ${(sweep.ms / 1000).toFixed(1)} s, ${(sweep.cpuMs / 1000).toFixed(1)} s CPU, ` +
        `resident ${sweep.rssBeforeMb} → ${sweep.rssPeakMb} MB; /healthz meanwhile p99 ${sweep.healthP99Ms} ms, max ${sweep.healthMaxMs} ms`,
      target: '—',
      met: null,
    });
  else notRun("Register sweep at county scale (every system's whole list read and compared; hourly)", '—');

  const run = (r: BenchResults | null, name: string, target: string, conns: number) =>
    r?.scenarios
      .find((s) => s.name === name && s.target === target)
      ?.runs.find((x) => x.connections === conns);
  /** The single-view rows of one demo run; `cache` names its cache in each row. */
  const viewRows = (r: BenchResults | null, cache: string) => {
    const base50 = run(r, 'single view, cold', 'baseline', 50);
    const base10 = run(r, 'single view, cold', 'baseline', 10);
    const cold50 = run(r, 'single view, cold', 'hub', 50);
    const cold10 = run(r, 'single view, cold', 'hub', 10);
    const warm50 = run(r, 'single view, warm', 'hub', 50);
    const coldWhat = `Cold single view, 50 connections (demo, ${cache})`;
    const cpuWhat = `Hub CPU per cold view (demo, ${cache})`;
    const warmWhat = `Warm single view, 50 connections (demo, ${cache})`;
    const memoryWhat = `Peak resident memory, demo, ${cache}`;
    if (base50 && cold50) {
      const ratio = cold50.requestsPerSecond / base50.requestsPerSecond;
      rows.push({
        what: coldWhat,
        measured: `${cold50.requestsPerSecond.toFixed(0)} req/s, ${ratio.toFixed(2)} × the baseline (${base50.requestsPerSecond.toFixed(0)}), p50 ${cold50.p50Ms} ms against ${base50.p50Ms} ms`,
        target: `≥ ${TARGETS.coldThroughputRatio} × baseline`,
        met: ratio >= TARGETS.coldThroughputRatio,
      });
      const cpu = (x: typeof cold10) => (x?.cpuMsPerRequest ?? NaN).toFixed(2);
      rows.push({
        what: cpuWhat,
        measured: `${cpu(cold50)} ms at 50 connections, ${cpu(cold10)} at 10 (baseline ${cpu(base50)} / ${cpu(base10)})`,
        target: `≤ ${TARGETS.coldCpuMsPerView.toFixed(1)} ms`,
        met: (cold50.cpuMsPerRequest ?? Infinity) <= TARGETS.coldCpuMsPerView,
      });
    } else {
      notRun(coldWhat, `≥ ${TARGETS.coldThroughputRatio} × baseline`);
      notRun(cpuWhat, `≤ ${TARGETS.coldCpuMsPerView.toFixed(1)} ms`);
    }
    if (base50 && warm50) {
      const ratio = warm50.requestsPerSecond / base50.requestsPerSecond;
      rows.push({
        what: warmWhat,
        measured: `${warm50.requestsPerSecond.toFixed(0)} req/s, ${ratio.toFixed(2)} × the baseline, p50 ${warm50.p50Ms} ms`,
        target: `≥ ${TARGETS.warmThroughputRatio} × baseline`,
        met: ratio >= TARGETS.warmThroughputRatio,
      });
    } else notRun(warmWhat, `≥ ${TARGETS.warmThroughputRatio} × baseline`);
    if (r)
      rows.push({
        what: memoryWhat,
        measured: `${r.peakRssMb.toFixed(0)} MB (highest of the run's hubs)`,
        target: `< ${TARGETS.demoPeakRssMb} MB`,
        met: r.peakRssMb < TARGETS.demoPeakRssMb,
      });
    else notRun(memoryWhat, `< ${TARGETS.demoPeakRssMb} MB`);
  };
  viewRows(demo, 'in-memory cache');
  viewRows(demoRedis, 'Redis');

  if (county)
    rows.push({
      what: 'Peak resident memory, county scale',
      measured: `${county.peakRssMb.toFixed(0)} MB (the reports hub, start-up included)`,
      target: '—',
      met: null,
    });
  else notRun('Peak resident memory, county scale', '—');

  for (const [r, scale] of [
    [demo, 'demo'],
    [county, 'county scale'],
  ] as const) {
    const what = `Cold child views while both report queries run, 10 connections, ${scale}`;
    const target = `p99 < ${TARGETS.viewsDuringReportsP99Ms} ms`;
    if (!r) {
      notRun(what, target);
      continue;
    }
    const v = r.reportsPhase.viewsDuringReports;
    rows.push({
      what,
      measured: `p99 ${v.p99Ms} ms, p50 ${v.p50Ms} ms, ${v.requestsPerSecond.toFixed(0)} req/s, ${v.errors} errors; ${v.reportsAnswered} reports answered (${v.reportErrors} with errors)`,
      target,
      met: v.p99Ms < TARGETS.viewsDuringReportsP99Ms,
    });
  }
  reportRows(demo, 'demo');
  return rows;
}

export function renderTable(
  rows: readonly Row[],
  context: {
    date: string;
    commit: string;
    loadBefore: string;
    loadAfter: string;
    settingsFrom: BenchResults | null;
    minutes: number;
  },
): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown';
  const s = context.settingsFrom?.settings;
  const lines = [
    `Produced by \`${COMMAND}\` on ${context.date} (git ${context.commit}, ${context.minutes.toFixed(0)} minutes).`,
    '',
    `Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version} (${process.platform} ${process.arch}); ` +
      `load average (1 / 5 / 15 min) ${context.loadBefore} before, ${context.loadAfter} after.`,
    '',
    s
      ? `Cache: the single-view and demo memory rows name theirs, every other row ran with ${s.cache}; register: ${s.register}; hub ${s.hubRuntime}; simulators answer after ${s.upstreamLatencyMs} ms; ` +
        `${s.warmupSeconds} s warm-up, then the median-throughput run of ${s.repeats} × ${s.durationSeconds} s per figure.`
      : '',
    '',
    '| what | measured | target | met |',
    '| --- | --- | --- | :---: |',
    ...rows.map((r) => `| ${r.what} | ${r.measured} | ${r.target} | ${mark(r.met)} |`),
    '',
    'Every figure of the run (on the machine that ran it, not committed): `bench/results/readme-{demo,demo-redis,county}.md`, `bench/results/readme-register.json`.',
  ];
  return lines.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

/** Puts `table` into README.md between the markers, leaving the rest as it is. */
export function insertIntoReadme(readme: string, table: string): string {
  const start = readme.indexOf(MARKER_START);
  const end = readme.indexOf(MARKER_END);
  if (start === -1 || end === -1 || end < start)
    throw new Error(`README.md has no ${MARKER_START} … ${MARKER_END} section`);
  return `${readme.slice(0, start + MARKER_START.length)}\n\n${table.trimEnd()}\n\n${readme.slice(end)}`;
}
