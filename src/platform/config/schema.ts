/**
 * The hub's configuration, declared once: every environment variable with its type, range or
 * allowed values, default, production requirement and meaning. `loadConfig` reads and validates
 * the environment through it, module settings take their defaults from it, and the README's
 * configuration table is generated from it (`npm run config:doc`; a test fails when it is stale).
 */
import { Type, type TSchema } from '@sinclair/typebox';
import {
  DEFAULT_AUDIENCE,
  DEFAULT_LOCAL_ISSUER,
  DEFAULT_LOCAL_KEY_FILE,
} from '../../domain/access/localKey.ts';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from '../../domain/access/authenticate.ts';

/** What the README says of a setting besides its type: a default that is not a plain value, production's rule. */
interface SettingNotes {
  description: string;
  /** The default in words when it is computed or absent (e.g. "deadline + 1000"). */
  defaultText?: string;
  /** What production demands of the variable, when anything. */
  production?: string;
}

type Range = { min?: number; max?: number };

const integer = (fallback: number, { min = 0, max = Number.MAX_SAFE_INTEGER }: Range, notes: SettingNotes) =>
  Type.Integer({ default: fallback, minimum: min, maximum: max, ...notes });
const optionalInteger = ({ min = 0, max = Number.MAX_SAFE_INTEGER }: Range, notes: SettingNotes) =>
  Type.Optional(Type.Integer({ minimum: min, maximum: max, ...notes }));
const decimal = (fallback: number, { min = 0, max = Number.MAX_VALUE }: Range, notes: SettingNotes) =>
  Type.Number({ default: fallback, minimum: min, maximum: max, ...notes });
const flag = (fallback: boolean, notes: SettingNotes) => Type.Boolean({ default: fallback, ...notes });
const optionalFlag = (notes: SettingNotes) => Type.Optional(Type.Boolean(notes));
const text = (fallback: string, notes: SettingNotes & { pattern?: string }) =>
  Type.String({ default: fallback, ...notes });
const optionalText = (notes: SettingNotes & { minLength?: number }) => Type.Optional(Type.String(notes));
const choice = <const T extends readonly [string, ...string[]]>(
  values: T,
  fallback: T[number],
  notes: SettingNotes,
) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { default: fallback, ...notes },
  );
/** An absolute URL with one of these schemes (e.g. `['http:', 'https:']`). */
const url = (schemes: readonly string[], notes: SettingNotes) =>
  Type.Optional(Type.String({ format: 'uri', schemes, ...notes }));

const HTTP = ['http:', 'https:'] as const;
const REDIS = ['redis:', 'rediss:'] as const;
const POSTGRES = ['postgres:', 'postgresql:'] as const;

