/**
 * The reports phase of `npm run bench`, on a hub started for it whose report-fact warm-up has
 * ended (as in production, where a hub serves long before a manager asks): the README's
 * team-manager and finance-officer queries asked for the first time (cold) and again (warm), then
 * practitioners' cold child views at 10 connections while those two reports are asked over and
 * over: their p50/p99 say whether a report is felt at the front line. Throughout, the hub's
 * /metrics is read every 250 ms: a circuit breaker seen open (or any call shed as circuit_open)
 * means a report has cost practitioners their reads, which must never happen.
 */
import { runLoad, type RequestPlan, type RunFigures, type UpstreamCounter } from './load.ts';
import { readmeQuery } from './queries.ts';
import { said } from './report.ts';

export interface ReportTiming {
  query: string;
  coldMs: number;
  warmMedianMs: number;
  warmWorstMs: number;
  errors: number;
}

export interface ReportsPhaseResult {
  /** How long after the hub process started its warm-up ended (ms), and lists that failed. */
  warmUp: { ms: number; failed: string[] };
  reports: ReportTiming[];
  /** Cold child views while the reports loop; `reportsAnswered` during the run. */
  viewsDuringReports: RunFigures & { reportsAnswered: number; reportErrors: number };
  /**
   * Systems whose breaker was seen open during the phase: those guarding practitioners' reads
   * (`interactive`: must never open because of a report) and the report bulkhead's own (`reports`:
   * a report that cannot read a system answers without it).
   */
  breakers: { interactive: string[]; reports: string[] };
}

const BREAKER_OPEN = 2;
/** The hub's metric prefixes for the two sets of upstream clients (src/server/http/metrics.ts). */
const SERIES = { interactive: 'svoc_upstream', reports: 'svoc_report_upstream' } as const;

/**
 * Polls the hub's Prometheus text for breaker states (a gauge: 2 is open) and calls shed because
 * a breaker was open (a counter, so an opening shorter than the poll interval is still seen).
 */
function watchBreakers(hubUrl: string): { stop(): Promise<ReportsPhaseResult['breakers']> } {
  const metricsUrl = new URL('/metrics', hubUrl).toString();
  const opened = new Set<string>();
  const shedBefore = new Map<string, number>();
  let first = true;
  const read = async () => {
    const response = await fetch(metricsUrl).catch(() => null);
    if (!response?.ok) return;
    for (const line of (await response.text()).split('\n')) {
      const state = /^(\w+)_breaker_state\{system="(\w+)"\} (\d+)/.exec(line);
      if (state && Number(state[3]) === BREAKER_OPEN) opened.add(`${state[1]} ${state[2]}`);
      const shed = /^(\w+)_shed_total\{system="(\w+)",reason="circuit_open"\} (\d+)/.exec(line);
      if (shed) {
        const key = `${shed[1]} ${shed[2]}`;
        if (first) shedBefore.set(key, Number(shed[3]));
        else if (Number(shed[3]) > (shedBefore.get(key) ?? 0)) opened.add(key);
      }
    }
    first = false;
  };
  let running = true;
  const loop = (async () => {
    while (running) {
      await read();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await read();
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      const systems = (prefix: string) =>
        [...opened]
          .filter((o) => o.startsWith(`${prefix} `))
          .map((o) => o.slice(prefix.length + 1))
          .sort();
      return { interactive: systems(SERIES.interactive), reports: systems(SERIES.reports) };
    },
  };
}

/** Askings after the first (cold) one, per report query. */
export const WARM_RUNS = 5;

async function timed(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const t0 = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  return { ms: performance.now() - t0, failed: !response.ok || (body.errors?.length ?? 0) > 0 };
}

export async function measureReports(options: {
  url: string;
  pid: number;
  manager: string;
  finance: string;
  team: string;
  warmUp: { ms: number; failed: string[] };
  views: (connections: number) => RequestPlan;
  counter: UpstreamCounter;
  durationSeconds: number;
  log: (message: string) => void;
}): Promise<ReportsPhaseResult> {
  const asked = [
    { query: 'README TeamManager', token: options.manager, text: readmeQuery('TeamManager') },
    { query: 'README FinanceOfficer', token: options.finance, text: readmeQuery('FinanceOfficer') },
  ];
  const variables = { team: options.team };
  const breakers = watchBreakers(options.url);
  const reports: ReportTiming[] = [];
  for (const { query, token, text } of asked) {
    const cold = await timed(options.url, token, text, variables);
    const warm: number[] = [];
    let errors = cold.failed ? 1 : 0;
    for (let i = 0; i < WARM_RUNS; i++) {
      const run = await timed(options.url, token, text, variables);
      warm.push(run.ms);
      if (run.failed) errors++;
    }
    warm.sort((a, b) => a - b);
    reports.push({
      query,
      coldMs: cold.ms,
      warmMedianMs: warm[Math.floor(warm.length / 2)]!,
      warmWorstMs: warm.at(-1)!,
      errors,
    });
    options.log(
      `  ${query}: cold ${cold.ms.toFixed(0)} ms, warm median ${reports.at(-1)!.warmMedianMs.toFixed(0)} ms, errors ${errors}`,
    );
  }

  let running = true;
  let reportsAnswered = 0;
  let reportErrors = 0;
  const loop = (async () => {
    while (running) {
      for (const { token, text } of asked) {
        if (!running) break;
        const run = await timed(options.url, token, text, variables);
        reportsAnswered++;
        if (run.failed) reportErrors++;
      }
    }
  })();
  const views = await runLoad(options.views(10), {
    connections: 10,
    durationSeconds: options.durationSeconds,
    pid: options.pid,
    counter: options.counter,
  });
  running = false;
  await loop;
  const opened = await breakers.stop();
  options.log(
    `  cold views during reports: p50 ${views.p50Ms} ms, p99 ${views.p99Ms} ms, ${reportsAnswered} reports answered (${reportErrors} with errors)`,
  );
  options.log(
    `  breakers opened: interactive ${said(opened.interactive)}, report bulkhead ${said(opened.reports)}`,
  );
  return {
    warmUp: options.warmUp,
    reports,
    viewsDuringReports: { ...views, reportsAnswered, reportErrors },
    breakers: opened,
  };
}
