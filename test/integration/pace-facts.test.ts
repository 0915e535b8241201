// What a check remembers of an account between checks, against a real redis-server: the facts read back as written,
// a later check's facts keep the earlier ones it does not name, and they expire as long as the last-check time.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { PollPaceStore } from '../../src/store/poll-pace.js';
import { createRedis, quitRedis, type Redis } from '../../src/store/redis.js';
import { describeRedis, freshPrefix, redisUrl } from '../support/redis.js';

describeRedis('PollPaceStore: the facts of a check', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = createRedis(redisUrl!, { logger: createLogger('warn', { write: () => undefined }), name: 'test' });
  });
  afterAll(async () => {
    await quitRedis(redis);
  });

  it('reads back what was remembered, keeps what a later check does not name, and expires in 40 days', async () => {
    const prefix = freshPrefix();
    const pace = new PollPaceStore(redis, prefix);
    expect(await pace.facts(7)).toEqual({});
    await pace.remember(7, { saleAt: 1_000, missedAt: 2_000 });
    await pace.remember(7, { saleAt: 3_000 });
    expect(await pace.facts(7)).toEqual({ saleAt: 3_000, missedAt: 2_000 });
    expect(await pace.facts(8)).toEqual({});
    const [key] = await redis.keys(`${prefix}*7*`);
    expect(await redis.ttl(key!)).toBeGreaterThan(39 * 86_400);
    // Nothing to remember writes nothing.
    await pace.remember(8, {});
    expect(await redis.keys(`${prefix}*8*`)).toEqual([]);
  });
});
