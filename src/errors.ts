/**
 * The hub's public error codes (`errors[].extensions.code`) and the one way to raise them.
 * Messages are written for the client and never carry a child's data.
 */
import { GraphQLError } from 'graphql';
import type { SystemName } from './upstream/types.ts';

export const HUB_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'INTERNAL',
] as const;

export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];

/**
 * `retryAfter` (whole seconds) goes with an UPSTREAM_UNAVAILABLE when the system itself asked for
 * no calls until then (its Retry-After): the client knows when asking again is worth it.
 */
export function hubError(
  code: HubErrorCode,
  message: string,
  system?: SystemName,
  hint?: { retryAfter: number },
): GraphQLError {
  return new GraphQLError(message, {
    extensions: system ? { code, system: system.toUpperCase(), ...hint } : { code },
  });
}

/** The one NOT_FOUND every missing or hidden child gets, so the two cannot be told apart. */
export function childNotFound(): GraphQLError {
  return hubError('NOT_FOUND', 'No child with that id.');
}
