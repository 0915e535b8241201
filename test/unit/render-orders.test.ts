// The /orders answer: summary header, orders newest first, and pages that always fit a Telegram message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTelegramHtml, visibleLength, visibleText } from '../../src/domain/format/html.js';
import { PAGE_FOOTER_RESERVE, renderOrdersPages, summarize, type OrdersPageOptions } from '../../src/domain/format/orders.js';
import type { Lang } from '../../src/domain/i18n/lang.js';
import { parseOrdersArgs } from '../../src/domain/period.js';
import type { Order } from '../../src/justclick/types.js';

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
  const r = parseOrdersArgs(text, { now, timeZone: 'Europe/Moscow' });
  if (!r.ok) throw new Error(r.error.code);
  return {
    period: r.value.period,
    paidOnly: r.value.query.paidOnly,
    goods: r.value.query.goods,
    timeZone: 'Europe/Moscow',
    lang: 'en',
    currency: 'RUB',
    maskContacts: false,
    now,
    ...over,
  };
}

const show = (pages: string[]) => pages.map(visibleText);

function expectPagesFit(pages: string[]): void {
  for (const p of pages) {
    expect(checkTelegramHtml(p)).toBeNull();
    expect(visibleLength(p)).toBeLessThanOrEqual(PAGE_LIMIT);
  }
}

describe('summarize', () => {
  const orders = [
    paid({ id: '1', price: 100_000 }),
    paid({ id: '2', price: 300_000 }),
    order({ id: '3' }),
    order({ id: '4', payStatus: 'moneyback', paid: 1 }),
  ];

  it('counts every order, the paid ones, their revenue and the average check', () => {
    expect(summarize(orders, false)).toEqual({ count: 4, paidCount: 2, paidRevenue: 400_000, averageCheck: 200_000 });
  });

  it('with paid only, unpaid and refunded orders are not counted at all', () => {
    expect(summarize(orders, true)).toEqual({ count: 2, paidCount: 2, paidRevenue: 400_000, averageCheck: 200_000 });
  });

  it('has no average check when nothing was paid', () => {
    expect(summarize([order()], false).averageCheck).toBeNull();
  });
});

