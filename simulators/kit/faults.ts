/**
 * Injected faults: latency and jitter, an error rate with a status (and Retry-After), a system that
 * is down (connections destroyed), one that hangs (never answers), malformed bodies, and a drifted
 * adapter (well-formed JSON that breaks the contract: fields left out or sent as the wrong type),
 * optionally limited to some routes. Faults apply only to contract routes, never to the control API.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { badRequest } from './errors.ts';

export interface FaultSettings {
  latencyMs: number;
  jitterMs: number;
  errorRate: number;
  status: number;
  retryAfterSeconds: number | null;
  down: boolean;
  hang: boolean;
  malformed: boolean;
  /** A drifted adapter: properties of these names are left out of every object in a 200 answer. */
  dropFields: string[];
  /** A drifted adapter: properties of these names are sent inside a list (a wrong type, value kept). */
  wrapFields: string[];
  /** Route keys ("GET /people/{personId}") the faults apply to; null means every contract route. */
  routes: string[] | null;
}

export const NO_FAULTS: Readonly<FaultSettings> = Object.freeze({
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  status: 500,
  retryAfterSeconds: null,
  down: false,
  hang: false,
  malformed: false,
  dropFields: [],
  wrapFields: [],
  routes: null,
});

const MAX_DELAY_MS = 600_000;

function integerIn(
  body: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badRequest(`fault "${name}" must be an integer from ${min} to ${max}`);
  }
  return value;
}

function names(body: Record<string, unknown>, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
    throw badRequest(`fault "${name}" must be a list of property names`);
  }
  return [...(value as string[])];
}

function flag(body: Record<string, unknown>, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`fault "${name}" must be true or false`);
  return value;
}

/**
 * Validates a `PUT /__sim/faults` body. `routes` may name templates with or without the method
 * ("/people/{personId}" or "GET /people/{personId}"); each must be one of the system's routes.
 */
export function parseFaults(body: unknown, routeKeys: ReadonlySet<string>): FaultSettings {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('faults must be a JSON object');
  }
  const input = body as Record<string, unknown>;
  const known = new Set(Object.keys(NO_FAULTS));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) throw badRequest(`unknown fault "${key}"`);
  }
  const errorRate = input['errorRate'];
  if (errorRate !== undefined && (typeof errorRate !== 'number' || !(errorRate >= 0 && errorRate <= 1))) {
    throw badRequest('fault "errorRate" must be a number from 0 to 1');
  }
  let routes: string[] | null = null;
  if (input['routes'] !== undefined && input['routes'] !== null) {
    const list = input['routes'];
    if (!Array.isArray(list) || list.some((r) => typeof r !== 'string')) {
      throw badRequest('fault "routes" must be a list of route templates');
    }
    routes = (list as string[]).map((r) => (r.startsWith('/') ? `GET ${r}` : r));
    const unknown = routes.find((r) => !routeKeys.has(r));
    if (unknown !== undefined) throw badRequest(`fault "routes" names a route this system does not have`);
  }
  return {
    latencyMs: integerIn(input, 'latencyMs', 0, MAX_DELAY_MS) ?? 0,
    jitterMs: integerIn(input, 'jitterMs', 0, MAX_DELAY_MS) ?? 0,
    errorRate: (errorRate as number | undefined) ?? 0,
    status: integerIn(input, 'status', 400, 599) ?? 500,
    retryAfterSeconds: integerIn(input, 'retryAfterSeconds', 0, 86_400) ?? null,
    down: flag(input, 'down') ?? false,
    hang: flag(input, 'hang') ?? false,
    malformed: flag(input, 'malformed') ?? false,
    dropFields: names(input, 'dropFields') ?? [],
    wrapFields: names(input, 'wrapFields') ?? [],
    routes,
  };
}

/** A 200 answer's JSON as a drifted adapter sends it; null when no drift is set. */
export function driftedJson(body: unknown, settings: Readonly<FaultSettings>): string | null {
  const { dropFields, wrapFields } = settings;
  if (dropFields.length === 0 && wrapFields.length === 0) return null;
  const drop = new Set(dropFields);
  const wrap = new Set(wrapFields);
  return JSON.stringify(body, function (this: unknown, key: string, value: unknown) {
    // Array indexes are keys too: only object properties drift.
    if (Array.isArray(this)) return value;
    if (drop.has(key)) return undefined;
    return wrap.has(key) ? [value] : value;
  });
}

export type HangOutcome = 'released' | 'closed';

/** Holds the current faults and the requests they are holding back. */
export class FaultController {
  private current: FaultSettings = { ...NO_FAULTS };
  private readonly hanging = new Set<(outcome: HangOutcome) => void>();
  private readonly closing = new AbortController();

  get settings(): Readonly<FaultSettings> {
    return this.current;
  }

  /** Replaces the faults; requests held by a previous `hang` carry on under the new settings. */
  set(settings: FaultSettings): void {
    this.current = settings;
    this.release('released');
  }

  clear(): void {
    this.set({ ...NO_FAULTS });
  }

  /** The faults that apply to one route (none when `routes` excludes it). */
  for(routeKey: string): Readonly<FaultSettings> {
    const { routes } = this.current;
    return routes === null || routes.includes(routeKey) ? this.current : NO_FAULTS;
  }

  /** Resolves when the faults change (carry on) or the server closes (give up). */
  hang(): Promise<HangOutcome> {
    if (this.closing.signal.aborted) return Promise.resolve('closed');
    return new Promise((resolve) => this.hanging.add(resolve));
  }

  /** Waits the configured latency plus jitter; false when the server closed meanwhile. */
  async delay(settings: Readonly<FaultSettings>): Promise<boolean> {
    const ms = settings.latencyMs + Math.random() * settings.jitterMs;
    if (ms <= 0) return true;
    try {
      await sleep(ms, undefined, { signal: this.closing.signal });
      return true;
    } catch {
      return false;
    }
  }

  /** The server is closing: wake every held request so it can give up. */
  close(): void {
    this.closing.abort();
    this.release('closed');
  }

  private release(outcome: HangOutcome): void {
    const waiting = [...this.hanging];
    this.hanging.clear();
    for (const resolve of waiting) resolve(outcome);
  }
}
