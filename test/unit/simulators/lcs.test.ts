import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLcsSimulator } from '../../../simulators/lcs/server.ts';
import { buildTestCounty } from './fixture.ts';
import { ContractValidator, getJson, startSim, walkPages, type RunningSim } from './helpers.ts';

const contract = new ContractValidator('lcs');
let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim(createLcsSimulator, buildTestCounty());
});
afterAll(() => sim.handle.close());

const ids = (items: Record<string, unknown>[], field: string) => items.map((i) => i[field]);

describe('LCS simulator', () => {
  it('serves single people and social care records that match the contract', async () => {
    const person = await getJson(`${sim.url}/people/101`);
    expect(person.status).toBe(200);
    contract.check('/people/{personId}', 200, person.body);
    const record = await getJson(`${sim.url}/people/102/social-care`);
    expect(record.status).toBe(200);
    contract.check('/people/{personId}/social-care', 200, record.body);
    expect((record.body as { referrals: unknown[] }).referrals).toHaveLength(2);
  });

  it('answers an unknown person with a 404 Error body and a malformed id with a 400', async () => {
    const missing = await getJson(`${sim.url}/people/999`);
    expect(missing.status).toBe(404);
    contract.check('/people/{personId}', 404, missing.body);
    expect(JSON.stringify(missing.body)).not.toContain('999');
    const malformed = await getJson(`${sim.url}/people/abc/social-care`);
    expect(malformed.status).toBe(400);
    contract.check('/people/{personId}/social-care', 400, malformed.body);
  });

  it('batch-reads people in request order and lists the ids that matched nothing', async () => {
    const { status, body } = await getJson(`${sim.url}/people?ids=103,999,101`);
    expect(status).toBe(200);
    contract.check('/people', 200, body);
    const batch = body as { items: Record<string, unknown>[]; missing: string[] };
    expect(ids(batch.items, 'personId')).toEqual(['103', '101']);
    expect(batch.missing).toEqual(['999']);
  });

  it('refuses batches over the limit, mixed batch and list parameters, and unknown parameters', async () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => String(i + 1)).join(',');
    for (const path of [
      `/people?ids=${tooMany}`,
      '/people?ids=101&limit=5',
      '/people?colour=blue',
      '/people?limit=0',
    ]) {
      const { status, body } = await getJson(`${sim.url}${path}`);
      expect(status, path).toBe(400);
      contract.check('/people', 400, body);
    }
  });

  it('pages through every person exactly once, in the record set order', async () => {
    const { items, pages } = await walkPages(sim.url, '/people', '/people?limit=1', contract);
    expect(ids(items, 'personId')).toEqual(['101', '102', '103']);
    expect(pages).toBe(3);
  });

  it('lists people updated since an instant, oldest change first', async () => {
    const { items } = await walkPages(
      sim.url,
      '/people',
      '/people?updatedSince=2024-02-01T09:00:00Z&limit=1',
      contract,
    );
    expect(ids(items, 'personId')).toEqual(['103', '101']);
  });

  it('rejects a cursor used with different filters', async () => {
    const first = await getJson(`${sim.url}/referrals?from=2024-01-01&limit=1`);
    const cursor = (first.body as { nextCursor: string }).nextCursor;
    const { status, body } = await getJson(`${sim.url}/referrals?from=2024-02-01&cursor=${cursor}`);
    expect(status).toBe(400);
    contract.check('/referrals', 400, body);
  });

  it('filters referrals, assessments and s47 enquiries by date, ordered by date', async () => {
    const referrals = await walkPages(
      sim.url,
      '/referrals',
      '/referrals?from=2024-02-11&to=2024-03-11&limit=2',
      contract,
    );
    expect(ids(referrals.items, 'referralId')).toEqual(['R102-1', 'R103-0', 'R103-1']);
    const assessments = await walkPages(sim.url, '/assessments', '/assessments?limit=2', contract);
    expect(assessments.items).toHaveLength(6);
    const s47 = await walkPages(sim.url, '/s47-enquiries', '/s47-enquiries?to=2024-01-31', contract);
    expect(ids(s47.items, 's47Id')).toEqual(['S101-0']);
  });

  it('lists CP plans and CLA episodes open on a date or during a period', async () => {
    const onDate = await walkPages(sim.url, '/cp-plans', '/cp-plans?activeOn=2024-02-15', contract);
    expect(ids(onDate.items, 'cpPlanId')).toEqual(['CP101', 'CP102']);
    const period = await walkPages(
      sim.url,
      '/cp-plans',
      '/cp-plans?from=2024-04-01&to=2024-12-31&limit=1',
      contract,
    );
    expect(ids(period.items, 'cpPlanId')).toEqual(['CP102', 'CP103']);
    const cla = await walkPages(sim.url, '/cla-episodes', '/cla-episodes?activeOn=2024-01-01', contract);
    expect(ids(cla.items, 'episodeId')).toEqual(['E101', 'E103']);
    const mixed = await getJson(`${sim.url}/cla-episodes?activeOn=2024-01-01&from=2023-01-01`);
    expect(mixed.status).toBe(400);
  });

  it('serves caseloads by worker or team, optionally only open involvements', async () => {
    const worker = await walkPages(sim.url, '/involvements', '/involvements?workerId=W1', contract);
    expect(ids(worker.items, 'involvementId')).toEqual(['INV101', 'INV102']);
    const open = await walkPages(
      sim.url,
      '/involvements',
      '/involvements?teamId=T1&open=true&limit=1',
      contract,
    );
    expect(ids(open.items, 'involvementId')).toEqual(['INV101', 'INV103']);
    const neither = await getJson(`${sim.url}/involvements`);
    expect(neither.status).toBe(400);
    contract.check('/involvements', 400, neither.body);
  });

  it('batch-reads and pages workers and teams', async () => {
    const workers = await getJson(`${sim.url}/workers?ids=W3,W9`);
    contract.check('/workers', 200, workers.body);
    expect(workers.body).toMatchObject({ items: [{ workerId: 'W3' }], missing: ['W9'] });
    const inTeam = await walkPages(sim.url, '/workers', '/workers?teamId=T1&limit=1', contract);
    expect(ids(inTeam.items, 'workerId')).toEqual(['W1', 'W2']);
    const teams = await walkPages(sim.url, '/teams', '/teams', contract);
    expect(ids(teams.items, 'teamId')).toEqual(['T1', 'T2']);
  });

  it('publishes its OpenAPI document', async () => {
    const { status, body } = await getJson(`${sim.url}/openapi.json`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ openapi: '3.1.0', paths: { '/people/{personId}': {} } });
  });
});
