// The daily digest: which days it fetches, the numbers it computes from their orders, and how it reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDigest, digestRanges, formatChange, renderAccountsDigest, renderDigest, type DayOrders, type DigestInput } from '../../src/domain/digest.js';
import { checkTelegramHtml, html, visibleLength, visibleText } from '../../src/domain/format/html.js';
import type { Order, OrderItem } from '../../src/justclick/types.js';

const NBSP = '\u00a0';
const iso = (d: Date) => d.toISOString();
const T = 1_795_000_000; // any instant: computeDigest does not look at times

function order(p: Partial<Order> = {}): Order {
  // biome-ignore format: an order, packed by hand
  return {
    id: '1', firstName: '', lastName: '', middleName: '', email: '', phone: '', city: '', country: '', address: '',
    region: '', postalcode: '', created: T, paid: null, payStatus: 'waiting', type: '', payway: '', comment: '',
    domain: '', link: '', utm: {}, price: 100_000, toPay: null, isRecurrent: false, tag: '', kupon: '', items: [], ...p,
  };
}
const paid = (id: string, price: number, p: Partial<Order> = {}) => order({ id, price, payStatus: 'paid', paid: T, ...p });
const item = (id: string, title: string, sum: number): OrderItem => ({ id, title, sum, price: sum, partners: [] });
const none: DayOrders = { created: [], paid: [] };

describe('digestRanges', () => {
  it('a morning digest in Moscow is about yesterday, compared with the day before and the same weekday last week', () => {
    const r = digestRanges(new Date('2026-11-28T06:00:00Z'), 'Europe/Moscow');
    expect(r.date).toEqual({ year: 2026, month: 11, day: 27 });
    expect([iso(r.day.from), iso(r.day.to)]).toEqual(['2026-11-26T21:00:00.000Z', '2026-11-27T21:00:00.000Z']);
    expect([iso(r.dayBefore.from), iso(r.dayBefore.to)]).toEqual(['2026-11-25T21:00:00.000Z', '2026-11-26T21:00:00.000Z']);
    expect([iso(r.weekAgo.from), iso(r.weekAgo.to)]).toEqual(['2026-11-19T21:00:00.000Z', '2026-11-20T21:00:00.000Z']);
    expect([iso(r.monthToDate.from), iso(r.monthToDate.to)]).toEqual(['2026-10-31T21:00:00.000Z', '2026-11-27T21:00:00.000Z']);
  });

  it('the digest day after spring-forward in Berlin is 23 hours, its comparison days 24', () => {
    const r = digestRanges(new Date('2026-03-30T07:00:00Z'), 'Europe/Berlin');
    expect(r.day.to.getTime() - r.day.from.getTime()).toBe(23 * 3_600_000);
    expect(r.dayBefore.to.getTime() - r.dayBefore.from.getTime()).toBe(24 * 3_600_000);
  });

  it('a digest of today so far compares with the other days up to the same wall-clock time, across DST', () => {
    // Sunday 29 March 2026, 20:00 in Berlin (CEST since 02:00).
    const now = new Date('2026-03-29T18:00:00Z');
    const r = digestRanges(now, 'Europe/Berlin', 0);
    expect(r.day.to).toEqual(now);
    expect(iso(r.dayBefore.to)).toBe('2026-03-28T19:00:00.000Z'); // Saturday 20:00 CET
    expect(iso(r.weekAgo.to)).toBe('2026-03-22T19:00:00.000Z');
    expect(r.monthToDate.to).toEqual(now);
  });

  it('on the 1st, month to date is just that day', () => {
    const r = digestRanges(new Date('2026-12-02T06:00:00Z'), 'Europe/Moscow');
    expect(r.monthToDate).toEqual(r.day);
  });
});

