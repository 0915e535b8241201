// Fault drill: a storm of 429 "Too Many Requests" (retry_after 1–2 s) on sendMessage while orders are paid:
// alerts wait their turn and all arrive, once each; command answers wait too but come.
import { drill, ordersFlowing } from './drill.js';

const STORM = 24;

drill('drill: a storm of 429s from Telegram', {
  async scenario(world) {
    const payer = await ordersFlowing(world, 600);
    for (let i = 0; i < STORM; i++) world.tg.inject('sendMessage', { code: 429, retryAfter: 1 + (i % 2) });
    const refused = () => world.tg.calls.filter((c) => c.method === 'sendMessage' && c.error?.code === 429).length;
    // Orders keep coming into the storm; every group alert waits three seconds after the last, so not too many.
    await world.tg.waitFor(() => world.paid.size >= 9, 20_000);
    await payer.stop();
    await world.tg.waitFor(() => refused() === STORM, 90_000);
  },
});
