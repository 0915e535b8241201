// Linked JustClick accounts, keyed by an account id, and each person's list of them. A person's first account
// has their Telegram user id as its id (so accounts linked before several were possible work as they are);
// further ones get ids from 2^52 up, which no Telegram user id reaches. The API key is sealed by the vault
// with AAD `acct:<accountId>:key` (and sealed again under the newest key when read under an older one);
// login, region and the seller's name for the account stay readable for /accounts, /status and logs.
import { randomBytes } from 'node:crypto';
import type { JustClickErrorKind } from '../justclick/errors.js';
import type { Credentials } from '../justclick/types.js';
import { createLogger, type Logger } from '../logger.js';
import { intOrUndefined, userIdPart } from './ids.js';
import { keySpace, type KeySpace } from './keys.js';
import { hsetIfExists, LuaScript } from './lua.js';
import { type Redis, scanKeys } from './redis.js';
import type { Vault } from './vault.js';
import { unixSeconds } from '../domain/justclick.js';
import type { Role } from '../domain/roles.js';
import { LruMap } from '../lru.js';

/**
 * Which JustClick account: a positive safe integer, the owner's Telegram id for their first account. Per-account
 * data (ledger, pages, budgets, schedules, push tokens) is keyed by it, so it must never change.
 */
export type AccountId = number;

/** Ids from here up belong to a person's second and later accounts: Telegram user ids have at most 52 bits. */
const FIRST_EXTRA_ACCOUNT_ID = 2 ** 52;
/** A name longer than this would crowd the buttons and every alert's first line. */
const MAX_ACCOUNT_NAME = 40;

export interface LinkedAccount {
  accountId: AccountId;
  /** The account id under its first name, from when an account was its owner's: same value as accountId. */
  ownerId: AccountId;
  /** The Telegram user who linked the account (its owner). */
  linkedBy: number;
  /** The seller's own name for the account ("Школа йоги"), set with /accounts; absent until then. */
  name?: string;
  creds: Credentials;
  /** Unix seconds, like every time in this record. */
  linkedAt: number;
  lastOkAt?: number;
  lastError?: { kind: JustClickErrorKind; at: number; message: string };
  /** Polling is paused (e.g. JustClick said the key is wrong or the API is switched off) until resumed. */
  pausedAt?: number;
  /** A pause for "limit reached" ends by itself: polling tries again from this time (unix seconds). Absent: until /link. */
  resumeAt?: number;
  /** Limit pauses in a row (each one longer); cleared when a check succeeds again. */
  limitPauses?: number;
  /** The secret part of this account's JustClick notification URL. */
  pushToken?: string;
  lastPushAt?: number;
}

/** What unlink removed, so the caller can clean up chats and schedules fed by the account. */
export interface UnlinkedAccount {
  ownerId: AccountId;
  linkedBy: number;
  login: string;
  pushToken?: string;
}

/**
 * Who besides its owner may use an account: the team (store/team.ts), handed in so that a person's current
 * account may be one they use as a member, and so that the choice lapses the moment that access ends.
 */
export interface TeamAccess {
  roleOf(userId: number, accountId: AccountId): Promise<Role | undefined>;
  /** The accounts the person is a member of, the one joined first first. */
  teamsOf(userId: number): Promise<AccountId[]>;
}

const keyAad = (ownerId: number): string => `acct:${ownerId}:key`;
const PUSH_TOKEN = /^[A-Za-z0-9_-]{32,64}$/;
const MAX_ERROR_MESSAGE = 500;

// Fields that describe the previous credentials' health; a new link starts clean.
const HEALTH_FIELDS = ['lastOkAt', 'errKind', 'errAt', 'errMessage', 'pausedAt', 'resumeAt', 'limitPauses'];

// The account hash is the truth about its push token; the `push:<token>` index (in another cluster slot) only
// points at the owner, and a lookup trusts it only when the hash agrees. So each script below touches the hash
// alone, and the index is written before a token is handed out and deleted after it stops counting: a crash in
// between leaves an index entry that nothing trusts, never a token that does not work.
const unlinkScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local fields = redis.call('HMGET', KEYS[1], 'login', 'pushToken', 'owner')
redis.call('DEL', KEYS[1])
return fields
`);

const ensurePushTokenScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local existing = redis.call('HGET', KEYS[1], 'pushToken')
if existing then return existing end
redis.call('HSET', KEYS[1], 'pushToken', ARGV[1])
return ARGV[1]
`);

