/**
 * The composition root: the only place that wires the hub's parts together. `createHub` builds
 * everything from a validated config and returns an HTTP server ready to listen, plus `stop`.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { buildHubSchema } from './execution/hubSchema.ts';
import { collectStartupGarbage } from './startupGarbage.ts';
import { internalErrorsPlugin } from '../platform/observability/internalErrors.ts';
import { quietLog } from '../platform/observability/quietLog.ts';
import type { Logger } from 'pino';
import { createAuthenticator, loadLocalSigningKey } from '../domain/access/index.ts';
import { devSignInRoutes } from './http/devSignIn.ts';
import { findExampleCase } from '../../connectors/lcs/exampleCase.ts';
import {
  anchorKeyOfStream,
  createAuditTrail,
  createFileSink,
  createRedisAnchor,
  createRedisStreamSink,
  loadChainKey,
  type AuditTrail,
} from '../platform/audit/index.ts';
import type { AuditSink } from '../platform/audit/types.ts';
import {
  createEntityCache,
  createEntityKeyer,
  createInvalidationBus,
  createMemoryStore,
  createRedisClusterStore,
  createRedisStore,
  createSealer,
  inProcessSealer,
  loadDevelopmentSealingKey,
  resolveCacheSettings,
  type InvalidationBus,
  type SharedEntityCache,
} from '../platform/cache/index.ts';
import type { CacheStore } from '../platform/cache/types.ts';
import type { HubConfig } from '../platform/config/index.ts';
import type { HubContext } from '../../resolvers/context.ts';
import { createWorkingDayCalendar } from '../domain/rules/calendar.ts';
import { londonDateOf } from '../domain/rules/dates.ts';
import { createTimescaleRules } from '../domain/rules/timescales.ts';
import { resolveTimescaleSettings } from '../domain/rules/timescaleSettings.ts';
import { apolloExecution, rememberMediaTypeChoices } from './execution/index.ts';
import { createHardening, createRateLimiter } from './hardening/index.ts';
import { GRAPHIQL_ASSET_PREFIX, graphiqlHandler } from './http/graphiql/index.ts';
import {
  PRACTITIONER_APP_ASSET_PREFIX,
  PRACTITIONER_APP_PATH,
  practitionerAppHandler,
} from './http/practitionerApp.ts';
import { graphqlRoute } from './http/graphqlRoute.ts';
import { requestScope } from './http/requestScope.ts';
import { EXAMPLE_QUERY } from './http/exampleQuery.ts';
import { createHubMetrics, metricsAccess } from './http/metrics.ts';
import { eventsRoute } from './http/events.ts';
import { REPORT_FACT_LISTS } from '../../connectors/reportLists.ts';
import {
  createReportFactPreparer,
  RECONCILE_MARKER,
  type ReportFactPreparer,
} from '../../connectors/reportFacts.ts';
import { healthRoutes } from './http/health.ts';
import {
  loadChildDirectory,
  type ChildDirectory,
  type LinkedDirectory,
  type PersonFeed,
} from '../domain/identity/directory.ts';
import {
  startChildRegister,
  type ChildRegister,
  type LoadFromSystems,
} from '../platform/register/childRegister.ts';
import type { ChangedPeopleFeed } from '../platform/register/scan.ts';
import { openRegisterStore } from '../platform/register/store.ts';
import type { LoadProgress } from '../domain/identity/load.ts';
import { createLogger } from '../platform/observability/logger.ts';
import { startTracing } from '../platform/observability/tracing.ts';
import { drainServer } from './http/drain.ts';
import { createRouter, orElse, sendNotFound, type Route } from './http/router.ts';
import {
  correlationId as correlationIdOf,
  requestId as newRequestId,
} from '../platform/observability/requestId.ts';
import type { HubServices } from '../../resolvers/services.ts';
import { createUpstreamClients, closeUpstreamClients } from '../platform/upstream/clients.ts';
import { UpstreamError } from '../platform/upstream/types.ts';
import { SYSTEMS, type SystemName } from '../platform/systems.ts';
import { createLcsClient } from '../../connectors/lcs/client.ts';
import { createEyesClient } from '../../connectors/eyes/client.ts';
import { createLiftClient } from '../../connectors/lift/client.ts';
import { createFrontDoorClient } from '../../connectors/frontdoor/client.ts';
import { createRequestLoaders } from '../../connectors/requestLoaders.ts';
import { loggingContractWatch } from '../../connectors/shared/contract.ts';
import { createChangedPeopleFeeds, createPersonFeeds } from '../../connectors/personFeeds.ts';
import { errorMessage, hubError } from '../platform/errors.ts';
import { resolvers } from '../../resolvers/index.ts';
import { loadTypeDefs } from '../../resolvers/support/sdl.ts';

// The SDL as published: the hub-internal @access directive (read by resolvers/support/childFields.ts) removed.
export { loadTypeDefs };

export interface Hub {
  server: Server;
  services: HubServices;
  /** The child directory; throws NOT_READY until `loaded` has settled. */
  readonly directory: ChildDirectory;
  /**
   * Settles when the child directory (the register's, when on) has loaded; rejects when it cannot
   * (not for an unreachable system: that is retried). The hub may listen before: it is not ready.
   */
  loaded: Promise<void>;
  /** The token upstream systems present on POST /events (generated when not configured). */
  eventsToken: string;
  /** Prepared report facts (null when REPORT_FACTS_PREPARE=false): `warmedUp()` settles after start-up's warm-up. */
  reportFacts: ReportFactPreparer | null;
  listen(port?: number, host?: string): Promise<{ url: string }>;
  /** Stops accepting, drains in-flight requests, flushes the audit trail, closes Redis. */
  stop(): Promise<void>;
}

