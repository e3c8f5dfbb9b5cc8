/**
 * A checkpoint of the child directory: the link index exactly as it is (record columns, interned
 * names and postcodes, identifier indexes, clusters, blocks, hub ids, pairs kept apart) and the LCS
 * restrictions, as bytes. Laying a county out from it costs a copy of its columns, where restoring
 * from stored records (restore.ts) normalises, interns and blocks every record again.
 *
 * The bytes name their format and the linking rules the links were made under; bytes of another
 * format or rules, or bytes that do not add up, are refused with a CheckpointError (the caller then
 * restores from the records). No I/O: the register stores the pages (src/platform/register).
 */
import { CheckpointError, CheckpointReader, CheckpointWriter } from './bytes.ts';
import { contentsOf, createChildDirectory, type LinkedDirectory, type Restriction } from './directory.ts';
import { LINKING_RULES } from './linkingRules.ts';
import { readLinkIndex, writeLinkIndex } from './linker.ts';
import { DEFAULT_SETTINGS, type LinkSettings } from './weights.ts';

export { CheckpointError };

/** Bumped with any change to what a checkpoint holds or how it is laid out. */
export const CHECKPOINT_FORMAT = 6;
const MAGIC = 'svoc-link-checkpoint';
/** Typed arrays are written in this machine's byte order; another order is refused. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/**
 * A stored part's size: one value either engine takes easily, and small enough that the text a part
 * travels as is not one more large allocation beside the whole.
 */
export const CHECKPOINT_PAGE_BYTES = 8 * 1024 * 1024;

interface Header {
  magic: string;
  format: number;
  rules: string;
  littleEndian: boolean;
}

/** The directory's checkpoint, in pages of at most `pageSize` bytes. */
export function writeCheckpoint(
  directory: LinkedDirectory,
  options: { rules?: string; pageSize?: number } = {},
): Uint8Array[] {
  const steps = checkpointSteps(directory, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same checkpoint written in steps: the generator stops between sections (a few tens of
 * milliseconds of work each at county scale) and returns the pages. Whoever drives it may let other
 * work run between steps, provided nothing changes the directory meanwhile (the register drives it
 * between two of its writes); reads of the directory may run.
 */
export function* checkpointSteps(
  directory: LinkedDirectory,
  options: { rules?: string; pageSize?: number } = {},
): Generator<undefined, Uint8Array[], undefined> {
  const contents = contentsOf(directory);
  if (contents === undefined)
    throw new TypeError('a checkpoint is of a directory made by createChildDirectory');
  const w = new CheckpointWriter(options.pageSize ?? CHECKPOINT_PAGE_BYTES);
  const header: Header = {
    magic: MAGIC,
    format: CHECKPOINT_FORMAT,
    rules: options.rules ?? LINKING_RULES,
    littleEndian: LITTLE_ENDIAN,
  };
  w.json(header);
  yield* writeLinkIndex(contents.index, w);
  w.json([...contents.restrictions]);
  w.json(MAGIC);
  return w.finish();
}

/** Whether checkpoint bytes were written in this format under `rules` (read from their header alone). */
export function checkpointHeader(bytes: Uint8Array): { format: number; rules: string } {
  const header = new CheckpointReader(bytes).json<Header>();
  if (header?.magic !== MAGIC) throw new CheckpointError('not a link checkpoint');
  return { format: header.format, rules: header.rules };
}

/** The directory a checkpoint holds, as it was when written. */
export function readCheckpoint(
  bytes: Uint8Array,
  options: { rules?: string; settings?: LinkSettings } = {},
): LinkedDirectory {
  const r = new CheckpointReader(bytes);
  const header = r.json<Header>();
  if (header?.magic !== MAGIC) throw new CheckpointError('not a link checkpoint');
  if (header.format !== CHECKPOINT_FORMAT) throw new CheckpointError('a checkpoint of another format');
  if (header.rules !== (options.rules ?? LINKING_RULES))
    throw new CheckpointError('a checkpoint of links made under other linking rules');
  if (header.littleEndian !== LITTLE_ENDIAN) throw new CheckpointError('a checkpoint of another byte order');
  const index = readLinkIndex(r, options.settings ?? DEFAULT_SETTINGS);
  const restrictions = new Map(r.json<[string, Restriction][]>());
  if (r.json<string>() !== MAGIC) throw new CheckpointError('the checkpoint does not end as written');
  r.end();
  return createChildDirectory(index, restrictions);
}
