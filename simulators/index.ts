/**
 * Starts the four simulated systems in-process over one generated county (the hub does this when
 * no upstream URLs are configured; tests and the benchmark do it too).
 */
import type { SystemName } from './contracts/openapi.ts';
import { SYSTEMS } from './contracts/openapi.ts';
import type { County, Scale } from './county/types.ts';
import { createEyesSimulator } from './eyes/server.ts';
import { createFrontDoorSimulator } from './frontdoor/server.ts';
import type { SimulatorHandle, SimulatorOptions } from './kit/server.ts';
import { createLcsSimulator } from './lcs/server.ts';
import { createLiftSimulator } from './lift/server.ts';

export type { SystemName } from './contracts/openapi.ts';
export type { SimulatorHandle, SimulatorOptions } from './kit/server.ts';
export { createLcsSimulator, createEyesSimulator, createLiftSimulator, createFrontDoorSimulator };

export const SIMULATOR_FACTORIES: Readonly<
  Record<SystemName, (county: County, options?: SimulatorOptions) => SimulatorHandle>
> = {
  lcs: createLcsSimulator,
  eyes: createEyesSimulator,
  lift: createLiftSimulator,
  frontdoor: createFrontDoorSimulator,
};

/** The ports `npm run sim` uses unless told otherwise (docker-compose maps these). */
export const DEFAULT_PORTS: Readonly<Record<SystemName, number>> = {
  lcs: 4101,
  eyes: 4102,
  lift: 4103,
  frontdoor: 4104,
};

export interface StartSimulatorsOptions extends SimulatorOptions {
  seed: string;
  scale: Scale;
  asOf?: string;
  /** Per-system ports; a system not listed gets an ephemeral port. */
  ports?: Partial<Record<SystemName, number>>;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Which systems to start (default all four). */
  systems?: readonly SystemName[];
  /** Serve this county instead of generating one from seed and scale. */
  county?: County;
}

export interface RunningSimulators {
  readonly county: County;
  readonly urls: Readonly<Partial<Record<SystemName, string>>>;
  readonly simulators: Readonly<Partial<Record<SystemName, SimulatorHandle>>>;
  close(): Promise<void>;
}

/** Loaded only when a county must be generated: callers that bring their own skip the generator. */
async function generate({ seed, scale, asOf }: Pick<StartSimulatorsOptions, 'seed' | 'scale' | 'asOf'>) {
  const { generateCounty } = await import('./county/generate.ts');
  return generateCounty({ seed, scale, ...(asOf ? { asOf } : {}) });
}

export async function startSimulators(options: StartSimulatorsOptions): Promise<RunningSimulators> {
  const county = options.county ?? (await generate(options));
  const simulatorOptions: SimulatorOptions = options.logger ? { logger: options.logger } : {};
  const started: Partial<Record<SystemName, SimulatorHandle>> = {};
  const urls: Partial<Record<SystemName, string>> = {};
  const closeAll = async () => {
    await Promise.all(Object.values(started).map((simulator) => simulator.close()));
  };
  try {
    for (const system of options.systems ?? SYSTEMS) {
      const simulator = SIMULATOR_FACTORIES[system](county, simulatorOptions);
      started[system] = simulator;
      urls[system] = (await simulator.listen(options.ports?.[system] ?? 0, options.host ?? '127.0.0.1')).url;
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  return { county, urls, simulators: started, close: closeAll };
}
