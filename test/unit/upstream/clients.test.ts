import { describe, expect, it } from 'vitest';
import { closeUpstreamClients, createUpstreamClients } from '../../../src/platform/upstream/clients.ts';
import { SYSTEMS } from '../../../src/platform/systems.ts';
import type { UpstreamSettings } from '../../../src/platform/upstream/types.ts';
import type { SystemName } from '../../../src/platform/systems.ts';
import { recordingMetrics, testSettings } from './support.ts';

function settingsFor(
  overrides: Partial<Record<SystemName, Partial<UpstreamSettings>>> = {},
): Record<SystemName, UpstreamSettings> {
  return Object.fromEntries(
    SYSTEMS.map((system) => [
      system,
      testSettings({ baseUrl: `http://${system}.upstream.test`, ...overrides[system] }),
    ]),
  ) as Record<SystemName, UpstreamSettings>;
}

describe('createUpstreamClients', () => {
  it('builds one client per system, each reporting under its own name', () => {
    const metrics = recordingMetrics();
    const clients = createUpstreamClients(settingsFor(), { metrics });
    expect(SYSTEMS.map((system) => clients[system].system)).toEqual(SYSTEMS);
    expect(SYSTEMS.map((system) => clients[system].breakerState())).toEqual([
      'closed',
      'closed',
      'closed',
      'closed',
    ]);
    expect(metrics.transitions).toHaveLength(4);
    closeUpstreamClients(clients);
  });

  it('names the system and the setting when settings are invalid, without echoing the URL', () => {
    expect(() =>
      createUpstreamClients(settingsFor({ lift: { maxConcurrency: 0, baseUrl: 'not a url' } })),
    ).toThrow(
      /invalid upstream settings for lift: baseUrl is not an absolute URL; maxConcurrency must be an integer >= 1$/,
    );
  });

  it('rejects a base URL carrying a query string', () => {
    expect(() =>
      createUpstreamClients(settingsFor({ eyes: { baseUrl: 'http://eyes.test/api?key=1' } })),
    ).toThrow(/eyes: baseUrl must not carry a query or fragment/);
  });
});
