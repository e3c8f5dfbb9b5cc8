import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/platform/config/index.ts';
import { CONFIG_SCHEMA, defaultOf, setting, type SettingName } from '../../../src/platform/config/schema.ts';
import { DEFAULT_CACHE_SETTINGS } from '../../../src/platform/cache/settings.ts';
import { DEFAULT_HARDENING_SETTINGS } from '../../../src/server/hardening/settings.ts';

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

  it('serves the practitioner app in production when it can sign in with the identity provider, and only then', () => {
    const production = {
      NODE_ENV: 'production',
      CACHE_KEYS: `k1:${'s'.repeat(32)}`,
      AUDIT_CHAIN_KEY: 'c'.repeat(32),
      AUTH_MODE: 'jwks',
      AUTH_JWKS_URL: 'https://idp.example/jwks',
      AUTH_ISSUER: 'https://idp.example',
    };
    expect(loadConfig(production).practitionerApp).toEqual({ enabled: false, oidc: null });
    expect(loadConfig({ ...production, AUTH_APP_CLIENT_ID: 'svoc-app' }).practitionerApp).toEqual({
      enabled: true,
      oidc: { issuer: 'https://idp.example', clientId: 'svoc-app', scope: 'openid profile' },
    });
    expect(() =>
      loadConfig({ ...production, AUTH_ISSUER: 'urn:council:idp', AUTH_APP_CLIENT_ID: 'svoc-app' }),
    ).toThrowError(/AUTH_ISSUER must be the http\(s\) URL of an OpenID provider/);
    expect(() => loadConfig({ AUTH_APP_CLIENT_ID: 'svoc-app' })).toThrowError(
      /AUTH_APP_CLIENT_ID needs AUTH_MODE=jwks/,
    );
    expect(loadConfig({}).practitionerApp).toEqual({ enabled: true, oidc: null });
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

  it('refuses a REDIS_URL that is not redis:// or rediss://', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrowError(
      /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL, got protocol "http:"/,
    );
    expect(loadConfig({ REDIS_URL: 'rediss://cache.internal:6380' }).redis.url).toBe(
      'rediss://cache.internal:6380',
    );
  });

  it('refuses an upstream, JWKS or OTLP URL that is not http:// or https://', () => {
    expect(() => loadConfig({ LIFT_URL: 'redis://lift.internal' })).toThrowError(
      /LIFT_URL must be a http:\/\/ or https:\/\/ URL, got protocol "redis:"/,
    );
    expect(() => loadConfig({ FRONTDOOR_URL: 'ftp://frontdoor.internal' })).toThrowError(
      /FRONTDOOR_URL must be/,
    );
    expect(() => loadConfig({ AUTH_MODE: 'jwks', AUTH_JWKS_URL: 'file:///etc/jwks.json' })).toThrowError(
      /AUTH_JWKS_URL must be a http:\/\/ or https:\/\/ URL/,
    );
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'redis://otel' })).toThrowError(
      /OTEL_EXPORTER_OTLP_ENDPOINT must be/,
    );
  });
});

describe('the configuration schema', () => {
  const names = Object.keys(CONFIG_SCHEMA.properties) as SettingName[];

  it('gives every variable a description, and a default (as a value or in words) unless it is optional', () => {
    for (const name of names) {
      const declared = setting(name);
      expect(declared.description, name).toMatch(/\w/);
      const optional = !(CONFIG_SCHEMA.required as readonly string[] | undefined)?.includes(name);
      if (!optional) expect(declared.default, name).toBeDefined();
    }
  });

  it('is what loadConfig starts on with nothing set', () => {
    const config = loadConfig({});
    expect(config.graphql.maxCost).toBe(defaultOf('GRAPHQL_MAX_COST'));
    expect(config.graphql.rateLimitPerMinute).toBe(defaultOf('RATE_LIMIT_PER_MINUTE'));
    expect(config.cache.staleGraceSeconds).toBe(defaultOf('CACHE_STALE_GRACE_SECONDS'));
    expect(config.cache.nearCacheEntries).toBe(defaultOf('CACHE_NEAR_ENTRIES'));
    expect(config.upstream.lcs.retryBudgetRatio).toBe(defaultOf('UPSTREAM_RETRY_BUDGET_RATIO'));
    expect(config.shutdownGraceMs).toBe(defaultOf('REQUEST_DEADLINE_MS') + 1000);
  });

  it('gives the hardening and cache modules the same defaults as the hub', () => {
    expect(DEFAULT_HARDENING_SETTINGS).toMatchObject({
      maxCost: loadConfig({}).graphql.maxCost,
      maxDepth: loadConfig({}).graphql.maxDepth,
      maxAliases: loadConfig({}).graphql.maxAliases,
      maxTokens: loadConfig({}).graphql.maxTokens,
      rateLimit: {
        requestsPerMinute: loadConfig({}).graphql.rateLimitPerMinute,
        burst: loadConfig({}).graphql.rateLimitBurst,
      },
    });
    expect(DEFAULT_CACHE_SETTINGS).toMatchObject({
      defaultTtlSeconds: loadConfig({}).cache.defaultTtlSeconds,
      staleGraceSeconds: loadConfig({}).cache.staleGraceSeconds,
      nearCacheMaxAgeMs: loadConfig({}).cache.nearCacheMaxAgeMs,
    });
  });

  it('applies its ranges: a value outside one is refused with the range named', () => {
    expect(() => loadConfig({ GRAPHQL_MAX_COST: '5' })).toThrowError(
      `GRAPHQL_MAX_COST must be between ${setting('GRAPHQL_MAX_COST').minimum} and`,
    );
    expect(() => loadConfig({ LIFT_MAX_CONCURRENCY: '0' })).toThrowError(
      /LIFT_MAX_CONCURRENCY must be between 1/,
    );
  });
});
