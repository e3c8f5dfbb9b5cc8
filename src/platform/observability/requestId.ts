/**
 * Request ids. The hub issues its own for every request (a random UUID): it names the request in the
 * audit trail and the logs, so no client can choose, reuse or collide with one. A caller's
 * `x-request-id` is kept beside it only as a correlation id, and only when it is a sane token (at
 * most 64 characters of A-Z a-z 0-9 - _); anything else is discarded rather than cleaned, so a
 * client cannot inject log content or a child's identifier through the header.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const SANE_CORRELATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const REQUEST_ID_HEADER = 'x-request-id';

/** A fresh id the hub issues for one request. */
export function requestId(): string {
  return randomUUID();
}

/** The caller's own id for the request, when it sent a sane one; null otherwise. */
export function correlationId(req: { headers: IncomingHttpHeaders }): string | null {
  const incoming = req.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SANE_CORRELATION_ID.test(incoming) ? incoming : null;
}
