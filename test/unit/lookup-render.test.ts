// The /order card and the /buyer pages as pure functions, and how phones are compared: the edges an e2e
// test does not reach (hostile fields, odd links, huge orders, long histories, phone spellings).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTelegramHtml, visibleLength, visibleText } from '../../src/domain/format/html.js';
import { CARD_MAX_ITEMS, renderBuyerPages, renderOrderCard, type BuyerAnswer, type LookupOptions } from '../../src/domain/format/lookup.js';
import { looksLikePhone, phoneKey, samePhone } from '../../src/domain/phone.js';
import type { Order } from '../../src/justclick/types.js';

const sec = (iso: string) => Date.parse(iso) / 1000;

function order(p: Partial<Order> = {}): Order {
  return {
    id: '1001',
    firstName: 'Ivan',
    lastName: 'Petrov',
    middleName: '',
    email: 'ivan.petrov@mail.ru',
    phone: '+7 912 345-67-89',
    city: '',
    country: '',
    address: '',
    region: '',
    postalcode: '',
    created: sec('2026-11-28T09:05:00Z'),
    paid: null,
    payStatus: 'waiting',
    type: '',
    payway: '',
    comment: '',
    domain: 'shop.justclick.ru',
    link: '',
    utm: {},
    price: 499_000,
    toPay: 499_000,
    isRecurrent: false,
    tag: '',
    kupon: '',
    items: [{ id: '12', title: 'Course', sum: 499_000, price: 599_000, partners: [] }],
    ...p,
  };
}

const en: LookupOptions = { lang: 'en', timeZone: 'Europe/Moscow', zoneLabel: 'Moscow (UTC+3)', currency: 'RUB', maskContacts: false };
const card = (o: Order, opts: Partial<LookupOptions> = {}) => visibleText(renderOrderCard(o, { ...en, ...opts })).replace(/\u00a0/g, ' ');

describe('the order card', () => {
  it('an unpaid order says so and how much is left to pay, with the time in the chat’s zone', () => {
    const text = card(order(), { timeZone: 'Asia/Yekaterinburg', zoneLabel: 'Yekaterinburg (UTC+5)' });
    expect(text).toContain('🧾 Order #1001 · ⏳ awaiting payment');
    expect(text).toContain('💳 Total ₽4,990 · left to pay ₽4,990');
    expect(text).toContain('🕒 Created 28 Nov 2026 14:05 · not paid · time zone Yekaterinburg (UTC+5)');
  });

  it('buyer-typed fields arrive as typed, one line each, never as markup', () => {
    const hostile = order({
      firstName: '<b>Анна</b>\n& "Co"',
      kupon: '<i>X</i>',
      utm: { source: 'a&b', term: 'x\ny' },
      items: [{ id: '1', title: '<script>alert(1)</script>', sum: 100, price: 100, partners: [{ level: 2, id: '9', name: '<u>P</u>', fee: 5 }] }],
    });
    const html = renderOrderCard(hostile, en);
    expect(checkTelegramHtml(html)).toBeNull();
    const text = visibleText(html);
    expect(text).toContain('👤 <b>Анна</b> & "Co" Petrov');
    expect(text).toContain('🛒 <script>alert(1)</script>');
    expect(text).toContain('🤝 partner <u>P</u>, level 2, fee');
    expect(text).toContain('🔗 UTM: source a&b · term x y');
    expect(text).toContain('🏷 coupon <i>X</i>');
  });

  it('only an http(s) bill link becomes a link', () => {
    for (const link of ['javascript:alert(1)', 'data:text/html,x', 'not a url', 'ftp://x.ru/bill']) {
      expect(card(order({ link }))).not.toContain('Bill');
    }
    const html = renderOrderCard(order({ link: 'https://shop.justclick.ru/bill?id=1&h="x"' }), en);
    expect(checkTelegramHtml(html)).toBeNull();
    expect(html).toContain('<a href="https://shop.justclick.ru/bill?id=1&amp;h=%22x%22">Bill</a>');
  });

  it('masks contacts in groups', () => {
    const text = card(order(), { maskContacts: true });
    expect(text).toContain('iv***@mail.ru');
    expect(text).not.toContain('ivan.petrov');
    expect(text).not.toContain('345-67');
  });

  it('an order with hundreds of items lists the first ones and counts the rest', () => {
    const items = Array.from({ length: 250 }, (_, i) => ({ id: String(i), title: `Item ${i} ${'x'.repeat(300)}`, sum: 100, price: 100, partners: [] }));
    const text = card(order({ items }));
    expect(text.match(/🛒/g)).toHaveLength(CARD_MAX_ITEMS + 1);
    expect(text).toContain(`🛒 … and ${250 - CARD_MAX_ITEMS} more items`);
  });

  it('speaks Russian', () => {
    const text = card(order({ payStatus: 'paid', paid: sec('2026-11-28T09:15:00Z'), toPay: 0, payway: 'card' }), { lang: 'ru', zoneLabel: 'Москва (UTC+3)' });
    expect(text).toContain('🧾 Заказ #1001 · ✅ оплачен');
    expect(text).toContain('🕒 Создан 28 ноября 2026 12:05 · оплачен 28 ноября 2026 12:15 · часовой пояс Москва (UTC+3)');
    expect(text).toContain('💳 Сумма 4 990 ₽ · осталось оплатить 0 ₽ · способ оплаты: card');
  });
});

