/**
 * One simulated system as a node:http server: its contract routes (from the route table in
 * contracts/openapi.ts, so parsing and documentation cannot disagree), `/openapi.json`, and the
 * control API under `/__sim/` (stats, faults, record patches and deletions, change webhook).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildOpenApiDocument,
  CONTRACTS,
  type ContractRoute,
  type SystemName,
} from '../contracts/openapi.ts';
import { badRequest, codeForStatus, HttpError, notFound } from './errors.ts';
import { driftedJson, FaultController, parseFaults } from './faults.ts';
import { stderrLogger, type SimLogger } from './logger.ts';
import { parseQuery, validatePathParams, type ParsedQuery } from './query.ts';
import { Router } from './router.ts';
import { RouteStats } from './stats.ts';
import type { RecordStore } from './store.ts';
import { parseWebhookTarget, WebhookNotifier } from './webhook.ts';

export interface RouteRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: ParsedQuery;
}

/** Answers one contract route with the 200 body, or throws an HttpError (400, 404). */
export type RouteHandler = (request: RouteRequest) => unknown;

export interface SimulatorDefinition {
  readonly system: SystemName;
  /** One handler per contract route, keyed by the route's operationId. */
  readonly handlers: Readonly<Record<string, RouteHandler>>;
  /** Records `PATCH /__sim/records/{resource}/{id}` may change, keyed by resource name. */
  readonly resources: Readonly<Record<string, RecordStore<unknown>>>;
}

export interface SimulatorOptions {
  readonly logger?: SimLogger;
}

