// Redis key names, built in one place: the bot's prefix and, on a Redis Cluster, a hash tag per chat, per
// account and per user, so that the keys a script or MULTI uses together sit in one slot.
import { chatIdPart, intOrUndefined, userIdPart } from './ids.js';

/**
 * On one Redis the names are exactly those written before clusters were supported (`jcb:chat:-100123`), so an
 * existing deployment reads its data after an upgrade with nothing to migrate. On a cluster the id part
 * becomes a tag (`jcb:chat:{c-100123}`): only `{…}` is hashed, so every key of that chat lands in one slot.
 */
export class KeySpace {
  constructor(
    /** Every key starts with it, e.g. `jcb:` (tests use a fresh one each). */
    readonly prefix: string,
    /** True on a Redis Cluster: ids become hash tags. */
    readonly cluster = false,
  ) {}

  /** A key of one chat, e.g. `chat('alert:ledger', id)`, `chat('alert:sent', id, 'o42')`. */
  chat(name: string, chatId: number, ...rest: string[]): string {
    return this.#key(name, 'c', chatIdPart(chatId), rest);
  }

  /** A key of one JustClick account (today its id is the Telegram id of the owner who linked it). */
  account(name: string, accountId: number, ...rest: string[]): string {
    return this.#key(name, 'a', userIdPart(accountId), rest);
  }

  /** A key of one Telegram user (their preferences, their request budget). */
  user(name: string, userId: number, ...rest: string[]): string {
    return this.#key(name, 'u', userIdPart(userId), rest);
  }

  /** A key of nobody in particular (a global list, a random id, a JustClick login): used alone, it needs no tag. */
  plain(...parts: string[]): string {
    return `${this.prefix}${parts.join(':')}`;
  }

  /**
   * BullMQ's key prefix: `<prefix>bull` on one Redis; on a cluster `{<prefix>bull}`, as BullMQ requires (its
   * scripts touch many keys of a queue at once, so all of them must share one slot).
   */
  queuePrefix(): string {
    return this.cluster ? `{${this.prefix}bull}` : `${this.prefix}bull`;
  }

  /** The SCAN pattern of every account key named `name`. */
  accountPattern(name: string): string {
    return `${this.prefix}${name}:*`;
  }

  /** The account id in a key made by `account(name, id)`; undefined for anything else. */
  accountIdOf(name: string, key: string): number | undefined {
    const head = `${this.prefix}${name}:`;
    if (!key.startsWith(head)) return undefined;
    const id = key.slice(head.length);
    const bare = this.cluster ? /^\{a(\d+)\}$/.exec(id)?.[1] : id;
    const n = intOrUndefined(bare);
    return n !== undefined && n > 0 ? n : undefined;
  }

  #key(name: string, kind: 'c' | 'a' | 'u', id: string, rest: string[]): string {
    const part = this.cluster ? `{${kind}${id}}` : id;
    return [`${this.prefix}${name}`, part, ...rest].join(':');
  }
}

/** Stores take a KeySpace, or a bare prefix meaning one Redis (as tests and older callers pass). */
export function keySpace(keys: KeySpace | string): KeySpace {
  return typeof keys === 'string' ? new KeySpace(keys) : keys;
}
