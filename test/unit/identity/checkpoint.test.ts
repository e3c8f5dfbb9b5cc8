import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../../simulators/county/generate.ts';
import type { Viewer } from '../../../src/domain/access/types.ts';
import {
  CheckpointError,
  checkpointSteps,
  readCheckpoint,
  writeCheckpoint,
} from '../../../src/domain/identity/checkpoint.ts';
import {
  createChildDirectory,
  type LinkedDirectory,
  type Restriction,
} from '../../../src/domain/identity/directory.ts';
import { CheckpointReader, CheckpointWriter } from '../../../src/domain/identity/bytes.ts';
import { buildLinkIndex } from '../../../src/domain/identity/linker.ts';
import { RecordStore } from '../../../src/domain/identity/record-store.ts';
import type { SourceRecord } from '../../../src/domain/identity/types.ts';
import { countyRecords } from '../../support/county-sources.ts';

const steward: Viewer = { userId: 'steward-1', roles: ['DATA_STEWARD'], teamId: null, workerId: null };
const ADOPTION: Restriction = { reason: 'ADOPTION', allowedRoles: ['ADOPTION_TEAM'], allowedUsers: [] };
/** Small pages, so a demo county's checkpoint spans several (as a county's spans several stored parts). */
const PAGE = 256 * 1024;

const county = generateCounty({ seed: 'checkpoint-unit', scale: 'demo' });
const records = [...countyRecords(county)];

function linkedCounty(): LinkedDirectory {
  const restrictions = new Map<string, Restriction>();
  for (const record of records)
    if (record.system === 'lcs' && record.restricted) restrictions.set(record.localId, ADOPTION);
  const index = buildLinkIndex(records);
  // A steward's rejection and a record removed: the checkpoint carries both as they are.
  const [a, b] = [...index.clusters()].filter((c) => c.records.lcs.length > 0 && !c.restricted);
  index.keepApart([[`lcs:${a!.records.lcs[0]}`, `lcs:${b!.records.lcs[0]}`]]);
  index.remove('frontdoor', records.find((r) => r.system === 'frontdoor')!.localId);
  return createChildDirectory(index, restrictions);
}

const joined = (pages: Uint8Array[]): Uint8Array => {
  const all = new Uint8Array(pages.reduce((sum, page) => sum + page.length, 0));
  let at = 0;
  for (const page of pages) {
    all.set(page, at);
    at += page.length;
  }
  return all;
};

const sample = records.filter((_, i) => i % 97 === 0);

/** What a directory answers: every child, restrictions, and searches and matches around a sample. */
function answers(directory: LinkedDirectory) {
  const clusters = [...directory.clusters()].sort((x, y) => (x.hubId < y.hubId ? -1 : 1));
  return {
    clusters,
    stats: directory.stats(),
    restricted: clusters
      .filter((c) => c.restricted)
      .map((c) => [c.hubId, directory.restrictionOf(c), directory.mayReveal(c, steward)]),
    searches: sample.map((r) =>
      directory.search(
        { name: `${r.forename} ${r.surname}`, dateOfBirth: r.dateOfBirth ?? undefined },
        {
          first: 5,
        },
      ),
    ),
    matches: sample.map((r) => {
      const cluster = directory.resolve(`${r.system}:${r.localId}`);
      return cluster && directory.possibleMatches(cluster, steward);
    }),
    names: clusters.slice(0, 200).map((c) => [directory.displayName(c), directory.dateOfBirth(c)]),
  };
}

