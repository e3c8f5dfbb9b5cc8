/**
 * Each check of the graphql-cop scanner, sent as the scanner sends it, to a hub over HTTP with a
 * valid token (the worst case: an insider or a stolen token), and the IDE and introspection checks
 * to a hub started with NODE_ENV=production. Then: the hub's log after all of it, and after an
 * upstream outage, carries no child's data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restrictionOf, startAccessHarness, type AccessHarness, type Reply } from './harness.ts';

let dev: AccessHarness;
let prod: AccessHarness;
let devToken: string;
let prodToken: string;

beforeAll(async () => {
  [dev, prod] = await Promise.all([startAccessHarness(), startAccessHarness({}, { production: true })]);
  devToken = await dev.token({ userId: 'cop', roles: ['FRONT_DOOR'] });
  prodToken = await prod.token({ userId: 'cop', roles: ['FRONT_DOOR'] });
});
afterAll(async () => {
  await Promise.all([dev?.close(), prod?.close()]);
});

const json = (token: string, body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify(body),
});

/** Nothing was executed: no `data`, or `data` with nothing in it. */
function executedNothing(reply: Reply): boolean {
  const data = reply.body?.data;
  return data === undefined || data === null;
}

function codeOf(reply: Reply): string | undefined {
  return reply.body?.errors?.[0]?.extensions?.code;
}

