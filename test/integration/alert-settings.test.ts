// Alerts a chat has tuned, end to end on real Redis and BullMQ with the engine's clock injected: filters,
// quiet hours across midnight and a restart (nothing lost, nothing repeated), the morning summary, and the
// silence alert on a seeded quiet day and a normal one.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AlertPrefs } from '../../src/domain/alert-prefs.js';
import { describeRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';
import { startHarness, type Harness, type Replica } from './alerts-harness.js';

const OWNER = 503;
const at = (iso: string) => new Date(iso);
const sec = (d: Date) => Math.floor(d.getTime() / 1000);
/** Paid a minute before `d`: the engine's clock stands still, and a check covers [from, now). */
const paidBefore = (d: Date) => sec(d) - 60;

describeRedis('alerts a chat has tuned', () => {
  let h: Harness;
  let now: Date;
  beforeEach(async () => {
    h = await startHarness();
    now = at('2026-12-07T19:00:00Z'); // Monday 22:00 in Moscow, the chats' zone
    h.jc.setNow(() => now.getTime());
  });
  afterEach(async () => {
    await h.close();
  });

  const replica = () => h.engine({ now: () => now });
  const sendCalls = () => h.tg.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === OWNER && !c.error);
  const texts = () => h.tg.sent(OWNER).map((m) => m.text.replace(/[\u00a0\u202f]/g, ' '));

  async function alertsOn(prefs: AlertPrefs) {
    const { login } = await h.link(OWNER);
    const engine = replica();
    await engine.start();
    await engine.alerts.enable(OWNER, OWNER);
    await h.chats.update(OWNER, { alertPrefs: prefs });
    return { login, engine };
  }

  /** The order is in the chat's ledger (seen by the poller) and a few more checks have passed. */
  async function seen(login: string, orderId: string) {
    await waitFor(() => h.ledger.has(OWNER, orderId), { message: `order ${orderId} seen` });
    await h.afterChecks(login, 3);
  }

  it('leaves out orders a filter does not pass, and never alerts them later when the filter is removed', async () => {
    const { login } = await alertsOn({ minSum: 100_000, skipFree: true });
    now = at('2026-12-07T19:10:00Z');
    const small = h.jc.addOrder(login, { paid: paidBefore(now), price: '500.00' });
    const free = h.jc.addOrder(login, { paid: paidBefore(now), price: '0.00' });
    const big = h.jc.addOrder(login, { paid: paidBefore(now), price: '1500.00' });
    await waitFor(() => texts().some((t) => t.includes(`№ ${big.id}`)), { message: 'the alert of the big order' });
    await seen(login, small.id);

    await h.chats.update(OWNER, { alertPrefs: null });
    await h.afterChecks(login, 3);
    expect(texts()).toHaveLength(1);
    expect(texts()[0]).not.toContain(`№ ${small.id}`);
    expect(texts()[0]).not.toContain(`№ ${free.id}`);
  });

  it('silent quiet hours: alerts arrive without a sound at night and with one in the morning', async () => {
    const { login } = await alertsOn({ quiet: { from: '23:00', to: '08:00', mode: 'silent' } });
    now = at('2026-12-07T21:00:00Z'); // 00:00
    const night = h.jc.addOrder(login, { paid: paidBefore(now) });
    await waitFor(() => sendCalls().length === 1, { message: 'the night alert' });
    now = at('2026-12-08T05:01:00Z'); // 08:01
    const morning = h.jc.addOrder(login, { paid: paidBefore(now) });
    await waitFor(() => sendCalls().length === 2, { message: 'the morning alert' });

    const [first, second] = sendCalls();
    expect(String(first!.payload.text)).toContain(night.id);
    expect(first!.payload.disable_notification).toBe(true);
    expect(String(second!.payload.text)).toContain(morning.id);
    expect(second!.payload.disable_notification).toBeUndefined();
  });

  it('holds alerts through the night, across midnight and a restart, then sends them once as one summary', async () => {
    const { login, engine } = await alertsOn({ quiet: { from: '23:00', to: '08:00', mode: 'hold' } });
    now = at('2026-12-07T20:30:00Z'); // 23:30
    const a = h.jc.addOrder(login, { paid: paidBefore(now), first_name: 'Ася' });
    await seen(login, a.id);
    now = at('2026-12-07T21:30:00Z'); // 00:30, the next day
    const b = h.jc.addOrder(login, { paid: paidBefore(now), first_name: 'Борис' });
    await seen(login, b.id);

    // A restart in the middle of the night: what is held is in Redis, not in the process.
    await engine.close(2_000);
    const next: Replica = replica();
    await next.start();
    now = at('2026-12-08T02:00:00Z'); // 05:00
    const c = h.jc.addOrder(login, { paid: paidBefore(now), first_name: 'Вера' });
    await seen(login, c.id);
    expect(texts()).toEqual([]);

    now = at('2026-12-08T05:00:30Z'); // 08:00:30
    await waitFor(() => texts().length > 0, { message: 'the morning summary' });
    await h.afterChecks(login, 4);
    const [summary, ...more] = texts();
    expect(more).toEqual([]);
    expect(summary).toContain('тихие часы 23:00–08:00');
    for (const o of [a, b, c]) expect(summary).toContain(o.id);
    expect(summary).toContain('3 оплаченных заказа');

    // Daytime again: the next order is alerted at once, on its own.
    const d = h.jc.addOrder(login, { paid: paidBefore(now) });
    await waitFor(() => texts().length === 2, { message: 'the daytime alert' });
    expect(texts()[1]).toContain(`№ ${d.id}`);
  });

  /** Four weeks of one paid order an hour, 09:00–21:00 Moscow, before Monday 7 Dec. */
  function busyFourWeeks(login: string) {
    for (let day = 28; day >= 1; day--) {
      for (let hour = 9; hour < 21; hour++) {
        const paid = sec(at('2026-12-07T00:00:00Z')) - day * 86_400 + (hour - 3) * 3600 + 600;
        h.jc.addOrder(login, { paid, created: paid - 60 });
      }
    }
  }

  async function silenceDay(saleAt: Date | null) {
    now = at('2026-12-07T05:00:00Z'); // Monday 08:00
    const { login, engine } = await alertsOn({ silence: true });
    busyFourWeeks(login);
    await engine.app.engine.alertSettings.watchSilence(OWNER, true);
    if (saleAt) {
      now = saleAt;
      const sale = h.jc.addOrder(login, { paid: paidBefore(saleAt) });
      await waitFor(() => texts().some((t) => t.includes(sale.id)), { message: 'the sale alert' });
    }
    now = at('2026-12-07T12:00:00Z'); // 15:00
    await h.afterChecks(login, 3);
    // The check learns four weeks of orders first: on 2 busy cores that takes seconds.
    if (!saleAt) await waitFor(() => told().length > 0, { message: 'the silence alert', timeoutMs: 30_000 });
    now = at('2026-12-07T13:00:00Z'); // 16:00: a later check the same day
    await h.afterChecks(login, 3);
    // Let the sweep pick the due checks up and run them.
    await new Promise((r) => setTimeout(r, 2_500));
    return told();
  }
  const told = () => texts().filter((t) => t.includes('Нет оплат'));

  it('tells once on a quiet Monday: no paid orders since 08:00, usually 6 by 15:00', async () => {
    const told = await silenceDay(null);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('Нет оплат уже 7 ч');
    expect(told[0]).toContain('в понедельник к этому времени их 6');
  });

  it('says nothing on a normal Monday with a sale at 14:30', async () => {
    expect(await silenceDay(at('2026-12-07T11:30:00Z'))).toEqual([]);
  });
});
