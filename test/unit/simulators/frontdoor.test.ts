import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrontDoorSimulator } from '../../../simulators/frontdoor/server.ts';
import { buildTestCounty } from './fixture.ts';
import { ContractValidator, getJson, startSim, walkPages, type RunningSim } from './helpers.ts';

const contract = new ContractValidator('frontdoor');
let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim(createFrontDoorSimulator, buildTestCounty());
});
afterAll(() => sim.handle.close());

const ids = (items: Record<string, unknown>[]) => items.map((i) => i['contactId']);

describe('front door simulator', () => {
  it('serves one contact and 404s an unknown one', async () => {
    const found = await getJson(`${sim.url}/contacts/F1`);
    contract.check('/contacts/{contactId}', 200, found.body);
    const missing = await getJson(`${sim.url}/contacts/F9`);
    expect(missing.status).toBe(404);
    contract.check('/contacts/{contactId}', 404, missing.body);
  });

  it('batch-reads contacts by id, or by the LCS person id they name', async () => {
    const byId = await getJson(`${sim.url}/contacts?ids=F3,F9,F1`);
    contract.check('/contacts', 200, byId.body);
    expect(byId.body).toMatchObject({ items: [{ contactId: 'F3' }, { contactId: 'F1' }], missing: ['F9'] });
    const byPerson = await getJson(`${sim.url}/contacts?lcsPersonIds=102,101`);
    contract.check('/contacts', 200, byPerson.body);
    expect(byPerson.body).toMatchObject({
      items: [{ contactId: 'F1' }, { contactId: 'F3' }],
      missing: ['102'],
    });
    const both = await getJson(`${sim.url}/contacts?ids=F1&lcsPersonIds=101`);
    expect(both.status).toBe(400);
    contract.check('/contacts', 400, both.body);
  });

  it('pages contacts: all, by contact date, by update, and by both', async () => {
    expect(ids((await walkPages(sim.url, '/contacts', '/contacts?limit=1', contract)).items)).toEqual([
      'F1',
      'F2',
      'F3',
    ]);
    const byDate = await walkPages(
      sim.url,
      '/contacts',
      '/contacts?from=2024-01-01&to=2024-02-28&limit=1',
      contract,
    );
    expect(ids(byDate.items)).toEqual(['F2', 'F3']);
    const since = await walkPages(
      sim.url,
      '/contacts',
      '/contacts?updatedSince=2024-03-01T00:00:00Z',
      contract,
    );
    expect(ids(since.items)).toEqual(['F1', 'F2']);
    const both = await walkPages(
      sim.url,
      '/contacts',
      '/contacts?from=2024-01-01&to=2024-02-28&updatedSince=2024-03-01T00:00:00Z',
      contract,
    );
    expect(ids(both.items)).toEqual(['F2']);
  });
});
