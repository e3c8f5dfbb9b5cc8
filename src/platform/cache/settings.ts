/**
 * How long entries live. Each `system:resource` may have its own TTL (a person record changes
 * rarely, a caseload often); the stale grace is how long past its TTL an entry is kept so it can
 * be served if the upstream is failing. The store keeps an entry for TTL + grace; after that it is
 * gone and a failing upstream means an error.
 */
import type { SystemName } from '../systems.ts';
import { CacheConfigError } from './secrets.ts';
import { defaultOf } from '../config/schema.ts';

export interface CacheSettings {
  /** Part of every key name: bump it when an upstream contract changes shape, orphaning old entries. */
  contractVersion: string;
  defaultTtlSeconds: number;
  /** Per-resource TTLs, keyed `system:resource` (e.g. `lcs:person`). */
  ttlSeconds: Readonly<Record<string, number>>;
  staleGraceSeconds: number;
  /**
   * How long "the upstream has no such record" is remembered; 0 turns negative caching off.
   * Kept short: a child created upstream meanwhile stays invisible for at most this long (or until
   * the upstream's change event invalidates the key).
   */
  negativeTtlSeconds: number;
  /**
   * Decoded entries kept in this process in front of the store (see nearCache.ts), least recently
   * used evicted first; 0 turns the near-cache off. Off unless set: the hub's config turns it on
   * (CACHE_NEAR_ENTRIES); tools and tests that read or edit the store directly see it as it is.
   */
  nearCacheEntries: number;
  /**
   * Longest a near-cache entry is served without asking the store again (ms), and never past its
   * own TTL. Bounds how long a change whose invalidation message this instance missed goes
   * unseen. 0 turns the near-cache off.
   */
  nearCacheMaxAgeMs: number;
  /**
   * Longer near-cache ages for some resources (keyed `system:resource`): prepared report facts,
   * large entries whose every change is announced when it is written (see connectors/reportFacts.ts).
   */
  nearCacheMaxAgeMsByResource: Readonly<Record<string, number>>;
}

export const DEFAULT_CACHE_SETTINGS: CacheSettings = {
  contractVersion: 'v1',
  defaultTtlSeconds: defaultOf('CACHE_TTL_SECONDS'),
  ttlSeconds: {},
  staleGraceSeconds: defaultOf('CACHE_STALE_GRACE_SECONDS'),
  negativeTtlSeconds: 30,
  // Off here on purpose (see nearCacheEntries above); the hub's size is CACHE_NEAR_ENTRIES.
  nearCacheEntries: 0,
  nearCacheMaxAgeMs: defaultOf('CACHE_NEAR_MAX_AGE_MS'),
  nearCacheMaxAgeMsByResource: {},
};

/** Fills defaults and refuses values that would make the cache misbehave. */
export function resolveCacheSettings(overrides: Partial<CacheSettings> = {}): CacheSettings {
  const settings: CacheSettings = { ...DEFAULT_CACHE_SETTINGS, ...overrides };
  requirePositive('defaultTtlSeconds', settings.defaultTtlSeconds);
  requireNonNegative('staleGraceSeconds', settings.staleGraceSeconds);
  requireNonNegative('negativeTtlSeconds', settings.negativeTtlSeconds);
  if (!Number.isSafeInteger(settings.nearCacheEntries) || settings.nearCacheEntries < 0)
    throw new CacheConfigError('cache nearCacheEntries must be a whole number, zero or more');
  requireNonNegative('nearCacheMaxAgeMs', settings.nearCacheMaxAgeMs);
  for (const [name, ttl] of Object.entries(settings.ttlSeconds)) {
    if (!/^[a-z]+:[A-Za-z0-9_-]+$/.test(name)) {
      throw new CacheConfigError(`cache TTL entry "${name}" must be named system:resource`);
    }
    requirePositive(`ttlSeconds["${name}"]`, ttl);
  }
  return Object.freeze({ ...settings, ttlSeconds: Object.freeze({ ...settings.ttlSeconds }) });
}

export interface ResourcePolicy {
  /** Younger than this (since fetch) is fresh. */
  ttlMs: number;
  /** Younger than this is still servable as stale if the upstream fails. */
  staleUntilMs: number;
  /** What the store is told: TTL + grace. */
  storeTtlSeconds: number;
  negativeTtlMs: number;
  /** How long a decoded entry may be served from this process without asking the store. */
  nearMaxAgeMs: number;
}

export function resourcePolicy(
  settings: CacheSettings,
  system: SystemName,
  resource: string,
): ResourcePolicy {
  const ttlSeconds = settings.ttlSeconds[`${system}:${resource}`] ?? settings.defaultTtlSeconds;
  return {
    ttlMs: ttlSeconds * 1000,
    staleUntilMs: (ttlSeconds + settings.staleGraceSeconds) * 1000,
    storeTtlSeconds: ttlSeconds + settings.staleGraceSeconds,
    negativeTtlMs: settings.negativeTtlSeconds * 1000,
    nearMaxAgeMs: settings.nearCacheMaxAgeMsByResource[`${system}:${resource}`] ?? settings.nearCacheMaxAgeMs,
  };
}

function requirePositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0)
    throw new CacheConfigError(`cache ${name} must be a positive number`);
}

function requireNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new CacheConfigError(`cache ${name} must be zero or more`);
}
