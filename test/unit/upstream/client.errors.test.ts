import { delay, http, HttpResponse } from 'msw';
import { setupUpstreamServer } from '../../support/upstreamServer.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUpstreamClient } from '../../../src/platform/upstream/client.ts';
import { UpstreamError } from '../../../src/platform/upstream/types.ts';
import { BASE_URL, failureOf, recordingMetrics, testSettings } from './support.ts';

const server = setupUpstreamServer();
let seen: Request[] = [];

beforeAll(() => server.listen());
afterEach(() => {
  server.resetHandlers();
  seen = [];
});
afterAll(() => server.close());

function upstream(respond: () => Response | Promise<Response>): void {
  server.use(
    http.get(`${BASE_URL}/*`, ({ request }) => {
      seen.push(request);
      return respond();
    }),
  );
}

/** Identifiers and personal data that must never surface in an error message. */
const PERSON_ID = '40012345';
const UPN = 'A123456789012';
const SECRET_BODY = JSON.stringify({
  error: `no person ${PERSON_ID}`,
  name: 'Jane Doe',
  nhsNumber: '9434765919',
});

describe('upstream error mapping and request shape', () => {
  it('maps a 2xx with a malformed JSON body to UPSTREAM_UNAVAILABLE instead of returning text', async () => {
    upstream(
      () =>
        new HttpResponse('{"id": "p", "name": "Jan', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const client = createUpstreamClient('lcs', testSettings({ breakerFailureThreshold: 1 }));
    const error = await failureOf(client.get({ path: '/persons/1' }));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).not.toContain('Jan');
    expect(seen).toHaveLength(1);
    // A malformed body is a fault of the upstream: it counts towards the breaker.
    expect(client.breakerState()).toBe('open');
    client.close();
  });

  it.each([
    ['404', () => new HttpResponse(SECRET_BODY, { status: 404 })],
    ['400', () => new HttpResponse(SECRET_BODY, { status: 400 })],
    ['500', () => new HttpResponse(SECRET_BODY, { status: 500 })],
    ['429', () => new HttpResponse(SECRET_BODY, { status: 429 })],
    ['malformed body', () => new HttpResponse(`{${SECRET_BODY}`, { status: 200 })],
    ['network error', () => HttpResponse.error()],
    [
      'timeout',
      async () => {
        await delay(1000);
        return HttpResponse.json({});
      },
    ],
  ])('keeps ids and upstream body text out of the message (%s)', async (_case, respond) => {
    upstream(respond);
    const client = createUpstreamClient('lcs', testSettings({ timeoutMs: 50, maxRetries: 0 }));
    const error = await failureOf(
      client.get({ path: `/persons/${PERSON_ID}/pupils/${UPN}`, query: { upn: UPN }, requestId: 'req-1' }),
    );
    expect(error.message).toContain('/persons/:id/pupils/:id');
    for (const secret of [PERSON_ID, UPN, 'Jane', '9434765919', 'no person'])
      expect(error.message).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain(PERSON_ID);
    client.close();
  });

  it('sends accept: application/json and the request id, and encodes the query', async () => {
    upstream(() => HttpResponse.json([]));
    const client = createUpstreamClient('frontdoor', testSettings());
    await client.get({
      path: '/contacts',
      query: { from: '2025-01-01', 'received by': 'C-SPA & L-SPA', open: true, limit: 20, after: undefined },
      requestId: 'req-7f3a',
    });
    const [request] = seen;
    expect(request?.headers.get('accept')).toBe('application/json');
    expect(request?.headers.get('x-request-id')).toBe('req-7f3a');
    const url = new URL(request!.url);
    expect(url.pathname).toBe('/contacts');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: '2025-01-01',
      'received by': 'C-SPA & L-SPA',
      open: 'true',
      limit: '20',
    });
    client.close();
  });

  it('reports each call to the metrics hook with the route template, never the concrete path', async () => {
    upstream(() => HttpResponse.json({ id: 'p' }));
    const metrics = recordingMetrics();
    const client = createUpstreamClient('lcs', testSettings(), { metrics });
    await client.get({ path: `/persons/${PERSON_ID}` });
    await client.get({ path: `/persons/${PERSON_ID}/visits`, route: '/persons/{personId}/visits' });
    expect(metrics.observations.map(({ system, route, outcome }) => ({ system, route, outcome }))).toEqual([
      { system: 'lcs', route: '/persons/:id', outcome: 'ok' },
      { system: 'lcs', route: '/persons/{personId}/visits', outcome: 'ok' },
    ]);
    expect(metrics.observations.every((o) => o.durationMs >= 0)).toBe(true);
    client.close();
  });

  it('tracks the last outcome for readiness: a 404 is a healthy answer, a 503 is not', async () => {
    const client = createUpstreamClient('lcs', testSettings({ maxRetries: 0 }));
    expect(client.lastStatus()).toEqual({ ok: true, at: null, code: null });
    upstream(() => new HttpResponse(null, { status: 404 }));
    await failureOf(client.get({ path: '/persons/1' }));
    expect(client.lastStatus()).toMatchObject({ ok: true, code: 'NOT_FOUND' });
    upstream(() => new HttpResponse(null, { status: 503 }));
    await failureOf(client.get({ path: '/persons/1' }));
    expect(client.lastStatus()).toMatchObject({ ok: false, code: 'UPSTREAM_UNAVAILABLE' });
    upstream(() => HttpResponse.json({}));
    await client.get({ path: '/persons/1' });
    const last = client.lastStatus();
    expect(last).toMatchObject({ ok: true, code: null });
    expect(Number.isNaN(Date.parse(last.at ?? ''))).toBe(false);
    client.close();
  });

  it('refuses calls after close()', async () => {
    upstream(() => HttpResponse.json({}));
    const client = createUpstreamClient('lcs', testSettings());
    client.close();
    const error = await failureOf(client.get({ path: '/persons/1' }));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(seen).toHaveLength(0);
  });
});
