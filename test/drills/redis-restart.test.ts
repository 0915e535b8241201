// Fault drill: Redis is killed and started again on the same port (AOF keeps the data) while accounts are
// polled every second and orders keep being paid, at the worst moment: while Telegram takes an alert.
import { afterAll, beforeAll } from 'vitest';
import { describeRedis } from '../support/redis.js';
import { alertedOrders, conclude, itKeepsItsPromises, startWorld, type DrillOutcome, type World } from './world.js';

describeRedis('drill: Redis restarted while accounts are polled', () => {
  let w: World | undefined;
  let outcome: DrillOutcome | undefined;

  beforeAll(async () => {
    const world = (w = await startWorld({ sellers: [{ group: true }, {}] }));
    await world.startBot('bot');
    await world.setUp();
    const payer = world.payer(700);
    await world.tg.waitFor(() => alertedOrders(world.tg.sent()).length >= 2, 20_000);
    let restarted: Promise<void> | undefined;
    world.onNextAlert(() => {
      restarted = world.redis.restart({ downMs: 2_000 });
    });
    await world.tg.waitFor(() => restarted !== undefined, 20_000);
    await restarted;
    // Orders keep coming for a few polls after Redis is back.
    const atRecovery = world.paid.size;
    await world.tg.waitFor(() => world.paid.size >= atRecovery + 4, 20_000);
    await payer.stop();
    outcome = await conclude(world);
  }, 180_000);
  afterAll(async () => {
    await w?.close();
  });

  itKeepsItsPromises(() => outcome);
});
