/**
 * /healthz (the process is alive), /readyz (what the hub depends on, as JSON) and /metrics. The hub
 * listens before its child directory has loaded: /healthz is then OK, /readyz 503 "starting" with
 * the reason.
 * Readiness is "degraded", not "down", when only the cache is failing: the hub still answers
 * from the upstreams.
 */
import type { CacheStore } from '../../platform/cache/types.ts';
import type { ChildDirectory } from '../../domain/identity/directory.ts';
import type { ResilientUpstreamClient } from '../../platform/upstream/options.ts';
import { SYSTEMS, type SystemName } from '../../platform/systems.ts';
import type { HubMetrics, MetricsGuard } from './metrics.ts';
import type { Route } from './router.ts';
import { sendJson } from './respond.ts';

export interface HealthDeps {
  http: Record<SystemName, ResilientUpstreamClient>;
  store: CacheStore;
  /** Null while the child directory loads at start-up (the hub listens meanwhile, unready). */
  directory: () => ChildDirectory | null;
  /** What start-up is doing while the directory loads (no child's data). */
  startingReason?: () => string;
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
    ...(directory === null ? { reason: deps.startingReason?.() ?? 'the child directory is loading' } : {}),
  };
}

/** /healthz, /readyz and /metrics; `metricsAccess` guards /metrics before it is read. */
export function healthRoutes(deps: HealthDeps & { metricsAccess: MetricsGuard }): Route[] {
  return [
    { methods: ['GET'], path: '/healthz', handler: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    {
      methods: ['GET'],
      path: '/readyz',
      handler: (_req, res) => {
        const body = readiness(deps);
        // Degraded still serves traffic; only "starting" is unready.
        sendJson(res, body.status === 'starting' ? 503 : 200, body);
      },
    },
    {
      methods: ['GET'],
      path: '/metrics',
      handler: async (req, res) => {
        if (!deps.metricsAccess(req, res)) return;
        const text = await deps.metrics.registry.metrics();
        res.writeHead(200, {
          'content-type': deps.metrics.registry.contentType,
          'content-length': Buffer.byteLength(text),
        });
        res.end(text);
      },
    },
  ];
}
