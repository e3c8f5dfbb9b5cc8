import type { UpstreamSettings } from './types.ts';
import type { SystemName } from '../systems.ts';

/**
 * Rejects settings the layer cannot honour, at start-up rather than on the first request. The
 * config module validates the environment; this guards every other way a client gets built.
 */
export function assertValidUpstreamSettings(system: SystemName, settings: UpstreamSettings): void {
  const problems: string[] = [];
  let url: URL | undefined;
  try {
    url = new URL(settings.baseUrl);
  } catch {
    problems.push('baseUrl is not an absolute URL');
  }
  if (url && url.protocol !== 'http:' && url.protocol !== 'https:')
    problems.push('baseUrl must be http or https');
  if (url && (url.search !== '' || url.hash !== ''))
    problems.push('baseUrl must not carry a query or fragment');
  const positive = (name: keyof UpstreamSettings, value: number): void => {
    if (!Number.isFinite(value) || value <= 0) problems.push(`${name} must be a positive number`);
  };
  const nonNegativeInteger = (name: keyof UpstreamSettings, value: number): void => {
    if (!Number.isInteger(value) || value < 0) problems.push(`${name} must be an integer >= 0`);
  };
  positive('timeoutMs', settings.timeoutMs);
  nonNegativeInteger('maxRetries', settings.maxRetries);
  positive('backoffBaseMs', settings.backoffBaseMs);
  positive('backoffMaxMs', settings.backoffMaxMs);
  if (!(settings.retryBudgetRatio >= 0 && settings.retryBudgetRatio <= 1))
    problems.push('retryBudgetRatio must be within [0, 1]');
  if (!Number.isInteger(settings.breakerFailureThreshold) || settings.breakerFailureThreshold < 1) {
    problems.push('breakerFailureThreshold must be an integer >= 1');
  }
  positive('breakerCooldownMs', settings.breakerCooldownMs);
  if (!Number.isInteger(settings.maxConcurrency) || settings.maxConcurrency < 1)
    problems.push('maxConcurrency must be an integer >= 1');
  if (problems.length > 0) throw new Error(`invalid upstream settings for ${system}: ${problems.join('; ')}`);
}
