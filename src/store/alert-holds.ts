// What quiet hours and the silence alert keep in Redis: paid orders held for a chat until its quiet hours end
// (so that a restart loses none), when each chat's held orders are due, which chats watch for silence, and
// each account's learned week of sales. Held orders are taken for release in one atomic step.
import type { AlertOrder } from '../domain/alert.js';
import type { WeekProfile } from '../domain/silence.js';
import { chatIdPart, intOrUndefined } from './ids.js';
import { keySpace, type KeySpace } from './keys.js';
import { LuaScript } from './lua.js';
import { deleteMatching } from './scan.js';
import { scanKeys, type Redis } from './redis.js';

/** Held orders outlive any night by far: a release that keeps failing still finds them for days. */
const HELD_TTL_SECONDS = 14 * 86_400;
/** A release's retries (about a day and a half of them) find what it took. */
const TAKEN_TTL_SECONDS = 3 * 86_400;
const PROFILE_TTL_SECONDS = 86_400;
/** HSET arguments per call inside Lua (unpack has a stack limit). */
const CHUNK = 200;

// KEYS[1] held hash, KEYS[2] released mark. ARGV: window end (unix s), ttl, then orderId/json pairs.
// Refused (0) once the window's release has taken the held orders: the order must be sent now instead.
const holdScript = new LuaScript(`
local released = tonumber(redis.call('GET', KEYS[2]) or '0')
if released >= tonumber(ARGV[1]) then return 0 end
for i = 3, #ARGV, ${CHUNK} do
  redis.call('HSET', KEYS[1], unpack(ARGV, i, math.min(i + ${CHUNK} - 1, #ARGV)))
end
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
`);

// KEYS[1] held hash, KEYS[2] taken hash, KEYS[3] released mark. ARGV: window end, ttl.
// Marks the window released (later holds for it are refused) and moves what is held into the taken hash, which
// a retry of the same release finds again. Returns the taken orders (field, order pairs).
const takeScript = new LuaScript(`
local released = tonumber(redis.call('GET', KEYS[3]) or '0')
if released < tonumber(ARGV[1]) then redis.call('SET', KEYS[3], ARGV[1], 'EX', ARGV[2]) end
local held = redis.call('HGETALL', KEYS[1])
for i = 1, #held, ${CHUNK} do
  redis.call('HSET', KEYS[2], unpack(held, i, math.min(i + ${CHUNK} - 1, #held)))
end
if #held > 0 then
  redis.call('DEL', KEYS[1])
  redis.call('EXPIRE', KEYS[2], ARGV[2])
end
return redis.call('HGETALL', KEYS[2])
`);

// KEYS[1] a schedule (sorted set). ARGV: member, score seen. Removes it only if nobody moved it since.
const doneScript = new LuaScript(`
if redis.call('ZSCORE', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('ZREM', KEYS[1], ARGV[1]) end
return 0
`);

export interface Due {
  chatId: number;
  /** Unix seconds, as stored. */
  at: number;
}

export class AlertHolds {
  private readonly keys: KeySpace;

  constructor(
    private readonly redis: Redis,
    keys: KeySpace | string,
  ) {
    this.keys = keySpace(keys);
  }

  /** Every per-chat key is named here; a chat's keys share its cluster hash tag (the scripts use several). */
  private chatKey(what: 'held' | 'held-taken' | 'held-released', chatId: number, windowEnd?: number): string {
    return this.keys.chat(`alert:${what}`, chatId, ...(windowEnd === undefined ? [] : [String(windowEnd)]));
  }
  private get heldDue(): string {
    return this.keys.plain('alert', 'held-due');
  }
  private get silenceDue(): string {
    return this.keys.plain('alert', 'silence-due');
  }
  private profileKey(accountId: string, timeZone: string): string {
    return this.keys.plain('alert', 'silence-profile', encodeURIComponent(accountId), timeZone);
  }

  /**
   * Keeps paid orders until the quiet window that ends at `windowEnd` (unix s) is over, and schedules their
   * release then. False when that window was already released: send them now.
   */
  async hold(chatId: number, windowEnd: number, orders: readonly AlertOrder[], scope?: number): Promise<boolean> {
    if (orders.length === 0) return true;
    // Two accounts feeding the chat may both have an order 42: an account with its own records names its field.
    const pairs = orders.flatMap((o) => [scope === undefined ? o.id : `a${scope}-${o.id}`, JSON.stringify(o)]);
    const held = await holdScript.run(
      this.redis,
      [this.chatKey('held', chatId), this.chatKey('held-released', chatId)],
      [windowEnd, HELD_TTL_SECONDS, ...pairs],
    );
    if (held !== 1) return false;
    // After the hold: a crash in between leaves the orders unmarked, so the delivery's retry holds them again.
    await this.releaseAt(chatId, windowEnd);
    return true;
  }

