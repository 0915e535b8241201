// End to end: /demo links the built-in demo shop, whose orders are answered in-process: a seller reads exact
// figures computed from the generator, an order in full, an alert for an order paid as the clock moves on,
// every message marked as the demo's; and JustClick hears nothing of it.
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../../src/demo/account.js';
import { demoOrdersOfDay, moscowDayOf, moscowDayStart, orderAsOf, type DemoOrder } from '../../src/demo/shop.js';
import { formatMoney } from '../../src/domain/format/money.js';
import { POLL_QUEUE } from '../../src/jobs/queues.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { plain, text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';

const NOW = new Date('2026-11-26T09:00:00Z'); // a Thursday, 12:00 in Moscow
const NOW_S = NOW.getTime() / 1000;
const TODAY = moscowDayOf(NOW_S);
const MARK = '🧪 Demo shop: the orders are made up.';

/** "💰 Paid in the period: …" as the bot writes it, from the generator's own orders paid in [from, to) as of now. */
function paidLine(orders: DemoOrder[], from: number, to: number, asOf: number): string {
  const paid = orders.map((o) => orderAsOf(o, asOf)).filter((o) => o !== null && o.pay_status === 'paid' && Number(o.paid) >= from && Number(o.paid) < to);
  const sum = paid.reduce((s, o) => s + Math.round(Number(o!.price) * 100), 0);
  return plain(`💰 Paid in the period: ${paid.length} order${paid.length === 1 ? '' : 's'} · ${formatMoney(sum, 'RUB', 'en')}`);
}

