// Milestones in paid-order alerts on seeded data, with two replicas on one Redis: the first sale of the day,
// the record day and the record order are each told once, in the alert of the order that reached them.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';
import { nowSeconds, startHarness, type Harness } from './alerts-harness.js';

const OWNER = 701;
const DAY = 86_400;

describeRedis('milestones in alerts', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const alerts = () => h.tg.sent(OWNER).map((m) => m.text.replace(/[\u00a0\u202f]/g, ' '));
  const alertOf = (id: string) => alerts().filter((t) => t.includes(`№ ${id}`));

  it('tells the first sale, the record day and the record order once each, with two replicas', async () => {
    const { login } = await h.link(OWNER);
    // The window: the best day 10,000 ₽ (two orders), the largest order 6,000 ₽; and one older than 90 days.
    h.jc.addOrder(login, { paid: nowSeconds() - 5 * DAY, price: '6000.00' });
    h.jc.addOrder(login, { paid: nowSeconds() - 5 * DAY + 60, price: '4000.00' });
    h.jc.addOrder(login, { paid: nowSeconds() - 20 * DAY, price: '3000.00' });
    h.jc.addOrder(login, { paid: nowSeconds() - 120 * DAY, price: '50000.00' });
    const a = h.engine();
    const b = h.engine();
    await Promise.all([a.start(), b.start()]);
    await a.alerts.enable(OWNER, OWNER);

    const first = h.jc.addOrder(login, { paid: nowSeconds(), price: '3000.00' });
    await waitFor(() => alertOf(first.id).length > 0, { message: 'the first alert' });
    const second = h.jc.addOrder(login, { paid: nowSeconds() + 1, price: '2000.00' });
    await waitFor(() => alertOf(second.id).length > 0, { message: 'the second alert', timeoutMs: 15_000 });
    const third = h.jc.addOrder(login, { paid: nowSeconds() + 2, price: '6500.00' });
    await waitFor(() => alertOf(third.id).length > 0, { message: 'the third alert', timeoutMs: 15_000 });
    await h.afterChecks(login, 4);

    expect(alertOf(first.id)).toHaveLength(1);
    expect(alertOf(first.id)[0]).toContain('🌅 Первая продажа за сегодня');
    expect(alertOf(first.id)[0]).not.toMatch(/Рекорд|крупный/);
    expect(alertOf(second.id)[0]).not.toMatch(/Первая продажа|Рекорд|крупный/);
    // 3,000 + 2,000 + 6,500 = 11,500 > 10,000; 6,500 > 6,000 (the 50,000 one is older than 90 days).
    expect(alertOf(third.id)[0]).toContain('🏆 Рекордный день: уже 11 500 ₽ — больше, чем в любой из последних 90 дней');
    expect(alertOf(third.id)[0]).toContain('🚀 Самый крупный заказ за последние 90 дней');
    for (const line of ['Первая продажа', 'Рекордный день', 'Самый крупный']) {
      expect(
        alerts().filter((t) => t.includes(line)),
        line,
      ).toHaveLength(1);
    }
  });
});
