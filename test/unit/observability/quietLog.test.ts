import { describe, expect, it } from 'vitest';
import { quietLog } from '../../../src/platform/observability/quietLog.ts';

describe('a repeating failure in the log', () => {
  it('is logged once a quiet period for each kind, then says how many like it went unlogged', () => {
    let now = 0;
    const due = quietLog(1000, () => now);
    expect(due('redis')).toEqual({ unloggedSince: 0 });
    now = 400;
    expect(due('redis')).toBeNull();
    expect(due('redis')).toBeNull();
    // Another kind has its own quiet period.
    expect(due('lcs schema')).toEqual({ unloggedSince: 0 });
    now = 1000;
    expect(due('redis')).toEqual({ unloggedSince: 2 });
    now = 1999;
    expect(due('redis')).toBeNull();
    now = 2000;
    expect(due('redis')).toEqual({ unloggedSince: 1 });
  });
});
