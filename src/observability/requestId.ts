/**
 * Request ids for correlating log lines: the caller's `x-request-id` when it is a sane token (at most 64
 * characters of A-Z a-z 0-9 - _), otherwise a fresh random UUID. Anything else is discarded rather than
 * cleaned, so a client cannot inject log content or a child's identifier through the header.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const SANE_REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const REQUEST_ID_HEADER = 'x-request-id';

export function requestId(req: { headers: IncomingHttpHeaders }): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  if (typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming)) return incoming;
  return randomUUID();
}
