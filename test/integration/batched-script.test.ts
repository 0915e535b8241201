// A batched script (src/store/lua.ts) answers each caller exactly as running its body alone would, sends the calls of
// one tick as one command, fails only the call whose body failed, and loads itself again after SCRIPT FLUSH.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { BatchedScript, LuaScript } from '../../src/store/lua.js';
import { createRedis, quitRedis, type Redis } from '../../src/store/redis.js';
import { describeRedis, freshPrefix } from '../support/redis.js';
import { type RedisServer, startRedisServer } from '../support/redis-server.js';

const logger = createLogger('error', { write: () => undefined });

// Adds A[1] to the counter K[1] and returns it with the hash K[2] and the rest of the arguments: several keys, a
// write, a nested answer and a false (a missing GET) inside it.
const BODY = `
local n = redis.call('INCRBY', K[1], A[1])
local rest = {}
for i = 2, #A do rest[#rest + 1] = A[i] end
return { n, redis.call('HGETALL', K[2]), redis.call('GET', K[3]), rest }
`;
const batched = new BatchedScript(BODY);
const alone = new LuaScript(`local K, A = KEYS, ARGV\n${BODY}`);

describeRedis('BatchedScript: many callers, one command', () => {
  // A server of its own: the SCRIPT FLUSH below must not reach the other test files' scripts.
  let server: RedisServer;
  let redis: Redis;
  let other: Redis;
  /** Script commands `redis` has sent (one EVALSHA per batch), counted at the client. */
  let sent = 0;
  beforeAll(async () => {
    server = await startRedisServer();
    redis = createRedis(server.url, { logger, name: 'test' });
    const evalsha = redis.evalsha.bind(redis);
    redis.evalsha = ((...args: Parameters<typeof evalsha>) => {
      sent++;
      return evalsha(...args);
    }) as typeof redis.evalsha;
    other = createRedis(server.url, { logger, name: 'test-plain', autoPipelining: false });
  });
  afterAll(async () => {
    await quitRedis(redis);
    await quitRedis(other);
    await server.stop();
  });

  it('the calls of one tick: one command, and each caller gets what its body alone returns', async () => {
    const p = freshPrefix('batch');
    const calls = Array.from({ length: 40 }, (_, i) => ({
      keys: [`${p}n:${i % 7}`, `${p}h:${i % 3}`, `${p}missing:${i}`],
      args: [i + 1, ...Array.from({ length: i % 4 }, (_, j) => `a${i}-${j}`)],
    }));
    for (let i = 0; i < 3; i++) await redis.hset(`${p}h:${i}`, 'f', `v${i}`, 'g', 'ш');
    const before = sent;
    const got = await Promise.all(calls.map((c) => batched.run(redis, c.keys, c.args)));
    expect(sent - before).toBe(1);

    // The same calls one by one, on fresh counters, give the same answers (the counters add up in the same order).
    const q = freshPrefix('alone');
    for (let i = 0; i < 3; i++) await redis.hset(`${q}h:${i}`, 'f', `v${i}`, 'g', 'ш');
    const expected = [];
    for (const c of calls) expected.push(await alone.run(redis, [c.keys[0]!.replace(p, q), c.keys[1]!.replace(p, q), c.keys[2]!.replace(p, q)], c.args));
    expect(got).toEqual(expected);
    // The 40th call's counter had 5 + 12 + 19 + 26 + 33 + 40 added to it, in call order.
    expect(got[39]).toEqual([135, ['f', 'v0', 'g', 'ш'], null, ['a39-0', 'a39-1', 'a39-2']]);
  });

  it('calls in different ticks are different commands; a lone call runs as a script of its own', async () => {
    const p = freshPrefix('ticks');
    const before = sent;
    expect(await batched.run(redis, [`${p}n`, `${p}h`, `${p}x`], [2])).toEqual([2, [], null, []]);
    expect(await batched.run(redis, [`${p}n`, `${p}h`, `${p}x`], [3, 'z'])).toEqual([5, [], null, ['z']]);
    expect(sent - before).toBe(2);
  });

  it('an error in one call fails that call alone; the others are answered', async () => {
    const p = freshPrefix('fail');
    await redis.set(`${p}h`, 'not a hash');
    const results = await Promise.allSettled([
      batched.run(redis, [`${p}n1`, `${p}ok`, `${p}x`], [1]),
      batched.run(redis, [`${p}n2`, `${p}h`, `${p}x`], [1]),
      batched.run(redis, [`${p}n3`, `${p}ok`, `${p}x`], [5]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toMatch(/WRONGTYPE/);
    expect((results[2] as PromiseFulfilledResult<unknown>).value).toEqual([5, [], null, []]);
    // The failed call's write before the error stays, as for any script.
    expect(await redis.get(`${p}n2`)).toBe('1');
  });

  it('more calls in one tick than a batch holds: several commands of at most 256, every caller answered', async () => {
    const p = freshPrefix('many');
    const before = sent;
    const got = await Promise.all(Array.from({ length: 600 }, (_, i) => batched.run(redis, [`${p}n:${i}`, `${p}h`, `${p}x`], [i])));
    expect(sent - before).toBe(3);
    expect(got.map((g) => (g as [number])[0])).toEqual(Array.from({ length: 600 }, (_, i) => i));
  });

  it('after SCRIPT FLUSH the batch loads its script again', async () => {
    const p = freshPrefix('flush');
    await other.script('FLUSH');
    const got = await Promise.all([1, 2, 3].map((i) => batched.run(redis, [`${p}n`, `${p}h`, `${p}x`], [i])));
    expect(got.map((g) => (g as [number])[0]).sort()).toEqual([1, 3, 6]);
  });
});
