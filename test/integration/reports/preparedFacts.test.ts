/**
 * Issue 18: reports never start cold. Hubs run with REPORT_FACTS_PREPARE on (the production
 * default) over real simulators and a real Redis: the warm-up prepares every report list in the
 * shared cache, a second instance reads what the first prepared, a change event shows in the next
 * report without waiting for a TTL, and a system that cannot be read during warm-up leaves reports
 * answering the rest with `sources` naming what is missing.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearPrefix,
  startWorld,
  uniquePrefix,
  SYSTEMS,
  type CachingWorld,
  type RunningHub,
} from '../cache/support/hubs.ts';
import { REPORT_FACT_LISTS } from '../../../connectors/reportLists.ts';
import { LCS_PAGE_LIMIT } from '../../../connectors/lcs/client.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const prefixes: string[] = [];
const envFor = (label: string) => {
  const prefix = uniquePrefix(label);
  prefixes.push(prefix);
  return {
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    CACHE_KEYS: 'it:prepared-facts-sealing-key-0123456789abcdef',
    REPORT_FACTS_PREPARE: 'true',
    // Nothing here may become current by expiring: an hour is longer than the whole file.
    CACHE_TTL_SECONDS: '3600',
    REPORT_FACTS_RECONCILE_SECONDS: '3600',
    UPSTREAM_TIMEOUT_MS: '20000',
    REPORT_UPSTREAM_TIMEOUT_MS: '20000',
    REQUEST_DEADLINE_MS: '60000',
  };
};

let world: CachingWorld;
let redis: Redis;
let analyst: string;

/**
 * The routes only report list reads use (the directory's load reads people, pupils, contacts,
 * clients, and the whole referral list: see `directoryReferralPages`).
 */
const REPORT_ONLY_ROUTES = [
  'GET /assessments',
  'GET /s47-enquiries',
  'GET /cp-plans',
  'GET /cla-episodes',
  'GET /placements',
  'GET /involvements',
  'GET /ehcp-requests',
  'GET /agreements',
  'GET /budget-lines',
  'GET /send-costs',
];

async function callsTo(routes: readonly string[]): Promise<number> {
  let total = 0;
  for (const system of SYSTEMS) {
    const response = await fetch(`${world.sims.urls[system]!.replace(/\/$/, '')}/__sim/stats`);
    const { byRoute } = (await response.json()) as { byRoute: Record<string, number> };
    for (const route of routes) total += byRoute[route] ?? 0;
  }
  return total;
}

/**
 * The pages of LCS's whole referral list a directory load reads (each LCS record carries its
 * person's referrals, evidence for linking front-door contacts): referral reads beyond these are a
 * report's.
 */
function directoryReferralPages(): number {
  const { socialCare } = world.sims.county.lcs;
  let referrals = 0;
  for (const id of socialCare.ids()) referrals += socialCare.get(id)?.referrals.length ?? 0;
  return Math.max(1, Math.ceil(referrals / LCS_PAGE_LIMIT));
}

async function startWarmed(env: Record<string, string>): Promise<RunningHub> {
  const hub = await world.startHub(env);
  await hub.hub.reportFacts!.warmedUp();
  await hub.settled();
  return hub;
}

const period = (asOf: string) => {
  const to = asOf;
  const from = `${String(Number(to.slice(0, 4)) - 1)}${to.slice(4, 8)}01`;
  return { from, to };
};

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  world = await startWorld('prepared-facts');
  analyst = await world.token({ userId: 'prepared-analyst', roles: ['TEAM_MANAGER', 'ADMIN'] });
}, 120_000);

afterAll(async () => {
  await world?.close();
  if (redis) {
    for (const prefix of prefixes) await clearPrefix(redis, prefix);
    redis.disconnect();
  }
});

