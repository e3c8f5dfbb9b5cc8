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

export interface Transport {
  send(
    method: string,
    url: string,
    headers: Record<string, string>,
    timeoutMs: number,
    signal?: AbortSignal,
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
  const secure = new URL(settings.baseUrl).protocol === 'https:';
  const agent = secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  const request = secure ? https.request : http.request;

  function exchange(
    method: string,
    url: string,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<RawAttempt> {
    return new Promise<RawAttempt>((resolve, reject) => {
      const req = request(url, { method, headers, agent, signal }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          if (!res.complete)
            return reject(Object.assign(new Error('response ended early'), { code: 'ECONNRESET' }));
          const retryAfter = res.headers['retry-after'];
          resolve({
            kind: 'response',
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
          });
        });
      });
      req.on('error', reject);
      req.end();
    });
  }

  async function send(
    method: string,
    url: string,
    headers: Record<string, string>,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<RawAttempt> {
    if (signal?.aborted) return { kind: 'aborted' };
    // A wall-clock timer, not a socket idle timer (which a slow trickle of bytes can keep alive):
    // the attempt ends at timeoutMs whatever the upstream is doing.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const unsubscribe = signal ? onAbort(signal, () => controller.abort()) : undefined;
    try {
      return await exchange(method, url, headers, controller.signal);
    } catch (error) {
      if (signal?.aborted) return { kind: 'aborted' };
      if (timedOut) return { kind: 'timeout' };
      return { kind: 'network', errorCode: networkErrorCode(error) };
    } finally {
      clearTimeout(timer);
      unsubscribe?.();
    }
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
