/**
 * The composition root: the only place that wires the hub's parts together. `createHub` builds
 * everything from a validated config and returns an HTTP server ready to listen, plus `stop`.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { buildHubSchema } from './execution/hubSchema.ts';
import { internalErrorsPlugin } from './observability/internalErrors.ts';
import { errorBody } from './errors.ts';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { createAuthenticator, loadLocalSigningKey } from './access/index.ts';
import { devSignInRoutes } from './http/devSignIn.ts';
import { findExampleCase } from '../connectors/lcs/exampleCase.ts';
import {
  anchorKeyOfStream,
  createAuditTrail,
  createFileSink,
  createRedisAnchor,
  createRedisStreamSink,
  loadChainKey,
  type AuditTrail,
} from './audit/index.ts';
import type { AuditSink } from './audit/types.ts';
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
} from './cache/index.ts';
import type { CacheStore } from './cache/types.ts';
import type { HubConfig } from './config/index.ts';
import type { HubContext } from './context.ts';
import { createWorkingDayCalendar } from './domain/calendar.ts';
import { londonDateOf } from './domain/dates.ts';
import { createTimescaleRules } from './domain/timescales.ts';
import { resolveTimescaleSettings } from './domain/timescaleSettings.ts';
import { apolloExecution } from './execution/index.ts';
import { createHardening, createRateLimiter } from './hardening/index.ts';
import { graphiqlHandler } from './http/graphiql/index.ts';
import { prefersHtml } from './http/graphiql/accept.ts';
import { practitionerAppHandler } from './http/practitionerApp.ts';
import { graphqlRoute } from './http/graphqlRoute.ts';
import { requestScope } from './http/requestScope.ts';
import { EXAMPLE_QUERY } from './http/exampleQuery.ts';
import { createHubMetrics, metricsAccess } from './http/metrics.ts';
import { eventsRoute } from './http/events.ts';
import { REPORT_FACT_LISTS } from '../connectors/reportLists.ts';
import {
  createReportFactPreparer,
  RECONCILE_MARKER,
  type ReportFactPreparer,
} from '../connectors/reportFacts.ts';
import { healthRoutes } from './http/health.ts';
import { loadChildDirectory, type ChildDirectory } from './identity/directory.ts';
import { openChildRegister, type ChildRegister } from './register/childRegister.ts';
import { openRegisterStore } from './register/store.ts';
import type { LoadProgress } from './identity/load.ts';
import { createLogger } from './observability/logger.ts';
import { startTracing } from './observability/tracing.ts';
import { drainServer } from './http/drain.ts';
import { correlationId as correlationIdOf, requestId as newRequestId } from './observability/requestId.ts';
import type { HubServices } from './services.ts';
import { createUpstreamClients, closeUpstreamClients } from './upstream/clients.ts';
import { SYSTEMS, UpstreamError, type SystemName } from './upstream/types.ts';
import { createLcsClient } from '../connectors/lcs/client.ts';
import { createEyesClient } from '../connectors/eyes/client.ts';
import { createLiftClient } from '../connectors/lift/client.ts';
import { createFrontDoorClient } from '../connectors/frontdoor/client.ts';
import { createRequestLoaders } from '../connectors/requestLoaders.ts';
import { createPersonFeeds } from '../connectors/personFeeds.ts';
import { resolvers } from '../resolvers/index.ts';
import { loadTypeDefs } from '../resolvers/support/sdl.ts';

// The SDL as published: the hub-internal @access directive (read by resolvers/support/childFields.ts) removed.
export { loadTypeDefs };

export interface Hub {
  server: Server;
  services: HubServices;
  directory: ChildDirectory;
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

function createStore(config: HubConfig): CacheStore {
  if (config.redis.clusterNodes.length > 0) {
    return createRedisClusterStore({
      nodes: config.redis.clusterNodes,
      commandTimeoutMs: config.redis.commandTimeoutMs,
      keyPrefix: config.redis.keyPrefix,
    });
  }
  if (config.redis.url) {
    return createRedisStore({
      url: config.redis.url,
      commandTimeoutMs: config.redis.commandTimeoutMs,
      keyPrefix: config.redis.keyPrefix,
    });
  }
  return createMemoryStore({
    maxEntries: config.cache.memoryMaxEntries,
    maxBytes: config.cache.memoryMaxBytes,
  });
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
 * failure is one warning naming the system and its URL (no stack trace), and the hub does not
 * listen, so it is not ready, until every system has answered.
 */
