// The start of a check in one script (src/store/check-start.ts) answers exactly as the four stores' own reads
// do one by one: the account (or null), its last check, its pace facts and the chats it feeds (ChatStore.fedAmong
// on what it lists gives what fedBy gives), for a bare, a busy, a broken and a missing account, on plain and on
// cluster-style (hash-tagged) key names.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { AccountStore } from '../../src/store/accounts.js';
import { ChatStore } from '../../src/store/chats.js';
import { CheckStart } from '../../src/store/check-start.js';
import { KeySpace } from '../../src/store/keys.js';
import { WatchList } from '../../src/store/ledger.js';
import { PollPaceStore } from '../../src/store/poll-pace.js';
import { createRedis, quitRedis, type Redis } from '../../src/store/redis.js';
import { Vault } from '../../src/store/vault.js';
import { describeRedis, freshPrefix, redisUrl } from '../support/redis.js';

const logger = createLogger('error', { write: () => undefined });
const vault = new Vault(randomBytes(32));
const OWNER = 4343;
const creds = { login: 'school', region: 'ru' as const, key: 'k'.repeat(32) };

describeRedis('CheckStart: the start of a check as one script', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = createRedis(redisUrl!, { logger, name: 'test' });
  });
  afterAll(async () => {
    await quitRedis(redis);
  });

  type Stores = { accounts: AccountStore; watch: WatchList; pace: PollPaceStore; chats: ChatStore; keys: KeySpace };

  async function compare(cluster: boolean, setup: (s: Stores) => Promise<void>) {
    const keys = new KeySpace(freshPrefix('start'), cluster);
    const stores: Stores = {
      accounts: new AccountStore(redis, vault, keys, logger),
      watch: new WatchList(redis, keys),
      pace: new PollPaceStore(redis, keys),
      chats: new ChatStore(redis, keys),
      keys,
    };
    await setup(stores);
    const oneByOne = { account: await stores.accounts.get(OWNER), lastCheck: await stores.watch.lastCheck(OWNER), facts: await stores.pace.facts(OWNER) };
    const fed = await stores.chats.fedBy(OWNER);
    // A fresh store: nothing the first one opened is cached.
    const { listedChats, ...read } = await new CheckStart(redis, new AccountStore(redis, vault, keys, logger), stores.chats, keys).read(OWNER);
    expect(read).toEqual(oneByOne);
    expect(await stores.chats.fedAmong(OWNER, listedChats)).toEqual(fed);
    return { ...read, fed };
  }

  for (const cluster of [false, true]) {
    const names = cluster ? 'hash-tagged names' : 'plain names';

    it(`nothing stored: no account, no last check, no facts (${names})`, async () => {
      expect(await compare(cluster, async () => undefined)).toEqual({ account: null, lastCheck: null, facts: {}, fed: [] });
    });

    it(`a busy account: name, error, limit pause, push token and time, last check, both facts (${names})`, async () => {
      const read = await compare(cluster, async ({ accounts, watch, pace }) => {
        await accounts.link(OWNER, creds, 1_700_000_000, 77);
        await accounts.rename(OWNER, 'Школа йоги');
        await accounts.markError(OWNER, { kind: 'api-limited', message: 'limit reached' }, 1_700_000_100);
        await accounts.pause(OWNER, 1_700_000_200, { at: 1_700_001_100, pauses: 2 });
        await accounts.ensurePushToken(OWNER);
        await accounts.markPush(OWNER, 1_700_000_050);
        await watch.checked(OWNER, new Date(1_700_000_000_250));
        await pace.remember(OWNER, { saleAt: 1_699_000_000_000, missedAt: 1_699_500_000_000 });
      });
      expect(read.account).toMatchObject({ linkedBy: 77, name: 'Школа йоги', creds, pausedAt: 1_700_000_200, resumeAt: 1_700_001_100, limitPauses: 2 });
      expect(read.lastCheck).toEqual(new Date(1_700_000_000_250));
      expect(read.facts).toEqual({ saleAt: 1_699_000_000_000, missedAt: 1_699_500_000_000 });
    });

    it(`an account that feeds its own chat, a group and, as a further account, another's chat; two chats left it (${names})`, async () => {
      const read = await compare(cluster, async ({ accounts, chats }) => {
        await accounts.link(OWNER, creds, 1_700_000_000);
        await chats.update(OWNER, { ownerId: OWNER, alerts: { on: true, since: 1_700_000_000 } });
        await chats.update(-1001, { ownerId: OWNER, goal: { amount: 500_000 } });
        await chats.update(77, { ownerId: 77 });
        await chats.addFeed(77, OWNER);
        await chats.update(-1002, { ownerId: OWNER });
        await chats.update(-1002, { ownerId: 88 });
        // A member the set still lists but whose chat no longer names the account (a half-done move): left out.
        await chats.update(-1003, { ownerId: 99 });
        await redis.sadd(chats.feedsKey(OWNER), '-1003');
      });
      expect(read.fed.map(([id]) => id).sort((a, b) => a - b)).toEqual([-1001, 77, OWNER]);
    });

    it(`a plain account with one fact (${names})`, async () => {
      const read = await compare(cluster, async ({ accounts, pace }) => {
        await accounts.link(OWNER, creds, 1_700_000_000);
        await pace.remember(OWNER, { saleAt: 5 });
      });
      expect(read.account?.creds).toEqual(creds);
      expect(read.facts).toEqual({ saleAt: 5 });
    });

    it(`a record that is not an account (no valid region, a key that does not open) reads as none (${names})`, async () => {
      for (const breakIt of [
        (keys: KeySpace) => redis.hset(keys.account('acct', OWNER), 'region', 'xx'),
        (keys: KeySpace) => redis.hset(keys.account('acct', OWNER), 'key', 'v1.garbage'),
      ]) {
        const read = await compare(cluster, async ({ accounts, watch, keys }) => {
          await accounts.link(OWNER, creds, 1_700_000_000);
          await watch.checked(OWNER, new Date(1_700_000_000_000));
          await breakIt(keys);
        });
        expect(read.account).toBeNull();
        expect(read.lastCheck).toEqual(new Date(1_700_000_000_000));
      }
    });
  }
});
