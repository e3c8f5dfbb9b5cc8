import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEyesSimulator } from '../../../simulators/eyes/server.ts';
import { buildTestCounty } from './fixture.ts';
import { ContractValidator, getJson, startSim, walkPages, type RunningSim } from './helpers.ts';

const contract = new ContractValidator('eyes');
let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim(createEyesSimulator, buildTestCounty());
});
afterAll(() => sim.handle.close());

describe('EYES simulator', () => {
  it('serves a pupil and their education record, and 404s an unknown pupil', async () => {
    const pupil = await getJson(`${sim.url}/pupils/P1`);
    contract.check('/pupils/{pupilId}', 200, pupil.body);
    const record = await getJson(`${sim.url}/pupils/P1/record`);
    contract.check('/pupils/{pupilId}/record', 200, record.body);
    const missing = await getJson(`${sim.url}/pupils/NOPE/record`);
    expect(missing.status).toBe(404);
    contract.check('/pupils/{pupilId}/record', 404, missing.body);
  });

  it('batch-reads pupils and settings with missing ids, and requires ids for settings', async () => {
    const pupils = await getJson(`${sim.url}/pupils?ids=P2,PX,P1`);
    contract.check('/pupils', 200, pupils.body);
    expect(pupils.body).toMatchObject({ items: [{ pupilId: 'P2' }, { pupilId: 'P1' }], missing: ['PX'] });
    const settings = await getJson(`${sim.url}/settings?ids=SET1,SETX`);
    contract.check('/settings', 200, settings.body);
    expect(settings.body).toMatchObject({ items: [{ settingId: 'SET1' }], missing: ['SETX'] });
    const noIds = await getJson(`${sim.url}/settings`);
    expect(noIds.status).toBe(400);
    contract.check('/settings', 400, noIds.body);
  });

  it('pages pupils (all, and updated since an instant) exactly once', async () => {
    const all = await walkPages(sim.url, '/pupils', '/pupils?limit=1', contract);
    expect(all.items.map((p) => p['pupilId'])).toEqual(['P1', 'P2']);
    const recent = await walkPages(
      sim.url,
      '/pupils',
      '/pupils?updatedSince=2024-01-15T00:00:00%2B00:00',
      contract,
    );
    expect(recent.items.map((p) => p['pupilId'])).toEqual(['P1']);
  });

  it('lists EHCP requests by request date', async () => {
    const { items } = await walkPages(
      sim.url,
      '/ehcp-requests',
      '/ehcp-requests?from=2024-03-01&limit=1',
      contract,
    );
    expect(items.map((r) => r['requestId'])).toEqual(['EHCP2-0', 'EHCP1-1']);
    const bad = await getJson(`${sim.url}/ehcp-requests?from=2024-02-30`);
    expect(bad.status).toBe(400);
    contract.check('/ehcp-requests', 400, bad.body);
  });
});
