// Fault drill: JustClick answers 5xx, then leaves requests hanging until the client gives up on them, then
// recovers, while orders keep being paid; the poller must catch up on everything paid meanwhile.
import { drill, ordersFlowing } from './drill.js';

drill('drill: JustClick answering 5xx and hanging, then recovering', {
  async scenario(world) {
    const payer = await ordersFlowing(world, 800);
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
  },
});
