/**
 * The keyed hash chain: canonical serialisation, sealing a batch onto a head, the anchor that
 * records the head in a second place, and verification.
 *
 * Each record's `hash` is an HMAC-SHA256, under the chain key (AUDIT_CHAIN_KEY), of the canonical
 * JSON of every other field, `prevHash` included. Without the key nobody can produce a hash the
 * verifier accepts, so an edited record cannot be re-hashed into the chain, and neither can the
 * records after it. The anchor (`{ seq, hash, mac }` of the head, kept apart from the records and
 * MAC'd under the same key) is what makes a cut-off tail visible: a chain that ends before its
 * anchor has lost records.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { AuditRecord, TimedEntry } from './types.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainHead {
  /** The seq of the last record; 0 for an empty chain. */
  seq: number;
  hash: string;
}
export const EMPTY_HEAD: ChainHead = Object.freeze({ seq: 0, hash: GENESIS_HASH });

/** A chain head as stored in the anchor, with a MAC so only a holder of the key can write one. */
export interface Anchor extends ChainHead {
  mac: string;
}

/** The secret every record hash and anchor MAC is keyed with. */
export type ChainKey = KeyObject;

/** Shortest secret accepted, in bytes (the HMAC-SHA256 block is 64; 32 gives 256 bits). */
export const MIN_CHAIN_KEY_BYTES = 32;

export function chainKey(secret: string | Buffer): ChainKey {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (bytes.length < MIN_CHAIN_KEY_BYTES)
    throw new RangeError(`The audit chain key must be at least ${MIN_CHAIN_KEY_BYTES} bytes`);
  return createSecretKey(bytes);
}

/** JSON with object keys sorted at every level and undefined members dropped: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // Built by appending rather than map/filter/join: every audited request hashes its record.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += canonicalJson(value[i] ?? null);
    }
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += JSON.stringify(key) + ':' + canonicalJson(member);
  }
  return out + '}';
}

/** HMAC-SHA256 (hex) under the chain key: every record hash and anchor MAC. */
function macOf(message: string, key: ChainKey): string {
  return createHmac('sha256', key).update(message).digest('hex');
}

/** HMAC-SHA256 (hex) under `key` over the canonical JSON of the record without its `hash`. */
export function hashRecord(record: Omit<AuditRecord, 'hash'> | AuditRecord, key: ChainKey): string {
  const { hash: _hash, ...rest } = record as AuditRecord;
  return macOf(canonicalJson(rest), key);
}

/**
 * A record's canonical JSON without its hash, in the two parts the hash goes between when the
 * sealed record is stored ("groups" < "hash" < "prevHash"). Written member by member in
 * canonicalJson's order for the fields toTimedEntry keeps: every audited request seals a record,
 * and the generic walk (key sort, recursion) was most of that. A field added to the record but not
 * here is caught by every verification, which hashes what was stored with canonicalJson.
 */
function canonicalHalves(entry: TimedEntry, seq: number, prevHash: string): [string, string] {
  const json = JSON.stringify;
  let before = '{"action":' + json(entry.action) + ',"at":' + json(entry.at);
  const { breakGlass } = entry;
  if (breakGlass !== undefined)
    before +=
      ',"breakGlass":{"justification":' +
      json(breakGlass.justification) +
      ',"reasonCode":' +
      json(breakGlass.reasonCode) +
      '}';
  before += ',"childId":' + json(entry.childId);
  if (entry.childIds !== undefined) before += ',"childIds":' + json(entry.childIds);
  if (entry.correlationId !== undefined) before += ',"correlationId":' + json(entry.correlationId);
  before += ',"decision":' + json(entry.decision);
  if (entry.fields !== undefined) before += ',"fields":' + json(entry.fields);
  before += ',"groups":' + json(entry.groups);
  let after = '"prevHash":' + json(prevHash);
  if (entry.purpose !== undefined) after += ',"purpose":' + json(entry.purpose);
  after +=
    ',"requestId":' +
    json(entry.requestId) +
    ',"roles":' +
    json(entry.roles) +
    ',"seq":' +
    seq +
    ',"teamId":' +
    json(entry.teamId) +
    ',"userId":' +
    json(entry.userId) +
    '}';
  return [before, after];
}

/** A batch sealed onto a head: its records, and each one's canonical JSON, hash included, to store. */
export interface SealedBatch {
  records: AuditRecord[];
  texts: string[];
}

