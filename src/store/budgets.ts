// How much JustClick work users and the poller may ask for, shared by every replica: a token bucket per Telegram
// user and per JustClick account, counted in JustClick calls, and one /digest now at a time per chat.
import { createHash } from 'node:crypto';
import { isDemoAccount } from '../demo/account.js';
import { keySpace, type KeySpace } from './keys.js';
import { BatchedScript, LuaScript } from './lua.js';
import type { Redis } from './redis.js';

/**
 * The numbers (README "Security", docs/capacity.md). A bucket holds `capacity` calls and refills evenly over an
 * hour. /orders for a day is 2 calls (the orders created and those paid), for a whole year 28; /export of a year
 * 14; /digest now about 8: a user may ask for a year's worth at once, then about one call every 90 seconds.
 * The account's bucket is shared by everyone it feeds and by the poller: 80 calls an hour for commands plus what
 * the poller needs at its configured pace (a quarter more, for windows that take two calls); 155 at one check a
 * minute. Commands may spend all of it; a poll only what lies above the commands' 80, so polls never starve
 * commands, and an account's users together cannot make more than that many calls an hour in its name.
 */
export const BUDGETS = {
  user: { capacity: 40, refillMs: 60 * 60_000 },
  /** The commands' share of the account's bucket, which a poll never takes. */
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

/** The account bucket's size: the commands' share plus the poller's at `checksPerHour`, with a quarter to spare. */
export function accountCapacity(checksPerHour: number): number {
  return BUDGETS.account.capacity + Math.ceil(checksPerHour * 1.25);
}

// One bucket: returns 0 when it holds `cost` (taking it when ARGV[5] is 1), else the ms until it will.
// A request larger than the bucket may go once the bucket is full, so that it is not refused for ever.
// KEYS[1] the bucket. ARGV: now (ms), cost, capacity, refill per ms, take (1) or only look (0).
const takeScript = new LuaScript(`
local now, cost, cap, rate = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local h = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(h[1]) or cap
local at = tonumber(h[2]) or now
if now > at then tokens = math.min(cap, tokens + (now - at) * rate) end
local need = math.min(cost, cap)
if tokens < need then return math.ceil((need - tokens) / rate) end
if ARGV[5] == '1' then
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - need), 'at', tostring(now))
  redis.call('PEXPIRE', KEYS[1], math.ceil(cap / rate))
end
return 0
`);

// Puts back what takeScript took, when the other bucket said no. KEYS[1] the bucket. ARGV: cost, capacity.
const giveBackScript = new LuaScript(`
local tokens = tonumber(redis.call('HGET', KEYS[1], 'tokens'))
if not tokens then return 0 end
local cap = tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 'tokens', tostring(math.min(cap, tokens + math.min(tonumber(ARGV[1]), cap))))
return 1
`);

// A poll takes `cost` from the account's bucket only if `reserve` is left after it; else the ms until it would be.
// Batched: on one Redis the checks of a poll job that reach their budget together ask in one command.
const takeAboveScript = new BatchedScript(`
local now, cost, cap, rate, reserve = tonumber(A[1]), tonumber(A[2]), tonumber(A[3]), tonumber(A[4]), tonumber(A[5])
local h = redis.call('HMGET', K[1], 'tokens', 'at')
local tokens = tonumber(h[1]) or cap
local at = tonumber(h[2]) or now
if now > at then tokens = math.min(cap, tokens + (now - at) * rate) end
local need = math.min(cost + reserve, cap)
if tokens < need then return math.ceil((need - tokens) / rate) end
redis.call('HSET', K[1], 'tokens', tostring(tokens - cost), 'at', tostring(now))
redis.call('PEXPIRE', K[1], math.ceil(cap / rate))
return 0
`);

export class RequestBudgets {
  readonly #redis: Redis;
  readonly #keys: KeySpace;
  readonly #accountCapacity: number;

  /** `checksPerHour`: the poller's pace (3600 / ALERT_POLL_SECONDS); every replica must be given the same. */
  constructor(redis: Redis, keys: KeySpace | string = 'jcb:', checksPerHour = 60) {
    this.#redis = redis;
    this.#keys = keySpace(keys);
    this.#accountCapacity = accountCapacity(checksPerHour);
  }

  /**
   * Spends `calls` JustClick calls from the user's and the account's buckets before they are made; returns 0
   * when they may go ahead, else the ms until both buckets hold enough.
   */
  async spend(userId: number, justclick: { login: string; region: string }, calls: number, now: Date): Promise<number> {
    // The demo shop is answered in-process: its calls cost JustClick nothing, and must not eat into what the user may ask of their real account.
    if (isDemoAccount(justclick)) return 0;
    const cost = Math.max(1, calls);
    // The account is the JustClick one (several Telegram users may link it): its limit is what JustClick enforces.
    const userBucket = { key: this.#keys.user('budget:user', userId), ...BUDGETS.user };
    const accountBucket = { key: this.#accountKey(justclick), capacity: this.#accountCapacity, refillMs: BUDGETS.account.refillMs };
    // The two buckets may sit in different cluster slots: take from the user's, then from the account's, and give
    // the first back when the second says no. Each step is atomic; a crash in between only costs the user calls.
    const take = async (b: typeof userBucket | typeof accountBucket, taking: boolean) =>
      Number(await takeScript.run(this.#redis, [b.key], [now.getTime(), cost, b.capacity, b.capacity / b.refillMs, taking ? 1 : 0]));
    const userWait = await take(userBucket, true);
    if (userWait > 0) return Math.max(userWait, await take(accountBucket, false));
    const accountWait = await take(accountBucket, true);
    if (accountWait > 0) await giveBackScript.run(this.#redis, [userBucket.key], [cost, userBucket.capacity]);
    return accountWait;
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
      [this.#keys.plain('budget:push', justclick.region, justclick.login)],
      [now.getTime(), 1, push.capacity, push.capacity / push.refillMs, 1],
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
    return this.#keys.plain('budget:push-seen', justclick.region, justclick.login, what);
  }

  /**
   * Spends a poll's `calls` from the account's bucket at low priority: 0 when the poll may go ahead, else the ms
   * until the bucket holds them above the commands' reserve (the poll is put off that long, nothing is taken).
   */
  async spendForPoll(justclick: { login: string; region: string }, calls: number, now: Date): Promise<number> {
    // The demo shop costs JustClick nothing (as in spend).
    if (isDemoAccount(justclick)) return 0;
    const { account } = BUDGETS;
    const cap = this.#accountCapacity;
    const wait = await takeAboveScript.run(
      this.#redis,
      [this.#accountKey(justclick)],
      [now.getTime(), Math.max(1, calls), cap, cap / account.refillMs, account.capacity],
    );
    return Number(wait);
  }

  #accountKey(justclick: { login: string; region: string }): string {
    return this.#keys.plain('budget:acct', justclick.region, justclick.login);
  }

  /** True for the /digest now that may run in this chat; false while the previous one holds it off. */
  async claimDigestNow(chatId: number): Promise<boolean> {
    const key = this.#keys.chat('budget:digest-now', chatId);
    return (await this.#redis.set(key, '1', 'PX', BUDGETS.digestNowMs, 'NX')) === 'OK';
  }
}
