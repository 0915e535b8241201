// Connections to JustClick per host (every account is its own host on justclick.ru), kept for the next call. A host
// has one connection of its own (an undici Client, ~6 KiB) and, only while calls to it overlap, a pool of further
// ones (a Pool costs ~25 KiB even when idle, too much to keep for each of 10,000 hosts). At most `maxHosts` hosts are
// kept, the least recently used closing first, so that a replica polling tens of thousands of accounts keeps its
// sockets within the process's file limit (#14).
import { Client, Dispatcher, Pool } from 'undici';

interface Host {
  first: Client;
  /** Further connections, while calls overlap; dropped once they have all closed. */
  more?: Pool | undefined;
}

export class HostPools extends Dispatcher {
  readonly #hosts = new Map<string, Host>();
  readonly #maxHosts: number;
  readonly #connections: number;
  readonly #options: Client.Options;

  /** `connections`: at most this many per host, the host's own one included. */
  constructor(maxHosts: number, options: Client.Options & { connections?: number }) {
    super();
    if (!(maxHosts >= 1)) throw new RangeError('maxHosts must be at least 1');
    const { connections = 1, ...rest } = options;
    this.#maxHosts = maxHosts;
    this.#connections = Math.max(1, connections);
    this.#options = rest;
  }

  /** Hosts whose connections are kept now. */
  get hosts(): number {
    return this.#hosts.size;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const origin = String(options.origin);
    let host = this.#hosts.get(origin);
    // Map order is use order: taken out and put back, the host becomes the most recently used.
    if (host) this.#hosts.delete(origin);
    else host = { first: new Client(origin, this.#options) };
    this.#hosts.set(origin, host);
    if (this.#hosts.size > this.#maxHosts) {
      const [oldest, evicted] = this.#hosts.entries().next().value as [string, Host];
      this.#hosts.delete(oldest);
      // A graceful close: calls still running on it finish first.
      close(evicted).catch(() => {});
    }
    if (this.#connections === 1 || host.first.stats.size === 0) return host.first.dispatch(options, handler);
    return this.#more(origin, host).dispatch(options, handler);
  }

  #more(origin: string, host: Host): Pool {
    if (host.more) return host.more;
    const more = new Pool(origin, { ...this.#options, connections: this.#connections - 1 });
    more.on('disconnect', () => {
      const { connected, size } = more.stats;
      if (host.more !== more || connected > 0 || size > 0) return;
      host.more = undefined;
      more.close().catch(() => {});
    });
    host.more = more;
    return more;
  }

  override async close(): Promise<void> {
    const hosts = [...this.#hosts.values()];
    this.#hosts.clear();
    await Promise.all(hosts.map(close));
  }

  override async destroy(): Promise<void> {
    const hosts = [...this.#hosts.values()];
    this.#hosts.clear();
    await Promise.all(hosts.flatMap((h) => [h.first.destroy(), ...(h.more ? [h.more.destroy()] : [])]));
  }
}

async function close(host: Host): Promise<void> {
  await Promise.all([host.first.close(), ...(host.more ? [host.more.close()] : [])]);
}
