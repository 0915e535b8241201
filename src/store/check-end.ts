// The end of a successful alert check in one script: what WatchList.checked, AccountStore.markOk and
// PollPaceStore.remember write one by one, as one command to Redis instead of five (#14); on one Redis also the
// watch list and the schedule (WatchList.add, PollPaceStore.dueAt), which a cluster keeps in other slots, and, for a
// check that found nothing new, the ledger reads that found it (AlertLedger.missing), which a cluster keeps in the
// chats' slots. The stores keep their own methods for everyone else; test/integration/check-end.test.ts holds this
// to the same result.
import { userIdPart } from './ids.js';
import { keySpace, type KeySpace } from './keys.js';
import type { AlertLedger, WatchList } from './ledger.js';
import { BatchedScript } from './lua.js';
import type { PaceFacts, PollPaceStore } from './poll-pace.js';
import type { Redis } from './redis.js';

/** As WatchList.checked and PollPaceStore: the last check and the pace facts are kept 40 days. */
const KEEP_SECONDS = 40 * 86_400;

// The end itself, for both scripts. k: the account hash, its last-check mark, its limit-streak mark, its
// pause-notice mark, its pace facts (one account's keys: one cluster slot); on one Redis also the watch list and the
// schedule. a: check time (ms), the same in unix seconds, TTL, the account's member name, its next check (ms).
// facts: field/value pairs.
const END = `
local function checked(k, a, facts)
  redis.call('DEL', k[3], k[4])
  redis.call('SET', k[2], a[1], 'EX', a[3])
  if redis.call('EXISTS', k[1]) == 1 then
    redis.call('HSET', k[1], 'lastOkAt', a[2])
    redis.call('HDEL', k[1], 'errKind', 'errAt', 'errMessage')
  end
  if #facts > 0 then
    redis.call('HSET', k[5], unpack(facts))
    redis.call('EXPIRE', k[5], a[3])
  end
  if k[6] then
    redis.call('SADD', k[6], a[4])
    redis.call('ZADD', k[7], 'XX', a[5], a[4])
  end
end
`;

// Both batched: the checks of a poll job whose answers came together end side by side, and on one Redis their ends
// leave as one command.
// K: the end's. A: the end's five, then the facts' field/value pairs.
const endScript = new BatchedScript(`${END}
checked(K, A, { unpack(A, 6) })
return 1
`);

// On one Redis. K: the end's seven, then a ledger per chat. A: the end's five, the number of fact fields and
// values, those, then per ledger the number of orders seen and their ids. Returns 1 when every order was in its
// ledger and the check was ended; else, with nothing written, per ledger the ids it lacks.
const unlessNewScript = new BatchedScript(`${END}
local nf = tonumber(A[6])
local i = 7 + nf
local missing, any = {}, false
for l = 8, #K do
  local n = tonumber(A[i])
  local lacks = {}
  -- In slices: Lua unpacks at most a few thousand values at once.
  for from = i + 1, i + n, 1000 do
    local to = math.min(from + 999, i + n)
    local scores = redis.call('ZMSCORE', K[l], unpack(A, from, to))
    for j = from, to do
      if not scores[j - from + 1] then
        lacks[#lacks + 1] = A[j]
        any = true
      end
    end
  end
  missing[#missing + 1] = lacks
  i = i + n + 1
end
if any then return missing end
checked({ K[1], K[2], K[3], K[4], K[5], K[6], K[7] }, A, { unpack(A, 7, 6 + nf) })
return 1
`);

/** A chat's ledger to look in, as AlertLedger.missing: the orders seen paid that it might be told of. */
export interface LedgerRead {
  chatId: number;
  scope: number | undefined;
  orderIds: string[];
}

export class CheckEnd {
  readonly #redis: Redis;
  readonly #keys: KeySpace;
  readonly #watch: Pick<WatchList, 'add' | 'listKey'>;
  readonly #pace: Pick<PollPaceStore, 'dueAt' | 'dueKey'>;
  readonly #ledger: Pick<AlertLedger, 'missing' | 'ledgerKey'>;

  constructor(
    redis: Redis,
    keys: KeySpace | string,
    watch: Pick<WatchList, 'add' | 'listKey'>,
    pace: Pick<PollPaceStore, 'dueAt' | 'dueKey'>,
    ledger: Pick<AlertLedger, 'missing' | 'ledgerKey'>,
  ) {
    this.#redis = redis;
    this.#keys = keySpace(keys);
    this.#watch = watch;
    this.#pace = pace;
    this.#ledger = ledger;
  }

  /**
   * The check at `at` succeeded: it is the account's last check (any limit streak and pause episode end), its last
   * successful JustClick call (an unlinked account is not brought back), and these are the pace facts it learned.
   * The account stays in the watch list and is next due at `next` (one taken off the schedule stays off).
   */
  async checked(ownerId: number, at: Date, facts: PaceFacts, next: Date): Promise<void> {
    const { keys, head, fields } = this.#end(ownerId, at, facts, next);
    const args = [...head, ...fields];
    if (!this.#keys.cluster) {
      await endScript.run(this.#redis, [...keys, this.#watch.listKey, this.#pace.dueKey], args);
      return;
    }
    await Promise.all([endScript.run(this.#redis, keys, args), this.#watch.add(ownerId), this.#pace.dueAt(ownerId, next)]);
  }

  /**
   * A check that may have found nothing new: the ledgers are read as AlertLedger.missing reads them and, when every
   * order seen is in its chat's ledger, the check ends as `checked` ends it, in the same script on one Redis; then
   * null. Otherwise nothing is written, and what each ledger lacks comes back (the caller queues those alerts, then
   * calls `checked`): always so on a cluster, where the ledgers sit in their chats' slots.
   */
  async checkedUnlessNew(ownerId: number, at: Date, facts: PaceFacts, next: Date, reads: readonly LedgerRead[]): Promise<string[][] | null> {
    if (this.#keys.cluster) return Promise.all(reads.map((r) => this.#ledger.missing(r.chatId, r.orderIds, r.scope)));
    const { keys, head, fields } = this.#end(ownerId, at, facts, next);
    const ledgerKeys = reads.map((r) => this.#ledger.ledgerKey(r.chatId, r.scope));
    const seen = reads.flatMap((r) => [r.orderIds.length, ...r.orderIds]);
    const reply = await unlessNewScript.run(
      this.#redis,
      [...keys, this.#watch.listKey, this.#pace.dueKey, ...ledgerKeys],
      [...head, fields.length, ...fields, ...seen],
    );
    return reply === 1 ? null : (reply as string[][]);
  }

  /** The end's account keys, its five fixed arguments and the facts' field/value pairs. */
  #end(ownerId: number, at: Date, facts: PaceFacts, next: Date) {
    const k = (name: string) => this.#keys.account(name, ownerId);
    return {
      keys: [k('acct'), k('alert:checked'), k('alert:limited'), k('alert:paused-told'), k('alert:pace')],
      head: [at.getTime(), Math.floor(at.getTime() / 1000), KEEP_SECONDS, userIdPart(ownerId), next.getTime()],
      fields: Object.entries(facts).flatMap(([name, v]) => (v === undefined ? [] : [name, String(v)])),
    };
  }
}
