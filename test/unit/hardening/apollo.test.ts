import { ApolloServer, HeaderMap } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createHardening, sha256Hex } from '../../../src/server/hardening/index.ts';
import { defaultOf } from '../../../src/platform/config/schema.ts';
import { typeDefs } from './schema.ts';

// One graphql instance for the hub's code and node_modules (see sameGraphqlRealm.ts).
vi.mock('graphql', async () => (await import('./sameGraphqlRealm.ts')).nodeGraphql());

const NHS_NUMBER = '9434765919';

const schema = makeExecutableSchema({
  typeDefs,
  resolvers: {
    Query: {
      child: (_root: unknown, args: { id: string }) => {
        if (args.id === 'crash') throw new Error('connect ECONNREFUSED 10.1.2.3:5432 at LcsClient.get');
        if (args.id === 'upstream') {
          throw new GraphQLError('Social care is unavailable', {
            extensions: {
              code: 'UPSTREAM_UNAVAILABLE',
              system: 'LCS',
              upstreamUrl: 'http://lcs.internal/person/1',
            },
          });
        }
        return { id: args.id, name: 'Synthetic Child' };
      },
      searchChildren: () => [],
    },
    Mutation: { flagChild: (_root: unknown, args: { id: string }) => ({ id: args.id }) },
    Child: { siblings: () => [], chronology: () => ({ edges: [] }), worker: () => null },
  },
});

interface GraphQLBody {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

async function start(server: ApolloServer): Promise<ApolloServer> {
  await server.start();
  return server;
}

async function send(
  server: ApolloServer,
  options: { method?: 'GET' | 'POST'; body?: unknown; search?: string; headers?: Record<string, string> },
): Promise<{ status: number; body: GraphQLBody; headers: HeaderMap }> {
  const headers = new HeaderMap(
    Object.entries({ 'content-type': 'application/json', ...options.headers }).map(([k, v]) => [k, v]),
  );
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: options.method ?? 'POST',
      headers,
      search: options.search ?? '',
      body: options.body,
    },
    context: async () => ({}),
  });
  if (response.body.kind !== 'complete') throw new Error('expected a complete response');
  return {
    status: response.status ?? 200,
    body: JSON.parse(response.body.string) as GraphQLBody,
    headers: response.headers,
  };
}

