import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import { onAbort } from './abort.ts';
import type { UpstreamSettings } from './types.ts';

/** What one HTTP attempt produced, before any judgement about it. */
export type RawAttempt =
  | { kind: 'response'; status: number; body: string; retryAfter: string | undefined }
  /** The per-attempt timeout fired. */
  | { kind: 'timeout' }
  /** The caller's signal aborted (request deadline or cancellation). */
  | { kind: 'aborted' }
  /** No response: refused, reset, hang-up, DNS. `errorCode` is the Node error code, never a message. */
  | { kind: 'network'; errorCode: string };

/** Told once when an attempt has run `afterMs` without an answer (it carries on until its timeout). */
export interface SlowAttemptWatch {
  afterMs: number;
  notify: () => void;
}

export interface Transport {
  send(
    method: string,
    url: string,
    headers: Record<string, string>,
    timeoutMs: number,
    signal?: AbortSignal,
    slow?: SlowAttemptWatch,
  ): Promise<RawAttempt>;
  destroy(): void;
}

/** The reason an attempt's own timer or its caller ended it: never reported as a network error. */
const ENDED_HERE = new Error('attempt ended by the hub');

/**
 * One undici connection pool per system, built once, and requests dispatched straight to it with a
 * handler (no stream or promise layers): the hub makes several upstream calls per answer, and the
 * client side of each call is CPU the hub pays on every cold view. axios cost about a fifth of the
 * hub's CPU in the bench profile; node:http's ClientRequest, agent and IncomingMessage stream then
 * cost about 85 µs of CPU per keep-alive GET on this machine against 45-60 µs for this (a 1 KB JSON
 * answer parsed in both), and a cold single view makes about three calls. The pool holds as many
 * connections as the concurrency cap admits calls, so the cap (not the pool) decides queueing; idle
 * connections close before the upstream's own keep-alive timeout (undici reads its Keep-Alive
 * hint), so a call is not written into a socket the upstream is closing.
 *
 * Bodies are returned as text so the client parses JSON itself (a malformed body becomes an error,
 * not a string). Every status resolves, so statuses are classified in one place. Redirects are not
 * followed: these contracts never redirect.
 */
export function createTransport(settings: Pick<UpstreamSettings, 'baseUrl' | 'maxConcurrency'>): Transport {
  const base = new URL(settings.baseUrl);
  // Every call's URL starts with this origin, so only its path varies.
  const origin = base.origin;
  const pool = new Pool(origin, { connections: settings.maxConcurrency });

  /**
   * One attempt. The wall-clock timer and the caller's abort end the attempt here and abort the
   * request through its controller: an AbortController per attempt costs more than the call's JSON.
   */
  function send(
    method: string,
    url: string,
    headers: Record<string, string>,
    timeoutMs: number,
    signal?: AbortSignal,
    slow?: SlowAttemptWatch,
  ): Promise<RawAttempt> {
    if (signal?.aborted) return Promise.resolve({ kind: 'aborted' });
    return new Promise<RawAttempt>((resolve) => {
      let settled = false;
      let unsubscribe: (() => void) | undefined;
      // Set once the pool starts the request; an attempt ended before that aborts it on start.
      let controller: Dispatcher.DispatchController | undefined;
      const finish = (attempt: RawAttempt) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        unsubscribe?.();
        resolve(attempt);
      };
      const endHere = (attempt: RawAttempt) => {
        finish(attempt);
        controller?.abort(ENDED_HERE);
      };
      const path = url.startsWith(origin) ? url.slice(origin.length) || '/' : new URL(url).pathname;
      let status = 0;
      let retryAfter: string | undefined;
      const chunks: Buffer[] = [];
      // A wall-clock timer, not a socket idle timer (which a slow trickle of bytes can keep alive):
      // the attempt ends at timeoutMs whatever the upstream is doing. One timer at a time: when a
      // slow watch comes first, its timer re-arms for the rest of the timeout.
      // Each verdict waits for the check phase (setImmediate): an answer that reached the socket
      // while a busy event loop was elsewhere is read in the poll phase first, instead of a timer
      // that runs first in the loop's turn calling it late or slow.
      const expire = () =>
        setImmediate(() => {
          if (!settled) endHere({ kind: 'timeout' });
        });
      let timer =
        slow && slow.afterMs < timeoutMs
          ? setTimeout(() => {
              timer = setTimeout(expire, timeoutMs - slow.afterMs);
              setImmediate(() => {
                if (!settled) slow.notify();
              });
            }, slow.afterMs)
          : setTimeout(expire, timeoutMs);
      if (signal) unsubscribe = onAbort(signal, () => endHere({ kind: 'aborted' }));
      try {
        pool.dispatch(
          { path, method: method as Dispatcher.HttpMethod, headers },
          {
            onRequestStart(started) {
              controller = started;
              if (settled) started.abort(ENDED_HERE);
            },
            onResponseStart(_controller, statusCode, responseHeaders) {
              status = statusCode;
              const header = responseHeaders['retry-after'];
              retryAfter = typeof header === 'string' ? header : undefined;
            },
            onResponseData(_controller, chunk) {
              chunks.push(chunk);
            },
            onResponseEnd() {
              finish({
                kind: 'response',
                status,
                body: (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8'),
                retryAfter,
              });
            },
            onResponseError(_controller, error) {
              if (signal?.aborted) finish({ kind: 'aborted' });
              else finish({ kind: 'network', errorCode: networkErrorCode(error) });
            },
          },
        );
      } catch (error) {
        finish({ kind: 'network', errorCode: networkErrorCode(error) });
      }
    });
  }

  return {
    send,
    destroy: () => void pool.destroy().catch(() => undefined),
  };
}

/** The error's code (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET...): safe to log, unlike its message. */
function networkErrorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, cause } = error as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && code !== '') return code;
    if (typeof cause === 'object' && cause !== null) {
      const causeCode = (cause as { code?: unknown }).code;
      if (typeof causeCode === 'string' && causeCode !== '') return causeCode;
    }
  }
  return 'UNKNOWN';
}