// Re-seals only if the record still holds what was read: a /link in between wins.
const resealScript = new LuaScript(`
if redis.call('HGET', KEYS[1], 'key') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'key', ARGV[2])
return 1
`);

// Ends a pause; 1 for the one caller that ended it (the owner is told once), 0 when it was not paused.
const resumeScript = new LuaScript(`
if redis.call('HEXISTS', KEYS[1], 'pausedAt') == 0 then return 0 end
redis.call('HDEL', KEYS[1], 'pausedAt', 'resumeAt', 'limitPauses')
return 1
`);

// The old token stops working in the same step the new one starts (the hash says which one counts):
// no moment with both, none with neither. Returns the old token ('' when there was none).
const renewPushTokenScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local old = redis.call('HGET', KEYS[1], 'pushToken')
redis.call('HSET', KEYS[1], 'pushToken', ARGV[1])
return old or ''
`);

// Only the choice it names: a switch made meanwhile stands.
const forgetChoiceScript = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

const markOkScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'lastOkAt', ARGV[1])
redis.call('HDEL', KEYS[1], 'errKind', 'errAt', 'errMessage')
return 1
`);

/** Keys kept opened in memory: about one per watched account on a replica; past it the least recently read go. */
const OPENED_KEYS = 20_000;

export class AccountStore {
  readonly #redis: Redis;
  readonly #vault: Vault;
  readonly #keys: KeySpace;
  readonly #log: Logger;
  readonly #team: TeamAccess | undefined;
  /**
   * Account id → the sealed key as last read and what it opened to. The poller reads every account every minute;
   * opening (AES-GCM) only when the stored seal differs means a relink, a reseal or an unlink + link is seen at the
   * very next read (the seal has a fresh nonce each time), while an unchanged record costs no decryption (#14).
   */
  readonly #opened = new LruMap<AccountId, { sealed: string; secret: string }>(OPENED_KEYS);

  /** Without `team`, a person's current account is always one of their own. */
  constructor(redis: Redis, vault: Vault, keys: KeySpace | string = 'jcb:', logger: Logger = createLogger('warn'), team?: TeamAccess) {
    this.#redis = redis;
    this.#vault = vault;
    this.#keys = keySpace(keys);
    this.#log = logger.child({ store: 'accounts' });
    this.#team = team;
  }

