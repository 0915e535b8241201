// Several accounts per person in the store, against a real redis-server: ids that need no migration, the list,
// the current account, names, and unlinking one.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { AccountStore } from '../../src/store/accounts.js';
import { createRedis, quitRedis, type Redis } from '../../src/store/redis.js';
import { Vault } from '../../src/store/vault.js';
import { describeRedis, freshPrefix, redisUrl } from '../support/redis.js';

const yoga = { login: 'yoga', region: 'ru' as const, key: 'y'.repeat(32) };
const dance = { login: 'dance', region: 'io' as const, key: 'd'.repeat(32) };

describeRedis('AccountStore: several accounts per person', () => {
  let redis: Redis;
  const logger = createLogger('warn', { write: () => undefined });
  const vault = new Vault(randomBytes(32));
  beforeAll(() => {
    redis = createRedis(redisUrl!, { logger, name: 'test' });
  });
  afterAll(async () => {
    await quitRedis(redis);
  });

  it('an account linked before there were several is the person’s first and current one, push token and all', async () => {
    const accounts = new AccountStore(redis, vault, freshPrefix('acct'), logger);
    await accounts.link(77, yoga, 100); // as the bot did before: keyed by the owner's id, in no list
    const token = await accounts.ensurePushToken(77);
    expect((await accounts.list(77)).map((a) => a.accountId)).toEqual([77]);
    expect((await accounts.current(77))?.creds.login).toBe('yoga');
    const { accountId, previous } = await accounts.add(77, dance, 200);
    expect(previous).toBeNull();
    expect(accountId).toBeGreaterThan(2 ** 52);
    expect((await accounts.list(77)).map((a) => a.creds.login)).toEqual(['yoga', 'dance']);
    expect(await accounts.ownerByPushToken(token)).toBe(77);
    expect((await accounts.get(accountId))?.linkedBy).toBe(77);
  });

  it('the same login again keeps its id and linkedAt and becomes current', async () => {
    const accounts = new AccountStore(redis, vault, freshPrefix('acct'), logger);
    const first = await accounts.add(5, yoga, 100);
    await accounts.add(5, dance, 200);
    const again = await accounts.add(5, { ...yoga, key: 'n'.repeat(32) }, 300);
    expect(again.accountId).toBe(first.accountId);
    expect(await accounts.current(5)).toMatchObject({ accountId: 5, linkedAt: 100, creds: { key: 'n'.repeat(32) } });
    expect(await accounts.list(5)).toHaveLength(2);
  });

  it('someone else’s account cannot be made current; renaming trims and clips, blank goes back to the login', async () => {
    const accounts = new AccountStore(redis, vault, freshPrefix('acct'), logger);
    const mine = await accounts.add(8, yoga, 100);
    const theirs = await accounts.add(9, dance, 100);
    expect(await accounts.setCurrent(8, theirs.accountId)).toBe(false);
    expect(await accounts.rename(mine.accountId, `  Школа   йоги ${'x'.repeat(60)}`)).toBe(true);
    expect((await accounts.get(mine.accountId))?.name).toBe(`Школа йоги ${'x'.repeat(29)}`);
    expect(await accounts.rename(mine.accountId, '  ')).toBe(true);
    expect((await accounts.get(mine.accountId))?.name).toBeUndefined();
  });

  it('unlinking the current account falls back to the first remaining one', async () => {
    const accounts = new AccountStore(redis, vault, freshPrefix('acct'), logger);
    await accounts.add(11, yoga, 100);
    const second = await accounts.add(11, dance, 200);
    expect(await accounts.unlink(second.accountId)).toMatchObject({ ownerId: second.accountId, linkedBy: 11, login: 'dance' });
    expect((await accounts.list(11)).map((a) => a.creds.login)).toEqual(['yoga']);
    expect((await accounts.current(11))?.accountId).toBe(11);
    expect(await accounts.unlink(11)).toMatchObject({ linkedBy: 11 });
    expect(await accounts.current(11)).toBeNull();
  });
});