export interface HubOverrides {
  logger?: Logger;
  now?: () => number;
  /** An audit sink built by the caller (tests use it to make the trail fail on demand). */
  auditSink?: AuditSink;
}

function createStore(config: HubConfig, logger: Logger): CacheStore {
  const onConnectionError = cacheConnectionLog(logger);
  if (config.redis.clusterNodes.length > 0) {
    return createRedisClusterStore({
      nodes: config.redis.clusterNodes,
      commandTimeoutMs: config.redis.commandTimeoutMs,
      keyPrefix: config.redis.keyPrefix,
      onConnectionError,
    });
  }
  if (config.redis.url) {
    return createRedisStore({
      url: config.redis.url,
      commandTimeoutMs: config.redis.commandTimeoutMs,
      keyPrefix: config.redis.keyPrefix,
      onConnectionError,
    });
  }
  return createMemoryStore({
    maxEntries: config.cache.memoryMaxEntries,
    maxBytes: config.cache.memoryMaxBytes,
  });
}

/** How often a connection failure of the cache store is logged while it lasts (ioredis reports every retry). */
const CACHE_CONNECTION_LOG_EVERY_MS = 30_000;

/**
 * Logs why the cache store cannot be reached (the error names host and port, never cache content),
 * at most every 30 s with how many failures went unlogged in between: while it lasts, lookups are
 * misses and views are answered from the upstream systems.
 */
function cacheConnectionLog(logger: Logger): (error: Error) => void {
  const due = quietLog(CACHE_CONNECTION_LOG_EVERY_MS);
  return (error) => {
    const logged = due('cache store');
    if (logged === null) return;
    logger.warn(
      { err: error, unloggedSinceLast: logged.unloggedSince },
      'cache store unreachable: lookups are misses, views are read from the upstream systems',
    );
  };
}

/**
 * Sealing keys: configured ones (config refuses to start without them in production); otherwise
 * the development key generated on first start beside the development signing key.
 */
async function sealingKeys(config: HubConfig): Promise<{ id: string; secret: string }[]> {
  if (config.cache.keys.length > 0) return config.cache.keys;
  return [await loadDevelopmentSealingKey(config.cache.developmentKeyFile)];
}

