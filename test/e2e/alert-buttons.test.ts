// End to end: the buttons under a paid-order alert. "Open invoice" only for a bill on the account's own
// JustClick domain; "Details" answers with the order card as /order does, "Buyer's orders" with /buyer's
// answer; anyone but the person whose account feeds the chat is refused, and JustClick is not asked for them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { plain } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';
import type { SentMessage } from '../fakes/telegram.js';

const KEY = 'feedfeedfeedfeedfeedfeedfeedfeed';
const LOGIN = 'btnshop';
const olga = { id: 7301, firstName: 'Olga', languageCode: 'en' };
const petr = { id: 7302, firstName: 'Petr', languageCode: 'en' };

describeRedis('e2e: buttons under an alert', () => {
  let h: BotHarness;
  let token: string;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    h = await startBotHarness();
    await h.engine.start();
    h.jc.addAccount(LOGIN, KEY);
    // The buyer's earlier purchase: /buyer's lifetime sum counts it.
    h.jc.addOrder(LOGIN, { id: 31001, created: now() - 86_400 * 30, paid: now() - 86_400 * 30, price: '1000.00', email: 'kate@example.com' });
    await h.say(olga, `/link ${LOGIN} ${KEY}`);
    await h.say(olga, '/alerts on');
    h.tg.setMember(GROUP.id, olga.id, 'administrator');
    await h.say(olga, '/alerts on', GROUP);
    token = await h.accounts.ensurePushToken(olga.id);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** JustClick pays an order and pushes it; resolves with the alert in `chatId`. */
  const paidAndAlerted = async (chatId: number, input: Parameters<BotHarness['jc']['addOrder']>[1]): Promise<SentMessage> => {
    const order = h.jc.addOrder(LOGIN, { created: now() - 60, paid: now(), ...input });
    expect(await h.jc.notify(`http://127.0.0.1:${h.httpPort}/justclick/notify/${token}`, LOGIN, order.id)).toBe(200);
    let alert: SentMessage | undefined;
    await waitFor(
      () => {
        alert = h.tg.sent(chatId).find((m) => m.text.includes(`Order #${order.id} paid`));
        return alert !== undefined;
      },
      { message: `the alert of order ${order.id}`, timeoutMs: 15_000 },
    );
    return alert!;
  };
  const firstOrderReads = () => h.jc.requests.filter((r) => r.method === 'getOrderDetails' && r.params.bill_id === '31001').length;
  let readsAfterFirstTest = -1;
  const button = (message: SentMessage, label: string) => message.keyboard?.flat().find((b) => b.text === label);

  it('offers Open invoice for a bill on the account’s own domain, and never for another one', async () => {
    const own = await paidAndAlerted(olga.id, { id: 31002, email: 'kate@example.com', link: `https://${LOGIN}.justclick.ru/order/31002/?h=1` });
    // Kate paid 1,000 a month ago and 4,990 now.
    expect(plain(own.text)).toContain('🔁 2nd purchase · lifetime ₽5,990');
    expect(button(own, 'Open invoice')?.url).toBe(`https://${LOGIN}.justclick.ru/order/31002/?h=1`);
    for (const [id, link] of [
      [31003, 'https://evil.example/pay'],
      [31004, `https://${LOGIN}.justclick.ru.evil.example/pay`],
      [31005, `javascript:alert(1)//${LOGIN}.justclick.ru`],
      [31006, `https://someone:pw@${LOGIN}.justclick.ru/`],
    ] as const) {
      const alert = await paidAndAlerted(olga.id, { id, link });
      expect(button(alert, 'Open invoice'), link).toBeUndefined();
      // Anna's orders (the fake's default buyer): 4,990 each.
      expect(plain(alert.text)).toContain(
        id === 31003
          ? '🆕 First purchase'
          : `🔁 ${id - 31002}${['', 'st', 'nd', 'rd', 'th'][id - 31002]} purchase · lifetime ₽${((id - 31002) * 4990).toLocaleString('en')}`,
      );
      expect(alert.text).not.toContain('evil');
      expect(button(alert, 'Details')?.data).toBe(`al:d:${id}`);
    }
    readsAfterFirstTest = firstOrderReads();
    expect(readsAfterFirstTest).toBeLessThanOrEqual(2);
  });

  it('Details sends the order card, Buyer’s orders the buyer’s orders with their lifetime sum', async () => {
    const alert = await paidAndAlerted(olga.id, { id: 31010, email: 'kate@example.com', price: '2500.00', items: [{ title: 'Yoga course' }] });
    expect(plain(alert.text)).toContain('🔁 3rd purchase · lifetime ₽8,490');
    // The price of her first order was read for the first alert (at most once per chat it went to, both at once);
    // the later alerts took it from the cache.
    expect(firstOrderReads()).toBeGreaterThan(0);
    expect(firstOrderReads()).toBe(readsAfterFirstTest);
    const details = button(alert, 'Details')!;
    const buyer = button(alert, 'Buyer’s orders')!;
    for (const b of [details, buyer]) expect(Buffer.byteLength(b.data!)).toBeLessThan(64);

    const before = h.tg.sent(olga.id).length;
    const pressed = await h.press(olga, alert, details.data!);
    expect(pressed.answer.alert).toBe(false);
    const card = plain(
      h.tg
        .sent(olga.id)
        .slice(before)
        .map((m) => m.text)
        .join('\n'),
    );
    expect(card).toContain('31010');
    expect(card).toContain('Yoga course');
    expect(card).toContain('Total ₽2,500');

    const afterCard = h.tg.sent(olga.id).length;
    await h.press(olga, alert, buyer.data!);
    const orders = plain(
      h.tg
        .sent(olga.id)
        .slice(afterCard)
        .map((m) => m.text)
        .join('\n'),
    );
    expect(orders).toContain('kate@example.com');
    expect(orders).toContain('31001');
    expect(orders).toContain('31010');
    // Her paid orders: 1,000 a month ago, 4,990 (order 31002, the first test) and 2,500 now.
    expect(orders).toContain('₽8,490');
  });

  it('refuses the buttons to a group member whose account does not feed the group, without asking JustClick', async () => {
    const alert = await paidAndAlerted(GROUP.id, { id: 31020, email: 'kate@example.com' });
    const asked = h.jc.requests.length;
    const sentBefore = h.tg.sent(GROUP.id).length;
    for (const label of ['Details', 'Buyer’s orders']) {
      const { answer } = await h.press(petr, alert, button(alert, label)!.data!);
      expect(answer).toEqual({ text: 'These buttons are for the owner of the JustClick account whose alerts come to this chat.', alert: true });
    }
    expect(h.jc.requests.length).toBe(asked);
    expect(h.tg.sent(GROUP.id)).toHaveLength(sentBefore);
    // The owner, in the same group, is answered (contacts masked, as /order masks them in groups).
    await h.press(olga, alert, button(alert, 'Details')!.data!);
    const card = plain(
      h.tg
        .sent(GROUP.id)
        .slice(sentBefore)
        .map((m) => m.text)
        .join('\n'),
    );
    expect(card).toContain('31020');
    expect(card).not.toContain('kate@example.com');
  });
});
