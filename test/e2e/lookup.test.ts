// End to end: /order and /buyer as a seller uses them — a full order card, a buyer's history with its
// lifetime paid sum (found by e-mail, or by phone through recent orders), masked in groups, and bad
// input answered without asking JustClick.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { msk, plain, text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';

const KEY = 'abcdabcdabcdabcdabcdabcdabcdabcd';
const BIG_KEY = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';
const anna = { id: 7101, firstName: 'Anna', languageCode: 'en' };
const ivan = { id: 7102, firstName: 'Иван', languageCode: 'ru' };
const boris = { id: 7103, firstName: 'Boris', languageCode: 'en' };

const lookupCalls = (h: BotHarness, since: number) =>
  h.jc.requests.slice(since).filter((r) => ['getOrderDetails', 'GetBills', 'getOrdersWithGoods', 'GetOrders'].includes(r.method));

describeRedis('e2e: /order and /buyer', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startBotHarness({ now: new Date('2026-11-28T09:00:00Z') }); // 12:00 in Moscow
    h.jc.addAccount('shop', KEY);
    const add = (input: Parameters<BotHarness['jc']['addOrder']>[1]) => h.jc.addOrder('shop', input);
    const maria = { first_name: 'Мария', last_name: 'Иванова', email: 'maria@example.com', phone: '+7 (912) 345-67-89' };
    add({
      ...maria,
      id: 8001,
      created: msk('2026-11-20', '10:15'),
      paid: msk('2026-11-20', '10:20'),
      price: '4990.00',
      payway: 'card',
      utm: { source: 'vk', medium: 'cpc', campaign: 'black-friday' },
      kupon: 'BF2026',
      tag: 'vip',
      link: 'https://shop.justclick.ru/order/8001/?hash=a1&b=2',
      items: [
        { id: '12', title: 'Курс «Продажи»', sum: '4990.00', price: '5990.00', partners: [{ partner_name: 'Олег', partner_lvl: '1', partner_fee: '499.00' }] },
      ],
    });
    add({ ...maria, id: 8002, created: msk('2026-11-25', '12:00'), paid: null, price: '1500.00', items: [{ id: '14', title: 'Вебинар' }] });
    add({
      ...maria,
      id: 7001,
      created: msk('2025-03-01', '09:00'),
      paid: msk('2025-03-01', '09:05'),
      price: '2000.00',
      items: [{ id: '14', title: 'Вебинар' }],
    });
    add({
      ...maria,
      id: 7002,
      created: msk('2025-06-10', '18:00'),
      paid: null,
      pay_status: 'cancel',
      price: '700.00',
      items: [{ id: '15', title: 'Марафон' }],
    });
    add({ id: 9001, created: msk('2026-11-27', '15:00'), paid: null, email: 'ivan@example.com', phone: '89001112233', link: 'javascript:alert(1)' });
    // A phone seen only on an order older than the 90 days the phone search covers.
    add({ id: 6001, created: msk('2026-06-01', '10:00'), paid: msk('2026-06-01', '10:05'), email: 'old@example.com', phone: '+7 999 000-11-22' });

    h.jc.addAccount('bigshop', BIG_KEY);
    for (let i = 0; i < 35; i++) {
      h.jc.addOrder('bigshop', {
        id: 20000 + i,
        created: msk('2026-10-01', '08:00') + i * 3600,
        paid: msk('2026-10-01', '09:00') + i * 3600,
        price: '100.00',
        email: 'fan@example.com',
      });
    }

    await h.say(anna, `/link shop ${KEY}`);
    await h.say(ivan, `/link shop ${KEY}`);
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('/order', () => {
    it('shows the full card: buyer, items with list prices, partners, labelled times, UTM, coupon, bill link', async () => {
      const [card, ...rest] = await h.say(anna, '/order 8001');
      expect(rest).toHaveLength(0);
      expect(plain(card!.text)).toBe(
        [
          '🧾 Order #8001 · ✅ paid',
          '👤 Мария Иванова · maria@example.com · +7 (912) 345-67-89',
          '🛒 Курс «Продажи» — ₽4,990 (list price ₽5,990)',
          '    🤝 partner Олег, level 1, fee ₽499',
          '💳 Total ₽4,990 · left to pay ₽0 · paid by card',
          '🕒 Created 20 Nov 2026 10:15 · paid 20 Nov 2026 10:20 · time zone Moscow (UTC+3)',
          '🔗 UTM: source vk · medium cpc · campaign black-friday',
          '🏷 coupon BF2026 · tag vip',
          '📄 Bill',
        ].join('\n'),
      );
      expect(card!.entities.find((e) => e.type === 'text_link')?.url).toBe('https://shop.justclick.ru/order/8001/?hash=a1&b=2');
      expect(h.jc.requests.filter((r) => r.method === 'getOrderDetails').at(-1)?.params.bill_id).toBe('8001');
    });

    it('takes #12345, answers in Russian, and times follow the chat’s zone', async () => {
      await h.say(ivan, '/tz Екатеринбург');
      const reply = text(await h.say(ivan, '/order #8002'));
      expect(reply).toContain('🧾 Заказ #8002 · ⏳ ждёт оплаты');
      expect(reply).toContain('💳 Сумма 1 500 ₽ · осталось оплатить 1 500 ₽');
      expect(reply).toContain('🕒 Создан 25 ноября 2026 14:00 · не оплачен · часовой пояс Екатеринбург (UTC+5)');
      await h.say(ivan, '/tz Москва');
    });

    it('a bill link that is no web address is left out', async () => {
      const [card] = await h.say(anna, '/order 9001');
      expect(card!.text).not.toContain('Bill');
      expect(card!.entities.some((e) => e.type === 'text_link')).toBe(false);
    });

    it('a number that is no order gets "not found", not an outage', async () => {
      expect(text(await h.say(anna, '/order 424242'))).toBe('There is no order #424242 in shop.justclick.ru.');
      expect((await h.accounts.get(anna.id))?.lastError).toBeUndefined();
    });

    it('text that cannot be an order number is answered without asking JustClick', async () => {
      const before = h.jc.requests.length;
      expect(text(await h.say(anna, '/order 12a4'))).toBe('“12a4” cannot be an order number: order numbers are digits, e.g. /order 12345.');
      expect(text(await h.say(anna, '/order 0123'))).toContain('cannot be an order number');
      expect(text(await h.say(anna, '/order'))).toBe('Send the order number: /order 12345.');
      expect(h.jc.requests.length).toBe(before);
    });

    it('a JustClick outage is answered like /orders answers it', async () => {
      h.jc.inject('5xx', 2);
      expect(text(await h.say(anna, '/order 8001'))).toBe('JustClick is not answering right now. Nothing was changed; please try again in a few minutes.');
      expect((await h.accounts.get(anna.id))?.lastError?.kind).toBe('unavailable');
      expect(text(await h.say(anna, '/order 8001'))).toContain('Order #8001');
    });

    it('in a group the owner, and any member once it is bound, sees the card with the buyer’s contacts masked', async () => {
      h.tg.setMember(GROUP.id, anna.id, 'administrator');
      const reply = text(await h.say(anna, '/order 8001', GROUP));
      expect(reply).toContain('👤 Мария Иванова · ma***@example.com · +7 (***) ***-**-89');
      expect(reply).not.toContain('maria@example.com');
      const member = text(await h.say(boris, '/order 8001', GROUP));
      expect(member).toContain('👤 Мария Иванова · ma***@example.com · +7 (***) ***-**-89');
      expect(member).not.toContain('maria@example.com');
    });
  });

  describe('/buyer', () => {
    it('by e-mail: every order, newest first, with the exact lifetime paid sum', async () => {
      const reply = text(await h.say(anna, '/buyer maria@example.com'));
      expect(reply).toBe(
        [
          '👤 Мария Иванова · maria@example.com · +7 (912) 345-67-89',
          '🔎 By e-mail maria@example.com',
          'Orders: 4 · paid: 2 · paid in total: ₽6,990',
          '#8002 · 25 Nov 2026 12:00 · ⏳ awaiting payment · ₽1,500 · Вебинар',
          '#8001 · 20 Nov 2026 10:15 · ✅ paid · ₽4,990 · Курс «Продажи»',
          '#7002 · 10 Jun 2025 18:00 · ❌ cancelled · ₽700 · Марафон',
          '#7001 · 1 Mar 2025 09:00 · ✅ paid · ₽2,000 · Вебинар',
        ].join('\n'),
      );
    });

    it('by phone as people type it at home: the e-mail comes from recent orders, and the answer says so', async () => {
      const since = h.jc.requests.length;
      const reply = text(await h.say(ivan, '/buyer 8 912 345 67 89'));
      expect(reply).toContain(
        '🔎 По телефону 8 912 345 67 89: JustClick ищет покупателей только по почте, поэтому я взял почту из ваших заказов за последние 90 дней с этим номером (maria@example.com)',
      );
      expect(reply).toContain('Заказов: 4 · оплачено: 2 · оплачено всего: 6 990 ₽');
      const bills = lookupCalls(h, since).filter((r) => r.method === 'GetBills');
      expect(bills.map((r) => r.params.email)).toEqual(['maria@example.com']);
    });

    it('a phone on no recent order says what was searched and how to find the buyer instead', async () => {
      const reply = text(await h.say(anna, '/buyer +7 999 000-11-22'));
      expect(reply).toBe(
        'No order of the last 90 days has the phone +7 999 000-11-22 with an e-mail. JustClick finds buyers by e-mail only: try /buyer with the buyer’s e-mail.',
      );
    });

    it('an e-mail with no orders gets a plain answer', async () => {
      expect(text(await h.say(anna, '/buyer nobody@example.com'))).toBe('No orders with the e-mail nobody@example.com.');
    });

    it('neither an e-mail nor a phone is answered without asking JustClick', async () => {
      const before = h.jc.requests.length;
      expect(text(await h.say(anna, '/buyer Maria'))).toContain('“Maria” is neither an e-mail nor a phone number');
      expect(text(await h.say(anna, '/buyer 12345'))).toContain('is neither an e-mail nor a phone number');
      expect(text(await h.say(anna, '/buyer'))).toContain('Send the buyer’s e-mail or phone');
      expect(h.jc.requests.length).toBe(before);
    });

    it('in a group contacts stay masked, the searched one too', async () => {
      const reply = text(await h.say(anna, '/buyer maria@example.com', GROUP));
      expect(reply).toContain('🔎 By e-mail ma***@example.com');
      expect(reply).toContain('paid in total: ₽6,990');
      expect(reply).not.toContain('maria@example.com');
      expect(reply).not.toContain('345-67-89');
    });

    it('a long history is capped, paged with ◀ ▶, and says the sum covers the orders shown', async () => {
      const seller = { id: 7110, firstName: 'Big', languageCode: 'en' };
      await h.say(seller, `/link bigshop ${BIG_KEY}`);
      const [first, ...rest] = await h.say(seller, '/buyer fan@example.com');
      expect(rest).toHaveLength(0);
      const reply = plain(first!.text);
      expect(reply).toContain('Orders: 30 · paid: 30 · paid in total: ₽3,000');
      expect(reply).toContain('⚠️ JustClick lists 35 orders; the newest 30 are shown, and the total covers only them.');
      expect(reply).toContain('#20034 · 2 Oct 2026 18:00');
      expect(first?.keyboard?.[0]?.map((b) => b.text)).toEqual(['◀', '1/2', '▶']);
      const { message } = await h.press(seller, first!, first!.keyboard![0]![2]!.data!);
      expect(plain(message!.text)).toContain('#20005 · 1 Oct 2026 13:00');
      expect(plain(message!.text)).not.toContain('#20004');
    });
  });
});
