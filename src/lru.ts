// A Map of at most `max` entries: reading or writing an entry makes it the most recently used, and past `max` the
// least recently used goes (told to `evicted`). The JustClick connections per host and the opened API keys (#14).
export class LruMap<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #max: number;
  readonly #evicted: ((key: K, value: V) => void) | undefined;

  constructor(max: number, evicted?: (key: K, value: V) => void) {
    if (!(max >= 1)) throw new RangeError('an LruMap holds at least one entry');
    this.#max = max;
    this.#evicted = evicted;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    // Map order is use order: taken out and put back, the entry becomes the most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size <= this.#max) return;
    const [oldest, gone] = this.#entries.entries().next().value as [K, V];
    this.#entries.delete(oldest);
    this.#evicted?.(oldest, gone);
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  /** Empties the map (nothing is told to `evicted`) and returns what it held. */
  takeAll(): V[] {
    const values = [...this.#entries.values()];
    this.#entries.clear();
    return values;
  }
}
