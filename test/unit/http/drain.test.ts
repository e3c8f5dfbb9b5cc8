import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { drainServer } from '../../../src/server/http/drain.ts';

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server = undefined;
});

async function listening(): Promise<{ port: number; accepted: Promise<Socket> }> {
  server = createServer({ keepAliveTimeout: 65_000 }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 2 });
    res.end('ok');
  });
  const accepted = new Promise<Socket>((resolve) => server!.once('connection', resolve));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, accepted };
}

/** Sends one raw request on `socket`; resolves with the answer's head, or how the connection ended. */
function exchange(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (text.includes('\r\n\r\n') && text.endsWith('ok')) done(text);
    };
    const onError = (error: NodeJS.ErrnoException) => done(error.code ?? 'error');
    const onClose = () => done(text || 'closed without an answer');
    const done = (result: string) => {
      socket.off('data', onData).off('error', onError).off('close', onClose);
      resolve(result);
    };
    if (socket.destroyed) return resolve('closed without an answer');
    socket.on('data', onData).on('error', onError).on('close', onClose);
    socket.write('GET / HTTP/1.1\r\nhost: hub\r\n\r\n');
  });
}

describe('drainServer', () => {
  it('answers a request that reaches a kept-alive connection just after the drain began, then closes it', async () => {
    const { port, accepted } = await listening();
    const socket = connect(port, '127.0.0.1');
    await accepted;
    expect(await exchange(socket)).toMatch(/^HTTP\/1\.1 200 OK/);
    const drained = drainServer(server!, { graceMs: 5000 });
    // The client's next request on its idle keep-alive connection arrives just after the signal,
    // as one sent before it does when the hub is too busy to read its socket at once.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const answer = await exchange(socket);
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(answer.toLowerCase()).toContain('connection: close');
    await drained;
  });

  it('serves a connection the kernel queued before the drain began, though the loop had not accepted it yet', async () => {
    const { port, accepted } = await listening();
    const socket = connect(port, '127.0.0.1');
    // The client connects and sends at once; the hub's loop is busy when the signal arrives, so the
    // connection is complete in the kernel's backlog, its request with it, but not yet accepted.
    socket.write('GET / HTTP/1.1\r\nhost: hub\r\n\r\n');
    let text = '';
    const answered = new Promise<string>((resolve) => {
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      socket.on('close', () => resolve(text || 'closed without an answer'));
    });
    await new Promise((resolve) => process.nextTick(resolve)); // net issues the connect on a tick
    const busyUntil = Date.now() + 200;
    while (Date.now() < busyUntil); // no turn of the loop: the connection waits in the backlog
    const drained = drainServer(server!, { graceMs: 5000 });
    expect(await answered).toMatch(/^HTTP\/1\.1 200 OK/);
    await Promise.all([accepted, drained]);
  });

  it('stops accepting connections within a turn of the loop, and closes idle connections once they have settled', async () => {
    const { port, accepted } = await listening();
    const idle = connect(port, '127.0.0.1');
    await accepted;
    expect(await exchange(idle)).toMatch(/^HTTP\/1\.1 200 OK/);
    const closed = new Promise((resolve) => idle.once('close', resolve));
    const started = performance.now();
    const drained = drainServer(server!, { graceMs: 20_000, settleMs: 200 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const refused = await new Promise<string>((resolve) => {
      const probe = connect(port, '127.0.0.1');
      probe.on('connect', () => resolve('accepted'));
      probe.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    await Promise.all([drained, closed]);
    // Closed by the sweep after settling, not cut when the grace ran out.
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
