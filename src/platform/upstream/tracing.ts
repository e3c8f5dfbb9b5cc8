import type { UpstreamOutcome } from './metrics.ts';
import type { SystemName } from '../systems.ts';

/**
 * The hook a tracer plugs into the upstream layer (the OpenTelemetry implementation lives in
 * src/platform/observability/tracing.ts; this layer knows only the interface). One trace per call, all
 * attempts included. What it is told carries no ids: `route` is a template such as `/persons/:id`.
 */
export interface UpstreamTracer {
  startCall(call: { system: SystemName; route: string; requestId: string | undefined }): UpstreamCallTrace;
}

export interface UpstreamCallTrace {
  /** Sent with every attempt of the call, e.g. a W3C `traceparent`. */
  readonly headers: Readonly<Record<string, string>>;
  /** A retry is about to be sent (1 for the first retry). */
  retry(retryNumber: number): void;
  /** The call is over; `status` is the HTTP status of a failed answer, when there was one. */
  end(outcome: UpstreamOutcome, status: number | undefined): void;
}

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

const noopCallTrace: UpstreamCallTrace = { headers: NO_HEADERS, retry() {}, end() {} };

export const noopUpstreamTracer: UpstreamTracer = { startCall: () => noopCallTrace };
