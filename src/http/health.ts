/**
 * /healthz (the process is alive), /readyz (what the hub depends on, as JSON) and /metrics.
 * Readiness is "degraded", not "down", when only the cache is failing: the hub still answers
 * from the upstreams.
 */
import { Router } from 'express';
import type { CacheStore } from '../cache/types.ts';
import type { ChildDirectory } from '../identity/directory.ts';
import type { ResilientUpstreamClient } from '../upstream/options.ts';
import { SYSTEMS, type SystemName } from '../upstream/types.ts';
import type { HubMetrics } from './metrics.ts';

export interface HealthDeps {
  http: Record<SystemName, ResilientUpstreamClient>;
  store: CacheStore;
  directory: () => ChildDirectory | null;
  metrics: HubMetrics;
}

export function readiness(deps: HealthDeps) {
  const upstreams = Object.fromEntries(
    SYSTEMS.map((system) => {
      const client = deps.http[system];
      return [system, { breaker: client.breakerState(), last: client.lastStatus() }];
    }),
  );
  const cacheHealthy = deps.store.healthy();
  const directory = deps.directory();
  const openBreakers = SYSTEMS.filter((s) => deps.http[s].breakerState() === 'open');
  const status =
    directory === null ? 'starting' : !cacheHealthy || openBreakers.length > 0 ? 'degraded' : 'ready';
  return {
    status,
    cache: { kind: deps.store.kind, status: cacheHealthy ? 'ok' : 'degraded' },
    upstreams,
    directory: directory
      ? { clusters: directory.stats().clusters, records: directory.stats().totalRecords }
      : null,
  };
}

export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    const body = readiness(deps);
    // Degraded still serves traffic; only "starting" is unready.
    res.status(body.status === 'starting' ? 503 : 200).json(body);
  });
  router.get('/metrics', async (_req, res) => {
    res.set('content-type', deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}
