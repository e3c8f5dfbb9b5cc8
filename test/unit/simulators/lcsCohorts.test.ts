/** The LCS routes for care leavers, UASC and CIN plans, over a generated county, against the contract. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLcsSimulator } from '../../../simulators/lcs/server.ts';
import { generateCounty } from '../../../simulators/county/generate.ts';
import { ContractValidator, getJson, startSim, walkPages, type RunningSim } from './helpers.ts';

const contract = new ContractValidator('lcs');
const county = generateCounty({ seed: 'lcs-cohorts', scale: 'demo' });
let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim(createLcsSimulator, county);
});
afterAll(() => sim.handle.close());

type Item = Record<string, unknown> & { personId: string; updatedAt: string };
const held = (field: 'careLeaver' | 'uasc') =>
  county.lcs.socialCare
    .ids()
    .map((id) => (county.lcs.socialCare.get(id) as unknown as Record<string, Item | null | undefined>)[field])
    .filter((x): x is Item => !!x);

describe('LCS cohort lists', () => {
  for (const [path, field] of [
    ['/care-leavers', 'careLeaver'],
    ['/uasc', 'uasc'],
  ] as const) {
    it(`${path} pages through every ${field} record once, in person id order, and by updatedSince`, async () => {
      const expected = held(field);
      expect(expected.length).toBeGreaterThan(0);
      const { items, pages } = await walkPages(sim.url, path, `${path}?limit=7`, contract);
      expect(pages).toBeGreaterThanOrEqual(Math.ceil(expected.length / 7));
      const ids = items.map((i) => i['personId'] as string);
      expect(ids).toEqual([...expected.map((x) => x.personId)].sort((a, b) => Number(a) - Number(b)));
      const since = [...expected.map((x) => x.updatedAt)].sort()[Math.floor(expected.length / 2)]!;
      const recent = await walkPages(
        sim.url,
        path,
        `${path}?updatedSince=${encodeURIComponent(since)}`,
        contract,
      );
      const times = recent.items.map((i) => Date.parse(i['updatedAt'] as string));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(recent.items.length).toBe(
        expected.filter((x) => Date.parse(x.updatedAt) >= Date.parse(since)).length,
      );
    });
  }

  it('/cin-plans lists plans open on a date with their reviews', async () => {
    const on = county.asOf;
    const { items } = await walkPages(sim.url, '/cin-plans', `/cin-plans?activeOn=${on}&limit=50`, contract);
    let open = 0;
    for (const id of county.lcs.socialCare.ids()) {
      const r = county.lcs.socialCare.get(id) as unknown as {
        cinPlans: { startDate: string; endDate: string | null }[];
      };
      open += r.cinPlans.filter((p) => p.startDate <= on && (p.endDate === null || p.endDate >= on)).length;
    }
    expect(items.length).toBe(open);
    expect(items.every((p) => Array.isArray(p['reviews']))).toBe(true);
    const bad = await getJson(`${sim.url}/cin-plans?activeOn=${on}&from=${on}`);
    expect(bad.status).toBe(400);
  });
});
