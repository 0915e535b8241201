// The /orders answer: summary header, orders newest first, and pages that always fit a Telegram message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTelegramHtml, visibleLength, visibleText } from '../../src/domain/format/html.js';
import {
  billLink,
  listedOrders,
  listOrders,
  ordersHeadline,
  PAGE_FOOTER_RESERVE,
  pageCount,
  renderListingPage,
  renderOrdersHeader,
  renderOrdersPages,
  type OrdersListing,
  type OrdersPageOptions,
} from '../../src/domain/format/orders.js';
import type { Lang } from '../../src/domain/i18n/lang.js';
import { parseRequest } from '../../src/domain/request.js';
import type { Order, OrderSets } from '../../src/justclick/types.js';

const NBSP = '\u00a0';
const now = new Date('2026-11-28T12:24:00Z'); // 15:24 in Moscow
const sec = (iso: string) => Date.parse(iso) / 1000;
const PAGE_LIMIT = 4096 - PAGE_FOOTER_RESERVE;

function order(p: Partial<Order> = {}): Order {
  // biome-ignore format: an order, packed by hand
  return {
    id: '1001', firstName: 'Ivan', lastName: 'Petrov', middleName: '', email: 'ivan.petrov@mail.ru',
    phone: '+7 912 345-67-89', city: '', country: '', address: '', region: '', postalcode: '',
    created: sec('2026-11-28T09:05:00Z'), paid: null, payStatus: 'waiting', type: '', payway: '', comment: '',
    domain: 'shop.justclick.ru', link: '', utm: {}, price: 499_000, toPay: null, isRecurrent: false, tag: '', kupon: '',
    items: [], ...p,
  };
}

const paid = (p: Partial<Order> = {}) => order({ payStatus: 'paid', paid: (p.created ?? sec('2026-11-28T09:05:00Z')) + 600, ...p });

function options(text = '', over: Partial<OrdersPageOptions> = {}): OrdersPageOptions {
  const r = parseRequest(text, { now, timeZone: 'Europe/Moscow' });
  if (!r.ok || r.request.kind !== 'orders') throw new Error(`"${text}" is no orders request`);
  const { period, list, status, goods } = r.request;
  return { period, list, status, goods, timeZone: 'Europe/Moscow', lang: 'en', currency: 'RUB', maskContacts: false, now, ...over };
}

/** Orders that were all created in the period, and the ones among them with a paid time as paid in it. */
const setsOf = (orders: Order[]): OrderSets => ({ created: orders, paid: orders.filter((o) => o.paid !== null) });

const show = (pages: string[]) => pages.map(visibleText);

function expectPagesFit(pages: string[]): void {
  for (const p of pages) {
    expect(checkTelegramHtml(p)).toBeNull();
    expect(visibleLength(p)).toBeLessThanOrEqual(PAGE_LIMIT);
  }
}

describe('ordersHeadline', () => {
  const early = paid({ id: '0', created: sec('2026-11-20T09:00:00Z'), paid: sec('2026-11-28T08:00:00Z'), price: 200_000 });
  const created = [
    paid({ id: '1', price: 100_000 }),
    paid({ id: '2', price: 300_000 }),
    order({ id: '3' }),
    order({ id: '4', payStatus: 'moneyback', paid: 1 }),
  ];
  const sets: OrderSets = { created, paid: [early, created[0]!, created[1]!, created[3]!] };

  it('counts the paid set (revenue, average check) and the created set (and how many of it are paid by now) apart', () => {
    expect(ordersHeadline(sets, null)).toEqual({
      paid: { count: 3, revenue: 600_000, averageCheck: 200_000 },
      created: { count: 4, paidByNow: 2 },
      status: null,
    });
  });

  it('a status filter counts within the created set', () => {
    expect(ordersHeadline(sets, 'refunded').status).toEqual({ status: 'refunded', count: 1, sum: 499_000 });
    expect(ordersHeadline(sets, 'unpaid').status).toEqual({ status: 'unpaid', count: 1, sum: 499_000 });
    expect(ordersHeadline(sets, 'cancelled').status).toEqual({ status: 'cancelled', count: 0, sum: 0 });
  });

  it('has no average check when nothing was paid', () => {
    expect(ordersHeadline({ created: [order()], paid: [] }, null).paid.averageCheck).toBeNull();
  });

  it('lists the created set, the paid set without refunds, or the created orders in a status', () => {
    const ids = (os: Order[]) => os.map((o) => o.id);
    expect(ids(listedOrders(sets, 'created', null))).toEqual(['1', '2', '3', '4']);
    expect(ids(listedOrders(sets, 'paid', null))).toEqual(['0', '1', '2']);
    expect(ids(listedOrders(sets, 'created', 'unpaid'))).toEqual(['3']);
  });
});

