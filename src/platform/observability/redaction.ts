/**
 * Scrubbing of children's data from anything the hub logs. Two layers, because neither alone is enough:
 *
 * 1. By key, at any depth: values under keys that hold identity or secrets (names, dates of birth, NHS
 *    numbers, UPNs, postcodes, addresses, tokens, GraphQL `variables`) become "[REDACTED]". Keys are
 *    compared case- and separator-insensitively (`nhs_number`, `nhsNumber`, `NHS-Number` are one key).
 * 2. By shape, in every remaining string (including the log message): NHS-number-like digit runs, UPNs,
 *    UK postcodes, bearer tokens and JWTs are replaced. GraphQL documents logged under `query` also lose
 *    their string literals, where a searched-for name or date would sit.
 *
 * Errors found anywhere are reduced to `safeError` form (name, code, system): messages of upstream and
 * library errors routinely quote the request that failed.
 */

export const REDACTED = '[REDACTED]';

const SENSITIVE_KEYS = new Set(
  [
    // secrets
    'authorization',
    'proxyAuthorization',
    'cookie',
    'setCookie',
    'token',
    'accessToken',
    'refreshToken',
    'idToken',
    'bearer',
    'password',
    'secret',
    'clientSecret',
    'apiKey',
    'xApiKey',
    'cacheKey',
    // request payloads that carry identifiers
    'variables',
    // identity of a child (or anyone else)
    'name',
    'names',
    'firstName',
    'forename',
    'forenames',
    'givenName',
    'middleName',
    'lastName',
    'surname',
    'familyName',
    'fullName',
    'preferredName',
    'formerName',
    'displayName',
    'dob',
    'dateOfBirth',
    'birthDate',
    'expectedDateOfBirth',
    'nhsNumber',
    'nhs',
    'upn',
    'formerUpn',
    'uln',
    'niNumber',
    'postcode',
    'postCode',
    'address',
    'addresses',
    'addressLine1',
    'addressLine2',
    'street',
    'email',
    'phone',
    'telephone',
    'mobile',
  ].map(normaliseKey),
);

function normaliseKey(key: string): string {
  return key.replace(/[-_\s]/g, '').toLowerCase();
}

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEYS.has(normaliseKey(key));
}

const TEXT_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // Bearer credentials and JWTs (three base64url segments).
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, `Bearer ${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
  // NHS numbers: ten digits, optionally spaced 3-3-4.
  [/(?<![\dA-Za-z])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\dA-Za-z])/g, REDACTED],
  // UPNs: a letter and twelve digits, or a temporary UPN ending in a letter.
  [/(?<![A-Za-z0-9])[A-Za-z]\d{11}[A-Za-z0-9](?![A-Za-z0-9])/g, REDACTED],
  // UK postcodes (outward and inward codes).
  [/\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b/gi, REDACTED],
];

/** Replaces identifier-shaped text: for free text whose keys say nothing. */
export function scrubText(text: string): string {
  let scrubbed = text;
  for (const [pattern, replacement] of TEXT_PATTERNS) scrubbed = scrubbed.replace(pattern, replacement);
  return scrubbed;
}

/** Removes the string literals (and block strings) of a GraphQL document; the shape of the query stays. */
export function scrubGraphqlDocument(document: string): string {
  return scrubText(
    document.replace(/"""[\s\S]*?"""/g, `"${REDACTED}"`).replace(/"(?:[^"\\\n]|\\.)*"/g, `"${REDACTED}"`),
  );
}

export interface SafeError {
  name: string;
  code?: string | number;
  system?: string;
}

const safeErrors = new WeakSet<object>();

/** Keeps only what identifies the kind of failure: never the message, stack, cause or request. */
export function safeError(error: unknown): SafeError {
  if (typeof error === 'object' && error !== null && safeErrors.has(error)) return error as SafeError;
  const source = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const extensions = (
    typeof source.extensions === 'object' && source.extensions !== null ? source.extensions : {}
  ) as Record<string, unknown>;
  const name = typeof source.name === 'string' ? source.name : typeof error;
  const code = source.code ?? extensions.code;
  const system = source.system ?? extensions.system;
  const safe: SafeError = {
    name: scrubText(name),
    ...(typeof code === 'string' || typeof code === 'number'
      ? { code: typeof code === 'string' ? scrubText(code) : code }
      : {}),
    ...(typeof system === 'string' ? { system: scrubText(system) } : {}),
  };
  safeErrors.add(safe);
  return safe;
}

function isErrorLike(value: object): boolean {
  return (
    value instanceof Error || (typeof (value as { stack?: unknown }).stack === 'string' && 'message' in value)
  );
}

const MAX_DEPTH = 8;

/** Deep copy of `value` with sensitive keys, identifier-shaped text and error details removed. */
export function scrubValue(value: unknown, key?: string, depth = 0): unknown {
  if (key !== undefined && isSensitiveKey(key)) return REDACTED;
  if (typeof value === 'string') return key === 'query' ? scrubGraphqlDocument(value) : scrubText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (safeErrors.has(value)) return value;
  if (isErrorLike(value)) return safeError(value);
  if (depth >= MAX_DEPTH) return '[Truncated]';
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, undefined, depth + 1));
  if (value instanceof Date) return value.toISOString();
  const scrubbed: Record<string, unknown> = {};
  for (const [childKey, childValue] of Object.entries(value)) {
    scrubbed[childKey] = scrubValue(childValue, childKey, depth + 1);
  }
  return scrubbed;
}
