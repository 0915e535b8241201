// Connections to JustClick, one pool per host (every account is its own host on justclick.ru), kept for the next
// call; at most `maxHosts` hosts' pools are kept, the least recently used closing first, so that a replica polling
// tens of thousands of accounts keeps its sockets within the process's file limit (#14).
import { Dispatcher, Pool } from 'undici';

export class HostPools extends Dispatcher {
  readonly #pools = new Map<string, Pool>();
  readonly #maxHosts: number;
  readonly #options: Pool.Options;

  constructor(maxHosts: number, options: Pool.Options) {
    super();
    if (!(maxHosts >= 1)) throw new RangeError('maxHosts must be at least 1');
    this.#maxHosts = maxHosts;
    this.#options = options;
  }

  /** Hosts whose pools are kept now. */
  get hosts(): number {
    return this.#pools.size;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const origin = String(options.origin);
    let pool = this.#pools.get(origin);
    // Map order is use order: taken out and put back, the host becomes the most recently used.
    if (pool) this.#pools.delete(origin);
    else pool = new Pool(origin, this.#options);
    this.#pools.set(origin, pool);
    if (this.#pools.size > this.#maxHosts) {
      const [oldest, evicted] = this.#pools.entries().next().value as [string, Pool];
      this.#pools.delete(oldest);
      // A graceful close: requests still running on it finish first.
      evicted.close().catch(() => {});
    }
    return pool.dispatch(options, handler);
  }

  override async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((p) => p.close()));
  }

  override async destroy(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((p) => p.destroy()));
  }
}
