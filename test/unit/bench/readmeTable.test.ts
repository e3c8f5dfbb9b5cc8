import { describe, expect, it } from 'vitest';
import { MARKER_END, MARKER_START, insertIntoReadme, tableRows } from '../../../bench/readmeTable.ts';
import type { RunFigures } from '../../../bench/load.ts';
import type { BenchResults, ScenarioResult } from '../../../bench/report.ts';

const figures = (connections: number, requestsPerSecond: number, cpuMsPerRequest: number): RunFigures => ({
  connections,
  durationSeconds: 6,
  requests: requestsPerSecond * 6,
  requestsPerSecond,
  p50Ms: 20,
  p99Ms: 40,
  errors: 0,
  upstreamCallsPerRequest: 5,
  cpuMsPerRequest,
  peakRssMb: 250,
});
/** A demo run's single views: the baseline at 1,000 req/s, the hub cold and warm at what is given. */
const demoRun = (coldPerSecond: number, warmPerSecond: number, peakRssMb: number): BenchResults => {
  const scenario = (name: string, target: ScenarioResult['target'], perSecond: number, cpu: number) => ({
    name,
    target,
    description: '',
    runs: [figures(10, perSecond, cpu), figures(50, perSecond, cpu)],
  });
  return {
    scenarios: [
      scenario('single view, cold', 'baseline', 1000, 0.3),
      scenario('single view, cold', 'hub', coldPerSecond, 0.8),
      scenario('single view, warm', 'hub', warmPerSecond, 0.2),
    ],
    reportsPhase: {
      warmUp: { ms: 1000, failed: [] },
      reports: [],
      viewsDuringReports: { ...figures(10, 300, 1), reportsAnswered: 100, reportErrors: 0 },
      breakers: { interactive: [], reports: [] },
      peakRssMb,
    },
    peakRssMb,
  } as unknown as BenchResults;
};

const readme = (between: string) =>
  `# Title\n\nBefore.\n\n${MARKER_START}\n${between}\n${MARKER_END}\n\nAfter.\n`;

describe('the README performance table', () => {
  it('goes between the markers, replacing what was there and leaving the rest of the README as it was', () => {
    const table = '| what | measured |\n| --- | --- |\n| a | 1 |\n';
    const once = insertIntoReadme(readme('_placeholder_'), table);
    expect(once).not.toContain('_placeholder_');
    expect(once.startsWith('# Title\n\nBefore.\n\n')).toBe(true);
    expect(once.endsWith(`${MARKER_END}\n\nAfter.\n`)).toBe(true);
    expect(once).toContain(`${MARKER_START}\n\n${table}\n${MARKER_END}`);
    // A second run replaces the first table instead of adding another.
    expect(insertIntoReadme(once, table)).toBe(once);
  });

  it('is refused for a README without both markers', () => {
    expect(() => insertIntoReadme('# Title\n', 'x')).toThrow(/perf-table/);
    expect(() => insertIntoReadme(`${MARKER_END}\n${MARKER_START}\n`, 'x')).toThrow(/perf-table/);
  });

  it('shows every row of a scale that was not run as not run, judging none of them', () => {
    const rows = tableRows(null, null, null);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) {
      expect(row.measured).toBe('not run');
      expect(row.met).toBeNull();
    }
  });

  it('judges the single views and the demo memory once per cache, each row naming the cache its run used', () => {
    const rows = tableRows(demoRun(750, 3000, 280), null, null, demoRun(600, 2600, 320));
    const row = (what: string) => rows.find((r) => r.what === what)!;
    expect(row('Cold single view, 50 connections (demo, in-memory cache)')).toMatchObject({ met: true });
    expect(row('Cold single view, 50 connections (demo, in-memory cache)').measured).toContain('0.75 ×');
    expect(row('Cold single view, 50 connections (demo, Redis)')).toMatchObject({ met: false });
    expect(row('Cold single view, 50 connections (demo, Redis)').measured).toContain('0.60 ×');
    expect(row('Warm single view, 50 connections (demo, Redis)').met).toBe(true);
    expect(row('Peak resident memory, demo, in-memory cache').met).toBe(true);
    expect(row('Peak resident memory, demo, Redis')).toMatchObject({
      measured: expect.stringContaining('320 MB'),
      met: false,
    });
  });

  it('shows the Redis rows as not run when only the in-memory run was made', () => {
    const rows = tableRows(demoRun(750, 3000, 280), null, null);
    const redis = rows.filter((r) => r.what.includes('Redis'));
    expect(redis.map((r) => r.what)).toEqual([
      'Cold single view, 50 connections (demo, Redis)',
      'Hub CPU per cold view (demo, Redis)',
      'Warm single view, 50 connections (demo, Redis)',
      'Peak resident memory, demo, Redis',
    ]);
    for (const r of redis) expect(r).toMatchObject({ measured: 'not run', met: null });
  });
});
