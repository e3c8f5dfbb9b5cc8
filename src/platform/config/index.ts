/**
 * Environment -> typed, validated configuration. Every variable is read here and nowhere else;
 * a bad value stops start-up with a message naming the variable (all problems at once).
 * Each variable's type, range, default and meaning are declared once, in ./schema.ts, which the
 * README's configuration table is generated from.
 */
import { dirname, join } from 'node:path';
import { type UpstreamSettings } from '../upstream/types.ts';
import { SYSTEMS, type SystemName } from '../systems.ts';
import { ConfigError, EnvReader, readDeclared, type Env } from './env.ts';
import { setting, type SettingName } from './schema.ts';
import { isIsoDate } from '../../domain/rules/dates.ts';

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
  /** Prepared report facts (connectors/reportFacts.ts): on or off, and how often they are re-read. */
  reportFacts: { prepare: boolean; reconcileSeconds: number };
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
  /**
   * The practitioner app at /app: served with GraphiQL, or wherever it can sign in with the identity
   * provider (`oidc`: jwks mode with the app's client id; the issuer is the one tokens must carry).
   */
  practitionerApp: {
    enabled: boolean;
    oidc: { issuer: string; clientId: string; scope: string } | null;
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
  /** The child register: PostgreSQL at `url`, else PGlite in `dataDir` (null: in memory). */
  register: {
    enabled: boolean;
    url: string | null;
    dataDir: string | null;
    poolSize: number;
    pollMs: number;
    scanMs: number;
    /** How often the scan sweeps every system's whole list (removals are seen only then). */
    sweepMs: number;
    /** A link checkpoint is considered every `everyMs`, written when `afterChanges` versions have passed. */
    checkpoint: { everyMs: number; afterChanges: number };
  };
}

/** The development cache key's file name, in the development signing key's directory. */
const DEVELOPMENT_CACHE_KEY_FILE = 'dev-cache-key.json';
/** The development audit chain key's file name, in the development signing key's directory. */
const DEVELOPMENT_CHAIN_KEY_FILE = 'dev-audit-chain-key';
const CACHE_TTL_PREFIX = 'CACHE_TTL_';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** SIM_AS_OF: the in-process county's date (YYYY-MM-DD); unset, the county is current today. */
function readSimulatorDate(read: EnvReader): string | null {
  const value = readDeclared(read, 'SIM_AS_OF', setting('SIM_AS_OF')) as string | undefined;
  if (value === undefined || value === '') return null;
  return isIsoDate(value) ? value : read.fail('SIM_AS_OF', `must be a date YYYY-MM-DD, got "${value}"`, null);
}

