// Reads a whole Redis database back as text, so a test can look for what must never rest there (a secret).
import { type Redis, scanKeys } from '../../src/store/redis.js';

/** Every key with its whole value as text, walked with SCAN (never KEYS; every master of a cluster), whatever the type. */
export async function everyRedisValue(redis: Redis): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for await (const keys of scanKeys(redis, '*')) {
    for (const key of keys) {
      const type = await redis.type(key);
      let value: unknown;
      if (type === 'string') value = await redis.get(key);
      else if (type === 'hash') value = await redis.hgetall(key);
      else if (type === 'set') value = await redis.smembers(key);
      else if (type === 'zset') value = await redis.zrange(key, '0', '-1', 'WITHSCORES');
      else if (type === 'list') value = await redis.lrange(key, 0, -1);
      else if (type === 'stream') value = await redis.xrange(key, '-', '+');
      else if (type === 'none')
        continue; // expired between SCAN and TYPE
      else throw new Error(`unexpected Redis type ${type} at ${key}`);
      out.push([key, typeof value === 'string' ? value : JSON.stringify(value)]);
    }
  }
  return out;
}
