import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEntityKeyer, HASH_TAG_BUCKETS } from '../../../src/platform/cache/keys.ts';
import { hashTagOf } from '../../../src/platform/cache/redisClusterStore.ts';
import { CacheConfigError } from '../../../src/platform/cache/secrets.ts';
import { KEY_SECRET, testKeyer } from './fixtures.ts';

describe('entity keys', () => {
  it('name system, resource and contract version, but never the id', () => {
    const keyer = testKeyer();
    const id = '9434765919';
    const key = keyer.entityKey({ system: 'lcs', resource: 'person', id }, 'v1');
    expect(key).toMatch(/^svoc:v1:\{lcs:person:[0-9a-f]\}:[A-Za-z0-9_-]{22}$/);
    expect(key).not.toContain(id);
    expect(key).not.toContain(id.slice(0, 5));
  });

  it('are stable for one secret and unrelated across secrets, systems and versions', () => {
    const keyer = testKeyer();
    const ref = { system: 'lcs', resource: 'person', id: '1001' } as const;
    const key = keyer.entityKey(ref, 'v1');
    expect(keyer.entityKey(ref, 'v1')).toBe(key);
    const digest = (k: string) => k.slice(k.lastIndexOf(':') + 1);
    expect(digest(createEntityKeyer({ secret: `${KEY_SECRET}-other` }).entityKey(ref, 'v1'))).not.toBe(
      digest(key),
    );
    expect(digest(keyer.entityKey({ ...ref, system: 'eyes' }, 'v1'))).not.toBe(digest(key));
    expect(keyer.entityKey(ref, 'v2')).not.toBe(key);
  });

  it('give the same names whether remembered or computed afresh, across memo generations', () => {
    const plain = createEntityKeyer({ secret: KEY_SECRET, memoEntries: 0 });
    const memoised = createEntityKeyer({ secret: KEY_SECRET, memoEntries: 3 });
    const refs = Array.from(
      { length: 10 },
      (_, i) => ({ system: 'lcs', resource: 'person', id: String(i % 7) }) as const,
    );
    for (let round = 0; round < 3; round++) {
      for (const ref of refs) expect(memoised.entityKey(ref, 'v1')).toBe(plain.entityKey(ref, 'v1'));
    }
    expect(memoised.entityKey(refs[0]!, 'v2')).toBe(plain.entityKey(refs[0]!, 'v2'));
  });

  it('give the same names when one id is asked in several scopes at once, whatever the memo holds', () => {
    const plain = createEntityKeyer({ secret: KEY_SECRET, memoEntries: 0 });
    const memoised = createEntityKeyer({ secret: KEY_SECRET, memoEntries: 2 });
    const scopes = [
      { system: 'lcs', resource: 'person' },
      { system: 'lcs', resource: 'social-care' },
      { system: 'eyes', resource: 'person' },
    ] as const;
    for (let round = 0; round < 3; round++)
      for (const id of ['1', '2', '1'])
        for (const scope of scopes)
          for (const version of ['v1', 'v2'])
            expect(memoised.entityKey({ ...scope, id }, version)).toBe(
              plain.entityKey({ ...scope, id }, version),
            );
    const names = new Set(scopes.map((scope) => memoised.entityKey({ ...scope, id: '1' }, 'v1')));
    expect(names.size).toBe(scopes.length);
  });

  it('spread one resource over a bounded number of hash tags', () => {
    const keyer = testKeyer();
    const tags = new Set<string>();
    for (let i = 0; i < 500; i++) {
      tags.add(hashTagOf(keyer.entityKey({ system: 'eyes', resource: 'pupil', id: String(i) }, 'v1')));
    }
    expect(tags.size).toBe(HASH_TAG_BUCKETS);
    for (const tag of tags) expect(tag).toMatch(/^eyes:pupil:[0-9a-f]$/);
  });

  it('differ from the sealing key even when configured with the same secret', () => {
    const raw = Buffer.alloc(32, 9);
    const keyer = createEntityKeyer({ secret: `base64:${raw.toString('base64')}`, memoEntries: 0 });
    const key = keyer.entityKey({ system: 'lcs', resource: 'person', id: '1' }, 'v1');
    const withRawKey = createHmac('sha256', raw).update('lcs\u0000person\u00001').digest().subarray(0, 16);
    expect(key.endsWith(withRawKey.toString('base64url'))).toBe(false);
  });

  it('refuse resource names that could break the key format', () => {
    const keyer = testKeyer();
    expect(() => keyer.entityKey({ system: 'lcs', resource: 'person}{x', id: '1' }, 'v1')).toThrow(
      CacheConfigError,
    );
    expect(() => keyer.entityKey({ system: 'lcs', resource: 'person', id: '1' }, 'v:1')).toThrow(
      CacheConfigError,
    );
  });
});
