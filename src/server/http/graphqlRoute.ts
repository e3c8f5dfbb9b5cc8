/**
 * POST (and GET) /graphql: refuse addresses that keep failing authentication, authenticate,
 * rate-limit, read the body, hand the request to Apollo. Every answer, errors included, is
 * `Cache-Control: no-store`: it may carry a child's data or depend on the viewer. This is the hub's
 * hot path, so it reads and parses its own body (Apollo wants it parsed, or as text when it is not
 * JSON) and answers every method itself; Apollo still enforces CSRF prevention, batching refusal,
 * mutation-over-GET refusal, the methods it takes and every validation limit. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Viewer } from '../../domain/access/types.ts';
import { AuthError } from '../../domain/access/index.ts';
import type { HubContext } from '../../../resolvers/context.ts';
import type { RateLimiter } from '../hardening/rateLimiter.ts';
import { BodyTooLargeError, isJsonContent, readBody } from './body.ts';
import { sendError } from './respond.ts';
import { NOT_READY_RETRY_AFTER_SECONDS } from '../../platform/errors.ts';

export interface GraphqlRouteDeps {
  apollo: ApolloServer<HubContext>;
  authenticate(authorization: string | undefined): Promise<Viewer>;
  rateLimiter: Pick<RateLimiter, 'take' | 'retryAfterSeconds'>;
  /**
   * Failed authentications per client address: an address whose allowance is spent gets 429
   * before its token is even verified, so guessing tokens (or burning CPU on ECDSA) is bounded.
   */
  authFailureLimiter: Pick<RateLimiter, 'take' | 'retryAfterSeconds'>;
  /**
   * True while the child directory loads at start-up: every request needs it, so each is answered
   * NOT_READY with Retry-After (never left waiting, never INTERNAL) until it has loaded.
   */
  starting?: () => boolean;
  context(viewer: Viewer, req: IncomingMessage, res: ServerResponse): HubContext;
  maxBodyBytes: number;
  onError(error: unknown): void;
}

export function graphqlRoute(deps: GraphqlRouteDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    res.setHeader('cache-control', 'no-store');
    try {
      const address = req.socket.remoteAddress ?? 'unknown';
      const lockedOutSeconds = deps.authFailureLimiter.retryAfterSeconds(address);
      if (lockedOutSeconds > 0) {
        sendError(res, 'RATE_LIMITED', {
          message: 'Too many failed authentications from this address.',
          headers: { 'retry-after': String(lockedOutSeconds) },
        });
        return;
      }
      let viewer: Viewer;
      try {
        viewer = await deps.authenticate(req.headers.authorization);
      } catch (error) {
        if (error instanceof AuthError) {
          // The identity provider being unreachable is not the caller's failure.
          if (error.reason !== 'KEYS_UNAVAILABLE') deps.authFailureLimiter.take(address);
          sendError(res, 'UNAUTHENTICATED', { headers: { 'www-authenticate': 'Bearer' } });
          return;
        }
        throw error;
      }
      if (!deps.rateLimiter.take(viewer.userId)) {
        sendError(res, 'RATE_LIMITED', {
          headers: { 'retry-after': String(deps.rateLimiter.retryAfterSeconds(viewer.userId)) },
        });
        return;
      }

      if (deps.starting?.()) {
        sendError(res, 'NOT_READY', { headers: { 'retry-after': String(NOT_READY_RETRY_AFTER_SECONDS) } });
        return;
      }

      const method = (req.method ?? 'GET').toUpperCase();
      let body: unknown = undefined;
      if (method === 'POST') {
        let text: string;
        try {
          text = await readBody(req, deps.maxBodyBytes);
        } catch (error) {
          if (error instanceof BodyTooLargeError)
            // 413 rather than the code's 400: the protocol's own answer to an oversized body.
            return sendError(res, 'BAD_USER_INPUT', {
              message: error.message,
              status: error.status,
              headers: { connection: 'close' },
            });
          throw error;
        }
        // Only a JSON body is parsed; anything else reaches Apollo as text and is refused there
        // (CSRF prevention turns away form posts before anything runs).
        if (isJsonContent(req)) {
          try {
            body = text.length > 0 ? JSON.parse(text) : undefined;
          } catch {
            return sendError(res, 'BAD_USER_INPUT', { message: 'The request body is not valid JSON.' });
          }
        } else {
          body = text;
        }
      }

      const headers = new HeaderMap();
      for (const name in req.headers) {
        const value = req.headers[name];
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const url = req.url ?? '';
      const at = url.indexOf('?');
      const response = await deps.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search: at === -1 ? '' : url.slice(at), body },
        context: async () => deps.context(viewer, req, res),
      });
      for (const [name, value] of response.headers) res.setHeader(name, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      deps.onError(error);
      if (!res.headersSent) sendError(res, 'INTERNAL');
      else res.destroy();
    }
  };
}
