// The start of a check in one script (src/store/check-start.ts) answers exactly as the three stores' own reads
// do one by one: the account (or null), its last check and its pace facts, for a bare, a busy, a broken and a
// missing account, on plain and on cluster-style (hash-tagged) key names.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { AccountStore } from '../../src/store/accounts.js';
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

  type Stores = { accounts: AccountStore; watch: WatchList; pace: PollPaceStore; keys: KeySpace };

  async function compare(cluster: boolean, setup: (s: Stores) => Promise<void>) {
    const keys = new KeySpace(freshPrefix('start'), cluster);
    const stores: Stores = {
      accounts: new AccountStore(redis, vault, keys, logger),
      watch: new WatchList(redis, keys),
      pace: new PollPaceStore(redis, keys),
      keys,
    };
    await setup(stores);
    const oneByOne = { account: await stores.accounts.get(OWNER), lastCheck: await stores.watch.lastCheck(OWNER), facts: await stores.pace.facts(OWNER) };
    // A fresh store: nothing the first one opened is cached.
    const read = await new CheckStart(redis, new AccountStore(redis, vault, keys, logger), keys).read(OWNER);
    expect(read).toEqual(oneByOne);
    return read;
  }

  for (const cluster of [false, true]) {
    const names = cluster ? 'hash-tagged names' : 'plain names';

    it(`nothing stored: no account, no last check, no facts (${names})`, async () => {
      expect(await compare(cluster, async () => undefined)).toEqual({ account: null, lastCheck: null, facts: {} });
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
