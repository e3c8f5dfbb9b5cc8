import { UpstreamError } from '../../src/platform/upstream/types.ts';

/** A single read whose record does not exist answers null; every other failure still throws. */
export async function nullIfNotFound<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof UpstreamError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** Indexes a batch answer by id. */
export function byId<T>(items: readonly T[], id: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(id(item), item);
  return map;
}
