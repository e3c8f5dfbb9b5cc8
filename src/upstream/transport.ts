import http from 'node:http';
import https from 'node:https';
import axios from 'axios';
import type { AxiosInstance } from 'axios';
import { onAbort } from './abort.ts';
import type { UpstreamSettings } from './types.ts';

/** What one HTTP attempt produced, before any judgement about it. */
export type RawAttempt =
  | { kind: 'response'; status: number; body: string; retryAfter: string | undefined }
  /** The per-attempt timeout fired. */
  | { kind: 'timeout' }
  /** The caller's signal aborted (request deadline or cancellation). */
  | { kind: 'aborted' }
  /** No response: refused, reset, hang-up, DNS. `errorCode` is the Node/axios code, never a message. */
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

const keepBodyAsText = (data: unknown): unknown => data;

/**
 * One keep-alive agent and one axios instance per system, built once. The agent's socket pool is
 * sized to the concurrency cap, so the cap (not the agent) decides queueing and every admitted
 * request finds a socket; `lifo` reuses the most recently used socket, letting idle ones expire
 * instead of keeping the whole pool half-warm.
 *
 * Bodies stay text (`responseType: 'text'`, no transformResponse, JSON parsing turned off in
 * `transitional`) so the client parses JSON itself and a malformed body becomes an error rather
 * than a string. Every status resolves (`validateStatus`), so statuses are classified in one place.
 * Redirects are not followed: these contracts never redirect, and maxRedirects 0 lets axios use
 * node:http directly instead of the follow-redirects wrapper.
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
  const client: AxiosInstance = axios.create({
    // The Node http adapter explicitly: it is the one that uses the keep-alive agent.
    adapter: 'http',
    ...(secure ? { httpsAgent: agent } : { httpAgent: agent }),
    responseType: 'text',
    responseEncoding: 'utf8',
    transformResponse: [keepBodyAsText],
    transitional: { silentJSONParsing: false, forcedJSONParsing: false, clarifyTimeoutError: true },
    validateStatus: () => true,
    maxRedirects: 0,
    timeout: 0,
  });

  async function send(
    method: string,
    url: string,
    headers: Record<string, string>,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<RawAttempt> {
    if (signal?.aborted) return { kind: 'aborted' };
    // A wall-clock timer, not axios's `timeout` (a socket idle timer that a slow trickle of bytes
    // can keep alive): the attempt ends at timeoutMs whatever the upstream is doing.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const unsubscribe = signal ? onAbort(signal, () => controller.abort()) : undefined;
    try {
      const response = await client.request<string>({ method, url, headers, signal: controller.signal });
      const retryAfter = response.headers['retry-after'];
      return {
        kind: 'response',
        status: response.status,
        body: typeof response.data === 'string' ? response.data : '',
        retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
      };
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
