/**
 * The hub's one HTTP router, on node:http: every route (/graphql, GraphiQL, the practitioner app,
 * health, metrics, events, development sign-in) is a method and a path pattern here.
 *
 * - Patterns are exact (`/healthz`), take named segments (`/things/:id`, decoded, one segment
 *   each) or end in `*` for the rest of the path (`/app/assets/*`, in `params['*']`). Paths are
 *   case-sensitive; one trailing slash is ignored (`/healthz/` is `/healthz`).
 * - A GET route also answers HEAD (node sends the headers without the body); a route for `'*'`
 *   answers every method itself.
 * - A path with no route: 404, NOT_FOUND. A path whose routes take other methods: 405 with
 *   `Allow`, BAD_USER_INPUT (the protocol's own status); OPTIONS there: 204 with `Allow`.
 * - A handler that throws or rejects: an `HttpError` (a bad or oversized body) answers its 4xx
 *   as BAD_USER_INPUT; anything else is logged through `onError` and answered INTERNAL 500, or the
 *   connection is cut if the answer had already begun.
 * Every answer of the router's own is JSON from the error catalogue, with `nosniff`.
 *
 * Exact paths are found in one map lookup, so /graphql pays nothing for the other routes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorStatus } from '../../platform/errors.ts';
import { BodyTooLargeError } from './body.ts';
import { HttpError, sendError } from './respond.ts';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export type RouteParams = Readonly<Record<string, string>>;

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, params: RouteParams) => unknown;

export interface Route {
  /** The methods this route answers; `'*'` for every method (the handler decides). */
  methods: readonly Method[] | '*';
  path: string;
  handler: RouteHandler;
}

export interface RouterOptions {
  /** Told of every error a handler threw that is not a client error (it is answered 500). */
  onError(error: unknown): void;
}

/** The routes of one path, by method. */
type Handlers = Map<string, RouteHandler>;

interface PatternRoute {
  /** Literal segments, or `:name` for a parameter. */
  segments: readonly string[];
  /** Ends in `*`: matches when the segments are a prefix, the remainder in `params['*']`. */
  rest: boolean;
  handlers: Handlers;
}

const ANY = '*';
const NO_PARAMS: RouteParams = Object.freeze({});
/** The router's own answers: JSON the browser must not reinterpret. */
const OWN_HEADERS = { 'x-content-type-options': 'nosniff' } as const;

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export function createRouter(routes: readonly Route[], options: RouterOptions): RequestListener {
  const exact = new Map<string, Handlers>();
  const patterns: PatternRoute[] = [];

  for (const route of routes) {
    const path = normalise(route.path);
    const isPattern = path.includes('/:') || path.endsWith('*');
    let handlers: Handlers;
    if (!isPattern) {
      handlers = exact.get(path) ?? new Map();
      exact.set(path, handlers);
    } else {
      const rest = path.endsWith('*');
      const segments = splitSegments(rest ? normalise(path.slice(0, -1)) : path);
      const key = (rest ? [...segments, '*'] : segments).join('/');
      const existing = patterns.find((p) => (p.rest ? [...p.segments, '*'] : p.segments).join('/') === key);
      handlers = existing?.handlers ?? new Map();
      if (!existing) patterns.push({ segments, rest, handlers });
    }
    for (const method of route.methods === ANY ? [ANY] : route.methods) {
      if (handlers.has(method)) throw new Error(`Two routes for ${method} ${route.path}`);
      handlers.set(method, route.handler);
    }
  }

  const fail = (res: ServerResponse, error: unknown) => {
    if (error instanceof HttpError && error.status < 500) {
      if (res.headersSent) return void res.destroy();
      sendError(res, 'BAD_USER_INPUT', {
        message: error.message,
        status: error.status,
        // The rest of an oversized body is not worth reading: the connection ends after the answer.
        headers: error instanceof BodyTooLargeError ? { ...OWN_HEADERS, connection: 'close' } : OWN_HEADERS,
      });
      return;
    }
    options.onError(error);
    if (res.headersSent) res.destroy();
    else sendError(res, 'INTERNAL', { headers: OWN_HEADERS });
  };

  const run = (handler: RouteHandler, req: IncomingMessage, res: ServerResponse, params: RouteParams) => {
    try {
      const result = handler(req, res, params);
      if (result instanceof Promise) result.catch((error: unknown) => fail(res, error));
    } catch (error) {
      fail(res, error);
    }
  };

  return (req, res) => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = normalise(query === -1 ? url : url.slice(0, query));
    let handlers = exact.get(path);
    let params = NO_PARAMS;
    if (!handlers) {
      const matched = matchPattern(patterns, path);
      if (matched === 'malformed') {
        fail(res, new HttpError(400, 'The request path is not valid.'));
        return;
      }
      if (matched) ({ handlers, params } = matched);
    }
    if (!handlers) {
      sendNotFound(req, res);
      return;
    }
    const method = req.method ?? 'GET';
    const handler =
      handlers.get(method) ?? (method === 'HEAD' ? handlers.get('GET') : undefined) ?? handlers.get(ANY);
    if (handler) {
      run(handler, req, res, params);
      return;
    }
    const allow = allowedMethods(handlers);
    if (method === 'OPTIONS') {
      res.writeHead(204, { allow, ...OWN_HEADERS });
      res.end();
      return;
    }
    sendError(res, 'BAD_USER_INPUT', {
      message: `${method} is not served at this path; it takes ${allow}.`,
      status: 405,
      headers: { allow, ...OWN_HEADERS },
    });
  };
}

