// The alert ledger: which paid orders each chat has already been alerted about (so each is alerted once),
// the "sent" markers that guard the non-idempotent sendMessage, and the list of accounts watched for alerts.
// Order ids of two JustClick accounts are independent: in a chat fed by several, each account's records are
// its own (see recordsScope).
import type { ChatSettings } from './chats.js';
import { intOrUndefined, userIdPart } from './ids.js';
import { keySpace, type KeySpace } from './keys.js';
import { confirmWrites, scanKeys, type Redis } from './redis.js';
import { deleteMatching } from './scan.js';
import { unixSeconds } from '../domain/justclick.js';

/** How long an alerted order is remembered; the poller never looks further back than this. */
export const LEDGER_RETENTION_SECONDS = 36 * 86_400;

export interface LedgerEntry {
  orderId: string;
  /** Unix seconds. */
  paidAt: number;
}

/**
 * Whose records an account's alerts in a chat use: `undefined` for the chat's own (the key names, sent marks and
 * job ids of before several accounts could feed a chat, so that nothing written before the upgrade is lost), kept
 * by the primary account for as long as it has been the primary; else the account id, which names its own ledger,
 * marks and job ids. Once the first primary has gone (`recordsByAccount`), no account takes over its records.
 */
export function recordsScope(chat: ChatSettings, accountId: number): number | undefined {
  return chat.ownerId === accountId && !chat.recordsByAccount ? undefined : accountId;
}

/** A sent mark (`o42`, `refund42`) as an account's own in a chat: `a<accountId>-o42`; unchanged for the chat's own. */
export function scopedMark(mark: string, scope: number | undefined): string {
  return scope === undefined ? mark : `a${scope}-${mark}`;
}

// A chat's ledgers and its sent marks share the chat's cluster slot, so the MGET and MULTI below are allowed.
export class AlertLedger {
  private readonly keys: KeySpace;

  constructor(
    private readonly redis: Redis,
    keys: KeySpace | string,
    private readonly retentionSeconds = LEDGER_RETENTION_SECONDS,
  ) {
    this.keys = keySpace(keys);
  }

  /** The chat's own ledger, or an account's own in that chat (`scope`, see recordsScope); CheckEnd reads it too. */
  ledgerKey(chatId: number, scope?: number): string {
    return scope === undefined ? this.keys.chat('alert:ledger', chatId) : this.keys.chat('alert:ledger', chatId, `a${userIdPart(scope)}`);
  }

  private sentKey(chatId: number, mark: string): string {
    return this.keys.chat('alert:sent', chatId, mark);
  }

  /** The order ids from `orderIds` this chat has no ledger entry for, in the given order. */
  async missing(chatId: number, orderIds: string[], scope?: number): Promise<string[]> {
    if (orderIds.length === 0) return [];
    const scores = (await this.redis.zmscore(this.ledgerKey(chatId, scope), ...orderIds)) as (string | null)[];
    return orderIds.filter((_, i) => scores[i] == null);
  }

  /**
   * Remembers orders as alerted for this chat. NX keeps the first paid time; every write also drops entries
   * older than the retention and refreshes the key's expiry, so an idle chat's ledger disappears on its own.
   */
  async record(chatId: number, entries: LedgerEntry[], now: Date, scope?: number): Promise<void> {
    if (entries.length === 0) return;
    const key = this.ledgerKey(chatId, scope);
    const cutoff = unixSeconds(now) - this.retentionSeconds;
    const args: (string | number)[] = [];
    for (const e of entries) args.push(e.paidAt, e.orderId);
    await this.redis
      .multi()
      .zadd(key, 'NX', ...args)
      .zremrangebyscore(key, '-inf', `(${cutoff}`)
      .expire(key, this.retentionSeconds)
      .exec();
  }

  async size(chatId: number, scope?: number): Promise<number> {
    return this.redis.zcard(this.ledgerKey(chatId, scope));
  }

  /** When the latest order in the chat's ledger was paid (unix s), or null for an empty ledger. */
  async latestPaidAt(chatId: number, scope?: number): Promise<number | null> {
    const [, score] = await this.redis.zrevrange(this.ledgerKey(chatId, scope), 0, 0, 'WITHSCORES');
    return score === undefined ? null : Number(score);
  }

  async has(chatId: number, orderId: string, scope?: number): Promise<boolean> {
    return (await this.redis.zscore(this.ledgerKey(chatId, scope), orderId)) != null;
  }

  /**
   * A group that became a supergroup keeps its history: merge the old chat's ledger into the new id, the
   * earlier paid time winning (ZADD LT). Two chats are two cluster slots: copy, then delete, so a crash in
   * between leaves both (the next migrate finishes it) and never an order forgotten.
   */
  async migrate(fromChatId: number, toChatId: number): Promise<void> {
    // The chat's own ledger, and each account's own there (a group whose account was replaced has one).
    const scopes: (number | undefined)[] = [undefined];
    const head = this.keys.chat('alert:ledger', fromChatId, 'a');
    for await (const keys of scanKeys(this.redis, `${head}*`)) {
      for (const key of keys) {
        const scope = intOrUndefined(key.slice(head.length));
        if (scope !== undefined && scope > 0) scopes.push(scope);
      }
    }
    for (const scope of scopes) await this.move(this.ledgerKey(fromChatId, scope), this.ledgerKey(toChatId, scope));
  }