describe('renderOrdersPages', () => {
  it('a header naming both sets in words, then each order with its times labelled', () => {
    const pages = renderOrdersPages(
      setsOf([
        paid({
          id: '1002',
          created: sec('2026-11-28T10:00:00Z'),
          items: [{ id: 'c1', title: 'Course A', sum: 499_000, price: 499_000, partners: [] }],
          utm: { source: 'vk', medium: 'cpc', campaign: 'bf' },
        }),
        order({ id: '1001' }),
      ]),
      options(),
    );
    expect(show(pages)).toEqual([
      [
        '📦 Orders — today, 28 Nov',
        '💰 Paid in the period: 1 order · ₽4,990 · average ₽4,990',
        '🧾 Created in the period: 2 orders · 1 of them paid by now',
        '',
        '#1002 · ✅ paid · created 13:00 · paid 13:10',
        '👤 Ivan Petrov · ivan.petrov@mail.ru · +7 912 345-67-89',
        '🛒 Course A',
        '💳 ₽4,990 · 🔗 vk / cpc / bf',
        '',
        '#1001 · ⏳ awaiting payment · created 12:05',
        '👤 Ivan Petrov · ivan.petrov@mail.ru · +7 912 345-67-89',
        '🛒 —',
        '💳 ₽4,990 · 🔗 shop.justclick.ru',
      ].join('\n'),
    ]);
  });

  it('speaks Russian', () => {
    const [page] = show(renderOrdersPages(setsOf([paid(), order({ id: '1000' })]), options('', { lang: 'ru' })));
    expect(page).toContain('📦 Заказы — сегодня, 28 ноября');
    expect(page).toContain(`💰 Оплачено за период: 1 заказ · 4${NBSP}990${NBSP}₽ · средний чек 4${NBSP}990${NBSP}₽`);
    expect(page).toContain('🧾 Создано за период: 2 заказа · из них оплачено к этому моменту: 1');
    expect(page).toContain('#1001 · ✅ оплачен · создан 12:05 · оплачен 12:15');
  });

  it('lists newest first, by paid time when only paid orders are asked for', () => {
    const early = paid({ id: 'A', created: sec('2026-11-28T05:00:00Z'), paid: sec('2026-11-28T11:00:00Z') });
    const late = paid({ id: 'B', created: sec('2026-11-28T08:00:00Z'), paid: sec('2026-11-28T09:00:00Z') });
    const ids = (pages: string[]) => [...pages.join('').matchAll(/#(\w+)/g)].map((m) => m[1]);
    expect(ids(renderOrdersPages(setsOf([early, late]), options('')))).toEqual(['B', 'A']);
    expect(ids(renderOrdersPages(setsOf([early, late]), options('paid')))).toEqual(['A', 'B']);
  });

  it('the paid list leaves out unpaid and refunded orders and says which set it lists', () => {
    const [page] = show(
      renderOrdersPages(
        setsOf([paid({ id: '1' }), order({ id: '2' }), order({ id: '3', payStatus: 'moneyback', paid: sec('2026-11-28T09:30:00Z') })]),
        options('paid goods 12'),
      ),
    );
    expect(page).toContain('🔎 products: 12');
    expect(page).toContain('💰 Paid in the period: 1 order · ₽4,990');
    expect(page).toContain('🧾 Created in the period: 3 orders · 1 of them paid by now');
    expect(page).toContain('⬇️ Listed below: the orders paid in the period');
    expect(page).toContain('#1');
    expect(page).not.toContain('#2');
    expect(page).not.toContain('#3');
  });

  it('a paid order created on another day shows that day next to its creation time', () => {
    const old = paid({ id: '7', created: sec('2026-11-20T09:00:00Z'), paid: sec('2026-11-28T08:00:00Z') });
    const [page] = show(renderOrdersPages({ created: [], paid: [old] }, options('paid')));
    expect(page).toContain('#7 · ✅ paid · created 20 Nov 12:00 · paid 11:00');
    expect(page).toContain('🧾 Created in the period: 0 orders');
  });

  it('a status filter lists the created orders in it and says how many and how much they are', () => {
    const sets = setsOf([paid({ id: '1' }), order({ id: '2', payStatus: 'cancel', price: 70_000 }), order({ id: '3' })]);
    const [page] = show(renderOrdersPages(sets, options('cancelled')));
    expect(page).toContain('🔎 Of those created, cancelled: 1 order · ₽700 — listed below');
    expect(page).toContain('#2 · ❌ cancelled');
    expect(page).not.toContain('#1 ·');
    expect(page).not.toContain('#3 ·');
    const [none] = show(renderOrdersPages(sets, options('refunds')));
    expect(none).toContain('None of the orders created in the period is refunded.');
    const [ru] = show(renderOrdersPages(sets, options('неоплаченные', { lang: 'ru' })));
    expect(ru).toContain(`🔎 Из созданных ещё не оплачено: 1 заказ · 4${NBSP}990${NBSP}₽ — они ниже`);
  });

  it('a paid order links its bill when the link is http(s); others and unpaid orders do not', () => {
    const [html] = renderOrdersPages(
      setsOf([
        paid({ id: '1', link: 'https://shop.justclick.ru/order/1/?a=1&b="2"' }),
        paid({ id: '2', link: 'javascript:alert(1)' }),
        order({ id: '3', link: 'https://shop.justclick.ru/order/3/' }),
      ]),
      options(),
    );
    expect(checkTelegramHtml(html as string)).toBeNull();
    expect(html).toContain('📄 <a href="https://shop.justclick.ru/order/1/?a=1&amp;b=&quot;2&quot;">bill</a>');
    expect(html?.match(/<a /g)).toHaveLength(1);
    expect(billLink('http://x.ru/bill')).toBe('http://x.ru/bill');
    expect(billLink('ftp://x.ru/bill')).toBeNull();
    expect(billLink('https://x.ru/a b')).toBeNull();
    expect(billLink('')).toBeNull();
  });

  it('the header alone answers a question about numbers', () => {
    const header = visibleText(renderOrdersHeader(setsOf([paid(), order({ id: '2' })]), options('how many sales today')));
    expect(header).toBe(
      [
        '📦 Orders — today, 28 Nov',
        '💰 Paid in the period: 1 order · ₽4,990 · average ₽4,990',
        '🧾 Created in the period: 2 orders · 1 of them paid by now',
      ].join('\n'),
    );
  });

  it('shows the date next to the time when the period spans several days, and the year when it is not this one', () => {
    const [week] = show(renderOrdersPages(setsOf([order({ created: sec('2026-11-24T09:05:00Z') })]), options('week')));
    expect(week).toContain('#1001 · ⏳ awaiting payment · created 24 Nov 12:05');
    const [lastYear] = show(renderOrdersPages(setsOf([order({ created: sec('2025-12-01T09:05:00Z') })]), options('01.12')));
    expect(lastYear).toContain('#1001 · ⏳ awaiting payment · created 1 Dec 2025 12:05');
  });

  it('shows buyer-typed text exactly as typed, however hostile', () => {
    const evil = order({ firstName: '<script>', lastName: 'Tom & "Jerry" <3', items: [{ id: '1', title: '</b><i>', sum: 0, price: 0, partners: [] }] });
    const [html] = renderOrdersPages(setsOf([evil]), options());
    expect(checkTelegramHtml(html as string)).toBeNull();
    expect(visibleText(html as string)).toContain('👤 <script> Tom & "Jerry" <3');
    expect(visibleText(html as string)).toContain('🛒 </b><i>');
  });

  it('masks e-mails and phones for group chats', () => {
    const [page] = show(renderOrdersPages(setsOf([order()]), options('', { maskContacts: true })));
    expect(page).toContain('👤 Ivan Petrov · iv***@mail.ru · +7 *** ***-**-89');
    expect(page).not.toContain('petrov@');
  });

  it('shows a status JustClick invented as it is', () => {
    const [page] = show(renderOrdersPages(setsOf([order({ payStatus: 'partial' })]), options()));
    expect(page).toContain('❔ partial');
  });

  it('flattens line breaks a buyer typed into a name', () => {
    const [page] = show(renderOrdersPages(setsOf([order({ firstName: 'Ivan\n\n#999 · fake', lastName: '' })]), options()));
    expect(page).toContain('👤 Ivan #999 · fake ·');
  });

  it('says there are no orders for the period, keeping the filters in view', () => {
    expect(show(renderOrdersPages(setsOf([]), options('yesterday')))).toEqual(['No orders for yesterday, 27 Nov.']);
    expect(show(renderOrdersPages(setsOf([]), options('goods 12', { lang: 'ru' })))).toEqual(['Заказов нет (сегодня, 28 ноября).\n🔎 товары: 12']);
    expect(show(renderOrdersPages(setsOf([order()]), options('paid')))[0]).toContain('No order was paid in the period.');
  });

  it('puts at most ten orders on a page and repeats the header on each', () => {
    const orders = Array.from({ length: 25 }, (_, i) => order({ id: String(i + 1) }));
    const pages = renderOrdersPages(setsOf(orders), options());
    expect(pages).toHaveLength(3);
    expect(pages.map((p) => p.match(/<b>#/g)?.length)).toEqual([10, 10, 5]);
    for (const p of show(pages))
      expect(p.startsWith('📦 Orders — today, 28 Nov\n💰 Paid in the period: 0 orders · ₽0\n🧾 Created in the period: 25 orders')).toBe(true);
  });

  it('keeps ten orders on a page when they are long: the page clips their fields harder until it fits', () => {
    const long = (i: number) =>
      order({
        id: String(i),
        firstName: 'Я'.repeat(5000),
        email: `${'e'.repeat(3000)}@x.ru`,
        comment: 'c'.repeat(9000),
        items: Array.from({ length: 50 }, (_, j) => ({ id: String(j), title: `Курс ${'😀'.repeat(200)}`, sum: 100, price: 100, partners: [] })),
        utm: { source: '&'.repeat(5000), campaign: '<'.repeat(5000) },
      });
    const pages = renderOrdersPages(setsOf(Array.from({ length: 12 }, (_, i) => long(i))), options('', { lang: 'ru' }));
    expectPagesFit(pages);
    expect(pages.map((p) => p.match(/<b>#/g)?.length)).toEqual([10, 2]);
    // Two long orders fit at wider widths than ten do: the second page clips less.
    const nameOn = (page: string) => /👤 (Я+)/u.exec(page)?.[1]?.length ?? 0;
    expect(nameOn(pages[1]!)).toBeGreaterThan(nameOn(pages[0]!));
    expect(nameOn(pages[0]!)).toBeGreaterThanOrEqual(8);
  });

  it('any page of a listing renders alone, the same as when every page is rendered', () => {
    const orders = Array.from({ length: 37 }, (_, i) => order({ id: String(i + 1), firstName: i % 7 === 0 ? 'Я'.repeat(2000) : 'Ann' }));
    const all = renderOrdersPages(setsOf(orders), options());
    // As the bot keeps it: stored as JSON for an hour, read back when ◀ ▶ is pressed.
    const listing = JSON.parse(JSON.stringify(listOrders(setsOf(orders), options()))) as OrdersListing;
    expect(pageCount(listing)).toBe(4);
    expect([3, 0, 2, 1].map((i) => renderListingPage(listing, i))).toEqual([all[3], all[0], all[2], all[1]]);
  });

  it('5,000 orders render to pages that all parse and fit', () => {
    const orders = Array.from({ length: 5000 }, (_, i) => paid({ id: String(i), created: sec('2026-11-28T00:00:00Z') + i }));
    const pages = renderOrdersPages(setsOf(orders), options());
    expect(pages).toHaveLength(500);
    expectPagesFit(pages);
    expect(show(pages)[0]).toContain('Created in the period: 5000 orders · 5000 of them paid by now');
  });

  it('any orders, however odd their fields, render to pages that parse, fit and list each order once', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('<b>', '&amp;', '"', '</pre>', '😀👍🏽‍', '\n\n', 'Tom & Jerry <3', ''),
      fc.string({ unit: 'binary', minLength: 500, maxLength: 3000 }),
    );
    const anOrder = fc
      .record({
        id: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }),
        firstName: hostile,
        lastName: hostile,
        email: hostile,
        phone: hostile,
        domain: hostile,
        payStatus: fc.oneof(fc.constantFrom('paid', 'waiting', 'cancel', 'moneyback'), hostile),
        created: fc.integer({ min: sec('2025-12-01T00:00:00Z'), max: sec('2026-11-28T12:00:00Z') }),
        price: fc.integer({ min: -1e9, max: 1e11 }),
        title: hostile,
        source: fc.option(hostile),
      })
      .map(({ title, source, ...o }) =>
        order({
          ...o,
          paid: o.payStatus === 'paid' ? o.created : null,
          items: [{ id: '1', title, sum: 1, price: 1, partners: [] }],
          utm: source === null ? {} : { source },
        }),
      );
    fc.assert(
      fc.property(
        fc.array(anOrder, { maxLength: 30 }),
        fc.constantFrom<Lang>('ru', 'en'),
        fc.boolean(),
        fc.constantFrom('', 'paid', '30d', '2025-12-01..2026-11-28', 'month goods 12'),
        (orders, lang, maskContacts, words) => {
          const opts = options(words, { lang, maskContacts });
          const pages = renderOrdersPages(setsOf(orders), opts);
          expectPagesFit(pages);
          const listed = opts.list === 'paid' ? orders.filter((o) => o.payStatus === 'paid') : orders;
          const blocks = pages.reduce((n, p) => n + (p.match(/<b>#/g)?.length ?? 0), 0);
          expect(blocks).toBe(listed.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