/** The router's 404, also for a handler that finds nothing of its own at a path it was routed. */
export function sendNotFound(_req: IncomingMessage, res: ServerResponse): void {
  sendError(res, 'NOT_FOUND', {
    message: 'Nothing is served at this path.',
    status: errorStatus('NOT_FOUND'),
    headers: OWN_HEADERS,
  });
}

/**
 * A node:http handler in the `(req, res, next)` style (GraphiQL's page, the practitioner app): it
 * answers what is its own and calls `next()` for the rest, `next(error)` when it failed.
 */
export type PassingHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** `handler` in front of `fallback`: what the handler passes on, the fallback answers. */
export function orElse(handler: PassingHandler, fallback: RouteHandler): RouteHandler {
  return (req, res, params) =>
    new Promise<void>((resolve, reject) =>
      handler(req, res, (error) => {
        if (error !== undefined) reject(error);
        else Promise.resolve(fallback(req, res, params)).then(() => resolve(), reject);
      }),
    );
}

/** One trailing slash is not significant: `/healthz/` is `/healthz` (the root stays `/`). */
function normalise(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function splitSegments(path: string): string[] {
  return path === '/' ? [] : path.split('/').slice(1);
}

function matchPattern(
  patterns: readonly PatternRoute[],
  path: string,
): { handlers: Handlers; params: RouteParams } | 'malformed' | null {
  if (patterns.length === 0) return null;
  const segments = splitSegments(path);
  for (const pattern of patterns) {
    const count = pattern.segments.length;
    if (pattern.rest ? segments.length < count : segments.length !== count) continue;
    const params: Record<string, string> = {};
    let matches = true;
    for (let i = 0; i < count && matches; i++) {
      const expected = pattern.segments[i]!;
      const given = segments[i]!;
      if (expected.startsWith(':')) {
        if (given === '') matches = false;
        else {
          const decoded = decode(given);
          if (decoded === null) return 'malformed';
          params[expected.slice(1)] = decoded;
        }
      } else if (expected !== given) matches = false;
    }
    if (!matches) continue;
    if (pattern.rest) params['*'] = segments.slice(count).join('/');
    return { handlers: pattern.handlers, params };
  }
  return null;
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function allowedMethods(handlers: Handlers): string {
  const methods = [...handlers.keys()];
  if (methods.includes('GET') && !methods.includes('HEAD')) methods.push('HEAD');
  return methods.join(', ');
}
