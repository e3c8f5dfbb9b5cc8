/**
 * Issue 11's limits, each through real HTTP against a hub over the four simulators: bounded stated
 * texts, a justification for every break-glass, the hub's own request ids in the audit trail, a
 * maximum token lifetime, failed authentication limited per client address, `no-store` on every
 * /graphql answer, withheld fields null (never an INTERNAL), and duplicate fields counted after
 * fragments are expanded.
 */
import { request as httpRequest } from 'node:http';
import { SignJWT } from 'jose';
import { getNamedType, isLeafType, isNonNullType, type GraphQLObjectType } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../../src/server/app.ts';
import { ACCESS_POLICY, BREAK_GLASS_REASON_CODES, accessLevel } from '../../../src/domain/access/index.ts';
import { ROLES } from '../../../src/domain/access/types.ts';
import { CHILD_FIELD_GROUPS } from '../../../resolvers/support/childFields.ts';
import { restrictionOf, startAccessHarness, type AccessHarness, type Json, type Reply } from './harness.ts';

let h: AccessHarness;
/** An unrestricted LCS person: every viewer with minimal identity may open it. */
let childId: string;

beforeAll(async () => {
  h = await startAccessHarness();
  const personId = [...h.sims.county.lcs.people.ids()].find((id) => restrictionOf(h.sims, id) === null)!;
  childId = `lcs:${personId}`;
});
afterAll(async () => {
  await h?.close();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const codeOf = (reply: Reply): string | undefined => reply.body?.errors?.[0]?.extensions?.code;

const OPEN = 'query($id: ID!, $purpose: String) { child(id: $id, purpose: $purpose) { id } }';
const BREAK_GLASS =
  'query($id: ID!, $reason: BreakGlassReason!, $why: String!) { child(id: $id, breakGlass: { reasonCode: $reason, justification: $why }) { id access { relationship } } }';

const frontDoor = () => h.token({ userId: 'limits-fd', roles: ['FRONT_DOOR'] });
const unrelatedWorker = () => h.token({ userId: 'limits-sw', roles: ['SOCIAL_WORKER'] });

/** A token signed with a hub's key, with exactly the times given (no iat when it is undefined). */
function tokenWithTimes(hub: AccessHarness, times: { iat?: number; exp: number }): Promise<string> {
  const jwt = new SignJWT({ roles: ['FRONT_DOOR'] })
    .setProtectedHeader({ alg: 'ES256', kid: hub.signingKey.kid, typ: 'JWT' })
    .setSubject('limits-lifetime')
    .setIssuer(hub.config.auth.issuer)
    .setAudience(hub.config.auth.audience)
    .setExpirationTime(times.exp);
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
  return jwt.sign(hub.signingKey.privateKey);
}

describe('stated texts are bounded', () => {
  it('a purpose or a justification over 500 characters is BAD_USER_INPUT and nothing is recorded; 500 is accepted', async () => {
    const token = await frontDoor();
    const mark = h.sink.records.length;
    for (const purpose of ['p'.repeat(501), 'x'.repeat(95 * 1024)]) {
      const reply = await h.query(token, OPEN, { id: childId, purpose });
      expect(reply.status).toBe(200);
      expect(codeOf(reply)).toBe('BAD_USER_INPUT');
      expect(reply.body.data?.child ?? null).toBeNull();
      expect(reply.text).not.toContain('ppppp');
    }
    const glass = await h.query(await unrelatedWorker(), BREAK_GLASS, {
      id: childId,
      reason: 'IMMEDIATE_RISK',
      why: 'j'.repeat(501),
    });
    expect(codeOf(glass)).toBe('BAD_USER_INPUT');
    expect(h.recordsSince(mark)).toEqual([]);

    const accepted = await h.query(token, OPEN, { id: childId, purpose: 'q'.repeat(500) });
    expect(accepted.body.errors).toBeUndefined();
    expect(h.recordsSince(mark).map((r) => r.purpose)).toEqual(['q'.repeat(500)]);
  });
});

describe('break-glass', () => {
  it('every reason code, IMMEDIATE_RISK included, needs a justification of at least 10 characters besides spaces', async () => {
    const token = await unrelatedWorker();
    for (const reason of BREAK_GLASS_REASON_CODES) {
      for (const why of ['', ' '.repeat(40), 'a b c d e f g h i']) {
        const reply = await h.query(token, BREAK_GLASS, { id: childId, reason, why });
        expect(codeOf(reply), `${reason} "${why}"`).toBe('BAD_USER_INPUT');
      }
      const opened = await h.query(token, BREAK_GLASS, {
        id: childId,
        reason,
        why: 'Police report the child at risk tonight',
      });
      expect(opened.body.errors, reason).toBeUndefined();
      expect(opened.body.data.child.access.relationship).toBe('BREAK_GLASS');
    }
  });
});

describe('request ids', () => {
  it("the audit record carries the hub's own request id; the client's x-request-id is kept only as a correlation id", async () => {
    const token = await frontDoor();
    const send = (requestId: string) =>
      h.raw({
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-request-id': requestId,
        },
        body: JSON.stringify({ query: OPEN, variables: { id: childId } }),
      });
    const mark = h.sink.records.length;
    const first = await send('client-chosen-0001');
    const second = await send('client-chosen-0001');
    const forged = await send('lcs:1000100; forged');
    const records = h.recordsSince(mark);
    expect(records).toHaveLength(3);
    const ids = records.map((r) => r.requestId);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
    expect([first, second, forged].map((reply) => reply.headers.get('x-request-id'))).toEqual(ids);
    expect(records.map((r) => r.correlationId)).toEqual([
      'client-chosen-0001',
      'client-chosen-0001',
      undefined,
    ]);
    expect(JSON.stringify(records)).not.toContain('forged');
  });
});

describe('token lifetime', () => {
  it('a token living longer than 12 hours is refused with 401 UNAUTHENTICATED, by exp - iat or, without iat, exp - now', async () => {
    const now = Math.floor(Date.now() / 1000);
    const refused = [
      { iat: now, exp: now + 12 * 3600 + 120 },
      { iat: now - 13 * 3600, exp: now + 600 },
      { exp: now + 13 * 3600 },
    ];
    for (const times of refused) {
      const reply = await h.query(await tokenWithTimes(h, times), '{ __typename }');
      expect(reply.status, JSON.stringify(times)).toBe(401);
      expect(codeOf(reply)).toBe('UNAUTHENTICATED');
    }
    for (const times of [{ iat: now - 60, exp: now - 60 + 12 * 3600 }, { exp: now + 11 * 3600 }]) {
      const reply = await h.query(await tokenWithTimes(h, times), '{ __typename }');
      expect(reply.status, JSON.stringify(times)).toBe(200);
    }
  });
});

describe('Cache-Control on /graphql', () => {
  it('every answer carries no-store: POST and GET, data, GraphQL errors, 400, 401, 405 and 413', async () => {
    const token = await frontDoor();
    const auth = { authorization: `Bearer ${token}` };
    const json = { 'content-type': 'application/json', ...auth };
    const getQuery = (query: string) => `?query=${encodeURIComponent(query)}`;
    const replies: Record<string, Reply> = {
      'POST data': await h.query(token, OPEN, { id: childId }),
      'POST not found': await h.query(token, OPEN, { id: 'lcs:999999999' }),
      'POST invalid': await h.query(token, '{ nope }'),
      'POST bad JSON': await h.raw({ method: 'POST', headers: json, body: '{' }),
      'POST too large': await h.raw({ method: 'POST', headers: json, body: ' '.repeat(200 * 1024) }),
      'POST no token': await h.query(null, '{ __typename }'),
      'GET data': await h.raw({
        method: 'GET',
        path: getQuery('{ __typename }'),
        headers: { ...auth, 'apollo-require-preflight': 'true' },
      }),
      'GET mutation': await h.raw({
        method: 'GET',
        path: getQuery('mutation { __typename }'),
        headers: { ...auth, 'apollo-require-preflight': 'true' },
      }),
      'GET no token': await h.raw({ method: 'GET', path: getQuery('{ __typename }') }),
    };
    const statuses = Object.fromEntries(Object.entries(replies).map(([name, reply]) => [name, reply.status]));
    expect(statuses).toEqual({
      'POST data': 200,
      'POST not found': 200,
      'POST invalid': 400,
      'POST bad JSON': 400,
      'POST too large': 413,
      'POST no token': 401,
      'GET data': 200,
      'GET mutation': 405,
      'GET no token': 401,
    });
    for (const [name, reply] of Object.entries(replies)) {
      expect(reply.headers.get('cache-control'), name).toBe('no-store');
    }
  });
});

describe('withheld fields', () => {
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs() });
  const childFields = (schema.getType('Child') as GraphQLObjectType).getFields();
  // identity.minimal is what opening a child at all requires: without it the answer is FORBIDDEN.
  const withholdable = Object.entries(CHILD_FIELD_GROUPS).filter(([, group]) => group !== 'identity.minimal');

  it('every child field of a group is nullable in the schema, so withholding it cannot fail its parent', () => {
    expect(withholdable.length).toBeGreaterThan(10);
    const nonNull = withholdable.filter(([field]) => isNonNullType(childFields[field]!.type)).map(([f]) => f);
    expect(nonNull).toEqual([]);
  });

  it('for each child field group and a role the policy does not give it, the field is null and listed in access.withheld', async () => {
    const checked: string[] = [];
    for (const [field, group] of withholdable) {
      // A role that opens children but holds this group only by relationship, or never.
      const role = ROLES.find(
        (r) => accessLevel(r, 'identity.minimal') === 'always' && accessLevel(r, group) !== 'always',
      );
      expect(role, `a role without ${group}`).toBeDefined();
      expect(ACCESS_POLICY[role!].always).not.toContain(group);
      const selection = isLeafType(getNamedType(childFields[field]!.type)) ? '' : '{ __typename }';
      const token = await h.token({ userId: `withheld-${role!.toLowerCase()}`, roles: [role!] });
      const reply = await h.query(
        token,
        `query($id: ID!) { child(id: $id) { id access { withheld } ${field} ${selection} } }`,
        { id: childId },
      );
      expect(reply.body.errors, `${role} ${field}`).toBeUndefined();
      const child: Json = reply.body.data.child;
      expect(child[field], `${role} ${field}`).toBeNull();
      expect(child.access.withheld, `${role} ${field}`).toContain(group);
      checked.push(field);
    }
    expect(checked).toContain('aliases');
  });
});

