/** The benchmark's results: latest.json (everything) and a markdown table with the ratios and targets. */
import type { RunFigures } from './load.ts';
import type { ReportsPhaseResult } from './reportsPhase.ts';

export interface ScenarioResult {
  name: string;
  target: 'hub' | 'baseline' | 'floor';
  description: string;
  runs: RunFigures[];
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

export interface BenchResults {
  date: string;
  machine: { cpus: string; cores: number; memoryGb: number; node: string; platform: string };
  settings: {
    upstreamLatencyMs: number;
    cache: string;
    /** Where the hubs kept the child register (PostgreSQL, PGlite, off). */
    register: string;
    /** How the hub ran: compiled to JavaScript under plain node (as in production), or through tsx. */
    hubRuntime: string;
    scale: string;
    durationSeconds: number;
    warmupSeconds: number;
    repeats: number;
    children: number;
  };
  scenarios: ScenarioResult[];
  ratios: Record<string, number | null>;
  caseloadCalls: { byRoute: Record<string, number>; children: number };
  targets: TargetCheck[];
  factsMatch: { checked: number; equal: number };
  reportsPhase: ReportsPhaseResult & { peakRssMb: number | null };
  /** The highest peak resident memory of any hub the run started, MB. */
  peakRssMb: number;
}

/** A list of names, or "none". */
export const said = (names: readonly string[]) => (names.length === 0 ? 'none' : names.join(', '));

const fmt = (value: number | null, digits = 1) =>
  value === null || Number.isNaN(value) ? '—' : value.toFixed(digits);

export function renderMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  lines.push(
    `Measured ${r.date} on ${r.machine.cores} × ${r.machine.cpus}, ${r.machine.memoryGb} GB, Node ${r.machine.node} (${r.machine.platform}).`,
  );
  lines.push(
    `Upstream latency ${r.settings.upstreamLatencyMs} ms, ${r.settings.scale} county, cache: ${r.settings.cache}, register: ${r.settings.register}, hub run ${r.settings.hubRuntime}; ${r.settings.warmupSeconds} s warm-up then ${r.settings.repeats} measured runs of ${r.settings.durationSeconds} s, the median-throughput run reported; ${r.settings.children} distinct children rotated.` +
      (r.factsMatch.checked > 0
        ? ` Single-view answers equal the baseline's for ${r.factsMatch.equal}/${r.factsMatch.checked} children checked.`
        : ''),
  );
  if (r.scenarios.length > 0) {
    lines.push('');
    lines.push(
      '| scenario | server | conns | req/s | p50 ms | p99 ms | errors | upstream calls/req | CPU ms/req | peak RSS MB |',
    );
    lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  }
  for (const s of r.scenarios) {
    for (const run of s.runs) {
      lines.push(
        `| ${s.name} | ${s.target} | ${run.connections} | ${fmt(run.requestsPerSecond, 0)} | ${fmt(run.p50Ms)} | ${fmt(run.p99Ms)} | ${run.errors} | ${fmt(run.upstreamCallsPerRequest, 2)} | ${fmt(run.cpuMsPerRequest, 2)} | ${fmt(run.peakRssMb, 0)} |`,
      );
    }
  }
  if (Object.keys(r.ratios).length > 0) {
    lines.push('');
    lines.push('| ratio | value |');
    lines.push('| --- | ---: |');
  }
  for (const [name, value] of Object.entries(r.ratios)) lines.push(`| ${name} | ${fmt(value, 2)} |`);
  lines.push('');
  lines.push('| target | measured | met |');
  lines.push('| --- | --- | :---: |');
  for (const t of r.targets) lines.push(`| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`);
  if (r.caseloadCalls.children > 0) {
    lines.push('');
    lines.push(
      `Caseload of 50, one cold request (${r.caseloadCalls.children} children): ` +
        Object.entries(r.caseloadCalls.byRoute)
          .map(([route, n]) => `${route} ×${n}`)
          .join(', '),
    );
  }
  const p = r.reportsPhase;
  lines.push('');
  lines.push(
    `Reports (a hub of their own, fresh cache; report facts warmed ${fmt(p.warmUp.ms / 1000)} s after its process started` +
      `${p.warmUp.failed.length > 0 ? `, failed: ${p.warmUp.failed.join(', ')}` : ''}; peak RSS ${fmt(p.peakRssMb, 0)} MB; ` +
      `breakers opened: interactive ${said(p.breakers.interactive)}, report bulkhead ${said(p.breakers.reports)}):`,
  );
  lines.push('');
  lines.push('| query | cold ms | warm median ms | warm worst ms | errors |');
  lines.push('| --- | ---: | ---: | ---: | ---: |');
  for (const q of p.reports)
    lines.push(
      `| ${q.query} | ${fmt(q.coldMs, 0)} | ${fmt(q.warmMedianMs, 0)} | ${fmt(q.warmWorstMs, 0)} | ${q.errors} |`,
    );
  const v = p.viewsDuringReports;
  lines.push(
    `| cold child views while both run (10 conns) | p50 ${fmt(v.p50Ms)} | p99 ${fmt(v.p99Ms)} | ${fmt(v.requestsPerSecond, 0)} req/s | ${v.errors} (reports answered ${v.reportsAnswered}, with errors ${v.reportErrors}) |`,
  );
  return lines.join('\n') + '\n';
}
