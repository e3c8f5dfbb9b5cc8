/**
 * The embedded development signing key: one ES256 key pair kept in a JSON file, so the running
 * hub and `npm run token` agree. Created on first use; never overwritten once it exists (see
 * config/secretFile.ts).
 */
import { randomUUID } from 'node:crypto';
import {
  SignJWT,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';
import { readOrCreateSecretFile } from '../../platform/config/secretFile.ts';
import type { Role } from './types.ts';

export const LOCAL_KEY_ALGORITHM = 'ES256';
export const DEFAULT_LOCAL_KEY_FILE = '.tmp/dev-signing-key.json';
/** Issuer and audience the local mode and `npm run token` use unless configured otherwise. */
export const DEFAULT_LOCAL_ISSUER = 'urn:svoc-hub:local-dev';
export const DEFAULT_AUDIENCE = 'urn:svoc-hub';

/** Where the key lives: AUTH_LOCAL_KEY_FILE, else the default path under the working directory. */
export function localKeyFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.AUTH_LOCAL_KEY_FILE || DEFAULT_LOCAL_KEY_FILE;
}

interface KeyFileContents {
  alg: typeof LOCAL_KEY_ALGORITHM;
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export interface LocalSigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public half as served from a JWKS endpoint (kid, alg and use set). */
  publicJwk: JWK;
}

async function generate(): Promise<KeyFileContents> {
  const { privateKey, publicKey } = await generateKeyPair(LOCAL_KEY_ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const stamp = { kid, alg: LOCAL_KEY_ALGORITHM, use: 'sig' };
  return {
    alg: LOCAL_KEY_ALGORITHM,
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), ...stamp },
    publicJwk: { ...publicJwk, ...stamp },
  };
}

function parseKeyFile(text: string, path: string): KeyFileContents {
  const parsed = JSON.parse(text) as Partial<KeyFileContents>;
  if (parsed.alg !== LOCAL_KEY_ALGORITHM || !parsed.kid || !parsed.privateJwk || !parsed.publicJwk) {
    throw new Error(`Signing key file ${path} is not an ${LOCAL_KEY_ALGORITHM} key file written by the hub`);
  }
  return parsed as KeyFileContents;
}

async function readOrCreate(path: string): Promise<KeyFileContents> {
  const text = await readOrCreateSecretFile(
    path,
    async () => JSON.stringify(await generate(), null, 2) + '\n',
  );
  return parseKeyFile(text, path);
}

async function importContents(contents: KeyFileContents): Promise<LocalSigningKey> {
  const privateKey = (await importJWK(contents.privateJwk, LOCAL_KEY_ALGORITHM)) as CryptoKey;
  const publicKey = (await importJWK(contents.publicJwk, LOCAL_KEY_ALGORITHM)) as CryptoKey;
  return { kid: contents.kid, privateKey, publicKey, publicJwk: contents.publicJwk };
}

/** Loads the key from `keyFile`, creating it if absent; without a file, an ephemeral key. */
export async function loadLocalSigningKey(keyFile?: string): Promise<LocalSigningKey> {
  return importContents(keyFile ? await readOrCreate(keyFile) : await generate());
}

export interface TokenClaims {
  userId: string;
  roles: readonly Role[];
  name?: string;
  teamId?: string | null;
  workerId?: string | null;
}

export interface MintOptions {
  issuer: string;
  audience: string;
  /** Lifetime in seconds. */
  ttlSeconds: number;
  /** Seconds since the epoch; defaults to now. */
  issuedAt?: number;
}

/** Signs a token carrying the claims the hub reads (sub, roles, team, worker, name). */
export async function mintToken(
  key: LocalSigningKey,
  claims: TokenClaims,
  options: MintOptions,
): Promise<string> {
  const issuedAt = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = { roles: [...claims.roles] };
  if (claims.name) payload.name = claims.name;
  if (claims.teamId) payload.team = claims.teamId;
  if (claims.workerId) payload.worker = claims.workerId;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: LOCAL_KEY_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + options.ttlSeconds)
    .setJti(randomUUID())
    .sign(key.privateKey);
}

const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Parses "8h", "30m", "90s", "1d" or a bare number of seconds. */
export function parseTtl(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * (TTL_UNITS[match[2] || 's'] ?? 1) : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new Error(`Invalid TTL "${text}": use a positive number with s, m, h or d (e.g. 8h)`);
  }
  return seconds;
}
