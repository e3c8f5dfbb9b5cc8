/** Counties shared by the tests of one file (each test file runs in its own worker). */
import { generateCounty } from '../../../simulators/county/generate.ts';
import type { County, Scale } from '../../../simulators/county/types.ts';

const cache = new Map<string, County>();

export function county(scale: Scale, seed = 'test-seed'): County {
  const key = `${scale}:${seed}`;
  let found = cache.get(key);
  if (!found) {
    found = generateCounty({ seed, scale });
    cache.set(key, found);
  }
  return found;
}

/** Every record of a record set, as plain objects. */
export function all<T>(set: { ids(): readonly string[]; get(id: string): T | undefined }): T[] {
  return set.ids().map((id) => set.get(id) as T);
}
