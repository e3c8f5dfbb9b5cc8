/**
 * The file sink: one JSON line per record, appended and fsynced once per batch, then the chain's
 * head anchored (AnchorStore: a Redis key, or a file beside the trail).
 *
 * One hub process owns a file (several instances: give each its own file and anchor, or use the
 * Redis stream sink, which chains across instances). On open the file is scanned once to find the
 * chain's head, check that its records link and that the anchor describes it, and rebuild the
 * bounded query index; a torn last line (the process died mid-write, so that record was never
 * acknowledged) is cut off so the chain continues cleanly.
 *
 * A batch is written with as few write calls as the OS allows, fdatasync'd, and then the anchor is
 * moved to its last record; only then are its requests answered. Only the fdatasync leaves the
 * event loop: the file check, the write into the page cache and the file anchor's move are
 * synchronous calls of microseconds, because under load each asynchronous file call waits for a
 * turn of the busy loop, and every request of the batch waits with it (eleven such calls a batch
 * held the warm single view at 3,500 req/s on the bench's two cores; with one, 4,500).
 *
 * If the write or sync fails, the file is truncated back to its size before the batch, so no half
 * record remains and the seqs the batch would have used are used by the next batch. If even that
 * truncation fails, the next batch tries it again first, and the sink serves again as soon as the
 * disk does. If the anchor cannot be moved, the records stay in the file (an attempt on the trail
 * errs on the safe side) but their requests are refused; the next batch's anchor write carries the
 * anchor past them.
 *
 * Before each batch the sink checks that the file is still the one it opened, at the size it left
 * it. A file cut short, replaced or written by someone else, or an anchor moved by someone else,
 * raises an alarm (AuditChainAlarm) and every later batch is refused until an operator has looked
 * and restarted the hub: starting a new chain over the gap would hide it.
 */
import { createReadStream, statSync, writeSync } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { createFileAnchor, type AnchorStore } from './anchor.ts';
import {
  EMPTY_HEAD,
  anchorOf,
  hashRecord,
  headOf,
  isAnchorAuthentic,
  isRecordShaped,
  sealBatchWithTexts,
  type Anchor,
  type ChainHead,
  type ChainKey,
  UNPARSABLE,
} from './chain.ts';
import { AuditChainAlarm, AuditSinkError } from './errors.ts';
import { RecentIndex, type RecentIndexLimits } from './recentIndex.ts';
import type { AuditRecord, AuditSink, TimedEntry } from './types.ts';

/** The file operations the sink performs per batch; injectable to count fsyncs or force failures. */
export interface FileSinkIo {
  write(handle: FileHandle, data: Buffer): Promise<void>;
  sync(handle: FileHandle): Promise<void>;
}

export const nodeFileIo: FileSinkIo = {
  async write(handle, data) {
    let offset = 0;
    while (offset < data.length) offset += writeSync(handle.fd, data, offset, data.length - offset);
  },
  async sync(handle) {
    await handle.datasync();
  },
};

export interface FileSinkOptions {
  /** The chain key every record hash and anchor MAC is made with. */
  key: ChainKey;
  /** Where the head is anchored. Default: a file beside the trail, `<path>.anchor`. */
  anchor?: AnchorStore;
  index?: RecentIndexLimits;
  io?: FileSinkIo;
}

export class AuditFileCorruptError extends Error {
  constructor(path: string, detail: string) {
    super(`Audit file ${path} cannot be continued: ${detail}; run npm run audit:verify on it`);
    this.name = 'AuditFileCorruptError';
  }
}

/** Yields each line of an audit file parsed, or UNPARSABLE; shared with the verifier. */
export async function* readAuditFile(path: string): AsyncGenerator<unknown> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    try {
      yield JSON.parse(line) as unknown;
    } catch {
      yield UNPARSABLE;
    }
  }
}

/** Cuts a torn final line (no trailing newline) and returns the resulting size. */
async function cutTornTail(handle: FileHandle): Promise<number> {
  const { size } = await handle.stat();
  if (size === 0) return 0;
  const chunk = Buffer.alloc(Math.min(size, 64 * 1024));
  let end = size;
  for (;;) {
    const start = Math.max(0, end - chunk.length);
    const { bytesRead } = await handle.read(chunk, 0, end - start, start);
    const lastNewline = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (lastNewline !== -1) {
      const keep = start + lastNewline + 1;
      if (keep === size) return size;
      await handle.truncate(keep);
      await handle.datasync();
      return keep;
    }
    if (start === 0) {
      await handle.truncate(0);
      await handle.datasync();
      return 0;
    }
    end = start;
  }
}

