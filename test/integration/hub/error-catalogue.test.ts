/**
 * Every route answers a failure with the status and code the error catalogue (src/platform/errors.ts) gives,
 * over real HTTP against a hub and its simulators: /graphql (before and inside Apollo), /events,
 * /metrics, development sign-in and the router's answer to an unreadable body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessage, errorStatus, type HubErrorCode } from '../../../src/platform/errors.ts';
import { startHarness, type Harness } from './harness.ts';

const EVENTS_TOKEN = 'events-token-for-the-catalogue-test';
const METRICS_TOKEN = 'metrics-token-for-the-catalogue-test';

let h: Harness;
const base = () => h.url.replace(/\/graphql$/, '');
let user = 0;
/** A fresh user per call, so the one-request burst below limits only the test that wants it. */
const token = () => h.token({ userId: `catalogue-${++user}`, roles: ['SOCIAL_WORKER'] });

beforeAll(async () => {
  h = await startHarness({
    EVENTS_TOKEN,
    METRICS_TOKEN,
    RATE_LIMIT_BURST: '1',
    RATE_LIMIT_PER_MINUTE: '1',
  });
});
afterAll(async () => {
  await h?.close();
});

async function expectCatalogued(response: Response, code: HubErrorCode, message?: string) {
  expect(response.status, code).toBe(errorStatus(code));
  const body = (await response.json()) as {
    errors?: { message: string; extensions: { code: string } }[];
    error?: { code: string; message: string };
  };
  const error = body.errors?.[0] ?? { message: body.error?.message, extensions: { code: body.error?.code } };
  expect(error.extensions.code).toBe(code);
  if (message !== undefined) expect(error.message).toBe(message);
}

describe('routes answer with the error catalogue', () => {
  it('/graphql without a token: UNAUTHENTICATED with its status and message', async () => {
    const response = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    await expectCatalogued(response, 'UNAUTHENTICATED', errorMessage('UNAUTHENTICATED'));
  });

  it('/graphql past the rate limit: RATE_LIMITED with its status and message', async () => {
    const bearer = `Bearer ${await token()}`;
    const send = () =>
      fetch(h.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: bearer },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    expect((await send()).status).toBe(200);
    await expectCatalogued(await send(), 'RATE_LIMITED', errorMessage('RATE_LIMITED'));
  });

  it('/graphql with a body that is not JSON: BAD_USER_INPUT with its status', async () => {
    const response = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` },
      body: '{ not json',
    });
    await expectCatalogued(response, 'BAD_USER_INPUT');
  });

  it('/graphql with a query over a limit: QUERY_TOO_COMPLEX with its status', async () => {
    const deep = `{ ${'a { '.repeat(40)}b${' }'.repeat(40)} }`;
    const response = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` },
      body: JSON.stringify({ query: deep }),
    });
    await expectCatalogued(response, 'QUERY_TOO_COMPLEX');
  });

  it('/events without its token, and with a bad notification: UNAUTHENTICATED and BAD_USER_INPUT', async () => {
    const post = (body: string, authorization?: string) =>
      fetch(`${base()}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body,
      });
    await expectCatalogued(await post('[]'), 'UNAUTHENTICATED');
    await expectCatalogued(await post('{"system":"nope"}', `Bearer ${EVENTS_TOKEN}`), 'BAD_USER_INPUT');
  });

  it('an unreadable /events body is refused by the router: BAD_USER_INPUT with its message', async () => {
    const response = await fetch(`${base()}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${EVENTS_TOKEN}` },
      body: '{ not json',
    });
    await expectCatalogued(response, 'BAD_USER_INPUT', errorMessage('BAD_USER_INPUT'));
  });

  it('/metrics with a wrong token: UNAUTHENTICATED with its status', async () => {
    const response = await fetch(`${base()}/metrics`, { headers: { authorization: 'Bearer wrong' } });
    await expectCatalogued(response, 'UNAUTHENTICATED');
  });

  it('/dev/token with a role that does not exist, and with a body that is not JSON: BAD_USER_INPUT with its status', async () => {
    const post = (body: string) =>
      fetch(`${base()}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await expectCatalogued(await post('{"role":"SUPERUSER"}'), 'BAD_USER_INPUT');
    await expectCatalogued(await post('{ not json'), 'BAD_USER_INPUT', errorMessage('BAD_USER_INPUT'));
  });
});
