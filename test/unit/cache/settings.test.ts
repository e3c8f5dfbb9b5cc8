import { describe, expect, it } from 'vitest';
import { resolveCacheSettings, resourcePolicy } from '../../../src/platform/cache/settings.ts';
import { CacheConfigError } from '../../../src/platform/cache/secrets.ts';

describe('cache settings', () => {
  it('use the per-resource TTL where one is set, else the default, and keep entries for TTL + grace', () => {
    const settings = resolveCacheSettings({
      defaultTtlSeconds: 300,
      ttlSeconds: { 'lcs:person': 3600 },
      staleGraceSeconds: 600,
    });
    expect(resourcePolicy(settings, 'lcs', 'person')).toMatchObject({
      ttlMs: 3_600_000,
      storeTtlSeconds: 4200,
    });
    expect(resourcePolicy(settings, 'eyes', 'person')).toMatchObject({
      ttlMs: 300_000,
      staleUntilMs: 900_000,
    });
  });

  it('refuse values that would break the cache', () => {
    expect(() => resolveCacheSettings({ defaultTtlSeconds: 0 })).toThrow(CacheConfigError);
    expect(() => resolveCacheSettings({ staleGraceSeconds: -1 })).toThrow(CacheConfigError);
    expect(() => resolveCacheSettings({ ttlSeconds: { person: 10 } })).toThrow(/system:resource/);
    expect(() => resolveCacheSettings({ ttlSeconds: { 'lcs:person': Number.NaN } })).toThrow(
      CacheConfigError,
    );
    expect(() => resolveCacheSettings({ nearCacheEntries: -1 })).toThrow(CacheConfigError);
    expect(() => resolveCacheSettings({ nearCacheEntries: 1.5 })).toThrow(CacheConfigError);
    expect(() => resolveCacheSettings({ nearCacheMaxAgeMs: -1 })).toThrow(CacheConfigError);
    expect(() => resolveCacheSettings({ nearCacheMaxAgeMs: Number.POSITIVE_INFINITY })).toThrow(
      CacheConfigError,
    );
  });
});
