// JustClick reads a paid-order alert will need (the buyer's paid bills, the day's paid orders), started as soon
// as a push arrives, side by side with its confirmation, and handed to the delivery that asks for the same read
// a moment later: the alert then waits for one JustClick round trip instead of two. In-process only: a delivery
// on another replica reads for itself, as it did before.

/** Long enough for the confirmation and the queue, short enough that nothing read here goes stale. */
const FRESH_MS = 30_000;
/** A burst of pushes must not grow the memo without bound: the oldest entries go first. */
const MAX_ENTRIES = 2_000;

export class AlertPrefetch {
  readonly #entries = new Map<string, { at: number; value: Promise<unknown> }>();
  readonly #now: () => number;

  constructor(now: () => number = () => Date.now()) {
    this.#now = now;
  }

  /**
   * The read under `key` if one was started in the last 30 s (still running or done), else `load()` started now
   * and kept for the next asker. A failed read is forgotten at once, so that the next asker tries again.
   */
  read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const at = this.#now();
    const kept = this.#entries.get(key);
    if (kept && at - kept.at < FRESH_MS) return kept.value as Promise<T>;
    const value = load();
    this.#entries.delete(key);
    this.#entries.set(key, { at, value });
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    this.#trim(at);
    return value;
  }

  #trim(at: number): void {
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size <= MAX_ENTRIES && at - entry.at < FRESH_MS) break;
      this.#entries.delete(key);
    }
  }
}
