// Per-chat settings (language, time zone, whose account feeds the chat, alerts, digest, reports, goal, live card) and per-user
// preferences. A hash per chat; a set per owner lists the chats that owner's account feeds.
import { parseAlertPrefs, serializeAlertPrefs, type AlertPrefs } from '../domain/alert-prefs.js';
import { isLang, type Lang } from '../domain/i18n/lang.js';
import { chatIdPart, intOrUndefined, userIdPart } from './ids.js';
import { keySpace, type KeySpace } from './keys.js';
import { LuaScript } from './lua.js';
import type { Redis } from './redis.js';
import { unixSeconds } from '../domain/justclick.js';

export interface ChatSettings {
  lang?: Lang;
  timeZone?: string;
  /** Whose linked account feeds this chat. */
  ownerId?: number;
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

/** Fields present are set; `null` removes a setting; absent fields are left alone. */
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

// The chat's hash says whose account feeds it; the owner's set of chats (in the owner's cluster slot, not the
// chat's) is an index kept in step around each script: a chat is added to the new owner's set before the hash
// names that owner and removed from the old one's after, so a crash in between leaves an extra member, which
// forOwner checks against the hash, and never a fed chat missing from the index.

// KEYS[1] chat hash. ARGV: owner ('' untouched, '-' removed, else id), n, then n field/value pairs, then the
// fields to delete. Returns the owner before ('' for none) and the chat's hash as it now is.
const updateScript = new LuaScript(`
local chat, owner = KEYS[1], ARGV[1]
local old = redis.call('HGET', chat, 'ownerId') or ''
if owner == '-' then
  redis.call('HDEL', chat, 'ownerId')
elseif owner ~= '' then
  redis.call('HSET', chat, 'ownerId', owner)
end
local n = tonumber(ARGV[2])
if n > 0 then redis.call('HSET', chat, unpack(ARGV, 3, 2 + 2 * n)) end
if #ARGV > 2 + 2 * n then redis.call('HDEL', chat, unpack(ARGV, 3 + 2 * n, #ARGV)) end
return {old, redis.call('HGETALL', chat)}
`);

// Returns whether the hash existed and the owner it named ('' for none).
const deleteScript = new LuaScript(`
local owner = redis.call('HGET', KEYS[1], 'ownerId') or ''
return {redis.call('DEL', KEYS[1]), owner}
`);

// Group → supergroup, the new chat's half: it keeps what it already has (it may have been configured in the
// meantime) and takes the rest. KEYS[1] new hash; ARGV field/value pairs. Returns the owner it now names.
const adoptScript = new LuaScript(`
for i = 1, #ARGV, 2 do redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]) end
return redis.call('HGET', KEYS[1], 'ownerId') or ''
`);

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

  /**
   * Takes the chat out of a former owner's set. Another update may have just made that owner the chat's owner
   * again (its add came before this remove): the hash is read once more and, if so, the chat goes back in.
   */
  async #unlist(formerOwner: string, chatId: number): Promise<void> {
    await this.#redis.srem(this.#byOwner(formerOwner), chatIdPart(chatId));
    if ((await this.#redis.hget(this.#chat(chatId), 'ownerId')) === formerOwner) {
      await this.#redis.sadd(this.#byOwner(formerOwner), chatIdPart(chatId));
    }
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
    for (const name of Object.keys(patch) as (keyof ChatSettings)[]) {
      const value = patch[name];
      if (value === undefined) continue;
      if (value === null) {
        if (name === 'ownerId') owner = '-';
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
    if (owner !== '' && owner !== '-') await this.#redis.sadd(this.#byOwner(owner), chatIdPart(chatId));
    const [before, flat] = (await updateScript.run(this.#redis, [this.#chat(chatId)], [owner, set.length / 2, ...set, ...del])) as [string, string[]];
    if (owner !== '' && before !== '' && before !== owner) await this.#unlist(before, chatId);
    const h: Record<string, string> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) h[flat[i]!] = flat[i + 1]!;
    return parseChat(h);
  }

  /** Forgets a chat's settings. True when there were any. */
  async delete(chatId: number): Promise<boolean> {
    const [removed, owner] = (await deleteScript.run(this.#redis, [this.#chat(chatId)], [])) as [number, string];
    if (owner !== '') await this.#unlist(owner, chatId);
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
    const owner = (await this.#redis.hget(this.#chat(toChatId), 'ownerId')) ?? old.ownerId;
    if (owner !== undefined) await this.#redis.sadd(this.#byOwner(owner), chatIdPart(toChatId));
    const adopted = (await adoptScript.run(this.#redis, [this.#chat(toChatId)], carried.flat())) as string;
    // Someone set the new chat's owner in between: list it there too (forOwner checks the hash anyway).
    if (adopted !== '' && adopted !== owner) await this.#redis.sadd(this.#byOwner(adopted), chatIdPart(toChatId));
    await this.delete(fromChatId);
    return true;
  }

  /** Chats fed by this owner's account (the set, each member checked against the chat's hash). */
  async forOwner(ownerId: number): Promise<number[]> {
    const members = (await this.#redis.smembers(this.#byOwner(ownerId))).map((m) => intOrUndefined(m)).filter((id): id is number => id !== undefined);
    const owners = await Promise.all(members.map((id) => this.#redis.hget(this.#chat(id), 'ownerId')));
    return members.filter((_, i) => owners[i] === String(ownerId));
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
  const ownerId = intOrUndefined(h.ownerId);
  if (ownerId !== undefined) s.ownerId = ownerId;
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
