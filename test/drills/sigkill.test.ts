// Fault drill: the bot is killed with SIGKILL while alerts are being delivered (some sent, some waiting their
// turn), orders are paid while it is down, and it is started again.
import { afterAll, beforeAll } from 'vitest';
import { describeRedis } from '../support/redis.js';
import { alertedOrders, conclude, itKeepsItsPromises, startWorld, type DrillOutcome, type World } from './world.js';

describeRedis('drill: the bot killed with SIGKILL mid-delivery, then started again', () => {
  let w: World | undefined;
  let outcome: DrillOutcome | undefined;

  beforeAll(async () => {
    const world = (w = await startWorld({ sellers: [{ group: true }, {}] }));
    const bot = await world.startBot('bot');
    await world.setUp();
    const [shop, other] = world.sellers as [NonNullable<World['sellers'][0]>, NonNullable<World['sellers'][0]>];
    // Four orders at once: the group gets one alert every three seconds, so deliveries are still queued...
    for (let i = 0; i < 4; i++) world.pay(shop);
    world.pay(other);
    // ...when the first has reached the group; Telegram then fails for a moment, so deliveries are retrying
    // when the process dies (see holdTelegram for why the kill waits until the bot noted what Telegram took).
    await world.tg.waitFor(() => alertedOrders(world.tg.sent(shop.group!.id)).length >= 1, 20_000);
    const release = await world.holdTelegram();
    await bot.kill('SIGKILL');
    release();
    // Paid while nobody is polling.
    world.pay(shop);
    world.pay(other);
    await world.startBot('bot, started again');
    world.pay(other);
    outcome = await conclude(world);
  }, 180_000);
  afterAll(async () => {
    await w?.close();
  });

  itKeepsItsPromises(() => outcome);
});