/** Every line an error reply carries is free of internals. */
function expectNoInternals(reply: Reply): void {
  expect(reply.text).not.toMatch(/stacktrace|exception|at [\w.]+ \(|node_modules|\/work\/|\.ts:\d+/i);
}

describe('graphql-cop checks, each rejected', () => {
  it('alias overloading: 101 aliases are QUERY_TOO_COMPLEX and nothing runs', async () => {
    const aliases = Array.from({ length: 101 }, (_, i) => `alias${i}:__typename`).join('\n');
    const reply = await dev.raw(json(devToken, { query: `query cop { ${aliases} }` }));
    expect(codeOf(reply)).toBe('QUERY_TOO_COMPLEX');
    expect(executedNothing(reply)).toBe(true);
  });

  it('batch queries: a JSON array of operations is refused with 400 and none runs', async () => {
    const reply = await dev.raw(
      json(
        devToken,
        Array.from({ length: 10 }, () => ({ query: 'query cop { __typename }' })),
      ),
    );
    expect(reply.status).toBe(400);
    expect(Array.isArray(reply.body)).toBe(false);
    expect(reply.text).not.toContain('"__typename"');
  });

  it('GET-based query (CSRF): refused, with or without a token', async () => {
    const path = `?query=${encodeURIComponent('query cop { __typename }')}`;
    const anonymous = await dev.raw({ method: 'GET', path });
    expect(anonymous.status).toBe(401);
    const withToken = await dev.raw({
      method: 'GET',
      path,
      headers: { authorization: `Bearer ${devToken}` },
    });
    expect(withToken.status).toBe(400);
    expect(executedNothing(withToken)).toBe(true);
  });

  it('POST url-encoded (CSRF): refused and nothing runs', async () => {
    const reply = await dev.raw({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${devToken}` },
      body: `query=${encodeURIComponent('query cop { __typename }')}`,
    });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(executedNothing(reply)).toBe(true);
  });

  it('mutation over GET: refused, even with a CSRF-proof header', async () => {
    const path = `?query=${encodeURIComponent('mutation cop { __typename }')}`;
    const reply = await dev.raw({
      method: 'GET',
      path,
      headers: { authorization: `Bearer ${devToken}`, 'apollo-require-preflight': 'true' },
    });
    expect([400, 405]).toContain(reply.status);
    expect(executedNothing(reply)).toBe(true);
  });

  it('trace mode: asking for tracing gets no tracing, timings or resolver internals', async () => {
    const reply = await dev.raw(
      json(devToken, { query: 'query cop { __typename }', extensions: { tracing: true } }),
    );
    expect(reply.body.data).toEqual({ __typename: 'Query' });
    expect(reply.body.extensions).toBeUndefined();
    expect(reply.text).not.toMatch(/tracing|duration|startTime/i);
  });

  it('unhandled errors: malformed documents, bodies and variables get coded errors without internals', async () => {
    const replies = await Promise.all([
      dev.raw(json(devToken, { query: 'qwerty cop { abc }' })),
      dev.raw(json(devToken, { query: 'query cop { __typename @aa }' })),
      dev.raw(
        json(devToken, {
          query: 'query cop($id: ID!) { child(id: $id) { id } }',
          variables: { id: { $ne: 1 } },
        }),
      ),
      dev.raw(json(devToken, { query: 42 })),
      dev.raw({
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${devToken}` },
        body: '{"query": "{',
      }),
    ]);
    for (const reply of replies) {
      expect(reply.status, reply.text).toBeGreaterThanOrEqual(400);
      expect(reply.status, reply.text).toBeLessThan(500);
      expect(codeOf(reply), reply.text).toMatch(
        /^(GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT|BAD_REQUEST)$/,
      );
      expectNoInternals(reply);
    }
  });

  it('field duplication: 500 copies of one field are QUERY_TOO_COMPLEX', async () => {
    const reply = await dev.raw(json(devToken, { query: `query cop { ${'__typename \n'.repeat(500)} }` }));
    expect(codeOf(reply)).toBe('QUERY_TOO_COMPLEX');
    expect(executedNothing(reply)).toBe(true);
  });

  it('field suggestions: a misspelt field gets no "Did you mean"', async () => {
    const replies = await Promise.all([
      dev.raw(json(devToken, { query: 'query cop { __schema { directive } }' })),
      dev.raw(json(devToken, { query: 'query cop { chld(id: "lcs:1") { id } }' })),
      dev.raw(json(devToken, { query: 'query cop { child(id: "lcs:1") { nam } }' })),
    ]);
    for (const reply of replies) {
      expect(codeOf(reply)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(reply.text).not.toMatch(/did you mean/i);
    }
  });

  it('IDE exposure in production: no GraphiQL page and no GraphiQL assets', async () => {
    const browser = { accept: 'text/html,application/xhtml+xml' };
    const anonymous = await prod.raw({ method: 'GET', headers: browser });
    expect(anonymous.status).toBe(401);
    const withToken = await prod.raw({
      method: 'GET',
      headers: { ...browser, authorization: `Bearer ${prodToken}` },
    });
    expect(withToken.headers.get('content-type') ?? '').not.toContain('text/html');
    for (const reply of [anonymous, withToken])
      expect(reply.text).not.toMatch(/graphiql|playground|sandbox|altair/i);
    const assets = await fetch(prod.url.replace('/graphql', '/graphiql/assets/graphiql.js'));
    expect(assets.status).toBe(404);
    // The development hub does serve it, so the check above is not vacuous.
    const page = await dev.raw({ method: 'GET', headers: browser });
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/graphiql/i);
  });

  it('introspection in production: refused; the development hub still answers it', async () => {
    const query = { query: 'query cop { __schema { types { name fields { name } } } }' };
    const reply = await prod.raw(json(prodToken, query));
    expect(codeOf(reply)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(executedNothing(reply)).toBe(true);
    const typeQuery = await prod.raw(
      json(prodToken, { query: 'query cop { __type(name: "Child") { fields { name } } }' }),
    );
    expect(executedNothing(typeQuery)).toBe(true);
    const devReply = await dev.raw(json(devToken, query));
    expect(devReply.body.data.__schema.types.length).toBeGreaterThan(20);
  });

  it('directive overloading: many directives on one field are refused before anything runs', async () => {
    // Validation stops after a few errors, so an overloaded document neither costs a full
    // validation pass nor gets every abuse echoed back (the scanner flags one error per directive).
    const known = await dev.raw(
      json(devToken, { query: `query cop { __typename ${'@include(if: true) '.repeat(50)} }` }),
    );
    expect(known.status).toBe(400);
    expect(executedNothing(known)).toBe(true);
    expect(known.body.errors.length).toBeLessThanOrEqual(6);
    // The scanner's own probe: ten unknown directives.
    const unknown = await dev.raw(json(devToken, { query: `query cop { __typename ${'@aa'.repeat(10)} }` }));
    expect(unknown.status).toBe(400);
    expect(executedNothing(unknown)).toBe(true);
    expect(unknown.body.errors.length).toBeLessThan(10);
    expectNoInternals(unknown);
  });

  it('circular introspection: a deep type/fields cycle is QUERY_TOO_COMPLEX', async () => {
    const query = `query cop { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }`;
    const reply = await dev.raw(json(devToken, { query }));
    expect(codeOf(reply)).toBe('QUERY_TOO_COMPLEX');
    expect(executedNothing(reply)).toBe(true);
  });

  it('circular fragments: refused by validation, and the hub keeps answering', async () => {
    const query = 'query cop { ...A } fragment A on Query { ...B } fragment B on Query { ...A __typename }';
    const reply = await dev.raw(json(devToken, { query }));
    expect(codeOf(reply)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(executedNothing(reply)).toBe(true);
    const after = await dev.raw(json(devToken, { query: '{ __typename }' }));
    expect(after.body.data).toEqual({ __typename: 'Query' });
  });
});