async function loadDirectoryWhenReachable(
  config: HubConfig,
  clients: Parameters<typeof createPersonFeeds>[0],
  logger: Logger,
): Promise<ChildDirectory> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await loadChildDirectory(createPersonFeeds(clients), directoryProgress(logger));
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      const retryInMs = Math.min(30_000, 1000 * 2 ** Math.min(attempt - 1, 5));
      const url = config.upstream[error.system].baseUrl;
      logger.warn(
        { system: error.system, url, err: error, attempt, retryInMs },
        `${error.system} cannot be read at ${url} (${error.code}): the hub is not ready; trying again in ${retryInMs / 1000} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, retryInMs));
    }
  }
}

/** The register over the linked directory: PostgreSQL at DATABASE_URL, else PGlite in this process. */
async function openRegister(
  config: HubConfig,
  linked: ChildDirectory,
  logger: Logger,
): Promise<ChildRegister> {
  const { url, dataDir, poolSize, pollMs } = config.register;
  const started = Date.now();
  const store = await openRegisterStore({ url, dataDir, poolSize });
  const register = await openChildRegister(linked, store, { pollMs, logger });
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

export async function createHub(config: HubConfig, overrides: HubOverrides = {}): Promise<Hub> {
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
  const clients = {
    lcs: createLcsClient(http.lcs),
    eyes: createEyesClient(http.eyes),
    lift: createLiftClient(http.lift),
    frontdoor: createFrontDoorClient(http.frontdoor),
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
    lcs: createLcsClient(reportHttp.lcs),
    eyes: createEyesClient(reportHttp.eyes),
    lift: createLiftClient(reportHttp.lift),
    frontdoor: createFrontDoorClient(reportHttp.frontdoor),
  };

  const keys = await sealingKeys(config);
  const store = createStore(config);
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

  const linked = await loadDirectoryWhenReachable(config, clients, logger);
  const register = config.register.enabled ? await openRegister(config, linked, logger) : null;
  const directory: ChildDirectory = register ?? linked;
  logger.info({ directory: directory.stats() }, 'child directory loaded');

  const services: HubServices = {
    config,
    directory,
    register,
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
  const apollo = new ApolloServer<HubContext>({
    // graphql-jit compiles each document once (src/execution); `jit: false` runs graphql-js.
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

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const graphiql = graphiqlHandler({
    endpoint: '/graphql',
    enabled: config.graphql.graphiql,
    defaultQuery: EXAMPLE_QUERY,
    devSignIn: config.auth.mode === 'local',
    onBundleError: () => logger.error('GraphiQL bundle could not be built; the page answers 503'),
  });
  app.use(graphiql);
  // The reference practitioner app, on /app: with the development tools (GRAPHIQL), or wherever it
  // can sign in with the identity provider.
  app.use(
    practitionerAppHandler({
      enabled: config.practitionerApp.enabled,
      devSignIn: config.auth.mode === 'local',
      oidc: config.practitionerApp.oidc,
      onBundleError: () => logger.error('practitioner app bundle could not be built; /app answers 503'),
    }),
  );
  if (config.auth.mode === 'local') {
    app.use(
      devSignInRoutes({
        key: await loadLocalSigningKey(config.auth.keyFile),
        issuer: config.auth.issuer,
        audience: config.auth.audience,
        findExampleCase: () =>
          findExampleCase(clients.lcs, {
            deadlineAt: Date.now() + config.requestDeadlineMs,
            requestId: 'dev-sign-in',
          }),
        logger,
      }),
    );
  }
  app.use('/metrics', metricsAccess({ token: config.metricsToken, production: config.env === 'production' }));
  app.use(healthRoutes({ http, store, directory: () => directory, metrics }));

  const eventsToken = config.eventsToken ?? randomBytes(24).toString('base64url');
  app.use(
    '/events',
    express.json({ limit: '256kb' }),
    eventsRoute({ token: eventsToken, cache, directory, clients, logger, reportFacts }),
  );

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number; statusCode?: number }).status ?? 500;
    if (status >= 500) logger.error({ err: error }, 'unhandled request error');
    res.status(status).json(errorBody(status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL'));
  });

  const graphql = graphqlRoute({
    apollo,
    authenticate: (authorization) => authenticator.authenticate(authorization),
    rateLimiter: hardening.rateLimiter,
    authFailureLimiter: createRateLimiter({
      burst: config.auth.failureLimit,
      requestsPerMinute: (config.auth.failureLimit * 60) / config.auth.failureWindowSeconds,
    }),
    maxBodyBytes: 100 * 1024,
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
  // /graphql takes the lean route; GraphiQL's page, health, metrics and events go through express.
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    if (isGraphqlRequest(req, config.graphql.graphiql)) void graphql(req, res);
    else app(req, res);
  });
  let stopping: Promise<void> | null = null;
  // In the background: serving never waits for it (a report asked meanwhile reads cold).
  reportFacts?.start();

  return {
    server,
    services,
    directory,
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

/** A request for the GraphQL endpoint itself, not for the GraphiQL page served at the same path. */
function isGraphqlRequest(req: IncomingMessage, graphiql: boolean): boolean {
  const url = req.url ?? '';
  const path = url.indexOf('?') === -1 ? url : url.slice(0, url.indexOf('?'));
  if (path !== '/graphql') return false;
  if (req.method === 'POST') return true;
  return !(
    graphiql &&
    (req.method === 'GET' || req.method === 'HEAD') &&
    !url.includes('query=') &&
    prefersHtml(req.headers.accept)
  );
}

export type { SystemName };
