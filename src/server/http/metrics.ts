/**
 * Prometheus metrics for /metrics. Labels are operation names (of trusted documents only), systems,
 * routes as templates and outcomes: never an id, a name or anything else about a child.
 *
 * /metrics answers only a caller presenting METRICS_TOKEN as a bearer token. Without one configured
 * it is open in development and refused in production (scrapers get no data rather than everyone).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AuditMetrics } from '../../platform/audit/metrics.ts';
import type { CacheErrorKind, CacheMetrics } from '../../platform/cache/metrics.ts';
import type { UpstreamMetrics, UpstreamOutcome } from '../../platform/upstream/metrics.ts';
import type { BreakerState } from '../../platform/upstream/types.ts';
import type { SystemName } from '../../platform/systems.ts';
import type { HubErrorCode } from '../../platform/errors.ts';
import { sendError } from './respond.ts';

const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/** The operation a request ran, as far as metrics may know it. */
export interface ObservedOperation {
  /** The operation's name in the document; null for an anonymous operation. */
  name: string | null;
  /** Whether the document is in the trusted-documents manifest (reviewed, not client-chosen). */
  trusted: boolean;
}

export interface HubMetrics {
  registry: Registry;
  upstream: UpstreamMetrics;
  /** The report bulkhead's clients: the same series under `svoc_report_upstream_*`. */
  reportUpstream: UpstreamMetrics;
  cache: CacheMetrics;
  audit: AuditMetrics;
  /** An upstream answer broke its contract (connectors/shared/contract.ts), by system and schema name. */
  contractViolation(system: SystemName, schema: string): void;
  observeRequest(operation: ObservedOperation, outcome: 'ok' | 'error', durationSeconds: number): void;
}

