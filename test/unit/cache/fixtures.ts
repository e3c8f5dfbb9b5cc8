/** Builders shared by the cache unit tests: throwaway secrets, never real configuration. */
import { createEntityKeyer } from '../../../src/platform/cache/keys.ts';
import { createSealer } from '../../../src/platform/cache/sealer.ts';
import type { Sealer } from '../../../src/platform/cache/sealer.ts';

export const SEAL_SECRET_A = 'unit-test-sealing-secret-A-0123456789abcdef';
export const SEAL_SECRET_B = 'unit-test-sealing-secret-B-0123456789abcdef';
export const KEY_SECRET = 'unit-test-key-name-secret-0123456789abcdef';

export function testSealer(): Sealer {
  return createSealer({ keys: [{ id: 'a', secret: SEAL_SECRET_A }], current: 'a' });
}

export function testKeyer() {
  return createEntityKeyer({ secret: KEY_SECRET });
}

/** A controllable clock in ms. */
export function manualClock(start = Date.UTC(2025, 0, 6, 9, 0, 0)) {
  let at = start;
  return {
    now: () => at,
    advance(ms: number) {
      at += ms;
    },
  };
}
