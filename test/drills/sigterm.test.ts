// Drill: a graceful stop (SIGTERM, as `docker compose stop` sends) while alerts are being delivered. The
// process must exit by itself within its deadline, lose nothing, and hand Telegram updates over at once
// (it releases the polling lock instead of leaving the next process to wait for it to expire).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeRedis } from '../support/redis.js';
import { alertedOrders, conclude, itKeepsItsPromises, startWorld, type DrillOutcome, type World } from './world.js';

describeRedis('drill: SIGTERM mid-delivery, then started again', () => {
  let w: World | undefined;
  let outcome: DrillOutcome | undefined;
  let stop: { ms: number; logged: boolean } | undefined;
  let handover: number | undefined;

  beforeAll(async () => {
    const world = (w = await startWorld({ sellers: [{ group: true }, {}] }));
    const bot = await world.startBot('bot');
    await world.setUp();
    const [shop, other] = world.sellers as [NonNullable<World['sellers'][0]>, NonNullable<World['sellers'][0]>];
    // Several orders at once: the group is paced, so deliveries are still queued when the signal comes.
    for (let i = 0; i < 4; i++) world.pay(shop);
    world.pay(other);
    await world.tg.waitFor(() => alertedOrders(world.tg.sent(shop.group!.id)).length >= 1, 20_000);
    const t0 = Date.now();
    await bot.kill('SIGTERM');
    stop = {
      ms: Date.now() - t0,
      logged: await bot.waitForLog((e) => e.msg === 'stopped', 1).then(() => true, () => false),
    };
    world.pay(shop);
    await world.startBot('bot, started again');
    // The lock was given back: the new process answers well before the old lock (15 s) could expire.
    handover = await world.answersStatus(shop, 20_000).catch(() => Infinity);
    world.pay(other);
    outcome = await conclude(world);
  }, 180_000);
  afterAll(async () => {
    await w?.close();
  });

  itKeepsItsPromises(() => outcome);

  it('exits by itself within the shutdown deadline, saying so', () => {
    expect(stop?.logged).toBe(true);
    expect(stop?.ms).toBeLessThan(15_000);
  });

  it('lets the next process take Telegram updates without waiting for a lock to expire', () => {
    expect(handover).toBeLessThan(10_000);
  });
});
