// Per-chat settings (language, time zone, whose accounts feed the chat, alerts, digest, reports, goal, live card) and
// per-user preferences. A hash per chat; a set per account lists the chats that account feeds.
import { parseAlertPrefs, serializeAlertPrefs, type AlertPrefs } from '../domain/alert-prefs.js';
import { isLang, type Lang } from '../domain/i18n/lang.js';
import { chatIdPart, intOrUndefined, userIdPart } from './ids.js';
import { keySpace, type KeySpace } from './keys.js';
import { BatchedScript, hashOfReply, LuaScript } from './lua.js';
import type { Redis } from './redis.js';
import { unixSeconds } from '../domain/justclick.js';

export interface ChatSettings {
  lang?: Lang;
  timeZone?: string;
  /** The account that feeds this chat (the first, or primary, one when several do). */
  ownerId?: number;
  /** Further accounts whose alerts come to this chat too, in the order they were added (never the primary). */
  feeds?: number[];
  /**
   * Set (by the store) once the chat's first primary account stops being its primary: from then on every account's
   * alert records in the chat (ledger, sent marks, job ids) name that account, none taking over another's.
   */
  recordsByAccount?: true;
  /** In a group or channel: the admin who bound it to the account, and when (unix s); re-checked over time. */
  binding?: { by: number; at: number };
  /** `since` (unix s): orders paid before it are never alerted, so switching alerts on does not flood. */
  alerts?: { on: boolean; since: number };
  /** Filters, quiet hours and the silence alert (/alerts settings); absent means every paid order, any time. */
  alertPrefs?: AlertPrefs;
  /** Local time of the daily digest, `HH:MM`. */
  digest?: { time: string };
  /** Local time of the Monday report on last week, `HH:MM`. */
  weeklyReport?: { time: string };
  /** Local time of the report on last month, sent on the 1st, `HH:MM`. */
  monthlyReport?: { time: string };
  /** The monthly revenue goal, in minor units. */
  goal?: { amount: number };
  /** The pinned "today so far" card (/pin): the message kept up to date. */
  liveCard?: { messageId: number };
  /** Set when Telegram said the chat is gone (blocked, kicked); deliveries stop until cleared. */
  inactive?: { reason: string; at: number };
}

/**
 * Fields present are set; `null` removes a setting; absent fields are left alone. A new `ownerId` replaces the
 * primary (the account it replaces no longer feeds the chat); `ownerId: null` removes it, the next one taking its
 * place. `addFeed`/`removeFeed` change one account without touching the others.
 */
export type ChatPatch = { [K in keyof ChatSettings]?: ChatSettings[K] | null };

