/**
 * The reports phase of `npm run bench`, on a hub started for it whose report-fact warm-up has
 * ended (as in production, where a hub serves long before a manager asks): the README's
 * team-manager and finance-officer queries asked for the first time (cold) and again (warm), then
 * practitioners' cold child views at 10 connections while those two reports are asked over and
 * over: their p50/p99 say whether a report is felt at the front line.
 */
import { runLoad, type RequestPlan, type RunFigures, type UpstreamCounter } from './load.ts';
import { readmeQuery } from './queries.ts';

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
}

const WARM_RUNS = 5;

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
  options.log(
    `  cold views during reports: p50 ${views.p50Ms} ms, p99 ${views.p99Ms} ms, ${reportsAnswered} reports answered (${reportErrors} with errors)`,
  );
  return { warmUp: options.warmUp, reports, viewsDuringReports: { ...views, reportsAnswered, reportErrors } };
}
