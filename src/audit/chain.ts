/**
 * The hash chain: canonical serialisation, sealing a batch onto a head, and verification.
 */
import { createHash } from 'node:crypto';
import type { AuditRecord, TimedEntry } from './types.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainHead {
  /** The seq of the last record; 0 for an empty chain. */
  seq: number;
  hash: string;
}
export const EMPTY_HEAD: ChainHead = Object.freeze({ seq: 0, hash: GENESIS_HASH });

/** JSON with object keys sorted at every level and undefined members dropped: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const members = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${members.join(',')}}`;
}

/** SHA-256 (hex) over the canonical JSON of the record without its `hash`. */
export function hashRecord(record: Omit<AuditRecord, 'hash'> | AuditRecord): string {
  const { hash: _hash, ...rest } = record as AuditRecord;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** Gives each entry the next seq after `head` and links it to its predecessor. Pure. */
export function sealBatch(head: ChainHead, batch: readonly TimedEntry[]): AuditRecord[] {
  let { seq, hash: prevHash } = head;
  return batch.map((entry) => {
    seq += 1;
    const unsealed: Omit<AuditRecord, 'hash'> = { ...entry, seq, prevHash };
    const hash = hashRecord(unsealed);
    prevHash = hash;
    return { ...unsealed, hash };
  });
}

export function headOf(records: readonly AuditRecord[], fallback: ChainHead): ChainHead {
  const last = records[records.length - 1];
  return last ? { seq: last.seq, hash: last.hash } : fallback;
}

/** Break-glass use is raised for review. */
export function isAlert(record: AuditRecord): boolean {
  return record.action === 'BREAK_GLASS' || record.breakGlass !== undefined;
}

/** A stored line or entry that could not be parsed into a record at all. */
export const UNPARSABLE = Symbol('unparsable');

export type VerifyResult =
  | { ok: true; count: number; head: ChainHead }
  | { ok: false; count: number; brokenSeq: number; problem: 'UNPARSABLE' | 'SEQ' | 'PREV_HASH' | 'HASH' };

/** Has the fields the chain depends on; anything else is treated as unreadable. */
export function isRecordShaped(value: unknown): value is AuditRecord {
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.seq === 'number' && typeof record.prevHash === 'string' && typeof record.hash === 'string'
  );
}

/**
 * Walks records in order from the genesis. `count` is how many records were intact before the
 * first break; `brokenSeq` is the seq where the chain should have continued but did not.
 */
export async function verifyChain(
  records: AsyncIterable<unknown | typeof UNPARSABLE> | Iterable<unknown | typeof UNPARSABLE>,
): Promise<VerifyResult> {
  let head: ChainHead = EMPTY_HEAD;
  for await (const candidate of records) {
    const brokenSeq = head.seq + 1;
    if (!isRecordShaped(candidate)) return { ok: false, count: head.seq, brokenSeq, problem: 'UNPARSABLE' };
    if (candidate.seq !== brokenSeq) return { ok: false, count: head.seq, brokenSeq, problem: 'SEQ' };
    if (candidate.prevHash !== head.hash)
      return { ok: false, count: head.seq, brokenSeq, problem: 'PREV_HASH' };
    if (hashRecord(candidate) !== candidate.hash)
      return { ok: false, count: head.seq, brokenSeq, problem: 'HASH' };
    head = { seq: candidate.seq, hash: candidate.hash };
  }
  return { ok: true, count: head.seq, head };
}
