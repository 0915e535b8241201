// Weekly and monthly reports: the period (last week on Monday, last month on the 1st), exact figures against
// the previous equal period, the message a seller reads, and a chart whose data survives job data as JSON.
import { describe, expect, it } from 'vitest';
import { fromChartData, toChartData } from '../../src/domain/chart/chart-data.js';
import { checkTelegramHtml, visibleLength, visibleText } from '../../src/domain/format/html.js';
import {
  accountsReportChart,
  computeReport,
  renderAccountsReport,
  renderReport,
  reportChart,
  reportPeriod,
  type ReportInput,
} from '../../src/domain/report.js';
import { item, order, paidAt, seen } from '../support/orders.js';
import { msk } from '../support/e2e.js';

const ZONE = 'Europe/Moscow';
const MONDAY_0900 = new Date('2026-11-30T06:00:00Z');
const iso = (r: { from: Date; to: Date }) => [r.from.toISOString(), r.to.toISOString()];

describe('reportPeriod', () => {
  it('on Monday: last week, Monday to Sunday, against the week before', () => {
    const r = reportPeriod('weekly', MONDAY_0900, ZONE);
    expect(iso(r.comparison.current)).toEqual(['2026-11-22T21:00:00.000Z', '2026-11-29T21:00:00.000Z']);
    expect(iso(r.comparison.previous)).toEqual(['2026-11-15T21:00:00.000Z', '2026-11-22T21:00:00.000Z']);
  });

  it('on the 1st: last month, against the month before it (31 days against 30)', () => {
    const r = reportPeriod('monthly', new Date('2026-12-01T06:00:00Z'), ZONE);
    expect(iso(r.comparison.current)).toEqual(['2026-10-31T21:00:00.000Z', '2026-11-30T21:00:00.000Z']);
    expect(iso(r.comparison.previous)).toEqual(['2026-09-30T21:00:00.000Z', '2026-10-31T21:00:00.000Z']);
  });

  it('in a zone with DST the week of the change has its 169 hours', () => {
    const r = reportPeriod('weekly', new Date('2026-11-02T14:00:00Z'), 'America/New_York');
    const hours = (r.comparison.current.to.getTime() - r.comparison.current.from.getTime()) / 3_600_000;
    expect(hours).toBe(169);
  });
});

describe('a weekly report', () => {
  const input: ReportInput = {
    created: [
      paidAt('2026-11-24', '10:00', 3000, { id: 'a', items: [item('c', 'Курс', 3000)], utm: { source: 'vk' } }),
      order({ id: 'w1', created: msk('2026-11-25', '11:00'), price: 7000_00 }),
      order({ id: 'w2', created: msk('2026-11-29', '23:00'), price: 1000_00 }),
      order({ id: 'r1', created: msk('2026-11-26', '09:00'), paid: msk('2026-11-26', '09:10'), payStatus: 'moneyback', price: 2000_00 }),
    ],
    paid: [
      paidAt('2026-11-24', '10:00', 3000, { id: 'a', items: [item('c', 'Курс', 3000)], utm: { source: 'vk' } }),
      // Created the week before, paid in this one: revenue of this week.
      paidAt('2026-11-29', '23:59', 1000, { id: 'b', created: msk('2026-11-20', '10:00'), items: [item('k', 'Книга', 1000)] }),
      order({ id: 'r1', created: msk('2026-11-26', '09:00'), paid: msk('2026-11-26', '09:10'), payStatus: 'moneyback', price: 2000_00 }),
    ],
    previousPaid: [paidAt('2026-11-18', '12:00', 2000, { id: 'p' })],
  };
  const period = reportPeriod('weekly', MONDAY_0900, ZONE);
  const stats = computeReport(input, period);

  it('counts revenue by payment time, refunds and invoices still waiting', () => {
    expect(stats).toMatchObject({
      revenue: 4000_00,
      paidCount: 2,
      averageCheck: 2000_00,
      previousRevenue: 2000_00,
      createdCount: 4,
      createdPaidCount: 1,
      refunds: { count: 1, sum: 2000_00 },
      waiting: { count: 2, sum: 8000_00 },
    });
  });

  it('reads as a seller expects, in English and Russian', () => {
    const en = seen(renderReport(stats, period, { lang: 'en', currency: 'RUB' }));
    expect(en).toContain('📊 Weekly report — last week, 23–29 Nov');
    expect(en).toContain('💰 Revenue: ₽4,000 · vs the week before: ▲ 100% (+₽2,000)');
    expect(en).toContain('✅ Paid orders: 2 · average check: ₽2,000');
    expect(en).toContain('🧾 Created in the period: 4 orders · 1 of them paid by now');
    expect(en).toContain('1. Курс — ₽3,000 (1, 75%)');
    expect(en).toContain('2. direct — ₽1,000 (1, 25%)');
    expect(en).toContain('↩️ Refunds: 1 (₽2,000)');
    expect(en).toContain('⏳ Invoices still waiting: 2 (₽8,000)');
    const ru = seen(renderReport(stats, period, { lang: 'ru', currency: 'RUB' }));
    expect(ru).toContain('📊 Отчёт за неделю — прошлая неделя, 23–29 ноября');
    expect(ru).toContain('к предыдущей неделе: ▲ 100% (+2 000 ₽)');
    expect(ru).toContain('⏳ Счетов ждут оплаты: 2 (8 000 ₽)');
  });

  it('charts seven days against the seven before, and the chart data survives JSON', () => {
    const chart = reportChart(input, period, ZONE, { lang: 'en', currency: 'RUB' });
    expect(chart.current.buckets.map((b) => b.revenue)).toEqual([0, 3000_00, 0, 0, 0, 0, 1000_00]);
    expect(chart.previous?.buckets.map((b) => b.revenue)).toEqual([0, 0, 2000_00, 0, 0, 0, 0]);
    const back = fromChartData(JSON.parse(JSON.stringify(toChartData(chart))));
    expect(back).toEqual(chart);
  });
});

