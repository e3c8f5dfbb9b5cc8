import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, anchorOf, createFileAnchor } from '../../../src/platform/audit/index.ts';
import { testKey } from './fixtures.ts';

let dir: string;
let path: string;
const empty = { seq: 0, hash: GENESIS_HASH };
const anchorAt = (seq: number) => anchorOf({ seq, hash: seq.toString(16).padStart(64, '0') }, testKey);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'svoc-file-anchor-'));
  path = join(dir, 'audit.jsonl.anchor');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the file anchor of a file trail', () => {
  it('moves only from a head it was told to expect, and answers what it holds otherwise', async () => {
    const anchor = createFileAnchor(path);
    expect(await anchor.read()).toBeNull();
    expect(await anchor.advance(anchorAt(3), [empty])).toEqual({ moved: true });
    expect(await anchor.advance(anchorAt(5), [empty])).toEqual({ moved: false, found: anchorAt(3) });
    expect(await anchor.advance(anchorAt(5), [anchorAt(3)])).toEqual({ moved: true });
    expect(await anchor.read()).toEqual(anchorAt(5));
  });

  it('writes its two slots in turn, so a write torn by a crash leaves the anchor before it readable', async () => {
    const anchor = createFileAnchor(path);
    await anchor.advance(anchorAt(1), [empty]);
    for (let seq = 2; seq <= 4; seq++) await anchor.advance(anchorAt(seq), [anchorAt(seq - 1)]);
    const slots = (await readFile(path, 'utf8')).split('\n').filter(Boolean);
    expect(slots.map((line) => /"seq":(\d+)/.exec(line)?.[1])).toEqual(['3', '4']);
    expect((await stat(path)).size).toBe(512);

    // The crash tore the write of seq 4: the front of the new anchor over the back of the old one,
    // which still parses as JSON (seq 4 with the hash and MAC of seq 3).
    const torn = slots[1]!.slice(0, 40) + slots[0]!.slice(40);
    await writeFile(path, `${slots[0]}\n${torn}\n`);
    expect(await anchor.read()).toEqual(anchorAt(3));
    // The next advance from seq 3 overwrites the torn slot and keeps the whole one.
    expect(await anchor.advance(anchorAt(5), [anchorAt(3)])).toEqual({ moved: true });
    expect(await anchor.read()).toEqual(anchorAt(5));
    expect((await readFile(path, 'utf8')).split('\n')[0]).toBe(slots[0]);
  });

  it('reads the one-line anchor an earlier hub wrote, and lays it out in slots on the next advance', async () => {
    await writeFile(path, JSON.stringify(anchorAt(7)) + '\n');
    const anchor = createFileAnchor(path);
    expect(await anchor.read()).toEqual(anchorAt(7));
    expect(await anchor.advance(anchorAt(8), [anchorAt(7)])).toEqual({ moved: true });
    expect((await stat(path)).size).toBe(512);
    expect(await anchor.read()).toEqual(anchorAt(8));
  });

  it('answers an unreadable file as an anchor that holds no head', async () => {
    await writeFile(path, 'not an anchor\n');
    const anchor = createFileAnchor(path);
    const found = await anchor.read();
    expect(found?.seq).toBe(-1);
    expect(await anchor.advance(anchorAt(1), [empty])).toEqual({ moved: false, found });
  });
});