describe('computeDigest', () => {
  const input: DigestInput = {
    day: {
      created: [
        paid('1', 500_000),
        order({ id: '2' }),
        order({ id: '3', payStatus: 'cancel', price: 200_000 }),
        order({ id: '4', payStatus: 'moneyback', price: 300_000, paid: T }),
      ],
      paid: [
        paid('1', 500_000, { utm: { source: 'vk' }, items: [item('a', 'Course A', 300_000), item('b', 'Book B', 200_000)] }),
        paid('5', 300_000, { utm: { source: 'VK' }, items: [item('a', 'Course A', 300_000)] }),
        paid('6', 100_000, { items: [item('c', 'Chat C', 100_000)] }),
        paid('6', 100_000, { items: [item('c', 'Chat C', 100_000)] }), // the same order twice from two API calls
        order({ id: '4', payStatus: 'moneyback', price: 300_000, paid: T }),
      ],
    },
    dayBefore: { created: [], paid: [paid('7', 450_000)] },
    weekAgo: none,
    monthToDatePaid: [paid('1', 500_000), paid('5', 300_000), paid('6', 100_000), paid('8', 1_000_000)],
  };
  const stats = computeDigest(input);

  it('counts paid orders and revenue once each, leaving out refunded ones', () => {
    expect(stats.paidCount).toBe(3);
    expect(stats.revenue).toBe(900_000);
    expect(stats.averageCheck).toBe(300_000);
  });

  it('counts new orders and how many of them are paid by now', () => {
    expect(stats.createdCount).toBe(4);
    expect(stats.createdPaidByNow).toBe(1);
  });

  it('ranks products by what buyers paid for them', () => {
    expect(stats.topProducts).toEqual([
      { id: 'a', title: 'Course A', revenue: 600_000, count: 2 },
      { id: 'b', title: 'Book B', revenue: 200_000, count: 1 },
      { id: 'c', title: 'Chat C', revenue: 100_000, count: 1 },
    ]);
  });

  it('ranks traffic sources, one source however its case, no utm meaning direct', () => {
    expect(stats.topSources).toEqual([
      { source: 'vk', revenue: 800_000, count: 2 },
      { source: null, revenue: 100_000, count: 1 },
    ]);
  });

  it('counts the day’s cancellations and refunds with their sums', () => {
    expect(stats.cancelled).toEqual({ count: 1, sum: 200_000 });
    expect(stats.refunded).toEqual({ count: 1, sum: 300_000 });
  });

  it('compares revenue with the day before, and has no percentage when the base day sold nothing', () => {
    expect(stats.vsDayBefore).toEqual({ revenue: 450_000, percent: 100 });
    expect(stats.vsWeekAgo).toEqual({ revenue: 0, percent: null });
  });

  it('adds up the month so far', () => {
    expect(stats.monthToDateRevenue).toBe(1_900_000);
  });

  it('lists at most five products and five sources', () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      paid(String(i), (i + 1) * 1000, { utm: { source: `s${i}` }, items: [item(`p${i}`, `P${i}`, (i + 1) * 1000)] }),
    );
    const s = computeDigest({ day: { created: [], paid: many }, dayBefore: none, weekAgo: none, monthToDatePaid: [] });
    expect(s.topProducts.map((p) => p.title)).toEqual(['P7', 'P6', 'P5', 'P4', 'P3']);
    expect(s.topSources).toHaveLength(5);
  });

  it('an empty day has zeros and no averages or shares', () => {
    const s = computeDigest({ day: none, dayBefore: none, weekAgo: none, monthToDatePaid: [] });
    expect(s).toMatchObject({ paidCount: 0, revenue: 0, createdCount: 0, createdPaidByNow: 0, averageCheck: null, topProducts: [], topSources: [] });
  });

  describe('renderDigest', () => {
    it('reads as a short report in English', () => {
      expect(visibleText(renderDigest(stats, { dayLabel: 'yesterday, 27 Nov', lang: 'en', currency: 'RUB' }))).toBe(
        [
          '📊 Sales — yesterday, 27 Nov',
          '',
          '💰 Paid during the day: 3 orders · ₽9,000 · average ₽3,000',
          '🧾 Created during the day: 4 orders · 1 of them paid by now',
          '📈 Paid sum vs the day before: ▲ 100% · vs a week ago: no sales then',
          '📅 Paid since the 1st of the month: ₽19,000',
          '',
          '🏆 Top products',
          '1. Course A — ₽6,000 (2)',
          '2. Book B — ₽2,000 (1)',
          '3. Chat C — ₽1,000 (1)',
          '',
          '🔗 Traffic sources',
          '1. vk — ₽8,000 (2)',
          '2. direct — ₽1,000 (1)',
          '',
          '❌ Of those created: cancelled 1 (₽2,000) · ↩️ refunded 1 (₽3,000)',
        ].join('\n'),
      );
    });

    it('and in Russian', () => {
      const text = visibleText(renderDigest(stats, { dayLabel: 'вчера, 27 ноября', lang: 'ru', currency: 'RUB' }));
      expect(text).toContain(`💰 Оплачено за день: 3 заказа · 9${NBSP}000${NBSP}₽ · средний чек 3${NBSP}000${NBSP}₽`);
      expect(text).toContain('🧾 Создано за день: 4 заказа · из них оплачено к этому моменту: 1');
      expect(text).toContain('📈 Сумма оплат к предыдущему дню: ▲ 100% · к тому же дню неделю назад: продаж не было');
      expect(text).toContain('2. прямые заходы');
    });

    it('leaves out empty sections', () => {
      const text = visibleText(
        renderDigest(computeDigest({ day: none, dayBefore: none, weekAgo: none, monthToDatePaid: [] }), { dayLabel: 'x', lang: 'en', currency: 'RUB' }),
      );
      expect(text).not.toContain('Top products');
      expect(text).not.toContain('cancelled');
    });

    it('any product titles and sources render to valid HTML within one message', () => {
      const hostile = fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.constantFrom('<b>', '&', '</i>', '"'),
        fc.string({ unit: 'binary', minLength: 1000, maxLength: 5000 }),
      );
      fc.assert(
        fc.property(
          fc.array(fc.record({ title: hostile, source: hostile, price: fc.integer({ min: 0, max: 1e10 }) }), { maxLength: 12 }),
          hostile,
          (rows, dayLabel) => {
            const orders = rows.map((r, i) => paid(String(i), r.price, { utm: { source: r.source }, items: [item(String(i), r.title, r.price)] }));
            const html = renderDigest(computeDigest({ day: { created: orders, paid: orders }, dayBefore: none, weekAgo: none, monthToDatePaid: orders }), {
              dayLabel: dayLabel.slice(0, 40),
              lang: 'ru',
              currency: 'RUB',
            });
            expect(checkTelegramHtml(html)).toBeNull();
            expect(visibleLength(html)).toBeLessThanOrEqual(4096);
          },
        ),
        { numRuns: 100 },
      );
    });
  });
});