interface Scanned {
  head: ChainHead;
  last: AuditRecord | null;
  /** The hash of the record at the anchor's seq, if the file reaches it. */
  hashAtAnchor: string | null;
  /** The first seq whose record does not link to the one before it (0: all link). */
  brokenSeq: number;
}

/**
 * Reads every record once: rebuilds the index and checks the links (seq and prevHash, no HMAC:
 * that is audit:verify's job; the head's own HMAC is checked by the caller).
 */
async function scan(path: string, index: RecentIndex, anchorSeq: number | null): Promise<Scanned> {
  let head: ChainHead = EMPTY_HEAD;
  let last: AuditRecord | null = null;
  let hashAtAnchor: string | null = null;
  let brokenSeq = 0;
  let lastParsable = true;
  for await (const line of readAuditFile(path)) {
    if (!isRecordShaped(line)) {
      lastParsable = false;
      continue;
    }
    lastParsable = true;
    const record: AuditRecord = line;
    if (brokenSeq === 0 && (record.seq !== head.seq + 1 || record.prevHash !== head.hash))
      brokenSeq = head.seq + 1;
    if (record.seq === anchorSeq) hashAtAnchor = record.hash;
    index.add(record);
    head = { seq: record.seq, hash: record.hash };
    last = record;
  }
  if (!lastParsable) throw new AuditFileCorruptError(path, 'its last record is unreadable');
  return { head, last, hashAtAnchor, brokenSeq };
}

/** What is wrong between a file's records and its anchor at open, if anything. */
function alarmAtOpen(
  path: string,
  anchorAt: string,
  key: ChainKey,
  anchor: Anchor | null,
  scanned: Scanned,
): AuditChainAlarm | null {
  const { head, last } = scanned;
  const found = anchor && { seq: anchor.seq, hash: anchor.hash };
  if (scanned.brokenSeq > 0)
    return new AuditChainAlarm(
      'RECORD_INVALID',
      `the records of ${path} do not link at seq ${scanned.brokenSeq}; run npm run audit:verify`,
      null,
      head,
    );
  if (last && hashRecord(last, key) !== last.hash)
    return new AuditChainAlarm(
      'RECORD_INVALID',
      `the last record of ${path} (seq ${last.seq}) was not sealed with the configured AUDIT_CHAIN_KEY (a trail written before the key existed, or under another key: archive it and start a new one)`,
      null,
      head,
    );
  if (anchor === null)
    return head.seq === 0
      ? null
      : new AuditChainAlarm(
          'ANCHOR_MISMATCH',
          `${path} holds ${head.seq} records but there is no anchor at ${anchorAt}`,
          null,
          head,
        );
  if (!isAnchorAuthentic(anchor, key))
    return new AuditChainAlarm(
      'ANCHOR_MISMATCH',
      `the anchor at ${anchorAt} was not written with the configured AUDIT_CHAIN_KEY`,
      found,
      head,
    );
  if (anchor.seq > head.seq)
    return new AuditChainAlarm(
      'HEAD_REGRESSED',
      `${path} ends at seq ${head.seq} but its anchor says seq ${anchor.seq}: records were cut off`,
      found,
      head,
    );
  if (scanned.hashAtAnchor !== anchor.hash)
    return new AuditChainAlarm(
      'ANCHOR_MISMATCH',
      `the record at the anchored seq ${anchor.seq} of ${path} is not the one anchored`,
      found,
      head,
    );
  return null;
}

/** Heads whose anchor write had an unknown outcome, kept so the next write accepts any of them. */
const MAX_UNCONFIRMED_HEADS = 16;

export interface FileAuditSink extends AuditSink {
  /** Where the head is anchored, for the start-up log. */
  readonly anchorLocation: string;
}

