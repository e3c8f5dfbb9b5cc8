import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../../src/server/app.ts';
import { createJitGateway, BoundedLru } from '../../../src/server/execution/index.ts';
import { formatError } from '../../../src/server/hardening/index.ts';

// The hub's own SDL, with small resolvers that exercise values, lists, nulls and thrown errors.
const resolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: { userId: string }) => ({
      userId: ctx.userId,
      roles: ['SOCIAL_WORKER'],
      worker: null,
      team: { teamId: 'T1' },
    }),
    team: (_: unknown, args: { id: string }) => {
      if (args.id === 'boom') throw new Error('database password is hunter2');
      if (args.id === 'gone') throw new GraphQLError('No such team.', { extensions: { code: 'NOT_FOUND' } });
      return { teamId: args.id };
    },
  },
  Viewer: { worker: (v: { worker: unknown }) => v.worker, team: (v: { team: unknown }) => v.team },
  Team: {
    id: (t: { teamId: string }) => t.teamId,
    name: (t: { teamId: string }) => `Team ${t.teamId}`,
    service: () => 'Children in need',
  },
};

const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never });

async function answer(
  withJit: boolean,
  query: string,
  variables?: Record<string, unknown>,
  operationName?: string,
) {
  const gateway = createJitGateway({ schema });
  const server = new ApolloServer<{ userId: string }>({
    ...(withJit ? { gateway } : { schema }),
    formatError,
    includeStacktraceInErrorResponses: false,
  });
  await server.start();
  try {
    const response = await server.executeOperation(
      { query, ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) },
      { contextValue: { userId: 'U1' } },
    );
    const body = response.body.kind === 'single' ? response.body.singleResult : null;
    return { status: response.http.status ?? 200, body, stats: gateway.stats() };
  } finally {
    await server.stop();
  }
}

async function sameAsGraphqlJs(query: string, variables?: Record<string, unknown>, operationName?: string) {
  const [js, jit] = await Promise.all([
    answer(false, query, variables, operationName),
    answer(true, query, variables, operationName),
  ]);
  expect(jit.body).toEqual(js.body);
  expect(jit.status).toEqual(js.status);
  return jit;
}

describe('graphql-jit gateway executor', () => {
  it('answers the same data as graphql-js, and compiles the document instead of falling back', async () => {
    const jit = await sameAsGraphqlJs('{ me { userId roles worker { id } team { id name service } } }');
    expect(jit.body?.data).toEqual({
      me: {
        userId: 'U1',
        roles: ['SOCIAL_WORKER'],
        worker: null,
        team: { id: 'T1', name: 'Team T1', service: 'Children in need' },
      },
    });
    expect(jit.stats).toMatchObject({ compiled: 1, fallbacks: 0 });
  });

  it('runs the operation the client named when the document holds several', async () => {
    const doc = 'query A { me { userId } } query B($id: ID!) { team(id: $id) { name } }';
    const jit = await sameAsGraphqlJs(doc, { id: 'T9' }, 'B');
    expect(jit.body?.data).toEqual({ team: { name: 'Team T9' } });
  });

  it('keeps a resolver error’s code, path and locations, and masks an unexpected error as graphql-js does', async () => {
    const notFound = await sameAsGraphqlJs('query Q { team(id: "gone") { id } }');
    expect(notFound.body?.errors?.[0]).toMatchObject({
      message: 'No such team.',
      path: ['team'],
      locations: [{ line: 1, column: 11 }],
      extensions: { code: 'NOT_FOUND' },
    });
    const boom = await sameAsGraphqlJs('query Q { team(id: "boom") { id } }');
    expect(JSON.stringify(boom.body)).not.toContain('hunter2');
  });

  it('answers a variable error as a 400 BAD_USER_INPUT, as graphql-js does', async () => {
    const jit = await sameAsGraphqlJs('query Q($id: ID!) { team(id: $id) { id } }', {});
    expect(jit.status).toBe(400);
    expect(jit.body?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('compiles a document once and reuses the plan for the next request', async () => {
    const gateway = createJitGateway({ schema });
    const server = new ApolloServer<{ userId: string }>({ gateway });
    await server.start();
    try {
      for (let i = 0; i < 3; i++)
        await server.executeOperation({ query: '{ me { userId } }' }, { contextValue: { userId: 'U1' } });
      expect(gateway.stats()).toMatchObject({ compiled: 1, cacheHits: 2, cached: 1 });
    } finally {
      await server.stop();
    }
  });
});

describe('BoundedLru', () => {
  it('drops the least recently used entry beyond its bound', () => {
    const lru = new BoundedLru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
  });
});
