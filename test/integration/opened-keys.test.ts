// The account store opens a stored key only when its seal changed (#14: no decryption per check), against a real
// redis-server: the poller must still use a relinked, resealed or re-entered key at its very next read, on every
// replica, and a record that no longer opens must not be served from memory.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { AccountStore } from '../../src/store/accounts.js';
import { keySpace } from '../../src/store/keys.js';
import { createRedis, quitRedis, type Redis } from '../../src/store/redis.js';
import { Vault } from '../../src/store/vault.js';
import { describeRedis, freshPrefix, redisUrl } from '../support/redis.js';

const first = { login: 'yoga', region: 'ru' as const, key: 'a'.repeat(32) };
const second = { ...first, key: 'b'.repeat(32) };

/** A vault that counts what it opens. */
class CountingVault extends Vault {
  opened = 0;
  override open(sealed: string, aad: string): string {
    this.opened++;
    return super.open(sealed, aad);
  }
}

describeRedis('AccountStore: keys opened once per seal', () => {
  let redis: Redis;
  const logger = createLogger('warn', { write: () => undefined });
  const secret = randomBytes(32);
  beforeAll(() => {
    redis = createRedis(redisUrl!, { logger, name: 'test' });
  });
  afterAll(async () => {
    await quitRedis(redis);
  });
  /** Two replicas: each its own store (and memory) on the same Redis and prefix. */
  const replicas = (prefix: string) => {
    const vaults = [new CountingVault(secret), new CountingVault(secret)] as const;
    return { vaults, stores: vaults.map((v) => new AccountStore(redis, v, prefix, logger)) as [AccountStore, AccountStore] };
  };

  it('reading an unchanged account again does not decrypt its key again', async () => {
    const { vaults, stores } = replicas(freshPrefix());
    await stores[0].link(7, first, 100);
    for (let i = 0; i < 5; i++) expect((await stores[0].get(7))?.creds.key).toBe(first.key);
    expect(vaults[0].opened).toBe(1);
  });

  it('a key linked again on another replica is the one the next read returns', async () => {
    const { stores } = replicas(freshPrefix());
    await stores[0].link(7, first, 100);
    expect((await stores[0].get(7))?.creds.key).toBe(first.key);
    await stores[1].link(7, second, 200);
    expect((await stores[0].get(7))?.creds.key).toBe(second.key);
    // The same key entered again is sealed afresh, and still reads as itself.
    await stores[1].link(7, first, 300);
    expect((await stores[0].get(7))?.creds.key).toBe(first.key);
  });

  it('after an unlink the account is gone, and a new link with another key reads as that key', async () => {
    const { stores } = replicas(freshPrefix());
    await stores[0].link(7, first, 100);
    await stores[0].get(7);
    await stores[1].unlink(7);
    expect(await stores[0].get(7)).toBeNull();
    await stores[1].link(7, second, 200);
    expect((await stores[0].get(7))?.creds.key).toBe(second.key);
  });

  it('a key sealed again under the newest CREDENTIALS_KEYS key still reads the same, and is opened once more', async () => {
    const prefix = freshPrefix();
    const newer = randomBytes(32);
    const old = new AccountStore(redis, new Vault(secret), prefix, logger);
    await old.link(7, first, 100);
    const rotated = new CountingVault([newer, secret]);
    const store = new AccountStore(redis, rotated, prefix, logger);
    expect((await store.get(7))?.creds.key).toBe(first.key);
    // The read resealed the record under `newer`: a new seal, so opened again once, then remembered.
    expect((await store.get(7))?.creds.key).toBe(first.key);
    expect((await store.get(7))?.creds.key).toBe(first.key);
    expect(rotated.opened).toBe(2);
    // Only the newest key opens it now.
    expect((await new AccountStore(redis, new Vault(newer), prefix, logger).get(7))?.creds.key).toBe(first.key);
  });

  it('a tampered record is not served from memory: it reads as not linked', async () => {
    const prefix = freshPrefix();
    const { stores } = replicas(prefix);
    await stores[0].link(7, first, 100);
    expect((await stores[0].get(7))?.creds.key).toBe(first.key);
    // Another account's seal copied over this one's: it does not open under this account's AAD.
    await stores[0].link(8, second, 100);
    const key = keySpace(prefix).account('acct', 7);
    await redis.hset(key, 'key', (await redis.hget(keySpace(prefix).account('acct', 8), 'key'))!);
    expect(await stores[0].get(7)).toBeNull();
    expect((await stores[0].get(8))?.creds.key).toBe(second.key);
  });
});
