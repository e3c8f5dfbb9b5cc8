/**
 * The four simulators over a generated (tiny) county: every list walks every record exactly once,
 * and every page and sampled single read matches the system's own OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { County, RecordSet } from '../../../simulators/county/types.ts';
import { startSimulators, type RunningSimulators } from '../../../simulators/index.ts';
import { ContractValidator, getJson, walkPages } from './helpers.ts';

let running: RunningSimulators;
let county: County;
let urls: Record<'lcs' | 'eyes' | 'lift' | 'frontdoor', string>;
beforeAll(async () => {
  running = await startSimulators({ seed: 'test', scale: 'tiny' });
  county = running.county;
  urls = running.urls as typeof urls;
});
afterAll(() => running.close());

const field = (items: Record<string, unknown>[], name: string) => items.map((i) => i[name]);
/** How many records of one kind (e.g. referrals) all of a set's records hold between them. */
const countAll = (set: RecordSet<unknown>, list: string) =>
  set.ids().reduce((n, id) => n + ((set.get(id) as Record<string, unknown[]>)[list]?.length ?? 0), 0);
const sample = (ids: readonly string[]) => ids.slice(0, 15);

describe('simulators over a generated county', () => {
  it('LCS lists every person, worker and team once, and its reads match the contract', async () => {
    const contract = new ContractValidator('lcs');
    const people = await walkPages(urls.lcs, '/people', '/people?limit=37', contract);
    expect(field(people.items, 'personId')).toEqual([...county.lcs.people.ids()]);
    const workers = await walkPages(urls.lcs, '/workers', '/workers?limit=7', contract);
    expect(field(workers.items, 'workerId')).toEqual([...county.lcs.workers.ids()]);
    const teams = await walkPages(urls.lcs, '/teams', '/teams?limit=3', contract);
    expect(field(teams.items, 'teamId')).toEqual([...county.lcs.teams.ids()]);
    for (const id of sample(county.lcs.people.ids())) {
      contract.check('/people/{personId}', 200, (await getJson(`${urls.lcs}/people/${id}`)).body);
      contract.check(
        '/people/{personId}/social-care',
        200,
        (await getJson(`${urls.lcs}/people/${id}/social-care`)).body,
      );
    }
    const lists: [string, string, string][] = [
      ['/referrals', 'referrals', 'referralId'],
      ['/assessments', 'assessments', 'assessmentId'],
      ['/s47-enquiries', 's47Enquiries', 's47Id'],
      ['/cp-plans', 'cpPlans', 'cpPlanId'],
      ['/cla-episodes', 'claEpisodes', 'episodeId'],
    ];
    for (const [path, list, idField] of lists) {
      const { items } = await walkPages(urls.lcs, path, `${path}?limit=50`, contract);
      expect(items.length, path).toBe(countAll(county.lcs.socialCare, list));
      expect(new Set(field(items, idField)).size, path).toBe(items.length);
    }
  });

  it('EYES lists every pupil once, and its reads match the contract', async () => {
    const contract = new ContractValidator('eyes');
    const pupils = await walkPages(urls.eyes, '/pupils', '/pupils?limit=41', contract);
    expect(field(pupils.items, 'pupilId')).toEqual([...county.eyes.pupils.ids()]);
    for (const id of sample(county.eyes.pupils.ids())) {
      contract.check('/pupils/{pupilId}', 200, (await getJson(`${urls.eyes}/pupils/${id}`)).body);
      contract.check(
        '/pupils/{pupilId}/record',
        200,
        (await getJson(`${urls.eyes}/pupils/${id}/record`)).body,
      );
    }
    const settingIds = county.eyes.settings.ids().slice(0, 100);
    if (settingIds.length > 0) {
      const settings = await getJson(`${urls.eyes}/settings?ids=${settingIds.join(',')}`);
      contract.check('/settings', 200, settings.body);
      expect((settings.body as { missing: string[] }).missing).toEqual([]);
    }
    const requests = await walkPages(urls.eyes, '/ehcp-requests', '/ehcp-requests?limit=25', contract);
    expect(requests.items.length).toBe(countAll(county.eyes.records, 'ehcpRequests'));
  });

  it('EYES lists every EHC plan with its reviews, and every CME referral, once (by period or updatedSince)', async () => {
    const contract = new ContractValidator('eyes');
    type Plan = { planId: string; annualReviews: unknown[] };
    type Cme = { cmeId: string; closedDate: string | null; reportedMissingDate: string };
    const records = county.eyes.records.ids().map(
      (id) =>
        county.eyes.records.get(id) as unknown as {
          ehcpRequests: { plan: Plan | null }[];
          missingEducation: Cme[];
        },
    );
    const plans = records.flatMap((r) => r.ehcpRequests.flatMap((q) => (q.plan ? [q.plan] : [])));
    const cme = records.flatMap((r) => r.missingEducation);
    expect(plans.some((p) => p.annualReviews.length > 0)).toBe(true);
    expect(cme.length).toBeGreaterThan(0);

    const listed = await walkPages(urls.eyes, '/ehcp-plans', '/ehcp-plans?limit=40', contract);
    expect(new Set(field(listed.items, 'planId'))).toEqual(new Set(plans.map((p) => p.planId)));
    expect(listed.items.length).toBe(plans.length);
    const reviews = (items: Record<string, unknown>[]) =>
      items.reduce((n, p) => n + (p['annualReviews'] as unknown[]).length, 0);
    expect(reviews(listed.items)).toBe(plans.reduce((n, p) => n + p.annualReviews.length, 0));

    const all = await walkPages(urls.eyes, '/missing-education', '/missing-education?limit=40', contract);
    expect(new Set(field(all.items, 'cmeId'))).toEqual(new Set(cme.map((c) => c.cmeId)));
    expect(all.items.length).toBe(cme.length);
    const on = county.asOf;
    const open = await walkPages(
      urls.eyes,
      '/missing-education',
      `/missing-education?activeOn=${on}`,
      contract,
    );
    expect(open.items.length).toBe(
      cme.filter((c) => c.reportedMissingDate <= on && (c.closedDate === null || c.closedDate >= on)).length,
    );
    const since = await walkPages(
      urls.eyes,
      '/missing-education',
      '/missing-education?updatedSince=2000-01-01T00:00:00Z&limit=50',
      contract,
    );
    expect(since.items.length).toBe(cme.length);
    const mixed = await getJson(
      `${urls.eyes}/missing-education?updatedSince=2000-01-01T00:00:00Z&from=2020-01-01`,
    );
    expect(mixed.status).toBe(400);
  });

  it('LIFT lists every client, agreement and payment once, and its reads match the contract', async () => {
    const contract = new ContractValidator('lift');
    const clients = await walkPages(urls.lift, '/clients', '/clients?limit=29', contract);
    expect(field(clients.items, 'clientRef')).toEqual([...county.lift.clients.ids()]);
    const agreements = await walkPages(urls.lift, '/agreements', '/agreements?limit=31', contract);
    expect(new Set(field(agreements.items, 'agreementId'))).toEqual(new Set(county.lift.agreements.ids()));
    expect(agreements.items.length).toBe(county.lift.agreements.size);
    const payments = await walkPages(urls.lift, '/payments', '/payments?limit=200', contract);
    expect(payments.items.length).toBe(county.lift.payments.size);
    for (const clientRef of sample(county.lift.clients.ids())) {
      await walkPages(urls.lift, '/clients/{clientRef}/payments', `/clients/${clientRef}/payments`, contract);
    }
  });

  it('the front door lists every contact once, and its reads match the contract', async () => {
    const contract = new ContractValidator('frontdoor');
    const contacts = await walkPages(urls.frontdoor, '/contacts', '/contacts?limit=43', contract);
    expect(field(contacts.items, 'contactId')).toEqual([...county.frontdoor.contacts.ids()]);
    for (const id of sample(county.frontdoor.contacts.ids())) {
      contract.check('/contacts/{contactId}', 200, (await getJson(`${urls.frontdoor}/contacts/${id}`)).body);
    }
  });
});
