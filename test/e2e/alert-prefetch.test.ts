// End to end: a paid push starts the reads of its alert's buyer line and milestones while JustClick is still
// confirming it, and the alert uses those reads instead of asking again; a refund push starts none.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { plain } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';

const KEY = 'beefbeefbeefbeefbeefbeefbeefbeef';
const LOGIN = 'earlyshop';
const CONFIRM_MS = 1_500;

describeRedis('e2e: a push starts its alert’s reads early', () => {
  let h: BotHarness;
  let token: string;
  const lena = { id: 7601, firstName: 'Lena', languageCode: 'en' };
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    h = await startBotHarness();
    await h.engine.start();
    h.jc.addAccount(LOGIN, KEY);
    h.jc.addOrder(LOGIN, { id: 61000, created: now() - 86_400 * 3, paid: now() - 86_400 * 3, price: '1000.00' });
    await h.say(lena, `/link ${LOGIN} ${KEY}`);
    await h.say(lena, '/alerts on');
    token = await h.accounts.ensurePushToken(lena.id);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('asks for the buyer’s bills and the day’s orders before the confirmation answers, and once', async () => {
    const from = h.jc.requests.length;
    h.jc.addOrder(LOGIN, { id: 61001, created: now() - 60, paid: now() });
    // Only the first request (the confirmation, getOrderDetails) is slow.
    h.jc.inject({ latencyMs: CONFIRM_MS }, 1);
    expect(await h.jc.notify(`http://127.0.0.1:${h.httpPort}/justclick/notify/${token}`, LOGIN, '61001')).toBe(200);
    await waitFor(() => h.tg.sent(lena.id).some((m) => m.text.includes('Order #61001 paid')), { message: 'the alert', timeoutMs: 15_000 });
    const alert = h.tg.sent(lena.id).find((m) => m.text.includes('Order #61001 paid'))!;
    expect(plain(alert.text)).toContain('🔁 2nd purchase · lifetime ₽5,990');

    const asked = h.jc.requests.slice(from);
    const confirmation = asked.find((r) => r.method === 'getOrderDetails' && r.params.bill_id === '61001')!;
    const bills = asked.filter((r) => r.method === 'GetBills');
    expect(bills).toHaveLength(1);
    // Well before the confirmation's answer, which came CONFIRM_MS after it was asked.
    expect(bills[0]!.at - confirmation.at).toBeLessThan(CONFIRM_MS / 2);
    const dayReads = asked.filter((r) => r.method === h.config.ordersMethod && r.at - confirmation.at < CONFIRM_MS / 2);
    expect(dayReads.length).toBeGreaterThanOrEqual(1);
  });

  it('a refund push starts no such read', async () => {
    const from = h.jc.requests.length;
    h.jc.setOrderStatus(LOGIN, '61001', 'moneyback');
    await h.jc.notify(`http://127.0.0.1:${h.httpPort}/justclick/notify/${token}`, LOGIN, '61001', { status: 'moneyback' });
    await waitFor(() => h.tg.sent(lena.id).some((m) => m.text.includes('Order #61001 refunded')), { message: 'the refund', timeoutMs: 15_000 });
    expect(h.jc.requests.slice(from).map((r) => r.method)).toEqual(['getOrderDetails']);
  });
});
