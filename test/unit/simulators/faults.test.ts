import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLcsSimulator } from '../../../simulators/lcs/server.ts';
import { buildTestCounty } from './fixture.ts';
import { ContractValidator, getJson, sendJson, startSim, type RunningSim } from './helpers.ts';

const contract = new ContractValidator('lcs');
let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim(createLcsSimulator, buildTestCounty());
});
afterEach(() => fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' }));
afterAll(() => sim.handle.close());

const setFaults = (faults: unknown) => sendJson(`${sim.url}/__sim/faults`, 'PUT', faults);

describe('simulator faults', () => {
  it('adds latency to contract routes but never to the control API', async () => {
    expect((await setFaults({ latencyMs: 300 })).status).toBe(200);
    let started = performance.now();
    expect((await getJson(`${sim.url}/people/101`)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    started = performance.now();
    await getJson(`${sim.url}/__sim/stats`);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('fails every request with the chosen status and Retry-After at errorRate 1', async () => {
    await setFaults({ errorRate: 1, status: 503, retryAfterSeconds: 7 });
    const { status, headers, body } = await getJson(`${sim.url}/people/101`);
    expect(status).toBe(503);
    expect(headers.get('retry-after')).toBe('7');
    contract.check('/people/{personId}', 503, body);
    expect(body).toMatchObject({ error: { code: 'UNAVAILABLE' } });
  });

  it('destroys the connection when down', async () => {
    await setFaults({ down: true });
    await expect(fetch(`${sim.url}/people/101`)).rejects.toThrow();
  });

  it('never answers while hanging, and answers once the faults are cleared', async () => {
    await setFaults({ hang: true });
    await expect(fetch(`${sim.url}/people/101`, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    const held = fetch(`${sim.url}/people/102`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await held).status).toBe(200);
  });

  it('sends a truncated, unparsable JSON body with 200 when malformed', async () => {
    await setFaults({ malformed: true });
    const response = await fetch(`${sim.url}/people/101`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('drifts like a broken adapter: named fields left out, or sent inside a list, in well-formed JSON', async () => {
    const healthy = (await getJson(`${sim.url}/people/101`)).body as Record<string, unknown>;
    await setFaults({ dropFields: ['surname'], wrapFields: ['forename'] });
    const { status, body } = await getJson(`${sim.url}/people/101`);
    expect(status).toBe(200);
    const drifted = body as Record<string, unknown>;
    expect(drifted).not.toHaveProperty('surname');
    expect(drifted['forename']).toEqual([healthy['forename']]);
    expect(drifted['addresses']).toEqual(healthy['addresses']);
  });

  it('limits faults to the named route templates', async () => {
    await setFaults({ errorRate: 1, status: 500, routes: ['/people/{personId}/social-care'] });
    expect((await getJson(`${sim.url}/people/101`)).status).toBe(200);
    expect((await getJson(`${sim.url}/people/101/social-care`)).status).toBe(500);
  });

  it('clears every fault on DELETE', async () => {
    await setFaults({ errorRate: 1, status: 503 });
    await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' });
    expect((await getJson(`${sim.url}/people/101`)).status).toBe(200);
    expect((await getJson(`${sim.url}/__sim/faults`)).body).toMatchObject({
      errorRate: 0,
      down: false,
      hang: false,
    });
  });

  it.each([
    [{ errorRate: 2 }],
    [{ status: 200 }],
    [{ latencyMs: -1 }],
    [{ down: 'yes' }],
    [{ dropFields: 'surname' }],
    [{ wrapFields: [''] }],
    [{ routes: ['/nowhere'] }],
    [{ explode: true }],
    [[1, 2]],
  ])('rejects an invalid fault body %j with a 400', async (faults) => {
    const { status, body } = await setFaults(faults);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });
});
