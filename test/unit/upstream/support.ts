import { expect } from 'vitest';
import { upstreamUrl } from '../../support/upstreamServer.ts';
import type { ShedReason, UpstreamMetrics, UpstreamOutcome } from '../../../src/platform/upstream/metrics.ts';
import { UpstreamError } from '../../../src/platform/upstream/types.ts';
import type { BreakerState, UpstreamSettings } from '../../../src/platform/upstream/types.ts';
import type { SystemName } from '../../../src/platform/systems.ts';

/** The fake origin handlers are written for; clients reach it through the test file's upstream server. */
export const BASE_URL = 'http://lcs.upstream.test';

/** Fast settings for tests: tiny backoff, generous budget, a breaker that stays out of the way. */
export function testSettings(overrides: Partial<UpstreamSettings> = {}): UpstreamSettings {
  return {
    baseUrl: overrides.baseUrl ?? upstreamUrl(BASE_URL),
    timeoutMs: 2000,
    maxRetries: 2,
    backoffBaseMs: 1,
    backoffMaxMs: 5,
    retryBudgetRatio: 1,
    breakerFailureThreshold: 1000,
    breakerCooldownMs: 1000,
    maxConcurrency: 8,
    ...overrides,
  };
}

export interface RecordedMetrics extends UpstreamMetrics {
  observations: Array<{ system: SystemName; route: string; outcome: UpstreamOutcome; durationMs: number }>;
  retries: SystemName[];
  transitions: BreakerState[];
  shedCalls: Array<{ system: SystemName; reason: ShedReason }>;
}

export function recordingMetrics(): RecordedMetrics {
  const recorded: RecordedMetrics = {
    observations: [],
    retries: [],
    transitions: [],
    shedCalls: [],
    observe: (system, route, outcome, durationMs) =>
      recorded.observations.push({ system, route, outcome, durationMs }),
    retry: (system) => recorded.retries.push(system),
    breaker: (_system, state) => recorded.transitions.push(state),
    shed: (system, reason) => recorded.shedCalls.push({ system, reason }),
  };
  return recorded;
}

/** Awaits a call expected to fail and returns its UpstreamError. */
export async function failureOf(call: Promise<unknown>): Promise<UpstreamError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

/** A clock the test moves by hand. */
export function manualClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let current = start;
  return { now: () => current, advance: (ms) => (current += ms) };
}
