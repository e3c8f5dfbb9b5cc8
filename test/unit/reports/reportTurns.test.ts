/**
 * Issue 18: reports never compete with practitioners. A report's prepared facts come from memory
 * without I/O; each read hands them over on a report turn of its own, so the aggregation after one
 * read and the next run in separate event-loop iterations, with I/O (a practitioner's request)
 * between them, instead of one block the length of the whole report.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportSources, reportTurn, type ListSpec } from '../../../connectors/reportSources.ts';
import type { ReportClients } from '../../../connectors/reportLists.ts';
import type { Cached, EntityCache } from '../../../src/platform/cache/types.ts';

/** A cache whose every entry is held decoded in this process, as prepared facts are: no I/O to read. */
function preparedCache(entries: Map<string, unknown[]>): EntityCache {
  return {
    readMany: async <T>(_system: string, resource: string, ids: readonly string[]) =>
      ids.map((id): Cached<T> | null => {
        const value = entries.get(`${resource}/${id}`);
        return value === undefined
          ? null
          : { value: value as T, freshness: 'fresh', asOf: '2026-11-30T00:00:00.000Z' };
      }),
    invalidate: async () => undefined,
  };
}

const list = (resource: string): ListSpec<number> => ({
  system: 'lcs',
  resource,
  fetch: () => Promise.reject(new Error('prepared: never read upstream here')),
});

const LISTS = Array.from({ length: 40 }, (_, i) => list(`report-list-${i}`));
const cache = preparedCache(new Map(LISTS.map((l) => [`${l.resource}/all`, [1, 2, 3]])));
const sources = createReportSources(
  cache,
  {} as ReportClients,
  { requestId: 'turns' },
  {} as Parameters<typeof createReportSources>[3],
);

/** Synchronous work standing in for a county's aggregation (a few milliseconds of CPU). */
function aggregate(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((_req, res) => res.end('view'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('report turns', () => {
  it('work one report step schedules runs before the next step of the report', async () => {
    const order: string[] = [];
    await Promise.all([
      sources.list(LISTS[0]!, 'all').then(() => {
        order.push('first step');
        setImmediate(() => order.push('scheduled by the first step'));
      }),
      sources.list(LISTS[1]!, 'all').then(() => order.push('second step')),
    ]);
    expect(order).toEqual(['first step', 'scheduled by the first step', 'second step']);
  });

  it("a report's aggregation lets a practitioner's request be answered before it finishes", async () => {
    let stepsDone = 0;
    let stepsDoneWhenAnswered = -1;
    const view = new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/child' }, (res) => {
        res.resume();
        res.on('end', () => {
          stepsDoneWhenAnswered = stepsDone;
          resolve();
        });
      });
      req.on('error', reject);
      req.end();
    });
    // Forty fields' reads, each followed by its aggregation: 400 ms of CPU in all.
    await Promise.all(
      LISTS.map((l) =>
        sources.list(l, 'all').then(() => {
          aggregate(10);
          stepsDone++;
        }),
      ),
    );
    await view;
    expect(stepsDone).toBe(LISTS.length);
    expect(stepsDoneWhenAnswered).toBeLessThan(LISTS.length);
  });

  it('turns are granted in the order they were asked for', async () => {
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => reportTurn().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
  });
});
