/**
 * Graceful HTTP shutdown: stop accepting connections, let every request already received finish,
 * then close. `server.close()` alone is not enough: it closes the connections idle at that moment,
 * but a keep-alive connection whose request finishes later goes idle and stays open until its
 * keep-alive timeout (65 s here), and `close` waits for it. So while draining, every answer is
 * sent with `connection: close`, connections that go idle are closed, and after `graceMs` whatever
 * is left is cut.
 *
 * Idle connections are left alone for `settleMs` first. http's own `close()` closes at once every
 * connection with no request in progress, and that includes one whose request is already in its
 * socket but not yet read (a busy loop reads it a moment later): its client saw the request reset
 * (ECONNRESET) though it was sent before the signal. Listening stops within a turn of the loop,
 * once the connections already queued for it are accepted.
 */
import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';

export interface DrainOptions {
  /** Longest wait for in-flight requests before their connections are cut. */
  graceMs: number;
  /** How often connections that went idle meanwhile are closed. */
  sweepMs?: number;
  /** How long a connection accepted before the drain has for its request to be read before it counts as idle. */
  settleMs?: number;
}

const draining = new WeakMap<Server, Promise<void>>();

/** Idempotent: a second call while draining waits for the same drain instead of finishing at once. */
export function drainServer(server: Server, options: DrainOptions): Promise<void> {
  let drain = draining.get(server);
  if (!drain) {
    drain = startDrain(server, options);
    draining.set(server, drain);
  }
  return drain;
}

function startDrain(server: Server, options: DrainOptions): Promise<void> {
  const sweepMs = options.sweepMs ?? 50;
  const settleMs = Math.min(options.settleMs ?? 1000, options.graceMs);
  // Answers still to be written tell their clients not to send another request on this connection.
  const closeAfterAnswer = (_req: unknown, res: { shouldKeepAlive: boolean }) => {
    res.shouldKeepAlive = false;
  };
  server.prependListener('request', closeAfterAnswer);
  return new Promise<void>((resolve) => {
    let finished = false;
    let sweep: NodeJS.Timeout | undefined;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(settle);
      clearInterval(sweep);
      clearTimeout(cut);
      server.off('request', closeAfterAnswer);
      resolve();
    };
    const settle = setTimeout(() => {
      server.closeIdleConnections();
      sweep = setInterval(() => server.closeIdleConnections(), sweepMs);
      sweep.unref();
    }, settleMs);
    settle.unref();
    const cut = setTimeout(() => server.closeAllConnections(), options.graceMs);
    cut.unref();
    if (!server.listening) {
      finish();
      return;
    }
    // net's close stops listening without http's closing of every connection that has no request
    // in progress yet (see above); the sweep closes the idle ones once they have settled. It waits
    // for one turn of the loop first: connections the kernel completed before the signal wait in the
    // listen backlog until the loop accepts them, and closing the listener resets them (a client
    // that sent its query before the signal saw ECONNRESET). A turn accepts what is queued.
    setImmediate(() => setImmediate(() => NetServer.prototype.close.call(server, () => finish())));
  });
}
