// pollBatch finishes the answers that come close together as one wave: their Redis work leaves together.
import { describe, expect, it, vi } from 'vitest';
import { pollBatchFor, waves } from '../../src/jobs/poll.js';

const settle = (ms: number, value: string) => new Promise<string>((resolve) => setTimeout(() => resolve(value), ms));

async function collect(promises: Promise<string>[], windowMs: number): Promise<{ wave: string[]; at: number }[]> {
  const out: { wave: string[]; at: number }[] = [];
  const start = Date.now();
  for await (const wave of waves(promises, windowMs)) out.push({ wave: [...wave].sort(), at: Date.now() - start });
  return out;
}

describe('waves', () => {
  it('groups what comes within the window of the first, and yields at once when all have come', async () => {
    vi.useFakeTimers();
    try {
      const done = collect([settle(100, 'a'), settle(120, 'b'), settle(130, 'c')], 250);
      await vi.advanceTimersByTimeAsync(131);
      expect(await done).toEqual([{ wave: ['a', 'b', 'c'], at: 130 }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets a slow one come in a later wave, holding the others back by the window at most', async () => {
    vi.useFakeTimers();
    try {
      const done = collect([settle(100, 'a'), settle(110, 'b'), settle(5_000, 'slow')], 250);
      await vi.advanceTimersByTimeAsync(5_001);
      expect(await done).toEqual([
        { wave: ['a', 'b'], at: 350 },
        { wave: ['slow'], at: 5_000 },
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('yields nothing for no promises, and every value once', async () => {
    expect(await collect([], 250)).toEqual([]);
    const values = Array.from({ length: 30 }, (_, i) => `v${String(i).padStart(2, '0')}`);
    const got = (
      await collect(
        values.map((v, i) => settle((i * 37) % 90, v)),
        20,
      )
    ).flatMap((w) => w.wave);
    expect(got.sort()).toEqual(values);
  });
});

describe('pollBatchFor', () => {
  it('makes jobs of up to 50 accounts, never more than half of the checks in flight: at least four jobs run', () => {
    expect([1, 2, 3, 10, 99, 100, 101, 1_000].map(pollBatchFor)).toEqual([1, 1, 1, 5, 49, 50, 50, 50]);
    for (let concurrency = 2; concurrency <= 400; concurrency++) expect(Math.ceil((2 * concurrency) / pollBatchFor(concurrency))).toBeGreaterThanOrEqual(4);
  });
});
