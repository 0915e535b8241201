// How much JustClick work users may ask for, shared by every replica: a token bucket per Telegram user and
// per JustClick account, counted in JustClick calls, and one /digest now at a time per chat.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { isDemoAccount } from '../demo/account.js';
import { chatIdPart, userIdPart } from './ids.js';
import { LuaScript } from './lua.js';

/**
 * The numbers (README "Security"). A bucket holds `capacity` calls and refills evenly over an hour. /orders for a
 * day is 2 calls (the orders created and those paid), for a whole year 28; /export of a year 14; /digest now
 * about 8: a user may ask for a year's worth at once, then about one call every 90 seconds. The account's
 * bucket, twice as large, is shared by everyone it feeds.
 */
export const BUDGETS = {
  user: { capacity: 40, refillMs: 60 * 60_000 },
  account: { capacity: 80, refillMs: 60 * 60_000 },
  /** A /digest now in a chat holds off the next one this long (the digest itself takes seconds). */
  digestNowMs: 60_000,
  /**
   * Confirming JustClick's pushes (one getOrderDetails each): a bucket per account of its own, so that a busy
   * shop's pushes never starve its people's /orders; beyond it the poller alerts, at most a minute later.
   */
  push: { capacity: 240, refillMs: 60 * 60_000 },
  /** The same order and status pushed again within this long is not asked of JustClick again (replays, retries). */
  pushRepeatMs: 10 * 60_000,
} as const;

// Takes `cost` from every bucket at once, or from none: returns 0, or the ms until all of them hold enough.
// A request larger than a bucket may go once the bucket is full, so that it is not refused for ever.
const takeScript = new LuaScript(`
local now, cost = tonumber(ARGV[1]), tonumber(ARGV[2])
local wait = 0
local levels = {}
for i = 1, #KEYS do
  local cap, rate = tonumber(ARGV[1 + 2 * i]), tonumber(ARGV[2 + 2 * i])
  local h = redis.call('HMGET', KEYS[i], 'tokens', 'at')
  local tokens = tonumber(h[1]) or cap
  local at = tonumber(h[2]) or now
  if now > at then tokens = math.min(cap, tokens + (now - at) * rate) end
  levels[i] = tokens
  local need = math.min(cost, cap)
  if tokens < need then
    local left = (need - tokens) / rate
    if left > wait then wait = left end
  end
end
if wait > 0 then return math.ceil(wait) end
for i = 1, #KEYS do
  local cap, rate = tonumber(ARGV[1 + 2 * i]), tonumber(ARGV[2 + 2 * i])
  redis.call('HSET', KEYS[i], 'tokens', tostring(levels[i] - math.min(cost, cap)), 'at', tostring(now))
  redis.call('PEXPIRE', KEYS[i], math.ceil(cap / rate))
end
return 0
`);

export class RequestBudgets {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix = 'jcb:') {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  /**
   * Spends `calls` JustClick calls from the user's and the account's buckets before they are made; returns 0
   * when they may go ahead, else the ms until both buckets hold enough.
   */
  async spend(userId: number, justclick: { login: string; region: string }, calls: number, now: Date): Promise<number> {
    // The demo shop is answered in-process: its calls cost JustClick nothing, and must not eat into what the user may ask of their real account.
    if (isDemoAccount(justclick)) return 0;
    const { user, account } = BUDGETS;
    // The account is the JustClick one (several Telegram users may link it): its limit is what JustClick enforces.
    const wait = await takeScript.run(
      this.#redis,
      [`${this.#prefix}budget:user:${userIdPart(userId)}`, `${this.#prefix}budget:acct:${justclick.region}:${justclick.login}`],
      [now.getTime(), Math.max(1, calls), user.capacity, user.capacity / user.refillMs, account.capacity, account.capacity / account.refillMs],
    );
    return Number(wait);
  }

  /**
   * True for the first push about this order and status within BUDGETS.pushRepeatMs, while the account's push
   * bucket lasts; a push refused for an empty bucket leaves no claim behind.
   */
  async claimPushConfirmation(justclick: { login: string; region: string }, orderId: string, status: string, now: Date): Promise<boolean> {
    const seen = this.#pushSeenKey(justclick, orderId, status);
    if ((await this.#redis.set(seen, '1', 'PX', BUDGETS.pushRepeatMs, 'NX')) !== 'OK') return false;
    const { push } = BUDGETS;
    const wait = await takeScript.run(
      this.#redis,
      [`${this.#prefix}budget:push:${justclick.region}:${justclick.login}`],
      [now.getTime(), 1, push.capacity, push.capacity / push.refillMs],
    );
    if (Number(wait) === 0) return true;
    await this.#redis.del(seen);
    return false;
  }

  /** Gives a push claim back (JustClick could not be asked): its next push of the same is confirmed. */
  async releasePushConfirmation(justclick: { login: string; region: string }, orderId: string, status: string): Promise<void> {
    await this.#redis.del(this.#pushSeenKey(justclick, orderId, status));
  }

  #pushSeenKey(justclick: { login: string; region: string }, orderId: string, status: string): string {
    // The id and status come from a body whose hash covers the id only: hashed into the key, never used raw.
    const what = createHash('sha1').update(`${orderId}\n${status}`).digest('hex').slice(0, 24);
    return `${this.#prefix}budget:push-seen:${justclick.region}:${justclick.login}:${what}`;
  }

  /** True for the /digest now that may run in this chat; false while the previous one holds it off. */
  async claimDigestNow(chatId: number): Promise<boolean> {
    const key = `${this.#prefix}budget:digest-now:${chatIdPart(chatId)}`;
    return (await this.#redis.set(key, '1', 'PX', BUDGETS.digestNowMs, 'NX')) === 'OK';
  }
}
