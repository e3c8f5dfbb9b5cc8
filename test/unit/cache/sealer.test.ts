import { createCipheriv, createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSealer, inProcessSealer } from '../../../src/platform/cache/sealer.ts';
import { CacheConfigError, deriveKeyMaterial } from '../../../src/platform/cache/secrets.ts';
import { SEAL_SECRET_A, SEAL_SECRET_B, testSealer } from './fixtures.ts';

const KEY = 'svoc:v1:{lcs:person:3}:digest';
const PLAIN = Buffer.from('{"f":1,"v":{"forename":"Amelia","dateOfBirth":"2016-04-02"}}');

describe('sealer', () => {
  it('opens what it sealed, and the sealed bytes do not contain the plaintext', () => {
    const sealer = testSealer();
    const sealed = sealer.seal(KEY, PLAIN);
    expect(sealed.includes(Buffer.from('Amelia'))).toBe(false);
    expect(sealed.includes(Buffer.from('2016-04-02'))).toBe(false);
    expect(sealer.open(KEY, sealed)).toEqual(PLAIN);
  });

  it('uses a fresh IV each time, so equal values seal differently', () => {
    const sealer = testSealer();
    expect(sealer.seal(KEY, PLAIN).equals(sealer.seal(KEY, PLAIN))).toBe(false);
  });

  it('reports a flipped ciphertext or tag bit as an authentication failure, without throwing', () => {
    const sealer = testSealer();
    const sealed = sealer.seal(KEY, PLAIN);
    for (const at of [sealed.length - 1, sealed.length - 20, 2 + 1 + 12]) {
      const tampered = Buffer.from(sealed);
      tampered[at] = (tampered[at] ?? 0) ^ 1;
      expect(sealer.open(KEY, tampered)).toBe('auth-failed');
    }
  });

  it('refuses a value copied under another cache key (the key is bound as AAD)', () => {
    const sealer = testSealer();
    const sealed = sealer.seal(KEY, PLAIN);
    expect(sealer.open('svoc:v1:{lcs:person:3}:another', sealed)).toBe('auth-failed');
  });

  it('reports bad headers and unknown key ids as such', () => {
    const sealer = testSealer();
    const sealed = sealer.seal(KEY, PLAIN);
    expect(sealer.open(KEY, Buffer.alloc(0))).toBe('bad-header');
    expect(sealer.open(KEY, Buffer.from([9, ...sealed.subarray(1)]))).toBe('bad-header');
    expect(sealer.open(KEY, sealed.subarray(0, 10))).toBe('bad-header');
    const other = createSealer({ keys: [{ id: 'b', secret: SEAL_SECRET_B }], current: 'b' });
    expect(other.open(KEY, sealed)).toBe('unknown-key');
  });

  it('after rotation seals with the current key and still opens values sealed with the old one', () => {
    const before = createSealer({ keys: [{ id: 'a', secret: SEAL_SECRET_A }], current: 'a' });
    const after = createSealer({
      keys: [
        { id: 'a', secret: SEAL_SECRET_A },
        { id: 'b', secret: SEAL_SECRET_B },
      ],
      current: 'b',
    });
    const old = before.seal(KEY, PLAIN);
    const fresh = after.seal(KEY, PLAIN);
    expect(after.open(KEY, old)).toEqual(PLAIN);
    expect(after.open(KEY, fresh)).toEqual(PLAIN);
    expect(before.open(KEY, fresh)).toBe('unknown-key');
    expect(fresh.toString('ascii', 2, 3)).toBe('b');
  });

  it('a key id rewritten in the header to another configured key fails authentication', () => {
    const sealer = createSealer({
      keys: [
        { id: 'a', secret: SEAL_SECRET_A },
        { id: 'b', secret: SEAL_SECRET_B },
      ],
      current: 'a',
    });
    const relabelled = Buffer.from(sealer.seal(KEY, PLAIN));
    relabelled.write('b', 2, 'ascii');
    expect(sealer.open(KEY, relabelled)).toBe('auth-failed');
  });

  it('keeps the documented layout, readable and writable by an independent AES-256-GCM with header and key as AAD', () => {
    // Instances mid-deploy share Redis: what one version seals the other must open.
    const material = deriveKeyMaterial(SEAL_SECRET_A, 'seal:a', 'test');
    const sealer = testSealer();
    const longKey = `${KEY}:${'é'.repeat(200)}`;
    for (const cacheKey of [KEY, longKey]) {
      const sealed = sealer.seal(cacheKey, PLAIN);
      expect([...sealed.subarray(0, 3)]).toEqual([1, 1, 'a'.charCodeAt(0)]);
      const decipher = createDecipheriv('aes-256-gcm', material, sealed.subarray(3, 15));
      decipher.setAAD(sealed.subarray(0, 3));
      decipher.setAAD(Buffer.from(cacheKey, 'utf8'));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      expect(
        Buffer.concat([decipher.update(sealed.subarray(15, sealed.length - 16)), decipher.final()]),
      ).toEqual(PLAIN);

      const iv = Buffer.alloc(12, 5);
      const cipher = createCipheriv('aes-256-gcm', material, iv);
      cipher.setAAD(Buffer.from([1, 1, 'a'.charCodeAt(0)]));
      cipher.setAAD(Buffer.from(cacheKey, 'utf8'));
      const body = Buffer.concat([cipher.update(PLAIN), cipher.final()]);
      const foreign = Buffer.concat([Buffer.from([1, 1, 'a'.charCodeAt(0)]), iv, body, cipher.getAuthTag()]);
      expect(sealer.open(cacheKey, foreign)).toEqual(PLAIN);
    }
  });

  it('accepts a raw 32-byte key as base64: or hex:, and both forms give the same key', () => {
    const raw = Buffer.alloc(32, 7);
    const viaBase64 = createSealer({
      keys: [{ id: 'r', secret: `base64:${raw.toString('base64')}` }],
      current: 'r',
    });
    const viaHex = createSealer({ keys: [{ id: 'r', secret: `hex:${raw.toString('hex')}` }], current: 'r' });
    expect(viaHex.open(KEY, viaBase64.seal(KEY, PLAIN))).toEqual(PLAIN);
  });

  it('refuses weak or malformed configuration with a message that does not echo the secret', () => {
    const attempt =
      (secret: string, id = 'a', current = 'a') =>
      () =>
        createSealer({ keys: [{ id, secret }], current });
    expect(attempt('short-secret')).toThrow(CacheConfigError);
    expect(attempt('short-secret')).not.toThrow(/short-secret/);
    expect(attempt(`base64:${Buffer.alloc(16).toString('base64')}`)).toThrow(/16 bytes/);
    expect(attempt('hex:zz')).toThrow(CacheConfigError);
    expect(attempt(SEAL_SECRET_A, 'bad id!')).toThrow(CacheConfigError);
    expect(attempt(SEAL_SECRET_A, 'a', 'missing')).toThrow(/not configured/);
    expect(() =>
      createSealer({
        keys: [
          { id: 'a', secret: SEAL_SECRET_A },
          { id: 'a', secret: SEAL_SECRET_B },
        ],
        current: 'a',
      }),
    ).toThrow(/twice/);
  });
});

describe('in-process sealer', () => {
  it('keeps a value as it was given, for a store that never leaves the process', () => {
    const plain = Buffer.from('{"f":1,"v":{"name":"x"}}', 'utf8');
    const stored = inProcessSealer.seal('k', plain);
    expect(stored.toString('utf8')).toBe('{"f":1,"v":{"name":"x"}}');
    expect(inProcessSealer.open('k', stored)).toEqual(plain);
  });
});