export interface UserPrefs {
  lang?: Lang;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

// Hash fields of each setting; a setting spread over several fields is removed as a whole.
const FIELDS: Record<keyof ChatSettings, string[]> = {
  lang: ['lang'],
  timeZone: ['timeZone'],
  ownerId: ['ownerId'],
  feeds: ['feeds'],
  recordsByAccount: ['recordsByAccount'],
  binding: ['boundBy', 'boundAt'],
  alerts: ['alertsOn', 'alertsSince'],
  alertPrefs: ['alertPrefs'],
  digest: ['digestTime'],
  weeklyReport: ['weeklyReportTime'],
  monthlyReport: ['monthlyReportTime'],
  goal: ['goalAmount'],
  liveCard: ['liveCardMessage'],
  inactive: ['inactiveReason', 'inactiveAt'],
};

/** Every account that feeds the chat: the primary first, then the others in the order added; [] when none. */
/** A chat an account feeds and its settings as read. */
export type FedChat = readonly [chatId: number, settings: ChatSettings];

export function chatAccounts(chat: ChatSettings): number[] {
  const all = chat.ownerId === undefined ? [] : [chat.ownerId];
  for (const id of chat.feeds ?? []) if (!all.includes(id)) all.push(id);
  return all;
}

// The chat's hash says which accounts feed it; each account's set of chats (in that account's cluster slot, not the
// chat's) is an index kept in step around each script: a chat is added to a new account's set before the hash names
// that account and removed from a former one's after, so a crash in between leaves an extra member, which forOwner
// checks against the hash, and never a fed chat missing from the index.

// KEYS[1] chat hash. ARGV: the primary ('' untouched, '-' removed, else id); the others ('' untouched, '=a,b'
// replaced, '+id' one more account, '-id' one account fewer, the primary included); n, then n field/value pairs,
// then the fields to delete. Without a primary the first of the others becomes it. When the primary changes, the
// chat's alert records stop being the primary's (recordsByAccount). Returns the accounts before (primary first) and
// the chat's hash as it now is.
const updateScript = new LuaScript(`
local chat, ownerOp, feedOp = KEYS[1], ARGV[1], ARGV[2]
local function split(s)
  local t = {}
  for id in string.gmatch(s or '', '[^,]+') do t[#t + 1] = id end
  return t
end
local owner = redis.call('HGET', chat, 'ownerId') or ''
local primary = owner
local feeds = split(redis.call('HGET', chat, 'feeds'))
local before = {}
if owner ~= '' then before[1] = owner end
for _, f in ipairs(feeds) do before[#before + 1] = f end
if ownerOp == '-' then owner = '' elseif ownerOp ~= '' then owner = ownerOp end
local op, arg = string.sub(feedOp, 1, 1), string.sub(feedOp, 2)
if op == '=' then
  feeds = split(arg)
elseif op == '+' then
  feeds[#feeds + 1] = arg
elseif op == '-' then
  if owner == arg then owner = '' end
  local kept = {}
  for _, f in ipairs(feeds) do if f ~= arg then kept[#kept + 1] = f end end
  feeds = kept
end
local seen, rest = {}, {}
if owner ~= '' then seen[owner] = true end
for _, f in ipairs(feeds) do
  if not seen[f] then seen[f] = true; rest[#rest + 1] = f end
end
if owner == '' and #rest > 0 then owner = table.remove(rest, 1) end
if owner == '' then redis.call('HDEL', chat, 'ownerId') else redis.call('HSET', chat, 'ownerId', owner) end
if primary ~= '' and owner ~= primary then redis.call('HSET', chat, 'recordsByAccount', '1') end
if #rest == 0 then redis.call('HDEL', chat, 'feeds') else redis.call('HSET', chat, 'feeds', table.concat(rest, ',')) end
local n = tonumber(ARGV[3])
if n > 0 then redis.call('HSET', chat, unpack(ARGV, 4, 3 + 2 * n)) end
if #ARGV > 3 + 2 * n then redis.call('HDEL', chat, unpack(ARGV, 4 + 2 * n, #ARGV)) end
return {before, redis.call('HGETALL', chat)}
`);

// Returns whether the hash existed and the accounts it named (as stored: the primary, then the others).
const deleteScript = new LuaScript(`
local named = redis.call('HMGET', KEYS[1], 'ownerId', 'feeds')
return {redis.call('DEL', KEYS[1]), named[1] or '', named[2] or ''}
`);

// Group → supergroup, the new chat's half: it keeps what it already has (it may have been configured in the
// meantime) and takes the rest. KEYS[1] new hash; ARGV field/value pairs. Returns the accounts it now names.
const adoptScript = new LuaScript(`
for i = 1, #ARGV, 2 do redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]) end
local named = redis.call('HMGET', KEYS[1], 'ownerId', 'feeds')
return {named[1] or '', named[2] or ''}
`);

/** The accounts named by a hash's `ownerId` and `feeds` fields, primary first. */
function namedIn(ownerId: string | null | undefined, feeds: string | null | undefined): number[] {
  return chatAccounts({ ...parseOwner(ownerId), ...parseFeeds(feeds) });
}

// A chat's settings as `get` reads them, batched: the poller reads the chats of the checks finished together, which on
// one Redis then leave as one command (#14).
const readChat = new BatchedScript(`return redis.call('HGETALL', K[1])`);

export class ChatStore {
  readonly #redis: Redis;
  readonly #keys: KeySpace;

  constructor(redis: Redis, keys: KeySpace | string = 'jcb:') {
    this.#redis = redis;
    this.#keys = keySpace(keys);
  }

