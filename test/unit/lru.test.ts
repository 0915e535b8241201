// LruMap: at most `max` entries, the least recently used (read or written) going first, told to `evicted`.
import { describe, expect, it } from 'vitest';
import { LruMap } from '../../src/lru.js';

describe('LruMap', () => {
  it('evicts the least recently used, counting reads and rewrites as use', () => {
    const gone: string[] = [];
    const lru = new LruMap<string, number>(2, (key, value) => gone.push(`${key}=${value}`));
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // b is now the oldest
    lru.set('c', 3);
    expect(gone).toEqual(['b=2']);
    lru.set('a', 10); // a rewritten: c is now the oldest
    lru.set('d', 4);
    expect(gone).toEqual(['b=2', 'c=3']);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.get('d')]).toEqual([10, undefined, undefined, 4]);
    expect(lru.size).toBe(2);
  });

  it('deletes and empties without telling `evicted`', () => {
    const gone: string[] = [];
    const lru = new LruMap<string, number>(3, (key) => gone.push(key));
    for (const [k, v] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      lru.set(k, v);
    lru.delete('b');
    expect(lru.takeAll()).toEqual([1, 3]);
    expect(lru.size).toBe(0);
    expect(gone).toEqual([]);
  });

  it('refuses a bound below one', () => {
    expect(() => new LruMap(0)).toThrow(RangeError);
  });
});