describe('a report on several accounts', () => {
  const report = reportPeriod('weekly', MONDAY_0900, ZONE);
  // Two schools with an order number in common: each counts its own.
  const yoga: ReportInput = {
    created: [],
    paid: [paidAt('2026-11-24', '10:00', 3000, { id: '1' })],
    previousPaid: [paidAt('2026-11-17', '10:00', 1000, { id: '0' })],
  };
  const dance: ReportInput = { created: [], paid: [paidAt('2026-11-28', '12:00', 5000, { id: '1' })], previousPaid: [] };

  it('the chart adds each account’s day to the total and stacks their parts, named', () => {
    const chart = accountsReportChart(
      [
        { label: 'Йога', input: yoga },
        { label: 'Танцы', input: dance },
      ],
      report,
      ZONE,
      { lang: 'ru', currency: 'RUB' },
    );
    expect(chart.current.revenue).toBe(8000_00);
    expect(chart.previous?.revenue).toBe(1000_00);
    expect(chart.stack?.map((p) => [p.label, p.revenue.reduce((s, v) => s + v, 0)])).toEqual([
      ['Йога', 3000_00],
      ['Танцы', 5000_00],
    ]);
    // Survives job data like any report chart.
    expect(fromChartData(JSON.parse(JSON.stringify(toChartData(chart)))).stack).toEqual(chart.stack);
  });

  it('many accounts: no lists, valid HTML within one Telegram message', () => {
    const parts = Array.from({ length: 12 }, (_, i) => ({ label: `<Школа> ${i} ${'я'.repeat(90)}`, stats: computeReport(yoga, report) }));
    const html = renderAccountsReport(parts, report, { lang: 'ru', currency: 'RUB' });
    expect(checkTelegramHtml(html)).toBeNull();
    expect(visibleLength(html)).toBeLessThanOrEqual(4096);
    expect(visibleText(html)).toContain('Все аккаунты');
    expect(seen(html)).toContain('💰 Выручка: 36 000 ₽');
  });

  it('an account whose JustClick did not answer is named as such and left out of the total', () => {
    const text = seen(renderAccountsReport([{ label: 'Йога', stats: computeReport(yoga, report) }], report, { lang: 'ru', currency: 'RUB' }, ['Танцы']));
    const lines = text.split('\n');
    expect(lines[lines.indexOf('🏫 Танцы') + 1]).toBe('⚠️ JustClick не ответил: этого аккаунта нет в итоге ниже.');
    expect(lines[lines.indexOf('Все аккаунты') + 1]).toContain('💰 Выручка: 3 000 ₽');
  });
});
