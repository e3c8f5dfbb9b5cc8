import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const CHILD = `query($id: ID!) { child(id: $id) {
  id name { forename surname } dateOfBirth
  identifiers { lcsPersonIds eyesPupilIds liftClientRefs frontDoorContactIds }
  sources { system status }
  socialCare { caseStatus referrals(first: 5) { totalCount nodes { id date } } }
  education { enrolments { totalCount } }
  frontDoor { contacts { totalCount } }
  finance { costToDate agreements { totalCount } }
  chronology(first: 20) { totalCount nodes { date system kind summary } }
} }`;

describe('the hub over the four simulated systems', () => {
  it('answers /healthz without a token', async () => {
    const response = await fetch(h.url.replace('/graphql', '/healthz'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses a query without a token: 401 UNAUTHENTICATED', async () => {
    const { status, body } = await h.query(null, '{ me { userId } }');
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged token: 401 UNAUTHENTICATED', async () => {
    const token = await h.token({ userId: 'u1', roles: ['FRONT_DOOR'] });
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const { status } = await h.query(forged, '{ me { userId } }');
    expect(status).toBe(401);
  });

  it('opens one child by a system-qualified id and joins what each system holds', async () => {
    const token = await h.token({ userId: 'fd1', roles: ['FRONT_DOOR'] });
    const truth = [...h.sims.county.groundTruth()].find(
      (c) => c.lcs.length > 0 && c.eyes.length > 0 && c.frontdoor.length > 0,
    );
    expect(truth).toBeDefined();
    const { body } = await h.query(token, CHILD, { id: `lcs:${truth!.lcs[0]}` });
    expect(body.errors).toBeUndefined();
    const child = body.data.child;
    expect(child.identifiers.lcsPersonIds).toContain(truth!.lcs[0]);
    expect(child.identifiers.eyesPupilIds).toEqual(expect.arrayContaining(truth!.eyes));
    expect(child.sources.map((s: { system: string }) => s.system)).toEqual([
      'LCS',
      'EYES',
      'LIFT',
      'FRONTDOOR',
    ]);
    expect(child.chronology.totalCount).toBeGreaterThan(0);
    // The same child through its hub id.
    const again = await h.query(token, '{ child(id: "' + child.id + '") { id } }');
    expect(again.body.data.child.id).toBe(child.id);
  });

  it('gives NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const token = await h.token({ userId: 'fd1', roles: ['FRONT_DOOR'] });
    const missing = await h.query(token, '{ child(id: "lcs:99999999999") { id } }');
    expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const malformed = await h.query(token, '{ child(id: "<script>") { id } }');
    expect(malformed.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('caps page sizes', async () => {
    const token = await h.token({ userId: 'fd1', roles: ['FRONT_DOOR'] });
    const truth = [...h.sims.county.groundTruth()].find((c) => c.lcs.length > 0)!;
    const { body } = await h.query(
      token,
      `{ child(id: "lcs:${truth.lcs[0]}") { chronology(first: 1000) { totalCount } } }`,
    );
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

let askingToken: Promise<string> | undefined;
async function ask(accept: string | undefined) {
  askingToken ??= h.token({ userId: 'fd1', roles: ['FRONT_DOOR'] });
  const response = await fetch(h.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await askingToken}`,
      ...(accept === undefined ? {} : { accept }),
    },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('the answer’s media type follows the Accept header, request after request', () => {
  it.each([
    [undefined, 200, 'application/json; charset=utf-8'],
    ['application/json', 200, 'application/json; charset=utf-8'],
    ['application/graphql-response+json', 200, 'application/graphql-response+json; charset=utf-8'],
    ['application/graphql-response+json;q=0.5, application/json', 200, 'application/json; charset=utf-8'],
    ['text/plain', 406, null],
  ])('Accept %s: %i %s', async (accept, status, type) => {
    // Asked three times: the first works the choice out, the others are answered from memory.
    for (let i = 0; i < 3; i++) {
      const answer = await ask(accept);
      expect(answer.status).toBe(status);
      if (type) {
        expect(answer.type).toBe(type);
        expect(JSON.parse(answer.text)).toEqual({ data: { __typename: 'Query' } });
      }
    }
  });
});

describe('start-up with a bad configuration value', () => {
  it('stops with a message naming the variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PORT must be a whole number');
  });
});
