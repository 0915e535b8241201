// Failed /link attempts, per Telegram user and per JustClick login, shared by every replica: without a limit
// /link lets anyone test keys and find out which logins exist from our IP (which JustClick may then throttle).
import type { Redis } from 'ioredis';
import { userIdPart } from './ids.js';
import { LuaScript } from './lua.js';

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

// Checks both records and, when neither asks to wait, counts the attempt as a failure in both at once:
// concurrent attempts cannot slip through between the check and the count. Returns ms to wait (0: go).
const beginScript = new LuaScript(`
local now, day, free, first, max, lockout = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local wait = 0
for i = 1, #KEYS do
  local h = redis.call('HMGET', KEYS[i], 'count', 'last')
  local count = tonumber(h[1]) or 0
  local left = 0
  if count >= lockout then
    left = redis.call('PTTL', KEYS[i])
  elseif count >= free then
    left = (tonumber(h[2]) or 0) + math.min(max, first * 2 ^ (count - free)) - now
  end
  if left > wait then wait = left end
end
if wait > 0 then return math.ceil(wait) end
for i = 1, #KEYS do
  if redis.call('HINCRBY', KEYS[i], 'count', 1) == 1 then redis.call('PEXPIRE', KEYS[i], day) end
  redis.call('HSET', KEYS[i], 'last', ARGV[1])
end
return 0
`);

// Takes back an attempt counted by begin (it did not fail on the login or key).
const refundScript = new LuaScript(`
for i = 1, #KEYS do
  if redis.call('HINCRBY', KEYS[i], 'count', -1) <= 0 then redis.call('DEL', KEYS[i]) end
end
return 1
`);

export class LinkAttempts {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix = 'jcb:') {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  #keys(userId: number, account: { login: string; region: string }): [string, string] {
    // The login is a checked DNS label (parseAccount) by the time it gets here.
    return [`${this.#prefix}linkfail:user:${userIdPart(userId)}`, `${this.#prefix}linkfail:login:${account.region}:${account.login}`];
  }

  /**
   * Before asking JustClick: 0 when the attempt may go ahead (it is then counted as a failure until
   * `succeeded` or `notAFailure` says otherwise), else how many ms the user or the login must still wait.
   */
  async begin(userId: number, account: { login: string; region: string }, now: Date): Promise<number> {
    const { freeFailures, firstWaitMs, maxWaitMs, lockoutFailures, dayMs } = LINK_LIMITS;
    const wait = await beginScript.run(this.#redis, this.#keys(userId, account), [now.getTime(), dayMs, freeFailures, firstWaitMs, maxWaitMs, lockoutFailures]);
    return Number(wait);
  }

  /**
   * The key was right. The login's record is cleared (only its owner gets here); the user's attempt is taken
   * back, but the user's earlier failures stay: linking one's own account between guesses resets nothing.
   */
  async succeeded(userId: number, account: { login: string; region: string }): Promise<void> {
    const [user, login] = this.#keys(userId, account);
    await refundScript.run(this.#redis, [user], []);
    await this.#redis.del(login);
  }

  /** JustClick answered something that says nothing about the login or key (an outage, a limit). */
  async notAFailure(userId: number, account: { login: string; region: string }): Promise<void> {
    await refundScript.run(this.#redis, this.#keys(userId, account), []);
  }
}
