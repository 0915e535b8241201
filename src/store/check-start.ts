// The start of an alert check in one call: what AccountStore.get, WatchList.lastCheck, PollPaceStore.facts and the
// first half of ChatStore.fedBy read one by one, as one script instead of four commands (#14). The four keys are
// one account's: one cluster slot.
// The stores keep their own methods for everyone else; test/integration/check-start.test.ts holds this to the
// same answers.
import type { AccountStore, LinkedAccount } from './accounts.js';
import type { ChatStore } from './chats.js';
import { keySpace, type KeySpace } from './keys.js';
import { BatchedScript, hashOfReply } from './lua.js';
import { paceFacts, type PaceFacts } from './poll-pace.js';
import type { Redis } from './redis.js';

// KEYS: the account hash, its last-check mark, its pace facts, the set of chats it feeds. A missing mark or field
// comes back as nil.
// Batched: the checks of a poll job start side by side, and on one Redis their starts leave as one command.
const startScript = new BatchedScript(`
return { redis.call('HGETALL', K[1]), redis.call('GET', K[2]), redis.call('HMGET', K[3], 'saleAt', 'missedAt'), redis.call('SMEMBERS', K[4]) }
`);

/**
 * What a check starts from: the account (null when it is not linked, as AccountStore.get), its last check, its pace
 * facts, and the chats its set lists (ChatStore.fedAmong reads their settings once the orders are in).
 */
export interface CheckStartRead {
  account: LinkedAccount | null;
  lastCheck: Date | null;
  facts: PaceFacts;
  listedChats: string[];
}

export class CheckStart {
  readonly #redis: Redis;
  readonly #accounts: Pick<AccountStore, 'fromHash'>;
  readonly #chats: Pick<ChatStore, 'feedsKey'>;
  readonly #keys: KeySpace;

  constructor(redis: Redis, accounts: Pick<AccountStore, 'fromHash'>, chats: Pick<ChatStore, 'feedsKey'>, keys: KeySpace | string) {
    this.#redis = redis;
    this.#accounts = accounts;
    this.#chats = chats;
    this.#keys = keySpace(keys);
  }

  async read(ownerId: number): Promise<CheckStartRead> {
    const k = (name: string) => this.#keys.account(name, ownerId);
    const keys = [k('acct'), k('alert:checked'), k('alert:pace'), this.#chats.feedsKey(ownerId)];
    const [fields, checked, [saleAt, missedAt], listedChats] = (await startScript.run(this.#redis, keys, [])) as [
      string[],
      string | null,
      [string | null, string | null],
      string[],
    ];
    return {
      account: await this.#accounts.fromHash(ownerId, hashOfReply(fields)),
      lastCheck: checked === null ? null : new Date(Number(checked)),
      facts: paceFacts(saleAt, missedAt),
      listedChats,
    };
  }
}
