/**
 * Times each indicator and finance query at county scale, cold (empty cache) and warm.
 *
 *   npx tsx bench/indicators.ts [--scale county|demo|tiny] [--seed S] [--runs N] [--only TEXT]
 *
 * Starts the four simulators over a generated county and a hub pointed at them over HTTP, with a
 * real Redis (REDIS_URL, default redis://127.0.0.1:6379) under a throwaway key prefix that is
 * removed at the end. "Today" is pinned to the county's asOf. Each query runs once cold (first
 * time, empty cache), then `runs` times warm; the table shows the cold time, the warm median and
 * worst, and the upstream calls each made (from the simulators' /__sim/stats).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { createHub } from '../src/server/app.ts';
import { loadConfig } from '../src/platform/config/index.ts';
import { loadLocalSigningKey, mintToken } from '../src/domain/access/index.ts';
import { addDays, addMonths } from '../src/domain/rules/index.ts';
import { startSimulators } from '../simulators/index.ts';
import type { Scale } from '../simulators/county/types.ts';
import { readmeQuery } from './queries.ts';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'county' },
    seed: { type: 'string', default: 'bench' },
    runs: { type: 'string', default: '5' },
    // Ask the README's team-manager query the moment the hub is up, while the warm-up runs.
    'ask-during-warm-up': { type: 'boolean', default: false },
    // Upstream latency (ms) the simulators add to every call, as `npm run bench` sets it.
    latency: { type: 'string', default: '0' },
    /** Time only the queries whose name contains one of these comma-separated texts. */
    only: { type: 'string', default: '' },
  },
});
const scale = args.scale as Scale;
const runs = Math.max(1, Number(args.runs));
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main(): Promise<void> {
  let started = Date.now();
  const sims = await startSimulators({ seed: args.seed, scale });
  const county = sims.county;
  log(
    `county ${scale} generated and served in ${((Date.now() - started) / 1000).toFixed(1)} s (asOf ${county.asOf})`,
  );

  // The busiest team and, within it, the busiest worker (by open involvements).
  const teamLoad = new Map<string, number>();
  const workerLoad = new Map<string, number>();
  for (const id of county.lcs.socialCare.ids()) {
    for (const involvement of county.lcs.socialCare.get(id)!.involvements) {
      if (involvement.endDate !== null) continue;
      teamLoad.set(involvement.teamId, (teamLoad.get(involvement.teamId) ?? 0) + 1);
      workerLoad.set(involvement.workerId, (workerLoad.get(involvement.workerId) ?? 0) + 1);
    }
  }
  const busiest = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1])[0]!;
  const [teamId, teamCases] = busiest(teamLoad);
  const [workerId, workerCases] = busiest(workerLoad);
  log(`busiest team ${teamId} (${teamCases} open involvements), busiest worker ${workerId} (${workerCases})`);

  // The simulators build their list indexes on first use (EYES derives every pupil's record
  // lazily); that is the simulator's cost, not the hub's, so it is paid here, untimed by the table.
  const to = county.asOf;
  const indexed = Date.now();
  const warmRoutes: [string | undefined, string][] = [
    [sims.urls.lcs, `/referrals?from=${to}&limit=1`],
    [sims.urls.lcs, `/assessments?from=${to}&limit=1`],
    [sims.urls.lcs, `/s47-enquiries?from=${to}&limit=1`],
    [sims.urls.lcs, `/cp-plans?activeOn=${to}&limit=1`],
    [sims.urls.lcs, `/cla-episodes?activeOn=${to}&limit=1`],
    [sims.urls.lcs, `/involvements?teamId=${teamId}&open=true&limit=1`],
    [sims.urls.lcs, `/involvements?teamId=${teamId}&limit=1`],
    [sims.urls.lcs, `/teams?limit=1`],
    [sims.urls.eyes, `/ehcp-requests?from=${to}&limit=1`],
    [sims.urls.frontdoor, `/contacts?from=${to}&to=${to}&limit=1`],
    [sims.urls.lift, `/agreements?from=${to}&limit=1`],
    [sims.urls.lcs, `/placements?from=${to}&to=${to}&limit=1`],
    [sims.urls.lift, `/send-costs?from=${to}&limit=1`],
  ];
  for (const [base, path] of warmRoutes) {
    const response = await fetch(new URL(path, base!));
    if (!response.ok) throw new Error(`simulator warm-up failed: ${path} ${response.status}`);
  }
  log(`simulator list indexes built in ${((Date.now() - indexed) / 1000).toFixed(1)} s`);

  const dir = mkdtempSync(join(tmpdir(), 'svoc-bench-'));
  const prefix = `bench:indicators:${randomUUID()}:`;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    AUDIT_FILE: join(dir, 'audit.jsonl'),
    AUTH_LOCAL_KEY_FILE: join(dir, 'key.json'),
    LCS_URL: sims.urls.lcs!,
    EYES_URL: sims.urls.eyes!,
    LIFT_URL: sims.urls.lift!,
    FRONTDOOR_URL: sims.urls.frontdoor!,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_BURST: '10000',
    ...(process.env['REQUEST_DEADLINE_MS']
      ? { REQUEST_DEADLINE_MS: process.env['REQUEST_DEADLINE_MS'] }
      : {}),
  });
  started = Date.now();
  const hub = await createHub(config, { now: () => Date.parse(`${county.asOf}T12:00:00Z`) });
  const { url } = await hub.listen(0, '127.0.0.1');
  log(
    `hub ready in ${((Date.now() - started) / 1000).toFixed(1)} s (request deadline ${config.requestDeadlineMs} ms)`,
  );

  const key = await loadLocalSigningKey(config.auth.mode === 'local' ? config.auth.keyFile : undefined);
  const mint = (claims: Parameters<typeof mintToken>[1]) =>
    mintToken(key, claims, { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 3600 });
  const finance = await mint({ userId: 'bench-finance', roles: ['FINANCE'] });
  const manager = await mint({ userId: 'bench-manager', roles: ['TEAM_MANAGER'], teamId });
  const analyst = await mint({ userId: 'bench-analyst', roles: ['TEAM_MANAGER', 'ADMIN'] });
  const practitioner = await mint({ userId: 'bench-worker', roles: ['SOCIAL_WORKER'], workerId });

  const from = addDays(addMonths(to, -12), 1);
  const period = `from: "${from}", to: "${to}"`;
  const measure = 'started onTime late due overdue excluded completedOnTimePercent';
  const completion = 'completed onTime late excluded completedOnTimePercent';
  const month =
    'month countedOn onChildProtectionPlans lookedAfter contacts assessmentsCompleted assessmentsCompletedOnTime';
  const overdue = 'totalCount nodes { childId mostWorkingDaysLate overdue { item dueDate workingDaysLate } }';
  const summary =
    'children openByStatus { status children } visitsDue visitsOverdue assessmentsOverdue icpcsOverdue cpReviewsOverdue claReviewsOverdue';
  const figures =
    'agreements children runningOnPastPlannedEnd thisFinancialYear committed forecastYear previousYear changePercent';
  const budgetRow =
    'key budget spentYearToDate committed forecast variance variancePercent overBudgetMonths budgetExceededIn';
  const forecast =
    'committed newPlacements stepDowns scenario total budget variance byPlacementType { placementType newPlacements stepDowns scenario }';
  const queries: { name: string; token: string; query: string; variables?: Record<string, unknown> }[] = [
    {
      name: 'README: team manager (caseload and performance)',
      token: manager,
      query: readmeQuery('TeamManager'),
      variables: { team: teamId },
    },
    { name: 'README: finance officer', token: finance, query: readmeQuery('FinanceOfficer') },
    {
      name: 'finance: whole report',
      token: finance,
      query: `{ financeReport { asOf totals { ${figures} } byServiceType { key figures { ${figures} } } byPlacementType { key figures { forecastYear } }
        byProviderType { key figures { ${figures} } } byTeam { key figures { forecastYear } } byProvider(first: 20) { label figures { forecastYear } }
        byMonth { month spent committed } highestCostChildren(first: 20) { childId figures { forecastYear } }
        budget { totals { ${budgetRow} months { month budget forecast } } byServiceLine { ${budgetRow} } byPlacementType { ${budgetRow} }
          byTeam { ${budgetRow} } byCostCentre { ${budgetRow} } }
        unitCosts { byPlacementType { key children averageWeeklyCost } byProviderType { key children averageWeeklyCost } }
        forecast { ${forecast} }
        highNeeds { totals { pupils forecast } byCostType { key pupils forecast forecastPerPupil } highNeedsBlock { budget forecast variance } } } }`,
    },
    {
      name: 'finance: budget vs forecast and a scenario',
      token: finance,
      query: `{ financeReport { budget { byServiceLine { ${budgetRow} } byTeam { ${budgetRow} } }
        forecast(scenario: [{ placementType: "K2", count: 10, from: "${addMonths(to, 2).slice(0, 7)}-01", weeklyCost: 550000 }]) { ${forecast} } } }`,
    },
    {
      name: 'performance: assessments authorised, 45 wd',
      token: analyst,
      query: `{ performance(${period}) { assessments { ${completion} } } }`,
    },
    {
      name: 'performance: assessments from referral',
      token: analyst,
      query: `{ performance(${period}) { assessmentsFromReferral { ${completion} } } }`,
    },
    {
      name: 'performance: assessments started in period',
      token: analyst,
      query: `{ performance(${period}) { assessmentsStartedInPeriod { ${measure} } } }`,
    },
    {
      name: 'performance: ICPCs held, 15 wd',
      token: analyst,
      query: `{ performance(${period}) { initialChildProtectionConferences { ${completion} } } }`,
    },
    {
      name: 'performance: EHC plans issued, 20 weeks',
      token: analyst,
      query: `{ performance(${period}) { ehcpFinalPlans { ${completion} } } }`,
    },
    {
      name: 'performance: monthly series',
      token: analyst,
      query: `{ performance(${period}) { monthly { ${month} } } }`,
    },
    {
      name: 'performance: one service, monthly series',
      token: analyst,
      query: `{ performance(${period}, service: "Disabilities") { assessments { ${completion} } monthly { ${month} } } }`,
    },
    {
      name: 'performance: CP measures',
      token: analyst,
      query: `{ performance(${period}) { childProtection { started secondOrSubsequent openTwoYearsOrMore openByLatestCategory { category plans } } } }`,
    },
    {
      name: 'performance: front door',
      token: analyst,
      query: `{ performance(${period}) { frontDoor { contacts byRoute { code count } byRag { code count } decidedWithinOneWorkingDayPercent conversionPercent } } }`,
    },
    {
      name: 'performance: repeat contacts 12 m',
      token: analyst,
      query: `{ performance(${period}) { frontDoor { repeatContacts repeatContactsPercent } } }`,
    },
    {
      name: 'performance: contacts by month',
      token: analyst,
      query: `{ performance(${period}) { contactsByMonth { month total bySource { code count } byOutcome { code count } } } }`,
    },
    {
      name: 'performance: re-referrals 12 m',
      token: analyst,
      query: `{ performance(${period}) { reReferrals { referrals reReferrals percent } } }`,
    },
    {
      name: 'performance: CP and CLA at date',
      token: analyst,
      query: `{ performance(${period}) { childrenAt { onChildProtectionPlans lookedAfter } } }`,
    },
    {
      name: 'performance: EHCP annual reviews',
      token: analyst,
      query: `{ performance(${period}) { ehcpAnnualReviews { due held heldOnTime meetingsHeld decisionsWithinFourWeeks plansInForce overdue } } }`,
    },
    {
      name: 'performance: children missing education',
      token: analyst,
      query: `{ performance(${period}) { childrenMissingEducation { openAtAsOf newInPeriod closedInPeriod medianDaysMissing } } }`,
    },
    {
      name: 'performance: care leavers',
      token: analyst,
      query: `{ performance(${period}) { careLeavers { aged19to21 { cohort inTouch inSuitableAccommodation inEducationEmploymentOrTraining } aged17to18 { cohort inTouch } } } }`,
    },
    {
      name: 'performance: UASC and CIN plans',
      token: analyst,
      query: `{ performance(${period}) { unaccompaniedAsylumSeekingChildren { lookedAfter unaccompanied } childInNeedPlans { open started reviews { completed onTime } } } }`,
    },
    {
      name: 'caseload: busiest team',
      token: manager,
      query: `{ team(id: "${teamId}") { caseloadSummary { ${summary} } } }`,
    },
    {
      name: 'caseload: busiest team, overdue children',
      token: manager,
      query: `{ team(id: "${teamId}") { overdueChildren(first: 50) { ${overdue} } } }`,
    },
    {
      name: 'caseload: team by worker',
      token: manager,
      query: `{ team(id: "${teamId}") { caseloadByWorker { worker { id } summary { ${summary} } } } }`,
    },
    {
      name: 'caseload: busiest worker (own)',
      token: practitioner,
      query: `{ worker(id: "${workerId}") { caseloadSummary { ${summary} } } }`,
    },
  ];

  const upstreamCalls = async () => {
    let total = 0;
    for (const base of Object.values(sims.urls)) {
      const response = await fetch(new URL('/__sim/stats', base));
      total += ((await response.json()) as { total: number }).total;
    }
    return total;
  };
  const run = async (token: string, query: string, variables?: Record<string, unknown>) => {
    const before = await upstreamCalls();
    const t0 = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    const ms = performance.now() - t0;
    if (body.errors?.length)
      throw new Error(
        `query failed: ${body.errors.map((e) => `${e.extensions?.code ?? e.message} at ${(e as { path?: unknown[] }).path?.join('.') ?? '?'}`).join(', ')}`,
      );
    return { ms, calls: (await upstreamCalls()) - before };
  };

  // As in production the warm-up runs in the background from start-up; the table starts once it
  // has ended, so "cold" is each query's first asking on a just-started hub.
  if (args['ask-during-warm-up']) {
    const t0 = performance.now();
    const during = await run(manager, readmeQuery('TeamManager'), { team: teamId }).then(
      (r) => `${r.ms.toFixed(0)} ms, ${r.calls} upstream calls`,
      (error: unknown) => `failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    log(`README team manager asked during warm-up (${(performance.now() - t0).toFixed(0)} ms): ${during}`);
  }
  const warmUp = await hub.reportFacts?.warmedUp();
  log(
    `report facts warm-up ended ${((Date.now() - started) / 1000).toFixed(1)} s after start-up began` +
      ` (took ${warmUp?.ms ?? 0} ms; failed lists: ${warmUp?.failed.map((f) => f.resource).join(', ') || 'none'})`,
  );
  if (Number(args.latency) > 0) {
    for (const base of Object.values(sims.urls)) {
      await fetch(new URL('/__sim/faults', base), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ latencyMs: Number(args.latency) }),
      });
    }
  }
  const rows: string[][] = [];
  try {
    for (const { name, token, query, variables } of queries.filter(
      (q) => !args.only || args.only.split(',').some((text) => q.name.includes(text)),
    )) {
      let cold: { ms: number; calls: number };
      try {
        cold = await run(token, query, variables);
      } catch (error) {
        rows.push([
          name,
          `failed: ${error instanceof Error ? error.message : String(error)}`,
          '',
          '',
          '',
          '',
        ]);
        log(`${name}: cold run failed`);
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 200)); // let the write-back land
      const warm: number[] = [];
      let warmCalls = 0;
      let warmFailure: string | null = null;
      for (let i = 0; i < runs && warmFailure === null; i++) {
        try {
          const result = await run(token, query, variables);
          warm.push(result.ms);
          warmCalls = Math.max(warmCalls, result.calls);
        } catch (error) {
          warmFailure = error instanceof Error ? error.message : String(error);
        }
      }
      if (warmFailure !== null) {
        rows.push([name, cold.ms.toFixed(0), String(cold.calls), `warm run failed: ${warmFailure}`, '', '']);
        log(`${name}: warm run failed`);
        continue;
      }
      warm.sort((a, b) => a - b);
      rows.push([
        name,
        cold.ms.toFixed(0),
        String(cold.calls),
        warm[Math.floor(warm.length / 2)]!.toFixed(0),
        warm.at(-1)!.toFixed(0),
        String(warmCalls),
      ]);
      log(`${name}: ${rows.at(-1)!.slice(1).join(' / ')}`);
    }

    const header = [
      'query',
      'cold ms',
      'cold upstream calls',
      'warm median ms',
      'warm worst ms',
      'warm upstream calls',
    ];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) =>
      `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
    console.log(
      `\nIndicator queries, ${scale} scale (seed ${args.seed}, asOf ${county.asOf}, period ${from}..${to}), Redis L2, ${runs} warm runs\n`,
    );
    console.log(line(header));
    console.log(
      `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
    );
    for (const row of rows) console.log(line(row));
  } finally {
    await hub.stop();
    await sims.close();
  }
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  // Keep-alive sockets and timers must not keep a finished benchmark alive.
  .finally(() => process.exit());