describe('a checkpoint of the child directory', () => {
  it('lays a demo county out again exactly: the same bytes when written again, the same answers', () => {
    const linked = linkedCounty();
    const pages = writeCheckpoint(linked, { pageSize: PAGE });
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((page) => page.length <= PAGE)).toBe(true);
    const again = readCheckpoint(joined(pages));
    expect(Buffer.compare(joined(writeCheckpoint(again, { pageSize: PAGE })), joined(pages))).toBe(0);
    expect(answers(again)).toEqual(answers(linked));
    expect(answers(again).restricted.length).toBeGreaterThan(0);
  });

  it('written in steps, stops between sections and gives the same bytes as written at once', () => {
    const linked = linkedCounty();
    const steps = checkpointSteps(linked, { pageSize: PAGE });
    let stops = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) {
      stops++;
      // What the register lets run between steps: reads, here a search and a lookup.
      linked.search({ name: 'Nobody Typedhere', dateOfBirth: '2015-01-01' }, { first: 1 });
      linked.resolve(`${records[0]!.system}:${records[0]!.localId}`);
    }
    // One stop after each block index, at least: no step writes the whole index.
    expect(stops).toBeGreaterThan(10);
    expect(Buffer.compare(joined(step.value), joined(writeCheckpoint(linked, { pageSize: PAGE })))).toBe(0);
  });

  it('carries every column of the record store, so a field linking adds is laid out with the rest', () => {
    const store = new RecordStore();
    for (const record of records) store.put(record);
    const writer = new CheckpointWriter(PAGE);
    // Saved in steps (a generator): run through.
    Array.from(store.save(writer));
    const again = new RecordStore();
    again.load(new CheckpointReader(joined(writer.finish())));
    const columns = Object.entries(store).filter(
      (entry): entry is [string, Uint8Array | Int32Array] =>
        entry[1] instanceof Uint8Array || entry[1] instanceof Int32Array,
    );
    expect(columns.map(([name]) => name)).toContain('addressesSince');
    for (const [name, column] of columns) {
      const laidOut = (again as unknown as Record<string, Uint8Array | Int32Array>)[name]!;
      expect([name, [...laidOut.subarray(0, store.slotCount)]]).toEqual([
        name,
        [...column.subarray(0, store.slotCount)],
      ]);
    }
  });

  it('keeps linking after: a change relinks as in the directory it was written from', () => {
    const linked = linkedCounty();
    const again = readCheckpoint(joined(writeCheckpoint(linked)));
    const lcs = records.find((r) => r.system === 'lcs' && !r.restricted)!;
    const eyes = records.find((r) => r.system === 'eyes' && r.nhsNumber)!;
    // An EYES pupil now carrying a child's details, and a new front-door contact of that child.
    const moved: SourceRecord = { ...eyes, forename: lcs.forename, surname: lcs.surname };
    const contact: SourceRecord = { ...lcs, system: 'frontdoor', localId: 'F-new', crossRefs: [] };
    for (const directory of [linked, again]) {
      directory.apply('eyes', eyes.localId, { record: moved });
      directory.apply('frontdoor', 'F-new', { record: contact });
      directory.apply('lcs', lcs.localId, null);
    }
    expect(answers(again)).toEqual(answers(linked));
  });

  it('is refused when written under other linking rules', () => {
    const bytes = joined(writeCheckpoint(linkedCounty(), { rules: 'rules-a' }));
    expect(() => readCheckpoint(bytes, { rules: 'rules-b' })).toThrow(CheckpointError);
    expect(readCheckpoint(bytes, { rules: 'rules-a' }).stats().totalRecords).toBe(records.length - 1);
  });

  it('is refused when cut short or when its layout is damaged', () => {
    const bytes = joined(writeCheckpoint(linkedCounty()));
    expect(() => readCheckpoint(bytes.subarray(0, Math.floor(bytes.length / 2)))).toThrow(CheckpointError);
    expect(() => readCheckpoint(bytes.subarray(0, bytes.length - 8))).toThrow(CheckpointError);
    const longer = new Uint8Array(bytes.length + 8);
    longer.set(bytes);
    expect(() => readCheckpoint(longer)).toThrow(CheckpointError);
    // The section after the header (its length at bytes 4-7, padded to 8) with its tag overwritten.
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
    const next = 8 + Math.ceil(headerLength / 8) * 8;
    const damaged = bytes.slice();
    damaged.fill(0xff, next, next + 4);
    expect(() => readCheckpoint(damaged)).toThrow(CheckpointError);
    // A section's length overwritten: the sections after it are out of place.
    const stretched = bytes.slice();
    stretched.fill(0x01, next + 4, next + 6);
    expect(() => readCheckpoint(stretched)).toThrow(CheckpointError);
  });
});
