/** A real upstream client and a real in-memory entity cache, for connector tests with msw handlers behind a real HTTP server. */
import {
  createEntityCache,
  createEntityKeyer,
  createMemoryStore,
  createSealer,
  resolveCacheSettings,
} from '../../../src/platform/cache/index.ts';
import { loggingContractWatch } from '../../../connectors/shared/contract.ts';
import { testUpstreamClient } from '../../support/upstreamClients.ts';
import { upstreamUrl } from '../../support/upstreamServer.ts';
import type { SystemName } from '../../../src/platform/systems.ts';

export const BASE = (system: SystemName) => `http://${system}.upstream.test`;

export function upstream(system: SystemName) {
  return testUpstreamClient(system, upstreamUrl(BASE(system)), { timeoutMs: 1000 });
}

export function memoryCache() {
  const secret = 'connector-test-secret-0123456789abcdef';
  return createEntityCache({
    store: createMemoryStore({ maxEntries: 1000, maxBytes: 10_000_000 }),
    sealer: createSealer({ keys: [{ id: 't', secret }], current: 't' }),
    keyer: createEntityKeyer({ secret }),
    settings: resolveCacheSettings({}),
  });
}

/** The hub's contract watch over an in-memory log: what a connector logged and counted for broken answers. */
export function recordingWatch() {
  const logged: { fields: Record<string, unknown>; message: string }[] = [];
  const counted: { system: SystemName; schema: string }[] = [];
  const watch = loggingContractWatch(
    { warn: (fields, message) => logged.push({ fields: fields as Record<string, unknown>, message }) },
    (system, schema) => counted.push({ system, schema }),
  );
  return { watch, logged, counted };
}
