// Drill: a graceful stop (SIGTERM, as `docker compose stop` sends) while alerts are being delivered. The
// process must exit by itself within its deadline, lose nothing, and hand Telegram updates over at once
// (it releases the polling lock instead of leaving the next process to wait for it to expire).
import { expect, it } from 'vitest';
import { deliveriesQueued, drill } from './drill.js';

drill('drill: SIGTERM mid-delivery, then started again', {
  async scenario(world, { shop, other }) {
    // Deliveries are still queued when the signal comes.
    const bot = await deliveriesQueued(world, { shop, other });
    const t0 = Date.now();
    await bot.kill('SIGTERM');
    const stop = {
      ms: Date.now() - t0,
      logged: await bot
        .waitForLog((e) => e.msg === 'stopped', 1)
        .then(
          () => true,
          () => false,
        ),
    };
    world.pay(shop);
    await world.startBot('bot, started again');
    // The lock was given back: the new process answers well before the old lock (15 s) could expire.
    const handover = await world.answersStatus(shop, 20_000).catch(() => Infinity);
    world.pay(other);
    return { stop, handover };
  },

  verdicts(found) {
    it('exits by itself within the shutdown deadline, saying so', () => {
      expect(found().stop.logged).toBe(true);
      expect(found().stop.ms).toBeLessThan(15_000);
    });

    it('lets the next process take Telegram updates without waiting for a lock to expire', () => {
      expect(found().handover).toBeLessThan(10_000);
    });
  },
});
