/**
 * A system's records as the simulator serves them: the county's read-only record set, plus the
 * changes made through `PATCH /__sim/records/...` and the deletions through `DELETE` there. Every change bumps `version`, which is what
 * lazily built indexes watch.
 */
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { RecordSet } from '../county/types.ts';
import { badRequest, notFound } from './errors.ts';
import { registerContractFormats } from './formats.ts';
import { applyMergePatch } from './mergePatch.ts';

export interface StoreOptions {
  /** The record's own id field (it may not be changed by a patch). */
  readonly idField: string;
  /** The record's contract schema: a patched record must still conform. */
  readonly schema: TSchema;
  /** Set to the time of the change when a patch does not set it itself (e.g. `updatedAt`). */
  readonly touchField?: string;
}

export class RecordStore<T> implements RecordSet<T> {
  private readonly changed = new Map<string, T>();
  private readonly removed = new Set<string>();
  /** The ids still held, once anything was removed (rebuilt after each removal). */
  private held: readonly string[] | null = null;
  private changes = 0;

  constructor(
    private readonly base: RecordSet<T>,
    private readonly options: StoreOptions,
  ) {
    registerContractFormats();
  }

  get size(): number {
    return this.base.size - this.removed.size;
  }

  /** Moves on with every change, so indexes over these records know to rebuild. */
  get version(): number {
    return this.changes;
  }

  ids(): readonly string[] {
    if (this.removed.size === 0) return this.base.ids();
    return (this.held ??= this.base.ids().filter((id) => !this.removed.has(id)));
  }

  get(id: string): T | undefined {
    if (this.removed.has(id)) return undefined;
    return this.changed.get(id) ?? this.base.get(id);
  }

  /** Deletes one record, as the system deletes one: no list, read or batch holds it after. */
  remove(id: string): void {
    if (this.get(id) === undefined) throw notFound('No record has this id');
    this.removed.add(id);
    this.changed.delete(id);
    this.held = null;
    this.changes++;
  }

  /** Applies a JSON merge patch to one record; the result must still match the contract. */
  patch(id: string, mergePatch: unknown, now: Date = new Date()): T {
    const current = this.get(id);
    if (current === undefined) throw notFound('No record has this id');
    if (mergePatch === null || typeof mergePatch !== 'object' || Array.isArray(mergePatch)) {
      throw badRequest('a merge patch must be a JSON object');
    }
    const { idField, touchField, schema } = this.options;
    const patched = applyMergePatch(current, mergePatch) as Record<string, unknown>;
    if (patched[idField] !== (current as Record<string, unknown>)[idField]) {
      throw badRequest(`a patch may not change "${idField}"`);
    }
    if (touchField && !(touchField in (mergePatch as object))) patched[touchField] = now.toISOString();
    if (!Value.Check(schema, patched)) {
      const first = Value.Errors(schema, patched).First();
      throw badRequest(
        `the patched record would not match the contract${first ? ` at ${first.path || '/'}` : ''}`,
      );
    }
    this.changed.set(id, patched as T);
    this.changes++;
    return patched as T;
  }
}
