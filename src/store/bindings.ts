// Groups and channels bound to an account: when each binding is next re-checked with Telegram (is the admin who
// bound it still an admin, may they still use the account?), and the one answer to "may this person use it".
import type { Redis } from './redis.js';
import type { AccountStore, LinkedAccount } from './accounts.js';
import { chatIdPart, intOrUndefined } from './ids.js';

/**
 * The account, when this person may use it; null otherwise. Today only who linked it may; team roles plug in
 * here, so that asking, binding, the membership check and delivery all ask one place.
 */
export async function mayUseAccount(accounts: Pick<AccountStore, 'get'>, userId: number, accountId: number): Promise<LinkedAccount | null> {
  const account = await accounts.get(accountId);
  return account !== null && account.linkedBy === userId ? account : null;
}

/** A sorted set of bound chats, scored by the unix second of their next check: one key, so no cross-slot work. */
export class BindingChecks {
  readonly #redis: Redis;
  readonly #key: string;

  constructor(redis: Redis, prefix = 'jcb:') {
    this.#redis = redis;
    this.#key = `${prefix}bindings:check`;
  }

  /** Checks the chat at `at` (unix s); `onlyIfAbsent` leaves an already scheduled check alone. */
  async schedule(chatId: number, at: number, onlyIfAbsent = false): Promise<void> {
    const member = chatIdPart(chatId);
    if (onlyIfAbsent) await this.#redis.zadd(this.#key, 'NX', Math.floor(at), member);
    else await this.#redis.zadd(this.#key, Math.floor(at), member);
  }

  /** Up to `limit` chats whose check is due at `now` (unix s), most overdue first. */
  async due(now: number, limit: number): Promise<number[]> {
    const members = await this.#redis.zrangebyscore(this.#key, '-inf', Math.floor(now), 'LIMIT', 0, limit);
    return members.map((m) => intOrUndefined(m)).filter((id): id is number => id !== undefined);
  }

  async forget(chatId: number): Promise<void> {
    await this.#redis.zrem(this.#key, chatIdPart(chatId));
  }
}
