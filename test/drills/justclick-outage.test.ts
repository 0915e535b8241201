// Fault drill: JustClick answers 5xx, then leaves requests hanging until the client gives up on them, then
// recovers, while orders keep being paid; the poller must catch up on everything paid meanwhile.
import { afterAll, beforeAll } from 'vitest';
import { describeRedis } from '../support/redis.js';
import { alertedOrders, conclude, itKeepsItsPromises, startWorld, type DrillOutcome, type World } from './world.js';

describeRedis('drill: JustClick answering 5xx and hanging, then recovering', () => {
  let w: World | undefined;
  let outcome: DrillOutcome | undefined;

  beforeAll(async () => {
    const world = (w = await startWorld({ sellers: [{ group: true }, {}] }));
    await world.startBot('bot');
    await world.setUp();
    const payer = world.payer(800);
    await world.tg.waitFor(() => alertedOrders(world.tg.sent()).length >= 2, 20_000);
    const answered = world.jc.requests.length;
    world.jc.inject('5xx', 30);
    world.jc.inject('hang', 4);
    // The outage is over once JustClick has met every injected fault and answers normally again.
    await world.tg.waitFor(
      () => world.jc.requests.slice(answered).filter((r) => r.fault === 'hang').length === 4 && world.jc.requests.at(-1)?.fault === undefined,
      60_000,
    );
    // A few more orders after recovery, while the hung checks are still waiting for their timeout.
    await world.tg.waitFor(() => world.paid.size >= 12, 20_000);
    await payer.stop();
    outcome = await conclude(world);
  }, 180_000);
  afterAll(async () => {
    await w?.close();
  });

  itKeepsItsPromises(() => outcome);
});
