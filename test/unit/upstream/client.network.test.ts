/**
 * Against a real node:http server on an ephemeral port: what only real sockets show —
 * keep-alive reuse, refused connections, hang-ups, and close() releasing the sockets.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpstreamClient } from '../../../src/platform/upstream/client.ts';
import { failureOf, testSettings } from './support.ts';

let server: http.Server;
let baseUrl: string;
let connections = 0;
let openSockets = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url?.startsWith('/hang-up')) {
      request.socket.destroy();
      return;
    }
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ path: request.url }));
  });
  server.on('connection', (socket) => {
    connections++;
    openSockets++;
    socket.on('close', () => openSockets--);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('upstream client over real sockets', () => {
  // A connection is free again a microtask after its answer, so a call made straight from that
  // answer opens a second one: sequential calls take turns on two connections, never one per call.
  it('reuses keep-alive connections for sequential calls, and close() releases them', async () => {
    const before = connections;
    const client = createUpstreamClient('lcs', testSettings({ baseUrl: `${baseUrl}/api/` }));
    for (let i = 0; i < 20; i++) {
      await expect(client.get({ path: `/persons/${i}` })).resolves.toEqual({ path: `/api/persons/${i}` });
    }
    expect(connections - before).toBeLessThanOrEqual(2);
    client.close();
    await until(() => openSockets === 0);
    expect(openSockets).toBe(0);
  });

  it('maps a refused connection to UPSTREAM_UNAVAILABLE', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const client = createUpstreamClient(
      'lcs',
      testSettings({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 1 }),
    );
    const error = await failureOf(client.get({ path: '/persons/1' }));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toContain('ECONNREFUSED');
    client.close();
  });

  it('maps a socket hang-up to UPSTREAM_UNAVAILABLE after retrying it', async () => {
    const before = connections;
    const client = createUpstreamClient('lcs', testSettings({ baseUrl, maxRetries: 2 }));
    const error = await failureOf(client.get({ path: '/hang-up/1' }));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toContain('after 2 retries');
    expect(connections - before).toBe(3);
    client.close();
  });
});
