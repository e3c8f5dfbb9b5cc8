import { describe, expect, it } from 'vitest';
import { ExpiringLru } from '../../../src/domain/access/expiringLru.ts';

describe('ExpiringLru', () => {
  const start = Date.parse('2026-12-01T09:00:00Z');

  it('serves an entry before its own expiry instant and drops it after', () => {
    let clock = start;
    const lru = new ExpiringLru<string>(10, () => clock);
    lru.set('a', 'x', start + 1000);
    lru.set('b', 'y', start + 5000);
    clock = start + 999;
    expect(lru.get('a')).toBe('x');
    clock = start + 1001;
    expect(lru.get('a')).toBeUndefined();
    expect(lru.get('b')).toBe('y');
    expect(lru.size).toBe(1);
  });

  it('keeps nothing that has already expired', () => {
    const lru = new ExpiringLru<string>(10, () => start);
    lru.set('a', 'x', start);
    lru.set('b', 'y', start - 1);
    expect([lru.get('a'), lru.get('b'), lru.size]).toEqual([undefined, undefined, 0]);
  });

  it('drops the least recently used entry beyond its bound', () => {
    const lru = new ExpiringLru<string>(2, () => start);
    lru.set('a', 'x', start + 60_000);
    lru.set('b', 'y', start + 60_000);
    lru.get('a');
    lru.set('c', 'z', start + 60_000);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual(['x', undefined, 'z', 2]);
  });
});
