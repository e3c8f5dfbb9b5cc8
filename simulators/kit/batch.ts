/** Batch reads: found items in request order, and the requested ids that matched nothing. */
export interface BatchResult<T> {
  items: T[];
  missing: string[];
}

/** `lookup` returns the record(s) an id names; undefined or an empty list means it matched nothing. */
export function batchRead<T>(
  ids: readonly string[],
  lookup: (id: string) => T | readonly T[] | undefined,
): BatchResult<T> {
  const items: T[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const found = lookup(id);
    if (found === undefined || (Array.isArray(found) && found.length === 0)) missing.push(id);
    else if (Array.isArray(found)) items.push(...(found as readonly T[]));
    else items.push(found as T);
  }
  return { items, missing };
}
