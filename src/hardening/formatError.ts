/**
 * Error masking for Apollo's `formatError`: what leaves the hub is a message and a code the client can act
 * on, never internals (stack traces, upstream URLs, SQL, exception names) and never echoes of the request's
 * values, which for this hub are children's identifiers.
 *
 * - known codes keep `message`, `locations`, `path`, `extensions.code` and `extensions.system` only;
 * - anything else becomes `{ message: 'Internal server error', extensions: { code: 'INTERNAL' } }`;
 * - graphql's "Did you mean …?" suggestions are dropped (they map the schema for an attacker);
 * - values graphql echoes into messages ("got invalid value …", "cannot represent …: …", "found …") are
 *   cut, because a mistyped NHS number or name would otherwise be sent back and logged;
 * - graphql's own limits (token limit while parsing, introspection depth) are re-coded QUERY_TOO_COMPLEX.
 */
import type { GraphQLFormattedError } from 'graphql';

import { QUERY_TOO_COMPLEX } from './errors.ts';

/** Codes whose messages are written for clients: the hub's own and Apollo's request-shape errors. */
export const CLIENT_SAFE_ERROR_CODES: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);

export const INTERNAL_ERROR: GraphQLFormattedError = Object.freeze({
  message: 'Internal server error',
  extensions: Object.freeze({ code: 'INTERNAL' }),
});

/** graphql-js's own limits, recognised by message since graphql gives them no code. */
const BUILT_IN_LIMITS: ReadonlyArray<{ pattern: RegExp; message: (match: RegExpMatchArray) => string }> = [
  {
    pattern: /Document contains more than (\d+) tokens/,
    message: (match) => `Document contains more than ${match[1]} tokens; parsing was stopped.`,
  },
  {
    pattern: /^Maximum introspection depth exceeded/,
    message: () => 'Maximum introspection depth exceeded.',
  },
];

/** Removes graphql's "Did you mean …?" suggestion sentences. */
export function stripSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '').trim();
}

/** Cuts request values graphql quotes back into validation and coercion messages. */
export function stripEchoedValues(message: string): string {
  return message
    .replace(/(Variable "\$[^"]+" got invalid value) .*?(?=( at "|; |$))/, '$1')
    .replace(/(cannot represent [^:;]*?value)\s*:.*?(?=;|$)/g, '$1')
    .replace(/(Expected value of type "[^"]+", found) .*?(?=; |\.$|$)/g, '$1 an invalid value')
    .replace(/(Expected type "[^"]+"), found .*?(?=; |\.$|$)/g, '$1');
}

function codeOf(error: GraphQLFormattedError): string | undefined {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  for (const { pattern, message } of BUILT_IN_LIMITS) {
    const match = formatted.message.match(pattern);
    if (match) return { message: message(match), extensions: { code: QUERY_TOO_COMPLEX } };
  }
  const code = codeOf(formatted);
  if (code === undefined || !CLIENT_SAFE_ERROR_CODES.has(code)) return INTERNAL_ERROR;
  const system = formatted.extensions?.system;
  return {
    message: stripEchoedValues(stripSuggestions(formatted.message)),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code, ...(typeof system === 'string' ? { system } : {}) },
  };
}

/** Apollo `formatError` signature; the original error is deliberately ignored. */
export function formatError(formatted: GraphQLFormattedError, _error?: unknown): GraphQLFormattedError {
  return maskError(formatted);
}