/** The configured sink, keyed with the chain key and anchored; says where at start-up. */
async function createAuditSink(config: HubConfig, logger: Logger): Promise<AuditSink> {
  const key = await loadChainKey(config.audit.chainKey);
  const { redis, audit } = config;
  if (audit.sink === 'redis' && redis.url) {
    logger.info(
      { stream: audit.stream, anchor: anchorKeyOfStream(audit.stream) },
      'audit trail: Redis stream, anchored beside it',
    );
    return createRedisStreamSink({ redisUrl: redis.url, stream: audit.stream, key });
  }
  const anchor =
    audit.anchorKey && redis.url
      ? await createRedisAnchor({ redisUrl: redis.url, key: audit.anchorKey })
      : undefined;
  const sink = await createFileSink(audit.file, { key, ...(anchor ? { anchor } : {}) });
  if (!anchor && config.env === 'production')
    logger.warn(
      { file: audit.file, anchor: sink.anchorLocation },
      'audit trail anchored in a file on the same disk: a cut-off tail is only detectable with AUDIT_ANCHOR_KEY (a Redis key)',
    );
  else logger.info({ file: audit.file, anchor: sink.anchorLocation }, 'audit trail: file');
  return sink;
}

/** A line every few seconds while the directory loads (a county takes a while): what has been read. */
function directoryProgress(logger: Logger, everyMs = 5000): LoadProgress {
  let last = Date.now();
  return (phase, records) => {
    const total = Object.values(records).reduce((sum, n) => sum + (n ?? 0), 0);
    if (phase === 'linking') {
      logger.info({ records }, `child directory: linking ${total} people records`);
      return;
    }
    if (Date.now() - last < everyMs) return;
    last = Date.now();
    logger.info({ records }, `child directory: ${total} people records read so far`);
  };
}

/**
 * Reads every system's people into the directory, retrying while a system cannot be read: each
 * failure is one warning naming the system and its URL (no stack trace), and the hub is not ready
 * (`starting` says why) until every system has answered.
 */