/** Gives each entry the next seq after `head` and links it to its predecessor. Pure. */
export function sealBatchWithTexts(
  head: ChainHead,
  batch: readonly TimedEntry[],
  key: ChainKey,
): SealedBatch {
  let { seq, hash: prevHash } = head;
  const records: AuditRecord[] = new Array<AuditRecord>(batch.length);
  const texts: string[] = new Array<string>(batch.length);
  for (let i = 0; i < batch.length; i++) {
    const entry = batch[i] as TimedEntry;
    seq += 1;
    const [before, after] = canonicalHalves(entry, seq, prevHash);
    const hash = macOf(before + ',' + after, key);
    records[i] = { ...entry, seq, prevHash, hash };
    texts[i] = before + ',"hash":"' + hash + '",' + after;
    prevHash = hash;
  }
  return { records, texts };
}

/** The sealed records alone, for a sink that keeps objects rather than text. */
export function sealBatch(head: ChainHead, batch: readonly TimedEntry[], key: ChainKey): AuditRecord[] {
  return sealBatchWithTexts(head, batch, key).records;
}

export function headOf(records: readonly AuditRecord[], fallback: ChainHead): ChainHead {
  const last = records[records.length - 1];
  return last ? { seq: last.seq, hash: last.hash } : fallback;
}

/**
 * The anchor for a head. The MAC's message starts with "anchor" where a record's starts with "{",
 * so no record hash can be passed off as an anchor MAC or the other way round.
 */
export function anchorOf(head: ChainHead, key: ChainKey): Anchor {
  const mac = macOf(`anchor\n${head.seq}\n${head.hash}`, key);
  return { seq: head.seq, hash: head.hash, mac };
}

export function isAnchorAuthentic(anchor: Anchor, key: ChainKey): boolean {
  return anchorOf(anchor, key).mac === anchor.mac;
}

export function sameHead(a: ChainHead | null, b: ChainHead | null): boolean {
  return a !== null && b !== null && a.seq === b.seq && a.hash === b.hash;
}

/** Break-glass use is raised for review. */
export function isAlert(record: AuditRecord): boolean {
  return record.action === 'BREAK_GLASS' || record.breakGlass !== undefined;
}

/** A stored line or entry that could not be parsed into a record at all. */
export const UNPARSABLE = Symbol('unparsable');

export type VerifyProblem =
  | 'UNPARSABLE'
  | 'SEQ'
  | 'PREV_HASH'
  | 'HASH'
  | 'TRUNCATED'
  | 'ANCHOR_MISSING'
  | 'ANCHOR_FORGED'
  | 'ANCHOR_MISMATCH';

export type VerifyResult =
  | {
      ok: true;
      count: number;
      head: ChainHead;
      /** Records after the anchored head: written, but never acknowledged to their requests. */
      unanchored: number;
    }
  | { ok: false; count: number; brokenSeq: number; problem: VerifyProblem };

export interface VerifyOptions {
  key: ChainKey;
  /**
   * The trail's anchor: null when the trail has none (which fails any non-empty trail), undefined
   * to check the chain alone (it then cannot tell a cut-off tail from a complete trail).
   */
  anchor?: Anchor | null;
}

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
 * first break; `brokenSeq` is the seq where the chain should have continued but did not (for a
 * cut-off tail, the first missing seq).
 */
export async function verifyChain(
  records: AsyncIterable<unknown | typeof UNPARSABLE> | Iterable<unknown | typeof UNPARSABLE>,
  { key, anchor }: VerifyOptions,
): Promise<VerifyResult> {
  let head: ChainHead = EMPTY_HEAD;
  const fail = (problem: VerifyProblem, brokenSeq = head.seq + 1): VerifyResult => ({
    ok: false,
    count: head.seq,
    brokenSeq,
    problem,
  });
  // Records first, so a forger who also rewrote the anchor is named at the first record touched.
  const authentic = anchor ? isAnchorAuthentic(anchor, key) : false;
  for await (const candidate of records) {
    const brokenSeq = head.seq + 1;
    if (!isRecordShaped(candidate)) return fail('UNPARSABLE');
    if (candidate.seq !== brokenSeq) return fail('SEQ');
    if (candidate.prevHash !== head.hash) return fail('PREV_HASH');
    if (hashRecord(candidate, key) !== candidate.hash) return fail('HASH');
    if (authentic && candidate.seq === anchor?.seq && candidate.hash !== anchor.hash)
      return fail('ANCHOR_MISMATCH');
    head = { seq: candidate.seq, hash: candidate.hash };
  }
  if (anchor === null && head.seq > 0) return fail('ANCHOR_MISSING');
  if (anchor && !authentic) return fail('ANCHOR_FORGED', Math.min(anchor.seq, head.seq + 1));
  if (anchor && anchor.seq > head.seq) return fail('TRUNCATED');
  return { ok: true, count: head.seq, head, unanchored: anchor ? head.seq - anchor.seq : 0 };
}
