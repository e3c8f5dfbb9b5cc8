/**
 * Environment -> typed, validated configuration. Every variable is read here and nowhere else;
 * a bad value stops start-up with a message naming the variable (all problems at once).
 * The README's configuration table documents each one.
 */
import { dirname, join } from 'node:path';
import { SYSTEMS, type SystemName, type UpstreamSettings } from '../upstream/types.ts';
import { ConfigError, EnvReader, type Env } from './env.ts';
import { DEFAULT_AUDIENCE, DEFAULT_LOCAL_ISSUER, DEFAULT_LOCAL_KEY_FILE } from '../access/localKey.ts';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from '../access/authenticate.ts';
import { isIsoDate } from '../domain/dates.ts';

export { ConfigError } from './env.ts';

export type SimulatorScale = 'tiny' | 'demo' | 'county';

export interface HubConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Upstream base URLs; a system without one is served by an in-process simulator. */
  upstreamUrls: Partial<Record<SystemName, string>>;
  upstream: Record<SystemName, UpstreamSettings>;
  /**
   * The report bulkhead: report list reads go to the same systems (`upstream`, whose other
   * settings they share) through separate clients with their own breaker, this concurrency cap and
   * this timeout, so bulk reads never queue ahead of, or trip breakers for, practitioners.
   */
  reportUpstream: Pick<UpstreamSettings, 'maxConcurrency' | 'timeoutMs'>;
  /** `asOf`: the in-process county's own date; null means today's (Europe/London) date at start-up. */
  simulators: { seed: string; scale: SimulatorScale; latencyMs: number; asOf: string | null };
  requestDeadlineMs: number;
  /** On SIGTERM/SIGINT: longest wait for in-flight requests before their connections are cut. */
  shutdownGraceMs: number;
  redis: {
    url: string | null;
    clusterNodes: { host: string; port: number }[];
    commandTimeoutMs: number;
    keyPrefix: string;
  };
  cache: {
    /** Sealing keys, current first: `id:secret` pairs. */
    keys: { id: string; secret: string }[];
    /**
     * Without CACHE_KEYS (never in production): a random key generated on first start and kept in
     * this file, beside the development signing key.
     */
    developmentKeyFile: string;
    /** Keys the HMAC that hides ids in key names; separate from sealing so key rotation keeps the cache warm. */
    keyNameSecret: string | null;
    defaultTtlSeconds: number;
    ttlSeconds: Record<string, number>;
    staleGraceSeconds: number;
    memoryMaxEntries: number;
    memoryMaxBytes: number;
    /** In-process cache of decoded hot entries (0: off). */
    nearCacheEntries: number;
    nearCacheMaxAgeMs: number;
  };
  auth: (
    | { mode: 'local'; issuer: string; audience: string; keyFile: string }
    | { mode: 'jwks'; issuer: string; audience: string; jwksUrl: string }
  ) & {
    /** Tokens living longer than this (exp − iat) are refused. */
    maxTokenLifetimeSeconds: number;
    /** Failed authentications one client address may make per window before it gets 429. */
    failureLimit: number;
    failureWindowSeconds: number;
  };
  /** Bearer token /metrics demands; null: open in development, refused in production. */
  metricsToken: string | null;
  /** Shared secret upstream systems present on POST /events. */
  eventsToken: string | null;
  audit: {
    sink: 'file' | 'redis';
    file: string;
    stream: string;
    /** The chain's HMAC key: AUDIT_CHAIN_KEY, or outside production a generated development key file. */
    chainKey: { secret: string } | { devFile: string };
    /** The Redis key anchoring the file sink's head (null: a file beside the trail, development only). */
    anchorKey: string | null;
  };
  graphql: {
    /** Compile each document once with graphql-jit (false: graphql-js executes). */
    jit: boolean;
    introspection: boolean;
    graphiql: boolean;
    trustedDocumentsFile: string | null;
    rateLimitPerMinute: number;
    rateLimitBurst: number;
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    maxTokens: number;
  };
  domain: {
    cpVisitWorkingDays: number;
    cinVisitWorkingDays: number;
    claVisitWeeks: number;
    extraBankHolidays: string[];
  };
  tracing: { enabled: boolean; serviceName: string; endpoint: string | null };
}

