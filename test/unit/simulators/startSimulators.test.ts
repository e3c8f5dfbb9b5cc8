import { describe, expect, it } from 'vitest';
import { SYSTEMS } from '../../../simulators/contracts/openapi.ts';
import { startSimulators } from '../../../simulators/index.ts';
import { buildTestCounty } from './fixture.ts';
import { getJson } from './helpers.ts';

describe('startSimulators', () => {
  it('starts all four systems over one county on ephemeral ports, with separate stats, and closes them', async () => {
    const running = await startSimulators({ seed: 'unused', scale: 'tiny', county: buildTestCounty() });
    try {
      expect(Object.keys(running.urls).sort()).toEqual([...SYSTEMS].sort());
      expect(new Set(Object.values(running.urls)).size).toBe(4);
      expect((await getJson(`${running.urls.lcs}/people/101`)).status).toBe(200);
      expect((await getJson(`${running.urls.lift}/clients?lcsPersonIds=101`)).status).toBe(200);
      expect((await getJson(`${running.urls.lcs}/__sim/stats`)).body).toMatchObject({ total: 1 });
      expect((await getJson(`${running.urls.eyes}/__sim/stats`)).body).toMatchObject({ total: 0 });
    } finally {
      await running.close();
    }
    await expect(fetch(`${running.urls.lcs}/people/101`)).rejects.toThrow();
  });
});
