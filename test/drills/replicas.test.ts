// Fault drill: two replicas share Redis; the one consuming Telegram updates is killed with SIGKILL while
// alerts flow (pushes from JustClick arriving at the other). The survivor takes over updates and polling.
import { expect, it } from 'vitest';
import { notificationBody } from '../fakes/justclick.js';
import type { BotProcess } from '../support/process-harness.js';
import { waitFor } from '../support/wait.js';
import { drill } from './drill.js';
import { alertedOrders } from './world.js';

/** A gauge of the replica's /metrics, e.g. jcb_takes_updates. */
async function gauge(bot: BotProcess, name: string): Promise<number | undefined> {
  const { body } = await bot.get('/metrics');
  const line = body.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
}

drill('drill: one of two replicas killed with SIGKILL', {
  timeoutMs: 240_000,
  conclude: { statusWithinMs: 40_000 },

  async scenario(world, { shop, other: rival }) {
    const replicas = await Promise.all([world.startBot('replica A'), world.startBot('replica B')]);
    let consumer: BotProcess | undefined;
    await waitFor(
      async () => {
        for (const r of replicas) if ((await gauge(r, 'jcb_takes_updates')) === 1) consumer = r;
        return consumer !== undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, message: 'either replica to take Telegram updates' },
    );
    if (!consumer) throw new Error('neither replica took Telegram updates');
    const survivor = replicas.find((r) => r !== consumer)!;
    await world.setUp();

    const payer = world.payer(700);
    // JustClick's push reaches the replica that will survive, while the other polls the same orders too.
    expect(await world.push(shop, world.pay(shop), survivor)).toBe(200);
    expect(await world.push(rival, world.pay(rival), survivor)).toBe(200);
    await world.tg.waitFor(() => alertedOrders(world.tg.sent(shop.group.id)).length >= 2, 20_000);
    const release = await world.holdTelegram();
    await consumer.kill('SIGKILL');
    release();
    // A forged push: an order that was never paid, claimed paid with a hash made from a wrong key.
    const unpaid = world.jc.addOrder(shop.login);
    const response = await fetch(`http://127.0.0.1:${survivor.port}/justclick/notify/${shop.pushToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: notificationBody({ ...unpaid, paid: String(Math.floor(Date.now() / 1000)) }, 'not-the-key'),
    });
    const forged = { order: unpaid.id, status: response.status };
    expect(await world.push(shop, world.pay(shop), survivor)).toBe(200);
    await world.tg.waitFor(() => world.paid.size >= 14, 20_000);
    await payer.stop();
    return { survivor, forged };
  },

  verdicts(found, world) {
    it('refuses a forged notification with 403 and alerts nothing for it', () => {
      expect(found().forged.status).toBe(403);
      expect(alertedOrders(world().tg.sent())).not.toContain(found().forged.order);
    });

    // Read after the drill concluded: by then the killed replica's locks have expired.
    it('leaves the survivor consuming Telegram updates and owning the poll tick', async () => {
      const { survivor } = found();
      expect(survivor.alive()).toBe(true);
      const takeover = { updates: await gauge(survivor, 'jcb_takes_updates'), pollTick: await gauge(survivor, 'jcb_poll_leader') };
      expect(takeover).toEqual({ updates: 1, pollTick: 1 });
    });
  },
});
