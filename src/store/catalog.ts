// Each JustClick account's product titles, so that a seller can name a product ("курс python") instead of
// its code: titles seen in fetched orders, plus JustClick's product list, fetched at most every few hours.
import { keySpace, type KeySpace } from './keys.js';
import type { Redis } from './redis.js';
import type { ProductTitle } from '../domain/request.js';

/** How long JustClick's product list counts as fresh. */
const CATALOG_FRESH_SECONDS = 6 * 3600;
/** An account nobody asks about is forgotten after this long. */
const CATALOG_TTL_SECONDS = 30 * 86_400;

export interface Catalog {
  products: ProductTitle[];
  /** True when JustClick's product list was fetched within CATALOG_FRESH_SECONDS. */
  fresh: boolean;
}

/** Which account: its login and platform (two users linking one shop share its titles). */
export interface CatalogAccount {
  login: string;
  region: 'ru' | 'io';
}

export class CatalogStore {
  private readonly keys: KeySpace;

  constructor(
    private readonly redis: Redis,
    keys: KeySpace | string = 'jcb:',
  ) {
    this.keys = keySpace(keys);
  }

  /** The products known for the account; `at` is now in unix seconds. */
  async get(account: CatalogAccount, at: number): Promise<Catalog> {
    const [titles, listedAt] = await Promise.all([this.redis.hgetall(this.titlesKey(account)), this.redis.get(this.listedKey(account))]);
    const products = Object.entries(titles).map(([id, title]) => ({ id, title }));
    const listed = listedAt !== null && /^\d+$/.test(listedAt) ? Number(listedAt) : null;
    return { products, fresh: listed !== null && at - listed < CATALOG_FRESH_SECONDS };
  }

  /** Titles seen in orders' items; an empty title adds nothing (the code alone is no name). */
  async remember(account: CatalogAccount, products: readonly ProductTitle[]): Promise<void> {
    const named = products.filter((p) => p.id !== '' && p.title.trim() !== '');
    if (named.length === 0) return;
    const key = this.titlesKey(account);
    await this.redis
      .multi()
      .hset(key, Object.fromEntries(named.map((p) => [p.id, p.title])))
      .expire(key, CATALOG_TTL_SECONDS)
      .exec();
  }

  /**
   * JustClick's product list, fetched at `at`: its titles win over those seen in orders. Also called after
   * a failed fetch with no products, so that a broken list is not asked for again on every message.
   */
  async listed(account: CatalogAccount, products: readonly ProductTitle[], at: number): Promise<void> {
    await this.remember(account, products);
    await this.redis.set(this.listedKey(account), String(at), 'EX', CATALOG_TTL_SECONDS);
  }

  /** The account was unlinked: its titles go (another user linking the same shop fetches them again). */
  async forget(account: CatalogAccount): Promise<void> {
    await this.redis.del(this.titlesKey(account), this.listedKey(account));
  }

  private titlesKey(a: CatalogAccount): string {
    return this.keys.plain('catalog', a.region, encodeURIComponent(a.login));
  }

  private listedKey(a: CatalogAccount): string {
    return this.keys.plain('catalog-listed', a.region, encodeURIComponent(a.login));
  }
}