  #account(ownerId: number): string {
    return this.#keys.account('acct', ownerId);
  }
  #pushIndex(token: string): string {
    return this.#keys.plain('push', token);
  }

  #accountsOf(userId: number): string {
    return this.#keys.user('user-accts', userId);
  }
  #currentOf(userId: number): string {
    return this.#keys.user('user-acct', userId);
  }

  /**
   * Stores (or replaces) an account's credentials; `linkedBy` is its owner when that is not the account id
   * itself (a second account). A push token and a name survive a re-link; health starts clean.
   */
  async link(accountId: AccountId, creds: Credentials, at: number = unixSeconds(new Date()), linkedBy: number = accountId): Promise<void> {
    const key = this.#account(accountId);
    const fields: Record<string, string> = {
      login: creds.login,
      region: creds.region,
      key: this.#vault.seal(creds.key, keyAad(accountId)),
      linkedAt: String(at),
    };
    // A first account needs no owner field: its id is its owner's, as for every account linked before there were several.
    if (linkedBy !== accountId) fields.owner = userIdPart(linkedBy);
    await this.#redis
      .multi()
      .hdel(key, ...HEALTH_FIELDS)
      .hset(key, fields)
      .exec();
  }

  /**
   * /link for a person: the same login again updates that account's key (keeping its id and `linkedAt`), another
   * login is one more account. Either way it becomes the person's current account. `previous` is what was stored
   * for the same login, if anything.
   */
  async add(userId: number, creds: Credentials, at: number = unixSeconds(new Date())): Promise<{ accountId: AccountId; previous: LinkedAccount | null }> {
    const same = (await this.list(userId)).find((a) => a.creds.login === creds.login && a.creds.region === creds.region) ?? null;
    // The first free id is the person's own (also when the record there no longer opens: it is replaced, as before).
    const accountId =
      same?.accountId ?? ((await this.get(userId)) === null ? userId : FIRST_EXTRA_ACCOUNT_ID + (await this.#redis.incr(this.#keys.plain('acct-seq'))));
    // linkedAt bounds which paid orders may be alerted: a new key for the same account must not move it.
    await this.link(accountId, creds, same ? same.linkedAt : at, userId);
    await this.#redis.zadd(this.#accountsOf(userId), 'NX', String(at), String(accountId));
    await this.setCurrent(userId, accountId);
    return { accountId, previous: same };
  }

  /** The person's accounts in the order they linked them; their first one (id = their user id) first. */
  async list(userId: number): Promise<LinkedAccount[]> {
    const ids = (await this.#redis.zrange(this.#accountsOf(userId), '0', '-1')).map((m) => intOrUndefined(m)).filter((id): id is number => id !== undefined);
    // Accounts linked before there were several are in no list: the one under the person's own id counts.
    if (!ids.includes(userId) && (await this.#redis.exists(this.#account(userId))) === 1) ids.unshift(userId);
    const found = (await Promise.all(ids.map((id) => this.get(id)))).filter((a): a is LinkedAccount => a !== null && a.linkedBy === userId);
    // Linked in the same second: the person's own id came first, later ids count up.
    return found.sort((a, b) => a.linkedAt - b.linkedAt || Number(b.accountId === userId) - Number(a.accountId === userId) || a.accountId - b.accountId);
  }

  /**
   * The account the person's commands act on: the one they chose (or linked last) while they may still use it,
   * else their first own account, else the team account they joined first.
   */
  async current(userId: number): Promise<LinkedAccount | null> {
    return (await this.currentChoice(userId)).account;
  }

  /**
   * current(), and the account they had chosen when they may no longer use it (removed from its team): null
   * when the choice stands, or the account is gone altogether. Nothing is changed: forgetChoice() does that.
   */
  async currentChoice(userId: number): Promise<{ account: LinkedAccount | null; lost: LinkedAccount | null }> {
    const chosen = intOrUndefined(await this.#redis.get(this.#currentOf(userId)));
    const account = await this.get(chosen ?? userId);
    if (account && (await this.#mayUse(userId, account))) return { account, lost: null };
    const fallback = (await this.list(userId))[0] ?? (await this.#firstTeamAccount(userId));
    return { account: fallback, lost: chosen !== undefined && account !== null && account.linkedBy !== userId ? account : null };
  }

  /** Forgets the person's choice of this account (when it is still their choice): current() falls back. */
  async forgetChoice(userId: number, accountId: AccountId): Promise<void> {
    await forgetChoiceScript.run(this.#redis, [this.#currentOf(userId)], [String(accountId)]);
  }

  /**
   * Makes an account the person's current one: one of their own, or one they may use through a team. False when
   * they may not use it (or it is not linked).
   */
  async setCurrent(userId: number, accountId: AccountId): Promise<boolean> {
    const account = await this.get(accountId);
    if (!account || !(await this.#mayUse(userId, account))) return false;
    await this.#redis.set(this.#currentOf(userId), String(accountId));
    return true;
  }

  async #mayUse(userId: number, account: LinkedAccount): Promise<boolean> {
    if (account.linkedBy === userId) return true;
    return this.#team !== undefined && (await this.#team.roleOf(userId, account.accountId)) !== undefined;
  }

  async #firstTeamAccount(userId: number): Promise<LinkedAccount | null> {
    for (const accountId of (await this.#team?.teamsOf(userId)) ?? []) {
      const account = await this.get(accountId);
      if (account && (await this.#mayUse(userId, account))) return account;
    }
    return null;
  }

  /** Names the account as the seller calls it; null (or blank) goes back to its login. False when not linked. */
  async rename(accountId: AccountId, name: string | null): Promise<boolean> {
    const clean = name === null ? '' : Array.from(name.replace(/\s+/g, ' ').trim()).slice(0, MAX_ACCOUNT_NAME).join('');
    if (clean === '') {
      if ((await this.#redis.exists(this.#account(accountId))) === 0) return false;
      await this.#redis.hdel(this.#account(accountId), 'name');
      return true;
    }
    return this.#setIfLinked(accountId, { name: clean });
  }

  /** The owner's account with the key decrypted; null when none is linked or the record does not open. */
  async get(ownerId: number): Promise<LinkedAccount | null> {
    return this.fromHash(ownerId, await this.#redis.hgetall(this.#account(ownerId)));
  }

  /** The account as `get` makes it of its hash, read by someone else (the poller reads it with its own marks). */
  async fromHash(ownerId: number, h: Record<string, string>): Promise<LinkedAccount | null> {
    if (!h.login || !h.key) return null;
    if (h.region !== 'ru' && h.region !== 'io') {
      this.#log.warn({ ownerId }, 'stored account has no valid region; treating it as not linked');
      return null;
    }
    let secret: string;
    try {
      secret = this.#open(ownerId, h.key);
    } catch (err) {
      // A key dropped from CREDENTIALS_KEYS too early, or a tampered record: the owner has to /link again.
      this.#log.warn({ ownerId, reason: (err as Error).message }, 'stored key does not decrypt; treating it as not linked');
      return null;
    }
    // Rotation: whatever is read under an older key is sealed again under the newest.
    if (this.#vault.isStale(h.key)) await this.#reseal(ownerId, h.key, secret);
    const account: LinkedAccount = {
      accountId: ownerId,
      ownerId,
      linkedBy: intOrUndefined(h.owner) ?? ownerId,
      creds: { login: h.login, region: h.region, key: secret },
      linkedAt: intOrUndefined(h.linkedAt) ?? 0,
    };
    if (h.name) account.name = h.name;
    const lastOkAt = intOrUndefined(h.lastOkAt);
    if (lastOkAt !== undefined) account.lastOkAt = lastOkAt;
    const errAt = intOrUndefined(h.errAt);
    if (h.errKind && errAt !== undefined) {
      account.lastError = { kind: h.errKind as JustClickErrorKind, at: errAt, message: h.errMessage ?? '' };
    }
    const pausedAt = intOrUndefined(h.pausedAt);
    if (pausedAt !== undefined) account.pausedAt = pausedAt;
    const resumeAt = intOrUndefined(h.resumeAt);
    if (pausedAt !== undefined && resumeAt !== undefined) account.resumeAt = resumeAt;
    const limitPauses = intOrUndefined(h.limitPauses);
    if (pausedAt !== undefined && limitPauses !== undefined) account.limitPauses = limitPauses;
    if (h.pushToken) account.pushToken = h.pushToken;
    const lastPushAt = intOrUndefined(h.lastPushAt);
    if (lastPushAt !== undefined) account.lastPushAt = lastPushAt;
    return account;
  }

  /**
   * Reads every linked account once, so that each key sealed under an older CREDENTIALS_KEYS key is sealed
   * again under the newest (`npm run reseal`). Returns how many records it re-sealed and how many do not open.
   */
  async resealAll(): Promise<{ accounts: number; resealed: number; unreadable: number }> {
    let accounts = 0;
    let resealed = 0;
    let unreadable = 0;
    for await (const keys of scanKeys(this.#redis, this.#keys.accountPattern('acct'))) {
      for (const key of keys) {
        const ownerId = this.#keys.accountIdOf('acct', key);
        if (ownerId === undefined) continue;
        const sealed = await this.#redis.hget(key, 'key');
        if (sealed === null) continue;
        accounts++;
        const stale = this.#vault.isStale(sealed);
        if ((await this.get(ownerId)) === null) unreadable++;
        else if (stale) resealed++;
      }
    }
    return { accounts, resealed, unreadable };
  }

  /** The key sealed in `sealed` for this account: from memory when the same seal was opened before. */
  #open(accountId: AccountId, sealed: string): string {
    const known = this.#opened.get(accountId);
    if (known?.sealed === sealed) return known.secret;
    const secret = this.#vault.open(sealed, keyAad(accountId));
    this.#opened.set(accountId, { sealed, secret });
    return secret;
  }

  async #reseal(ownerId: number, was: string, secret: string): Promise<void> {
    try {
      const done = await resealScript.run(this.#redis, [this.#account(ownerId)], [was, this.#vault.seal(secret, keyAad(ownerId))]);
      if (done === 1) this.#log.info({ ownerId, keyId: this.#vault.newestKeyId }, 'stored key sealed again under the newest CREDENTIALS_KEYS key');
    } catch (err) {
      // The read itself succeeded: the next read tries again.
      this.#log.warn({ ownerId, err: { message: (err as Error).message } }, 'could not seal the stored key again');
    }
  }

  /** Forgets the account and its push token, and takes it off its owner's list. */
  async unlink(ownerId: AccountId): Promise<UnlinkedAccount | null> {
    const reply = (await unlinkScript.run(this.#redis, [this.#account(ownerId)], [])) as [string | null, string | null, string | null] | null;
    this.#opened.delete(ownerId);
    if (!reply) return null;
    const [login, pushToken, owner] = reply;
    if (pushToken) await this.#redis.del(this.#pushIndex(pushToken));
    const linkedBy = intOrUndefined(owner) ?? ownerId;
    await this.#redis.zrem(this.#accountsOf(linkedBy), String(ownerId));
    // The current account gone, the person's commands act on their first remaining one (current() falls back).
    if (intOrUndefined(await this.#redis.get(this.#currentOf(linkedBy))) === ownerId) await this.#redis.del(this.#currentOf(linkedBy));
    const removed: UnlinkedAccount = { ownerId, linkedBy, login: login ?? '' };
    if (pushToken) removed.pushToken = pushToken;
    return removed;
  }

  /** Records a successful JustClick call and clears the last error. False when no account is linked. */
  async markOk(ownerId: number, at: number = unixSeconds(new Date())): Promise<boolean> {
    return (await markOkScript.run(this.#redis, [this.#account(ownerId)], [String(at)])) === 1;
  }

  /** Records a failed call. The message is what the user may see: never put the key in it. */
  async markError(ownerId: number, error: { kind: JustClickErrorKind; message: string }, at: number = unixSeconds(new Date())): Promise<boolean> {
    return this.#setIfLinked(ownerId, {
      errKind: error.kind,
      errAt: String(at),
      errMessage: error.message.slice(0, MAX_ERROR_MESSAGE),
    });
  }

  /**
   * Stops polling the account: until /link without `resume`, else until `resume.at` (unix seconds), `resume.pauses`
   * being how many limit pauses in a row this makes. False when no account is linked.
   */
  async pause(ownerId: number, at: number = unixSeconds(new Date()), resume?: { at: number; pauses: number }): Promise<boolean> {
    if (resume) return this.#setIfLinked(ownerId, { pausedAt: String(at), resumeAt: String(resume.at), limitPauses: String(resume.pauses) });
    const paused = await this.#setIfLinked(ownerId, { pausedAt: String(at) });
    // A pause until /link replaces a limit pause that would have ended by itself.
    if (paused) await this.#redis.hdel(this.#account(ownerId), 'resumeAt', 'limitPauses');
    return paused;
  }

  /** Ends a pause after a successful check; true for exactly one caller, so that the owner is told once. */
  async resume(ownerId: number): Promise<boolean> {
    return (await resumeScript.run(this.#redis, [this.#account(ownerId)], [])) === 1;
  }

  /** The account's push token, made on first use: random 24 bytes, base64url (32 characters). */
  async ensurePushToken(ownerId: number): Promise<string> {
    const candidate = randomBytes(24).toString('base64url');
    const token = await ensurePushTokenScript.run(this.#redis, [this.#account(ownerId)], [candidate]);
    if (typeof token !== 'string') throw new Error(`no JustClick account is linked for owner ${ownerId}`);
    // Written on every call, so an index lost to a crash right after the script is back before the URL is shown.
    await this.#redis.set(this.#pushIndex(token), String(ownerId));
    return token;
  }

  /** A new push token for the account; the old one is revoked at once. Null when no account is linked. */
  async renewPushToken(ownerId: number): Promise<string | null> {
    const candidate = randomBytes(24).toString('base64url');
    await this.#redis.set(this.#pushIndex(candidate), String(ownerId));
    const old = await renewPushTokenScript.run(this.#redis, [this.#account(ownerId)], [candidate]);
    if (typeof old !== 'string') {
      await this.#redis.del(this.#pushIndex(candidate));
      return null;
    }
    if (old !== '') await this.#redis.del(this.#pushIndex(old));
    return candidate;
  }

  /** Who a JustClick notification URL belongs to; null for unknown or malformed tokens. */
  async ownerByPushToken(token: string): Promise<number | null> {
    if (!PUSH_TOKEN.test(token)) return null;
    const ownerId = intOrUndefined(await this.#redis.get(this.#pushIndex(token)));
    if (ownerId === undefined || ownerId <= 0) return null;
    // The index may outlive the token by a crash (see the scripts above): the account hash decides.
    return (await this.#redis.hget(this.#account(ownerId), 'pushToken')) === token ? ownerId : null;
  }

  async markPush(ownerId: number, at: number = unixSeconds(new Date())): Promise<boolean> {
    return this.#setIfLinked(ownerId, { lastPushAt: String(at) });
  }

  async #setIfLinked(ownerId: number, fields: Record<string, string>): Promise<boolean> {
    const args = Object.entries(fields).flat();
    return (await hsetIfExists.run(this.#redis, [this.#account(ownerId)], args)) === 1;
  }
}
