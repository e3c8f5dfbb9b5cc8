/**
 * Prometheus metrics for /metrics. Labels are operation names, systems, routes as templates and
 * outcomes: never an id, a name or anything else about a child.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CacheErrorKind, CacheMetrics } from '../cache/metrics.ts';
import type { UpstreamMetrics, UpstreamOutcome } from '../upstream/metrics.ts';
import type { BreakerState, SystemName } from '../upstream/types.ts';

const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

export interface HubMetrics {
  registry: Registry;
  upstream: UpstreamMetrics;
  cache: CacheMetrics;
  observeRequest(operation: string, outcome: 'ok' | 'error', durationSeconds: number): void;
}

export function createHubMetrics(): HubMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Histogram({
    name: 'svoc_graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name',
    labelNames: ['operation', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const upstreamLatency = new Histogram({
    name: 'svoc_upstream_request_duration_seconds',
    help: 'Upstream call latency by system, route template and outcome',
    labelNames: ['system', 'route', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const upstreamErrors = new Counter({
    name: 'svoc_upstream_errors_total',
    help: 'Failed upstream calls by system and outcome',
    labelNames: ['system', 'outcome'],
    registers: [registry],
  });
  const retries = new Counter({
    name: 'svoc_upstream_retries_total',
    help: 'Retries sent',
    labelNames: ['system'],
    registers: [registry],
  });
  const shed = new Counter({
    name: 'svoc_upstream_shed_total',
    help: 'Upstream calls answered at once without being sent, by system and reason (circuit_open, rate_limited, no_time)',
    labelNames: ['system', 'reason'],
    registers: [registry],
  });
  const breaker = new Gauge({
    name: 'svoc_upstream_breaker_state',
    help: 'Circuit breaker state by system (0 closed, 1 half-open, 2 open)',
    labelNames: ['system'],
    registers: [registry],
  });
  const cacheLookups = new Counter({
    name: 'svoc_cache_lookups_total',
    help: 'Shared cache lookups by system and result (hit, miss, stale, stale_served)',
    labelNames: ['system', 'result'],
    registers: [registry],
  });
  const cacheErrors = new Counter({
    name: 'svoc_cache_errors_total',
    help: 'Shared cache errors by system and kind (all survivable)',
    labelNames: ['system', 'kind'],
    registers: [registry],
  });
  const hitRatio = new Gauge({
    name: 'svoc_cache_hit_ratio',
    help: 'Fresh hits over all lookups since start, by system',
    labelNames: ['system'],
    registers: [registry],
  });
  const operationLabel = createOperationLabeler();
  const totals = new Map<SystemName, { hits: number; all: number }>();
  const count = (system: SystemName, result: string, n: number) => {
    cacheLookups.inc({ system, result }, n);
    if (result === 'stale_served') return;
    const t = totals.get(system) ?? { hits: 0, all: 0 };
    if (result === 'hit') t.hits += n;
    t.all += n;
    totals.set(system, t);
    hitRatio.set({ system }, t.all === 0 ? 0 : t.hits / t.all);
  };

  return {
    registry,
    observeRequest: (operation, outcome, seconds) =>
      requests.observe({ operation: operationLabel(operation), outcome }, seconds),
    upstream: {
      observe(system: SystemName, route: string, outcome: UpstreamOutcome, durationMs: number) {
        upstreamLatency.observe({ system, route, outcome }, durationMs / 1000);
        if (outcome !== 'ok' && outcome !== 'not_found') upstreamErrors.inc({ system, outcome });
      },
      retry: (system) => retries.inc({ system }),
      breaker: (system, state) => breaker.set({ system }, BREAKER_VALUE[state]),
      shed: (system, reason) => shed.inc({ system, reason }),
    },
    cache: {
      hit: (system, n) => count(system, 'hit', n),
      miss: (system, n) => count(system, 'miss', n),
      stale: (system, n) => count(system, 'stale', n),
      staleServed: (system, n) => count(system, 'stale_served', n),
      error: (system, kind: CacheErrorKind) => cacheErrors.inc({ system, kind }),
    },
  };
}

/** Distinct operation labels kept; past this a new name counts as `other` (a client cannot grow the series without bound). */
export const MAX_OPERATION_LABELS = 200;
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Three or more digits in a row: how every id the four systems and the hub issue looks. */
const ID_LIKE = /\d{3,}/;
/**
 * Labels for client-chosen operation names. Names are the front end's own (e.g. `ChildSummary`),
 * but a client could put anything there: one that is not a plain identifier, or that carries a
 * run of digits like an id, is labelled `invalid`; past MAX_OPERATION_LABELS distinct names, `other`.
 */
export function createOperationLabeler(): (name: string) => string {
  const seen = new Set<string>();
  return (name) => {
    if (name === 'anonymous') return name;
    if (!PLAIN_NAME.test(name) || ID_LIKE.test(name)) return 'invalid';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_LABELS) return 'other';
    seen.add(name);
    return name;
  };
}
