/**
 * Issue 18: the report-fact warm-up begins only once the child directory has loaded (at county
 * scale the two at once overran the systems and timed the warm-up's reads out), and a hub stopped
 * while its directory never loaded stops without waiting for it.
 */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createReportFactPreparer } from '../../../connectors/reportFacts.ts';
import type { FactList, ReportClients } from '../../../connectors/reportLists.ts';
import type { SharedEntityCache } from '../../../src/platform/cache/index.ts';
import type { Cached } from '../../../src/platform/cache/types.ts';

/** A cache that holds nothing: every read goes to the list's fetch. */
const emptyCache = {
  readMany: async <T>(
    _system: string,
    _resource: string,
    ids: readonly string[],
    fetchMisses: (ids: readonly string[]) => Promise<Map<string, T>>,
  ) => {
    const fetched = await fetchMisses(ids);
    return ids.map((id): Cached<T> => ({
      value: fetched.get(id)!,
      freshness: 'fresh',
      asOf: new Date().toISOString(),
    }));
  },
} as unknown as SharedEntityCache;

function preparerWithOneList() {
  const reads: string[] = [];
  const list: FactList<number> = {
    system: 'lcs',
    resource: 'report-test-list',
    fetch: async (key) => {
      reads.push(key);
      return [1];
    },
    prepared: () => ['all'],
    touched: async () => [],
  };
  const preparer = createReportFactPreparer({
    cache: emptyCache,
    clients: {} as ReportClients,
    lists: [list as FactList<unknown>],
    now: Date.now,
    logger: pino({ level: 'silent' }),
    reconcileSeconds: 600,
  });
  return { preparer, reads };
}

const someLoopTurns = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('the report-fact warm-up at start-up', () => {
  it('reads no list until the child directory has loaded, then reads them all', async () => {
    const { preparer, reads } = preparerWithOneList();
    let directoryLoaded!: () => void;
    preparer.start(new Promise<void>((resolve) => (directoryLoaded = resolve)));
    await someLoopTurns();
    expect(reads).toEqual([]);
    directoryLoaded();
    expect((await preparer.warmedUp()).failed).toEqual([]);
    expect(reads).toEqual(['all']);
    await preparer.stop();
  });

  it('stops without reading anything when the directory never loaded', async () => {
    const { preparer, reads } = preparerWithOneList();
    preparer.start(new Promise<void>(() => undefined));
    await preparer.stop();
    expect((await preparer.warmedUp()).failed).toEqual([]);
    expect(reads).toEqual([]);
  });
});
