import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  UNPARSABLE,
  canonicalJson,
  hashRecord,
  sealBatch,
  verifyChain,
  type TimedEntry,
} from '../../../src/audit/index.ts';
import { viewEntry } from './fixtures.ts';

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

  it('hashes the canonical JSON of everything but the hash itself, prevHash included', () => {
    const [record] = sealBatch({ seq: 0, hash: GENESIS_HASH }, timed(1));
    const { hash, ...rest } = record!;
    expect(hash).toBe(createHash('sha256').update(canonicalJson(rest)).digest('hex'));
    expect(hashRecord({ ...record!, prevHash: '1'.repeat(64) })).not.toBe(hash);
  });

  it('links each record to its predecessor, starting from the genesis', async () => {
    const records = sealBatch({ seq: 0, hash: GENESIS_HASH }, timed(3));
    expect(records.map((record) => record.seq)).toEqual([1, 2, 3]);
    expect(records[0]!.prevHash).toBe(GENESIS_HASH);
    expect(records[1]!.prevHash).toBe(records[0]!.hash);
    expect(records[2]!.prevHash).toBe(records[1]!.hash);
    expect(await verifyChain(records)).toEqual({
      ok: true,
      count: 3,
      head: { seq: 3, hash: records[2]!.hash },
    });
  });

  it('reports the first broken seq and why', async () => {
    const records = sealBatch({ seq: 0, hash: GENESIS_HASH }, timed(4));
    const altered = records.map((record, i) => (i === 2 ? { ...record, decision: 'DENIED' } : record));
    expect(await verifyChain(altered)).toMatchObject({ ok: false, brokenSeq: 3, count: 2, problem: 'HASH' });
    expect(await verifyChain([records[0], records[2]])).toMatchObject({
      ok: false,
      brokenSeq: 2,
      problem: 'SEQ',
    });
    expect(await verifyChain([records[0], UNPARSABLE])).toMatchObject({
      brokenSeq: 2,
      problem: 'UNPARSABLE',
    });
    const relinked = sealBatch({ seq: 1, hash: '2'.repeat(64) }, timed(1));
    expect(await verifyChain([records[0], ...relinked])).toMatchObject({
      brokenSeq: 2,
      problem: 'PREV_HASH',
    });
  });
});
