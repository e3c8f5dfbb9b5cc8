import { describe, expect, it } from 'vitest';
import { buildLinkIndex } from '../../../src/domain/identity/linker.ts';
import { loadLinkIndex, type PersonSource } from '../../../src/domain/identity/load.ts';
import type { SourceRecord } from '../../../src/domain/identity/types.ts';
import type { SystemName } from '../../../src/platform/systems.ts';
import { NHS_A, background, person } from './records.ts';

function pagedSource(system: SystemName, records: SourceRecord[], pageSize: number): PersonSource {
  return {
    system,
    async *pages() {
      for (let start = 0; start < records.length; start += pageSize) {
        await new Promise((resolve) => setImmediate(resolve));
        yield records.slice(start, start + pageSize);
      }
    },
  };
}

describe('loadLinkIndex', () => {
  const eyes = [
    ...background(250),
    person({ system: 'eyes', localId: 'P1', forename: 'Ezra', surname: 'Carrow', nhsNumber: NHS_A }),
  ];
  const lcs = [
    person({ system: 'lcs', localId: '1', forename: 'Ezra', surname: 'Carrow', nhsNumber: NHS_A }),
  ];

  it('reads every source page by page, concurrently, and links across them', async () => {
    const { index, report } = await loadLinkIndex([
      pagedSource('eyes', eyes, 40),
      pagedSource('lcs', lcs, 40),
    ]);
    expect(index.resolve('lcs:1')!.records.eyes).toEqual(['P1']);
    expect(report.records).toEqual({ eyes: 251, lcs: 1 });
    expect(report.loadMs).toBeGreaterThanOrEqual(0);
    expect(report.buildMs).toBeGreaterThanOrEqual(0);
  });

  it('builds the same clusters as buildLinkIndex over the same records', async () => {
    const { index } = await loadLinkIndex([pagedSource('lcs', lcs, 1), pagedSource('eyes', eyes, 7)]);
    const direct = buildLinkIndex([...eyes, ...lcs]);
    expect(index.stats().clusters).toBe(direct.stats().clusters);
    expect(index.resolve('eyes:BG00042')!.hubId).toBe(direct.resolve('eyes:BG00042')!.hubId);
  });

  it("fails when a source returns another system's records", async () => {
    await expect(loadLinkIndex([pagedSource('lift', lcs, 10)])).rejects.toThrow(/lift returned a lcs record/);
  });
});
