/**
 * OpenTelemetry tracing, switched on by config (`OTEL_ENABLED=true`): one server span per GraphQL
 * request and one client span per upstream call (all its attempts), the latter a child of the
 * former and announced upstream in a W3C `traceparent` header. Spans go to an OTLP/HTTP collector
 * at `OTEL_EXPORTER_OTLP_ENDPOINT` (`/v1/traces` appended, as the OTLP spec says for the base
 * endpoint variable).
 *
 * Off, or on without an endpoint, everything here is a no-op: nothing is built, nothing is ever
 * sent, so start-up and tests make no network call.
 *
 * Parenting is explicit rather than through an async context manager: the GraphQL span is filed
 * under the request id the hub already passes to every upstream call, so no AsyncLocalStorage
 * hook has to wrap Apollo's execution. Span attributes carry operation names, system names, route
 * templates, outcomes and error codes: never a document, a variable, a path with ids or any data.
 */
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { UpstreamCallTrace, UpstreamTracer } from '../upstream/tracing.ts';
import { noopUpstreamTracer } from '../upstream/tracing.ts';

export interface TracingSettings {
  enabled: boolean;
  serviceName: string;
  /** OTLP/HTTP base endpoint, e.g. `http://collector:4318`; none means no export at all. */
  endpoint?: string | null;
}

export interface TracingOptions {
  /** Export here instead of OTLP, span by span (tests pass an InMemorySpanExporter). */
  exporter?: SpanExporter;
  /** Told once when tracing is asked for but cannot export. */
  logger?: { warn(obj: object, msg: string): void };
}

/** What the hub's context must offer the plugin: the request id it also sends upstream. */
export interface TracedContext extends BaseContext {
  requestId?: string;
}

export interface Tracing {
  /** False when tracing is off or has nowhere to export: the plugin and hook then do nothing. */
  readonly enabled: boolean;
  /** One span per GraphQL request. Add it to ApolloServer's plugins. */
  readonly apolloPlugin: ApolloServerPlugin<TracedContext>;
  /** Pass as `tracer` in the upstream clients' deps. */
  readonly upstreamTracer: UpstreamTracer;
  /** Ends export: flushes spans still queued and closes the exporter (on hub stop). */
  shutdown(): Promise<void>;
}

const TRACER_NAME = 'svoc-hub';
const SAFE_OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const disabled: Tracing = {
  enabled: false,
  apolloPlugin: {},
  upstreamTracer: noopUpstreamTracer,
  shutdown: async () => {},
};

export function startTracing(settings: TracingSettings, options: TracingOptions = {}): Tracing {
  if (!settings.enabled) return disabled;
  let processor: SpanProcessor;
  if (options.exporter) {
    processor = new SimpleSpanProcessor(options.exporter);
  } else if (settings.endpoint) {
    processor = new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(settings.endpoint) }));
  } else {
    options.logger?.warn(
      {},
      'tracing is enabled but OTEL_EXPORTER_OTLP_ENDPOINT is not set: no spans are exported',
    );
    return disabled;
  }
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName }),
    spanProcessors: [processor],
  });
  const tracer = provider.getTracer(TRACER_NAME);
  const requests = new RequestSpans();
  return {
    enabled: true,
    apolloPlugin: graphqlPlugin(tracer, requests),
    upstreamTracer: upstreamTracer(tracer, requests),
    shutdown: () => provider.shutdown(),
  };
}

/** `<endpoint>/v1/traces`, the signal path the OTLP spec adds to the base endpoint. */
export function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * The open GraphQL span of each request, by request id. Two concurrent requests presenting the
 * same incoming x-request-id share the later one's span as parent; neither loses its own span.
 */
class RequestSpans {
  private readonly byId = new Map<string, Span>();
  open(requestId: string, span: Span): void {
    this.byId.set(requestId, span);
  }
  get(requestId: string | undefined): Span | undefined {
    return requestId === undefined ? undefined : this.byId.get(requestId);
  }
  close(requestId: string, span: Span): void {
    if (this.byId.get(requestId) === span) this.byId.delete(requestId);
  }
}

function graphqlPlugin(tracer: Tracer, requests: RequestSpans): ApolloServerPlugin<TracedContext> {
  return {
    async requestDidStart({ contextValue }) {
      const span = tracer.startSpan('graphql.request', { kind: SpanKind.SERVER });
      const requestId = contextValue.requestId;
      if (requestId !== undefined) {
        span.setAttribute('svoc.request_id', requestId);
        requests.open(requestId, span);
      }
      return {
        async didResolveOperation({ operation, operationName }) {
          const type = operation?.operation ?? 'query';
          const name = operationName && SAFE_OPERATION_NAME.test(operationName) ? operationName : null;
          span.setAttribute('graphql.operation.type', type);
          if (name) span.setAttribute('graphql.operation.name', name);
          span.updateName(name ? `${type} ${name}` : type);
        },
        async willSendResponse({ response, errors }) {
          const failed =
            errors ?? (response.body.kind === 'single' ? response.body.singleResult.errors : undefined) ?? [];
          if (failed.length > 0) {
            const codes = [
              ...new Set(failed.map((e) => String(e.extensions?.['code'] ?? 'INTERNAL'))),
            ].sort();
            span.setAttribute('graphql.errors.count', failed.length);
            span.setAttribute('graphql.errors.codes', codes);
            span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
          }
          if (response.http.status !== undefined)
            span.setAttribute('http.response.status_code', response.http.status);
          span.end();
          if (requestId !== undefined) requests.close(requestId, span);
        },
      };
    },
  };
}

function upstreamTracer(tracer: Tracer, requests: RequestSpans): UpstreamTracer {
  return {
    startCall({ system, route, requestId }): UpstreamCallTrace {
      const parent = requests.get(requestId);
      const span = tracer.startSpan(
        `GET ${route}`,
        {
          kind: SpanKind.CLIENT,
          attributes: { 'http.request.method': 'GET', 'url.template': route, 'svoc.upstream.system': system },
        },
        // Explicit parent (or none): never an ambient context another library may have set.
        parent ? trace.setSpan(ROOT_CONTEXT, parent) : ROOT_CONTEXT,
      );
      const context = span.spanContext();
      const sampled = (context.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED;
      const headers = Object.freeze({
        traceparent: `00-${context.traceId}-${context.spanId}-${sampled ? '01' : '00'}`,
      });
      let retries = 0;
      return {
        headers,
        retry(retryNumber) {
          retries = retryNumber;
          span.addEvent('retry', { 'svoc.upstream.retry': retryNumber });
        },
        end(outcome, status) {
          span.setAttribute('svoc.upstream.outcome', outcome);
          span.setAttribute('svoc.upstream.retries', retries);
          if (status !== undefined) span.setAttribute('http.response.status_code', status);
          // A 404 is an answer ("no such record"), not a failure of the call.
          if (outcome !== 'ok' && outcome !== 'not_found')
            span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
          span.end();
        },
      };
    },
  };
}
