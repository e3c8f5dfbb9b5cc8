/**
 * The shared (L2) cache: stores, sealing, key names, settings, the read-through entity cache and
 * the invalidation bus. app.ts wires them; connectors see only `EntityCache` (types.ts).
 */
export type { CacheStore, EntityRef, Freshness, Cached, EntityCache } from './types.ts';
export type { CacheMetrics, CacheErrorKind } from './metrics.ts';
export { noopCacheMetrics } from './metrics.ts';
export { CacheConfigError, loadDevelopmentSealingKey } from './secrets.ts';
export type { Sealer, SealerOptions, SealingKeyConfig, OpenFailure } from './sealer.ts';
export { createSealer, inProcessSealer } from './sealer.ts';
export type { EntityKeyer, EntityKeyerOptions } from './keys.ts';
export { createEntityKeyer } from './keys.ts';
export type { CacheSettings } from './settings.ts';
export { DEFAULT_CACHE_SETTINGS, resolveCacheSettings } from './settings.ts';
export type { MemoryStore, MemoryStoreOptions } from './memoryStore.ts';
export { createMemoryStore } from './memoryStore.ts';
export type { RedisConnectionOptions } from './redisConnection.ts';
export type { RedisStoreOptions } from './redisStore.ts';
export { createRedisStore } from './redisStore.ts';
export type { ClusterNode, RedisClusterStoreOptions } from './redisClusterStore.ts';
export { createRedisClusterStore } from './redisClusterStore.ts';
export type { NearCache, NearCacheOptions, NearEntry } from './nearCache.ts';
export { createNearCache } from './nearCache.ts';
export type { EntityCacheOptions, SharedEntityCache } from './entityCache.ts';
export { createEntityCache } from './entityCache.ts';
export type {
  InvalidationBus,
  InvalidationBusOptions,
  InvalidationListener,
  InvalidationOrigin,
} from './invalidationBus.ts';
export { createInvalidationBus, InvalidationError } from './invalidationBus.ts';