describe('formatChange', () => {
  it.each([
    [25, '▲ 25%'],
    [-10.4, '▼ 10%'],
    [0.3, '±0%'],
    [-0.4, '±0%'],
    [1234.6, '▲ 1235%'],
  ])('%d → %s', (percent, text) => {
    expect(formatChange(percent)).toBe(text);
  });
});

describe('renderAccountsDigest (a chat fed by several accounts)', () => {
  const yoga = computeDigest({
    day: {
      created: [paid('1', 300_000, { items: [item('12', 'Йога', 300_000)] }), order({ id: '2' })],
      paid: [paid('1', 300_000, { items: [item('12', 'Йога', 300_000)] })],
    },
    dayBefore: { created: [], paid: [paid('0', 100_000)] },
    weekAgo: none,
    monthToDatePaid: [paid('1', 300_000), paid('0', 100_000)],
  });
  // The same order number as yoga's: another account's own order.
  const dance = computeDigest({
    day: { created: [paid('1', 450_000)], paid: [paid('1', 450_000)] },
    dayBefore: none,
    weekAgo: none,
    monthToDatePaid: [paid('1', 450_000), paid('9', 50_000)],
  });
  const opts = { dayLabel: 'yesterday, 27 Nov', lang: 'en' as const, currency: 'RUB', goal: html`🎯 goal line` };

  it('a block per account headed by its name, the goal in the first, then all accounts together', () => {
    const text = visibleText(
      renderAccountsDigest(
        [
          { label: 'Школа йоги', stats: yoga },
          { label: 'Танцы', stats: dance },
        ],
        opts,
      ),
    ).replaceAll(NBSP, ' ');
    const lines = text.split('\n');
    expect(lines[0]).toBe('📊 Sales — yesterday, 27 Nov');
    expect(lines.indexOf('🏫 Школа йоги')).toBeGreaterThan(0);
    expect(lines.indexOf('🏫 Танцы')).toBeGreaterThan(lines.indexOf('🏫 Школа йоги'));
    const yogaBlock = lines.slice(lines.indexOf('🏫 Школа йоги'), lines.indexOf('🏫 Танцы')).join('\n');
    const danceBlock = lines.slice(lines.indexOf('🏫 Танцы')).join('\n');
    expect(yogaBlock).toContain('₽3,000');
    expect(yogaBlock).toContain('🎯 goal line');
    expect(yogaBlock).toContain('1. Йога — ₽3,000 (1)');
    expect(danceBlock).toContain('₽4,500');
    expect(danceBlock).not.toContain('🎯');
    expect(lines.at(-1)).toBe('All accounts: paid 2 for ₽7,500; created 3; since the 1st of the month ₽9,000');
  });

  it('many accounts drop the lists, and the message stays valid HTML within one Telegram message', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ label: `<Школа> № ${i} ${'x'.repeat(80)}`, stats: yoga }));
    const out = renderAccountsDigest(many, opts);
    expect(checkTelegramHtml(out)).toBeNull();
    expect(visibleLength(out)).toBeLessThanOrEqual(4096);
    expect(visibleText(out)).not.toContain('Top products');
  });
});
