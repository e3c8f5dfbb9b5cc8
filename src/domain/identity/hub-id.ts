/**
 * Hub ids: stable, opaque identifiers for a cluster, derived only from its anchor record.
 *
 * The anchor is the cluster's first record in canonical order: the smallest LCS person id (LCS is
 * the system of record for children known to social care), else the smallest EYES pupil id, else
 * LIFT, else front door. The hub id is "C" + the first 16 base32 characters (80 bits) of
 * SHA-256("system:localId") of the anchor.
 *
 * Properties: two hub instances built from the same records agree on every hub id, whatever order
 * the records arrived in; the id reveals nothing about the child or the systems' ids.
 * Limits: a hub id changes when its cluster's anchor changes: when a merge brings in a record that
 * sorts earlier (typically a new LCS person for a child known only to EYES), when the anchor record
 * is deleted, or when a relink splits the anchor away. Within one process, a superseded hub id keeps
 * resolving to the cluster that now holds its anchor record for as long as that record exists.
 */
import { createHash } from 'node:crypto';
import { SYSTEMS, type SystemName } from '../../platform/systems.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HUB_ID_CHARS = 16;

export function hubIdFor(system: SystemName, localId: string): string {
  const digest = createHash('sha256').update(`${system}:${localId}`).digest();
  let out = 'C';
  let buffer = 0;
  let bits = 0;
  for (let i = 0; out.length <= HUB_ID_CHARS; i++) {
    buffer = (buffer << 8) | digest[i]!;
    bits += 8;
    while (bits >= 5 && out.length <= HUB_ID_CHARS) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= 0xff;
  }
  return out;
}

export const isHubIdShape = (value: string): boolean => /^C[A-Z2-7]{16}$/.test(value);

/** Local ids in natural order: numeric ids by value (LCS person ids), others by code units. */
export function compareLocalIds(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Canonical record order: by system (lcs, eyes, lift, frontdoor), then local id. */
export function compareRecords(systemA: SystemName, idA: string, systemB: SystemName, idB: string): number {
  const bySystem = SYSTEMS.indexOf(systemA) - SYSTEMS.indexOf(systemB);
  return bySystem !== 0 ? bySystem : compareLocalIds(idA, idB);
}
