/**
 * The hub's one router (src/server/http/router.ts) and body reader (src/server/http/body.ts), over real HTTP:
 * which handler a method and a path reach, what a path with no route or a method a route does not
 * take is answered (from the error catalogue), HEAD, and bodies that are too large or not JSON.
 */
import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessage } from '../../../src/platform/errors.ts';
import { readJsonBody } from '../../../src/server/http/body.ts';
import { sendJson } from '../../../src/server/http/respond.ts';
import { createRouter, orElse, sendNotFound, type Route } from '../../../src/server/http/router.ts';

const LIMIT = 64;
const errors: unknown[] = [];
let server: Server;
let base: string;

const routes: Route[] = [
  { methods: ['GET'], path: '/healthz', handler: (_req, res) => sendJson(res, 200, { route: 'healthz' }) },
  {
    methods: ['POST'],
    path: '/healthz',
    handler: (_req, res) => sendJson(res, 200, { route: 'healthz', posted: true }),
  },
  {
    methods: ['GET'],
    path: '/people/:id/notes/:note',
    handler: (_req, res, params) => sendJson(res, 200, { params }),
  },
  {
    methods: ['GET'],
    path: '/assets/*',
    handler: (_req, res, params) => sendJson(res, 200, { rest: params['*'] }),
  },
  { methods: '*', path: '/anything', handler: (req, res) => sendJson(res, 200, { method: req.method }) },
  {
    methods: ['POST'],
    path: '/echo',
    handler: async (req, res) => sendJson(res, 200, { body: (await readJsonBody(req, LIMIT)) ?? null }),
  },
  {
    methods: ['GET'],
    path: '/throws',
    handler: () => {
      throw new Error('a bug in a handler');
    },
  },
  {
    methods: ['GET'],
    path: '/fails-late',
    handler: async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('half an answer');
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error('failed after the answer began');
    },
  },
  {
    methods: ['GET'],
    path: '/page',
    // Answers only `?mine`, passes the rest on, like GraphiQL's page handler.
    handler: orElse(
      (req, res, next) => (req.url?.endsWith('?mine') ? sendJson(res, 200, { page: true }) : next()),
      sendNotFound,
    ),
  },
];

beforeAll(async () => {
  server = createServer(createRouter(routes, { onError: (error) => errors.push(error) }));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server?.close();
});

interface CatalogueBody {
  errors: { message: string; extensions: { code: string } }[];
}

describe('matching', () => {
  it('reaches the route of the method and path, whatever the query string or one trailing slash', async () => {
    for (const path of ['/healthz', '/healthz?verbose=1', '/healthz/']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.json(), path).toEqual({ route: 'healthz' });
    }
    const posted = await fetch(`${base}/healthz`, { method: 'POST' });
    expect(await posted.json()).toEqual({ route: 'healthz', posted: true });
  });

  it('paths are case-sensitive', async () => {
    expect((await fetch(`${base}/HEALTHZ`)).status).toBe(404);
  });

  it('named segments arrive decoded as params; a malformed escape is a 400, not a crash', async () => {
    const response = await fetch(`${base}/people/a%20b/notes/7`);
    expect(await response.json()).toEqual({ params: { id: 'a b', note: '7' } });
    expect((await fetch(`${base}/people/a/notes`)).status).toBe(404);
    const malformed = await fetch(`${base}/people/%E0%A4%A/notes/7`);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as CatalogueBody).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a trailing * takes the rest of the path, slashes included', async () => {
    expect(await (await fetch(`${base}/assets/app-1234.js`)).json()).toEqual({ rest: 'app-1234.js' });
    expect(await (await fetch(`${base}/assets/a/b.css`)).json()).toEqual({ rest: 'a/b.css' });
  });

  it('a route for every method answers each of them itself', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(`${base}/anything`, { method });
      expect(await response.json(), method).toEqual({ method });
    }
  });

  it('refuses two routes for the same method and path when built', () => {
    const handler: Route['handler'] = () => undefined;
    expect(() =>
      createRouter(
        [
          { methods: ['GET'], path: '/twice', handler },
          { methods: ['GET'], path: '/twice/', handler },
        ],
        { onError: () => undefined },
      ),
    ).toThrow('Two routes for GET /twice/');
  });
});

