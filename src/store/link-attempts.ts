// Failed /link attempts, per Telegram user and per JustClick login, shared by every replica: without a limit
// /link lets anyone test keys and find out which logins exist from our IP (which JustClick may then throttle).
import { keySpace, type KeySpace } from './keys.js';
import { LuaScript } from './lua.js';
import type { Redis } from './redis.js';

/**
 * The numbers (README "Security"): each record counts the failures of a day that starts at its first one.
 * The first FREE_FAILURES cost nothing; each one after that makes the next attempt wait twice as long as the
 * one before (1 min, 2, 4 … at most an hour); LOCKOUT_FAILURES in a day lock /link until that day is over.
 */
export const LINK_LIMITS = {
  freeFailures: 5,
  firstWaitMs: 60_000,
  maxWaitMs: 60 * 60_000,
  lockoutFailures: 20,
  dayMs: 24 * 60 * 60_000,
} as const;

// One record (the user's or the login's): checks it and, when it does not ask to wait and ARGV[7] is 1, counts
// the attempt as a failure in the same step, so concurrent attempts cannot slip through between the check and
// the count. Returns ms to wait (0: go). KEYS[1] the record; ARGV: now, day, free, first, max, lockout, count.
const beginScript = new LuaScript(`
local now, day, free, first, max, lockout = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local h = redis.call('HMGET', KEYS[1], 'count', 'last')
local count = tonumber(h[1]) or 0
local left = 0
if count >= lockout then
  left = redis.call('PTTL', KEYS[1])
elseif count >= free then
  left = (tonumber(h[2]) or 0) + math.min(max, first * 2 ^ (count - free)) - now
end
if left > 0 then return math.ceil(left) end
if ARGV[7] == '1' then
  if redis.call('HINCRBY', KEYS[1], 'count', 1) == 1 then redis.call('PEXPIRE', KEYS[1], day) end
  redis.call('HSET', KEYS[1], 'last', ARGV[1])
end
return 0
`);

// Takes back an attempt counted by begin (it did not fail on the login or key). KEYS[1] one record.
const refundScript = new LuaScript(`
if redis.call('HINCRBY', KEYS[1], 'count', -1) <= 0 then redis.call('DEL', KEYS[1]) end
return 1
`);

export class LinkAttempts {
  readonly #redis: Redis;
  readonly #keys: KeySpace;

  constructor(redis: Redis, keys: KeySpace | string = 'jcb:') {
    this.#redis = redis;
    this.#keys = keySpace(keys);
  }

  #records(userId: number, account: { login: string; region: string }): [string, string] {
    // The login is a checked DNS label (parseAccount) by the time it gets here.
    return [this.#keys.user('linkfail:user', userId), this.#keys.plain('linkfail:login', account.region, account.login)];
  }

  /**
   * Before asking JustClick: 0 when the attempt may go ahead (it is then counted as a failure until
   * `succeeded` or `notAFailure` says otherwise), else how many ms the user or the login must still wait.
   */
  async begin(userId: number, account: { login: string; region: string }, now: Date): Promise<number> {
    const { freeFailures, firstWaitMs, maxWaitMs, lockoutFailures, dayMs } = LINK_LIMITS;
    const [user, login] = this.#records(userId, account);
    const check = async (record: string, count: boolean) =>
      Number(await beginScript.run(this.#redis, [record], [now.getTime(), dayMs, freeFailures, firstWaitMs, maxWaitMs, lockoutFailures, count ? 1 : 0]));
    // The two records may sit in different cluster slots: look at the login's, count in the user's, then in the
    // login's, taking the user's back when the login's asks to wait after all (a concurrent attempt). A crash in
    // between leaves one failure too many, never one too few.
    const loginAhead = await check(login, false);
    if (loginAhead > 0) return Math.max(loginAhead, await check(user, false));
    const userWait = await check(user, true);
    if (userWait > 0) return userWait;
    const loginWait = await check(login, true);
    if (loginWait > 0) await refundScript.run(this.#redis, [user], []);
    return loginWait;
  }

  /**
   * The key was right. The login's record is cleared (only its owner gets here); the user's attempt is taken
   * back, but the user's earlier failures stay: linking one's own account between guesses resets nothing.
   */
  async succeeded(userId: number, account: { login: string; region: string }): Promise<void> {
    const [user, login] = this.#records(userId, account);
    await refundScript.run(this.#redis, [user], []);
    await this.#redis.del(login);
  }

  /** JustClick answered something that says nothing about the login or key (an outage, a limit). */
  async notAFailure(userId: number, account: { login: string; region: string }): Promise<void> {
    for (const record of this.#records(userId, account)) await refundScript.run(this.#redis, [record], []);
  }
}
