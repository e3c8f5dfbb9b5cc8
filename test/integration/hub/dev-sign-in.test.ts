/**
 * GraphiQL's development sign-in over real HTTP: a persona per role over the simulated county, a
 * short-lived token for the one picked that opens the example child as that role, and none of it
 * in production.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { ROLES } from '../../../src/domain/access/types.ts';
import { DEV_TOKEN_TTL_SECONDS } from '../../../src/server/http/devSignIn.ts';
import { startAccessHarness, type AccessHarness, type Json } from '../access/harness.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
const base = () => h.url.replace(/\/graphql$/, '');

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const signIn = async (role: string) => {
  const response = await fetch(`${base()}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  return { status: response.status, body: (await response.json()) as Json };
};

describe('development sign-in (local auth mode)', () => {
  it('lists a persona per role, the social worker allocated to the example child and the manager its team', async () => {
    const response = await fetch(`${base()}/dev/personas`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { personas, exampleChildId } = (await response.json()) as Json;
    expect(personas.map((p: { role: string }) => p.role)).toEqual([...ROLES]);
    expect(exampleChildId).toMatch(/^lcs:\d+$/);
    const worker = personas.find((p: { role: string }) => p.role === 'SOCIAL_WORKER');
    const manager = personas.find((p: { role: string }) => p.role === 'TEAM_MANAGER');
    expect(worker.workerId).toBeTruthy();
    expect(manager.teamId).toBe(worker.teamId);
    // The example child really is on that worker's caseload.
    const token = (await signIn('SOCIAL_WORKER')).body.token as string;
    const { body } = await h.query(
      token,
      `{ worker(id: "${worker.workerId}") { caseload(first: 50) { nodes { childId } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const hubId = h.hub.directory.resolve(exampleChildId)!.hubId;
    expect(body.data.worker.caseload.nodes.map((n: { childId: string }) => n.childId)).toContain(hubId);
  });

  it('mints a token of an hour for the role picked, which opens the same child with that role’s view', async () => {
    const { exampleChildId } = (await (await fetch(`${base()}/dev/personas`)).json()) as Json;
    const query = `query($id: ID!) { child(id: $id) { id access { relationship withheld } } }`;
    const views: Record<string, { relationship: string; withheld: string[] }> = {};
    for (const role of ['SOCIAL_WORKER', 'FRONT_DOOR', 'FINANCE']) {
      const { status, body } = await signIn(role);
      expect(status).toBe(200);
      const claims = decodeJwt(body.token);
      expect(claims.roles).toEqual([role]);
      expect(claims.exp! - claims.iat!).toBe(DEV_TOKEN_TTL_SECONDS);
      const answer = await h.query(body.token, query, { id: exampleChildId });
      expect(answer.body.errors).toBeUndefined();
      views[role] = answer.body.data.child.access;
    }
    expect(views.SOCIAL_WORKER!.relationship).toBe('ALLOCATED');
    expect(views.FRONT_DOOR!.withheld).not.toEqual(views.SOCIAL_WORKER!.withheld);
    expect(views.FINANCE!.withheld).not.toEqual(views.FRONT_DOOR!.withheld);
  });

  it('refuses a role that does not exist with BAD_USER_INPUT', async () => {
    const { status, body } = await signIn('SUPERUSER');
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('development sign-in in production', () => {
  let p: AccessHarness;
  beforeAll(async () => {
    p = await startAccessHarness({ GRAPHIQL: 'true' }, { production: true });
  });
  afterAll(async () => {
    await p?.close();
  });

  it('does not exist: no personas, no token, and the page offers no sign-in', async () => {
    const root = p.url.replace(/\/graphql$/, '');
    expect((await fetch(`${root}/dev/personas`)).status).toBe(404);
    const minted = await fetch(`${root}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'ADMIN' }),
    });
    expect(minted.status).toBe(404);
    const page = await (await fetch(p.url, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('"devSignIn":false');
  });
});
