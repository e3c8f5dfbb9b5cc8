import { abortableDelay } from './abort.ts';
import { fullJitterDelayMs } from './backoff.ts';
import { CircuitBreaker } from './breaker.ts';
import type { BreakerPermit } from './breaker.ts';
import { ConcurrencyLimiter } from './concurrency.ts';
import { noopUpstreamMetrics, outcomeForCode } from './metrics.ts';
import type { ShedReason, UpstreamOutcome } from './metrics.ts';
import type { ResilientUpstreamClient, UpstreamCall, UpstreamClientDeps } from './options.ts';
import { classifyAttempt } from './outcome.ts';
import type { AttemptFailure, AttemptOutcome } from './outcome.ts';
import { RateLimitGate } from './rateLimitGate.ts';
import { mayRetry } from './retryPolicy.ts';
import { DEFAULT_RETRY_BUDGET, RetryBudget } from './retryBudget.ts';
import { routeTemplate } from './route.ts';
import { assertValidUpstreamSettings } from './settings.ts';
import { noopUpstreamTracer } from './tracing.ts';
import type { UpstreamCallTrace } from './tracing.ts';
import { createTransport } from './transport.ts';
import { UpstreamError } from './types.ts';
import type { UpstreamErrorCode, UpstreamSettings } from './types.ts';
import type { SystemName } from '../systems.ts';

/**
 * Retry-After is waited for only up to this multiple of our own backoff ceiling; a longer one means
 * "not now" and the call fails at once (a bad or long header must not stall us).
 */
const RETRY_AFTER_CAP_FACTOR = 4;

/**
 * No attempt starts with less than this share of the system's timeout left before the call's
 * deadline (a retry, or a first attempt late in the request). A learned latency was tried and
 * dropped: one route serves both bulk feed pages and small batch reads, and an estimate inflated
 * by the pages refused healthy reads.
 */
const MIN_ATTEMPT_FRACTION = 0.1;