describe('renderOrdersPages', () => {
  it('a header with the period, counts, revenue and average check, then each order', () => {
    const pages = renderOrdersPages(
      [
        paid({
          id: '1002',
          created: sec('2026-11-28T10:00:00Z'),
          items: [{ id: 'c1', title: 'Course A', sum: 499_000, price: 499_000, partners: [] }],
          utm: { source: 'vk', medium: 'cpc', campaign: 'bf' },
        }),
        order({ id: '1001' }),
      ],
      options(),
    );
    expect(show(pages)).toEqual([
      [
        '📦 Orders — today, 28 Nov',
        'Orders: 2 · paid: 1',
        'Revenue: ₽4,990 · average check: ₽4,990',
        '',
        '#1002 · 13:00 · ✅ paid',
        '👤 Ivan Petrov · ivan.petrov@mail.ru · +7 912 345-67-89',
        '🛒 Course A',
        '💳 ₽4,990 · 🔗 vk / cpc / bf',
        '',
        '#1001 · 12:05 · ⏳ awaiting payment',
        '👤 Ivan Petrov · ivan.petrov@mail.ru · +7 912 345-67-89',
        '🛒 —',
        '💳 ₽4,990 · 🔗 shop.justclick.ru',
      ].join('\n'),
    ]);
  });

  it('speaks Russian', () => {
    const [page] = show(renderOrdersPages([paid()], options('', { lang: 'ru' })));
    expect(page).toContain('📦 Заказы — сегодня, 28 ноября');
    expect(page).toContain(`Выручка: 4${NBSP}990${NBSP}₽ · средний чек: 4${NBSP}990${NBSP}₽`);
    expect(page).toContain('✅ оплачен');
  });

  it('lists newest first, by paid time when only paid orders are asked for', () => {
    const early = paid({ id: 'A', created: sec('2026-11-28T05:00:00Z'), paid: sec('2026-11-28T11:00:00Z') });
    const late = paid({ id: 'B', created: sec('2026-11-28T08:00:00Z'), paid: sec('2026-11-28T09:00:00Z') });
    const ids = (pages: string[]) => [...pages.join('').matchAll(/#(\w+)/g)].map((m) => m[1]);
    expect(ids(renderOrdersPages([early, late], options('')))).toEqual(['B', 'A']);
    expect(ids(renderOrdersPages([early, late], options('paid')))).toEqual(['A', 'B']);
  });

  it('paid only leaves out unpaid and refunded orders and says so in the header', () => {
    const [page] = show(renderOrdersPages([paid({ id: '1' }), order({ id: '2' }), order({ id: '3', payStatus: 'moneyback' })], options('paid goods 12')));
    expect(page).toContain('🔎 paid only · goods: 12');
    expect(page).toContain('Paid orders: 1');
    expect(page).toContain('#1');
    expect(page).not.toContain('#2');
    expect(page).not.toContain('#3');
  });

  it('shows the date next to the time when the period spans several days, and the year when it is not this one', () => {
    const [week] = show(renderOrdersPages([order({ created: sec('2026-11-24T09:05:00Z') })], options('week')));
    expect(week).toContain('#1001 · 24 Nov 12:05');
    const [lastYear] = show(renderOrdersPages([order({ created: sec('2025-12-01T09:05:00Z') })], options('01.12')));
    expect(lastYear).toContain('#1001 · 1 Dec 2025 12:05');
  });

  it('shows buyer-typed text exactly as typed, however hostile', () => {
    const evil = order({ firstName: '<script>', lastName: 'Tom & "Jerry" <3', items: [{ id: '1', title: '</b><i>', sum: 0, price: 0, partners: [] }] });
    const [html] = renderOrdersPages([evil], options());
    expect(checkTelegramHtml(html as string)).toBeNull();
    expect(visibleText(html as string)).toContain('👤 <script> Tom & "Jerry" <3');
    expect(visibleText(html as string)).toContain('🛒 </b><i>');
  });

  it('masks e-mails and phones for group chats', () => {
    const [page] = show(renderOrdersPages([order()], options('', { maskContacts: true })));
    expect(page).toContain('👤 Ivan Petrov · iv***@mail.ru · +7 *** ***-**-89');
    expect(page).not.toContain('petrov@');
  });

  it('shows a status JustClick invented as it is', () => {
    const [page] = show(renderOrdersPages([order({ payStatus: 'partial' })], options()));
    expect(page).toContain('❔ partial');
  });

  it('flattens line breaks a buyer typed into a name', () => {
    const [page] = show(renderOrdersPages([order({ firstName: 'Ivan\n\n#999 · fake', lastName: '' })], options()));
    expect(page).toContain('👤 Ivan #999 · fake ·');
  });

  it('says there are no orders for the period, keeping the filters in view', () => {
    expect(show(renderOrdersPages([], options('yesterday')))).toEqual(['No orders for yesterday, 27 Nov.']);
    expect(show(renderOrdersPages([order()], options('paid', { lang: 'ru' })))).toEqual(['Заказов нет (сегодня, 28 ноября).\n🔎 только оплаченные']);
  });

  it('puts at most ten orders on a page and repeats the header on each', () => {
    const orders = Array.from({ length: 25 }, (_, i) => order({ id: String(i + 1) }));
    const pages = renderOrdersPages(orders, options());
    expect(pages).toHaveLength(3);
    expect(pages.map((p) => p.match(/<b>#/g)?.length)).toEqual([10, 10, 5]);
    for (const p of show(pages)) expect(p.startsWith('📦 Orders — today, 28 Nov\nOrders: 25 · paid: 0')).toBe(true);
  });

  it('puts fewer orders on a page when they are long, and clips what no page could hold', () => {
    const long = (i: number) =>
      order({
        id: String(i),
        firstName: 'Я'.repeat(5000),
        email: `${'e'.repeat(3000)}@x.ru`,
        comment: 'c'.repeat(9000),
        items: Array.from({ length: 50 }, (_, j) => ({ id: String(j), title: `Курс ${'😀'.repeat(200)}`, sum: 100, price: 100, partners: [] })),
        utm: { source: '&'.repeat(5000), campaign: '<'.repeat(5000) },
      });
    const pages = renderOrdersPages(
      Array.from({ length: 12 }, (_, i) => long(i)),
      options('', { lang: 'ru' }),
    );
    expectPagesFit(pages);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.join('').match(/<b>#/g)).toHaveLength(12);
  });

  it('5,000 orders render to pages that all parse and fit', () => {
    const orders = Array.from({ length: 5000 }, (_, i) => paid({ id: String(i), created: sec('2026-11-28T00:00:00Z') + i }));
    const pages = renderOrdersPages(orders, options());
    expect(pages).toHaveLength(500);
    expectPagesFit(pages);
    expect(show(pages)[0]).toContain('Orders: 5000 · paid: 5000');
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
          const pages = renderOrdersPages(orders, opts);
          expectPagesFit(pages);
          const listed = opts.paidOnly ? orders.filter((o) => o.payStatus === 'paid') : orders;
          const blocks = pages.reduce((n, p) => n + (p.match(/<b>#/g)?.length ?? 0), 0);
          expect(blocks).toBe(listed.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
