/**
 * How every route answers JSON, and the hub's HTTP errors: one place for the content type, the
 * length and the catalogue's body shape (src/platform/errors.ts), so no route spells them out itself.
 */
import type { ServerResponse } from 'node:http';
import { errorBody, errorMessage, errorStatus, type HubErrorCode } from '../../platform/errors.ts';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Sends `body` as JSON with `status`; a HEAD request gets the headers only (node drops the body). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': JSON_CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * Ends the request with `code`'s catalogue body. The status is the code's own unless the protocol
 * has a more exact one (413 for an oversized body, 405 for a wrong method, 415 for an encoding).
 */
export function sendError(
  res: ServerResponse,
  code: HubErrorCode,
  options: { message?: string; status?: number; headers?: Readonly<Record<string, string>> } = {},
): void {
  sendJson(
    res,
    options.status ?? errorStatus(code),
    errorBody(code, options.message ?? errorMessage(code)),
    options.headers,
  );
}

/**
 * An error a route throws to end the request with a client error (4xx): the router answers it
 * with BAD_USER_INPUT, this status and this message. Anything else thrown is an INTERNAL 500.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string = errorMessage('BAD_USER_INPUT'),
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