/** One set of upstream series (latency, errors, retries, shed, breaker state) under `prefix`. */
function upstreamMetrics(registry: Registry, prefix: string): UpstreamMetrics {
  const upstreamLatency = new Histogram({
    name: `${prefix}_request_duration_seconds`,
    help: 'Upstream call latency by system, route template and outcome',
    labelNames: ['system', 'route', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const upstreamErrors = new Counter({
    name: `${prefix}_errors_total`,
    help: 'Failed upstream calls by system and outcome',
    labelNames: ['system', 'outcome'],
    registers: [registry],
  });
  const retries = new Counter({
    name: `${prefix}_retries_total`,
    help: 'Retries sent',
    labelNames: ['system'],
    registers: [registry],
  });
  const shed = new Counter({
    name: `${prefix}_shed_total`,
    help: 'Upstream calls answered at once without being sent, by system and reason (circuit_open, rate_limited, no_time)',
    labelNames: ['system', 'reason'],
    registers: [registry],
  });
  const breaker = new Gauge({
    name: `${prefix}_breaker_state`,
    help: 'Circuit breaker state by system (0 closed, 1 half-open, 2 open)',
    labelNames: ['system'],
    registers: [registry],
  });
  return {
    observe(system: SystemName, route: string, outcome: UpstreamOutcome, durationMs: number) {
      upstreamLatency.observe({ system, route, outcome }, durationMs / 1000);
      if (outcome !== 'ok' && outcome !== 'not_found') upstreamErrors.inc({ system, outcome });
    },
    retry: (system) => retries.inc({ system }),
    breaker: (system, state) => breaker.set({ system }, BREAKER_VALUE[state]),
    shed: (system, reason) => shed.inc({ system, reason }),
  };
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
  const auditRefused = new Counter({
    name: 'svoc_audit_refused_records_total',
    help: 'Accesses refused because their audit record could not be made durable, by sink and reason',
    labelNames: ['sink', 'reason'],
    registers: [registry],
  });
  const auditAlarms = new Counter({
    name: 'svoc_audit_chain_alarms_total',
    help: 'Audit chain alarms raised (the trail went backwards or disagrees with its anchor), by sink and kind',
    labelNames: ['sink', 'kind'],
    registers: [registry],
  });
  const auditWritable = new Gauge({
    name: 'svoc_audit_writable',
    help: 'Whether the last audit batch was written (1) or refused (0), by sink',
    labelNames: ['sink'],
    registers: [registry],
  });
  const auditHead = new Gauge({
    name: 'svoc_audit_head_seq',
    help: 'The seq of the last audit record this instance wrote, by sink (a drop means the trail went back)',
    labelNames: ['sink'],
    registers: [registry],
  });
  const contractViolations = new Counter({
    name: 'svoc_upstream_contract_violations_total',
    help: 'Upstream answers that broke their contract (answered as UPSTREAM_UNAVAILABLE), by system and schema',
    labelNames: ['system', 'schema'],
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
    upstream: upstreamMetrics(registry, 'svoc_upstream'),
    reportUpstream: upstreamMetrics(registry, 'svoc_report_upstream'),
    cache: {
      hit: (system, n) => count(system, 'hit', n),
      miss: (system, n) => count(system, 'miss', n),
      stale: (system, n) => count(system, 'stale', n),
      staleServed: (system, n) => count(system, 'stale_served', n),
      error: (system, kind: CacheErrorKind) => cacheErrors.inc({ system, kind }),
    },
    contractViolation: (system, schema) => contractViolations.inc({ system, schema }),
    audit: {
      refused: (sink, reason, n) => auditRefused.inc({ sink, reason }, n),
      alarm: (sink, kind) => auditAlarms.inc({ sink, kind }),
      writable: (sink, ok) => auditWritable.set({ sink }, ok ? 1 : 0),
      head: (sink, seq) => auditHead.set({ sink }, seq),
    },
  };
}

/** Distinct operation labels kept; past this a new name counts as `other` (the series stay bounded). */
export const MAX_OPERATION_LABELS = 200;
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Three or more digits in a row: how every id the four systems and the hub issue looks. */
const ID_LIKE = /\d{3,}/;
/**
 * Labels for operations. A client can put anything in an operation name, a child's id or name
 * included, so only trusted documents (reviewed when the manifest was built) are labelled by name;
 * every other request is `untrusted`, an unnamed trusted one `anonymous`. A trusted name that is not
 * a plain identifier, or carries a run of digits like an id, is still labelled `invalid`; past
 * MAX_OPERATION_LABELS distinct names, `other`.
 */
export function createOperationLabeler(): (operation: ObservedOperation) => string {
  const seen = new Set<string>();
  return ({ name, trusted }) => {
    if (!trusted) return 'untrusted';
    if (name === null) return 'anonymous';
    if (!PLAIN_NAME.test(name) || ID_LIKE.test(name)) return 'invalid';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_LABELS) return 'other';
    seen.add(name);
    return name;
  };
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;
const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Lets a /metrics request through (true), or answers the refusal itself (false). */
export type MetricsGuard = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Guards /metrics. With a token: `Authorization: Bearer <token>` or 401, compared in constant
 * time. Without one: open in development, 403 in production.
 */
export function metricsAccess(options: { token: string | null; production: boolean }): MetricsGuard {
  const expected = options.token === null ? null : sha256(options.token);
  const refuse = (res: ServerResponse, code: HubErrorCode, message: string, headers = {}) => {
    sendError(res, code, { message, headers });
    return false;
  };
  return (req, res) => {
    if (expected === null) {
      if (!options.production) return true;
      return refuse(res, 'FORBIDDEN', 'Metrics are off: METRICS_TOKEN is not configured.');
    }
    // Hashing both sides gives equal lengths, so the comparison leaks nothing about the token.
    const presented = BEARER.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (timingSafeEqual(sha256(presented), expected)) return true;
    return refuse(res, 'UNAUTHENTICATED', 'Metrics need the metrics bearer token.', {
      'www-authenticate': 'Bearer',
    });
  };
}
