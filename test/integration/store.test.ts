// The Redis store against a real redis-server: accounts (sealed keys, push tokens), chat settings, flows, update de-dup.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Cluster } from 'ioredis';
import { createLogger } from '../../src/logger.js';
import { AccountStore } from '../../src/store/accounts.js';
import { chatAccounts, ChatStore } from '../../src/store/chats.js';
import { FlowStore } from '../../src/store/flows.js';
import { createRedis, quitRedis, type Redis } from '../../src/store/redis.js';
import { UpdateLog } from '../../src/store/updates.js';
import { Vault, vaultKeyId } from '../../src/store/vault.js';
import { loadConfig } from '../../src/config.js';
import { describeRedis, freshPrefix, redisUrl } from '../support/redis.js';

const creds = { login: 'shop', region: 'ru' as const, key: 'c9f1e0a7b3d24f5e8a6b1c0d9e8f7a6b' };

describeRedis('store', () => {
  let redis: Redis;
  const logLines: string[] = [];
  const logger = createLogger('warn', { write: (line: string) => void logLines.push(line) });
  const vault = new Vault(randomBytes(32));

  beforeAll(() => {
    redis = createRedis(redisUrl!, { logger, name: 'test' });
  });
  afterAll(async () => {
    await quitRedis(redis);
  });

  async function keysUnder(prefix: string): Promise<string[]> {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      found.push(...keys);
    } while (cursor !== '0');
    return found.sort();
  }

  describeRedis('AccountStore', () => {
    it('links an account and gives the key back decrypted, while Redis holds it only sealed', async () => {
      const prefix = freshPrefix('acct');
      const accounts = new AccountStore(redis, vault, prefix, logger);
      await accounts.link(42, creds, 1_700_000_000);
      expect(await accounts.get(42)).toEqual({ accountId: 42, ownerId: 42, linkedBy: 42, creds, linkedAt: 1_700_000_000 });
      const raw = await redis.hgetall(`${prefix}acct:42`);
      expect(raw.login).toBe('shop');
      expect(raw.key).toMatch(/^v2\./);
      expect(JSON.stringify(raw)).not.toContain(creds.key);
      expect(await accounts.get(43)).toBeNull();
    });

    it('every key it writes carries the prefix and a feature word', async () => {
      const prefix = freshPrefix('acct');
      const accounts = new AccountStore(redis, vault, prefix, logger);
      await accounts.link(42, creds);
      await accounts.ensurePushToken(42);
      const keys = await keysUnder(prefix);
      expect(keys).toHaveLength(2);
      for (const k of keys) expect(k).toMatch(new RegExp(`^${prefix}(acct|push):`));
    });

    it("a sealed key copied into another owner's record does not open: null and a log line, not a crash", async () => {
      const prefix = freshPrefix('acct');
      const accounts = new AccountStore(redis, vault, prefix, logger);
      await accounts.link(1, creds);
      await accounts.link(2, { ...creds, key: 'other-key' });
      const stolen = await redis.hget(`${prefix}acct:1`, 'key');
      await redis.hset(`${prefix}acct:2`, 'key', stolen!);
      logLines.length = 0;
      expect(await accounts.get(2)).toBeNull();
      expect(await accounts.get(1)).not.toBeNull();
      expect(logLines.join('\n')).toContain('does not decrypt');
      expect(logLines.join('\n')).not.toContain(creds.key);
    });

    it('a record sealed under another CREDENTIALS_KEY reads as not linked', async () => {
      const prefix = freshPrefix('acct');
      await new AccountStore(redis, new Vault(randomBytes(32)), prefix, logger).link(5, creds);
      expect(await new AccountStore(redis, vault, prefix, logger).get(5)).toBeNull();
    });

    it('rotation: linked under A, restarted with B,A reads and re-seals under B, then B alone still reads', async () => {
      const prefix = freshPrefix('acct');
      const a = randomBytes(32).toString('base64');
      const b = randomBytes(32).toString('base64');
      /** A replica as the environment configures it: the key ring comes from loadConfig. */
      const replica = (env: Record<string, string>) =>
        new AccountStore(redis, new Vault(loadConfig({ BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abc-def', ...env }).credentialsKeys), prefix, logger);
      const sealedId = async (ownerId: number) => (await redis.hget(`${prefix}acct:${ownerId}`, 'key'))?.split('.')[1];

      await replica({ CREDENTIALS_KEY: a }).link(11, creds);
      await replica({ CREDENTIALS_KEYS: a }).link(12, { ...creds, key: 'second-key' });
      expect(await sealedId(11)).toBe(vaultKeyId(Buffer.from(a, 'base64')));

      // Step 1: B added as the newest. Reading 11 re-seals it under B; 12 waits for `resealAll`.
      const rotated = replica({ CREDENTIALS_KEYS: `${b},${a}` });
      expect((await rotated.get(11))?.creds).toEqual(creds);
      expect(await sealedId(11)).toBe(vaultKeyId(Buffer.from(b, 'base64')));
      expect(await sealedId(12)).toBe(vaultKeyId(Buffer.from(a, 'base64')));
      expect(await rotated.resealAll()).toEqual({ accounts: 2, resealed: 1, unreadable: 0 });
      expect(await sealedId(12)).toBe(vaultKeyId(Buffer.from(b, 'base64')));

      // Step 2: A dropped. Everything still opens under B.
      const afterwards = replica({ CREDENTIALS_KEYS: b });
      expect((await afterwards.get(11))?.creds).toEqual(creds);
      expect((await afterwards.get(12))?.creds.key).toBe('second-key');
      expect(await afterwards.resealAll()).toEqual({ accounts: 2, resealed: 0, unreadable: 0 });
    });

    it('a record sealed before key ids (v1) still opens, and is sealed again under the newest key on read', async () => {
      const prefix = freshPrefix('acct');
      const key = randomBytes(32);
      const accounts = new AccountStore(redis, new Vault(key), prefix, logger);
      await accounts.link(21, creds, 100);
      // Rewrite it the way the previous version sealed it: v1.<iv>.<tag>.<ct>, no key id.
      const { createCipheriv } = await import('node:crypto');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
      cipher.setAAD(Buffer.from('acct:21:key'));
      const ct = Buffer.concat([cipher.update(creds.key, 'utf8'), cipher.final()]);
      await redis.hset(
        `${prefix}acct:21`,
        'key',
        ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.'),
      );
      expect((await accounts.get(21))?.creds).toEqual(creds);
      expect(await redis.hget(`${prefix}acct:21`, 'key')).toMatch(/^v2\./);
      expect((await accounts.get(21))?.creds).toEqual(creds);
    });

    it('records health: ok clears the last error, pause, pushes; a new link starts clean', async () => {
      const accounts = new AccountStore(redis, vault, freshPrefix('acct'), logger);
      await accounts.link(7, creds, 100);
      expect(await accounts.markError(7, { kind: 'wrong-key', message: 'JustClick says the key is wrong' }, 200)).toBe(true);
      expect(await accounts.pause(7, 201)).toBe(true);
      expect(await accounts.markPush(7, 202)).toBe(true);
      expect(await accounts.get(7)).toMatchObject({
        lastError: { kind: 'wrong-key', at: 200, message: 'JustClick says the key is wrong' },
        pausedAt: 201,
        lastPushAt: 202,
      });
      expect(await accounts.markOk(7, 300)).toBe(true);
      const after = await accounts.get(7);
      expect(after?.lastOkAt).toBe(300);
      expect(after?.lastError).toBeUndefined();
      expect(after?.pausedAt).toBe(201);
      await accounts.link(7, creds, 400);
      expect((await accounts.get(7))?.pausedAt).toBeUndefined();
    });

    it('a late health write after unlink does not bring back a half record', async () => {
      const prefix = freshPrefix('acct');
      const accounts = new AccountStore(redis, vault, prefix, logger);
      await accounts.link(8, creds);
      await accounts.unlink(8);
      expect(await accounts.markOk(8)).toBe(false);
      expect(await accounts.markError(8, { kind: 'unavailable', message: 'timeout' })).toBe(false);
      expect(await accounts.pause(8)).toBe(false);
      expect(await accounts.markPush(8)).toBe(false);
      expect(await keysUnder(prefix)).toEqual([]);
    });

    it('re-linking replaces the key, starts health afresh and keeps the push token', async () => {
      const accounts = new AccountStore(redis, vault, freshPrefix('acct'), logger);
      await accounts.link(9, creds);
      const token = await accounts.ensurePushToken(9);
      await accounts.markError(9, { kind: 'wrong-key', message: 'wrong key' });
      await accounts.pause(9);
      await accounts.link(9, { ...creds, key: 'new-key' });
      const again = await accounts.get(9);
      expect(again?.creds.key).toBe('new-key');
      expect(again?.lastError).toBeUndefined();
      expect(again?.pausedAt).toBeUndefined();
      expect(again?.pushToken).toBe(token);
      expect(await accounts.ownerByPushToken(token)).toBe(9);
    });

    it('hands out one push token per account, maps it back to the owner, refuses unknown ones', async () => {
      const accounts = new AccountStore(redis, vault, freshPrefix('acct'), logger);
      await accounts.link(10, creds);
      await accounts.link(11, creds);
      const [a, b] = await Promise.all([accounts.ensurePushToken(10), accounts.ensurePushToken(10)]);
      expect(a).toBe(b);
      expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const other = await accounts.ensurePushToken(11);
      expect(other).not.toBe(a);
      expect(await accounts.ownerByPushToken(a)).toBe(10);
      expect(await accounts.ownerByPushToken(other)).toBe(11);
      expect(await accounts.ownerByPushToken(randomBytes(24).toString('base64url'))).toBeNull();
      expect(await accounts.ownerByPushToken('../acct:10')).toBeNull();
      await expect(accounts.ensurePushToken(12)).rejects.toThrow(/no JustClick account is linked/);
    });

    it('unlink removes everything tied to the account and says what it removed', async () => {
      const prefix = freshPrefix('acct');
      const accounts = new AccountStore(redis, vault, prefix, logger);
      await accounts.link(20, creds);
      await accounts.link(21, creds);
      const token = await accounts.ensurePushToken(20);
      expect(await accounts.unlink(20)).toEqual({ ownerId: 20, linkedBy: 20, login: 'shop', pushToken: token });
      expect(await accounts.get(20)).toBeNull();
      expect(await accounts.ownerByPushToken(token)).toBeNull();
      expect(await accounts.unlink(20)).toBeNull();
      expect(await accounts.get(21)).not.toBeNull();
    });

    it('a push index left behind by a crash opens nothing: the account record decides', async () => {
      const prefix = freshPrefix('acct');
      const accounts = new AccountStore(redis, vault, prefix, logger);
      await accounts.link(30, creds);
      const token = await accounts.ensurePushToken(30);
      // As if the process died between revoking a token in the record and deleting its index.
      const stale = randomBytes(24).toString('base64url');
      await redis.set(`${prefix}push:${stale}`, '30');
      expect(await accounts.ownerByPushToken(stale)).toBeNull();
      // As if it died between writing the token into the record and its index: the next call writes it again.
      await redis.del(`${prefix}push:${token}`);
      expect(await accounts.ownerByPushToken(token)).toBeNull();
      expect(await accounts.ensurePushToken(30)).toBe(token);
      expect(await accounts.ownerByPushToken(token)).toBe(30);
    });

    it('refuses ids that are not Telegram user ids before touching Redis', async () => {
      const accounts = new AccountStore(redis, vault, freshPrefix('acct'), logger);
      await expect(accounts.link(-5, creds)).rejects.toThrow(TypeError);
      await expect(accounts.get(1.5)).rejects.toThrow(TypeError);
    });
  });

  describeRedis('ChatStore', () => {
    it('starts empty and applies patches: set, keep, remove', async () => {
      const chats = new ChatStore(redis, freshPrefix('chat'));
      expect(await chats.get(100)).toEqual({});
      expect(await chats.update(100, { lang: 'en', timeZone: 'Asia/Yekaterinburg', digest: { time: '09:30' } })).toEqual({
        lang: 'en',
        timeZone: 'Asia/Yekaterinburg',
        digest: { time: '09:30' },
      });
      await chats.update(100, { alerts: { on: true, since: 1_700_000_000 }, digest: null });
      expect(await chats.get(100)).toEqual({ lang: 'en', timeZone: 'Asia/Yekaterinburg', alerts: { on: true, since: 1_700_000_000 } });
      await chats.update(100, { alerts: { on: false, since: 1_700_000_500 } });
      expect((await chats.get(100)).alerts).toEqual({ on: false, since: 1_700_000_500 });
    });

    it('refuses a malformed digest time or language', async () => {
      const chats = new ChatStore(redis, freshPrefix('chat'));
      await expect(chats.update(1, { digest: { time: '9:30' } })).rejects.toThrow(/HH:MM/);
      await expect(chats.update(1, { digest: { time: '24:00' } })).rejects.toThrow(/HH:MM/);
      await expect(chats.update(1, { lang: 'de' as 'en' })).rejects.toThrow(/language/);
    });

    it('keeps the set of chats an owner feeds in step with each chat', async () => {
      const chats = new ChatStore(redis, freshPrefix('chat'));
      await chats.update(-100200, { ownerId: 7 });
      await chats.update(7, { ownerId: 7 });
      await chats.update(-100300, { ownerId: 8 });
      expect((await chats.forOwner(7)).sort((a, b) => a - b)).toEqual([-100200, 7]);
      await chats.update(-100200, { ownerId: 8 });
      expect(await chats.forOwner(7)).toEqual([7]);
      expect((await chats.forOwner(8)).sort((a, b) => a - b)).toEqual([-100300, -100200]);
      await chats.update(-100300, { ownerId: null });
      expect(await chats.forOwner(8)).toEqual([-100200]);
      expect((await chats.get(-100300)).ownerId).toBeUndefined();
      expect(await chats.delete(-100200)).toBe(true);
      expect(await chats.forOwner(8)).toEqual([]);
      expect(await chats.delete(-100200)).toBe(false);
    });

    it('lets several accounts feed one chat, the first one primary, and promotes the next when it goes', async () => {
      const prefix = freshPrefix('chat');
      const chats = new ChatStore(redis, prefix);
      const sorted = async (id: number) => (await chats.forOwner(id)).sort((a, b) => a - b);
      expect(chatAccounts(await chats.addFeed(7, 7))).toEqual([7]);
      await chats.addFeed(7, 2 ** 52 + 1);
      const both = await chats.addFeed(7, 2 ** 52 + 1);
      expect(both).toEqual({ ownerId: 7, feeds: [2 ** 52 + 1] });
      expect(chatAccounts(both)).toEqual([7, 2 ** 52 + 1]);
      await chats.update(-100500, { ownerId: 2 ** 52 + 1 });
      expect(await sorted(7)).toEqual([7]);
      expect(await sorted(2 ** 52 + 1)).toEqual([-100500, 7]);

      // The primary goes: the further account becomes the primary and stays listed; the former one is not.
      const after = await chats.removeFeed(7, 7);
      // …and no account takes over the alert records of the first primary.
      expect(after).toEqual({ ownerId: 2 ** 52 + 1, recordsByAccount: true });
      expect(await chats.forOwner(7)).toEqual([]);
      expect(await redis.sismember(`${prefix}chat:by-owner:7`, '7')).toBe(0);
      expect(await sorted(2 ** 52 + 1)).toEqual([-100500, 7]);

      // A further account goes: the primary stays.
      await chats.addFeed(7, 9);
      await chats.addFeed(7, 10);
      expect(chatAccounts(await chats.removeFeed(7, 9))).toEqual([2 ** 52 + 1, 10]);
      expect(await chats.forOwner(9)).toEqual([]);
      // A new primary set outright replaces the old one and keeps the others; removing the last leaves none.
      expect(chatAccounts(await chats.update(7, { ownerId: 11 }))).toEqual([11, 10]);
      expect(await chats.forOwner(2 ** 52 + 1)).toEqual([-100500]);
      await chats.removeFeed(7, 11);
      expect(chatAccounts(await chats.removeFeed(7, 10))).toEqual([]);
      expect(await chats.get(7)).toEqual({ recordsByAccount: true });
      for (const id of [10, 11]) expect(await chats.forOwner(id)).toEqual([]);
    });

    it('lists a chat for each account it names when it is deleted or moved', async () => {
      const prefix = freshPrefix('chat');
      const chats = new ChatStore(redis, prefix);
      await chats.update(-300, { ownerId: 7, lang: 'ru' });
      await chats.addFeed(-300, 8);
      expect(await chats.migrate(-300, -1003000)).toBe(true);
      expect(chatAccounts(await chats.get(-1003000))).toEqual([7, 8]);
      expect(await chats.forOwner(8)).toEqual([-1003000]);
      expect(await chats.delete(-1003000)).toBe(true);
      expect(await chats.forOwner(7)).toEqual([]);
      expect(await chats.forOwner(8)).toEqual([]);
      expect(await redis.scard(`${prefix}chat:by-owner:8`)).toBe(0);
    });

    it("lists a chat for an owner only while the chat's own settings name that owner", async () => {
      const prefix = freshPrefix('chat');
      const chats = new ChatStore(redis, prefix);
      await chats.update(-100400, { ownerId: 9 });
      // As if the process died between listing the chat for a new owner and writing the owner into the chat.
      await redis.sadd(`${prefix}chat:by-owner:9`, '-100401');
      await redis.sadd(`${prefix}chat:by-owner:10`, '-100400');
      expect(await chats.forOwner(9)).toEqual([-100400]);
      expect(await chats.forOwner(10)).toEqual([]);
    });

    it('moves settings from a group to its new supergroup, without the gone mark', async () => {
      const chats = new ChatStore(redis, freshPrefix('chat'));
      await chats.update(-200, { ownerId: 7, lang: 'ru', alerts: { on: true, since: 5 }, digest: { time: '08:00' } });
      await chats.markInactive(-200, 'group chat was upgraded to a supergroup chat', 10);
      await chats.update(-1009999, { lang: 'en' });
      expect(await chats.migrate(-200, -1009999)).toBe(true);
      expect(await chats.get(-200)).toEqual({});
      expect(await chats.get(-1009999)).toEqual({ ownerId: 7, lang: 'en', alerts: { on: true, since: 5 }, digest: { time: '08:00' } });
      expect(await chats.forOwner(7)).toEqual([-1009999]);
      expect(await chats.migrate(-200, -1009999)).toBe(false);
    });

    it('marks a chat inactive and clears it again', async () => {
      const chats = new ChatStore(redis, freshPrefix('chat'));
      await chats.update(55, { lang: 'ru' });
      await chats.markInactive(55, 'Forbidden: bot was blocked by the user', 1234);
      expect(await chats.get(55)).toEqual({ lang: 'ru', inactive: { reason: 'Forbidden: bot was blocked by the user', at: 1234 } });
      await chats.update(55, { inactive: null });
      expect(await chats.get(55)).toEqual({ lang: 'ru' });
    });

    it('keeps a user language apart from chat settings', async () => {
      const chats = new ChatStore(redis, freshPrefix('chat'));
      expect(await chats.getUser(42)).toEqual({});
      expect(await chats.updateUser(42, { lang: 'en' })).toEqual({ lang: 'en' });
      expect(await chats.get(42)).toEqual({});
      expect(await chats.updateUser(42, { lang: null })).toEqual({});
    });
  });

  describeRedis('FlowStore', () => {
    it('remembers a question flow per user and chat until cleared or expired', async () => {
      const prefix = freshPrefix('flow');
      const flows = new FlowStore(redis, prefix);
      await flows.set(42, 42, { kind: 'link', step: 'key', login: 'shop' });
      expect(await flows.get(42, 42)).toEqual({ kind: 'link', step: 'key', login: 'shop' });
      expect(await flows.get(42, -100)).toBeNull();
      expect(await flows.get(43, 42)).toBeNull();
      expect(await redis.ttl(`${prefix}flow:42:42`)).toBeGreaterThan(590);
      await flows.clear(42, 42);
      expect(await flows.get(42, 42)).toBeNull();
      await flows.set(42, 42, { kind: 'link', step: 'login' }, 1);
      expect(await redis.pttl(`${prefix}flow:42:42`)).toBeLessThanOrEqual(1000);
    });

    it('refuses to park a secret in a flow', async () => {
      const flows = new FlowStore(redis, freshPrefix('flow'));
      await expect(flows.set(1, 1, { kind: 'link', step: 'done', login: 'shop', key: 'secret' })).rejects.toThrow(/must not hold secrets/);
      await expect(flows.set(1, 1, { kind: 'link', step: 'done', apiKey: 'secret' })).rejects.toThrow(/must not hold secrets/);
      expect(await flows.get(1, 1)).toBeNull();
    });
  });

  describeRedis('UpdateLog', () => {
    it('says an update is new once and seen afterwards, for an hour', async () => {
      const prefix = freshPrefix('upd');
      const updates = new UpdateLog(redis, prefix);
      expect(await updates.seenUpdate(1001)).toBe(false);
      expect(await updates.seenUpdate(1001)).toBe(true);
      expect(await updates.seenUpdate(1002)).toBe(false);
      const ttl = await redis.ttl(`${prefix}upd:1001`);
      expect(ttl).toBeGreaterThan(3500);
      expect(ttl).toBeLessThanOrEqual(3600);
    });

    it('lets exactly one of many concurrent deliveries through', async () => {
      const updates = new UpdateLog(redis, freshPrefix('upd'));
      const answers = await Promise.all(Array.from({ length: 20 }, () => updates.seenUpdate(77)));
      expect(answers.filter((seen) => !seen)).toHaveLength(1);
    });
  });

  describeRedis('redis connections', () => {
    it('quitRedis ends a connection, and a second call is harmless', async () => {
      const conn = createRedis(redisUrl!, { logger, name: 'quit-test' });
      await conn.ping();
      await quitRedis(conn);
      expect(conn.status).toBe('end');
      await quitRedis(conn);
    });

    it('a BullMQ connection waits for Redis instead of failing commands', async () => {
      const conn = createRedis(redisUrl!, { logger, name: 'bullmq-test', forBullMQ: true });
      expect(conn instanceof Cluster ? conn.options.redisOptions?.maxRetriesPerRequest : conn.options.maxRetriesPerRequest).toBeNull();
      expect(await conn.ping()).toBe('PONG');
      await quitRedis(conn);
    });

    it('logs a dead Redis without flooding the log, and quitRedis still returns', async () => {
      const lines: string[] = [];
      const quiet = createLogger('error', { write: (l: string) => void lines.push(l) });
      const conn = createRedis('redis://127.0.0.1:1', { logger: quiet, name: 'dead' });
      let attempts = 0;
      conn.on('error', () => attempts++);
      await new Promise((r) => setTimeout(r, 1500));
      await quitRedis(conn);
      const errors = () => lines.filter((l) => l.includes('redis connection error')).length;
      expect(errors()).toBeGreaterThanOrEqual(1);
      expect(errors()).toBeLessThanOrEqual(2);
      expect(attempts).toBeGreaterThan(errors());
      // After quitRedis no reconnect attempt is left: wait longer than the longest backoff (3 s).
      const attemptsAtQuit = attempts;
      await new Promise((r) => setTimeout(r, 3300));
      expect(attempts).toBe(attemptsAtQuit);
    });
  });
});
