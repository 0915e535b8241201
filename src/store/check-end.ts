// The end of a successful alert check in one script: what WatchList.checked, AccountStore.markOk and
// PollPaceStore.remember write one by one, as one command to Redis instead of five (#14). The three stores keep
// their own methods for everyone else; test/integration/check-end.test.ts holds this script to the same result.
import { keySpace, type KeySpace } from './keys.js';
import { LuaScript } from './lua.js';
import type { PaceFacts } from './poll-pace.js';
import type { Redis } from './redis.js';

/** As WatchList.checked and PollPaceStore: the last check and the pace facts are kept 40 days. */
const KEEP_SECONDS = 40 * 86_400;

// KEYS: the account hash, its last-check mark, its limit-streak mark, its pause-notice mark, its pace facts (one
// account's keys: one cluster slot). ARGV: check time (ms), the same in unix seconds, TTL, then field/value pairs.
const endScript = new LuaScript(`
redis.call('DEL', KEYS[3], KEYS[4])
redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[3])
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HSET', KEYS[1], 'lastOkAt', ARGV[2])
  redis.call('HDEL', KEYS[1], 'errKind', 'errAt', 'errMessage')
end
if #ARGV > 3 then
  redis.call('HSET', KEYS[5], unpack(ARGV, 4))
  redis.call('EXPIRE', KEYS[5], ARGV[3])
end
return 1
`);

export class CheckEnd {
  readonly #redis: Redis;
  readonly #keys: KeySpace;

  constructor(redis: Redis, keys: KeySpace | string) {
    this.#redis = redis;
    this.#keys = keySpace(keys);
  }

  /**
   * The check at `at` succeeded: it is the account's last check (any limit streak and pause episode end), its last
   * successful JustClick call (an unlinked account is not brought back), and these are the pace facts it learned.
   */
  async checked(ownerId: number, at: Date, facts: PaceFacts): Promise<void> {
    const k = (name: string) => this.#keys.account(name, ownerId);
    const fields = Object.entries(facts).flatMap(([name, v]) => (v === undefined ? [] : [name, String(v)]));
    await endScript.run(
      this.#redis,
      [k('acct'), k('alert:checked'), k('alert:limited'), k('alert:paused-told'), k('alert:pace')],
      [at.getTime(), Math.floor(at.getTime() / 1000), KEEP_SECONDS, ...fields],
    );
  }
}
