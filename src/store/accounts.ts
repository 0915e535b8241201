// Linked JustClick accounts, keyed by the Telegram user who linked them (the owner). The API key is sealed
// by the vault with AAD `acct:<ownerId>:key` (and sealed again under the newest key when read under an older
// one); login and region stay readable for /status and logs.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { JustClickErrorKind } from '../justclick/errors.js';
import type { Credentials } from '../justclick/types.js';
import { createLogger, type Logger } from '../logger.js';
import { intOrUndefined, userIdPart } from './ids.js';
import { hsetIfExists, LuaScript } from './lua.js';
import type { Vault } from './vault.js';
import { unixSeconds } from '../domain/justclick.js';

export interface LinkedAccount {
  ownerId: number;
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
  ownerId: number;
  login: string;
  pushToken?: string;
}

const keyAad = (ownerId: number): string => `acct:${ownerId}:key`;
const PUSH_TOKEN = /^[A-Za-z0-9_-]{32,64}$/;
const MAX_ERROR_MESSAGE = 500;

// Fields that describe the previous credentials' health; a new link starts clean.
const HEALTH_FIELDS = ['lastOkAt', 'errKind', 'errAt', 'errMessage', 'pausedAt', 'resumeAt', 'limitPauses'];

const unlinkScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local fields = redis.call('HMGET', KEYS[1], 'login', 'pushToken')
if fields[2] then redis.call('DEL', ARGV[1] .. fields[2]) end
redis.call('DEL', KEYS[1])
return fields
`);

const ensurePushTokenScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local existing = redis.call('HGET', KEYS[1], 'pushToken')
if existing then return existing end
redis.call('HSET', KEYS[1], 'pushToken', ARGV[1])
redis.call('SET', ARGV[2] .. ARGV[1], ARGV[3])
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

// The old token stops working in the same step the new one starts: no moment with both, none with neither.
const renewPushTokenScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local old = redis.call('HGET', KEYS[1], 'pushToken')
if old then redis.call('DEL', ARGV[2] .. old) end
redis.call('HSET', KEYS[1], 'pushToken', ARGV[1])
redis.call('SET', ARGV[2] .. ARGV[1], ARGV[3])
return ARGV[1]
`);

const markOkScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'lastOkAt', ARGV[1])
redis.call('HDEL', KEYS[1], 'errKind', 'errAt', 'errMessage')
return 1
`);

export class AccountStore {
  readonly #redis: Redis;
  readonly #vault: Vault;
  readonly #prefix: string;
  readonly #log: Logger;

  constructor(redis: Redis, vault: Vault, prefix = 'jcb:', logger: Logger = createLogger('warn')) {
    this.#redis = redis;
    this.#vault = vault;
    this.#prefix = prefix;
    this.#log = logger.child({ store: 'accounts' });
  }

  #account(ownerId: number): string {
    return `${this.#prefix}acct:${userIdPart(ownerId)}`;
  }
  get #pushPrefix(): string {
    return `${this.#prefix}push:`;
  }

  /** Stores (or replaces) the owner's credentials. A push token survives a re-link; health starts clean. */
  async link(ownerId: number, creds: Credentials, at: number = unixSeconds(new Date())): Promise<void> {
    const key = this.#account(ownerId);
    await this.#redis
      .multi()
      .hdel(key, ...HEALTH_FIELDS)
      .hset(key, {
        login: creds.login,
        region: creds.region,
        key: this.#vault.seal(creds.key, keyAad(ownerId)),
        linkedAt: String(at),
      })
      .exec();
  }

  /** The owner's account with the key decrypted; null when none is linked or the record does not open. */
  async get(ownerId: number): Promise<LinkedAccount | null> {
    const h = await this.#redis.hgetall(this.#account(ownerId));
    if (!h.login || !h.key) return null;
    if (h.region !== 'ru' && h.region !== 'io') {
      this.#log.warn({ ownerId }, 'stored account has no valid region; treating it as not linked');
      return null;
    }
    let secret: string;
    try {
      secret = this.#vault.open(h.key, keyAad(ownerId));
    } catch (err) {
      // A key dropped from CREDENTIALS_KEYS too early, or a tampered record: the owner has to /link again.
      this.#log.warn({ ownerId, reason: (err as Error).message }, 'stored key does not decrypt; treating it as not linked');
      return null;
    }
    // Rotation: whatever is read under an older key is sealed again under the newest.
    if (this.#vault.isStale(h.key)) await this.#reseal(ownerId, h.key, secret);
    const account: LinkedAccount = {
      ownerId,
      creds: { login: h.login, region: h.region, key: secret },
      linkedAt: intOrUndefined(h.linkedAt) ?? 0,
    };
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
    let cursor = '0';
    do {
      const [next, keys] = await this.#redis.scan(cursor, 'MATCH', `${this.#prefix}acct:*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const ownerId = intOrUndefined(key.slice(`${this.#prefix}acct:`.length));
        if (ownerId === undefined || ownerId <= 0) continue;
        const sealed = await this.#redis.hget(key, 'key');
        if (sealed === null) continue;
        accounts++;
        const stale = this.#vault.isStale(sealed);
        if ((await this.get(ownerId)) === null) unreadable++;
        else if (stale) resealed++;
      }
    } while (cursor !== '0');
    return { accounts, resealed, unreadable };
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

  /** Forgets the account and its push token. */
  async unlink(ownerId: number): Promise<UnlinkedAccount | null> {
    const reply = (await unlinkScript.run(this.#redis, [this.#account(ownerId)], [this.#pushPrefix])) as [string | null, string | null] | null;
    if (!reply) return null;
    const [login, pushToken] = reply;
    const removed: UnlinkedAccount = { ownerId, login: login ?? '' };
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
    const token = await ensurePushTokenScript.run(this.#redis, [this.#account(ownerId)], [candidate, this.#pushPrefix, userIdPart(ownerId)]);
    if (typeof token !== 'string') throw new Error(`no JustClick account is linked for owner ${ownerId}`);
    return token;
  }

  /** A new push token for the account; the old one is revoked at once. Null when no account is linked. */
  async renewPushToken(ownerId: number): Promise<string | null> {
    const candidate = randomBytes(24).toString('base64url');
    const token = await renewPushTokenScript.run(this.#redis, [this.#account(ownerId)], [candidate, this.#pushPrefix, userIdPart(ownerId)]);
    return typeof token === 'string' ? token : null;
  }

  /** Who a JustClick notification URL belongs to; null for unknown or malformed tokens. */
  async ownerByPushToken(token: string): Promise<number | null> {
    if (!PUSH_TOKEN.test(token)) return null;
    return intOrUndefined(await this.#redis.get(`${this.#pushPrefix}${token}`)) ?? null;
  }

  async markPush(ownerId: number, at: number = unixSeconds(new Date())): Promise<boolean> {
    return this.#setIfLinked(ownerId, { lastPushAt: String(at) });
  }

  async #setIfLinked(ownerId: number, fields: Record<string, string>): Promise<boolean> {
    const args = Object.entries(fields).flat();
    return (await hsetIfExists.run(this.#redis, [this.#account(ownerId)], args)) === 1;
  }
}
