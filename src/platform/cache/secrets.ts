/**
 * Turns a configured secret into 32 bytes of key material, once, at start-up.
 *
 * Two forms are accepted:
 * - `base64:<value>` or `hex:<value>` that decodes to exactly 32 random bytes
 *   (generate one with `openssl rand -base64 32`);
 * - any other string of at least 32 characters, taken as high-entropy key material.
 * Either way the key is HKDF-SHA256(secret, purpose label): the same secret configured for two
 * purposes (sealing, key names) still yields unrelated keys, so AES and HMAC never share one.
 * HKDF is not a password hash: a short or guessable passphrase is refused rather than stretched.
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import { readOrCreateSecretFile } from '../config/secretFile.ts';

export const KEY_BYTES = 32;
const MIN_SECRET_CHARS = 32;
const HKDF_SALT = Buffer.from('svoc-hub/cache/v1', 'utf8');

export class CacheConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CacheConfigError';
  }
}

/**
 * @param secret the configured secret (never logged or echoed in errors)
 * @param purpose a fixed label separating uses of the same secret, e.g. `seal:k2024`
 * @param label what the secret is, for error messages (e.g. `cache sealing key "k2024"`)
 */
export function deriveKeyMaterial(secret: string, purpose: string, label: string): Buffer {
  let material = decodeRawKey(secret, label);
  if (!material) {
    if (secret.length < MIN_SECRET_CHARS) {
      throw new CacheConfigError(
        `${label}: must be at least ${MIN_SECRET_CHARS} characters, or base64:/hex: encoding exactly ${KEY_BYTES} bytes`,
      );
    }
    material = Buffer.from(secret, 'utf8');
  }
  return Buffer.from(hkdfSync('sha256', material, HKDF_SALT, purpose, KEY_BYTES));
}

function decodeRawKey(secret: string, label: string): Buffer | undefined {
  let bytes: Buffer;
  if (secret.startsWith('base64:')) {
    bytes = Buffer.from(secret.slice('base64:'.length), 'base64');
  } else if (secret.startsWith('hex:')) {
    const hex = secret.slice('hex:'.length);
    if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex))
      throw new CacheConfigError(`${label}: hex: value is not valid hex`);
    bytes = Buffer.from(hex, 'hex');
  } else {
    return undefined;
  }
  if (bytes.length !== KEY_BYTES) {
    throw new CacheConfigError(`${label}: decodes to ${bytes.length} bytes, expected ${KEY_BYTES}`);
  }
  return bytes;
}

const DEVELOPMENT_KEY_ID = /^dev-[0-9a-f]{8}$/;

/**
 * The sealing key outside production, when CACHE_KEYS is not set: 32 random bytes generated on
 * first start and kept in `path` (beside the development signing key), so restarts and local
 * instances sharing a Redis keep reading what they sealed, and no key is ever written in the source.
 * The id is random too: entries sealed under an earlier, deleted key are unknown-key misses.
 */
export async function loadDevelopmentSealingKey(path: string): Promise<{ id: string; secret: string }> {
  const text = await readOrCreateSecretFile(
    path,
    async () =>
      JSON.stringify({
        id: `dev-${randomBytes(4).toString('hex')}`,
        secret: `base64:${randomBytes(KEY_BYTES).toString('base64')}`,
      }) + '\n',
  );
  let parsed: { id?: unknown; secret?: unknown } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // Reported below with the file's name.
  }
  if (
    typeof parsed.id !== 'string' ||
    !DEVELOPMENT_KEY_ID.test(parsed.id) ||
    typeof parsed.secret !== 'string'
  ) {
    throw new CacheConfigError(`Development cache key file ${path} is not one the hub wrote`);
  }
  deriveKeyMaterial(parsed.secret, 'check', `development cache key in ${path}`);
  return { id: parsed.id, secret: parsed.secret };
}