async function loadDirectoryWhenReachable(
  config: HubConfig,
  clients: Parameters<typeof createPersonFeeds>[0],
  logger: Logger,
  starting: (reason: string) => void,
  wrap: (feeds: PersonFeed[]) => PersonFeed[] = (feeds) => feeds,
): Promise<LinkedDirectory> {
  for (let attempt = 1; ; attempt++) {
    starting('reading and linking every system’s people into the child directory');
    try {
      return await loadChildDirectory(wrap(createPersonFeeds(clients)), directoryProgress(logger));
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      const retryInMs = Math.min(30_000, 1000 * 2 ** Math.min(attempt - 1, 5));
      const url = config.upstream[error.system].baseUrl;
      starting(`${error.system} cannot be read (${error.code}); trying again in ${retryInMs / 1000} s`);
      logger.warn(
        { system: error.system, url, err: error, attempt, retryInMs },
        `${error.system} cannot be read at ${url} (${error.code}): the hub is not ready; trying again in ${retryInMs / 1000} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, retryInMs));
    }
  }
}

/**
 * The register (PostgreSQL at DATABASE_URL, else PGlite in this process) and the links it stores:
 * the systems are read only when it holds none yet.
 */
async function openRegister(
  config: HubConfig,
  loadFromSystems: LoadFromSystems,
  scanFeeds: ChangedPeopleFeed[],
  logger: Logger,
): Promise<ChildRegister> {
  const { url, dataDir, poolSize, pollMs, scanMs, sweepMs, checkpoint } = config.register;
  const started = Date.now();
  const store = await openRegisterStore({ url, dataDir, poolSize });
  const scan = { feeds: scanFeeds, everyMs: scanMs, sweepEveryMs: sweepMs };
  const register = await startChildRegister(store, { loadFromSystems, pollMs, logger, scan, checkpoint });
  logger.info(
    {
      engine: store.engine,
      ...(url ? {} : { dataDir: dataDir ?? 'memory' }),
      version: register.version,
      ms: Date.now() - started,
    },
    'child register reconciled',
  );
  return register;
}

/** A hub whose child directory has loaded (tests and benchmarks: serving at once, ready). */
export async function createHub(config: HubConfig, overrides: HubOverrides = {}): Promise<Hub> {
  const hub = await startHub(config, overrides);
  try {
    await hub.loaded;
  } catch (error) {
    await hub.stop();
    throw error;
  }
  return hub;
}

/**
 * Everything from a validated config, the child directory still loading (`loaded`): `npm start`
 * listens at once, so a county's first load (minutes) finds the process alive and saying why it
 * is not ready, rather than not answering at all.
 */
export async function startHub(config: HubConfig, overrides: HubOverrides = {}): Promise<Hub> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel });
  const now = overrides.now ?? Date.now;
  const metrics = createHubMetrics();

  for (const system of SYSTEMS) {
    if (!config.upstream[system].baseUrl)
      throw new Error(`${system.toUpperCase()}_URL is not set and no simulator was started for it`);
  }
  const tracing = startTracing(config.tracing, { logger });
  const http = createUpstreamClients(config.upstream, {
    metrics: metrics.upstream,
    logger,
    tracer: tracing.upstreamTracer,
  });
  // Both sets of clients check every answer against its contract; a broken one is logged and counted.
  const contractWatch = loggingContractWatch(logger, metrics.contractViolation);
  const clients = {
    lcs: createLcsClient(http.lcs, contractWatch),
    eyes: createEyesClient(http.eyes, contractWatch),
    lift: createLiftClient(http.lift, contractWatch),
    frontdoor: createFrontDoorClient(http.frontdoor, contractWatch),
  };
  // The report bulkhead: own breakers, concurrency cap and timeout (config.reportUpstream).
  const reportHttp = createUpstreamClients(
    Object.fromEntries(
      SYSTEMS.map((system) => [system, { ...config.upstream[system], ...config.reportUpstream }]),
    ) as typeof config.upstream,
    {
      metrics: metrics.reportUpstream,
      logger,
      tracer: tracing.upstreamTracer,
    },
  );
  const reportClients = {
    lcs: createLcsClient(reportHttp.lcs, contractWatch),
    eyes: createEyesClient(reportHttp.eyes, contractWatch),
    lift: createLiftClient(reportHttp.lift, contractWatch),
    frontdoor: createFrontDoorClient(reportHttp.frontdoor, contractWatch),
  };

  const keys = await sealingKeys(config);
  const store = createStore(config, logger);
  const sealer = createSealer({ keys, current: keys[0]!.id });
  const keyer = createEntityKeyer({ secret: config.cache.keyNameSecret ?? keys[keys.length - 1]!.secret });
  const cacheSettings = resolveCacheSettings({
    defaultTtlSeconds: config.cache.defaultTtlSeconds,
    ttlSeconds: { ...preparedFactTtls(config), ...config.cache.ttlSeconds },
    staleGraceSeconds: config.cache.staleGraceSeconds,
    nearCacheEntries: config.cache.nearCacheEntries,
    nearCacheMaxAgeMs: config.cache.nearCacheMaxAgeMs,
    nearCacheMaxAgeMsByResource: preparedFactNearAges(config),
  });
  const bus: InvalidationBus = createInvalidationBus({
    channel: `${config.redis.keyPrefix}svoc:invalidate`,
    store,
    keyer,
    contractVersion: cacheSettings.contractVersion,
    sealer,
    ...(config.redis.clusterNodes.length > 0
      ? { cluster: { nodes: config.redis.clusterNodes } }
      : config.redis.url
        ? { redisUrl: config.redis.url }
        : {}),
    onError: (error) => logger.warn({ err: error }, 'cache invalidation problem'),
  });
  const cache: SharedEntityCache = createEntityCache({
    store,
    // Sealing protects what rests in Redis; entries in this process's own memory are not sealed.
    sealer: store.kind === 'memory' ? inProcessSealer : sealer,
    keyer,
    settings: cacheSettings,
    bus,
    metrics: metrics.cache,
  });

  const sink = overrides.auditSink ?? (await createAuditSink(config, logger));
  const audit: AuditTrail = createAuditTrail({ sink, logger, metrics: metrics.audit });

  const authenticator = await createAuthenticator(
    config.auth.mode === 'jwks'
      ? {
          mode: 'jwks',
          jwksUrl: config.auth.jwksUrl,
          issuer: config.auth.issuer,
          audience: config.auth.audience,
          maxLifetimeSeconds: config.auth.maxTokenLifetimeSeconds,
        }
      : {
          mode: 'local',
          issuer: config.auth.issuer,
          audience: config.auth.audience,
          keyFile: config.auth.keyFile,
          maxLifetimeSeconds: config.auth.maxTokenLifetimeSeconds,
        },
  );

  const calendar = createWorkingDayCalendar({ extraHolidays: config.domain.extraBankHolidays });
  const rules = createTimescaleRules({
    calendar,
    settings: resolveTimescaleSettings({
      childProtectionVisits: { count: config.domain.cpVisitWorkingDays, unit: 'WORKING_DAYS' },
      childInNeedVisits: { count: config.domain.cinVisitWorkingDays, unit: 'WORKING_DAYS' },
      lookedAfterVisits: {
        first: { count: 1, unit: 'WEEKS' },
        duringFirstYear: { count: config.domain.claVisitWeeks, unit: 'WEEKS' },
        afterFirstYear: { count: config.domain.claVisitWeeks, unit: 'WEEKS' },
      },
    }),
  });

  // The child directory loads in the background: the hub listens meanwhile, alive but not ready
  // (/readyz says why), and answers what needs the directory NOT_READY until it has loaded.
  let directory: ChildDirectory | null = null;
  let register: ChildRegister | null = null;
  let stopped = false;
  let startingReason = config.register.enabled
    ? 'opening the child register: restoring its links, or waiting while another instance reads every system'
    : 'reading and linking every system’s people into the child directory';
  const starting = (reason: string) => (startingReason = reason);
  const loaded = (async () => {
    if (config.register.enabled) {
      register = await openRegister(
        config,
        (wrap) => loadDirectoryWhenReachable(config, clients, logger, starting, wrap),
        createChangedPeopleFeeds(clients),
        logger,
      );
      // Stopped while it loaded: nothing will close it later.
      if (stopped) {
        await register.close();
        return;
      }
    }
    const loadedNow = register ?? (await loadDirectoryWhenReachable(config, clients, logger, starting));
    // Before the hub is ready: what loading left behind is not kept resident while it serves.
    await collectStartupGarbage(logger);
    directory = loadedNow;
    logger.info({ directory: directory.stats() }, 'child directory loaded');
  })();
  // Seen by whoever awaits `loaded` (main exits, createHub throws); never an unhandled rejection.
  loaded.catch(() => undefined);
  const loadedDirectory = (): ChildDirectory => {
    if (directory === null) throw hubError('NOT_READY', errorMessage('NOT_READY'));
    return directory;
  };

  const services: HubServices = {
    config,
    // Read by resolvers, which run only once it has loaded (the GraphQL route answers NOT_READY before).
    get directory() {
      return loadedDirectory();
    },
    get register() {
      return register;
    },
    audit,
    rules,
    cache,
    clients,
    reportClients,
    now,
  };
  const reportFacts = config.reportFacts.prepare
    ? createReportFactPreparer({
        cache,
        clients: reportClients,
        lists: REPORT_FACT_LISTS,
        now,
        logger,
        reconcileSeconds: config.reportFacts.reconcileSeconds,
      })
    : null;

  const hardening = createHardening<HubContext>({
    maxDepth: config.graphql.maxDepth,
    maxAliases: config.graphql.maxAliases,
    maxTokens: config.graphql.maxTokens,
    maxCost: config.graphql.maxCost,
    introspection: config.graphql.introspection,
    trustedDocuments: config.graphql.trustedDocumentsFile
      ? { enabled: true, manifestPath: config.graphql.trustedDocumentsFile }
      : { enabled: false },
    rateLimit: { requestsPerMinute: config.graphql.rateLimitPerMinute, burst: config.graphql.rateLimitBurst },
  });

  const schema = buildHubSchema(loadTypeDefs(), resolvers);
  rememberMediaTypeChoices();
  const apollo = new ApolloServer<HubContext>({
    // graphql-jit compiles each document once (src/server/execution); `jit: false` runs graphql-js.
    ...apolloExecution(schema, { jit: config.graphql.jit }),
    ...hardening.apolloServerOptions,
    // main.ts drains on SIGTERM/SIGINT. Apollo's own handler (on unless NODE_ENV=test) would stop
    // the server and re-send the signal, killing the process before in-flight requests finish.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      // A subgraph would send Apollo's field traces (timings) to any caller asking for them: off.
      ApolloServerPluginInlineTraceDisabled(),
      tracing.apolloPlugin,
      ...hardening.apolloServerOptions.plugins,
      internalErrorsPlugin<HubContext>(logger),
      {
        async requestDidStart() {
          const started = process.hrtime.bigint();
          return {
            async willSendResponse(ctx) {
              const seconds = Number(process.hrtime.bigint() - started) / 1e9;
              const failed =
                ctx.response.body.kind === 'single' &&
                (ctx.response.body.singleResult.errors?.length ?? 0) > 0;
              metrics.observeRequest(
                { name: ctx.operationName ?? null, trusted: hardening.isTrustedDocument(ctx.queryHash) },
                failed ? 'error' : 'ok',
                seconds,
              );
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const graphiql = graphiqlHandler({
    endpoint: '/graphql',
    enabled: config.graphql.graphiql,
    defaultQuery: EXAMPLE_QUERY,
    devSignIn: config.auth.mode === 'local',
    onBundleError: () => logger.error('GraphiQL bundle could not be built; the page answers 503'),
  });
  // The reference practitioner app, on /app: with the development tools (GRAPHIQL), or wherever it
  // can sign in with the identity provider.
  const practitionerApp = practitionerAppHandler({
    enabled: config.practitionerApp.enabled,
    devSignIn: config.auth.mode === 'local',
    oidc: config.practitionerApp.oidc,
    onBundleError: () => logger.error('practitioner app bundle could not be built; /app answers 503'),
  });
  const eventsToken = config.eventsToken ?? randomBytes(24).toString('base64url');

  const graphql = graphqlRoute({
    apollo,
    authenticate: (authorization) => authenticator.authenticate(authorization),
    rateLimiter: hardening.rateLimiter,
    authFailureLimiter: createRateLimiter({
      burst: config.auth.failureLimit,
      requestsPerMinute: (config.auth.failureLimit * 60) / config.auth.failureWindowSeconds,
    }),
    maxBodyBytes: 100 * 1024,
    starting: () => directory === null,
    onError: (error) => logger.error({ err: error }, 'unhandled GraphQL request error'),
    context: (viewer, req, res) => {
      const requestId = newRequestId();
      const scope = requestScope(requestId, config.requestDeadlineMs, res);
      res.setHeader('x-request-id', requestId);
      return {
        viewer,
        requestId,
        correlationId: correlationIdOf(req),
        scope,
        services,
        today: londonDateOf(now()),
        loaders: createRequestLoaders(clients, cache, scope),
      };
    },
  });
  const routes: Route[] = [
    // The hot path: a POST is never GraphiQL's page, so it goes to the API without asking.
    { methods: ['POST'], path: '/graphql', handler: graphql },
    // A browser's navigation to /graphql gets GraphiQL's page; any other method or client, the
    // API (which answers the methods it does not take itself).
    { methods: '*', path: '/graphql', handler: orElse(graphiql, graphql) },
    { methods: ['GET'], path: `${GRAPHIQL_ASSET_PREFIX}*`, handler: orElse(graphiql, sendNotFound) },
    { methods: ['GET'], path: PRACTITIONER_APP_PATH, handler: orElse(practitionerApp, sendNotFound) },
    {
      methods: ['GET'],
      path: `${PRACTITIONER_APP_ASSET_PREFIX}*`,
      handler: orElse(practitionerApp, sendNotFound),
    },
    ...(config.auth.mode === 'local'
      ? devSignInRoutes({
          key: await loadLocalSigningKey(config.auth.keyFile),
          issuer: config.auth.issuer,
          audience: config.auth.audience,
          findExampleCase: () =>
            findExampleCase(clients.lcs, {
              deadlineAt: Date.now() + config.requestDeadlineMs,
              requestId: 'dev-sign-in',
            }),
          logger,
        })
      : []),
    ...healthRoutes({
      http,
      store,
      directory: () => directory,
      startingReason: () => startingReason,
      metrics,
      metricsAccess: metricsAccess({ token: config.metricsToken, production: config.env === 'production' }),
    }),
    {
      methods: '*',
      path: '/events',
      handler: eventsRoute({
        token: eventsToken,
        cache,
        directory: () => directory,
        clients,
        logger,
        reportFacts,
      }),
    },
  ];
  const router = createRouter(routes, {
    onError: (error) => logger.error({ err: error }, 'unhandled request error'),
  });
  const server = createServer({ keepAliveTimeout: 65_000 }, router);
  let stopping: Promise<void> | null = null;
  // In the background: serving never waits for it (a report asked meanwhile reads cold). It begins
  // once the child directory has loaded: the directory's read of every system's people and the
  // warm-up's lists at once overran a county's systems, timing reads of both out (issue 18).
  reportFacts?.start(loaded);

  return {
    server,
    services,
    get directory() {
      return loadedDirectory();
    },
    loaded,
    eventsToken,
    reportFacts,
    listen: (port = config.port, host = config.host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          resolve({ url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}/graphql` });
        });
      }),
    stop: () =>
      (stopping ??= (async () => {
        // A load still running is not waited for (it may take minutes): a register it opens is
        // closed when it finishes, and a first load cut short is done again by the next instance.
        stopped = true;
        await drainServer(server, { graceMs: config.shutdownGraceMs });
        await reportFacts?.stop();
        await apollo.stop();
        await audit.close();
        await cache.close();
        await bus.close();
        await store.close();
        await register?.close();
        closeUpstreamClients(http);
        closeUpstreamClients(reportHttp);
        await tracing.shutdown();
      })()),
  };
}

/**
 * Prepared report facts stay fresh for twice the reconciliation interval (the interval re-reads
 * them); the reconciliation marker for one interval. Configured TTLs win.
 */
function preparedFactTtls(config: HubConfig): Record<string, number> {
  if (!config.reportFacts.prepare) return {};
  const interval = config.reportFacts.reconcileSeconds;
  return {
    ...Object.fromEntries(REPORT_FACT_LISTS.map((list) => [`${list.system}:${list.resource}`, interval * 2])),
    [`${RECONCILE_MARKER.system}:${RECONCILE_MARKER.resource}`]: Math.max(1, interval - 1),
  };
}

/**
 * Prepared report facts are kept decoded in each instance for up to one reconciliation interval
 * (not the near-cache's few seconds): they are large, a store read of one can outlast the Redis
 * command budget on a busy machine (and a miss means re-reading the list upstream), and every
 * change to them is announced to every instance when it is written.
 */
function preparedFactNearAges(config: HubConfig): Record<string, number> {
  if (!config.reportFacts.prepare) return {};
  const ms = config.reportFacts.reconcileSeconds * 1000;
  return Object.fromEntries(REPORT_FACT_LISTS.map((list) => [`${list.system}:${list.resource}`, ms]));
}

export type { SystemName };