describe('hardening inside Apollo Server 5', () => {
  const hardening = createHardening({ introspection: false });
  let server: ApolloServer;

  beforeAll(async () => {
    server = await start(
      new ApolloServer({ schema, ...hardening.apolloServerOptions, logger: silentLogger() }),
    );
  });
  afterAll(async () => {
    await server.stop();
  });

  it('answers an ordinary query', async () => {
    const { status, body } = await send(server, { body: { query: '{ child(id: "1") { id name } }' } });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { child: { id: '1', name: 'Synthetic Child' } } });
  });

  it('refuses batched HTTP arrays (Apollo 5 default, pinned explicitly)', async () => {
    const { status } = await send(server, {
      body: [{ query: '{ __typename }' }, { query: '{ __typename }' }],
    });
    expect(status).toBe(400);
  });

  it('prevents CSRF: a GET with neither a non-simple content type nor a preflight header is refused', async () => {
    const { status, body } = await send(server, {
      method: 'GET',
      search: 'query=%7B__typename%7D',
      headers: { 'content-type': 'text/plain' },
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/CSRF/);
  });

  it('refuses a mutation over GET with 405', async () => {
    const { status } = await send(server, {
      method: 'GET',
      search: `query=${encodeURIComponent('mutation { flagChild(id: "1") { id } }')}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(status).toBe(405);
  });

  it('answers validation-rule limits with QUERY_TOO_COMPLEX and HTTP 400', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: __typename`).join(' ');
    const { status, body } = await send(server, { body: { query: `{ ${aliases} }` } });
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('answers an over-long document with QUERY_TOO_COMPLEX without parsing it all', async () => {
    const maxTokens = defaultOf('GRAPHQL_MAX_TOKENS');
    const fields = Array.from({ length: maxTokens }, (_, i) => `f${i}: __typename`).join(' ');
    const { status, body } = await send(server, { body: { query: `{ ${fields} }` } });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        message: `Document contains more than ${maxTokens} tokens; parsing was stopped.`,
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      },
    ]);
  });

  it('prices page sizes given in variables and refuses an operation over the cost limit', async () => {
    const query = 'query Search($n: Int) { searchChildren(first: $n) { id name } }';
    const small = await send(server, { body: { query, variables: { n: 10 } } });
    expect(small.status).toBe(200);
    const huge = await send(server, { body: { query, variables: { n: 100_000 } } });
    expect(huge.status).toBe(400);
    expect(huge.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
    expect(huge.body.errors?.[0]?.message).toBe(
      `Query cost 300000 exceeds the maximum of ${defaultOf('GRAPHQL_MAX_COST')}.`,
    );
  });

  it('prices the same document afresh for each page size, however often it is sent', async () => {
    const query = 'query Again($n: Int, $name: String) { searchChildren(first: $n, name: $name) { id } }';
    for (const name of ['a', 'b', 'c']) {
      expect((await send(server, { body: { query, variables: { n: 10, name } } })).status).toBe(200);
    }
    const huge = await send(server, { body: { query, variables: { n: 100_000, name: 'a' } } });
    expect(huge.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
    expect((await send(server, { body: { query, variables: { n: 10, name: 'd' } } })).status).toBe(200);
  });

  it('refuses introspection when disabled', async () => {
    const { status, body } = await send(server, { body: { query: '{ __schema { queryType { name } } }' } });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('drops "Did you mean" suggestions from validation errors', async () => {
    const { body } = await send(server, { body: { query: '{ chil(id: "1") { id } }' } });
    expect(body.errors?.[0]?.message).toBe('Cannot query field "chil" on type "Query".');
  });

  it('masks an unexpected resolver failure as INTERNAL with no internals', async () => {
    const { body } = await send(server, { body: { query: '{ child(id: "crash") { id } }' } });
    expect(body.errors).toEqual([
      {
        message: 'Internal server error',
        path: ['child'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'INTERNAL' },
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|stacktrace|LcsClient/);
  });

  it('keeps only code and system of a known upstream error', async () => {
    const { body } = await send(server, { body: { query: '{ child(id: "upstream") { id } }' } });
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', system: 'LCS' });
    expect(JSON.stringify(body)).not.toContain('lcs.internal');
  });

  it('does not echo a mistyped variable value (an NHS number) back in the error', async () => {
    const query = 'query Find($first: Int) { searchChildren(first: $first) { id } }';
    const { status, body } = await send(server, { body: { query, variables: { first: NHS_NUMBER } } });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(body)).not.toContain(NHS_NUMBER);
  });

  it('does not echo a mistyped literal (an NHS number) back in a validation error', async () => {
    const { body } = await send(server, {
      body: { query: `{ searchChildren(first: "${NHS_NUMBER}") { id } }` },
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toContain(NHS_NUMBER);
  });
});

describe('trusted-documents mode', () => {
  const trusted = '{ child(id: "1") { id } }';
  const hash = sha256Hex(trusted);
  const hardening = createHardening({
    introspection: false,
    trustedDocuments: { enabled: true, documents: { [hash]: trusted } },
  });
  let server: ApolloServer;

  beforeAll(async () => {
    server = await start(
      new ApolloServer({ schema, ...hardening.apolloServerOptions, logger: silentLogger() }),
    );
  });
  afterAll(async () => {
    await server.stop();
  });

  it('runs a document whose sha256 is in the manifest, sent as text', async () => {
    const { status, body } = await send(server, { body: { query: trusted } });
    expect(status).toBe(200);
    expect(body.data).toEqual({ child: { id: '1' } });
  });

  it('runs a manifest document sent by hash only', async () => {
    const { status, body } = await send(server, {
      body: { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
    });
    expect(status).toBe(200);
    expect(body.data).toEqual({ child: { id: '1' } });
  });

  it('refuses any other document text with FORBIDDEN', async () => {
    const { status, body } = await send(server, { body: { query: '{ child(id: "2") { id name } }' } });
    expect(status).toBe(403);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(body.data).toBeUndefined();
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND', async () => {
    const { status, body } = await send(server, {
      body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } },
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'PERSISTED_QUERY_NOT_FOUND' });
  });

  it('refuses a manifest whose key is not the sha256 of its document', () => {
    expect(() =>
      createHardening({ trustedDocuments: { enabled: true, documents: { ['0'.repeat(64)]: trusted } } }),
    ).toThrow(/does not match/);
  });
});

function silentLogger() {
  const noop = () => undefined;
  return { debug: noop, info: noop, warn: noop, error: noop };
}