  /** Schedules the chat's release at `at` (unix s), or earlier if one is already due sooner. */
  async releaseAt(chatId: number, at: number): Promise<void> {
    await this.redis.zadd(this.heldDue, 'LT', at, chatIdPart(chatId));
  }

  /** How many orders are held for the chat right now. */
  async heldCount(chatId: number): Promise<number> {
    return this.redis.hlen(this.chatKey('held', chatId));
  }

  /** Chats whose held orders are due by `now` (unix s). */
  async dueReleases(now: number, limit = 500): Promise<Due[]> {
    return this.due(this.heldDue, now, limit);
  }

  async releaseQueued(due: Due): Promise<void> {
    await doneScript.run(this.redis, [this.heldDue], [chatIdPart(due.chatId), due.at]);
  }

  /**
   * Takes what is held, for the release after the window ending at `windowEnd`; a retry of that release gets the
   * same orders again (they stay under the window's own key until it expires; the delivery's sent mark is
   * what keeps them from being sent twice).
   */
  async take(chatId: number, windowEnd: number): Promise<AlertOrder[]> {
    return (await this.takeByAccount(chatId, windowEnd)).map((h) => h.order);
  }

  /** `take`, each order with whose it is: the account for one with its own records there, else none (the chat's own). */
  async takeByAccount(chatId: number, windowEnd: number): Promise<{ scope?: number; order: AlertOrder }[]> {
    const flat = (await takeScript.run(
      this.redis,
      [this.chatKey('held', chatId), this.chatKey('held-taken', chatId, windowEnd), this.chatKey('held-released', chatId)],
      [windowEnd, TAKEN_TTL_SECONDS],
    )) as string[];
    const out: { scope?: number; order: AlertOrder }[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const scope = intOrUndefined(/^a(\d+)-/.exec(flat[i]!)?.[1]);
      const order = JSON.parse(flat[i + 1]!) as AlertOrder;
      out.push(scope === undefined ? { order } : { scope, order });
    }
    return out;
  }

  /** The account that fed the chat is gone (or its member left the team): what is held for the chat goes. */
  async forgetChat(chatId: number): Promise<void> {
    await this.redis.del(this.chatKey('held', chatId), this.chatKey('held-released', chatId));
    await deleteMatching(this.redis, `${this.chatKey('held-taken', chatId)}:*`);
    await this.redis.zrem(this.heldDue, chatIdPart(chatId));
    await this.redis.zrem(this.silenceDue, chatIdPart(chatId));
  }

  /**
   * One account stopped feeding a chat that others still feed: what it held there goes (its own fields, and the
   * chat's own ones too when `chatsOwn`: they were that account's).
   */
  async forgetAccount(chatId: number, accountId: number, chatsOwn: boolean): Promise<void> {
    const mine = (field: string) => (/^a\d+-/.test(field) ? field.startsWith(`a${accountId}-`) : chatsOwn);
    const taken: string[] = [];
    for await (const keys of scanKeys(this.redis, `${this.chatKey('held-taken', chatId)}:*`)) taken.push(...keys);
    for (const key of [this.chatKey('held', chatId), ...taken]) {
      const fields = (await this.redis.hkeys(key)).filter(mine);
      if (fields.length > 0) await this.redis.hdel(key, ...fields);
    }
  }

  /** The chat's silence is looked at from `at` (unix s) on; `null` stops looking. */
  async watchSilence(chatId: number, at: number | null): Promise<void> {
    if (at === null) await this.redis.zrem(this.silenceDue, chatIdPart(chatId));
    else await this.redis.zadd(this.silenceDue, at, chatIdPart(chatId));
  }

  async dueSilenceChecks(now: number, limit = 500): Promise<Due[]> {
    return this.due(this.silenceDue, now, limit);
  }

  /** The next look at the chat's silence, unless it stopped watching meanwhile. */
  async nextSilenceCheck(chatId: number, at: number): Promise<void> {
    await this.redis.zadd(this.silenceDue, 'XX', at, chatIdPart(chatId));
  }

  async profile(accountId: string, timeZone: string): Promise<WeekProfile | null> {
    const stored = await this.redis.get(this.profileKey(accountId, timeZone));
    if (stored === null) return null;
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) && parsed.length === 168 && parsed.every((n) => typeof n === 'number') ? parsed : null;
  }

  async saveProfile(accountId: string, timeZone: string, profile: WeekProfile): Promise<void> {
    await this.redis.set(this.profileKey(accountId, timeZone), JSON.stringify(profile), 'EX', PROFILE_TTL_SECONDS);
  }

  private async due(key: string, now: number, limit: number): Promise<Due[]> {
    const flat = await this.redis.zrangebyscore(key, '-inf', now, 'WITHSCORES', 'LIMIT', 0, limit);
    const out: Due[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const chatId = intOrUndefined(flat[i]);
      const at = intOrUndefined(flat[i + 1]);
      if (chatId !== undefined && at !== undefined) out.push({ chatId, at });
    }
    return out;
  }
}
