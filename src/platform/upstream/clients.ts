import { createUpstreamClient } from './client.ts';
import type { ResilientUpstreamClient, UpstreamClientDeps } from './options.ts';
import { SYSTEMS } from '../systems.ts';
import type { UpstreamSettings } from './types.ts';
import type { SystemName } from '../systems.ts';

/**
 * One client per system, built once at start-up and shared by every request. If any system's
 * settings are invalid, the clients already built are closed before the error propagates.
 */
export function createUpstreamClients(
  settingsBySystem: Record<SystemName, UpstreamSettings>,
  deps: UpstreamClientDeps = {},
): Record<SystemName, ResilientUpstreamClient> {
  const built: Partial<Record<SystemName, ResilientUpstreamClient>> = {};
  try {
    for (const system of SYSTEMS)
      built[system] = createUpstreamClient(system, settingsBySystem[system], deps);
  } catch (error) {
    for (const client of Object.values(built)) client.close();
    throw error;
  }
  return built as Record<SystemName, ResilientUpstreamClient>;
}

export function closeUpstreamClients(clients: Record<SystemName, { close(): void }>): void {
  for (const system of SYSTEMS) clients[system].close();
}
