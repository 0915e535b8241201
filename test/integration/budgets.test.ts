// Budgets of JustClick calls on a real Redis, as two replicas see them: one bucket per user and per account.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { accountCapacity, BUDGETS, RequestBudgets } from '../../src/store/budgets.js';
import { createRedis, quitRedis, type Redis } from '../../src/store/redis.js';
import { describeRedis, freshPrefix, redisUrl } from '../support/redis.js';

const shop = { login: 'shop', region: 'ru' };
const now = new Date('2026-11-28T10:00:00Z');

describeRedis('RequestBudgets', () => {
  let a: Redis;
  let b: Redis;
  beforeAll(() => {
    const logger = createLogger('warn');
    a = createRedis(redisUrl!, { logger, name: 'replica-a' });
    b = createRedis(redisUrl!, { logger, name: 'replica-b' });
  });
  afterAll(async () => {
    await quitRedis(a);
    await quitRedis(b);
  });

  it('two replicas racing spend one user bucket: exactly its capacity goes through', async () => {
    const prefix = freshPrefix('budget');
    const replicas = [new RequestBudgets(a, prefix), new RequestBudgets(b, prefix)];
    const waits = await Promise.all(Array.from({ length: 60 }, (_, i) => replicas[i % 2]!.spend(1, shop, 1, now)));
    expect(waits.filter((w) => w === 0)).toHaveLength(BUDGETS.user.capacity);
  });

  it('refills evenly: after a full spend, one call fits again after an hour / capacity', async () => {
    const budgets = new RequestBudgets(a, freshPrefix('budget'));
    expect(await budgets.spend(2, shop, BUDGETS.user.capacity, now)).toBe(0);
    const wait = await budgets.spend(2, shop, 1, now);
    expect(wait).toBe(Math.ceil(BUDGETS.user.refillMs / BUDGETS.user.capacity));
    expect(await budgets.spend(2, shop, 1, new Date(now.getTime() + wait))).toBe(0);
  });

  it('a refused spend takes nothing from either bucket', async () => {
    const budgets = new RequestBudgets(a, freshPrefix('budget'));
    expect(await budgets.spend(3, shop, BUDGETS.user.capacity - 1, now)).toBe(0);
    expect(await budgets.spend(3, shop, 14, now)).toBeGreaterThan(0);
    // The account bucket did not pay for the refused request: another user still gets its full share.
    expect(await budgets.spend(4, shop, BUDGETS.account.capacity - BUDGETS.user.capacity + 1, now)).toBe(0);
  });

  it('polls take from the account bucket only above the commands share; commands may take it all', async () => {
    const budgets = new RequestBudgets(a, freshPrefix('budget'), 60);
    const polls = accountCapacity(60) - BUDGETS.account.capacity;
    expect(polls).toBe(75);
    let granted = 0;
    while ((await budgets.spendForPoll(shop, 1, now)) === 0) granted++;
    expect(granted).toBe(polls);
    // What is left is the commands': two users still get their full 40 each.
    expect(await budgets.spend(5, shop, BUDGETS.user.capacity, now)).toBe(0);
    expect(await budgets.spend(6, shop, BUDGETS.user.capacity, now)).toBe(0);
  });

  it('a poll waits while commands have spent the bucket, and goes once it has refilled above their share', async () => {
    const budgets = new RequestBudgets(b, freshPrefix('budget'), 60);
    const cap = accountCapacity(60);
    expect(await budgets.spend(7, shop, cap, now)).toBe(0);
    const wait = await budgets.spendForPoll(shop, 1, now);
    expect(wait).toBe(Math.ceil((BUDGETS.account.capacity + 1) / (cap / BUDGETS.account.refillMs)));
    expect(await budgets.spendForPoll(shop, 1, new Date(now.getTime() + wait - 1_000))).toBeGreaterThan(0);
    expect(await budgets.spendForPoll(shop, 1, new Date(now.getTime() + wait))).toBe(0);
  });

  it('one /digest now per chat at a time, whichever replica is asked', async () => {
    const prefix = freshPrefix('budget');
    expect(await new RequestBudgets(a, prefix).claimDigestNow(-1001)).toBe(true);
    expect(await new RequestBudgets(b, prefix).claimDigestNow(-1001)).toBe(false);
    expect(await new RequestBudgets(b, prefix).claimDigestNow(-1002)).toBe(true);
  });
});
