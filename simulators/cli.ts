/**
 * `npm run sim -- <lcs|eyes|lift|frontdoor|all> [--port N] [--host H] [--seed S] [--scale tiny|demo|county] [--as-of YYYY-MM-DD]`
 * Runs one simulated system (or all four, on ports N..N+3) as a process, prints the URLs, and
 * exits cleanly on SIGTERM or SIGINT. This is how docker-compose runs the simulators.
 */
import { parseArgs } from 'node:util';
import { SYSTEMS, type SystemName } from './contracts/openapi.ts';
import type { Scale } from './county/types.ts';
import { DEFAULT_PORTS, startSimulators } from './index.ts';

const SCALES: readonly Scale[] = ['tiny', 'demo', 'county'];
const USAGE =
  'usage: npm run sim -- <lcs|eyes|lift|frontdoor|all> [--port N] [--host H] [--seed S] [--scale tiny|demo|county] [--as-of YYYY-MM-DD]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail('--port must be an integer from 0 to 65535');
  return port;
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string', default: '0.0.0.0' },
        seed: { type: 'string', default: 'svoc' },
        scale: { type: 'string', default: 'demo' },
        'as-of': { type: 'string' },
      },
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : 'bad arguments');
  }
})();

const target = positionals[0];
if (positionals.length !== 1 || target === undefined) fail('name one system, or all');
if (target !== 'all' && !(SYSTEMS as readonly string[]).includes(target)) fail(`unknown system "${target}"`);
if (!(SCALES as readonly string[]).includes(values.scale)) fail(`unknown scale "${values.scale}"`);
const asOf = values['as-of'];
if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) fail('--as-of must be YYYY-MM-DD');

const systems: readonly SystemName[] = target === 'all' ? SYSTEMS : [target as SystemName];
const basePort = parsePort(values.port);
const ports = Object.fromEntries(
  systems.map((system, i) => [
    system,
    basePort === undefined ? DEFAULT_PORTS[system] : basePort === 0 ? 0 : basePort + i,
  ]),
) as Partial<Record<SystemName, number>>;

const startedAt = Date.now();
console.log(`generating the ${values.scale} county from seed "${values.seed}"...`);
const running = await startSimulators({
  seed: values.seed,
  scale: values.scale as Scale,
  ...(asOf ? { asOf } : {}),
  ports,
  host: values.host,
  systems,
});
for (const system of systems) console.log(`${system.padEnd(9)} ${running.urls[system]}`);
console.log(`ready in ${Date.now() - startedAt} ms (county as of ${running.county.asOf})`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing`);
  running.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('failed to close cleanly', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
};
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));
