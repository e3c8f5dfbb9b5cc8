import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  startTracing,
  tracesUrl,
  type TracedContext,
  type Tracing,
} from '../../../src/platform/observability/tracing.ts';
import { createUpstreamClient } from '../../../src/platform/upstream/client.ts';
import type { ResilientUpstreamClient } from '../../../src/platform/upstream/options.ts';

/** A small upstream: /persons/:id answers JSON, /persons/down answers 503; records each request's headers. */
let upstream: Server;
let upstreamUrl: string;
let received: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    received.push(req.headers);
    if (req.url === '/persons/down') {
      res.writeHead(503).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name: 'someone' }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => upstream.close(resolve));
});
afterEach(() => {
  received = [];
});

const CHILD_ID = '9876543210';

/** Apollo with one field that reads the upstream through the resilient client, as the hub does. */
async function stack(
  tracing: Tracing,
): Promise<{ apollo: ApolloServer<TracedContext>; client: ResilientUpstreamClient }> {
  const client = createUpstreamClient(
    'lcs',
    {
      baseUrl: upstreamUrl,
      timeoutMs: 1000,
      maxRetries: 1,
      backoffBaseMs: 1,
      backoffMaxMs: 2,
      retryBudgetRatio: 1,
      breakerFailureThreshold: 100,
      breakerCooldownMs: 1000,
      maxConcurrency: 4,
    },
    { tracer: tracing.upstreamTracer, random: () => 0 },
  );
  const apollo = new ApolloServer<TracedContext>({
    typeDefs: 'type Query { person(id: ID!): String }',
    resolvers: {
      Query: {
        person: async (_: unknown, args: { id: string }, ctx: TracedContext) => {
          const body = await client.get<{ name: string }>({
            path: `/persons/${args.id}`,
            route: '/persons/:id',
            requestId: ctx.requestId,
          });
          return body.name;
        },
      },
    },
    plugins: [tracing.apolloPlugin],
  });
  await apollo.start();
  return { apollo, client };
}

const QUERY = 'query ChildLookup($id: ID!) { person(id: $id) }';

function everyAttributeValue(spans: ReadableSpan[]): string[] {
  return spans.flatMap((s) => [
    s.name,
    ...Object.values(s.attributes).map(String),
    ...s.events.flatMap((e) => Object.values(e.attributes ?? {}).map(String)),
  ]);
}

