export { createUpstreamClient } from './client.ts';
export { createUpstreamClients, closeUpstreamClients } from './clients.ts';
export { noopUpstreamMetrics } from './metrics.ts';
export type { UpstreamMetrics, UpstreamOutcome } from './metrics.ts';
export type { ResilientUpstreamClient, UpstreamCall, UpstreamClientDeps, UpstreamLogger } from './options.ts';
export type { RetryBudgetOptions } from './retryBudget.ts';
export { noopUpstreamTracer } from './tracing.ts';
export type { UpstreamCallTrace, UpstreamTracer } from './tracing.ts';
export { routeTemplate } from './route.ts';
export { UpstreamError } from './types.ts';
export type {
  BreakerState,
  UpstreamClient,
  UpstreamErrorCode,
  UpstreamRequest,
  UpstreamSettings,
} from './types.ts';
