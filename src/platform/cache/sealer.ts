/**
 * Seals cache values with AES-256-GCM so nothing readable about a child rests in Redis.
 *
 * Layout of a sealed value (format version 1):
 *
 *   [0]        format version (1)
 *   [1]        key id length L (1..32)
 *   [2..2+L)   key id, ASCII
 *   next 12    random IV
 *   ...        ciphertext
 *   last 16    GCM authentication tag
 *
 * The header and the cache key are bound as additional authenticated data, so a value copied
 * under another key, or with its header edited, fails authentication. Keys are derived once at
 * construction (see secrets.ts); `current` seals new writes, every configured key still opens,
 * which is how rotation works: add the new key, make it current, drop the old one after the
 * longest TTL has passed. A value that cannot be opened is reported, never thrown: for a cache,
 * unreadable is a miss.
 */
import { createCipheriv, createDecipheriv, createSecretKey, randomFillSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { CacheConfigError, deriveKeyMaterial } from './secrets.ts';

export const SEAL_FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,32}$/;

export interface SealingKeyConfig {
  /** Short public name written into each value's header, e.g. `2025-06`. */
  id: string;
  /** See secrets.ts for the accepted forms. */
  secret: string;
}

export interface SealerOptions {
  keys: readonly SealingKeyConfig[];
  /** The id of the key that seals new writes. */
  current: string;
}

/** Why a value could not be opened. Each is treated as a miss by the cache. */
export type OpenFailure = 'bad-header' | 'unknown-key' | 'auth-failed';

export interface Sealer {
  readonly currentKeyId: string;
  /** Encrypts `plaintext` bound to `cacheKey`. */
  seal(cacheKey: string, plaintext: Buffer): Buffer;
  /** The plaintext, or why it could not be opened (never throws for bad input). */
  open(cacheKey: string, sealed: Buffer): Buffer | OpenFailure;
}

interface PreparedKey {
  key: KeyObject;
  /** Version byte, id length and id: written before every value sealed with this key. */
  header: Buffer;
}

/**
 * Random IVs drawn from a pool filled 4 KiB at a time: one randomFillSync per seal was a visible
 * share of a cold request's CPU. Each IV is still fresh CSPRNG output, used once.
 */
const IV_POOL_BYTES = 4096;
let ivPool = Buffer.alloc(0);
let ivPoolAt = IV_POOL_BYTES;
function nextIv(out: Buffer, at: number): void {
  if (ivPoolAt + IV_BYTES > ivPool.length) {
    ivPool = randomFillSync(Buffer.allocUnsafe(IV_POOL_BYTES));
    ivPoolAt = 0;
  }
  ivPool.copy(out, at, ivPoolAt, ivPoolAt + IV_BYTES);
  ivPoolAt += IV_BYTES;
}

/**
 * The additional authenticated data, header then cache key, in one buffer: one setAAD call instead
 * of two and no buffer per call for the key (GCM authenticates consecutive AAD as one string, so
 * the sealed bytes are the same as with a call for each). The scratch buffer is reused: setAAD has
 * consumed it before it returns.
 */
let aadScratch = Buffer.allocUnsafe(256);
function associatedData(source: Buffer, from: number, to: number, cacheKey: string): Buffer {
  const headerLength = to - from;
  const needed = headerLength + Buffer.byteLength(cacheKey, 'utf8');
  if (needed > aadScratch.length) aadScratch = Buffer.allocUnsafe(Math.max(needed, aadScratch.length * 2));
  source.copy(aadScratch, 0, from, to);
  aadScratch.write(cacheKey, headerLength, 'utf8');
  return aadScratch.subarray(0, needed);
}

export function createSealer(options: SealerOptions): Sealer {
  const prepared = new Map<string, PreparedKey>();
  for (const { id, secret } of options.keys) {
    if (!KEY_ID_PATTERN.test(id)) {
      throw new CacheConfigError(`cache sealing key id must match ${KEY_ID_PATTERN.source}`);
    }
    if (prepared.has(id)) throw new CacheConfigError(`cache sealing key id "${id}" is configured twice`);
    const material = deriveKeyMaterial(secret, `seal:${id}`, `cache sealing key "${id}"`);
    const header = Buffer.alloc(2 + id.length);
    header[0] = SEAL_FORMAT_VERSION;
    header[1] = id.length;
    header.write(id, 2, 'ascii');
    prepared.set(id, { key: createSecretKey(material), header });
  }
  const current = prepared.get(options.current);
  if (!current)
    throw new CacheConfigError(`cache sealing key "${options.current}" (current) is not configured`);

  return {
    currentKeyId: options.current,

    seal(cacheKey, plaintext) {
      const { key, header } = current;
      const ivAt = header.length;
      const bodyAt = ivAt + IV_BYTES;
      const out = Buffer.allocUnsafe(bodyAt + plaintext.length + TAG_BYTES);
      header.copy(out, 0);
      nextIv(out, ivAt);
      const cipher = createCipheriv('aes-256-gcm', key, out.subarray(ivAt, bodyAt));
      cipher.setAAD(associatedData(header, 0, header.length, cacheKey));
      const body = cipher.update(plaintext);
      body.copy(out, bodyAt);
      // GCM is a stream mode: final() yields no bytes, it only computes the tag.
      cipher.final();
      cipher.getAuthTag().copy(out, bodyAt + body.length);
      return out;
    },

    open(cacheKey, sealed) {
      if (sealed.length < 2 || sealed[0] !== SEAL_FORMAT_VERSION) return 'bad-header';
      const idLength = sealed[1] ?? 0;
      const ivAt = 2 + idLength;
      const bodyAt = ivAt + IV_BYTES;
      if (idLength === 0 || sealed.length < bodyAt + TAG_BYTES) return 'bad-header';
      const entry = prepared.get(sealed.toString('ascii', 2, ivAt));
      if (!entry) return 'unknown-key';
      const tagAt = sealed.length - TAG_BYTES;
      try {
        const decipher = createDecipheriv('aes-256-gcm', entry.key, sealed.subarray(ivAt, bodyAt));
        decipher.setAAD(associatedData(sealed, 0, ivAt, cacheKey));
        decipher.setAuthTag(sealed.subarray(tagAt));
        const plain = decipher.update(sealed.subarray(bodyAt, tagAt));
        decipher.final();
        return plain;
      } catch {
        return 'auth-failed';
      }
    },
  };
}

/**
 * For a store that lives in this process (the in-memory store): values are kept as encoded, not
 * encrypted. They never leave the process, whose near-cache holds the same records decoded anyway,
 * and sealing every write-back cost about 4% of a cold view's CPU.
 */
export const inProcessSealer: Sealer = {
  currentKeyId: 'in-process',
  seal: (_cacheKey, plaintext) => plaintext,
  open: (_cacheKey, stored) => stored,
};