/** The development cache key's file name, in the development signing key's directory. */
const DEVELOPMENT_CACHE_KEY_FILE = 'dev-cache-key.json';
/** The development audit chain key's file name, in the development signing key's directory. */
const DEVELOPMENT_CHAIN_KEY_FILE = 'dev-audit-chain-key';
const CACHE_TTL_PREFIX = 'CACHE_TTL_';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** SIM_AS_OF: the in-process county's date (YYYY-MM-DD); unset, the county is current today. */
function readSimulatorDate(read: EnvReader): string | null {
  const value = read.string('SIM_AS_OF');
  if (value === undefined || value === '') return null;
  return isIsoDate(value) ? value : read.fail('SIM_AS_OF', `must be a date YYYY-MM-DD, got "${value}"`, null);
}

export function loadConfig(env: Env = process.env): HubConfig {
  const read = new EnvReader(env);
  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const production = nodeEnv === 'production';

  const upstreamUrls: Partial<Record<SystemName, string>> = {};
  const upstream = {} as Record<SystemName, UpstreamSettings>;
  const defaultTimeout = read.int('UPSTREAM_TIMEOUT_MS', 2000, { min: 10, max: 120_000 });
  for (const system of SYSTEMS) {
    const prefix = system.toUpperCase();
    const url = read.url(`${prefix}_URL`);
    if (url) upstreamUrls[system] = url;
    upstream[system] = {
      baseUrl: url ?? '',
      timeoutMs: read.int(`${prefix}_TIMEOUT_MS`, defaultTimeout, { min: 10, max: 120_000 }),
      maxRetries: read.int('UPSTREAM_MAX_RETRIES', 2, { max: 10 }),
      backoffBaseMs: read.int('UPSTREAM_BACKOFF_BASE_MS', 25, { max: 10_000 }),
      backoffMaxMs: read.int('UPSTREAM_BACKOFF_MAX_MS', 500, { max: 60_000 }),
      retryBudgetRatio: read.number('UPSTREAM_RETRY_BUDGET_RATIO', 0.2, { max: 1 }),
      breakerFailureThreshold: read.int('BREAKER_FAILURE_THRESHOLD', 5, { min: 1, max: 1000 }),
      breakerCooldownMs: read.int('BREAKER_COOLDOWN_MS', 5000, { min: 10, max: 600_000 }),
      // Unset: off, the timeout decides (src/upstream/client.ts).
      ...(env.BREAKER_SLOW_CALL_MS
        ? { breakerSlowCallMs: read.int('BREAKER_SLOW_CALL_MS', 1000, { min: 1, max: 120_000 }) }
        : {}),
      maxConcurrency: read.int(
        `${prefix}_MAX_CONCURRENCY`,
        read.int('UPSTREAM_MAX_CONCURRENCY', 64, { min: 1, max: 4096 }),
        {
          min: 1,
          max: 4096,
        },
      ),
    };
  }

  const reportUpstream = {
    maxConcurrency: read.int('REPORT_UPSTREAM_MAX_CONCURRENCY', 4, { min: 1, max: 4096 }),
    timeoutMs: read.int('REPORT_UPSTREAM_TIMEOUT_MS', defaultTimeout, { min: 10, max: 120_000 }),
  };

  const ttlSeconds: Record<string, number> = {};
  for (const name of Object.keys(env)) {
    if (!name.startsWith(CACHE_TTL_PREFIX) || name === 'CACHE_TTL_SECONDS') continue;
    // CACHE_TTL_LCS_PERSON=600 -> "lcs:person"
    const [system, ...resource] = name.slice(CACHE_TTL_PREFIX.length).toLowerCase().split('_');
    if (!system || !(SYSTEMS as readonly string[]).includes(system) || resource.length === 0) {
      read.fail(name, 'must be named CACHE_TTL_<SYSTEM>_<RESOURCE>, e.g. CACHE_TTL_LCS_PERSON', 0);
      continue;
    }
    ttlSeconds[`${system}:${resource.join('-')}`] = read.int(name, 300, { min: 1, max: 86_400 * 7 });
  }

  const cacheKeys = read.list('CACHE_KEYS').map((pair) => {
    const at = pair.indexOf(':');
    const id = pair.slice(0, at);
    const secret = pair.slice(at + 1);
    if (at < 1 || secret.length < 32 || !/^[A-Za-z0-9_-]{1,16}$/.test(id)) {
      // Never echo the secret itself.
      read.fail(
        'CACHE_KEYS',
        'must be comma-separated id:secret pairs (id up to 16 chars, secret at least 32 chars)',
        null,
      );
    }
    return { id, secret };
  });
  if (production && cacheKeys.length === 0) {
    read.fail('CACHE_KEYS', 'is required when NODE_ENV=production (the cache encryption key)', null);
  }

  const keyNameSecret = read.string('CACHE_KEY_NAME_SECRET');
  if (keyNameSecret !== undefined && keyNameSecret.length < 32)
    read.fail('CACHE_KEY_NAME_SECRET', 'must be at least 32 characters', null);
  if (!/^[A-Za-z0-9:_-]{0,64}$/.test(read.string('REDIS_KEY_PREFIX', ''))) {
    read.fail('REDIS_KEY_PREFIX', 'may hold only letters, digits, ":", "_" and "-" (at most 64)', null);
  }

  const clusterNodes = read.list('REDIS_CLUSTER_NODES').map((node) => {
    const match = /^([^:]+):(\d{1,5})$/.exec(node);
    if (!match)
      return read.fail('REDIS_CLUSTER_NODES', `must be host:port pairs, got "${node}"`, {
        host: '',
        port: 0,
      });
    return { host: match[1]!, port: Number(match[2]) };
  });

  const authMode = read.oneOf('AUTH_MODE', ['local', 'jwks'] as const, 'local');
  const issuer = read.string('AUTH_ISSUER', DEFAULT_LOCAL_ISSUER);
  const audience = read.string('AUTH_AUDIENCE', DEFAULT_AUDIENCE);
  const localKeyFile = read.string('AUTH_LOCAL_KEY_FILE', DEFAULT_LOCAL_KEY_FILE);
  const authLimits = {
    maxTokenLifetimeSeconds: read.int('AUTH_MAX_TOKEN_LIFETIME_SECONDS', DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, {
      min: 60,
      max: 7 * 86_400,
    }),
    failureLimit: read.int('AUTH_FAILURE_LIMIT', 20, { min: 1, max: 1_000_000 }),
    failureWindowSeconds: read.int('AUTH_FAILURE_WINDOW_SECONDS', 60, { min: 1, max: 86_400 }),
  };
  let auth: HubConfig['auth'];
  if (authMode === 'jwks') {
    const jwksUrl =
      read.url('AUTH_JWKS_URL') ?? read.fail('AUTH_JWKS_URL', 'is required when AUTH_MODE=jwks', '');
    auth = { mode: 'jwks', issuer, audience, jwksUrl, ...authLimits };
  } else {
    if (production)
      read.fail('AUTH_MODE', 'must be jwks when NODE_ENV=production (local keys are for development)', null);
    auth = { mode: 'local', issuer, audience, keyFile: localKeyFile, ...authLimits };
  }

  const metricsToken = read.string('METRICS_TOKEN') ?? null;
  if (metricsToken !== null && metricsToken.length < 16)
    read.fail('METRICS_TOKEN', 'must be at least 16 characters', null);

  const eventsToken = read.string('EVENTS_TOKEN') ?? null;
  if (eventsToken !== null && eventsToken.length < 16)
    read.fail('EVENTS_TOKEN', 'must be at least 16 characters', null);

  const redisUrl = read.url('REDIS_URL') ?? null;
  const auditSink = read.oneOf('AUDIT_SINK', ['file', 'redis'] as const, 'file');
  if (auditSink === 'redis' && !redisUrl) read.fail('AUDIT_SINK', 'redis needs REDIS_URL', null);
  const chainSecret = read.string('AUDIT_CHAIN_KEY');
  if (chainSecret !== undefined && Buffer.byteLength(chainSecret, 'utf8') < 32)
    read.fail('AUDIT_CHAIN_KEY', 'must be at least 32 characters', null);
  if (production && chainSecret === undefined)
    read.fail(
      'AUDIT_CHAIN_KEY',
      "is required when NODE_ENV=production (the key of the audit trail's chain)",
      null,
    );
  const anchorKey = read.string('AUDIT_ANCHOR_KEY') ?? null;
  if (anchorKey !== null && auditSink !== 'file')
    read.fail(
      'AUDIT_ANCHOR_KEY',
      'is for AUDIT_SINK=file (the Redis stream keeps its anchor beside it)',
      null,
    );
  else if (anchorKey !== null && !redisUrl) read.fail('AUDIT_ANCHOR_KEY', 'needs REDIS_URL', null);

  const extraBankHolidays = read.list('BANK_HOLIDAYS_EXTRA');
  for (const day of extraBankHolidays) {
    if (!ISO_DATE.test(day)) read.fail('BANK_HOLIDAYS_EXTRA', `must be YYYY-MM-DD dates, got "${day}"`, null);
  }

  const requestDeadlineMs = read.int('REQUEST_DEADLINE_MS', 5000, { min: 50, max: 300_000 });
  const config: HubConfig = {
    env: nodeEnv,
    host: read.string('HOST', '0.0.0.0'),
    port: read.int('PORT', 4000, { min: 0, max: 65_535 }),
    logLevel: read.oneOf(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    upstreamUrls,
    upstream,
    reportUpstream,
    simulators: {
      seed: read.string('SIM_SEED', 'svoc'),
      scale: read.oneOf('SIM_SCALE', ['tiny', 'demo', 'county'] as const, 'demo'),
      latencyMs: read.int('SIM_LATENCY_MS', 0, { max: 60_000 }),
      asOf: readSimulatorDate(read),
    },
    requestDeadlineMs,
    // Every request admitted before the signal can run to its deadline, with a second to answer.
    shutdownGraceMs: read.int('SHUTDOWN_GRACE_MS', requestDeadlineMs + 1000, { min: 0, max: 600_000 }),
    redis: {
      url: redisUrl,
      clusterNodes,
      commandTimeoutMs: read.int('REDIS_COMMAND_TIMEOUT_MS', 50, { min: 5, max: 10_000 }),
      keyPrefix: read.string('REDIS_KEY_PREFIX', ''),
    },
    cache: {
      keys: cacheKeys,
      developmentKeyFile: join(dirname(localKeyFile), DEVELOPMENT_CACHE_KEY_FILE),
      keyNameSecret: read.string('CACHE_KEY_NAME_SECRET') ?? null,
      defaultTtlSeconds: read.int('CACHE_TTL_SECONDS', 300, { min: 1, max: 86_400 * 7 }),
      ttlSeconds,
      staleGraceSeconds: read.int('CACHE_STALE_GRACE_SECONDS', 86_400, { max: 86_400 * 30 }),
      memoryMaxEntries: read.int('CACHE_MEMORY_MAX_ENTRIES', 50_000, { min: 100, max: 10_000_000 }),
      memoryMaxBytes: read.int('CACHE_MEMORY_MAX_BYTES', 128 * 1024 * 1024, { min: 1024 * 1024 }),
      nearCacheEntries: read.int('CACHE_NEAR_ENTRIES', 5000, { min: 0, max: 1_000_000 }),
      nearCacheMaxAgeMs: read.int('CACHE_NEAR_MAX_AGE_MS', 5000, { min: 0, max: 60_000 }),
    },
    auth,
    metricsToken,
    eventsToken,
    audit: {
      sink: auditSink,
      file: read.string('AUDIT_FILE', '.tmp/audit.jsonl'),
      stream: read.string('AUDIT_STREAM', 'svoc:audit'),
      chainKey:
        chainSecret !== undefined
          ? { secret: chainSecret }
          : {
              devFile: join(dirname(localKeyFile), DEVELOPMENT_CHAIN_KEY_FILE),
            },
      anchorKey,
    },
    graphql: {
      jit: read.bool('GRAPHQL_JIT', true),
      introspection: read.bool('GRAPHQL_INTROSPECTION', !production),
      graphiql: read.bool('GRAPHIQL', !production),
      trustedDocumentsFile: read.string('TRUSTED_DOCUMENTS_FILE') ?? null,
      rateLimitPerMinute: read.int('RATE_LIMIT_PER_MINUTE', 600, { min: 1, max: 1_000_000 }),
      rateLimitBurst: read.int('RATE_LIMIT_BURST', 100, { min: 1, max: 1_000_000 }),
      maxDepth: read.int('GRAPHQL_MAX_DEPTH', 12, { min: 2, max: 100 }),
      maxCost: read.int('GRAPHQL_MAX_COST', 20_000, { min: 10, max: 10_000_000 }),
      maxAliases: read.int('GRAPHQL_MAX_ALIASES', 15, { min: 0, max: 1000 }),
      maxTokens: read.int('GRAPHQL_MAX_TOKENS', 3000, { min: 50, max: 1_000_000 }),
    },
    domain: {
      cpVisitWorkingDays: read.int('CP_VISIT_WORKING_DAYS', 10, { min: 1, max: 365 }),
      cinVisitWorkingDays: read.int('CIN_VISIT_WORKING_DAYS', 20, { min: 1, max: 365 }),
      claVisitWeeks: read.int('CLA_VISIT_WEEKS', 6, { min: 1, max: 52 }),
      extraBankHolidays,
    },
    tracing: {
      enabled: read.bool('OTEL_ENABLED', false),
      serviceName: read.string('OTEL_SERVICE_NAME', 'svoc-hub'),
      endpoint: read.url('OTEL_EXPORTER_OTLP_ENDPOINT') ?? null,
    },
  };

  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