describe("logs carry no children's data", () => {
  it('after bad inputs, refusals and an LCS outage, no name, date of birth or record id of a child is in the log', async () => {
    const people = [...dev.sims.county.lcs.people.ids()].map(
      (id) =>
        dev.sims.county.lcs.people.get(id) as unknown as {
          personId: string;
          forename: string;
          surname: string;
          dateOfBirth: string | null;
          nhsNumber: string | null;
        },
    );
    const ordinary = people.find((p) => restrictionOf(dev.sims, p.personId) === null && p.dateOfBirth)!;
    const token = await dev.token({ userId: 'log-probe', roles: ['FRONT_DOOR'] });
    const lcsUrl = dev.sims.urls.lcs!;
    const outage = await fetch(`${lcsUrl}/__sim/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 1, status: 503 }),
    });
    expect(outage.status).toBeLessThan(300);
    try {
      // Distinct children so the cache cannot answer: every one of these goes to the failing LCS.
      for (const p of people.slice(0, 15)) {
        await dev.query(
          token,
          `{ child(id: "lcs:${p.personId}") { id name { forename } socialCare { caseStatus } } }`,
        );
      }
      await dev.query(token, 'query($n: String) { searchChildren(name: $n) { nodes { childId } } }', {
        n: `${ordinary.forename} ${ordinary.surname}`,
      });
      await dev.query(token, 'query($d: Date) { searchChildren(dateOfBirth: $d) { nodes { childId } } }', {
        d: '2013-02-30',
      });
      await dev.query(token, `query($id: ID!) { child(id: $id) { id } }`, {
        id: `${ordinary.surname}<script>`,
      });
      // A change notification naming a child, which cannot be applied while LCS is down.
      const event = await fetch(dev.url.replace('/graphql', '/events'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${dev.hub.eventsToken}` },
        body: JSON.stringify({ system: 'lcs', resource: 'people', id: ordinary.personId }),
      });
      expect(event.status).toBe(503);
    } finally {
      await fetch(`${lcsUrl}/__sim/faults`, { method: 'DELETE' });
    }
    const log = dev.logs.join('');
    const levels = log
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { level: string }).level);
    // The outage and the failed notification were logged, so the scan below has something to read.
    expect(levels.filter((level) => level === 'warn').length).toBeGreaterThanOrEqual(2);
    for (const p of people) {
      for (const value of [p.personId, p.forename, p.surname, p.dateOfBirth, p.nhsNumber]) {
        if (value && value.length >= 4 && value !== 'Unborn')
          expect(log, `a child's ${value === p.personId ? 'id' : 'detail'}`).not.toContain(value);
      }
    }
    // Every line is structured JSON.
    for (const line of log.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });
});
