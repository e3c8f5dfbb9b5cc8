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
  'AUDIT_UNAVAILABLE',
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

/**
 * The refusal when an access could not be written to the audit trail (no access without a trace).
 * The trail itself logs and counts why; the client learns only that it may try again later.
 */
export function accessNotRecorded(): GraphQLError {
  return hubError('AUDIT_UNAVAILABLE', 'The access could not be recorded, so it was refused.');
}

/** The one NOT_FOUND every missing or hidden child gets, so the two cannot be told apart. */
export function childNotFound(): GraphQLError {
  return hubError('NOT_FOUND', 'No child with that id.');
}