describe('duplicate fields', () => {
  it('copies spread across inline fragments or named fragments hit the limit like copies written side by side', async () => {
    const token = await frontDoor();
    const documents = [
      `query { ${'... { __typename } '.repeat(4)} }`,
      `query { ...A ...B } fragment A on Query { __typename __typename } fragment B on Query { __typename ... { __typename } }`,
      `query($id: ID!) { child(id: $id) { ... { id } ... { id } ... { id } ... { id } } }`,
    ];
    for (const query of documents) {
      const reply = await h.query(token, query, { id: childId });
      expect(codeOf(reply), query).toBe('QUERY_TOO_COMPLEX');
      expect(reply.body.data ?? null, query).toBeNull();
    }
    const within = await h.query(
      token,
      `query { __typename ... { __typename } ...A } fragment A on Query { __typename }`,
    );
    expect(within.body.errors).toBeUndefined();
  });
});

/** A POST to /graphql from a chosen local address (the whole 127.0.0.0/8 is loopback on Linux). */
function postFrom(
  url: string,
  localAddress: string,
  token: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Json }> {
  const body = JSON.stringify({ query: '{ __typename }' });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('failed authentication, per client address', () => {
  let limited: AccessHarness;
  beforeAll(async () => {
    limited = await startAccessHarness({
      AUTH_FAILURE_LIMIT: '3',
      AUTH_FAILURE_WINDOW_SECONDS: '600',
      AUTH_MAX_TOKEN_LIFETIME_SECONDS: '3600',
    });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('after the configured number of failures an address gets 429 RATE_LIMITED with Retry-After; other addresses are unaffected', async () => {
    const good = await limited.token({ userId: 'limits-good', roles: ['FRONT_DOOR'] });
    const forged = good.slice(0, -4) + (good.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (let i = 0; i < 3; i++) {
      const reply = await postFrom(limited.url, '127.0.0.2', forged);
      expect(reply.status).toBe(401);
      expect(reply.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    for (const token of [forged, good]) {
      const reply = await postFrom(limited.url, '127.0.0.2', token);
      expect(reply.status).toBe(429);
      expect(reply.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
      expect(reply.headers['cache-control']).toBe('no-store');
    }
    const elsewhere = await postFrom(limited.url, '127.0.0.3', good);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.data).toEqual({ __typename: 'Query' });
    const stillCounting = await postFrom(limited.url, '127.0.0.3', forged);
    expect(stillCounting.status).toBe(401);
  });

  it('the maximum token lifetime is configurable', async () => {
    const now = Math.floor(Date.now() / 1000);
    const oneHour = await tokenWithTimes(limited, { iat: now, exp: now + 3600 });
    expect((await postFrom(limited.url, '127.0.0.4', oneHour)).status).toBe(200);
    const twoHours = await tokenWithTimes(limited, { iat: now, exp: now + 2 * 3600 });
    expect((await postFrom(limited.url, '127.0.0.4', twoHours)).status).toBe(401);
  });
});