export const CONFIG_SCHEMA = Type.Object({
  PORT: integer(4000, { max: 65_535 }, { description: 'the port the hub listens on' }),
  HOST: text('0.0.0.0', { description: 'the address the hub listens on' }),
  NODE_ENV: choice(['development', 'production', 'test'] as const, 'development', {
    description:
      '`production` turns GraphiQL and introspection off, requires `CACHE_KEYS`, `AUDIT_CHAIN_KEY` and `AUTH_MODE=jwks`',
  }),
  LOG_LEVEL: choice(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info', {
    description: 'pino level',
  }),
  '<SYSTEM>_URL': url(HTTP, {
    description:
      'an upstream system (`LCS_URL`, `EYES_URL`, `LIFT_URL`, `FRONTDOOR_URL`); each one unset is simulated in-process',
  }),
  SIM_SEED: text('svoc', { description: "the in-process simulators' county seed" }),
  SIM_SCALE: choice(['tiny', 'demo', 'county'] as const, 'demo', {
    description: "the in-process simulators' county size",
  }),
  SIM_LATENCY_MS: integer(0, { max: 60_000 }, { description: 'latency added to every simulated call' }),
  SIM_AS_OF: optionalText({
    defaultText: 'today (Europe/London)',
    description: "the in-process county's own date (`YYYY-MM-DD`); tests pin a fixed date",
  }),
  REQUEST_DEADLINE_MS: integer(
    5000,
    { min: 50, max: 300_000 },
    {
      description: 'every request answers by then with what it has',
    },
  ),
  SHUTDOWN_GRACE_MS: optionalInteger(
    { max: 600_000 },
    {
      defaultText: '`REQUEST_DEADLINE_MS` + 1000',
      description: 'on SIGTERM/SIGINT, how long in-flight requests may run before their connections are cut',
    },
  ),
  REDIS_URL: url(REDIS, {
    description: 'shared L2 cache (`redis://` or `rediss://`); unset: bounded in-memory cache',
  }),
  DATABASE_URL: url(POSTGRES, {
    defaultText: 'PGlite in this process',
    description:
      'the child register (hub ids, links, review decisions) in PostgreSQL, shared by every instance; unset: the same SQL on PGlite (`REGISTER_DATA_DIR`)',
  }),
  DATABASE_POOL_SIZE: integer(
    5,
    { min: 1, max: 100 },
    { description: 'connections each instance keeps to `DATABASE_URL`' },
  ),
  REGISTER_ENABLED: flag(true, {
    description:
      "keep hub ids in the register (stable across restarts, merges and splits; steward decisions); `false`: ids derived from each cluster's anchor record, no review",
  }),
  REGISTER_DATA_DIR: optionalText({
    defaultText: 'in memory',
    description:
      "PGlite's data directory when `DATABASE_URL` is unset (one process at a time); unset: the register lives as long as the process",
  }),
  REGISTER_POLL_MS: integer(
    10_000,
    { min: 50, max: 600_000 },
    {
      description:
        "how often an instance checks the register for another instance's changes (ids, steward decisions) in case a notification was missed; each change is announced to every instance at once (LISTEN/NOTIFY)",
    },
  ),
  REGISTER_SCAN_MS: integer(
    300_000,
    { min: 1000, max: 86_400_000 },
    {
      description:
        'how often one instance reads what each system changed since the last scan (`updatedSince`; LIFT whole) and settles people whose change event was missed',
    },
  ),
  REGISTER_SWEEP_MS: integer(
    3_600_000,
    { min: 1000, max: 604_800_000 },
    {
      description:
        "how often the scan reads every system's whole person list instead of what changed, so people LCS, EYES or the front door no longer hold leave the register (no `updatedSince` page shows a removal)",
    },
  ),
  REGISTER_CHECKPOINT_MS: integer(
    600_000,
    { min: 1000, max: 86_400_000 },
    {
      description:
        'how often an instance considers writing a checkpoint of its link index to the register (one instance at a time), so a restart lays it out and applies only the records changed since; one is always written after a full load or a restart that found none',
    },
  ),
  REGISTER_CHECKPOINT_CHANGES: integer(
    1000,
    { min: 1, max: 100_000_000 },
    {
      description:
        'register versions of record changes since the newest checkpoint before another is written (a restart applies each of them one by one)',
    },
  ),
  REDIS_CLUSTER_NODES: optionalText({
    description: '`host:port,host:port,…` for Redis Cluster instead of `REDIS_URL`',
  }),
  REDIS_COMMAND_TIMEOUT_MS: integer(
    50,
    { min: 5, max: 10_000 },
    {
      description:
        'floor of the Redis command budget, which adapts to measured round trips up to 250 ms; a slower answer counts as a miss',
    },
  ),
  REDIS_KEY_PREFIX: text('', {
    pattern: '^[A-Za-z0-9:_-]{0,64}$',
    description: 'namespace for every key (several deployments or test runs on one Redis)',
  }),
  CACHE_KEYS: optionalText({
    defaultText: 'generated (development)',
    production: 'required',
    description:
      '`id:secret,id:secret` — sealing keys, current first; older ones still read; unset: random, kept in `dev-cache-key.json` beside the signing key',
  }),
  CACHE_KEY_NAME_SECRET: optionalText({
    minLength: 32,
    defaultText: 'oldest `CACHE_KEYS` secret',
    description:
      'keys the HMAC that hides ids in key names; separate, so rotating sealing keys keeps the cache warm',
  }),
  CACHE_TTL_SECONDS: integer(
    300,
    { min: 1, max: 86_400 * 7 },
    { description: 'freshness of a cached resource' },
  ),
  'CACHE_TTL_<SYSTEM>_<RESOURCE>': optionalInteger(
    { min: 1, max: 86_400 * 7 },
    {
      defaultText: '`CACHE_TTL_SECONDS`',
      description: 'freshness of one resource, e.g. `CACHE_TTL_LCS_PERSON=600`',
    },
  ),
  CACHE_STALE_GRACE_SECONDS: integer(
    86_400,
    { max: 86_400 * 30 },
    {
      description: 'how long past its TTL an entry may be served when its system fails',
    },
  ),
  CACHE_NEAR_ENTRIES: integer(
    5000,
    { max: 1_000_000 },
    {
      description:
        'in-process cache of decoded hot entries in front of Redis (`0`: off); dropped by every invalidation',
    },
  ),
  CACHE_NEAR_MAX_AGE_MS: integer(
    5000,
    { max: 60_000 },
    {
      description: 'a change another instance failed to announce shows within this age (`0`: near-cache off)',
    },
  ),
  CACHE_MEMORY_MAX_ENTRIES: integer(
    50_000,
    { min: 100, max: 10_000_000 },
    {
      description: 'entries the in-memory cache holds',
    },
  ),
  CACHE_MEMORY_MAX_BYTES: integer(
    128 * 1024 * 1024,
    { min: 1024 * 1024 },
    {
      description: 'bytes the in-memory cache holds',
    },
  ),
  UPSTREAM_TIMEOUT_MS: integer(
    2000,
    { min: 10, max: 120_000 },
    {
      description:
        'the longest one call to a system may take, queueing, attempts and waits included (a hanging system costs one attempt)',
    },
  ),
  '<SYSTEM>_TIMEOUT_MS': optionalInteger(
    { min: 10, max: 120_000 },
    {
      defaultText: '`UPSTREAM_TIMEOUT_MS`',
      description: 'the same for one system, e.g. `LIFT_TIMEOUT_MS`',
    },
  ),
  REPORT_UPSTREAM_MAX_CONCURRENCY: integer(
    4,
    { min: 1, max: 4096 },
    {
      description:
        'report list reads in flight to one system at once: reports have their own bulkhead, breaker and retry budget, apart from practitioners’ reads',
    },
  ),
  REPORT_UPSTREAM_TIMEOUT_MS: optionalInteger(
    { min: 10, max: 120_000 },
    { defaultText: '`UPSTREAM_TIMEOUT_MS`', description: 'the longest one report list read may take' },
  ),
  REPORT_FACTS_PREPARE: flag(true, {
    description:
      'keep report facts prepared in the shared cache: warmed in the background at start-up, refreshed by change events, re-read every `REPORT_FACTS_RECONCILE_SECONDS`; `false`: reports read their lists on demand',
  }),
  REPORT_FACTS_RECONCILE_SECONDS: integer(
    600,
    { min: 10, max: 86_400 },
    {
      description:
        'how often prepared report facts are re-read from their systems (a change no event announced shows within this); their freshness is twice this unless `CACHE_TTL_<SYSTEM>_<RESOURCE>` says otherwise',
    },
  ),
  UPSTREAM_MAX_RETRIES: integer(
    2,
    { max: 10 },
    { description: 'retries of a GET (jittered, Retry-After honoured)' },
  ),
  UPSTREAM_BACKOFF_BASE_MS: integer(25, { max: 10_000 }, { description: 'first retry backoff' }),
  UPSTREAM_BACKOFF_MAX_MS: integer(500, { max: 60_000 }, { description: 'longest retry backoff' }),
  UPSTREAM_RETRY_BUDGET_RATIO: decimal(
    0.2,
    { max: 1 },
    {
      description: 'retries a system may receive, as a share of its calls',
    },
  ),
  BREAKER_FAILURE_THRESHOLD: integer(
    5,
    { min: 1, max: 1000 },
    {
      description: 'failures in a row that open a system’s circuit breaker',
    },
  ),
  BREAKER_COOLDOWN_MS: integer(
    5000,
    { min: 10, max: 600_000 },
    {
      description: 'how long an open breaker refuses calls before it tries one',
    },
  ),
  BREAKER_SLOW_CALL_MS: optionalInteger(
    { min: 1, max: 120_000 },
    {
      defaultText: 'off',
      description:
        "an attempt unanswered after this counts as a failure at once (set it above the system's normal p99)",
    },
  ),
  UPSTREAM_MAX_CONCURRENCY: integer(64, { min: 1, max: 4096 }, { description: 'in-flight calls per system' }),
  '<SYSTEM>_MAX_CONCURRENCY': optionalInteger(
    { min: 1, max: 4096 },
    {
      defaultText: '`UPSTREAM_MAX_CONCURRENCY`',
      description: 'the same for one system',
    },
  ),
  AUTH_MODE: choice(['local', 'jwks'] as const, 'local', {
    production: '`jwks`',
    description: '`local` (a generated ES256 key, development) or `jwks` (the council identity provider)',
  }),
  AUTH_JWKS_URL: url(HTTP, {
    defaultText: '— (required with `jwks`)',
    description: "the identity provider's key set",
  }),
  AUTH_ISSUER: text(DEFAULT_LOCAL_ISSUER, { description: 'the `iss` tokens must carry' }),
  AUTH_AUDIENCE: text(DEFAULT_AUDIENCE, { description: 'the `aud` tokens must carry' }),
  AUTH_APP_CLIENT_ID: optionalText({
    defaultText: '— (the app follows `GRAPHIQL`)',
    description:
      "the practitioner app's public client at the identity provider (authorization code with PKCE, no secret): with `AUTH_MODE=jwks` the app at `/app` signs in against `AUTH_ISSUER`'s discovery document, and is served in production too",
  }),
  AUTH_APP_SCOPE: text('openid profile', {
    description:
      'the scopes the app asks for; add what makes the identity provider issue it an access token for `AUTH_AUDIENCE` (e.g. `api://<hub>/.default`)',
  }),
  AUTH_LOCAL_KEY_FILE: text(DEFAULT_LOCAL_KEY_FILE, {
    description: 'the local signing key shared by the hub and `npm run token`',
  }),
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: integer(
    DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
    { min: 60, max: 7 * 86_400 },
    {
      description: 'a token living longer (exp − iat, or exp − now without iat) is refused with 401',
    },
  ),
  AUTH_FAILURE_LIMIT: integer(
    20,
    { min: 1, max: 1_000_000 },
    {
      description:
        'failed authentications per client address per window; past it 429 RATE_LIMITED with Retry-After',
    },
  ),
  AUTH_FAILURE_WINDOW_SECONDS: integer(
    60,
    { min: 1, max: 86_400 },
    { description: 'the window of `AUTH_FAILURE_LIMIT`' },
  ),
  METRICS_TOKEN: optionalText({
    minLength: 16,
    description: 'bearer token `/metrics` demands; unset: open in development, refused (403) in production',
  }),
  EVENTS_TOKEN: optionalText({
    minLength: 16,
    defaultText: 'generated per run',
    description: 'bearer token upstream systems present on `POST /events`',
  }),
  AUDIT_SINK: choice(['file', 'redis'] as const, 'file', {
    description: 'where the audit trail is written (`redis`, on `REDIS_URL`, for several instances)',
  }),
  AUDIT_FILE: text('.tmp/audit.jsonl', { description: 'the file trail' }),
  AUDIT_STREAM: text('svoc:audit', { description: 'the Redis stream trail' }),
  AUDIT_CHAIN_KEY: optionalText({
    minLength: 32,
    defaultText: 'generated (development)',
    production: 'required',
    description:
      'HMAC key of the audit chain; in development generated on first start beside `AUTH_LOCAL_KEY_FILE`',
  }),
  AUDIT_ANCHOR_KEY: optionalText({
    defaultText: '`<AUDIT_FILE>.anchor` file',
    description:
      "Redis key (on `REDIS_URL`) holding the file trail's head; the stream trail keeps its anchor at `<AUDIT_STREAM>:anchor`",
  }),
  GRAPHQL_JIT: flag(true, {
    description: 'compile each query once with graphql-jit; `false` runs graphql-js',
  }),
  GRAPHIQL: optionalFlag({ defaultText: 'on unless production', description: 'the GraphiQL page' }),
  GRAPHQL_INTROSPECTION: optionalFlag({
    defaultText: 'on unless production',
    description: 'schema introspection',
  }),
  TRUSTED_DOCUMENTS_FILE: optionalText({
    description: 'JSON `{sha256: document}`: only these operations run',
  }),
  RATE_LIMIT_PER_MINUTE: integer(
    600,
    { min: 1, max: 1_000_000 },
    { description: 'GraphQL requests per user per minute' },
  ),
  RATE_LIMIT_BURST: integer(
    100,
    { min: 1, max: 1_000_000 },
    { description: 'GraphQL requests a user may send at once' },
  ),
  GRAPHQL_MAX_DEPTH: integer(
    12,
    { min: 2, max: 100 },
    { description: 'deepest field nesting (QUERY_TOO_COMPLEX)' },
  ),
  GRAPHQL_MAX_COST: integer(
    20_000,
    { min: 10, max: 10_000_000 },
    { description: 'highest query cost (QUERY_TOO_COMPLEX)' },
  ),
  GRAPHQL_MAX_ALIASES: integer(
    15,
    { max: 1000 },
    { description: 'aliases in one document (QUERY_TOO_COMPLEX)' },
  ),
  GRAPHQL_MAX_TOKENS: integer(
    3000,
    { min: 50, max: 1_000_000 },
    { description: 'tokens in one document (QUERY_TOO_COMPLEX)' },
  ),
  CP_VISIT_WORKING_DAYS: integer(
    10,
    { min: 1, max: 365 },
    { description: 'local visiting standard: child protection' },
  ),
  CIN_VISIT_WORKING_DAYS: integer(
    20,
    { min: 1, max: 365 },
    { description: 'local visiting standard: child in need' },
  ),
  CLA_VISIT_WEEKS: integer(
    6,
    { min: 1, max: 52 },
    { description: 'local visiting standard: looked-after children' },
  ),
  BANK_HOLIDAYS_EXTRA: optionalText({
    description: 'extra `YYYY-MM-DD` holidays for the working-day calendar',
  }),
  OTEL_ENABLED: flag(false, { description: 'OpenTelemetry spans per request and upstream call' }),
  OTEL_SERVICE_NAME: text('svoc-hub', { description: 'the service name on every span' }),
  OTEL_EXPORTER_OTLP_ENDPOINT: url(HTTP, { description: 'where spans are exported over OTLP/HTTP' }),
});

export type SettingName = keyof typeof CONFIG_SCHEMA.properties;

/** One setting's declaration, with the notes the README is generated from. */
export type Setting = TSchema &
  SettingNotes & {
    default?: unknown;
    minimum?: number;
    maximum?: number;
    minLength?: number;
    schemes?: readonly string[];
  };

export function setting(name: SettingName): Setting {
  return CONFIG_SCHEMA.properties[name] as Setting;
}

/** A numeric setting's default, for modules that run with the hub's defaults when given no configuration. */
export function defaultOf(name: SettingName): number {
  const value = setting(name).default;
  if (typeof value !== 'number') throw new Error(`${name} has no numeric default`);
  return value;
}