export interface SimulatorHandle {
  readonly system: SystemName;
  readonly server: Server;
  listen(port?: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  /** Serialised as JSON; undefined means no body. */
  body?: unknown;
  /** Sent as is, in place of `body` (a prebuilt document, or a deliberately broken one). */
  rawJson?: string;
  headers?: Readonly<Record<string, string>>;
}

type ControlHandler = (
  params: Readonly<Record<string, string>>,
  req: IncomingMessage,
) => Promise<Reply> | Reply;

const MAX_CONTROL_BODY_BYTES = 1 << 20;
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export const routeKey = (route: Pick<ContractRoute, 'method' | 'path'>): string =>
  `${route.method} ${route.path}`;

export function createSimulator(
  definition: SimulatorDefinition,
  options: SimulatorOptions = {},
): SimulatorHandle {
  const { system, handlers, resources } = definition;
  const logger = options.logger ?? stderrLogger;
  const contract = CONTRACTS[system];
  const openApiBody = JSON.stringify(buildOpenApiDocument(contract));
  const routeKeys = contract.routes.map(routeKey);
  const stats = new RouteStats(routeKeys);
  const faults = new FaultController();
  const webhook = new WebhookNotifier(system, logger);

  const contractRoutes = new Router<ContractRoute>();
  for (const route of contract.routes) {
    if (!handlers[route.operationId]) throw new Error(`${system}: no handler for ${route.operationId}`);
    contractRoutes.add(route.path, route);
  }

  const control = new Router<Partial<Record<string, ControlHandler>>>();
  control.add('/__sim/stats', {
    GET: () => ({ status: 200, body: stats.snapshot() }),
    DELETE: () => {
      stats.reset();
      return { status: 204 };
    },
  });
  control.add('/__sim/faults', {
    GET: () => ({ status: 200, body: faults.settings }),
    PUT: async (_params, req) => {
      faults.set(parseFaults(await readJson(req), new Set(routeKeys)));
      return { status: 200, body: faults.settings };
    },
    DELETE: () => {
      faults.clear();
      return { status: 204 };
    },
  });
  const storeOf = (resource: string) => {
    const store = Object.hasOwn(resources, resource) ? resources[resource] : undefined;
    if (!store) throw notFound(`${system} has no resource of that name`);
    return store;
  };
  control.add('/__sim/records/{resource}/{id}', {
    PATCH: async (params, req) => {
      const store = storeOf(params['resource'] as string);
      const patch = await readJson(req);
      const record = store.patch(params['id'] as string, patch);
      webhook.notify(params['resource'] as string, params['id'] as string);
      return { status: 200, body: record };
    },
    // The system deletes the record; its change event (a read then answers 404) goes as for a patch.
    DELETE: (params) => {
      storeOf(params['resource'] as string).remove(params['id'] as string);
      webhook.notify(params['resource'] as string, params['id'] as string);
      return { status: 204 };
    },
  });
  control.add('/__sim/webhook', {
    PUT: async (_params, req) => {
      webhook.configure(parseWebhookTarget(await readJson(req)));
      return { status: 204 };
    },
    DELETE: () => {
      webhook.configure(null);
      return { status: 204 };
    },
  });
  control.add('/openapi.json', {
    GET: () => ({ status: 200, rawJson: openApiBody }),
  });

  async function answerContractRoute(
    route: ContractRoute,
    params: Readonly<Record<string, string>>,
    url: URL,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const key = routeKey(route);
    stats.count(key);
    if (req.method !== 'GET') {
      send(res, {
        status: 405,
        body: errorBody(badRequest('only GET is allowed here')),
        headers: { allow: 'GET' },
      });
      return;
    }
    let active = faults.for(key);
    while (active.hang) {
      if ((await faults.hang()) === 'closed') return;
      active = faults.for(key);
    }
    if (active.down) {
      req.socket.destroy();
      return;
    }
    if (!(await faults.delay(active))) return;
    if (active.errorRate > 0 && Math.random() < active.errorRate) {
      const injected = new HttpError(
        active.status,
        codeForStatus(active.status),
        `injected fault: ${system} answered ${active.status}`,
        active.retryAfterSeconds === null ? {} : { 'retry-after': String(active.retryAfterSeconds) },
      );
      send(res, { status: injected.status, body: errorBody(injected), headers: injected.headers });
      return;
    }
    const reply = runHandler(route, params, url);
    if (active.malformed) {
      const text = JSON.stringify(reply.body);
      send(res, { status: 200, rawJson: text.slice(0, Math.floor(text.length / 2)) });
      return;
    }
    const drifted = reply.status === 200 ? driftedJson(reply.body, active) : null;
    send(res, drifted === null ? reply : { status: 200, rawJson: drifted });
  }

  function runHandler(route: ContractRoute, params: Readonly<Record<string, string>>, url: URL): Reply {
    try {
      validatePathParams(route.params, params);
      const query = parseQuery(route.path, route.params, url.searchParams);
      const handler = handlers[route.operationId] as RouteHandler;
      return { status: 200, body: handler({ params, query }) };
    } catch (error) {
      return failure(error);
    }
  }

  function failure(error: unknown): Reply {
    if (error instanceof HttpError)
      return { status: error.status, body: errorBody(error), headers: error.headers };
    logger.warn('simulator handler failed', {
      system,
      error: error instanceof Error ? error.name : 'unknown',
    });
    return { status: 500, body: errorBody(new HttpError(500, 'INTERNAL', `${system} failed unexpectedly`)) };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    try {
      const controlMatch = control.match(url.pathname);
      if (controlMatch) {
        const handler = controlMatch.value[req.method ?? 'GET'];
        if (!handler) {
          const allow = Object.keys(controlMatch.value).join(', ');
          send(res, {
            status: 405,
            body: errorBody(badRequest('method not allowed here')),
            headers: { allow },
          });
          return;
        }
        send(res, await handler(controlMatch.params, req));
        return;
      }
      const match = contractRoutes.match(url.pathname);
      if (!match) {
        send(res, { status: 404, body: errorBody(notFound(`${system} has no route at this path`)) });
        return;
      }
      await answerContractRoute(match.value, match.params, url, req, res);
    } catch (error) {
      send(res, failure(error));
    }
  }

  const server = createServer({ keepAlive: true }, (req, res) => {
    void handle(req, res);
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;

  return {
    system,
    server,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve({ url: urlOf(server.address() as AddressInfo) });
        });
      });
    },
    async close() {
      faults.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await webhook.settle();
    },
  };
}

function errorBody(error: HttpError): unknown {
  return error.toBody();
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.writableEnded) return;
  const headers = reply.headers ?? {};
  if (reply.body === undefined && reply.rawJson === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const text = reply.rawJson ?? JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_CONTROL_BODY_BYTES) throw badRequest('request body is too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.length === 0) throw badRequest('a JSON body is required');
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('the body is not valid JSON');
  }
}

function urlOf(address: AddressInfo): string {
  const host =
    address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '[::1]' : address.address;
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${address.port}`;
}
