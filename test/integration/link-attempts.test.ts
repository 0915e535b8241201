// Failed /link attempts on a real Redis, as two replicas see them: one count, back-off and lockout for all.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { LINK_LIMITS, LinkAttempts } from '../../src/store/link-attempts.js';
import { createRedis, quitRedis, type Redis } from '../../src/store/redis.js';
import { describeRedis, freshPrefix, redisUrl } from '../support/redis.js';

const shop = { login: 'shop', region: 'ru' };

describeRedis('LinkAttempts', () => {
  let redis: Redis;
  let other: Redis;

  beforeAll(() => {
    const logger = createLogger('warn');
    redis = createRedis(redisUrl!, { logger, name: 'replica-a' });
    other = createRedis(redisUrl!, { logger, name: 'replica-b' });
  });
  afterAll(async () => {
    await quitRedis(redis);
    await quitRedis(other);
  });

  it('lets exactly the free failures through when attempts race on two replicas', async () => {
    const prefix = freshPrefix('link');
    const replicas = [new LinkAttempts(redis, prefix), new LinkAttempts(other, prefix)];
    const now = new Date('2026-11-28T10:00:00Z');
    const waits = await Promise.all(Array.from({ length: 12 }, (_, i) => replicas[i % 2]!.begin(7, shop, now)));
    expect(waits.filter((w) => w === 0)).toHaveLength(LINK_LIMITS.freeFailures);
    for (const w of waits.filter((w) => w > 0)) expect(w).toBe(LINK_LIMITS.firstWaitMs);
  });

  it('counts per login across users, and the right key clears the login but not the user', async () => {
    const prefix = freshPrefix('link');
    const attempts = new LinkAttempts(redis, prefix);
    const now = new Date('2026-11-28T10:00:00Z');
    for (let user = 1; user <= 5; user++) expect(await attempts.begin(user, shop, now)).toBe(0);
    expect(await attempts.begin(6, shop, now)).toBeGreaterThan(0);
    // Another login is not held up by shop's failures.
    expect(await attempts.begin(6, { login: 'other', region: 'ru' }, now)).toBe(0);
    // User 5 had the right key after all: shop is clear; user 5's own failures (now 0) are what they were.
    await attempts.succeeded(5, shop);
    expect(await attempts.begin(7, shop, now)).toBe(0);
  });

  it('an outage takes the attempt back: it was no failure', async () => {
    const prefix = freshPrefix('link');
    const attempts = new LinkAttempts(redis, prefix);
    const now = new Date('2026-11-28T10:00:00Z');
    for (let i = 0; i < 10; i++) {
      expect(await attempts.begin(9, shop, now)).toBe(0);
      await attempts.notAFailure(9, shop);
    }
  });

  it('waits 1, 2, 4 … minutes, at most an hour, then locks for the rest of the day', async () => {
    const prefix = freshPrefix('link');
    const attempts = new LinkAttempts(redis, prefix);
    let now = Date.parse('2026-11-28T10:00:00Z');
    const seen: number[] = [];
    for (let failure = 1; failure <= LINK_LIMITS.lockoutFailures; failure++) {
      const wait = await attempts.begin(3, { login: `l${failure}`, region: 'ru' }, new Date(now));
      if (wait > 0) {
        seen.push(wait / 60_000);
        now += wait;
        expect(await attempts.begin(3, { login: `l${failure}`, region: 'ru' }, new Date(now))).toBe(0);
      }
    }
    expect(seen).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60, 60, 60, 60, 60]);
    const locked = await attempts.begin(3, { login: 'late', region: 'ru' }, new Date(now + 2 * 60 * 60_000));
    expect(locked).toBeGreaterThan(23 * 60 * 60_000);
    expect(locked).toBeLessThanOrEqual(LINK_LIMITS.dayMs);
  });
});