describeRedis('e2e: /demo', () => {
  let h: BotHarness;
  const lena = { id: 8101, firstName: 'Lena', languageCode: 'en' };
  const oleg = { id: 8102, firstName: 'Олег', languageCode: 'ru' };

  beforeAll(async () => {
    h = await startBotHarness({ now: NOW, publicUrl: 'https://bot.example.com' });
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('a session on the demo shop', () => {
    it('/demo links the demo shop and says what to try', async () => {
      const reply = text(await h.say(lena, '/demo'));
      expect(reply).toContain('🧪 The demo shop is linked.');
      expect(reply).toContain('/orders today');
      expect((await h.accounts.get(lena.id))?.creds).toEqual(DEMO_CREDENTIALS);
      expect(text(await h.say(lena, '/demo'))).toContain('The demo shop is already linked.');
    });

    it('/status names the demo shop, not a JustClick domain', async () => {
      const reply = text(await h.say(lena, '/status'));
      expect(reply).toContain('🧪 Demo shop (made-up orders)');
      expect(reply).not.toContain('justclick.ru');
      expect(reply).toContain(MARK);
    });

    it('/orders today shows exactly what the generator has paid and created so far today', async () => {
      const today = demoOrdersOfDay(TODAY);
      const reply = text(await h.say(lena, '/orders today'));
      expect(reply).toContain(paidLine(today, moscowDayStart(TODAY), NOW_S + 1, NOW_S));
      const created = today.filter((o) => o.created <= NOW_S);
      expect(created.length).toBeGreaterThan(0);
      expect(reply).toContain(`🧾 Created in the period: ${created.length} order${created.length === 1 ? '' : 's'}`);
      // Orders made later today do not exist yet.
      const later = today.find((o) => o.created > NOW_S)!;
      expect(reply).not.toContain(`#${later.raw.id}`);
      expect(reply).toContain(MARK);
    });

    it('/orders for last month: the whole month’s figures, exactly', async () => {
      const october = Array.from({ length: 31 }, (_, i) => moscowDayOf(Date.parse(`2026-10-${String(i + 1).padStart(2, '0')}T12:00:00+03:00`) / 1000));
      const orders = october.flatMap((d) => demoOrdersOfDay(d));
      const reply = text(await h.say(lena, '/orders 01.10-31.10'));
      expect(reply).toContain('Orders — 01.10–31.10.2026');
      expect(reply).toContain(paidLine(orders, moscowDayStart(october[0]!), moscowDayStart(october[30]! + 1), NOW_S));
      expect(reply).toContain(`🧾 Created in the period: ${orders.length} orders`);
    });

    it('/order shows a demo order in full: buyer, products, partners', async () => {
      const order = demoOrdersOfDay(TODAY - 3).find((o) => o.paidAt !== null && o.raw.items.some((i) => i.partners.length > 0))!;
      const reply = text(await h.say(lena, `/order ${order.raw.id}`));
      expect(reply).toContain(order.raw.id);
      expect(reply).toContain(order.raw.email);
      expect(reply).toContain(order.raw.items[0]!.title);
      expect(reply).toContain(order.raw.items[0]!.partners[0]!.partner_name);
      expect(reply).toContain(MARK);
    });

    it('/top, /chart and /export work on the demo shop too, marked', async () => {
      const top = text(await h.say(lena, '/top month'));
      expect(top).toContain('Курс «Продажи в Telegram»');
      expect(top).toContain(MARK);
      const before = h.tg.calls.length;
      await h.say(lena, '/chart month');
      const photo = h.tg.calls.slice(before).find((c) => c.method === 'sendPhoto' && !c.error);
      expect(photo).toBeDefined();
      expect(String(photo!.payload.caption)).toContain('🧪 <i>Demo shop: the orders are made up.');
      const beforeExport = h.tg.calls.length;
      await h.say(lena, '/export month');
      expect(h.tg.calls.slice(beforeExport).some((c) => c.method === 'sendDocument' && !c.error)).toBe(true);
    });

    it('/alerts on works without a push URL, and an order paid as the clock moves on is alerted, marked', async () => {
      const on = text(await h.say(lena, '/alerts on'));
      expect(on).toContain('🔔 Alerts are on');
      expect(on).not.toContain('/justclick/notify/');
      // The first order paid after /alerts on: moving the clock just past it makes it the only one to alert.
      const next = demoOrdersOfDay(TODAY)
        .filter((o) => o.paidAt !== null && o.paidAt > NOW_S)
        .sort((a, b) => a.paidAt! - b.paidAt!)[0]!;
      h.setNow(new Date((next.paidAt! + 30) * 1000));
      await h.engine.start();
      const polls = new Queue(POLL_QUEUE, { connection: { url: h.config.redisUrl }, prefix: `${h.prefix}bull` });
      try {
        await polls.add('poll', { ownerId: lena.id });
        await h.tg.waitFor(() => h.tg.sent(lena.id).some((m) => m.text.includes(`Order #${next.raw.id} paid`)), 15_000);
      } finally {
        await polls.close();
      }
      const alert = h.tg.sent(lena.id).find((m) => m.text.includes(`Order #${next.raw.id} paid`))!;
      expect(plain(alert.text)).toContain(formatMoney(Math.round(Number(next.raw.price) * 100), 'RUB', 'en').replace(/[\u00a0\u202f]/g, ' '));
      expect(alert.text).toContain(MARK);
    });

    it('/unlink removes the demo shop like any account', async () => {
      expect(text(await h.say(lena, '/unlink'))).toContain('🧪 demo');
      expect(await h.accounts.get(lena.id)).toBeNull();
      expect((await h.chats.get(lena.id)).alerts).toBeUndefined();
      const after = text(await h.say(lena, '/orders today'));
      expect(after).toContain('No JustClick account is linked yet');
      expect(after).not.toContain(MARK);
    });

    it('asked JustClick nothing at all', () => {
      expect(h.jc.requests).toEqual([]);
    });
  });

  describe('next to a real account', () => {
    const KEY = 'c0ffeec0ffeec0ffeec0ffeec0ffeec0';

    it('/demo does not replace a real account', async () => {
      h.jc.addAccount('realshop', KEY);
      await h.say(oleg, `/link realshop ${KEY}`);
      const reply = text(await h.say(oleg, '/demo'));
      expect(reply).toContain('У вас подключён аккаунт realshop.justclick.ru');
      expect((await h.accounts.get(oleg.id))?.creds.login).toBe('realshop');
    });

    it('/link replaces the demo shop with the real account', async () => {
      await h.say(oleg, '/unlink');
      expect(text(await h.say(oleg, '/demo'))).toContain('Демо-магазин подключён');
      expect(text(await h.say(oleg, `/link realshop ${KEY}`))).toContain('realshop.justclick.ru');
      expect((await h.accounts.get(oleg.id))?.creds.login).toBe('realshop');
      expect(text(await h.say(oleg, '/status'))).not.toContain('Демо-магазин');
    });
  });
});