describe('paths and methods without a route', () => {
  it('a path with no route is 404 NOT_FOUND from the catalogue, as JSON the browser may not sniff', async () => {
    const response = await fetch(`${base}/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const body = (await response.json()) as CatalogueBody;
    expect(body.errors[0]).toEqual({
      message: 'Nothing is served at this path.',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('a method the path does not take is 405 with Allow, BAD_USER_INPUT from the catalogue', async () => {
    const response = await fetch(`${base}/healthz`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, HEAD');
    const body = (await response.json()) as CatalogueBody;
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]!.message).toContain('DELETE');
  });

  it('OPTIONS on a path says which methods it takes, with no body', async () => {
    const response = await fetch(`${base}/people/1/notes/2`, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('a page handler that passes a request on leaves it to the fallback', async () => {
    expect(await (await fetch(`${base}/page?mine`)).json()).toEqual({ page: true });
    expect((await fetch(`${base}/page?theirs`)).status).toBe(404);
  });
});

describe('HEAD', () => {
  it('a GET route answers HEAD with the same status and headers and no body', async () => {
    const get = await fetch(`${base}/healthz`);
    const getBody = await get.text();
    const head = await fetch(`${base}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(getBody)));
    expect(await head.text()).toBe('');
  });
});

describe('bodies', () => {
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${base}/echo`, { method: 'POST', headers, body });

  it('a JSON object or array within the limit reaches the handler parsed', async () => {
    expect(await (await post('{"a":1}')).json()).toEqual({ body: { a: 1 } });
    expect(await (await post('[1,2]', { 'content-type': 'application/json; charset=utf-8' })).json()).toEqual(
      {
        body: [1, 2],
      },
    );
  });

  it('a body not declared JSON, or empty, reaches the handler as nothing', async () => {
    expect(await (await post('{"a":1}', { 'content-type': 'text/plain' })).json()).toEqual({ body: null });
    expect(await (await post('')).json()).toEqual({ body: null });
  });

  it('JSON that does not parse, or is not an object or array, is 400 with the catalogue message', async () => {
    for (const body of ['{ not json', '"a string"', '12']) {
      const response = await post(body);
      expect(response.status, body).toBe(400);
      const answer = (await response.json()) as CatalogueBody;
      expect(answer.errors[0], body).toEqual({
        message: errorMessage('BAD_USER_INPUT'),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('a compressed body is 415: these routes take small bodies and do not decompress', async () => {
    const response = await post('{"a":1}', {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(response.status).toBe(415);
  });

  it('a body declared over the limit is 413 before it is read, and the connection is closed after', async () => {
    const response = await post(`{"a":"${'x'.repeat(LIMIT)}"}`);
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    const body = (await response.json()) as CatalogueBody;
    expect(body.errors[0]).toEqual({
      message: 'The request body is too large.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('a chunked body that grows past the limit still gets its 413', async () => {
    const url = new URL(`${base}/echo`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      // No Content-Length: the size is known only as the chunks arrive.
      req.write(`{"a":"${'x'.repeat(LIMIT)}`);
      req.write(`${'y'.repeat(LIMIT)}"}`);
      req.end();
    });
    expect(status).toBe(413);
  });
});

describe('handlers that fail', () => {
  it('an error thrown by a handler is INTERNAL 500 with the generic message, and is reported', async () => {
    const before = errors.length;
    const response = await fetch(`${base}/throws`);
    expect(response.status).toBe(500);
    expect(((await response.json()) as CatalogueBody).errors[0]).toEqual({
      message: errorMessage('INTERNAL'),
      extensions: { code: 'INTERNAL' },
    });
    expect(errors.length).toBe(before + 1);
    expect((errors.at(-1) as Error).message).toBe('a bug in a handler');
  });

  it('a handler failing after its answer began has the connection cut, not a second answer written', async () => {
    const before = errors.length;
    await expect(fetch(`${base}/fails-late`).then((response) => response.text())).rejects.toThrow();
    expect(errors.length).toBe(before + 1);
  });
});
