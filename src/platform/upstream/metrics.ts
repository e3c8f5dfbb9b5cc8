import type { BreakerState, UpstreamErrorCode } from './types.ts';
import type { SystemName } from '../systems.ts';

/**
 * How one upstream call ended, as a metrics label. `circuit_open` marks calls refused by the
 * breaker without touching the network, so their microsecond durations do not hide real latency.
 */
export type UpstreamOutcome =
  'ok' | 'not_found' | 'bad_user_input' | 'rate_limited' | 'timeout' | 'unavailable' | 'circuit_open';

/**
 * The hooks the upstream layer reports through. The prom-client implementation lives in src/server/http;
 * this layer only calls the interface. Labels never carry ids: `route` is a template such as
 * `/persons/:id`, never the concrete path.
 */
export interface UpstreamMetrics {
  /** One observation per call (all attempts, queueing and backoff included). */
  observe(system: SystemName, route: string, outcome: UpstreamOutcome, durationMs: number): void;
  /** One per retry actually sent (after backoff), not per failure. */
  retry(system: SystemName): void;
  /** Every breaker transition, including the initial `closed` when a client is built. */
  breaker(system: SystemName, state: BreakerState): void;
  /** A call answered at once without being sent: the load the hub shed, and why. */
  shed(system: SystemName, reason: ShedReason): void;
}

/**
 * Why a call was not sent: the breaker was open, the system's Retry-After outlasts the call's
 * deadline, or too little time was left for an attempt to finish.
 */
export type ShedReason = 'circuit_open' | 'rate_limited' | 'no_time';

export const noopUpstreamMetrics: UpstreamMetrics = {
  observe() {},
  retry() {},
  breaker() {},
  shed() {},
};

const OUTCOME_BY_CODE: Record<UpstreamErrorCode, UpstreamOutcome> = {
  NOT_FOUND: 'not_found',
  BAD_USER_INPUT: 'bad_user_input',
  RATE_LIMITED: 'rate_limited',
  UPSTREAM_TIMEOUT: 'timeout',
  UPSTREAM_UNAVAILABLE: 'unavailable',
};

export function outcomeForCode(code: UpstreamErrorCode): UpstreamOutcome {
  return OUTCOME_BY_CODE[code];
}
