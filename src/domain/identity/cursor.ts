/**
 * Opaque search cursors. A cursor names the last hit of a page by (score, hub id), the order the
 * results are sorted in, so the next page starts right after it even if the index changed in
 * between; it also carries a fingerprint of the query, so a cursor cannot be replayed on another.
 */
import { createHash } from 'node:crypto';
import { IdentityInputError } from './errors.ts';

export interface CursorPosition {
  score: number;
  hubId: string;
}

export function queryFingerprint(normalisedQuery: unknown): string {
  return createHash('sha256').update(JSON.stringify(normalisedQuery)).digest('base64url').slice(0, 12);
}

export function encodeCursor(fingerprint: string, position: CursorPosition): string {
  return Buffer.from(JSON.stringify([fingerprint, position.score, position.hubId])).toString('base64url');
}

export function decodeCursor(cursor: string, fingerprint: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new IdentityInputError('The cursor is not valid.');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[1] !== 'number' ||
    typeof parsed[2] !== 'string' ||
    !Number.isFinite(parsed[1])
  ) {
    throw new IdentityInputError('The cursor is not valid.');
  }
  if (parsed[0] !== fingerprint) throw new IdentityInputError('The cursor belongs to a different search.');
  return { score: parsed[1], hubId: parsed[2] };
}
