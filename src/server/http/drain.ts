/**
 * Graceful HTTP shutdown: stop accepting connections, let every request already received finish,
 * then close. `server.close()` alone is not enough: it closes the connections idle at that moment,
 * but a keep-alive connection whose request finishes later goes idle and stays open until its
 * keep-alive timeout (65 s here), and `close` waits for it. So while draining, every answer is
 * sent with `connection: close`, connections that go idle are closed, and after `graceMs` whatever
 * is left is cut.
 */
import type { Server } from 'node:http';

export interface DrainOptions {
  /** Longest wait for in-flight requests before their connections are cut. */
  graceMs: number;
  /** How often connections that went idle meanwhile are closed. */
  sweepMs?: number;
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
  // Answers still to be written tell their clients not to send another request on this connection.
  const closeAfterAnswer = (_req: unknown, res: { shouldKeepAlive: boolean }) => {
    res.shouldKeepAlive = false;
  };
  server.prependListener('request', closeAfterAnswer);
  return new Promise<void>((resolve) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearInterval(sweep);
      clearTimeout(cut);
      server.off('request', closeAfterAnswer);
      resolve();
    };
    const sweep = setInterval(() => server.closeIdleConnections(), sweepMs);
    sweep.unref();
    const cut = setTimeout(() => server.closeAllConnections(), options.graceMs);
    cut.unref();
    if (!server.listening) {
      finish();
      return;
    }
    server.close(() => finish());
    server.closeIdleConnections();
  });
}
