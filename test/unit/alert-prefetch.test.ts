// The reads a push starts for its alert: the alert that asks for the same read a moment later gets that one
// (still running or done), a read older than 30 s or one that failed is made again.
import { describe, expect, it } from 'vitest';
import { AlertPrefetch } from '../../src/jobs/prefetch.js';

describe('reads started by a push, taken by its alert', () => {
  it('the alert shares the read the push started, even while it is still running', async () => {
    const memo = new AlertPrefetch();
    let reads = 0;
    let answer!: (ids: string[]) => void;
    const load = () => {
      reads++;
      return new Promise<string[]>((resolve) => {
        answer = resolve;
      });
    };
    const pushed = memo.read('bills:1', load);
    const alerted = memo.read('bills:1', load);
    answer(['1', '2']);
    expect(await alerted).toEqual(['1', '2']);
    expect(await pushed).toBe(await alerted);
    expect(reads).toBe(1);
    await memo.read('bills:2', async () => {
      reads++;
      return [];
    });
    expect(reads).toBe(2);
  });

  it('reads again after 30 s, and after a failure', async () => {
    let now = 1_000_000;
    const memo = new AlertPrefetch(() => now);
    let reads = 0;
    const load = async () => ++reads;
    expect(await memo.read('k', load)).toBe(1);
    now += 29_000;
    expect(await memo.read('k', load)).toBe(1);
    now += 1_000;
    expect(await memo.read('k', load)).toBe(2);

    await expect(memo.read('f', () => Promise.reject(new Error('JustClick is down')))).rejects.toThrow('down');
    expect(await memo.read('f', load)).toBe(3);
  });

  it('keeps at most 2,000 reads, dropping the oldest', async () => {
    const memo = new AlertPrefetch();
    let reads = 0;
    const load = async () => ++reads;
    for (let i = 0; i < 2_001; i++) await memo.read(`k${i}`, load);
    expect(await memo.read('k2000', load)).toBe(2_001);
    expect(await memo.read('k0', load)).toBe(2_002);
  });
});