  private async move(from: string, to: string): Promise<void> {
    const entries = await this.redis.zrange(from, '0', '-1', 'WITHSCORES');
    const args: string[] = [];
    for (let i = 0; i + 1 < entries.length; i += 2) args.push(entries[i + 1]!, entries[i]!);
    if (args.length > 0)
      await this.redis
        .multi()
        .zadd(to, 'LT', ...args)
        .expire(to, this.retentionSeconds)
        .exec();
    await this.redis.del(from);
  }

  /**
   * Forgets what the chat was alerted about (the account that fed it was unlinked, or its member left the team):
   * the ledgers and the sent marks, every account's. Switching alerts on again starts from a fresh baseline.
   */
  async forgetChat(chatId: number): Promise<void> {
    await this.redis.del(this.ledgerKey(chatId));
    await deleteMatching(this.redis, this.sentKey(chatId, '*'));
    await deleteMatching(this.redis, this.keys.chat('alert:ledger', chatId, 'a*'));
  }

  /**
   * Forgets what one account's alerts left in a chat that other accounts still feed: its own ledger and marks,
   * and the chat's own records too when `chatsOwn` (they were the account's, as the chat's first primary).
   */
  async forgetAccount(chatId: number, accountId: number, chatsOwn: boolean): Promise<void> {
    await this.redis.del(this.ledgerKey(chatId, accountId));
    await deleteMatching(this.redis, this.sentKey(chatId, scopedMark('*', accountId)));
    if (!chatsOwn) return;
    await this.redis.del(this.ledgerKey(chatId));
    // The chat's own marks are those that name no account (a digest's job marks go too: harmless, as today).
    const head = this.sentKey(chatId, '');
    await deleteMatching(this.redis, this.sentKey(chatId, '*'), (key) => !/^a\d+-/.test(key.slice(head.length)));
  }

  /** Which of these marks (e.g. `o<orderId>`) have already been sent to the chat. */
  async sentAmong(chatId: number, marks: string[]): Promise<Set<string>> {
    if (marks.length === 0) return new Set();
    const values = await this.redis.mget(...marks.map((m) => this.sentKey(chatId, m)));
    return new Set(marks.filter((_, i) => values[i] != null));
  }

  async markSent(chatId: number, marks: string[]): Promise<void> {
    if (marks.length === 0) return;
    const multi = this.redis.multi();
    for (const m of marks) multi.set(this.sentKey(chatId, m), '1', 'EX', this.retentionSeconds);
    await multi.exec();
    // On a cluster, a replica holds the mark before the caller moves on: a failover then cannot lose it.
    await confirmWrites(this.redis);
  }
}

/**
 * Accounts whose orders are watched for alerts (an account is in the list while at least one chat it feeds
 * has alerts on), plus the bookkeeping of each watch: the last successful check, how long the account has
 * been rate-limited, and whether its owner was already told that alerts are paused.
 */
export class WatchList {
  private readonly keys: KeySpace;

  constructor(
    private readonly redis: Redis,
    keys: KeySpace | string,
  ) {
    this.keys = keySpace(keys);
  }

  /** The set of watched accounts (one key of nobody in particular: its own slot on a cluster). */
  get listKey(): string {
    return this.keys.plain('alert', 'owners');
  }

  // One account's marks share its cluster slot (checked() clears two of them in one MULTI).
  private key(what: 'checked' | 'limited' | 'paused-told', ownerId: number): string {
    return this.keys.account(`alert:${what}`, ownerId);
  }

  async add(ownerId: number): Promise<void> {
    await this.redis.sadd(this.listKey, userIdPart(ownerId));
  }

  async remove(ownerId: number): Promise<void> {
    await this.redis.srem(this.listKey, String(ownerId));
  }

  /** Walks the list in batches with SSCAN, so 10,000 accounts never block Redis in one reply. */
  async *batches(batchSize = 1000): AsyncGenerator<number[]> {
    let cursor = '0';
    do {
      const [next, members] = await this.redis.sscan(this.listKey, cursor, 'COUNT', batchSize);
      cursor = next;
      if (members.length > 0) yield members.map(Number);
    } while (cursor !== '0');
  }

  async lastCheck(ownerId: number): Promise<Date | null> {
    const v = await this.redis.get(this.key('checked', ownerId));
    return v == null ? null : new Date(Number(v));
  }

  /** A successful check: remember when, and end any rate-limit streak or pause episode. */
  async checked(ownerId: number, at: Date): Promise<void> {
    await this.redis
      .multi()
      .set(this.key('checked', ownerId), String(at.getTime()), 'EX', 40 * 86_400)
      .del(this.key('limited', ownerId), this.key('paused-told', ownerId))
      .exec();
  }

  /** Records that the account is rate-limited; returns when the current unbroken streak began. */
  async limitedSince(ownerId: number, now: Date): Promise<Date> {
    const key = this.key('limited', ownerId);
    await this.redis.set(key, String(now.getTime()), 'EX', 7 * 86_400, 'NX');
    const first = await this.redis.get(key);
    return new Date(Number(first ?? now.getTime()));
  }

  /** True exactly once per pause episode (until the next successful check): the owner is told once. */
  async claimPauseNotice(ownerId: number): Promise<boolean> {
    return (await this.redis.set(this.key('paused-told', ownerId), '1', 'NX')) === 'OK';
  }
}