export async function createFileSink(path: string, options: FileSinkOptions): Promise<FileAuditSink> {
  const { key } = options;
  const io = options.io ?? nodeFileIo;
  const anchor = options.anchor ?? createFileAnchor(`${path}.anchor`);
  let handle: FileHandle;
  try {
    await mkdir(dirname(path), { recursive: true });
    handle = await open(path, 'a+', 0o600);
  } catch (error) {
    await anchor.close();
    throw error;
  }
  const index = new RecentIndex(options.index);
  let size: number;
  let head: ChainHead;
  let alarm: AuditChainAlarm | null;
  let identity: { dev: number; ino: number };
  /** The head the anchor is known to hold. */
  let anchored: ChainHead;
  let unconfirmed: ChainHead[] = [];
  try {
    size = await cutTornTail(handle);
    const stored = await anchor.read();
    const scanned = await scan(path, index, stored?.seq ?? null);
    head = scanned.head;
    alarm = alarmAtOpen(path, anchor.location, key, stored, scanned);
    anchored = stored ? { seq: stored.seq, hash: stored.hash } : EMPTY_HEAD;
    const { dev, ino } = await handle.stat();
    identity = { dev, ino };
  } catch (error) {
    await handle.close();
    await anchor.close();
    throw error;
  }
  /** A failed write could not be undone: undo it before the next batch. */
  let needsRepair = false;
  let closed = false;

  function raise(raised: AuditChainAlarm): never {
    alarm = raised;
    throw raised;
  }

  /** The file must still be the one opened, at the size this sink left it (more after a failed write). */
  async function checkFile(): Promise<void> {
    let current;
    try {
      current = statSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new AuditSinkError('storage', `Audit file ${path} cannot be examined`, { cause: error });
      raise(new AuditChainAlarm('HEAD_REGRESSED', `${path} was deleted under the hub`, head, null));
    }
    if (current.dev !== identity.dev || current.ino !== identity.ino)
      raise(new AuditChainAlarm('HEAD_REGRESSED', `${path} was replaced under the hub`, head, null));
    if (current.size < size)
      raise(
        new AuditChainAlarm(
          'HEAD_REGRESSED',
          `${path} shrank from ${size} to ${current.size} bytes: records were cut off`,
          head,
          null,
        ),
      );
    if (current.size > size && !needsRepair)
      raise(
        new AuditChainAlarm(
          'RECORD_INVALID',
          `${path} grew by ${current.size - size} bytes the hub did not write`,
          head,
          null,
        ),
      );
  }

  /** Cuts the file back to the size this sink left it; throws while the disk still refuses. */
  async function repair(): Promise<void> {
    try {
      await handle.truncate(size);
      await handle.datasync();
    } catch (error) {
      throw new AuditSinkError('storage', `Audit file ${path} still cannot be written`, { cause: error });
    }
    needsRepair = false;
  }

  return {
    kind: 'file',
    anchorLocation: anchor.location,
    get alarm() {
      return alarm;
    },
    async append(batch: readonly TimedEntry[]) {
      if (closed) throw new AuditSinkError('closed', 'Audit sink is closed');
      if (alarm) throw alarm;
      await checkFile();
      if (needsRepair) await repair();
      const { records: sealed, texts } = sealBatchWithTexts(head, batch, key);
      const data = Buffer.from(texts.join('\n') + '\n', 'utf8');
      try {
        await io.write(handle, data);
        await io.sync(handle);
      } catch (error) {
        // Undo now if the disk lets us; otherwise the next batch tries again before writing.
        needsRepair = true;
        await repair().catch(() => undefined);
        throw new AuditSinkError('storage', `Audit file ${path} could not be written`, { cause: error });
      }
      size += data.length;
      head = headOf(sealed, head);
      for (const record of sealed) index.add(record);
      let moved;
      try {
        moved = await anchor.advance(anchorOf(head, key), [anchored, ...unconfirmed]);
      } catch (error) {
        unconfirmed = [...unconfirmed, head].slice(-MAX_UNCONFIRMED_HEADS);
        throw new AuditSinkError('anchor', `Audit anchor at ${anchor.location} could not be written`, {
          cause: error,
        });
      }
      if (!moved.moved)
        raise(
          new AuditChainAlarm(
            'ANCHOR_MISMATCH',
            `the anchor at ${anchor.location} was moved by something other than this hub`,
            anchored,
            moved.found && { seq: moved.found.seq, hash: moved.found.hash },
          ),
        );
      anchored = head;
      unconfirmed = [];
      return sealed;
    },
    async query(query) {
      return index.query(query);
    },
    async alerts(limit) {
      return index.alerts(limit);
    },
    async close() {
      if (closed) return;
      closed = true;
      await handle.close();
      await anchor.close();
    },
  };
}
