// Fault drill on a Redis Cluster (three masters, a replica each): while orders are paid and polled every second,
// the master holding the job queues is SIGKILLed the moment Telegram takes an alert, its replica promoted; then
// the master holding the shop's private chat. Every order alerted once per chat, /status answered again.
import { expect, it } from 'vitest';
import { PREFIX } from '../../src/app.js';
import { KeySpace } from '../../src/store/keys.js';
import { drill, ordersFlowing } from './drill.js';
import type { World } from './world.js';

type Failover = Awaited<ReturnType<NonNullable<World['cluster']>['killMaster']>>;

/** Kills the master serving `key` the moment Telegram takes the next alert; resolves once its replica took over. */
async function killAtNextAlert(world: World, key: string): Promise<Failover> {
  let failover: Promise<Failover> | undefined;
  world.onNextAlert(() => {
    failover = world.cluster!.killMaster({ key });
    // Awaited below; until then a failure must not count as unhandled.
    failover.catch(() => undefined);
  });
  await world.tg.waitFor(() => failover !== undefined, 20_000);
  return failover!;
}

/** Waits until `n` more orders have been paid (the payer keeps going meanwhile). */
async function paidMore(world: World, n: number): Promise<void> {
  const from = world.paid.size;
  await world.tg.waitFor(() => world.paid.size >= from + n, 20_000);
}

drill('drill: a Redis Cluster master killed while alerts flow', {
  cluster: true,
  async scenario(world, { shop }) {
    const keys = new KeySpace(PREFIX, true);
    const payer = await ordersFlowing(world, 600);
    // The queues' slot is also the one of the group's and the other seller's chat keys (prefix and ids are fixed).
    const queues = await killAtNextAlert(world, `${keys.queuePrefix()}:delivery:wait`);
    await paidMore(world, 4);
    const privateChat = await killAtNextAlert(world, keys.chat('alert:sent', shop.user.id, 'o1'));
    await paidMore(world, 4);
    await payer.stop();
    return { failovers: [queues, privateChat] };
  },
  verdicts(found) {
    it('killed two different masters, and each time a replica took over', () => {
      const { failovers } = found();
      expect(new Set(failovers.map((f) => f.killed)).size).toBe(2);
      for (const f of failovers) expect(f.promoted).not.toBe(f.killed);
    });
  },
});