describe('the buyer pages', () => {
  const history = (count: number, over: Partial<BuyerAnswer> = {}): BuyerAnswer => {
    const orders = Array.from({ length: count }, (_, i) =>
      order({ id: String(5000 - i), created: sec('2026-11-28T09:00:00Z') - i * 86_400, payStatus: i % 2 === 0 ? 'paid' : 'waiting', price: 100_00 }),
    );
    return {
      search: { by: 'email', email: 'ivan.petrov@mail.ru' },
      orders,
      ordersTotal: count,
      paidSum: Math.ceil(count / 2) * 100_00,
      complete: true,
      ...over,
    };
  };

  it('every page repeats who and the sum, and fits a message', () => {
    const pages = renderBuyerPages(history(30, { ordersTotal: 80, complete: false }), en);
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(checkTelegramHtml(page)).toBeNull();
      expect(visibleLength(page)).toBeLessThanOrEqual(4096 - 100);
      const text = visibleText(page).replace(/\u00a0/g, ' ');
      expect(text).toContain('Orders: 30 · paid: 15 · paid in total: ₽1,500');
      expect(text).toContain('the newest 30 are shown, and the total covers only them');
    }
    expect(visibleText(pages[1]!)).toContain('#4971');
  });

  it('a phone search says which e-mails it found, masked in a group', () => {
    const answer = history(1, { search: { by: 'phone', phone: '+7 912 345-67-89', emails: ['ivan.petrov@mail.ru', 'ivan@work.ru'], days: 90 } });
    const text = visibleText(renderBuyerPages(answer, { ...en, maskContacts: true })[0]!);
    expect(text).toContain('🔎 By phone +7 *** ***-**-89');
    expect(text).toContain('(iv***@mail.ru, iv***@work.ru)');
    expect(text).not.toContain('ivan.petrov');
  });
});

describe('phones', () => {
  it('one Russian number however it is written', () => {
    const spellings = ['+7 (912) 345-67-89', '8 912 345 67 89', '89123456789', '79123456789', '9123456789', '+7.912.345.67.89'];
    for (const s of spellings) expect(phoneKey(s)).toBe('79123456789');
    expect(samePhone('+7 (912) 345-67-89', '8-912-345-67-89')).toBe(true);
  });

  it('other countries keep their digits; a different number is different', () => {
    expect(phoneKey('+380 44 123 4567')).toBe('380441234567');
    expect(samePhone('+7 912 345 67 89', '+7 912 345 67 88')).toBe(false);
    expect(samePhone('+1 912 345 6789', '+7 912 345 6789')).toBe(false);
  });

  it('too short, too long or with letters is no phone', () => {
    expect(looksLikePhone('12345')).toBe(false);
    expect(looksLikePhone('+7 912 345 67 89 12 345')).toBe(false);
    expect(looksLikePhone('call 89123456789')).toBe(false);
    expect(looksLikePhone('8 (912) 345-67-89')).toBe(true);
    expect(samePhone('', '')).toBe(false);
  });

  it('any text: phoneKey never throws and is digits or null', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const key = phoneKey(s);
        expect(key === null || /^\d{10,15}$/.test(key)).toBe(true);
      }),
    );
  });
});
