/**
 * The hub as a Federation 2 subgraph in a council's supergraph: its SDL (read over HTTP, as a
 * router reads it) composes with @apollo/composition beside a small housing subgraph that extends
 * Child, and queries run through a real gateway. Entity fetches keep the hub's access and audit
 * rules exactly: each reference is opened, recorded and hidden as child(id:) would be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { restrictedPersonIds, startAccessHarness, type AccessHarness, type Json } from '../access/harness.ts';

const HOUSING_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { housingCases: [HousingCase!]! }
  "A household the council's housing service holds, naming the child by the hub's id."
  type HousingCase { reference: ID! child: Child! }
  type Child @key(fields: "id") { id: ID! temporaryAccommodation: Boolean! }
`;

let h: AccessHarness;
let housing: { server: ApolloServer; url: string };
let gateway: { server: ApolloServer; url: string };
let hubSdl: string;
let visibleHubId: string;
let restrictedHubId: string;

async function startHousing(cases: { reference: string; childId: string }[]) {
  const server = new ApolloServer({
    schema: buildSubgraphSchema([
      {
        typeDefs: parse(HOUSING_SDL),
        resolvers: {
          Query: {
            housingCases: () => cases.map((c) => ({ reference: c.reference, child: { id: c.childId } })),
          },
          Child: {
            __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
            temporaryAccommodation: (child: { id: string }) => child.id === visibleHubId,
          },
        },
      },
    ]),
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { server, url };
}

async function askGateway(
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Json> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

beforeAll(async () => {
  h = await startAccessHarness();
  const visible = [...h.sims.county.lcs.people.ids()].find(
    (id) =>
      !restrictedPersonIds(h.sims).includes(id) && h.hub.directory.resolve(`lcs:${id}`)?.restricted === false,
  )!;
  visibleHubId = h.hub.directory.resolve(`lcs:${visible}`)!.hubId;
  restrictedHubId = h.hub.directory.resolve(`lcs:${restrictedPersonIds(h.sims)[0]}`)!.hubId;
  housing = await startHousing([
    { reference: 'H-1', childId: visibleHubId },
    { reference: 'H-2', childId: restrictedHubId },
  ]);

  // The router's own credential reads the hub's SDL.
  const routerToken = await h.token({ userId: 'supergraph-router', roles: ['FRONT_DOOR'] });
  hubSdl = (await h.query(routerToken, '{ _service { sdl } }')).body.data._service.sdl;
  const composed = composeServices([
    { name: 'hub', typeDefs: parse(hubSdl), url: h.url },
    { name: 'housing', typeDefs: parse(HOUSING_SDL), url: housing.url },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const server = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: composed.supergraphSdl,
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource<{ authorization?: string }>({
          url: url!,
          // The user's own token travels to every subgraph: the hub decides what this user may see.
          willSendRequest: ({ request, context }) => {
            if (context.authorization) request.http?.headers.set('authorization', context.authorization);
          },
        }),
    }),
  });
  const started = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  gateway = { server, url: started.url };
});
afterAll(async () => {
  await gateway?.server.stop();
  await housing?.server.stop();
  await h?.close();
});

describe('the hub in a council supergraph', () => {
  it('publishes Child, Worker and Team as entities keyed by id', () => {
    for (const type of ['Child', 'Worker', 'Team'])
      // On the type's definition or an extension of it, whichever the SDL printer chose.
      expect(hubSdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
  });

  it('publishes none of the hub-internal @access declarations (access groups stay the hub’s own)', () => {
    expect(hubSdl).toMatch(/type Child/);
    expect(hubSdl).not.toMatch(/@access|directive @access/);
  });

  it('answers a query that starts at the hub and reaches into the housing subgraph', async () => {
    const token = await h.token({ userId: 'fd-supergraph', roles: ['FRONT_DOOR'] });
    const body = await askGateway(
      token,
      'query($id: ID!) { child(id: $id) { id name { forename } temporaryAccommodation } }',
      { id: visibleHubId },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.child).toMatchObject({ id: visibleHubId, temporaryAccommodation: true });
    expect(body.data.child.name.forename).toEqual(expect.any(String));
  });

  it('opens each referenced child through the hub’s access rules and audit, hiding a restricted one as NOT_FOUND', async () => {
    const token = await h.token({ userId: 'fd-entities', roles: ['FRONT_DOOR'] });
    const mark = h.sink.records.length;
    const body = await askGateway(token, '{ housingCases { reference child { id name { forename } } } }');
    const byReference = Object.fromEntries(
      (body.data?.housingCases ?? []).map((c: Json) => [c.reference, c.child]),
    );
    expect(byReference['H-1']).toMatchObject({ id: visibleHubId });
    // The restricted child's id is the housing service's own; of the hub's data nothing comes back,
    // and the error is the hub's NOT_FOUND for an unknown id.
    expect(byReference['H-2']).toEqual({ id: restrictedHubId, name: null });
    expect(byReference['H-1'].name.forename).toEqual(expect.any(String));
    expect(body.errors.map((e: Json) => [e.extensions.code, e.path])).toEqual([
      ['NOT_FOUND', ['housingCases', 1, 'child']],
    ]);
    const records = h.recordsSince(mark).filter((r) => r.userId === 'fd-entities');
    expect(records.map((r) => [r.action, r.decision])).toEqual(
      expect.arrayContaining([
        ['VIEW', 'ALLOWED'],
        ['DENY', 'NOT_FOUND'],
      ]),
    );
    expect(records.find((r) => r.action === 'VIEW')!.childId).toBe(visibleHubId);
  });

  it('refuses an entity fetch without a token, as any request to the hub', async () => {
    const response = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id } } }',
        variables: { r: [{ __typename: 'Child', id: visibleHubId }] },
      }),
    });
    expect(response.status).toBe(401);
  });

  it('bounds the references one request may open', async () => {
    const token = await h.token({ userId: 'fd-many', roles: ['FRONT_DOOR'] });
    const { body } = await h.query(
      token,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id } } }',
      { r: Array.from({ length: 51 }, () => ({ __typename: 'Child', id: visibleHubId })) },
    );
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
