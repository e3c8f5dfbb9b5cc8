import { createHook } from 'node:async_hooks';
import { execFile } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditChainAlarm,
  AuditWriteError,
  anchorOf,
  chainKey,
  createAuditTrail,
  createFileAnchor,
  createFileSink,
  nodeFileIo,
  readAuditFile,
  verifyChain,
  type AuditRecord,
  type FileSinkIo,
} from '../../../src/platform/audit/index.ts';
import { TEST_CHAIN_SECRET, breakGlassEntry, testKey, viewEntry } from './fixtures.ts';

const run = promisify(execFile);
let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'svoc-audit-'));
  file = join(dir, 'trail', 'audit.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function linesOf(path: string): Promise<AuditRecord[]> {
  return (await readFile(path, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AuditRecord);
}

async function writeRecords(count: number): Promise<void> {
  const trail = createAuditTrail({ sink: await createFileSink(file, { key: testKey }) });
  for (let i = 0; i < count; i++)
    await trail.record(viewEntry({ requestId: `r-${i}`, childId: `child-${i % 3}` }));
  await trail.close();
}

describe('the file audit sink', () => {
  it('appends one chained JSON line per record that verifies OK', async () => {
    await writeRecords(5);
    const records = await linesOf(file);
    expect(records.map((record) => record.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(await verifyChain(readAuditFile(file), { key: testKey })).toMatchObject({ ok: true, count: 5 });
  });

  it('continues the chain and rebuilds its query index when reopened', async () => {
    await writeRecords(4);
    const trail = createAuditTrail({ sink: await createFileSink(file, { key: testKey }) });
    const next = await trail.record(viewEntry({ childId: 'child-0' }));
    expect(next.seq).toBe(5);
    expect((await trail.recentForChild('child-0')).map((record) => record.seq)).toEqual([5, 4, 1]);
    await trail.close();
    expect(await verifyChain(readAuditFile(file), { key: testKey })).toMatchObject({ ok: true, count: 5 });
  });

  it('keeps break-glass alerts across a reopen', async () => {
    const first = createAuditTrail({ sink: await createFileSink(file, { key: testKey }) });
    await first.record(breakGlassEntry());
    await first.record(viewEntry());
    await first.close();
    const second = createAuditTrail({ sink: await createFileSink(file, { key: testKey }) });
    expect((await second.alerts()).map((record) => record.seq)).toEqual([1]);
    await second.close();
  });

  it('leaves the event loop once per group commit, for its fdatasync, and for nothing else', async () => {
    // Under load each asynchronous file call waits for a turn of the busy loop, with every request
    // of the batch waiting on it: the check, the write and the anchor stay synchronous.
    const sink = await createFileSink(file, { key: testKey });
    const entries = [1, 2, 3].map((i) => ({
      ...viewEntry({ requestId: `r-${i}` }),
      at: `2026-12-07T10:00:0${i}.000Z`,
    }));
    const fileCalls: string[] = [];
    const hook = createHook({
      init(_id, type) {
        if (type.startsWith('FSREQ')) fileCalls.push(type);
      },
    });
    hook.enable();
    try {
      await sink.append(entries);
      await sink.append(entries);
    } finally {
      hook.disable();
    }
    expect(fileCalls).toEqual(['FSREQPROMISE', 'FSREQPROMISE']);
    expect((await linesOf(file)).map((record) => record.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await createFileAnchor(`${file}.anchor`).read()).toMatchObject({ seq: 6 });
    await sink.close();
  });

  it('fails verification at the seq of an edited line', async () => {
    await writeRecords(6);
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[3] = lines[3]!.replace('"decision":"ALLOWED"', '"decision":"DENIED"');
    await writeFile(file, lines.join('\n'));
    expect(await verifyChain(readAuditFile(file), { key: testKey })).toMatchObject({
      ok: false,
      brokenSeq: 4,
      count: 3,
      problem: 'HASH',
    });
  });

  it('fails verification at a deleted line', async () => {
    await writeRecords(4);
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.splice(1, 1);
    await writeFile(file, lines.join('\n'));
    expect(await verifyChain(readAuditFile(file), { key: testKey })).toMatchObject({
      ok: false,
      brokenSeq: 2,
      problem: 'SEQ',
    });
  });

  it('cuts a torn final line left by a crash mid-write and continues the chain', async () => {
    await writeRecords(3);
    await appendFile(file, '{"seq":4,"at":"2025-');
    const trail = createAuditTrail({ sink: await createFileSink(file, { key: testKey }) });
    expect((await trail.record(viewEntry())).seq).toBe(4);
    await trail.close();
    expect(await verifyChain(readAuditFile(file), { key: testKey })).toMatchObject({ ok: true, count: 4 });
  });

  it('refuses to open where the directory cannot exist', async () => {
    await writeFile(join(dir, 'plain-file'), '');
    await expect(createFileSink(join(dir, 'plain-file', 'audit.jsonl'), { key: testKey })).rejects.toThrow();
  });

  it('group-commits concurrent records into few fsyncs', async () => {
    let syncs = 0;
    const io: FileSinkIo = {
      write: nodeFileIo.write,
      async sync(handle) {
        syncs += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        await nodeFileIo.sync(handle);
      },
    };
    const trail = createAuditTrail({ sink: await createFileSink(file, { key: testKey, io }) });
    const all: Promise<unknown>[] = [];
    for (let wave = 0; wave < 4; wave++) {
      for (let i = 0; i < 100; i++) all.push(trail.record(viewEntry({ requestId: `r-${wave}-${i}` })));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(all);
    await trail.close();
    expect(syncs).toBeLessThanOrEqual(4);
    expect(await verifyChain(readAuditFile(file), { key: testKey })).toMatchObject({ ok: true, count: 400 });
  });

  it('rejects records whose write fails, leaves no partial line, and reuses their seqs', async () => {
    let failNext = false;
    const io: FileSinkIo = {
      async write(handle, data) {
        if (!failNext) return nodeFileIo.write(handle, data);
        // Half the batch reaches the file before the disk gives up.
        await nodeFileIo.write(handle, data.subarray(0, Math.floor(data.length / 2)));
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
      sync: nodeFileIo.sync,
    };
    const trail = createAuditTrail({ sink: await createFileSink(file, { key: testKey, io }) });
    await trail.record(viewEntry());
    failNext = true;
    const outcomes = await Promise.allSettled([trail.record(viewEntry()), trail.record(viewEntry())]);
    expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
    expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(AuditWriteError);
    failNext = false;
    expect((await trail.record(viewEntry())).seq).toBe(2);
    await trail.close();
    expect(await verifyChain(readAuditFile(file), { key: testKey })).toMatchObject({ ok: true, count: 2 });
  });

  it('rejects records once the sink is closed', async () => {
    const sink = await createFileSink(file, { key: testKey });
    await sink.close();
    const trail = createAuditTrail({ sink });
    await expect(trail.record(viewEntry())).rejects.toBeInstanceOf(AuditWriteError);
  });

  it('is checked by npm run audit:verify, which exits 1 on a break', async () => {
    await writeRecords(3);
    const script = ['tsx', 'scripts/verify-audit.ts', '--file', file];
    const options = { cwd: process.cwd(), env: { ...process.env, AUDIT_CHAIN_KEY: TEST_CHAIN_SECRET } };
    const ok = await run('npx', script, options);
    expect(ok.stdout).toMatch(/^OK: 3 records/m);
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[1] = lines[1]!.replace('"userId":"user-1"', '"userId":"user-2"');
    await writeFile(file, lines.join('\n'));
    const broken = await run('npx', script, options).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(broken?.code).toBe(1);
    expect(broken?.stdout).toMatch(/^BROKEN at seq 2/m);
  });
});

/** The reason a record was refused, as the trail reports it. */
async function refusal(promise: Promise<unknown>): Promise<{ reason: string; cause: unknown }> {
  const error = await promise.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(AuditWriteError);
  return { reason: (error as AuditWriteError).reason, cause: (error as AuditWriteError).cause };
}

describe('the file audit sink and its anchor', () => {
  it('anchors the head of every batch beside the trail, with a MAC under the chain key', async () => {
    await writeRecords(3);
    const anchor = await createFileAnchor(`${file}.anchor`).read();
    const last = (await linesOf(file))[2]!;
    expect(anchor).toEqual(anchorOf({ seq: 3, hash: last.hash }, testKey));
  });

  it('does not start a new chain over a trail cut below its anchor: every record is refused with an alarm', async () => {
    await writeRecords(5);
    const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
    await writeFile(file, lines.slice(0, 3).join('\n') + '\n');
    const sink = await createFileSink(file, { key: testKey });
    expect(sink.alarm).toMatchObject({ kind: 'HEAD_REGRESSED' });
    const trail = createAuditTrail({ sink });
    const { reason, cause } = await refusal(trail.record(viewEntry()));
    expect(reason).toBe('chain');
    expect(cause).toBeInstanceOf(AuditChainAlarm);
    await trail.close();
    expect((await linesOf(file)).length).toBe(3);
  });

  it('raises an alarm when the file is cut short under a running sink, and keeps refusing', async () => {
    const trail = createAuditTrail({ sink: await createFileSink(file, { key: testKey }) });
    await trail.record(viewEntry());
    await trail.record(viewEntry());
    await truncate(file, 0);
    const first = await refusal(trail.record(viewEntry()));
    expect(first.cause).toMatchObject({ kind: 'HEAD_REGRESSED' });
    expect((await refusal(trail.record(viewEntry()))).reason).toBe('chain');
    await trail.close();
    expect(await readFile(file, 'utf8')).toBe('');
  });

  it('raises an alarm when the anchor was moved by something other than the hub', async () => {
    const trail = createAuditTrail({ sink: await createFileSink(file, { key: testKey }) });
    await trail.record(viewEntry());
    const first = (await linesOf(file))[0]!;
    await trail.record(viewEntry());
    // Rolled back to the first record: a MAC the hub itself wrote earlier, replayed.
    await writeFile(`${file}.anchor`, JSON.stringify(anchorOf({ seq: 1, hash: first.hash }, testKey)));
    const { cause } = await refusal(trail.record(viewEntry()));
    expect(cause).toMatchObject({ kind: 'ANCHOR_MISMATCH' });
    await trail.close();
  });

  it('refuses when the anchor cannot be written, keeps the records as attempts, and anchors past them once it can', async () => {
    const trail = createAuditTrail({ sink: await createFileSink(file, { key: testKey }) });
    await trail.record(viewEntry());
    // A directory in the anchor's place: it can be neither read nor written.
    const anchored = await readFile(`${file}.anchor`);
    await rm(`${file}.anchor`);
    await mkdir(`${file}.anchor`);
    const { reason } = await refusal(trail.record(viewEntry({ requestId: 'refused' })));
    expect(reason).toBe('anchor');
    await rm(`${file}.anchor`, { recursive: true });
    await writeFile(`${file}.anchor`, anchored);
    const next = await trail.record(viewEntry());
    expect(next.seq).toBe(3);
    await trail.close();
    expect((await linesOf(file)).map((record) => record.requestId)).toEqual(['req-1', 'refused', 'req-1']);
    expect(await createFileAnchor(`${file}.anchor`).read()).toMatchObject({ seq: 3 });
  });

  it('refuses to continue a trail with records but no anchor', async () => {
    await writeRecords(2);
    await rm(`${file}.anchor`);
    const sink = await createFileSink(file, { key: testKey });
    expect(sink.alarm).toMatchObject({ kind: 'ANCHOR_MISMATCH' });
    await sink.close();
  });

  it('refuses to continue a trail sealed with another key', async () => {
    await writeRecords(2);
    const sink = await createFileSink(file, {
      key: chainKey('some-other-key-entirely-0123456789abcdef'),
    });
    expect(sink.alarm).toMatchObject({ kind: 'RECORD_INVALID' });
    await sink.close();
  });
});
