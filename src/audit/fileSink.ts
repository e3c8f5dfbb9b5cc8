/**
 * The file sink: one JSON line per record, appended and fsynced once per batch.
 *
 * One hub process owns a file (several instances: give each its own file, or use the Redis
 * stream sink, which chains across instances). On open the file is scanned once to find the
 * chain's head and to rebuild the bounded query index; a torn last line (the process died
 * mid-write, so that record was never acknowledged) is cut off so the chain continues cleanly.
 *
 * A batch is written with as few write calls as the OS allows and then fdatasync'd. If either
 * fails, the file is truncated back to its size before the batch, so no half record remains and
 * the seqs the batch would have used are used by the next batch. If even that truncation fails,
 * the sink refuses all further writes: appending after unknown bytes would corrupt the chain.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { EMPTY_HEAD, UNPARSABLE, headOf, isRecordShaped, sealBatch, type ChainHead } from './chain.ts';
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
    while (offset < data.length) {
      const { bytesWritten } = await handle.write(data, offset, data.length - offset);
      offset += bytesWritten;
    }
  },
  async sync(handle) {
    await handle.datasync();
  },
};

export interface FileSinkOptions {
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

async function scan(path: string, index: RecentIndex): Promise<ChainHead> {
  let head: ChainHead = EMPTY_HEAD;
  let lastParsable = true;
  for await (const line of readAuditFile(path)) {
    if (!isRecordShaped(line)) {
      lastParsable = false;
      continue;
    }
    lastParsable = true;
    const record: AuditRecord = line;
    index.add(record);
    head = { seq: record.seq, hash: record.hash };
  }
  if (!lastParsable) throw new AuditFileCorruptError(path, 'its last record is unreadable');
  return head;
}

export async function createFileSink(path: string, options: FileSinkOptions = {}): Promise<AuditSink> {
  const io = options.io ?? nodeFileIo;
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'a+', 0o600);
  const index = new RecentIndex(options.index);
  let size: number;
  let head: ChainHead;
  try {
    size = await cutTornTail(handle);
    head = await scan(path, index);
  } catch (error) {
    await handle.close();
    throw error;
  }
  let unusable: Error | null = null;
  let closed = false;

  async function rollBack(): Promise<void> {
    try {
      await handle.truncate(size);
      await handle.datasync();
    } catch (error) {
      unusable = new Error(
        `Audit file ${path} is in an unknown state after a failed write; restart to recover`,
        {
          cause: error,
        },
      );
    }
  }

  return {
    kind: 'file',
    async append(batch: readonly TimedEntry[]) {
      if (closed) throw new Error('Audit sink is closed');
      if (unusable) throw unusable;
      const sealed = sealBatch(head, batch);
      const data = Buffer.from(sealed.map((record) => JSON.stringify(record) + '\n').join(''), 'utf8');
      try {
        await io.write(handle, data);
        await io.sync(handle);
      } catch (error) {
        await rollBack();
        throw new Error(`Audit file write failed`, { cause: error });
      }
      size += data.length;
      head = headOf(sealed, head);
      for (const record of sealed) index.add(record);
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
    },
  };
}
