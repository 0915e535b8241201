// `npm run reseal`: after adding a new key in front of CREDENTIALS_KEYS, seals every stored JustClick key
// again under it at once, so that the old key can be dropped without waiting for each account to be read.
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { AccountStore } from './store/accounts.js';
import { KeySpace } from './store/keys.js';
import { createRedis, isClusterUrl, PREFIX, quitRedis } from './store/redis.js';
import { Vault } from './store/vault.js';

async function reseal(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const redis = createRedis(config.redisUrl, { logger, name: 'reseal' });
  try {
    const vault = new Vault(config.credentialsKeys);
    const { accounts, resealed, unreadable } = await new AccountStore(redis, vault, new KeySpace(PREFIX, isClusterUrl(config.redisUrl)), logger).resealAll();
    process.stdout.write(`${accounts} linked accounts, ${resealed} sealed again under key ${vault.newestKeyId}, ${unreadable} that no key opens.\n`);
    if (unreadable > 0) {
      process.stdout.write('Those owners have to /link again (or their key is missing from CREDENTIALS_KEYS): do not drop an old key yet.\n');
      process.exitCode = 2;
    }
  } finally {
    await quitRedis(redis);
  }
}

reseal().catch((err: unknown) => {
  process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `reseal failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
