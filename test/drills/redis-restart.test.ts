// Fault drill: Redis is killed and started again on the same port (AOF keeps the data) while accounts are
// polled every second and orders keep being paid, at the worst moment: while Telegram takes an alert.
import { drill, ordersFlowing } from './drill.js';

drill('drill: Redis restarted while accounts are polled', {
  async scenario(world) {
    const payer = await ordersFlowing(world, 700);
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
  },
});
