import { abortableDelay } from './abort.ts';
import { fullJitterDelayMs } from './backoff.ts';
import { CircuitBreaker } from './breaker.ts';
import type { BreakerPermit } from './breaker.ts';
import { ConcurrencyLimiter } from './concurrency.ts';
import { noopUpstreamMetrics, outcomeForCode } from './metrics.ts';
import type { UpstreamOutcome } from './metrics.ts';
import type { ResilientUpstreamClient, UpstreamCall, UpstreamClientDeps } from './options.ts';
import { classifyAttempt } from './outcome.ts';
import type { AttemptFailure, AttemptOutcome } from './outcome.ts';
import { mayRetry } from './retryPolicy.ts';
import { DEFAULT_RETRY_BUDGET, RetryBudget } from './retryBudget.ts';
import { routeTemplate } from './route.ts';
import { assertValidUpstreamSettings } from './settings.ts';
import { noopUpstreamTracer } from './tracing.ts';
import type { UpstreamCallTrace } from './tracing.ts';
import { createTransport } from './transport.ts';
import { UpstreamError } from './types.ts';
import type { SystemName, UpstreamErrorCode, UpstreamSettings } from './types.ts';

/**
 * Retry-After is waited for only up to this multiple of our own backoff ceiling; a longer one means
 * "not now" and the call fails at once (a bad or long header must not stall us).
 */
const RETRY_AFTER_CAP_FACTOR = 4;

/**
 * The resilient client for one upstream system. Per attempt, in this order:
 *   breaker permit (refuse at once if open) -> concurrency slot (FIFO, abortable) -> HTTP with a
 *   wall-clock timeout -> classify -> feed the breaker.
 * Between attempts (GET only): budget and deadline checks, then a jittered or Retry-After wait,
 * holding no slot. Build it once per system at start-up; `close()` destroys its sockets.
 */
