// Paid revenue per chart bucket: hours of one local day (23 or 25 around DST), days, weeks.
import { describe, expect, it } from 'vitest';
import { localDayRange } from '../../src/domain/calendar.js';
import { granularityFor, revenueSeries } from '../../src/domain/revenue-series.js';
import type { Order } from '../../src/domain/justclick.js';

const at = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

function order(p: Partial<Order> = {}): Order {
  // biome-ignore format: an order, packed by hand
  return {
    id: '1', firstName: '', lastName: '', middleName: '', email: '', phone: '', city: '', country: '', address: '',
    region: '', postalcode: '', created: at('2026-11-01T00:00:00Z'), paid: null, payStatus: 'waiting', type: '', payway: '',
    comment: '', domain: '', link: '', utm: {}, price: 100_000, toPay: null, isRecurrent: false, tag: '', kupon: '', items: [], ...p,
  };
}
const paidAt = (id: string, iso: string, price: number, p: Partial<Order> = {}) => order({ id, price, payStatus: 'paid', paid: at(iso), ...p });

describe('revenueSeries', () => {
  it('one Moscow day goes by 24 local hours, each order in the hour it was paid', () => {
    const day = localDayRange({ year: 2026, month: 11, day: 28 }, 'Europe/Moscow');
    const s = revenueSeries(
      [
        paidAt('1', '2026-11-27T21:00:00Z', 100_00), // 00:00 MSK: the day's first instant
        paidAt('2', '2026-11-28T06:59:59Z', 250_00), // 09:59:59 MSK
        paidAt('3', '2026-11-28T07:00:00Z', 300_00), // 10:00 MSK
        paidAt('4', '2026-11-28T20:59:59Z', 50_00), // 23:59:59 MSK
        paidAt('5', '2026-11-28T21:00:00Z', 999_00), // the next day
        paidAt('6', '2026-11-27T20:59:59Z', 999_00), // the day before
      ],
      day,
      'Europe/Moscow',
    );
    expect(s.granularity).toBe('hour');
    expect(s.buckets.map((b) => b.hour)).toEqual(Array.from({ length: 24 }, (_, h) => h));
    const byHour = Object.fromEntries(s.buckets.filter((b) => b.revenue > 0).map((b) => [b.hour, b.revenue]));
    expect(byHour).toEqual({ 0: 100_00, 9: 250_00, 10: 300_00, 23: 50_00 });
    expect([s.revenue, s.count]).toEqual([700_00, 4]);
  });

  it('the spring-forward day in Berlin has 23 hourly buckets and no 02:00', () => {
    const s = revenueSeries([], localDayRange({ year: 2026, month: 3, day: 29 }, 'Europe/Berlin'), 'Europe/Berlin');
    expect(s.buckets).toHaveLength(23);
    expect(s.buckets.map((b) => b.hour).slice(0, 4)).toEqual([0, 1, 3, 4]);
  });

  it('the fall-back day in Berlin has 25 hourly buckets, 02:00 twice, and an order in each of them', () => {
    const day = localDayRange({ year: 2026, month: 10, day: 25 }, 'Europe/Berlin');
    const s = revenueSeries(
      [paidAt('a', '2026-10-25T00:30:00Z', 10_00), paidAt('b', '2026-10-25T01:30:00Z', 20_00)], // 02:30 CEST, then 02:30 CET
      day,
      'Europe/Berlin',
    );
    expect(s.buckets).toHaveLength(25);
    expect(s.buckets.map((b) => b.hour).slice(0, 5)).toEqual([0, 1, 2, 2, 3]);
    expect(s.buckets.slice(2, 4).map((b) => b.revenue)).toEqual([10_00, 20_00]);
  });

  it('today so far spans the whole day; the hours after now are ahead and empty', () => {
    const now = new Date('2026-11-28T11:20:00Z'); // 14:20 MSK
    const day = localDayRange({ year: 2026, month: 11, day: 28 }, 'Europe/Moscow');
    const s = revenueSeries([paidAt('1', '2026-11-28T11:00:00Z', 10_00)], { from: day.from, to: now }, 'Europe/Moscow');
    expect(s.buckets).toHaveLength(24);
    expect(s.buckets.filter((b) => !b.ahead).map((b) => b.hour)).toEqual(Array.from({ length: 15 }, (_, h) => h));
    expect(s.buckets.find((b) => b.hour === 14)?.revenue).toBe(10_00);
  });

  it('this month so far: the whole month is the axis, nothing after now counts, the day of now is still running', () => {
    const tz = 'Europe/Moscow';
    const november = { from: localDayRange({ year: 2026, month: 11, day: 1 }, tz).from, to: localDayRange({ year: 2026, month: 12, day: 1 }, tz).from };
    const now = new Date('2026-11-28T11:20:00Z');
    const s = revenueSeries(
      [paidAt('1', '2026-11-28T11:19:59Z', 10_00), paidAt('2', '2026-11-28T11:20:00Z', 20_00)], // one before now, one at now
      november,
      tz,
      { until: now },
    );
    expect(s.buckets).toHaveLength(30);
    expect([s.revenue, s.count]).toEqual([10_00, 1]);
    expect(s.buckets.filter((b) => b.running).map((b) => b.date.day)).toEqual([28]);
    expect(s.buckets.filter((b) => b.ahead).map((b) => b.date.day)).toEqual([29, 30]);
  });

  it('counts only orders still paid, once each, by the time they were paid', () => {
    const day = localDayRange({ year: 2026, month: 11, day: 28 }, 'Europe/Moscow');
    const s = revenueSeries(
      [
        paidAt('1', '2026-11-28T09:00:00Z', 100_00),
        paidAt('1', '2026-11-28T09:00:00Z', 100_00), // the same order listed twice
        paidAt('2', '2026-11-28T09:00:00Z', 70_00, { payStatus: 'moneyback' }), // refunded since
        order({ id: '3', created: at('2026-11-28T09:00:00Z') }), // created that day, never paid
        paidAt('4', '2026-11-28T09:00:00Z', 30_00, { created: at('2026-10-01T00:00:00Z') }), // created long before
      ],
      day,
      'Europe/Moscow',
    );
    expect([s.revenue, s.count]).toEqual([130_00, 2]);
  });

  it('a month goes by local days, a quarter by seven-day stretches from its first day', () => {
    const tz = 'Asia/Yekaterinburg';
    const november = { from: localDayRange({ year: 2026, month: 11, day: 1 }, tz).from, to: localDayRange({ year: 2026, month: 12, day: 1 }, tz).from };
    expect(granularityFor(november, tz)).toBe('day');
    const s = revenueSeries([paidAt('1', '2026-11-30T18:59:59Z', 5_00)], november, tz); // 23:59:59 on 30 Nov local
    expect(s.buckets).toHaveLength(30);
    expect(s.buckets.at(-1)?.revenue).toBe(5_00);

    const quarter = { from: november.from, to: localDayRange({ year: 2027, month: 2, day: 1 }, tz).from }; // 92 days
    const w = revenueSeries([paidAt('1', '2027-01-31T12:00:00Z', 7_00)], quarter, tz);
    expect(w.granularity).toBe('week');
    expect(w.buckets).toHaveLength(14); // 13 full weeks and one day
    expect(w.buckets.at(-1)?.date).toEqual({ year: 2027, month: 1, day: 31 });
    expect(w.buckets.at(-1)?.revenue).toBe(7_00);
    expect(w.buckets[1]?.date).toEqual({ year: 2026, month: 11, day: 8 });
  });

  it('62 days are still daily, 63 go by weeks', () => {
    const tz = 'Europe/Moscow';
    const from = localDayRange({ year: 2026, month: 1, day: 1 }, tz).from;
    expect(granularityFor({ from, to: localDayRange({ year: 2026, month: 3, day: 4 }, tz).from }, tz)).toBe('day');
    expect(granularityFor({ from, to: localDayRange({ year: 2026, month: 3, day: 5 }, tz).from }, tz)).toBe('week');
  });

  it('a week in New York across the spring switch: seven day buckets, the Sunday 23 hours long', () => {
    const tz = 'America/New_York';
    const week = { from: localDayRange({ year: 2026, month: 3, day: 2 }, tz).from, to: localDayRange({ year: 2026, month: 3, day: 9 }, tz).from };
    const s = revenueSeries([], week, tz);
    expect(s.buckets).toHaveLength(7);
    const sunday = s.buckets.at(-1)!;
    expect((sunday.to.getTime() - sunday.from.getTime()) / 3_600_000).toBe(23);
  });
});