/**
 * The resilient client for one upstream system. A call has one deadline: `timeoutMs` from its
 * start, or the request's deadline if sooner. Per attempt, in this order:
 *   the system's Retry-After gate (wait if it fits, else shed) -> enough time left for an attempt
 *   (else shed) -> breaker permit (refuse at once if open) -> concurrency slot (FIFO, until the
 *   deadline) -> HTTP with a wall-clock timeout at the deadline, judged slow (a breaker failure at
 *   once) if unanswered after `breakerSlowCallMs` -> classify -> feed the breaker.
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
  // Unset: the timeout itself is the verdict (measured: at half the timeout, a CPU-saturated hub
  // judged healthy systems slow and opened their breakers; set it from a system's normal p99).
  const slowCallMs = settings.breakerSlowCallMs ?? settings.timeoutMs;
  const gate = new RateLimitGate();
  // The least time an attempt is started with: less would be an attempt that cannot finish.
  const minAttemptMs = settings.timeoutMs * MIN_ATTEMPT_FRACTION;

  // The last outcome, kept as numbers: formatting a date on every call would be hot-path waste.
  let lastOk = true;
  let lastAtMs: number | null = null;
  let lastCode: UpstreamErrorCode | null = null;
  let closed = false;

  function error(
    code: UpstreamErrorCode,
    route: string,
    reason: string,
    status?: number,
    retryAfterMs?: number,
  ): UpstreamError {
    return new UpstreamError(system, code, `${system} GET ${route}: ${reason}`, status, retryAfterMs);
  }

  function failureError(failure: AttemptFailure, route: string, retries: number): UpstreamError {
    const after = retries > 0 ? ` (after ${retries} ${retries === 1 ? 'retry' : 'retries'})` : '';
    // What is left of the system's own Retry-After (ours or an earlier call's), as the caller's hint.
    const retryAfterMs = gate.remainingMs(now());
    return error(failure.code, route, failure.reason + after, failure.status, retryAfterMs || undefined);
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
    // The call ends by its own timeout or the request's deadline, whichever comes first; queueing,
    // attempts and waits all come out of it.
    const callDeadline = Math.min(call.deadlineAt ?? Infinity, now() + settings.timeoutMs);
    let retries = 0;
    let lastFailure: AttemptFailure | undefined;
    for (;;) {
      if (closed) throw error('UPSTREAM_UNAVAILABLE', route, 'client closed');
      if (signal?.aborted) throw error('UPSTREAM_TIMEOUT', route, 'call abandoned: request deadline passed');
      const gateMs = gate.remainingMs(now());
      if (gateMs > 0) {
        // The system asked everyone to wait. Wait only if an attempt still fits afterwards.
        if (now() + gateMs + minAttemptMs > callDeadline) {
          throw new Shed(
            'rate_limited',
            error(
              'UPSTREAM_UNAVAILABLE',
              route,
              'asked to wait (Retry-After) past the deadline',
              429,
              gateMs,
            ),
          );
        }
        try {
          await abortableDelay(gateMs, signal);
        } catch {
          throw error(
            'UPSTREAM_TIMEOUT',
            route,
            'call abandoned during Retry-After: request deadline passed',
          );
        }
        continue;
      }
      // No attempt starts that cannot finish before the deadline.
      if (callDeadline - now() < minAttemptMs) {
        if (lastFailure) throw failureError(lastFailure, route, retries);
        throw new Shed('no_time', error('UPSTREAM_TIMEOUT', route, 'no time left for an attempt'));
      }
      const permit: BreakerPermit | null = breaker.tryAcquire();
      if (permit === null) {
        if (lastFailure) throw failureError(lastFailure, route, retries);
        const pendingRetryAfterMs = gate.remainingMs(now()) || undefined;
        throw new Shed(
          'circuit_open',
          error(
            'UPSTREAM_UNAVAILABLE',
            route,
            'circuit breaker open, not called',
            undefined,
            pendingRetryAfterMs,
          ),
        );
      }
      if (retries === 0) budget.recordFirstAttempt();
      if (!limiter.tryAcquire()) {
        try {
          await limiter.waitForSlot(signal, callDeadline - now());
        } catch {
          breaker.record(permit, 'neutral');
          throw error('UPSTREAM_TIMEOUT', route, 'call abandoned while queued: its deadline passed');
        }
      }
      const attemptMs = Math.max(1, callDeadline - now());
      // An attempt left less than half the system's timeout (the rest went to the request's
      // deadline, queueing or earlier attempts) that times out says nothing about the system's health.
      const cutShort = attemptMs < settings.timeoutMs / 2;
      // Once an attempt has been judged slow, that verdict stands: its later outcome is not
      // recorded again (a probe judged slow has already re-opened the breaker).
      let judged = false;
      const slow = {
        afterMs: slowCallMs,
        notify: () => {
          judged = true;
          breaker.record(permit, 'failure');
        },
      };
      let outcome: AttemptOutcome;
      try {
        outcome = classifyAttempt(await transport.send('GET', url, headers, attemptMs, signal, slow), now());
      } catch (unexpected) {
        // The transport reports failures as values; a throw here is a bug. Give the permit back
        // so a half-open probe cannot stay "in flight" forever.
        if (!judged) breaker.record(permit, 'neutral');
        throw unexpected;
      } finally {
        limiter.release();
      }
      if (!judged) {
        const timedOutEarly = cutShort && !outcome.ok && outcome.code === 'UPSTREAM_TIMEOUT';
        breaker.record(permit, outcome.ok ? 'success' : timedOutEarly ? 'neutral' : outcome.breaker);
      }
      if (outcome.ok) {
        noteStatus(true, null);
        return outcome.body;
      }
      // A retry that ran out of the call's time says less than the failure that caused it (a 503
      // stays a 503, not a timeout of the shortened retry).
      if (lastFailure && outcome.code === 'UPSTREAM_TIMEOUT' && !outcome.callerAborted) {
        throw failureError(lastFailure, route, retries);
      }
      // ok: the upstream answered properly (a 404 is a healthy answer); 429, 5xx, timeouts are not ok.
      if (!outcome.callerAborted) noteStatus(outcome.breaker === 'success', outcome.code);
      if (outcome.retryAfterMs !== undefined) gate.closeUntil(now() + outcome.retryAfterMs);
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
      // A retry is sent only when its wait and an attempt fit before the deadline: a timed-out
      // attempt has spent the call's time, so a hanging or slow system costs one attempt.
      if (now() + waitMs + minAttemptMs > callDeadline) {
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
      if (caught instanceof Shed) {
        outcome = caught.reason === 'circuit_open' ? 'circuit_open' : outcomeForCode(caught.error.code);
        metrics.shed(system, caught.reason);
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

/** Carries a call answered without being sent out of the attempt loop, so it is counted as shed. */
class Shed {
  constructor(
    readonly reason: ShedReason,
    readonly error: UpstreamError,
  ) {}
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
