/**
 * A checkpoint's lists of strings: lengths, then one UTF-8 text cut by them. Every string comes back
 * as it went in (accents, characters outside the BMP, empty ones), in sections of a long list, and
 * text whose lengths do not add up, or that is not UTF-8, is refused.
 */
import { describe, expect, it } from 'vitest';
import {
  CheckpointError,
  CheckpointReader,
  CheckpointWriter,
  writeStringList,
} from '../../../src/domain/identity/bytes.ts';

const written = (write: (w: CheckpointWriter) => void): Uint8Array => {
  const w = new CheckpointWriter(1 << 16);
  write(w);
  return new Uint8Array(Buffer.concat(w.finish()));
};

describe('a checkpoint list of strings', () => {
  it('reads back every string as written', () => {
    const values = ['P2184156', '', 'Zoë', 'Ōkawa-Ní', '🦊 fox', 'x'.repeat(40), '\u0000\u001e'];
    const r = new CheckpointReader(written((w) => w.strings(values)));
    expect(r.strings(values.length)).toEqual(values);
    r.end();
  });

  it('reads back a long list written in sections, each a step', () => {
    const values = Array.from({ length: 150_000 }, (_, i) => `FD${i}é`);
    let steps = 0;
    const r = new CheckpointReader(
      written((w) => {
        for (const _ of writeStringList(w, values)) steps++;
      }),
    );
    expect(steps).toBe(3);
    expect(r.stringList(values.length)).toEqual(values);
    r.end();
  });

  it('is refused when its lengths do not add up to its text, or its text is not UTF-8', () => {
    const bytes = written((w) => w.strings(['abc', 'de']));
    // The first length (after the 8-byte head of the lengths column) made one longer.
    const longer = bytes.slice();
    longer[8] = 4;
    expect(() => new CheckpointReader(longer).strings()).toThrow(CheckpointError);
    const shorter = bytes.slice();
    shorter[8] = 2;
    expect(() => new CheckpointReader(shorter).strings()).toThrow(CheckpointError);
    // The text's first byte (after the lengths, padded to 8, and the text's head) made invalid UTF-8.
    const broken = bytes.slice();
    broken[8 + 8 + 8] = 0xff;
    expect(() => new CheckpointReader(broken).strings()).toThrow(CheckpointError);
    expect(() => new CheckpointReader(bytes).strings(3)).toThrow(CheckpointError);
  });
});
