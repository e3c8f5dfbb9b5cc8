/**
 * Error masking for Apollo's `formatError`: what leaves the hub is a message and a code the client can act
 * on, never internals (stack traces, upstream URLs, SQL, exception names) and never echoes of the request's
 * values, which for this hub are children's identifiers.
 *
 * - known codes keep `message`, `locations`, `path`, `extensions.code`, `extensions.system` and
 *   `extensions.retryAfter` (seconds, a number) only;
 * - anything else becomes `{ message: 'Internal server error', extensions: { code: 'INTERNAL' } }`;
 * - graphql's "Did you mean …?" suggestions are dropped (they map the schema for an attacker);
 * - values graphql echoes into messages ("got invalid value …", "cannot represent …: …", "found …") are
 *   cut, because a mistyped NHS number or name would otherwise be sent back and logged;
 * - graphql's own limits (token limit while parsing, introspection depth) are re-coded QUERY_TOO_COMPLEX.
 */
import type { GraphQLFormattedError } from 'graphql';

import { QUERY_TOO_COMPLEX } from './errors.ts';
import { CLIENT_SAFE_ERROR_CODES } from '../../platform/errors.ts';

export const INTERNAL_ERROR: GraphQLFormattedError = Object.freeze({
  message: 'Internal server error',
  extensions: Object.freeze({ code: 'INTERNAL' }),
});

/** graphql-js's own limits, recognised by message since graphql gives them no code. */
const BUILT_IN_LIMITS: ReadonlyArray<{ pattern: RegExp; message: (match: RegExpMatchArray) => string }> = [
  {
    // graphql 16 spells it "more that"; accept both so a fix upstream does not unmask the limit.
    pattern: /Document contains more tha[nt] (\d+) tokens/,
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

/**
 * The code to trust: Apollo re-codes every validation error GRAPHQL_VALIDATION_FAILED, keeping the rule's
 * own error as `originalError`, so a limit reported by a validation rule is recovered from there.
 */
function effectiveCode(formatted: GraphQLFormattedError, error: unknown): string | undefined {
  const original = (error as { originalError?: { extensions?: { code?: unknown } } } | null)?.originalError;
  if (original?.extensions?.code === QUERY_TOO_COMPLEX) return QUERY_TOO_COMPLEX;
  return codeOf(formatted);
}

function position(formatted: GraphQLFormattedError): Pick<GraphQLFormattedError, 'locations' | 'path'> {
  return {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
}

/** Masks one formatted error; `error` is the original Apollo passes beside it (used only to read codes). */
export function maskError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  for (const { pattern, message } of BUILT_IN_LIMITS) {
    const match = formatted.message.match(pattern);
    if (match) return { message: message(match), extensions: { code: QUERY_TOO_COMPLEX } };
  }
  const code = effectiveCode(formatted, error);
  // Path and locations name schema fields and document positions only; they tell the client which branch failed.
  if (code === undefined || !CLIENT_SAFE_ERROR_CODES.has(code))
    return { ...INTERNAL_ERROR, ...position(formatted) };
  const system = formatted.extensions?.system;
  const retryAfter = formatted.extensions?.retryAfter;
  return {
    message: stripEchoedValues(stripSuggestions(formatted.message)),
    ...position(formatted),
    extensions: {
      code,
      ...(typeof system === 'string' ? { system } : {}),
      ...(typeof retryAfter === 'number' ? { retryAfter } : {}),
    },
  };
}

/** Apollo `formatError`: `(formattedError, originalError) => formattedError`. */
export function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  return maskError(formatted, error);
}
