/**
 * An upstream client as connector tests use one: no retries and a breaker that a test's few failures
 * never open, so what a test sees is what the upstream answered.
 */
import { createUpstreamClient } from '../../src/platform/upstream/client.ts';
import type { SystemName } from '../../src/platform/systems.ts';

export function testUpstreamClient(
  system: SystemName,
  baseUrl: string,
  { timeoutMs = 30_000, maxConcurrency = 8 }: { timeoutMs?: number; maxConcurrency?: number } = {},
) {
  return createUpstreamClient(system, {
    baseUrl,
    timeoutMs,
    maxRetries: 0,
    backoffBaseMs: 1,
    backoffMaxMs: 5,
    retryBudgetRatio: 0.2,
    breakerFailureThreshold: 100,
    breakerCooldownMs: 1000,
    maxConcurrency,
  });
}