export function loadConfig(env: Env = process.env): HubConfig {
  const read = new EnvReader(env);
  /** A setting as schema.ts declares it; `name` differs from the declaration for per-system variables. */
  const declared = (declaration: SettingName, name: string = declaration, fallback?: unknown): unknown =>
    fallback === undefined
      ? readDeclared(read, name, setting(declaration))
      : readDeclared(read, name, setting(declaration), fallback);
  const int = (name: SettingName, fallback?: number): number => declared(name, name, fallback) as number;
  const text = (name: SettingName): string => declared(name) as string;
  const optional = (name: SettingName): string | undefined => declared(name) as string | undefined;
  const nodeEnv = declared('NODE_ENV') as HubConfig['env'];
  const production = nodeEnv === 'production';

  const upstreamUrls: Partial<Record<SystemName, string>> = {};
  const upstream = {} as Record<SystemName, UpstreamSettings>;
  const defaultTimeout = int('UPSTREAM_TIMEOUT_MS');
  for (const system of SYSTEMS) {
    const prefix = system.toUpperCase();
    const url = declared('<SYSTEM>_URL', `${prefix}_URL`) as string | undefined;
    if (url) upstreamUrls[system] = url;
    upstream[system] = {
      baseUrl: url ?? '',
      timeoutMs: declared('<SYSTEM>_TIMEOUT_MS', `${prefix}_TIMEOUT_MS`, defaultTimeout) as number,
      maxRetries: int('UPSTREAM_MAX_RETRIES'),
      backoffBaseMs: int('UPSTREAM_BACKOFF_BASE_MS'),
      backoffMaxMs: int('UPSTREAM_BACKOFF_MAX_MS'),
      retryBudgetRatio: declared('UPSTREAM_RETRY_BUDGET_RATIO') as number,
      breakerFailureThreshold: int('BREAKER_FAILURE_THRESHOLD'),
      breakerCooldownMs: int('BREAKER_COOLDOWN_MS'),
      // Unset: off, the timeout decides (src/platform/upstream/client.ts).
      ...(env.BREAKER_SLOW_CALL_MS ? { breakerSlowCallMs: int('BREAKER_SLOW_CALL_MS') } : {}),
      maxConcurrency: declared(
        '<SYSTEM>_MAX_CONCURRENCY',
        `${prefix}_MAX_CONCURRENCY`,
        int('UPSTREAM_MAX_CONCURRENCY'),
      ) as number,
    };
  }

  const reportUpstream = {
    maxConcurrency: int('REPORT_UPSTREAM_MAX_CONCURRENCY'),
    timeoutMs: int('REPORT_UPSTREAM_TIMEOUT_MS', defaultTimeout),
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
    ttlSeconds[`${system}:${resource.join('-')}`] = declared(
      'CACHE_TTL_<SYSTEM>_<RESOURCE>',
      name,
      int('CACHE_TTL_SECONDS'),
    ) as number;
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

  const keyNameSecret = optional('CACHE_KEY_NAME_SECRET');
  const keyPrefix = text('REDIS_KEY_PREFIX');
  if (!new RegExp(setting('REDIS_KEY_PREFIX').pattern ?? '').test(keyPrefix)) {
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

  const authMode = declared('AUTH_MODE') as HubConfig['auth']['mode'];
  const issuer = text('AUTH_ISSUER');
  const audience = text('AUTH_AUDIENCE');
  const localKeyFile = text('AUTH_LOCAL_KEY_FILE');
  const authLimits = {
    maxTokenLifetimeSeconds: int('AUTH_MAX_TOKEN_LIFETIME_SECONDS'),
    failureLimit: int('AUTH_FAILURE_LIMIT'),
    failureWindowSeconds: int('AUTH_FAILURE_WINDOW_SECONDS'),
  };
  let auth: HubConfig['auth'];
  if (authMode === 'jwks') {
    const jwksUrl =
      optional('AUTH_JWKS_URL') ?? read.fail('AUTH_JWKS_URL', 'is required when AUTH_MODE=jwks', '');
    auth = { mode: 'jwks', issuer, audience, jwksUrl, ...authLimits };
  } else {
    if (production)
      read.fail('AUTH_MODE', 'must be jwks when NODE_ENV=production (local keys are for development)', null);
    auth = { mode: 'local', issuer, audience, keyFile: localKeyFile, ...authLimits };
  }

  const appClientId = optional('AUTH_APP_CLIENT_ID');
  if (appClientId !== undefined && authMode !== 'jwks')
    read.fail(
      'AUTH_APP_CLIENT_ID',
      'needs AUTH_MODE=jwks (local mode signs in with development tokens)',
      null,
    );
  if (appClientId !== undefined && !/^https?:\/\/[^/]/.test(issuer))
    read.fail('AUTH_ISSUER', 'must be the http(s) URL of an OpenID provider with AUTH_APP_CLIENT_ID', null);
  const appOidc =
    appClientId !== undefined && authMode === 'jwks'
      ? { issuer, clientId: appClientId, scope: text('AUTH_APP_SCOPE') }
      : null;

  const metricsToken = optional('METRICS_TOKEN') ?? null;
  const eventsToken = optional('EVENTS_TOKEN') ?? null;

  const redisUrl = optional('REDIS_URL') ?? null;
  const auditSink = declared('AUDIT_SINK') as HubConfig['audit']['sink'];
  if (auditSink === 'redis' && !redisUrl) read.fail('AUDIT_SINK', 'redis needs REDIS_URL', null);
  const chainSecret = optional('AUDIT_CHAIN_KEY');
  if (production && chainSecret === undefined)
    read.fail(
      'AUDIT_CHAIN_KEY',
      "is required when NODE_ENV=production (the key of the audit trail's chain)",
      null,
    );
  const anchorKey = optional('AUDIT_ANCHOR_KEY') ?? null;
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

  const requestDeadlineMs = int('REQUEST_DEADLINE_MS');
  const graphiql = declared('GRAPHIQL', 'GRAPHIQL', !production) as boolean;
  const config: HubConfig = {
    env: nodeEnv,
    host: text('HOST'),
    port: int('PORT'),
    logLevel: declared('LOG_LEVEL') as HubConfig['logLevel'],
    upstreamUrls,
    upstream,
    reportUpstream,
    reportFacts: {
      prepare: declared('REPORT_FACTS_PREPARE') as boolean,
      reconcileSeconds: int('REPORT_FACTS_RECONCILE_SECONDS'),
    },
    simulators: {
      seed: text('SIM_SEED'),
      scale: declared('SIM_SCALE') as SimulatorScale,
      latencyMs: int('SIM_LATENCY_MS'),
      asOf: readSimulatorDate(read),
    },
    requestDeadlineMs,
    // Every request admitted before the signal can run to its deadline, with a second to answer.
    shutdownGraceMs: int('SHUTDOWN_GRACE_MS', requestDeadlineMs + 1000),
    redis: {
      url: redisUrl,
      clusterNodes,
      commandTimeoutMs: int('REDIS_COMMAND_TIMEOUT_MS'),
      keyPrefix,
    },
    cache: {
      keys: cacheKeys,
      developmentKeyFile: join(dirname(localKeyFile), DEVELOPMENT_CACHE_KEY_FILE),
      keyNameSecret: keyNameSecret ?? null,
      defaultTtlSeconds: int('CACHE_TTL_SECONDS'),
      ttlSeconds,
      staleGraceSeconds: int('CACHE_STALE_GRACE_SECONDS'),
      memoryMaxEntries: int('CACHE_MEMORY_MAX_ENTRIES'),
      memoryMaxBytes: int('CACHE_MEMORY_MAX_BYTES'),
      nearCacheEntries: int('CACHE_NEAR_ENTRIES'),
      nearCacheMaxAgeMs: int('CACHE_NEAR_MAX_AGE_MS'),
    },
    auth,
    practitionerApp: {
      enabled: graphiql || appOidc !== null,
      oidc: appOidc,
    },
    metricsToken,
    eventsToken,
    audit: {
      sink: auditSink,
      file: text('AUDIT_FILE'),
      stream: text('AUDIT_STREAM'),
      chainKey:
        chainSecret !== undefined
          ? { secret: chainSecret }
          : {
              devFile: join(dirname(localKeyFile), DEVELOPMENT_CHAIN_KEY_FILE),
            },
      anchorKey,
    },
    graphql: {
      jit: declared('GRAPHQL_JIT') as boolean,
      introspection: declared('GRAPHQL_INTROSPECTION', 'GRAPHQL_INTROSPECTION', !production) as boolean,
      graphiql,
      trustedDocumentsFile: optional('TRUSTED_DOCUMENTS_FILE') ?? null,
      rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE'),
      rateLimitBurst: int('RATE_LIMIT_BURST'),
      maxDepth: int('GRAPHQL_MAX_DEPTH'),
      maxCost: int('GRAPHQL_MAX_COST'),
      maxAliases: int('GRAPHQL_MAX_ALIASES'),
      maxTokens: int('GRAPHQL_MAX_TOKENS'),
    },
    domain: {
      cpVisitWorkingDays: int('CP_VISIT_WORKING_DAYS'),
      cinVisitWorkingDays: int('CIN_VISIT_WORKING_DAYS'),
      claVisitWeeks: int('CLA_VISIT_WEEKS'),
      extraBankHolidays,
    },
    register: {
      enabled: declared('REGISTER_ENABLED') as boolean,
      url: optional('DATABASE_URL') ?? null,
      dataDir: optional('REGISTER_DATA_DIR') || null,
      poolSize: int('DATABASE_POOL_SIZE'),
      pollMs: int('REGISTER_POLL_MS'),
      scanMs: int('REGISTER_SCAN_MS'),
      sweepMs: int('REGISTER_SWEEP_MS'),
      checkpoint: {
        everyMs: int('REGISTER_CHECKPOINT_MS'),
        afterChanges: int('REGISTER_CHECKPOINT_CHANGES'),
      },
    },
    tracing: {
      enabled: declared('OTEL_ENABLED') as boolean,
      serviceName: text('OTEL_SERVICE_NAME'),
      endpoint: optional('OTEL_EXPORTER_OTLP_ENDPOINT') ?? null,
    },
  };

  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
