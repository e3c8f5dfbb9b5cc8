/**
 * Errors the access layer raises. Messages are fixed phrases: they never carry the token, the
 * claims, a justification text or anything about a child, so they are safe to log and return.
 */

export type AuthFailureReason =
  | 'MISSING'
  | 'MALFORMED'
  | 'EXPIRED'
  | 'BAD_SIGNATURE'
  | 'WRONG_ISSUER'
  | 'WRONG_AUDIENCE'
  | 'INVALID_CLAIMS'
  /** exp − iat (or exp − now without iat) is longer than the hub accepts. */
  | 'LIFETIME_TOO_LONG'
  /** The signing keys could not be fetched (JWKS endpoint down): not the caller's fault. */
  | 'KEYS_UNAVAILABLE';

const AUTH_MESSAGES: Record<AuthFailureReason, string> = {
  MISSING: 'Authentication required: send an Authorization: Bearer token',
  MALFORMED: 'The bearer token is malformed',
  EXPIRED: 'The bearer token has expired',
  BAD_SIGNATURE: 'The bearer token signature is not valid',
  WRONG_ISSUER: 'The bearer token was issued by an untrusted issuer',
  WRONG_AUDIENCE: 'The bearer token is not intended for this service',
  INVALID_CLAIMS: 'The bearer token claims are not acceptable',
  LIFETIME_TOO_LONG: 'The bearer token lives longer than this service accepts',
  KEYS_UNAVAILABLE: 'The token signing keys are unavailable; try again shortly',
};

export class AuthError extends Error {
  readonly code = 'UNAUTHENTICATED' as const;
  readonly reason: AuthFailureReason;
  constructor(reason: AuthFailureReason) {
    super(AUTH_MESSAGES[reason]);
    this.name = 'AuthError';
    this.reason = reason;
  }
}

export type BreakGlassProblem =
  'UNKNOWN_REASON_CODE' | 'JUSTIFICATION_NOT_TEXT' | 'JUSTIFICATION_TOO_SHORT' | 'JUSTIFICATION_TOO_LONG';

const BREAK_GLASS_MESSAGES: Record<BreakGlassProblem, string> = {
  UNKNOWN_REASON_CODE: 'Break-glass reason code is not one of the accepted codes',
  JUSTIFICATION_NOT_TEXT: 'Break-glass justification must be text',
  JUSTIFICATION_TOO_SHORT: 'Break-glass needs a justification of at least 10 characters besides spaces',
  JUSTIFICATION_TOO_LONG: 'Break-glass justification is too long (at most 500 characters)',
};

/** A break-glass request that cannot be accepted; the caller answers BAD_USER_INPUT. */
export class BreakGlassError extends Error {
  readonly code = 'BAD_USER_INPUT' as const;
  readonly problem: BreakGlassProblem;
  constructor(problem: BreakGlassProblem) {
    super(BREAK_GLASS_MESSAGES[problem]);
    this.name = 'BreakGlassError';
    this.problem = problem;
  }
}

/** A stated purpose that cannot be recorded; the caller answers BAD_USER_INPUT. */
export class PurposeError extends Error {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor() {
    super('The stated purpose is too long (at most 500 characters)');
    this.name = 'PurposeError';
  }
}