  #chat(chatId: number): string {
    return this.#keys.chat('chat', chatId);
  }
  #byOwner(ownerId: number | string): string {
    return this.#keys.account('chat:by-owner', Number(ownerId));
  }
  #user(userId: number): string {
    return this.#keys.user('user', userId);
  }

  /** The accounts the chat's hash names right now, primary first. */
  async #named(chatId: number): Promise<number[]> {
    const [ownerId, feeds] = await this.#redis.hmget(this.#chat(chatId), 'ownerId', 'feeds');
    return namedIn(ownerId, feeds);
  }

  /**
   * Takes the chat out of a former account's set. Another update may have just made that account feed the chat
   * again (its add came before this remove): the hash is read once more and, if so, the chat goes back in.
   */
  async #unlist(former: number, chatId: number): Promise<void> {
    await this.#redis.srem(this.#byOwner(former), chatIdPart(chatId));
    if ((await this.#named(chatId)).includes(former)) await this.#redis.sadd(this.#byOwner(former), chatIdPart(chatId));
  }

  /**
   * Runs the update script: the chat goes into the sets of the accounts it is about to name first, and out of
   * those it no longer names after.
   */
  async #apply(chatId: number, ownerOp: string, feedOp: string, set: string[], del: string[]): Promise<ChatSettings> {
    const named = [ownerOp, ...(feedOp.startsWith('=') || feedOp.startsWith('+') ? feedOp.slice(1).split(',') : [])]
      .map((id) => intOrUndefined(id))
      .filter((id): id is number => id !== undefined);
    for (const id of named) await this.#redis.sadd(this.#byOwner(id), chatIdPart(chatId));
    const [before, flat] = (await updateScript.run(this.#redis, [this.#chat(chatId)], [ownerOp, feedOp, set.length / 2, ...set, ...del])) as [
      string[],
      string[],
    ];
    const after = parseChat(hashOfReply(flat));
    const now = chatAccounts(after);
    for (const id of before.map((b) => intOrUndefined(b))) if (id !== undefined && !now.includes(id)) await this.#unlist(id, chatId);
    return after;
  }

  /** The chat's settings; `{}` for a chat never configured. */
  async get(chatId: number): Promise<ChatSettings> {
    return parseChat(await this.#redis.hgetall(this.#chat(chatId)));
  }

  /** Applies a patch atomically and returns the settings that result. */
  async update(chatId: number, patch: ChatPatch): Promise<ChatSettings> {
    const set: string[] = [];
    const del: string[] = [];
    let owner = '';
    let feeds = '';
    for (const name of Object.keys(patch) as (keyof ChatSettings)[]) {
      const value = patch[name];
      if (value === undefined) continue;
      if (value === null) {
        if (name === 'ownerId') owner = '-';
        else if (name === 'feeds') feeds = '=';
        else del.push(...FIELDS[name]);
        continue;
      }
      switch (name) {
        case 'lang':
          if (!isLang(value as string)) throw new TypeError(`unknown language: ${String(value)}`);
          set.push('lang', value as string);
          break;
        case 'timeZone':
          set.push('timeZone', value as string);
          break;
        case 'ownerId':
          owner = userIdPart(value as number);
          break;
        case 'feeds':
          feeds = `=${(value as number[]).map(userIdPart).join(',')}`;
          break;
        case 'recordsByAccount':
          set.push('recordsByAccount', '1');
          break;
        case 'binding': {
          const b = value as NonNullable<ChatSettings['binding']>;
          set.push('boundBy', userIdPart(b.by), 'boundAt', String(Math.floor(b.at)));
          break;
        }
        case 'alerts': {
          const a = value as NonNullable<ChatSettings['alerts']>;
          set.push('alertsOn', a.on ? '1' : '0', 'alertsSince', String(Math.floor(a.since)));
          break;
        }
        case 'alertPrefs':
          set.push('alertPrefs', serializeAlertPrefs(value as AlertPrefs));
          break;
        case 'digest': {
          const d = value as NonNullable<ChatSettings['digest']>;
          if (!HHMM.test(d.time)) throw new TypeError(`digest time must be HH:MM, got ${d.time}`);
          set.push('digestTime', d.time);
          break;
        }
        case 'weeklyReport':
        case 'monthlyReport': {
          const d = value as { time: string };
          if (!HHMM.test(d.time)) throw new TypeError(`report time must be HH:MM, got ${d.time}`);
          set.push(FIELDS[name][0]!, d.time);
          break;
        }
        case 'goal': {
          const g = value as NonNullable<ChatSettings['goal']>;
          if (!Number.isSafeInteger(g.amount) || g.amount <= 0) throw new TypeError(`a goal must be a positive whole number of minor units, got ${g.amount}`);
          set.push('goalAmount', String(g.amount));
          break;
        }
        case 'liveCard': {
          const c = value as NonNullable<ChatSettings['liveCard']>;
          set.push('liveCardMessage', String(c.messageId));
          break;
        }
        case 'inactive': {
          const i = value as NonNullable<ChatSettings['inactive']>;
          set.push('inactiveReason', i.reason, 'inactiveAt', String(Math.floor(i.at)));
          break;
        }
      }
    }
    return this.#apply(chatId, owner, feeds, set, del);
  }

  /**
   * One more account feeds the chat: it becomes the primary when there is none, else it comes after the others
   * (nothing changes when it already feeds the chat). Returns the settings that result.
   */
  async addFeed(chatId: number, accountId: number): Promise<ChatSettings> {
    return this.#apply(chatId, '', `+${userIdPart(accountId)}`, [], []);
  }

  /**
   * The account no longer feeds the chat (unlinked, access lost, its alerts stopped there); the others stay. When
   * it was the primary, the next one becomes the primary. Returns the settings that result.
   */
  async removeFeed(chatId: number, accountId: number): Promise<ChatSettings> {
    return this.#apply(chatId, '', `-${userIdPart(accountId)}`, [], []);
  }

  /** Forgets a chat's settings. True when there were any. */
  async delete(chatId: number): Promise<boolean> {
    const [removed, owner, feeds] = (await deleteScript.run(this.#redis, [this.#chat(chatId)], [])) as [number, string, string];
    for (const id of namedIn(owner, feeds)) await this.#unlist(id, chatId);
    return removed === 1;
  }

  /**
   * Moves settings when a group becomes a supergroup (Telegram's migrate_to_chat_id); the old chat's "gone" mark
   * is not carried over. Two chats are two cluster slots: the new one is filled first and the old one deleted
   * after, so a crash in between is mended by the next migrate (Telegram keeps saying the group moved).
   */
  async migrate(fromChatId: number, toChatId: number): Promise<boolean> {
    const old = await this.#redis.hgetall(this.#chat(fromChatId));
    if (Object.keys(old).length === 0) return false;
    const carried = Object.entries(old).filter(([f]) => f !== 'inactiveReason' && f !== 'inactiveAt');
    const listed = new Set([...(await this.#named(toChatId)), ...namedIn(old.ownerId, old.feeds)]);
    for (const id of listed) await this.#redis.sadd(this.#byOwner(id), chatIdPart(toChatId));
    const [owner, feeds] = (await adoptScript.run(this.#redis, [this.#chat(toChatId)], carried.flat())) as [string, string];
    // Someone set the new chat's accounts in between: list it there too (forOwner checks the hash anyway).
    for (const id of namedIn(owner, feeds)) if (!listed.has(id)) await this.#redis.sadd(this.#byOwner(id), chatIdPart(toChatId));
    await this.delete(fromChatId);
    return true;
  }

  /**
   * The chats this account feeds, with their settings: forOwner and get in one read of each chat hash (the poller
   * reads them at every check, #14).
   */
  async fedBy(ownerId: number): Promise<FedChat[]> {
    return this.fedAmong(ownerId, await this.#redis.smembers(this.#byOwner(ownerId)));
  }

  /**
   * As fedBy, from members of the account's set read earlier (the poller reads them with the rest of its check's
   * start, #14): each chat's settings are read now, and only the chats that still name the account are kept.
   */
  async fedAmong(ownerId: number, listed: readonly string[]): Promise<FedChat[]> {
    const members = listed.map((m) => intOrUndefined(m)).filter((id): id is number => id !== undefined);
    const settings = await Promise.all(members.map(async (id) => parseChat(hashOfReply((await readChat.run(this.#redis, [this.#chat(id)], [])) as string[]))));
    return members.flatMap((id, i) => (chatAccounts(settings[i]!).includes(ownerId) ? [[id, settings[i]!] as const] : []));
  }

  /** The set of chats an account feeds (fedBy reads it; on a cluster it shares the account's slot). */
  feedsKey(ownerId: number): string {
    return this.#byOwner(ownerId);
  }

  /** Chats this account feeds, as the primary or a further one (the set, each member checked against the chat's hash). */
  async forOwner(ownerId: number): Promise<number[]> {
    const members = (await this.#redis.smembers(this.#byOwner(ownerId))).map((m) => intOrUndefined(m)).filter((id): id is number => id !== undefined);
    const named = await Promise.all(members.map((id) => this.#named(id)));
    return members.filter((_, i) => named[i]!.includes(ownerId));
  }

  /** Telegram said the chat is gone (403, chat not found): remember why, so deliveries stop. */
  async markInactive(chatId: number, reason: string, at: number = unixSeconds(new Date())): Promise<void> {
    await this.update(chatId, { inactive: { reason, at } });
  }

  async getUser(userId: number): Promise<UserPrefs> {
    const lang = await this.#redis.hget(this.#user(userId), 'lang');
    return isLang(lang) ? { lang } : {};
  }

  async updateUser(userId: number, patch: { lang?: Lang | null }): Promise<UserPrefs> {
    const key = this.#user(userId);
    if (patch.lang === null) await this.#redis.hdel(key, 'lang');
    else if (patch.lang !== undefined) {
      if (!isLang(patch.lang)) throw new TypeError(`unknown language: ${String(patch.lang)}`);
      await this.#redis.hset(key, 'lang', patch.lang);
    }
    return this.getUser(userId);
  }
}

function parseChat(h: Record<string, string>): ChatSettings {
  const s: ChatSettings = {};
  if (isLang(h.lang)) s.lang = h.lang;
  if (h.timeZone) s.timeZone = h.timeZone;
  Object.assign(s, parseOwner(h.ownerId), parseFeeds(h.feeds, intOrUndefined(h.ownerId)));
  if (h.recordsByAccount === '1') s.recordsByAccount = true;
  const boundBy = intOrUndefined(h.boundBy);
  const boundAt = intOrUndefined(h.boundAt);
  if (boundBy !== undefined && boundAt !== undefined) s.binding = { by: boundBy, at: boundAt };
  const since = intOrUndefined(h.alertsSince);
  if (h.alertsOn !== undefined && since !== undefined) s.alerts = { on: h.alertsOn === '1', since };
  const prefs = parseAlertPrefs(h.alertPrefs);
  if (Object.keys(prefs).length > 0) s.alertPrefs = prefs;
  if (h.digestTime && HHMM.test(h.digestTime)) s.digest = { time: h.digestTime };
  if (h.weeklyReportTime && HHMM.test(h.weeklyReportTime)) s.weeklyReport = { time: h.weeklyReportTime };
  if (h.monthlyReportTime && HHMM.test(h.monthlyReportTime)) s.monthlyReport = { time: h.monthlyReportTime };
  const goal = intOrUndefined(h.goalAmount);
  if (goal !== undefined && goal > 0) s.goal = { amount: goal };
  const card = intOrUndefined(h.liveCardMessage);
  if (card !== undefined) s.liveCard = { messageId: card };
  const inactiveAt = intOrUndefined(h.inactiveAt);
  if (h.inactiveReason !== undefined && inactiveAt !== undefined) s.inactive = { reason: h.inactiveReason, at: inactiveAt };
  return s;
}

function parseOwner(value: string | null | undefined): Pick<ChatSettings, 'ownerId'> {
  const ownerId = intOrUndefined(value);
  return ownerId === undefined ? {} : { ownerId };
}

/** `feeds` as stored (comma-separated ids), without the primary or repeats. */
function parseFeeds(value: string | null | undefined, ownerId?: number): Pick<ChatSettings, 'feeds'> {
  const feeds: number[] = [];
  for (const part of (value ?? '').split(',')) {
    const id = intOrUndefined(part);
    if (id !== undefined && id > 0 && id !== ownerId && !feeds.includes(id)) feeds.push(id);
  }
  return feeds.length === 0 ? {} : { feeds };
}
