/**
 * The hub's public error codes (`errors[].extensions.code`) and the one way to raise them.
 * Messages are written for the client and never carry a child's data.
 */
import { GraphQLError } from 'graphql';
import type { SystemName } from './systems.ts';

/**
 * The error catalogue: each code once, with the HTTP status a route answers when the code ends the
 * whole request, and the client message used where nothing more specific is said. The GraphQL
 * route, /events, /metrics, the router's own answers, the hardening layer and resolvers all take
 * status and default message from here.
 */
export const HUB_ERRORS = {
  UNAUTHENTICATED: { status: 401, message: 'Authentication required: send a valid bearer token.' },
  FORBIDDEN: { status: 403, message: 'Not allowed.' },
  NOT_FOUND: { status: 404, message: 'No child with that id.' },
  BAD_USER_INPUT: { status: 400, message: 'The request could not be read.' },
  UPSTREAM_UNAVAILABLE: {
    status: 503,
    message: 'A system the answer needs is unavailable; try again later.',
  },
  UPSTREAM_TIMEOUT: { status: 504, message: 'A system the answer needs did not answer in time.' },
  QUERY_TOO_COMPLEX: { status: 400, message: 'The query exceeds a limit; make it smaller.' },
  PERSISTED_QUERY_NOT_FOUND: { status: 400, message: 'PersistedQueryNotFound' },
  RATE_LIMITED: { status: 429, message: 'Too many requests.' },
  AUDIT_UNAVAILABLE: { status: 503, message: 'The access could not be recorded, so it was refused.' },
  NOT_READY: {
    status: 503,
    message: 'The hub is starting: the child register is still loading. Try again after Retry-After seconds.',
  },
  INTERNAL: { status: 500, message: 'Internal server error' },
} as const satisfies Record<string, { status: number; message: string }>;

export type HubErrorCode = keyof typeof HUB_ERRORS;

export const HUB_ERROR_CODES = Object.keys(HUB_ERRORS) as readonly HubErrorCode[];

/**
 * Codes whose messages are written for clients: the hub's own and Apollo's request-shape errors.
 * Formatting masks every other code, and the internal-error log records only those.
 */
export const CLIENT_SAFE_ERROR_CODES: ReadonlySet<string> = new Set([
  // INTERNAL is left out: whatever its message, it is replaced by the generic one.
  ...HUB_ERROR_CODES.filter((code) => code !== 'INTERNAL'),
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** The HTTP status a route answers with when `code` ends the whole request. */
export function errorStatus(code: HubErrorCode): number {
  return HUB_ERRORS[code].status;
}

/** The client message for `code` where nothing more specific is said. */
export function errorMessage(code: HubErrorCode): string {
  return HUB_ERRORS[code].message;
}

/** The GraphQL-shaped body a non-GraphQL answer carries: `{ errors: [{ message, extensions: { code } }] }`. */
export function errorBody(code: HubErrorCode, message: string = errorMessage(code)) {
  return { errors: [{ message, extensions: { code } }] };
}

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
  return hubError('AUDIT_UNAVAILABLE', errorMessage('AUDIT_UNAVAILABLE'));
}

/** Retry-After (seconds) with NOT_READY: long enough not to hammer a loading hub, short enough to notice it is up. */
export const NOT_READY_RETRY_AFTER_SECONDS = 5;

/** The one NOT_FOUND every missing or hidden child gets, so the two cannot be told apart. */
export function childNotFound(): GraphQLError {
  return hubError('NOT_FOUND', errorMessage('NOT_FOUND'));
}
