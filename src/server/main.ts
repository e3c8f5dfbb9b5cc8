/**
 * `npm start`: the hub with everything it needs. Systems without a *_URL get an in-process
 * simulator over the synthetic county; without REDIS_URL the cache is in memory. Prints the
 * URLs, a development token and an example query.
 */
import { loadConfig, ConfigError, type HubConfig } from '../platform/config/index.ts';
import { startHub } from './app.ts';
import { loadLocalSigningKey, mintToken } from '../domain/access/index.ts';
import { SYSTEMS, type SystemName } from '../platform/systems.ts';
import { EXAMPLE_QUERY } from './http/exampleQuery.ts';
import { londonDateOf } from '../domain/rules/dates.ts';

async function startMissingSimulators(config: HubConfig) {
  const missing = SYSTEMS.filter((s) => !config.upstreamUrls[s]);
  if (missing.length === 0) return null;
  const { startSimulators } = await import('../../simulators/index.ts');
  const started = Date.now();
  console.log(`Generating the ${config.simulators.scale}-scale county (seed "${config.simulators.seed}")…`);
  // The county is generated as of today, so the sandbox shows what a council would see today
  // (a county ending months ago, judged at today's date, shows nearly every child overdue).
  const asOf = config.simulators.asOf ?? londonDateOf(started);
  const sims = await startSimulators({
    seed: config.simulators.seed,
    scale: config.simulators.scale,
    asOf,
    systems: missing,
  });
  if (config.simulators.latencyMs > 0) {
    await Promise.all(
      Object.values(sims.urls).map((url) =>
        fetch(`${url}/__sim/faults`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ latencyMs: config.simulators.latencyMs }),
        }),
      ),
    );
  }
  for (const system of missing) config.upstream[system].baseUrl = sims.urls[system]!;
  console.log(
    `Simulators (${config.simulators.scale}-scale county, seed "${config.simulators.seed}", as of ${sims.county.asOf}) started in ${Date.now() - started} ms`,
  );
  return sims;
}

async function main(): Promise<void> {
  let config: HubConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const started = Date.now();
  const sims = await startMissingSimulators(config);
  const hub = await startHub(config);
  // Listening while the child directory loads (a county's first load takes minutes): /healthz
  // answers, /readyz says why it is not ready, GraphQL and /events answer NOT_READY.
  const { url } = await hub.listen();
  const draining = stopOnSignals(async () => {
    await hub.stop();
    await sims?.close();
  }, config.shutdownGraceMs);
  console.log(
    `Listening on ${url.replace('/graphql', '')} while the child directory loads (not ready until it has; readiness: ${url.replace('/graphql', '/readyz')})`,
  );
  try {
    await hub.loaded;
    // A signal while it loaded: the drain is under way and exits when done.
    if (draining()) return;
  } catch (error) {
    if (draining()) return;
    console.error(
      'the child directory could not be loaded; exiting',
      error instanceof Error ? error.message : '',
    );
    await hub.stop().catch(() => undefined);
    await sims?.close();
    process.exit(1);
  }

  console.log(`\nSingle View of a Child hub ready in ${Date.now() - started} ms`);
  console.log(`  GraphQL and GraphiQL: ${url}`);
  if (config.practitionerApp.enabled)
    console.log(`  practitioner app:     ${url.replace('/graphql', '/app')}`);
  for (const system of SYSTEMS)
    console.log(`  ${system.padEnd(9)} ${config.upstream[system as SystemName].baseUrl}`);
  console.log(
    `  health: ${url.replace('/graphql', '/healthz')}  readiness: ${url.replace('/graphql', '/readyz')}`,
  );
  if (!config.eventsToken) console.log(`  events token (POST /events, this run only): ${hub.eventsToken}`);
  if (config.auth.mode === 'local') {
    const key = await loadLocalSigningKey(config.auth.keyFile);
    const token = await mintToken(
      key,
      { userId: 'dev-front-door', roles: ['FRONT_DOOR'], name: 'Development user' },
      { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 8 * 3600 },
    );
    // A child known to social care and education in the simulated county, as a starting point.
    const example = sims
      ? [...sims.county.groundTruth()].find((c) => c.lcs.length > 0 && c.eyes.length > 0)
      : undefined;
    console.log(
      `\nDevelopment token (FRONT_DOOR role, 8 hours; mint others with npm run token):\n  Bearer ${token}`,
    );
    console.log(
      `\nExample query (variables: {"id": "${example ? `lcs:${example.lcs[0]}` : 'lcs:<person id>'}"}):\n${EXAMPLE_QUERY}\n`,
    );
  }
}

/**
 * SIGTERM (a rolling restart) and SIGINT (Ctrl-C) drain: `stop` stops accepting, lets every
 * in-flight request finish within the grace, flushes the audit trail and closes Redis; then the
 * process exits 0. The listeners stay installed: a repeated signal must not fall through to Node's
 * default and kill the process mid-drain (npm forwards the signal it gets, and a terminal sends
 * Ctrl-C to the whole group, so one keypress can arrive twice). A drain that cannot finish in the
 * grace plus time to flush and close exits 1. Installed as soon as the hub listens, while the child
 * directory may still be loading (the load is not waited for). Returns whether a drain has begun.
 */
function stopOnSignals(stop: () => Promise<void>, graceMs: number): () => boolean {
  let draining = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (draining) {
      console.log(`${signal}: already draining`);
      return;
    }
    draining = true;
    console.log(`${signal}: draining in-flight requests (grace ${graceMs} ms)`);
    setTimeout(() => {
      console.error('drain did not finish in time; exiting');
      process.exit(1);
    }, graceMs + SHUTDOWN_CLOSE_MS).unref();
    stop().then(
      () => {
        console.log('drained; exiting');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('shutdown failed', error instanceof Error ? error.name : typeof error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return () => draining;
}

/** After the drain: time to flush the audit trail, write back the cache and close connections. */
const SHUTDOWN_CLOSE_MS = 5000;

await main();
