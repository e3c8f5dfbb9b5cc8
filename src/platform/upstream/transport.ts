import http from 'node:http';
import https from 'node:https';
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

/**
 * One keep-alive agent per system, built once, and plain node:http requests: the hub makes several
 * upstream calls per answer, and axios's per-request config merging, header normalisation and
 * adapter layers cost more CPU than the call itself (about a fifth of the hub's CPU in the bench
 * profile). The agent's socket pool is sized to the concurrency cap, so the cap (not the agent)
 * decides queueing and every admitted request finds a socket; `lifo` reuses the most recently used
 * socket, letting idle ones expire instead of keeping the whole pool half-warm.
 *
 * Bodies are returned as text so the client parses JSON itself (a malformed body becomes an error,
 * not a string). Every status resolves, so statuses are classified in one place. Redirects are not
 * followed: these contracts never redirect.
 */
export function createTransport(settings: Pick<UpstreamSettings, 'baseUrl' | 'maxConcurrency'>): Transport {
  const agentOptions: http.AgentOptions = {
    keepAlive: true,
    maxSockets: settings.maxConcurrency,
    maxFreeSockets: settings.maxConcurrency,
    scheduling: 'lifo',
  };
  const base = new URL(settings.baseUrl);
  const secure = base.protocol === 'https:';
  const agent = secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  const request = secure ? https.request : http.request;
  // Parsed once: every call's URL starts with this origin, so only its path varies.
  const origin = base.origin;
  const target = {
    protocol: base.protocol,
    hostname: base.hostname,
    port: base.port || (secure ? 443 : 80),
    agent,
  };

  /**
   * One attempt. The timeout and the caller's abort destroy the request directly: an
   * AbortController per attempt (and http's own signal listener) cost more than the call's JSON.
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
      const finish = (attempt: RawAttempt) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        unsubscribe?.();
        resolve(attempt);
      };
      const path = url.startsWith(origin) ? url.slice(origin.length) || '/' : new URL(url).pathname;
      const req = request({ ...target, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => fail(error));
        res.on('end', () => {
          if (!res.complete)
            return fail(Object.assign(new Error('response ended early'), { code: 'ECONNRESET' }));
          const retryAfter = res.headers['retry-after'];
          finish({
            kind: 'response',
            status: res.statusCode ?? 0,
            body: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'),
            retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
          });
        });
      });
      // A wall-clock timer, not a socket idle timer (which a slow trickle of bytes can keep alive):
      // the attempt ends at timeoutMs whatever the upstream is doing. One timer at a time: when a
      // slow watch comes first, its timer re-arms for the rest of the timeout.
      // Each verdict waits for the check phase (setImmediate): an answer that reached the socket
      // while a busy event loop was elsewhere is read in the poll phase first, instead of a timer
      // that runs first in the loop's turn calling it late or slow.
      const expire = () =>
        setImmediate(() => {
          if (settled) return;
          finish({ kind: 'timeout' });
          req.destroy();
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
      const fail = (error: unknown) => {
        if (signal?.aborted) finish({ kind: 'aborted' });
        else finish({ kind: 'network', errorCode: networkErrorCode(error) });
      };
      if (signal) {
        unsubscribe = onAbort(signal, () => {
          finish({ kind: 'aborted' });
          req.destroy();
        });
      }
      req.on('error', fail);
      req.end();
    });
  }

  return {
    send,
    destroy: () => agent.destroy(),
  };
}

/** The error's code (ECONNREFUSED, ECONNRESET, ERR_BAD_RESPONSE...): safe to log, unlike its message. */
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
