// What the alerts remember of a buyer for the "2nd purchase · lifetime ₽19,980" line: the prices of their paid
// orders, keyed by a hash of their e-mail (never the e-mail itself), for an hour. A paid order's price does not
// change, so the next alert for the same buyer asks JustClick only for the orders it has not seen yet.
import { createHash } from 'node:crypto';
import type { Redis } from './redis.js';
import { deleteMatching } from './scan.js';

/** Short on purpose: a refund changes what counts, and buyers' data is kept no longer than it helps. */
const BUYER_CACHE_SECONDS = 60 * 60;

export class BuyerCache {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix = 'jcb:') {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  /** The prices (minor units) of the buyer's paid orders seen before, by order id. */
  async paidPrices(account: { login: string; region: string }, email: string): Promise<Map<string, number>> {
    const stored = await this.#redis.hgetall(this.#key(account, email));
    const prices = new Map<string, number>();
    for (const [id, price] of Object.entries(stored)) if (/^-?\d+$/.test(price)) prices.set(id, Number(price));
    return prices;
  }

  async remember(account: { login: string; region: string }, email: string, prices: ReadonlyMap<string, number>): Promise<void> {
    if (prices.size === 0) return;
    const key = this.#key(account, email);
    await this.#redis
      .multi()
      .hset(key, Object.fromEntries([...prices].map(([id, price]) => [id, String(price)])))
      .expire(key, BUYER_CACHE_SECONDS)
      .exec();
  }

  /** The account was unlinked: what was remembered of its buyers goes. */
  async forgetAccount(account: { login: string; region: string }): Promise<number> {
    return deleteMatching(this.#redis, `${this.#prefix}buyer:${account.region}:${account.login}:*`);
  }

  #key(account: { login: string; region: string }, email: string): string {
    const buyer = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    return `${this.#prefix}buyer:${account.region}:${account.login}:${buyer}`;
  }
}
