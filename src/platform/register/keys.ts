/** A record's key in the register: `system:localId` (local ids never hold a colon). */
import { compareRecords } from '../../domain/identity/hub-id.ts';
import { type SourceRef } from '../../domain/identity/types.ts';
import { SYSTEMS, type SystemName } from '../systems.ts';

export type RecordKey = string;

export const recordKey = (system: SystemName, localId: string): RecordKey => `${system}:${localId}`;

export function refOf(key: RecordKey): SourceRef {
  const at = key.indexOf(':');
  const system = key.slice(0, at);
  if (at < 1 || !(SYSTEMS as readonly string[]).includes(system)) throw new TypeError('not a record key');
  return { system: system as SystemName, localId: key.slice(at + 1) };
}

/** Canonical record order (the linker's): LCS, EYES, LIFT, front door, then local id. */
export function compareKeys(a: RecordKey, b: RecordKey): number {
  const x = refOf(a);
  const y = refOf(b);
  return compareRecords(x.system, x.localId, y.system, y.localId);
}
