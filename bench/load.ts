/**
 * One measured autocannon run: requests per second, p50/p99 latency, errors (transport, non-2xx and
 * GraphQL `errors` in 200 answers), upstream calls per request from the simulators' own counters,
 * and the target process's CPU milliseconds per request and peak resident memory from /proc.
 */
import autocannon from 'autocannon';
import { cpuMillis, peakRssMb } from './procStats.ts';

export interface RequestPlan {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Builds the i-th request: a path (GET) or a body (POST); rotates ids between requests. */
  next: (i: number) => { path?: string; body?: string };
}

export interface RunFigures {
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  upstreamCallsPerRequest: number;
  cpuMsPerRequest: number | null;
  peakRssMb: number | null;
}

export interface UpstreamCounter {
  reset(): Promise<void>;
  total(): Promise<number>;
}

export function simulatorCounter(urls: readonly string[]): UpstreamCounter {
  return {
    reset: async () => {
      await Promise.all(urls.map((url) => fetch(`${url}/__sim/stats`, { method: 'DELETE' })));
    },
    total: async () => {
      const snapshots = await Promise.all(
        urls.map(
          async (url) =>
            (await (await fetch(`${url}/__sim/stats`)).json()) as { byRoute: Record<string, number> },
        ),
      );
      let total = 0;
      for (const snapshot of snapshots)
        for (const [route, count] of Object.entries(snapshot.byRoute))
          if (!route.includes('/__sim')) total += count;
      return total;
    },
  };
}

export async function runLoad(
  plan: RequestPlan,
  options: {
    connections: number;
    durationSeconds: number;
    pid: number | null;
    counter: UpstreamCounter;
    /** Stop after this many requests instead (a fixed load; `durationSeconds` is then the cap). */
    amount?: number;
  },
): Promise<RunFigures> {
  let i = 0;
  let graphqlErrors = 0;
  await options.counter.reset();
  const cpuBefore = options.pid ? cpuMillis(options.pid) : 0;
  const target = new URL(plan.url);
  const result = await autocannon({
    url: target.origin,
    connections: options.connections,
    duration: options.durationSeconds,
    ...(options.amount ? { amount: options.amount } : {}),
    requests: [
      {
        method: plan.method,
        path: target.pathname,
        ...(plan.headers ? { headers: plan.headers } : {}),
        setupRequest: (request: Record<string, unknown>) => {
          const built = plan.next(i++);
          return {
            ...request,
            ...(built.path ? { path: built.path } : {}),
            ...(built.body ? { body: built.body } : {}),
          };
        },
        onResponse: (status: number, body: string) => {
          if (status === 200 && plan.method === 'POST' && body.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  const cpuAfter = options.pid ? cpuMillis(options.pid) : 0;
  const upstream = await options.counter.total();
  const requests = result.requests.total;
  return {
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    requests,
    requestsPerSecond: requests / options.durationSeconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    upstreamCallsPerRequest: requests > 0 ? upstream / requests : 0,
    cpuMsPerRequest: options.pid && requests > 0 ? (cpuAfter - cpuBefore) / requests : null,
    peakRssMb: options.pid ? peakRssMb(options.pid) : null,
  };
}