describe('tracing switched on', () => {
  it('gives each GraphQL request a server span and each upstream call a child client span announced in traceparent', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = startTracing({ enabled: true, serviceName: 'svoc-test' }, { exporter });
    const { apollo, client } = await stack(tracing);
    const result = await apollo.executeOperation(
      { query: QUERY, variables: { id: CHILD_ID } },
      { contextValue: { requestId: 'req-trace-1' } },
    );
    expect(result.body.kind === 'single' && result.body.singleResult.errors).toBeFalsy();

    const spans = exporter.getFinishedSpans();
    const server = spans.find((s) => s.kind === SpanKind.SERVER)!;
    const call = spans.find((s) => s.kind === SpanKind.CLIENT)!;
    expect(spans).toHaveLength(2);
    expect(server.name).toBe('query ChildLookup');
    expect(server.attributes).toMatchObject({
      'graphql.operation.name': 'ChildLookup',
      'graphql.operation.type': 'query',
      'svoc.request_id': 'req-trace-1',
    });
    expect(call.name).toBe('GET /persons/:id');
    expect(call.attributes).toMatchObject({
      'svoc.upstream.system': 'lcs',
      'url.template': '/persons/:id',
      'svoc.upstream.outcome': 'ok',
    });
    expect(call.spanContext().traceId).toBe(server.spanContext().traceId);
    expect(call.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(call.status.code).not.toBe(SpanStatusCode.ERROR);

    // The upstream saw the call's own span as parent, and the request id beside it.
    expect(received).toHaveLength(1);
    expect(received[0]!['traceparent']).toBe(
      `00-${call.spanContext().traceId}-${call.spanContext().spanId}-01`,
    );
    expect(received[0]!['x-request-id']).toBe('req-trace-1');
    expect(server.resource.attributes['service.name']).toBe('svoc-test');

    // No id, variable or document in any span.
    expect(everyAttributeValue(spans).filter((v) => v.includes(CHILD_ID) || v.includes('person('))).toEqual(
      [],
    );
    await apollo.stop();
    client.close();
    await tracing.shutdown();
  });

  it('marks a failed upstream call and its request as errors, with the retry as an event', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = startTracing({ enabled: true, serviceName: 'svoc-test' }, { exporter });
    const { apollo, client } = await stack(tracing);
    await apollo.executeOperation(
      { query: QUERY, variables: { id: 'down' } },
      { contextValue: { requestId: 'req-trace-2' } },
    );

    const spans = exporter.getFinishedSpans();
    const server = spans.find((s) => s.kind === SpanKind.SERVER)!;
    const call = spans.find((s) => s.kind === SpanKind.CLIENT)!;
    expect(call.status.code).toBe(SpanStatusCode.ERROR);
    expect(call.attributes).toMatchObject({
      'svoc.upstream.outcome': 'unavailable',
      'svoc.upstream.retries': 1,
      'http.response.status_code': 503,
    });
    expect(call.events.map((e) => e.name)).toEqual(['retry']);
    expect(server.status.code).toBe(SpanStatusCode.ERROR);
    expect(server.attributes['graphql.errors.count']).toBe(1);
    // Both attempts carried the same traceparent: one span per call, attempts included.
    expect(received.map((h) => h['traceparent'])).toEqual([
      received[0]!['traceparent'],
      received[0]!['traceparent'],
    ]);
    await apollo.stop();
    client.close();
    await tracing.shutdown();
  });

  it('keeps an operation name that is not a plain identifier out of the span', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = startTracing({ enabled: true, serviceName: 'svoc-test' }, { exporter });
    const { apollo, client } = await stack(tracing);
    await apollo.executeOperation(
      { query: '{ person(id: "1") }' },
      { contextValue: { requestId: 'req-trace-3' } },
    );
    const server = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.SERVER)!;
    expect(server.name).toBe('query');
    expect(server.attributes['graphql.operation.name']).toBeUndefined();
    await apollo.stop();
    client.close();
    await tracing.shutdown();
  });

  it('exports over OTLP/HTTP to <endpoint>/v1/traces, flushed on shutdown', async () => {
    const posts: { url: string | undefined; body: string }[] = [];
    const collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        posts.push({ url: req.url, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/`;
    try {
      const tracing = startTracing({ enabled: true, serviceName: 'svoc-otlp-test', endpoint });
      expect(tracing.enabled).toBe(true);
      const { apollo, client } = await stack(tracing);
      await apollo.executeOperation(
        { query: QUERY, variables: { id: CHILD_ID } },
        { contextValue: { requestId: 'req-trace-4' } },
      );
      expect(posts).toEqual([]); // batched, not sent per span
      await tracing.shutdown();
      expect(posts.length).toBeGreaterThan(0);
      expect(posts[0]!.url).toBe('/v1/traces');
      const body = posts.map((p) => p.body).join('\n');
      expect(body).toContain('svoc-otlp-test');
      expect(body).toContain('GET /persons/:id');
      expect(body).not.toContain(CHILD_ID);
      await apollo.stop();
      client.close();
    } finally {
      await new Promise((resolve) => collector.close(resolve));
    }
  });
});

describe('tracing switched off', () => {
  it('is a no-op: no spans, no headers beyond the request id', async () => {
    const tracing = startTracing({
      enabled: false,
      serviceName: 'svoc-test',
      endpoint: 'http://127.0.0.1:9/',
    });
    expect(tracing.enabled).toBe(false);
    const { apollo, client } = await stack(tracing);
    await apollo.executeOperation(
      { query: QUERY, variables: { id: CHILD_ID } },
      { contextValue: { requestId: 'req-off' } },
    );
    expect(received[0]!['traceparent']).toBeUndefined();
    expect(received[0]!['x-request-id']).toBe('req-off');
    await apollo.stop();
    client.close();
    await tracing.shutdown();
  });

  it('stays off, and says so, when enabled without an endpoint (never a network call)', () => {
    const warnings: string[] = [];
    const tracing = startTracing(
      { enabled: true, serviceName: 'svoc-test', endpoint: null },
      { logger: { warn: (_o, msg) => warnings.push(msg) } },
    );
    expect(tracing.enabled).toBe(false);
    expect(tracing.upstreamTracer.startCall({ system: 'lcs', route: '/x', requestId: 'r' }).headers).toEqual(
      {},
    );
    expect(warnings).toHaveLength(1);
  });

  it('appends the OTLP signal path to the base endpoint', () => {
    expect(tracesUrl('http://collector:4318')).toBe('http://collector:4318/v1/traces');
    expect(tracesUrl('http://collector:4318/')).toBe('http://collector:4318/v1/traces');
  });
});