export function createUpstreamClient(
  system: SystemName,
  settings: UpstreamSettings,
  deps: UpstreamClientDeps = {},
): ResilientUpstreamClient {
  assertValidUpstreamSettings(system, settings);
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const metrics = deps.metrics ?? noopUpstreamMetrics;
  const tracer = deps.tracer ?? noopUpstreamTracer;
  const logger = deps.logger;

  const baseUrl = settings.baseUrl.replace(/\/+$/, '');
  const transport = createTransport(settings);
  const limiter = new ConcurrencyLimiter(settings.maxConcurrency);
  const budget = new RetryBudget(
    { ...DEFAULT_RETRY_BUDGET, ...deps.retryBudget, ratio: settings.retryBudgetRatio },
    now,
  );
  const breaker = new CircuitBreaker({
    failureThreshold: settings.breakerFailureThreshold,
    cooldownMs: settings.breakerCooldownMs,
    now,
    onTransition: (state) => {
      metrics.breaker(system, state);
      if (state !== 'half-open') {
        logger?.warn({ system, breaker: state }, `upstream circuit breaker ${state}`);
      }
    },
  });
  metrics.breaker(system, breaker.state());
  const retryAfterCapMs = settings.backoffMaxMs * RETRY_AFTER_CAP_FACTOR;

  // The last outcome, kept as numbers: formatting a date on every call would be hot-path waste.
  let lastOk = true;
  let lastAtMs: number | null = null;
  let lastCode: UpstreamErrorCode | null = null;
  let closed = false;

  function error(code: UpstreamErrorCode, route: string, reason: string, status?: number): UpstreamError {
    return new UpstreamError(system, code, `${system} GET ${route}: ${reason}`, status);
  }

  function failureError(failure: AttemptFailure, route: string, retries: number): UpstreamError {
    const after = retries > 0 ? ` (after ${retries} ${retries === 1 ? 'retry' : 'retries'})` : '';
    return error(failure.code, route, failure.reason + after, failure.status);
  }

  function noteStatus(ok: boolean, code: UpstreamErrorCode | null): void {
    lastOk = ok;
    lastAtMs = now();
    lastCode = code;
  }

  async function attempt(
    url: string,
    headers: Record<string, string>,
    call: UpstreamCall,
    route: string,
    trace: UpstreamCallTrace,
  ): Promise<unknown> {
    const signal = call.signal;
    let retries = 0;
    let lastFailure: AttemptFailure | undefined;
    for (;;) {
      if (closed) throw error('UPSTREAM_UNAVAILABLE', route, 'client closed');
      if (signal?.aborted) throw error('UPSTREAM_TIMEOUT', route, 'call abandoned: request deadline passed');
      const permit: BreakerPermit | null = breaker.tryAcquire();
      if (permit === null) {
        if (lastFailure) throw failureError(lastFailure, route, retries);
        throw new CircuitOpen(error('UPSTREAM_UNAVAILABLE', route, 'circuit breaker open, not called'));
      }
      if (retries === 0) budget.recordFirstAttempt();
      if (!limiter.tryAcquire()) {
        try {
          await limiter.waitForSlot(signal);
        } catch {
          breaker.record(permit, 'neutral');
          throw error('UPSTREAM_TIMEOUT', route, 'call abandoned while queued: request deadline passed');
        }
      }
      let outcome: AttemptOutcome;
      try {
        outcome = classifyAttempt(
          await transport.send('GET', url, headers, settings.timeoutMs, signal),
          now(),
        );
      } catch (unexpected) {
        // The transport reports failures as values; a throw here is a bug. Give the permit back
        // so a half-open probe cannot stay "in flight" forever.
        breaker.record(permit, 'neutral');
        throw unexpected;
      } finally {
        limiter.release();
      }
      breaker.record(permit, outcome.ok ? 'success' : outcome.breaker);
      if (outcome.ok) {
        noteStatus(true, null);
        return outcome.body;
      }
      // ok: the upstream answered properly (a 404 is a healthy answer); 429, 5xx, timeouts are not ok.
      if (!outcome.callerAborted) noteStatus(outcome.breaker === 'success', outcome.code);
      lastFailure = outcome;

      if (!mayRetry('GET', outcome, retries, settings.maxRetries)) {
        throw failureError(outcome, route, retries);
      }
      // Retry-After is obeyed or not retried at all: coming back sooner than the upstream asked
      // (to keep within our own ceiling) only spends budget on a refusal it announced.
      if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > retryAfterCapMs) {
        throw failureError(outcome, route, retries);
      }
      const waitMs =
        outcome.retryAfterMs ??
        fullJitterDelayMs(retries, settings.backoffBaseMs, settings.backoffMaxMs, random);
      // A retry is sent only when its wait and a whole attempt fit before the deadline. One that
      // would be cut short (a hanging or slow upstream) gains nothing and would spend the time the
      // request's other loads, often waiting on this one, need to answer by the deadline.
      if (call.deadlineAt !== undefined && now() + waitMs + settings.timeoutMs > call.deadlineAt) {
        throw failureError(outcome, route, retries);
      }
      if (!budget.tryWithdrawRetry()) throw failureError(outcome, route, retries);
      if (waitMs > 0) {
        try {
          await abortableDelay(waitMs, signal);
        } catch {
          throw error('UPSTREAM_TIMEOUT', route, 'call abandoned during backoff: request deadline passed');
        }
      }
      retries++;
      metrics.retry(system);
      trace.retry(retries);
    }
  }

  async function get<T>(call: UpstreamCall): Promise<T> {
    const started = performance.now();
    const route = call.route ?? routeTemplate(call.path);
    const trace = tracer.startCall({ system, route, requestId: call.requestId });
    let outcome: UpstreamOutcome = 'ok';
    let status: number | undefined;
    try {
      const headers = buildHeaders(call.requestId, trace.headers);
      return (await attempt(buildUrl(baseUrl, call), headers, call, route, trace)) as T;
    } catch (caught) {
      if (caught instanceof CircuitOpen) {
        outcome = 'circuit_open';
        throw caught.error;
      }
      if (caught instanceof UpstreamError) {
        outcome = outcomeForCode(caught.code);
        status = caught.status;
        throw caught;
      }
      // Keep the contract (every failure is an UpstreamError) without passing on a message that
      // might quote the URL.
      outcome = 'unavailable';
      logger?.warn(
        { system, route, error: caught instanceof Error ? caught.name : typeof caught },
        'upstream client failed unexpectedly',
      );
      throw error('UPSTREAM_UNAVAILABLE', route, 'unexpected client failure');
    } finally {
      metrics.observe(system, route, outcome, performance.now() - started);
      trace.end(outcome, status);
    }
  }

  return {
    system,
    get,
    breakerState: () => breaker.state(),
    lastStatus: () => ({
      ok: lastOk,
      at: lastAtMs === null ? null : new Date(lastAtMs).toISOString(),
      code: lastCode,
    }),
    close: () => {
      closed = true;
      transport.destroy();
    },
  };
}

/** Carries a breaker refusal out of the attempt loop so it is labelled `circuit_open`, not `unavailable`. */
class CircuitOpen {
  constructor(readonly error: UpstreamError) {}
}

const BASE_HEADERS: Readonly<Record<string, string>> = { accept: 'application/json' };

function buildHeaders(
  requestId: string | undefined,
  traceHeaders: Readonly<Record<string, string>>,
): Record<string, string> {
  const headers = { ...traceHeaders, ...BASE_HEADERS };
  if (requestId) headers['x-request-id'] = requestId;
  return headers;
}

function buildUrl(baseUrl: string, call: UpstreamCall): string {
  const path = call.path.startsWith('/') ? call.path : `/${call.path}`;
  if (!call.query) return baseUrl + path;
  const search = new URLSearchParams();
  for (const key in call.query) {
    const value = call.query[key];
    if (value !== undefined) search.append(key, String(value));
  }
  const encoded = search.toString();
  if (encoded === '') return baseUrl + path;
  return baseUrl + path + (path.includes('?') ? '&' : '?') + encoded;
}
