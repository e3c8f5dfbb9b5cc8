import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  UNPARSABLE,
  anchorOf,
  chainKey,
  canonicalJson,
  hashRecord,
  sealBatch,
  sealBatchWithTexts,
  verifyChain,
  type TimedEntry,
} from '../../../src/platform/audit/index.ts';
import { TEST_CHAIN_SECRET, testKey as key, viewEntry } from './fixtures.ts';

const timed = (n: number): TimedEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    ...viewEntry({ requestId: `req-${i}` }),
    at: '2025-01-01T00:00:00.000Z',
  }));

describe('the audit hash chain', () => {
  it('serialises canonically: sorted keys at every level, undefined dropped', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: null }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"e":null,"f":2}]},"b":1}',
    );
  });

  it('serialises every record written before as it was then: undefined in a list is null, empty containers and escapes kept', () => {
    // Trails already on disk are verified with this text: it must never change.
    expect(
      canonicalJson({ z: [undefined, null, [], {}], y: 'é\u2028"\\', x: { w: undefined }, v: false, u: 0.5 }),
    ).toBe('{"u":0.5,"v":false,"x":{},"y":"é\u2028\\"\\\\","z":[null,null,[],{}]}');
  });

  it('seals and stores every shape of record as its canonical JSON, hashed without the hash', () => {
    // The sealing text is written member by member for speed; it must equal canonicalJson, which
    // every verification uses, for each optional field present or absent.
    const shapes: TimedEntry[] = [
      { ...viewEntry(), at: '2025-01-01T00:00:00.000Z' },
      {
        ...viewEntry({ teamId: null, childId: null }),
        at: '2025-01-01T00:00:01.000Z',
        correlationId: 'corr-1',
        childIds: ['c-1', 'c-2'],
        fields: ['name', 'dateOfBirth', 'é\u2028"\\'],
        purpose: 'Section 47 enquiry',
        breakGlass: { reasonCode: 'EMERGENCY', justification: '' },
        action: 'BREAK_GLASS',
      },
      { ...viewEntry({ groups: [], roles: [] }), at: '2025-01-01T00:00:02.000Z', childIds: [] },
    ];
    const { records, texts } = sealBatchWithTexts({ seq: 41, hash: GENESIS_HASH }, shapes, key);
    records.forEach((record, i) => {
      const { hash, ...rest } = record;
      expect(hash).toBe(hashRecord(record, key));
      expect(createHmac('sha256', TEST_CHAIN_SECRET).update(canonicalJson(rest)).digest('hex')).toBe(hash);
      expect(texts[i]).toBe(canonicalJson(record));
    });
    expect(records.map((record) => record.seq)).toEqual([42, 43, 44]);
  });

  it('keys the hash: HMAC-SHA256 under the chain key of everything but the hash itself, prevHash included', () => {
    const [record] = sealBatch({ seq: 0, hash: GENESIS_HASH }, timed(1), key);
    const { hash, ...rest } = record!;
    expect(hash).toBe(createHmac('sha256', TEST_CHAIN_SECRET).update(canonicalJson(rest)).digest('hex'));
    expect(hashRecord({ ...record!, prevHash: '1'.repeat(64) }, key)).not.toBe(hash);
  });

  it('links each record to its predecessor, starting from the genesis', async () => {
    const records = sealBatch({ seq: 0, hash: GENESIS_HASH }, timed(3), key);
    expect(records.map((record) => record.seq)).toEqual([1, 2, 3]);
    expect(records[0]!.prevHash).toBe(GENESIS_HASH);
    expect(records[1]!.prevHash).toBe(records[0]!.hash);
    expect(records[2]!.prevHash).toBe(records[1]!.hash);
    expect(await verifyChain(records, { key })).toEqual({
      ok: true,
      count: 3,
      head: { seq: 3, hash: records[2]!.hash },
      unanchored: 0,
    });
  });

  it('reports the first broken seq and why', async () => {
    const records = sealBatch({ seq: 0, hash: GENESIS_HASH }, timed(4), key);
    const altered = records.map((record, i) => (i === 2 ? { ...record, decision: 'DENIED' } : record));
    expect(await verifyChain(altered, { key })).toMatchObject({
      ok: false,
      brokenSeq: 3,
      count: 2,
      problem: 'HASH',
    });
    expect(await verifyChain([records[0], records[2]], { key })).toMatchObject({
      ok: false,
      brokenSeq: 2,
      problem: 'SEQ',
    });
    expect(await verifyChain([records[0], UNPARSABLE], { key })).toMatchObject({
      brokenSeq: 2,
      problem: 'UNPARSABLE',
    });
    const relinked = sealBatch({ seq: 1, hash: '2'.repeat(64) }, timed(1), key);
    expect(await verifyChain([records[0], ...relinked], { key })).toMatchObject({
      brokenSeq: 2,
      problem: 'PREV_HASH',
    });
  });

  it('rejects records re-hashed without the chain key, from the first one touched', async () => {
    const records = sealBatch({ seq: 0, hash: GENESIS_HASH }, timed(5), key);
    // A forger edits seq 3 and recomputes every later hash and link, with a key of their own.
    const forgerKey = chainKey('a-forger-does-not-have-the-real-key-0123456789');
    const forged = sealBatch(
      { seq: 2, hash: records[1]!.hash },
      records
        .slice(2)
        .map(({ seq: _s, prevHash: _p, hash: _h, ...entry }, i) =>
          i === 0 ? { ...entry, decision: 'DENIED' as const } : entry,
        ),
      forgerKey,
    );
    expect(await verifyChain([...records.slice(0, 2), ...forged], { key })).toMatchObject({
      ok: false,
      brokenSeq: 3,
      problem: 'HASH',
    });
  });

  it('proves completeness against the anchor: a cut-off end, a missing, forged or mismatched anchor fail', async () => {
    const records = sealBatch({ seq: 0, hash: GENESIS_HASH }, timed(6), key);
    const anchor = anchorOf({ seq: 6, hash: records[5]!.hash }, key);
    expect(await verifyChain(records, { key, anchor })).toMatchObject({ ok: true, count: 6, unanchored: 0 });
    expect(await verifyChain(records.slice(0, 4), { key, anchor })).toMatchObject({
      ok: false,
      count: 4,
      brokenSeq: 5,
      problem: 'TRUNCATED',
    });
    expect(await verifyChain(records, { key, anchor: null })).toMatchObject({
      ok: false,
      problem: 'ANCHOR_MISSING',
    });
    // Re-pointing the anchor at the new end needs the key.
    const repointed = { ...anchor, seq: 4, hash: records[3]!.hash };
    expect(await verifyChain(records.slice(0, 4), { key, anchor: repointed })).toMatchObject({
      ok: false,
      problem: 'ANCHOR_FORGED',
    });
    const elsewhere = anchorOf({ seq: 3, hash: records[4]!.hash }, key);
    expect(await verifyChain(records, { key, anchor: elsewhere })).toMatchObject({
      ok: false,
      brokenSeq: 3,
      problem: 'ANCHOR_MISMATCH',
    });
    // Records after the anchor (a batch whose anchor write failed) are reported, not failed.
    const behind = anchorOf({ seq: 5, hash: records[4]!.hash }, key);
    expect(await verifyChain(records, { key, anchor: behind })).toMatchObject({ ok: true, unanchored: 1 });
  });
});
