/**
 * Bearer-token authentication: turns an Authorization header into a Viewer or an AuthError.
 *
 * Two key sources:
 *   jwks   the council's identity provider publishes its keys at a JWKS URL (fetched lazily,
 *          cached, re-fetched on an unknown kid with a cooldown: jose's createRemoteJWKSet)
 *   local  the embedded default for development and the benchmark: an ES256 key pair generated
 *          at start-up or shared through a key file with `npm run token`
 *
 * Hot path: a verified token is remembered by its full string until it expires (bounded LRU,
 * and never longer than `maxCacheSeconds` so a revoked signing key stops working promptly).
 * A cache hit costs one Map lookup instead of an ECDSA verification.
 */
import {
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type CryptoKey,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { AuthError } from './errors.ts';
import { ExpiringLru } from './expiringLru.ts';
import { LOCAL_KEY_ALGORITHM, loadLocalSigningKey } from './localKey.ts';
import { isRole, type Viewer } from './types.ts';

export type AuthenticatorSettings = JwksSettings | LocalSettings;

interface CommonSettings {
  issuer: string;
  audience: string;
  /** Allowed clock skew between the issuer and the hub. Default 5 s. */
  clockToleranceSeconds?: number;
  /** How many verified tokens to remember. Default 10,000. */
  cacheSize?: number;
  /** Upper bound on how long a verified token is trusted without re-verification. Default 300 s. */
  maxCacheSeconds?: number;
  /**
   * Longest lifetime accepted: exp − iat, or exp − now when iat is absent. A long-lived token
   * outlives the leaver process and the role changes it should follow. Default 12 hours.
   */
  maxLifetimeSeconds?: number;
  /** Injected clock (ms), for tests. */
  now?: () => number;
}

export interface JwksSettings extends CommonSettings {
  mode: 'jwks';
  jwksUrl: string;
  /** Signature algorithms accepted from the identity provider. Default RS256 and ES256. */
  algorithms?: string[];
}

export interface LocalSettings extends CommonSettings {
  mode: 'local';
  /** Persist the key pair here (created if absent). Without it the key lives only in memory. */
  keyFile?: string;
}

export interface Authenticator {
  readonly mode: 'jwks' | 'local';
  /** Resolves the viewer for a raw Authorization header value; rejects with AuthError. */
  authenticate(authorizationHeader: string | null | undefined): Promise<Viewer>;
  /** Local mode only: the public keys, in the shape a /.well-known/jwks.json route would serve. */
  readonly publicJwks: { keys: JWK[] } | null;
}

export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;
const COMPACT_JWS = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** Extracts the token; the header is never quoted back in an error. */
function bearerToken(header: string | null | undefined): string {
  if (header == null || header.trim() === '') throw new AuthError('MISSING');
  const match = BEARER.exec(header);
  const token = match?.[1];
  if (!token || !COMPACT_JWS.test(token)) throw new AuthError('MALFORMED');
  return token;
}

function optionalString(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value === '') throw new AuthError('INVALID_CLAIMS');
  return value;
}

function viewerFrom(payload: JWTPayload): Viewer {
  const { sub, roles, name } = payload;
  if (typeof sub !== 'string' || sub === '') throw new AuthError('INVALID_CLAIMS');
  if (!Array.isArray(roles)) throw new AuthError('INVALID_CLAIMS');
  const viewer: Viewer = {
    userId: sub,
    // Roles of other applications may share the token; only the hub's own count.
    roles: [...new Set(roles.filter(isRole))],
    teamId: optionalString(payload.team),
    workerId: optionalString(payload.worker),
  };
  if (typeof name === 'string' && name !== '') viewer.name = name;
  return Object.freeze(viewer);
}

function toAuthError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTExpired) return new AuthError('EXPIRED');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new AuthError('WRONG_ISSUER');
    if (error.claim === 'aud') return new AuthError('WRONG_AUDIENCE');
    return new AuthError('INVALID_CLAIMS');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new AuthError('BAD_SIGNATURE');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new AuthError('BAD_SIGNATURE');
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return new AuthError('KEYS_UNAVAILABLE');
  }
  if (error instanceof errors.JOSEError) return new AuthError('MALFORMED');
  // Anything else is the key fetch failing (network, DNS): the token may well be fine.
  return new AuthError('KEYS_UNAVAILABLE');
}

export async function createAuthenticator(settings: AuthenticatorSettings): Promise<Authenticator> {
  const now = settings.now ?? Date.now;
  const clockTolerance = settings.clockToleranceSeconds ?? 5;
  const maxCacheMs = (settings.maxCacheSeconds ?? 300) * 1000;
  const maxLifetimeSeconds = settings.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const verified = new ExpiringLru<Viewer>(settings.cacheSize ?? 10_000, now);
  // The same new token often arrives on many connections at once: verify it once, not per request.
  const inFlight = new Map<string, Promise<Viewer>>();

  let key: JWTVerifyGetKey | CryptoKey;
  let algorithms: string[];
  let publicJwks: { keys: JWK[] } | null = null;
  if (settings.mode === 'jwks') {
    key = createRemoteJWKSet(new URL(settings.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
    algorithms = settings.algorithms ?? ['RS256', 'ES256'];
  } else {
    // Imported once at start-up: verification then reuses the CryptoKey.
    const local = await loadLocalSigningKey(settings.keyFile);
    key = local.publicKey;
    algorithms = [LOCAL_KEY_ALGORITHM];
    publicJwks = { keys: [local.publicJwk] };
  }

  async function verify(token: string): Promise<Viewer> {
    try {
      const { payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms,
        clockTolerance,
        requiredClaims: ['exp', 'sub'],
        currentDate: new Date(now()),
      });
      const expiresAtSeconds = payload.exp as number;
      const issuedAt = typeof payload.iat === 'number' ? payload.iat : now() / 1000;
      if (expiresAtSeconds - issuedAt > maxLifetimeSeconds) throw new AuthError('LIFETIME_TOO_LONG');
      const viewer = viewerFrom(payload);
      const expiresAt = Math.min((payload.exp as number) * 1000, now() + maxCacheMs);
      verified.set(token, viewer, expiresAt);
      return viewer;
    } catch (error) {
      throw toAuthError(error);
    }
  }

  return {
    mode: settings.mode,
    publicJwks,
    async authenticate(header) {
      const token = bearerToken(header);
      const cached = verified.get(token);
      if (cached) return cached;
      let pending = inFlight.get(token);
      if (!pending) {
        pending = verify(token).finally(() => inFlight.delete(token));
        inFlight.set(token, pending);
      }
      return pending;
    },
  };
}
