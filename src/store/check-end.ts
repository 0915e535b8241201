// The end of a successful alert check in one script: what WatchList.checked, AccountStore.markOk and
// PollPaceStore.remember write one by one, as one command to Redis instead of five (#14); on one Redis also the
// watch list and the schedule (WatchList.add, PollPaceStore.dueAt), which a cluster keeps in other slots. The
// stores keep their own methods for everyone else; test/integration/check-end.test.ts holds this to the same result.
import { userIdPart } from './ids.js';
import { keySpace, type KeySpace } from './keys.js';
import type { WatchList } from './ledger.js';
import { LuaScript } from './lua.js';
import type { PaceFacts, PollPaceStore } from './poll-pace.js';
import type { Redis } from './redis.js';

/** As WatchList.checked and PollPaceStore: the last check and the pace facts are kept 40 days. */
const KEEP_SECONDS = 40 * 86_400;

// KEYS: the account hash, its last-check mark, its limit-streak mark, its pause-notice mark, its pace facts (one
// account's keys: one cluster slot); on one Redis also the watch list and the schedule. ARGV: check time (ms), the
// same in unix seconds, TTL, the account's member name, its next check (ms), then field/value pairs.
const endScript = new LuaScript(`
redis.call('DEL', KEYS[3], KEYS[4])
redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[3])
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HSET', KEYS[1], 'lastOkAt', ARGV[2])
  redis.call('HDEL', KEYS[1], 'errKind', 'errAt', 'errMessage')
end
if #ARGV > 5 then
  redis.call('HSET', KEYS[5], unpack(ARGV, 6))
  redis.call('EXPIRE', KEYS[5], ARGV[3])
end
if #KEYS > 5 then
  redis.call('SADD', KEYS[6], ARGV[4])
  redis.call('ZADD', KEYS[7], 'XX', ARGV[5], ARGV[4])
end
return 1
`);

export class CheckEnd {
  readonly #redis: Redis;
  readonly #keys: KeySpace;
  readonly #watch: Pick<WatchList, 'add' | 'listKey'>;
  readonly #pace: Pick<PollPaceStore, 'dueAt' | 'dueKey'>;

  constructor(redis: Redis, keys: KeySpace | string, watch: Pick<WatchList, 'add' | 'listKey'>, pace: Pick<PollPaceStore, 'dueAt' | 'dueKey'>) {
    this.#redis = redis;
    this.#keys = keySpace(keys);
    this.#watch = watch;
    this.#pace = pace;
  }

  /**
   * The check at `at` succeeded: it is the account's last check (any limit streak and pause episode end), its last
   * successful JustClick call (an unlinked account is not brought back), and these are the pace facts it learned.
   * The account stays in the watch list and is next due at `next` (one taken off the schedule stays off).
   */
  async checked(ownerId: number, at: Date, facts: PaceFacts, next: Date): Promise<void> {
    const k = (name: string) => this.#keys.account(name, ownerId);
    const fields = Object.entries(facts).flatMap(([name, v]) => (v === undefined ? [] : [name, String(v)]));
    const keys = [k('acct'), k('alert:checked'), k('alert:limited'), k('alert:paused-told'), k('alert:pace')];
    const args = [at.getTime(), Math.floor(at.getTime() / 1000), KEEP_SECONDS, userIdPart(ownerId), next.getTime(), ...fields];
    if (!this.#keys.cluster) {
      await endScript.run(this.#redis, [...keys, this.#watch.listKey, this.#pace.dueKey], args);
      return;
    }
    await Promise.all([endScript.run(this.#redis, keys, args), this.#watch.add(ownerId), this.#pace.dueAt(ownerId, next)]);
  }
}
