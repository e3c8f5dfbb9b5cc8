import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/index.ts';

describe('configuration from the environment', () => {
  it('starts on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.redis.url).toBeNull();
    expect(config.upstreamUrls).toEqual({});
    expect(config.auth.mode).toBe('local');
    expect(config.graphql.graphiql).toBe(true);
  });

  it('names the bad variable and its problem', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrowError(/PORT must be a whole number/);
    expect(() => loadConfig({ LCS_URL: 'not a url' })).toThrowError(/LCS_URL must be an absolute URL/);
    expect(() => loadConfig({ SIM_SCALE: 'huge' })).toThrowError(
      /SIM_SCALE must be one of tiny, demo, county/,
    );
  });

  it('reports every bad variable at once', () => {
    try {
      loadConfig({ PORT: '99999', UPSTREAM_TIMEOUT_MS: '-1', REDIS_CLUSTER_NODES: 'nohost' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(3);
    }
  });

  it('reads the token lifetime, the failed-authentication limit and the metrics token, with their defaults', () => {
    const defaults = loadConfig({});
    expect(defaults.auth).toMatchObject({
      maxTokenLifetimeSeconds: 12 * 3600,
      failureLimit: 20,
      failureWindowSeconds: 60,
    });
    expect(defaults.metricsToken).toBeNull();
    const set = loadConfig({
      AUTH_MAX_TOKEN_LIFETIME_SECONDS: '3600',
      AUTH_FAILURE_LIMIT: '5',
      AUTH_FAILURE_WINDOW_SECONDS: '300',
      METRICS_TOKEN: 'scrape-token-0123456789',
    });
    expect(set.auth).toMatchObject({
      maxTokenLifetimeSeconds: 3600,
      failureLimit: 5,
      failureWindowSeconds: 300,
    });
    expect(set.metricsToken).toBe('scrape-token-0123456789');
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrowError(/METRICS_TOKEN must be at least 16/);
    expect(() => loadConfig({ AUTH_FAILURE_LIMIT: '0' })).toThrowError(/AUTH_FAILURE_LIMIT/);
  });

  it('keeps the development cache key beside the development signing key', () => {
    expect(loadConfig({}).cache.developmentKeyFile).toBe('.tmp/dev-cache-key.json');
    expect(loadConfig({ AUTH_LOCAL_KEY_FILE: '/var/svoc/keys/signing.json' }).cache.developmentKeyFile).toBe(
      '/var/svoc/keys/dev-cache-key.json',
    );
  });

  it('never echoes a cache secret in its message', () => {
    expect(() => loadConfig({ CACHE_KEYS: 'k1:tooshortsecret' })).toThrowError(/CACHE_KEYS/);
    try {
      loadConfig({ CACHE_KEYS: 'k1:tooshortsecret' });
    } catch (error) {
      expect((error as Error).message).not.toContain('tooshortsecret');
    }
  });

  it('refuses development-only settings in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrowError(
      /CACHE_KEYS is required[\s\S]*AUTH_MODE must be jwks/,
    );
  });

  it('reads per-resource cache TTLs by name', () => {
    const config = loadConfig({ CACHE_TTL_LCS_PERSON: '600', CACHE_TTL_LIFT_AGREEMENTS_BY_CLIENT: '30' });
    expect(config.cache.ttlSeconds).toEqual({ 'lcs:person': 600, 'lift:agreements-by-client': 30 });
    expect(() => loadConfig({ CACHE_TTL_NOPE: '5' })).toThrowError(/CACHE_TTL_NOPE must be named/);
  });

  it('gives each system its own URL and timeout', () => {
    const config = loadConfig({ EYES_URL: 'http://eyes.internal:8080/', EYES_TIMEOUT_MS: '750' });
    expect(config.upstreamUrls.eyes).toBe('http://eyes.internal:8080');
    expect(config.upstream.eyes.timeoutMs).toBe(750);
    expect(config.upstream.lcs.timeoutMs).toBe(2000);
  });
});