describe('prepared report facts', () => {
  it('are warmed at start-up, and a second instance on the same Redis reads them without reading any list', async () => {
    const env = envFor('shared');
    const first = await startWarmed(env);
    expect((await first.hub.reportFacts!.warmedUp()).failed).toEqual([]);
    const { from, to } = period(world.sims.county.asOf);
    const report = `{ performance(from: "${from}", to: "${to}") {
      assessments { completed onTime } reReferrals { referrals reReferrals }
      contactsByMonth { month total } ehcpFinalPlans { completed }
      sources { system status } } }`;
    const fromFirst = await first.query(analyst, report);
    expect(fromFirst.body.errors).toBeUndefined();

    await world.resetCalls();
    const second = await startWarmed(env);
    expect(await callsTo(REPORT_ONLY_ROUTES)).toBe(0);
    expect(await callsTo(['GET /referrals'])).toBe(directoryReferralPages());
    await world.resetCalls();
    const fromSecond = await second.query(analyst, report);
    expect(fromSecond.body.errors).toBeUndefined();
    expect(fromSecond.body.data).toEqual(fromFirst.body.data);
    expect(await world.calls()).toEqual({ lcs: 0, eyes: 0, lift: 0, frontdoor: 0 });
    await second.close();
    await first.close();
  }, 180_000);

  it('a report after a change event shows the change, with no TTL to wait for', async () => {
    const hub = await startWarmed(envFor('change'));
    const { to } = period(world.sims.county.asOf);
    // A decided contact in a prepared month: its decision changes upstream.
    const contacts = world.sims.county.frontdoor.contacts;
    const contact = contacts
      .ids()
      .map((id) => contacts.get(id)!)
      .find((c) => c.decision === 'NFA' && c.contactDate.slice(0, 7) === to.slice(0, 7))!;
    expect(contact).toBeDefined();
    const month = contact.contactDate.slice(0, 7);
    const query = `{ performance(from: "${month}-01", to: "${contact.contactDate}") {
      contactsByMonth { month total byOutcome { code count } } } }`;
    const outcomes = async () => {
      const answer = await hub.query(analyst, query);
      expect(answer.body.errors).toBeUndefined();
      const months = (
        answer.body.data as unknown as {
          performance: { contactsByMonth: { month: string; byOutcome: { code: string; count: number }[] }[] };
        }
      ).performance.contactsByMonth;
      const counts = months.find((m) => m.month === month)!.byOutcome;
      return Object.fromEntries(counts.map((c) => [c.code, c.count]));
    };
    const before = await outcomes();

    await world.patch('frontdoor', 'contacts', contact.contactId, { decision: 'EARLY_HELP' });
    expect(await outcomes()).toEqual(before); // prepared, and nobody said it changed
    expect(await hub.postEvents({ system: 'frontdoor', resource: 'contacts', id: contact.contactId })).toBe(
      202,
    );
    const after = await outcomes();
    expect(after['NFA'] ?? 0).toBe((before['NFA'] ?? 0) - 1);
    expect(after['EARLY_HELP'] ?? 0).toBe((before['EARLY_HELP'] ?? 0) + 1);
    await hub.close();
  }, 180_000);

  it('a change no event announced shows after the next reconciliation', async () => {
    const hub = await startWarmed(envFor('reconcile'));
    const { to } = period(world.sims.county.asOf);
    const contacts = world.sims.county.frontdoor.contacts;
    const contact = contacts
      .ids()
      .map((id) => contacts.get(id)!)
      .find((c) => c.decision === 'ADVICE' && c.contactDate.slice(0, 7) === to.slice(0, 7))!;
    expect(contact).toBeDefined();
    const month = contact.contactDate.slice(0, 7);
    const query = `{ performance(from: "${month}-01", to: "${contact.contactDate}") {
      contactsByMonth { month byOutcome { code count } } } }`;
    const advice = async () => {
      const answer = await hub.query(analyst, query);
      expect(answer.body.errors).toBeUndefined();
      const months = (
        answer.body.data as unknown as {
          performance: { contactsByMonth: { month: string; byOutcome: { code: string; count: number }[] }[] };
        }
      ).performance.contactsByMonth;
      return months.find((m) => m.month === month)!.byOutcome.find((c) => c.code === 'ADVICE')?.count ?? 0;
    };
    const before = await advice();
    await world.patch('frontdoor', 'contacts', contact.contactId, { decision: 'NFA' });
    expect(await advice()).toBe(before);
    await hub.hub.reportFacts!.reconcile();
    expect(await advice()).toBe(before - 1);
    await hub.close();
  }, 180_000);

  it('a CP plan ended upstream leaves the children-on-plans count as soon as its change event is acknowledged', async () => {
    const hub = await startWarmed(envFor('lcs-change'));
    const on = world.sims.county.asOf;
    const records = world.sims.county.lcs.socialCare;
    const personId = records
      .ids()
      .find((id) => records.get(id)!.cpPlans.some((p) => p.startDate < on && p.endDate === null))!;
    expect(personId).toBeDefined();
    const query = `{ performance(from: "${on}", to: "${on}") { childrenAt(date: "${on}") { onChildProtectionPlans } } }`;
    const onPlans = async () => {
      const answer = await hub.query(analyst, query);
      expect(answer.body.errors).toBeUndefined();
      return (
        answer.body.data as unknown as { performance: { childrenAt: { onChildProtectionPlans: number } } }
      ).performance.childrenAt.onChildProtectionPlans;
    };
    const before = await onPlans();

    const cpPlans = records
      .get(personId)!
      .cpPlans.map((p) => (p.startDate < on && p.endDate === null ? { ...p, endDate: on } : p));
    await world.patch('lcs', 'social-care', personId, { cpPlans });
    expect(await onPlans()).toBe(before); // prepared, and nobody said it changed
    expect(await hub.postEvents({ system: 'lcs', resource: 'social-care', id: personId })).toBe(202);
    expect(await onPlans()).toBe(before - 1);
    await hub.close();
  }, 180_000);

  it('when one system cannot be read during warm-up, reports answer the rest and name it in sources', async () => {
    await world.faults('eyes', { down: true, routes: ['GET /ehcp-requests', 'GET /ehcp-plans'] });
    try {
      const hub = await startWarmed({ ...envFor('eyes-down'), UPSTREAM_MAX_RETRIES: '0' });
      const warmUp = await hub.hub.reportFacts!.warmedUp();
      const eyesLists = REPORT_FACT_LISTS.filter((l) => l.system === 'eyes').map((l) => l.resource);
      expect(warmUp.failed.map((f) => f.resource).sort()).toEqual(eyesLists.sort());

      const { from, to } = period(world.sims.county.asOf);
      const answer = await hub.query(
        analyst,
        `{ performance(from: "${from}", to: "${to}") {
          assessments { completed } ehcpFinalPlans { completed } sources { system status } } }`,
      );
      const data = answer.body.data as unknown as {
        performance: {
          assessments: { completed: number } | null;
          ehcpFinalPlans: unknown;
          sources: { system: string; status: string }[];
        };
      };
      expect(data.performance.assessments?.completed).toBeGreaterThan(0);
      expect(data.performance.ehcpFinalPlans).toBeNull();
      expect(answer.body.errors?.map((e) => [e.extensions?.code, e.extensions?.system])).toEqual([
        ['UPSTREAM_UNAVAILABLE', 'EYES'],
      ]);
      expect(data.performance.sources).toEqual(
        expect.arrayContaining([
          { system: 'LCS', status: 'OK' },
          { system: 'EYES', status: 'UNAVAILABLE' },
        ]),
      );
      await hub.close();
    } finally {
      await world.faults('eyes', null);
    }
  }, 180_000);

  it('a list the warm-up could not read is read in the background once its system answers, and its reports then read prepared facts', async () => {
    await world.faults('eyes', { down: true, routes: ['GET /ehcp-requests', 'GET /ehcp-plans'] });
    let hub: RunningHub | undefined;
    try {
      hub = await startWarmed({ ...envFor('eyes-back'), UPSTREAM_MAX_RETRIES: '0' });
      const eyesLists = REPORT_FACT_LISTS.filter((l) => l.system === 'eyes').map((l) => l.resource);
      expect((await hub.hub.reportFacts!.warmedUp()).failed.map((f) => f.resource).sort()).toEqual(
        eyesLists.sort(),
      );
    } finally {
      await world.faults('eyes', null);
    }
    // Nobody asks for a report: the warm-up itself tries the lists again, backing off, until read.
    await hub.hub.reportFacts!.allPrepared();
    await hub.settled();
    await world.resetCalls();
    const { from, to } = period(world.sims.county.asOf);
    const answer = await hub.query(
      analyst,
      `{ performance(from: "${from}", to: "${to}") {
        ehcpFinalPlansRequestedInPeriod { started } sources { system status } } }`,
    );
    expect(answer.body.errors).toBeUndefined();
    const data = answer.body.data as unknown as {
      performance: {
        ehcpFinalPlansRequestedInPeriod: { started: number };
        sources: { system: string; status: string }[];
      };
    };
    expect(data.performance.ehcpFinalPlansRequestedInPeriod.started).toBeGreaterThan(0);
    expect(data.performance.sources).toEqual(expect.arrayContaining([{ system: 'EYES', status: 'OK' }]));
    expect((await world.calls()).eyes).toBe(0);
    await hub.close();
  }, 180_000);
});
