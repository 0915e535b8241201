// Connections to JustClick per host (every account is its own host on justclick.ru), kept for the next call. A host
// has one connection of its own (an undici Client, ~6 KiB) and, only while calls to it overlap, a pool of further
// ones (a Pool costs ~25 KiB even when idle, too much to keep for each of 10,000 hosts). At most `maxHosts` hosts are
// kept, the least recently used closing first, so that a replica polling tens of thousands of accounts keeps its
// sockets within the process's file limit (#14).
import { Client, Dispatcher, Pool } from 'undici';
import { LruMap } from '../lru.js';

interface Host {
  first: Client;
  /** Further connections, while calls overlap; dropped once they have all closed. */
  more?: Pool | undefined;
}

export class HostPools extends Dispatcher {
  readonly #hosts: LruMap<string, Host>;
  readonly #connections: number;
  readonly #options: Client.Options;

  /** `connections`: at most this many per host, the host's own one included. */
  constructor(maxHosts: number, options: Client.Options & { connections?: number }) {
    super();
    if (!(maxHosts >= 1)) throw new RangeError('maxHosts must be at least 1');
    const { connections = 1, ...rest } = options;
    // A graceful close: calls still running on it finish first.
    this.#hosts = new LruMap(maxHosts, (_, evicted) => close(evicted).catch(() => {}));
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
    if (!host) {
      host = { first: new Client(origin, this.#options) };
      this.#hosts.set(origin, host);
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
    await Promise.all(this.#hosts.takeAll().map(close));
  }

  override async destroy(): Promise<void> {
    await Promise.all(this.#hosts.takeAll().flatMap((h) => [h.first.destroy(), ...(h.more ? [h.more.destroy()] : [])]));
  }
}

async function close(host: Host): Promise<void> {
  await Promise.all([host.first.close(), ...(host.more ? [host.more.close()] : [])]);
}
