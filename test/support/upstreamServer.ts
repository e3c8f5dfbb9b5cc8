/**
 * msw request handlers answered by a real HTTP server on loopback. The hub's upstream transport is
 * undici, which msw's interceptors (node:http's ClientRequest, fetch, XMLHttpRequest) never see; a
 * real socket also tests what production does: connections, keep-alive, a reset.
 *
 * Handlers keep their readable fake origins (`http://lcs.upstream.test/persons/:id`). A client is
 * pointed at `upstreamUrl(fakeOrigin)`, which is this server with the fake host as the first path
 * segment (`http://127.0.0.1:<port>/lcs.upstream.test`); a request is matched as if it had been
 * sent to the fake origin, so one server answers every system a test file talks to.
 *
 * Like msw's setupServer: `use` puts handlers in front, `resetHandlers` goes back to the initial
 * ones, `HttpResponse.error()` is a network error (the connection is destroyed). A request no
 * handler answers is printed and its connection destroyed, as msw's `onUnhandledRequest: 'error'`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

export interface UpstreamServer {
  listen(): Promise<void>;
  use(...handlers: RequestHandler[]): void;
  resetHandlers(...handlers: RequestHandler[]): void;
  close(): Promise<void>;
}

/** The port of the server listening in this test file (one per file, as msw's setupServer). */
let listeningPort: number | undefined;

/** Where a client reaches `fakeOrigin` (e.g. `http://lcs.upstream.test`) on the listening server. */
export function upstreamUrl(fakeOrigin: string): string {
  if (listeningPort === undefined) {
    throw new Error('no upstream test server is listening: call server.listen() in beforeAll');
  }
  return `http://127.0.0.1:${listeningPort}/${new URL(fakeOrigin).host}`;
}

export function setupUpstreamServer(...initial: RequestHandler[]): UpstreamServer {
  let initialHandlers = [...initial];
  let handlers = [...initialHandlers];
  const sockets = new Set<Socket>();

  const answer = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const [, host = '', ...rest] = (incoming.url ?? '/').split('/');
    const url = `http://${host}/${rest.join('/')}`;
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const response = await getResponse(handlers, new Request(url, { method: incoming.method, headers }));
    if (response === undefined) {
      console.error(`upstream test server: no handler for ${incoming.method} ${url}`);
      incoming.socket.destroy();
      return;
    }
    if (response.type === 'error') {
      incoming.socket.destroy();
      return;
    }
    const body = Buffer.from(await response.arrayBuffer());
    if (outgoing.destroyed) return;
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(body);
  };

  const server = createServer((incoming, outgoing) => {
    answer(incoming, outgoing).catch((error: unknown) => {
      console.error('upstream test server: a handler threw', error);
      incoming.socket.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    listen: () =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
          listeningPort = (server.address() as AddressInfo).port;
          resolve();
        });
      }),
    use: (...more) => {
      handlers = [...more, ...handlers];
    },
    resetHandlers: (...next) => {
      if (next.length > 0) initialHandlers = [...next];
      handlers = [...initialHandlers];
    },
    close: () =>
      new Promise<void>((resolve) => {
        listeningPort = undefined;
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
