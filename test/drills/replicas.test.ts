// Fault drill: two replicas share Redis; the one consuming Telegram updates is killed with SIGKILL while
// alerts flow (pushes from JustClick arriving at the other). The survivor takes over updates and polling.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { notificationBody } from '../fakes/justclick.js';
import type { BotProcess } from '../support/process-harness.js';
import { describeRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';
import { alertedOrders, conclude, itKeepsItsPromises, startWorld, type DrillOutcome, type World } from './world.js';

/** A gauge of the replica's /metrics, e.g. jcb_takes_updates. */
async function gauge(bot: BotProcess, name: string): Promise<number | undefined> {
  const { body } = await bot.get('/metrics');
  const line = body.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
}

describeRedis('drill: one of two replicas killed with SIGKILL', () => {
  let w: World | undefined;
  let outcome: DrillOutcome | undefined;
  let survivor: BotProcess | undefined;
  let takeover: { updates: number | undefined; pollTick: number | undefined } | undefined;
  let forged: { order: string; status: number } | undefined;

  beforeAll(async () => {
    const world = (w = await startWorld({ sellers: [{ group: true }, {}] }));
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
    const other = replicas.find((r) => r !== consumer)!;
    survivor = other;
    await world.setUp();

    const [shop, rival] = world.sellers as [NonNullable<World['sellers'][0]>, NonNullable<World['sellers'][0]>];
    const payer = world.payer(700);
    // JustClick's push reaches the replica that will survive, while the other polls the same orders too.
    expect(await world.push(shop, world.pay(shop), other)).toBe(200);
    expect(await world.push(rival, world.pay(rival), other)).toBe(200);
    await world.tg.waitFor(() => alertedOrders(world.tg.sent(shop.group!.id)).length >= 2, 20_000);
    const release = await world.holdTelegram();
    await consumer.kill('SIGKILL');
    release();
    // A forged push: an order that was never paid, claimed paid with a hash made from a wrong key.
    const unpaid = world.jc.addOrder(shop.login);
    const response = await fetch(`http://127.0.0.1:${other.port}/justclick/notify/${shop.pushToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: notificationBody({ ...unpaid, paid: String(Math.floor(Date.now() / 1000)) }, 'not-the-key'),
    });
    forged = { order: unpaid.id, status: response.status };
    expect(await world.push(shop, world.pay(shop), other)).toBe(200);
    await world.tg.waitFor(() => world.paid.size >= 14, 20_000);
    await payer.stop();
    outcome = await conclude(world, { statusWithinMs: 40_000 });
    takeover = { updates: await gauge(other, 'jcb_takes_updates'), pollTick: await gauge(other, 'jcb_poll_leader') };
  }, 240_000);
  afterAll(async () => {
    await w?.close();
  });

  itKeepsItsPromises(() => outcome);

  it('refuses a forged notification with 403 and alerts nothing for it', () => {
    expect(forged?.status).toBe(403);
    expect(alertedOrders(w!.tg.sent())).not.toContain(forged?.order);
  });

  it('leaves the survivor consuming Telegram updates and owning the poll tick', () => {
    expect(survivor?.alive()).toBe(true);
    expect(takeover).toEqual({ updates: 1, pollTick: 1 });
  });
});
