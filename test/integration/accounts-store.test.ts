// Several accounts per person in the store, against a real redis-server: ids that need no migration, the list,
// the current account (also a team's), names, and unlinking one.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { AccountStore } from '../../src/store/accounts.js';
import { TeamStore } from '../../src/store/team.js';
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

  it('with the team asked, a team account can be made current, and the choice lapses when the access ends', async () => {
    const prefix = freshPrefix('acct');
    const accounts: AccountStore = new AccountStore(redis, vault, prefix, logger, {
      roleOf: (userId, accountId) => team.roleOf(userId, accountId),
      teamsOf: (userId) => team.teamsOf(userId),
    });
    const team: TeamStore = new TeamStore(redis, prefix, async (accountId) => (await accounts.get(accountId))?.linkedBy);
    const own = await accounts.add(21, yoga, 100);
    const shop = await accounts.add(22, dance, 100);
    const other = await accounts.add(23, { ...dance, login: 'other' }, 100);
    expect(await accounts.setCurrent(21, shop.accountId)).toBe(false);
    await team.add(shop.accountId, { userId: 21, role: 'viewer', since: 200, name: 'Ann' });
    expect(await accounts.setCurrent(21, shop.accountId)).toBe(true);
    expect(await accounts.currentChoice(21)).toMatchObject({ account: { accountId: shop.accountId }, lost: null });

    await team.remove(shop.accountId, 21);
    // Their own account again, and the one they lost named, until the choice is forgotten.
    expect(await accounts.currentChoice(21)).toMatchObject({ account: { accountId: own.accountId }, lost: { accountId: shop.accountId } });
    expect(await accounts.setCurrent(21, shop.accountId)).toBe(false);
    await accounts.forgetChoice(21, shop.accountId);
    expect(await accounts.currentChoice(21)).toMatchObject({ account: { accountId: own.accountId }, lost: null });

    // With no account of their own: the team joined first, while it lasts.
    await team.add(other.accountId, { userId: 24, role: 'manager', since: 300, name: 'Max' });
    await team.add(shop.accountId, { userId: 24, role: 'viewer', since: 400, name: 'Max' });
    expect((await accounts.current(24))?.accountId).toBe(other.accountId);
    await team.remove(other.accountId, 24);
    expect((await accounts.current(24))?.accountId).toBe(shop.accountId);
    await team.remove(shop.accountId, 24);
    expect(await accounts.current(24)).toBeNull();
  });
});
