// The start of an alert check in one call: what AccountStore.get, WatchList.lastCheck and PollPaceStore.facts read
// one by one, as one script instead of three commands (#14). The three keys are one account's: one cluster slot.
// The stores keep their own methods for everyone else; test/integration/check-start.test.ts holds this to the
// same answers.
import type { AccountStore, LinkedAccount } from './accounts.js';
import { keySpace, type KeySpace } from './keys.js';
import { hashOfReply, LuaScript } from './lua.js';
import { paceFacts, type PaceFacts } from './poll-pace.js';
import type { Redis } from './redis.js';

// KEYS: the account hash, its last-check mark, its pace facts. A missing mark or field comes back as nil.
const startScript = new LuaScript(`
return { redis.call('HGETALL', KEYS[1]), redis.call('GET', KEYS[2]), redis.call('HMGET', KEYS[3], 'saleAt', 'missedAt') }
`);

/** What a check starts from: the account (null when it is not linked, as AccountStore.get), its last check, its pace facts. */
export interface CheckStartRead {
  account: LinkedAccount | null;
  lastCheck: Date | null;
  facts: PaceFacts;
}

export class CheckStart {
  readonly #redis: Redis;
  readonly #accounts: Pick<AccountStore, 'fromHash'>;
  readonly #keys: KeySpace;

  constructor(redis: Redis, accounts: Pick<AccountStore, 'fromHash'>, keys: KeySpace | string) {
    this.#redis = redis;
    this.#accounts = accounts;
    this.#keys = keySpace(keys);
  }

  async read(ownerId: number): Promise<CheckStartRead> {
    const k = (name: string) => this.#keys.account(name, ownerId);
    const [fields, checked, [saleAt, missedAt]] = (await startScript.run(this.#redis, [k('acct'), k('alert:checked'), k('alert:pace')], [])) as [
      string[],
      string | null,
      [string | null, string | null],
    ];
    return {
      account: await this.#accounts.fromHash(ownerId, hashOfReply(fields)),
      lastCheck: checked === null ? null : new Date(Number(checked)),
      facts: paceFacts(saleAt, missedAt),
    };
  }
}
