/** Bench process: the four simulators over a generated county, on ephemeral ports. */
import { startSimulators } from '../simulators/index.ts';
import type { Scale } from '../simulators/county/types.ts';
import { announceReady, exitOnSignal } from './processes.ts';

const seed = process.env['BENCH_SEED'] ?? 'bench';
const scale = (process.env['BENCH_SCALE'] ?? 'demo') as Scale;
const running = await startSimulators({ seed, scale, host: '127.0.0.1' });
exitOnSignal(() => running.close());
announceReady({ urls: running.urls, asOf: running.county.asOf });
