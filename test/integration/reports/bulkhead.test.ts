/**
 * Issue 18, "reports never compete with practitioners", through a real hub over the real
 * simulators: report list reads go through the report bulkhead (own breaker, concurrency cap and
 * timeout), so a slow or failing report never opens the breaker a child view depends on, and a
 * report with one system missing answers the rest and names the missing system in `sources`.
 * A plain node:http proxy in front of LCS counts how many report list reads are in flight at once.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startReportHarness, type ReportHarness } from './harness.ts';
import { parsePrometheus, total } from '../resilience/support.ts';

const REPORT_CONCURRENCY = 2;
/** LCS routes only reports read (child views read people, social care, involvements). */
const REPORT_ROUTES = [
  '/referrals',
  '/assessments',
  '/s47-enquiries',
  '/cp-plans',
  '/cla-episodes',
  '/placements',
];

let h: ReportHarness;
let proxy: Server;
let analyst: string;
let viewer: string;
let inFlight = 0;
let maxInFlight = 0;

/** Forwards to LCS untouched, counting report list reads in flight at once. */
function startProxy(): Promise<string> {
  return new Promise((resolve) => {
    proxy = createServer((req, res) => {
      const counted = REPORT_ROUTES.includes(new URL(req.url ?? '/', 'http://x').pathname);
      if (counted) maxInFlight = Math.max(maxInFlight, ++inFlight);
      let done = false;
      const finish = () => {
        if (counted && !done) inFlight--;
        done = true;
      };
      res.on('close', finish);
      const to = new URL(lcsUrl);
      const upstream = httpRequest(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      res.on('close', () => upstream.destroy());
      req.pipe(upstream);
    });
    proxy.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`));
  });
}

/** Where the proxy forwards: LCS, once the harness has started the simulators. */
let lcsUrl = '';

const faults = (system: 'lcs' | 'eyes', body: object | null) =>
  fetch(`${h.sims.urls[system]}/__sim/faults`, {
    method: body ? 'PUT' : 'DELETE',
    headers: { 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

/** The first day of the month `n` months before `today`. */
function monthStart(today: string, n: number): string {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
}
/** The last day of the month `n` months before `today`. */
const monthEnd = (today: string, n: number) => {
  const d = new Date(`${monthStart(today, n - 1)}T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
};

const REPORT = `query Report($from: Date!, $to: Date!) { performance(from: $from, to: $to) {
  sources { system status }
  assessmentsStartedInPeriod { started }
  ehcpFinalPlansRequestedInPeriod { started }
} }`;

const CHILD = `query View($id: ID!) { child(id: $id) { sources { system status } socialCare { caseStatus } } }`;

/** Children with an LCS record, by hub id (restricted ones left out). */
function lcsChildren(): string[] {
  const ids: string[] = [];
  for (const truth of h.sims.county.groundTruth()) {
    if (truth.lcs.length === 0) continue;
    const cluster = h.hub.directory.resolve(`lcs:${truth.lcs[0]}`);
    if (cluster && !cluster.restricted) ids.push(cluster.hubId);
    if (ids.length === 5) break;
  }
  return ids;
}

async function metric(name: string, system: string): Promise<number> {
  const text = await (await fetch(h.url.replace('/graphql', '/metrics'))).text();
  return total(parsePrometheus(text), name, { system });
}

beforeAll(async () => {
  // The hub reads LCS through the proxy from its first call (the directory load at start-up).
  const proxyUrl = await startProxy();
  h = await startReportHarness({
    env: {
      LCS_URL: proxyUrl,
      REPORT_UPSTREAM_MAX_CONCURRENCY: String(REPORT_CONCURRENCY),
      REPORT_UPSTREAM_TIMEOUT_MS: '3000',
      BREAKER_FAILURE_THRESHOLD: '2',
      BREAKER_COOLDOWN_MS: '60000',
    },
    beforeHub: (sims) => (lcsUrl = sims.urls.lcs!),
  });
  analyst = await h.token({ userId: 'analyst', roles: ['TEAM_MANAGER', 'ADMIN'] });
  viewer = await h.token({ userId: 'viewer', roles: ['FRONT_DOOR', 'FINANCE'] });
});
afterEach(async () => {
  await faults('lcs', null);
  await faults('eyes', null);
});
afterAll(async () => {
  await h?.close();
  await new Promise((resolve) => proxy?.close(resolve));
});

describe('the report bulkhead', () => {
  it('sends at most REPORT_UPSTREAM_MAX_CONCURRENCY report list reads to a system at once', async () => {
    await faults('lcs', { latencyMs: 30, routes: REPORT_ROUTES });
    maxInFlight = 0;
    const { body } = await h.query(analyst, REPORT, {
      from: monthStart(h.today, 12),
      to: monthEnd(h.today, 1),
    });
    expect(body.data.performance).not.toBeNull();
    expect(body.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('INTERNAL');
    // Twelve months of assessments want six reads at once (the loader's own bound); the bulkhead allows two.
    expect(maxInFlight).toBeGreaterThan(0);
    expect(maxInFlight).toBeLessThanOrEqual(REPORT_CONCURRENCY);
  });

  it('answers the parts it could read when one system fails, and names the missing system in sources', async () => {
    await faults('eyes', { errorRate: 1, status: 503 });
    const { status, body } = await h.query(analyst, REPORT, {
      from: monthStart(h.today, 24),
      to: monthEnd(h.today, 13),
    });
    expect(status).toBe(200);
    const report = body.data.performance;
    expect(report).not.toBeNull();
    expect(report.assessmentsStartedInPeriod.started).toBeGreaterThan(0);
    expect(report.ehcpFinalPlansRequestedInPeriod).toBeNull();
    expect(report.sources).toEqual(
      expect.arrayContaining([
        { system: 'LCS', status: 'OK' },
        { system: 'EYES', status: 'UNAVAILABLE' },
      ]),
    );
    // The one error is the missing measure's own, coded and naming the system; never INTERNAL.
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
  });

  it('keeps the interactive LCS breaker closed and child views answering while a report hangs on LCS', async () => {
    await faults('lcs', { hang: true, routes: REPORT_ROUTES });
    const children = lcsChildren();
    expect(children.length).toBeGreaterThan(0);
    const report = h.query(analyst, REPORT, { from: monthStart(h.today, 36), to: monthEnd(h.today, 25) });
    const during = [];
    for (const id of children) during.push((await h.query(viewer, CHILD, { id })).body);
    const { body } = await report;
    const after = await Promise.all(children.map(async (id) => (await h.query(viewer, CHILD, { id })).body));

    // The report answered and said LCS is missing (EYES's part is the test above's).
    expect(body.data.performance).not.toBeNull();
    expect(body.data.performance.assessmentsStartedInPeriod).toBeNull();
    const lcs = body.data.performance.sources.find((s: { system: string }) => s.system === 'LCS');
    expect(['TIMEOUT', 'UNAVAILABLE']).toContain(lcs.status);
    expect(body.errors?.map((e) => e.extensions?.code)).not.toContain('INTERNAL');

    for (const view of [...during, ...after]) {
      expect(view.errors).toBeUndefined();
      expect(view.data.child.sources).toContainEqual({ system: 'LCS', status: 'OK' });
    }
    // Its failures opened the report bulkhead's breaker only (0 closed, 2 open).
    expect(await metric('svoc_upstream_breaker_state', 'lcs')).toBe(0);
    expect(await metric('svoc_report_upstream_breaker_state', 'lcs')).toBe(2);
  });
});
