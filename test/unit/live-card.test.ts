// The pinned card: today so far against yesterday by the same time (month and DST edges), and the forecast
// from the last four same weekdays.
import { describe, expect, it } from 'vitest';
import { computeLiveCard, liveCardRanges, renderLiveCard } from '../../src/domain/live-card.js';
import { paidAt, seen } from '../support/orders.js';

const ZONE = 'Europe/Moscow';

describe('the live card', () => {
  it('on the 1st compares with the last day of the month before, by the same time', () => {
    const now = new Date('2026-12-01T11:00:00Z'); // 14:00 MSK
    const card = computeLiveCard(
      {
        today: [paidAt('2026-12-01', '09:00', 1200), paidAt('2026-12-01', '13:59', 300)],
        yesterday: [paidAt('2026-11-30', '10:00', 1000), paidAt('2026-11-30', '14:00', 5000)],
        sameWeekdays: [],
      },
      now,
      ZONE,
    );
    expect(card).toMatchObject({ revenue: 1500_00, count: 2, yesterdayRevenue: 1000_00, forecast: null });
    const text = seen(renderLiveCard(card, ZONE, 'en', 'RUB'));
    expect(text).toBe(
      ['📌 Today, 1 Dec · as of 14:00', '💰 ₽1,500 · paid orders: 2', '📈 vs yesterday by 14:00: ▲ 50% (+₽500)', '🔮 Forecast for the day: —'].join('\n'),
    );
  });

  it('on the day after a spring-forward change, "by 14:00" is 14:00 on the short day too', () => {
    const zone = 'Europe/Berlin';
    const now = new Date('2026-03-30T12:00:00Z'); // Monday 14:00 CEST; Sunday 29 March had 23 hours
    const r = liveCardRanges(now, zone);
    expect([r.yesterday.from.toISOString(), r.yesterday.to.toISOString()]).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T12:00:00.000Z']);
    expect(r.sameWeekdays.map((d) => d.from.toISOString())).toEqual([
      '2026-03-22T23:00:00.000Z',
      '2026-03-15T23:00:00.000Z',
      '2026-03-08T23:00:00.000Z',
      '2026-03-01T23:00:00.000Z',
    ]);
  });

  it('forecasts the day from the share of revenue the same weekdays had by now', () => {
    const now = new Date('2026-11-28T09:00:00Z'); // Saturday 12:00 MSK
    const card = computeLiveCard(
      {
        today: [paidAt('2026-11-28', '11:00', 3000)],
        yesterday: [],
        sameWeekdays: [
          // By noon a quarter of the day's revenue, then half: the mean share is 3/8.
          [paidAt('2026-11-21', '10:00', 1000), paidAt('2026-11-21', '18:00', 3000)],
          [paidAt('2026-11-14', '09:00', 2000), paidAt('2026-11-14', '20:00', 2000)],
          [], // nothing sold that day: it says nothing about the hours
          [paidAt('2026-10-31', '15:00', 500, { payStatus: 'moneyback' })], // refunded: not a sale
        ],
      },
      now,
      ZONE,
    );
    expect(card.forecast).toBe(8000_00);
    expect(card.yesterdayRevenue).toBe(0);
    const ru = seen(renderLiveCard(card, ZONE, 'ru', 'RUB'));
    expect(ru).toContain('📈 К вчера на 12:00: ▲ +3 000 ₽ (раньше продаж не было)');
    expect(ru).toContain('🔮 Прогноз на день: 8 000 ₽');
  });
});
