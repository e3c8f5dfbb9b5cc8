import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiftSimulator } from '../../../simulators/lift/server.ts';
import { buildTestCounty } from './fixture.ts';
import { ContractValidator, getJson, startSim, walkPages, type RunningSim } from './helpers.ts';

const contract = new ContractValidator('lift');
let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim(createLiftSimulator, buildTestCounty());
});
afterAll(() => sim.handle.close());

const ids = (items: Record<string, unknown>[], field: string) => items.map((i) => i[field]);

describe('LIFT simulator', () => {
  it('batch-reads clients by LCS person id, every client record of a person, in request order', async () => {
    const { status, body } = await getJson(`${sim.url}/clients?lcsPersonIds=102,555,101`);
    expect(status).toBe(200);
    contract.check('/clients', 200, body);
    const batch = body as { items: Record<string, unknown>[]; missing: string[] };
    expect(ids(batch.items, 'clientRef')).toEqual(['CL2', 'CL1', 'CL3']);
    expect(batch.missing).toEqual(['555']);
  });

  it('pages every client exactly once', async () => {
    const { items } = await walkPages(sim.url, '/clients', '/clients?limit=2', contract);
    expect(ids(items, 'clientRef')).toEqual(['CL1', 'CL2', 'CL3']);
  });

  it('batch-reads agreements grouped by client ref; a client without agreements is missing', async () => {
    const { body } = await getJson(`${sim.url}/agreements?clientRefs=CL2,CL3,CL1`);
    contract.check('/agreements', 200, body);
    const batch = body as { items: Record<string, unknown>[]; missing: string[] };
    expect(ids(batch.items, 'agreementId')).toEqual(['AG2', 'AG1', 'AG3']);
    expect(batch.missing).toEqual(['CL3']);
  });

  it('batch-reads agreements by agreement id in request order; unknown ids are missing', async () => {
    const { status, body } = await getJson(`${sim.url}/agreements?ids=AG3,NOPE,AG2,AG1`);
    expect(status).toBe(200);
    contract.check('/agreements', 200, body);
    const batch = body as { items: Record<string, unknown>[]; missing: string[] };
    expect(ids(batch.items, 'agreementId')).toEqual(['AG3', 'AG2', 'AG1']);
    expect(ids(batch.items, 'clientRef')).toEqual(['CL1', 'CL2', 'CL1']);
    expect(batch.missing).toEqual(['NOPE']);
    const none = await getJson(`${sim.url}/agreements?ids=NOPE`);
    contract.check('/agreements', 200, none.body);
    expect(none.body).toEqual({ items: [], missing: ['NOPE'] });
  });

  it('refuses agreement ids mixed with client refs, period filters or paging', async () => {
    for (const query of [
      'ids=AG1&clientRefs=CL1',
      'ids=AG1&activeOn=2024-03-01',
      'ids=AG1&from=2023-01-01',
      'ids=AG1&to=2024-12-31',
      'ids=AG1&limit=1',
    ]) {
      const { status, body } = await getJson(`${sim.url}/agreements?${query}`);
      expect(status, query).toBe(400);
      contract.check('/agreements', 400, body);
    }
  });

  it('batch-reads payments by payment id in request order; unknown ids are missing', async () => {
    const { status, body } = await getJson(`${sim.url}/payments?ids=PAY2,PAY9,PAY1`);
    expect(status).toBe(200);
    contract.check('/payments', 200, body);
    const batch = body as { items: Record<string, unknown>[]; missing: string[] };
    expect(ids(batch.items, 'paymentId')).toEqual(['PAY2', 'PAY1']);
    expect(ids(batch.items, 'clientRef')).toEqual(['CL2', 'CL1']);
    expect(batch.missing).toEqual(['PAY9']);
    const mixed = await getJson(`${sim.url}/payments?ids=PAY1&from=2024-01-01`);
    expect(mixed.status).toBe(400);
    contract.check('/payments', 400, mixed.body);
  });

  it('lists agreements open on a date or in a period, never cancelled ones', async () => {
    const onDate = await walkPages(sim.url, '/agreements', '/agreements?activeOn=2024-03-01', contract);
    expect(ids(onDate.items, 'agreementId')).toEqual(['AG1']);
    const period = await walkPages(sim.url, '/agreements', '/agreements?from=2023-06-01&limit=1', contract);
    expect(ids(period.items, 'agreementId')).toEqual(['AG2', 'AG1']);
  });

  it('pages one client’s payments, and 404s an unknown client', async () => {
    const { items } = await walkPages(
      sim.url,
      '/clients/{clientRef}/payments',
      '/clients/CL1/payments?limit=1',
      contract,
    );
    expect(ids(items, 'paymentId')).toEqual(['PAY1', 'PAY3']);
    const missing = await getJson(`${sim.url}/clients/NOPE/payments`);
    expect(missing.status).toBe(404);
    contract.check('/clients/{clientRef}/payments', 404, missing.body);
  });

  it('lists payments by the date paid and rejects an inverted range', async () => {
    const { items } = await walkPages(sim.url, '/payments', '/payments?from=2024-01-01', contract);
    expect(ids(items, 'paymentId')).toEqual(['PAY1', 'PAY3']);
    const inverted = await getJson(`${sim.url}/payments?from=2024-02-01&to=2024-01-01`);
    expect(inverted.status).toBe(400);
    contract.check('/payments', 400, inverted.body);
  });

  it('pages one financial year’s budget lines with their virements, and refuses a malformed year', async () => {
    const { items } = await walkPages(
      sim.url,
      '/budget-lines',
      '/budget-lines?financialYear=2023%2F24',
      contract,
    );
    expect(ids(items, 'budgetLineId')).toEqual(['BL1']);
    expect(items[0]!['virements']).toHaveLength(1);
    expect((await getJson(`${sim.url}/budget-lines?financialYear=2022%2F23`)).body).toMatchObject({
      items: [],
    });
    for (const query of ['financialYear=2023', '', 'financialYear=2023%2F24&ids=BL1']) {
      expect((await getJson(`${sim.url}/budget-lines?${query}`)).status, query).toBe(400);
    }
  });

  it('keeps an ACTIVE agreement past its planned end open in period queries until an end is recorded', async () => {
    const patch = await fetch(`${sim.url}/__sim/records/agreements/AG1`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ plannedEndDate: '2024-02-01' }),
    });
    expect(patch.status).toBe(200);
    const open = await walkPages(sim.url, '/agreements', '/agreements?activeOn=2024-06-01', contract);
    expect(ids(open.items, 'agreementId')).toContain('AG1');
    await fetch(`${sim.url}/__sim/records/agreements/AG1`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'ENDED', endDate: '2024-03-01' }),
    });
    const after = await walkPages(sim.url, '/agreements', '/agreements?activeOn=2024-06-01', contract);
    expect(ids(after.items, 'agreementId')).not.toContain('AG1');
  });

  it('batch-reads SEND costs by EYES pupil id and pages them by period', async () => {
    const { body } = await getJson(`${sim.url}/send-costs?pupilIds=PU9,PU1`);
    contract.check('/send-costs', 200, body);
    const batch = body as { items: Record<string, unknown>[]; missing: string[] };
    expect(ids(batch.items, 'sendCostId')).toEqual(['SC1']);
    expect(batch.missing).toEqual(['PU9']);
    // Planned to end in July 2024 but still ACTIVE: open after it.
    const open = await walkPages(sim.url, '/send-costs', '/send-costs?activeOn=2024-10-01', contract);
    expect(ids(open.items, 'sendCostId')).toEqual(['SC1']);
  });

  it('batch-reads SEND costs by SEND cost id with their pupil, unknown ids missing, and refuses ids mixed with pupil ids', async () => {
    const { status, body } = await getJson(`${sim.url}/send-costs?ids=NOPE,SC1`);
    expect(status).toBe(200);
    contract.check('/send-costs', 200, body);
    const batch = body as { items: Record<string, unknown>[]; missing: string[] };
    expect(ids(batch.items, 'sendCostId')).toEqual(['SC1']);
    expect(ids(batch.items, 'pupilId')).toEqual(['PU1']);
    expect(batch.missing).toEqual(['NOPE']);
    const mixed = await getJson(`${sim.url}/send-costs?ids=SC1&pupilIds=PU1`);
    expect(mixed.status).toBe(400);
    contract.check('/send-costs', 400, mixed.body);
  });
});
