import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLcsSimulator } from '../../../simulators/lcs/server.ts';
import { buildTestCounty } from './fixture.ts';
import { ContractValidator, getJson, sendJson, startSim, type RunningSim } from './helpers.ts';

const contract = new ContractValidator('lcs');
let sim: RunningSim;
const warnings: { message: string; fields: unknown }[] = [];
beforeAll(async () => {
  sim = await startSim(createLcsSimulator, buildTestCounty(), {
    logger: { warn: (message, fields) => warnings.push({ message, fields }) },
  });
});
afterAll(() => sim.handle.close());

interface Received {
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A webhook receiver on an ephemeral port that hands over the next notification it gets. */
async function startReceiver() {
  const waiting: ((r: Received) => void)[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      res.writeHead(204).end();
      waiting.shift()?.({ headers: req.headers, body: JSON.parse(text) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
    next: () => new Promise<Received>((resolve) => waiting.push(resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('simulator control API', () => {
  it('counts contract requests by route template, not control or document requests, and resets', async () => {
    await fetch(`${sim.url}/__sim/stats`, { method: 'DELETE' });
    await getJson(`${sim.url}/people/101`);
    await getJson(`${sim.url}/people/102`);
    await getJson(`${sim.url}/people/999`);
    await getJson(`${sim.url}/people?ids=101`);
    await getJson(`${sim.url}/openapi.json`);
    await getJson(`${sim.url}/__sim/faults`);
    const { body } = await getJson(`${sim.url}/__sim/stats`);
    expect(body).toMatchObject({ total: 4, byRoute: { 'GET /people/{personId}': 3, 'GET /people': 1 } });
    await fetch(`${sim.url}/__sim/stats`, { method: 'DELETE' });
    expect((await getJson(`${sim.url}/__sim/stats`)).body).toMatchObject({ total: 0 });
  });

  it('patches a record in memory, serves the change, and notifies the webhook with its token', async () => {
    const receiver = await startReceiver();
    try {
      expect(
        (await sendJson(`${sim.url}/__sim/webhook`, 'PUT', { url: receiver.url, token: 's3cret' })).status,
      ).toBe(204);
      const notified = receiver.next();
      const restriction = { reason: 'ADOPTION', allowedRoles: ['ADOPTION_TEAM'], allowedUsers: [] };
      const patched = await sendJson(`${sim.url}/__sim/records/people/103`, 'PATCH', {
        surname: 'Changed',
        restriction,
      });
      expect(patched.status).toBe(200);
      const served = await getJson(`${sim.url}/people/103`);
      contract.check('/people/{personId}', 200, served.body);
      expect(served.body).toMatchObject({ surname: 'Changed', restriction });
      expect((served.body as { updatedAt: string }).updatedAt > '2024-02-01T09:00:00Z').toBe(true);
      const notification = await notified;
      expect(notification.body).toEqual({ system: 'lcs', resource: 'people', id: '103' });
      expect(notification.headers.authorization).toBe('Bearer s3cret');
      const recent = await getJson(`${sim.url}/people?updatedSince=2025-01-01T00:00:00Z`);
      expect((recent.body as { items: { personId: string }[] }).items.map((p) => p.personId)).toEqual([
        '103',
      ]);
    } finally {
      await fetch(`${sim.url}/__sim/webhook`, { method: 'DELETE' });
      await receiver.close();
    }
  });

  it('re-indexes derived lists after a social care record changes', async () => {
    const patch = { cpPlans: [] };
    expect((await sendJson(`${sim.url}/__sim/records/social-care/102`, 'PATCH', patch)).status).toBe(200);
    const { body } = await getJson(`${sim.url}/cp-plans?activeOn=2024-02-15`);
    expect((body as { items: { cpPlanId: string }[] }).items.map((p) => p.cpPlanId)).toEqual(['CP101']);
  });

  it('refuses patches that break the contract, change the id, or name unknown records', async () => {
    const cases: [string, unknown, number][] = [
      ['/__sim/records/people/101', { sex: 'X' }, 400],
      ['/__sim/records/people/101', { personId: '555' }, 400],
      ['/__sim/records/people/101', [1], 400],
      ['/__sim/records/people/999', { surname: 'x' }, 404],
      ['/__sim/records/dragons/101', { surname: 'x' }, 404],
    ];
    for (const [path, patch, expected] of cases) {
      const { status, body } = await sendJson(`${sim.url}${path}`, 'PATCH', patch);
      expect(status, path).toBe(expected);
      expect(body).toHaveProperty('error.code');
    }
    expect((await getJson(`${sim.url}/people/101`)).body).toMatchObject({ sex: 'F', personId: '101' });
  });

  it('logs a failed notification without the record id, and still applies the change', async () => {
    const receiver = await startReceiver();
    const deadUrl = receiver.url;
    await receiver.close();
    await sendJson(`${sim.url}/__sim/webhook`, 'PUT', { url: deadUrl, token: 't' });
    try {
      const patched = await sendJson(`${sim.url}/__sim/records/people/102`, 'PATCH', { forename: 'Renamed' });
      expect(patched.status).toBe(200);
      await expect.poll(() => warnings.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(warnings[0]).toMatchObject({
        message: 'change notification failed',
        fields: { system: 'lcs', resource: 'people' },
      });
      expect(JSON.stringify(warnings)).not.toContain('102');
    } finally {
      await fetch(`${sim.url}/__sim/webhook`, { method: 'DELETE' });
    }
  });

  it('refuses a webhook without an http URL or a token', async () => {
    for (const target of [
      { url: 'ftp://x', token: 't' },
      { url: 'http://127.0.0.1:1/x' },
      { url: 'nope', token: 't' },
    ]) {
      expect((await sendJson(`${sim.url}/__sim/webhook`, 'PUT', target)).status).toBe(400);
    }
  });

  it('answers unknown paths with a 404 Error body', async () => {
    const { status, body } = await getJson(`${sim.url}/nowhere`);
    expect(status).toBe(404);
    contract.check('/people/{personId}', 404, body);
  });

  it('deletes a record as the system would: reads answer 404, lists and batches leave it out, the webhook is told', async () => {
    const receiver = await startReceiver();
    try {
      await sendJson(`${sim.url}/__sim/webhook`, 'PUT', { url: receiver.url, token: 's3cret' });
      const listed = async () =>
        ((await getJson(`${sim.url}/people?limit=100`)).body as { items: { personId: string }[] }).items.map(
          (p) => p.personId,
        );
      const before = await listed();
      const id = before[before.length - 1]!;
      const notified = receiver.next();
      expect((await fetch(`${sim.url}/__sim/records/people/${id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await notified).body).toEqual({ system: 'lcs', resource: 'people', id });
      expect((await getJson(`${sim.url}/people/${id}`)).status).toBe(404);
      expect(await listed()).toEqual(before.filter((other) => other !== id));
      const batch = (await getJson(`${sim.url}/people?ids=${id}`)).body as { items: unknown[] };
      expect(batch.items).toEqual([]);
      expect((await fetch(`${sim.url}/__sim/records/people/${id}`, { method: 'DELETE' })).status).toBe(404);
    } finally {
      await fetch(`${sim.url}/__sim/webhook`, { method: 'DELETE' });
      await receiver.close();
    }
  });
});
