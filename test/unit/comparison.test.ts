// The previous equal period (same elapsed part while a period runs) and how a change is said.
import { describe, expect, it } from 'vitest';
import { localDayRange, type LocalDate } from '../../src/domain/calendar.js';
import { changeBetween, compareWithPrevious, describeChange } from '../../src/domain/comparison.js';

const NBSP = '\u00a0';
const iso = (d: Date) => d.toISOString();
const range = (r: { from: Date; to: Date }) => [iso(r.from), iso(r.to)];
const dayStart = (d: LocalDate, tz: string) => localDayRange(d, tz).from;

describe('compareWithPrevious', () => {
  const msk = 'Europe/Moscow';

  it('today by 14:00 is compared with yesterday by 14:00; the chart spans both whole days', () => {
    const now = new Date('2026-11-28T11:00:00Z'); // 14:00 MSK
    const c = compareWithPrevious({ from: dayStart({ year: 2026, month: 11, day: 28 }, msk), to: now, unit: 'day' }, now, msk);
    expect(c.ongoing).toBe(true);
    expect(range(c.current)).toEqual(['2026-11-27T21:00:00.000Z', '2026-11-28T11:00:00.000Z']);
    expect(range(c.previous)).toEqual(['2026-11-26T21:00:00.000Z', '2026-11-27T11:00:00.000Z']);
    expect(range(c.previousWhole)).toEqual(['2026-11-26T21:00:00.000Z', '2026-11-27T21:00:00.000Z']);
    expect(range(c.currentWhole)).toEqual(['2026-11-27T21:00:00.000Z', '2026-11-28T21:00:00.000Z']);
  });

  it('a day with no unit given is compared with the day before it, even on the 1st', () => {
    const now = new Date('2026-12-01T11:00:00Z');
    const c = compareWithPrevious({ from: dayStart({ year: 2026, month: 12, day: 1 }, msk), to: now }, now, msk);
    expect(range(c.previous)).toEqual(['2026-11-29T21:00:00.000Z', '2026-11-30T11:00:00.000Z']);
  });

  it('a finished yesterday is compared with the whole day before', () => {
    const now = new Date('2026-11-28T11:00:00Z');
    const y = localDayRange({ year: 2026, month: 11, day: 27 }, msk);
    const c = compareWithPrevious(y, now, msk);
    expect(c.ongoing).toBe(false);
    expect(range(c.previous)).toEqual(['2026-11-25T21:00:00.000Z', '2026-11-26T21:00:00.000Z']);
  });

  it('this month so far (1–30 Nov, 14:00) against 1–30 Oct up to 14:00', () => {
    const now = new Date('2026-11-30T11:00:00Z');
    const c = compareWithPrevious({ from: dayStart({ year: 2026, month: 11, day: 1 }, msk), to: now, unit: 'month' }, now, msk);
    expect(range(c.previous)).toEqual(['2026-09-30T21:00:00.000Z', '2026-10-30T11:00:00.000Z']);
    expect(range(c.previousWhole)).toEqual(['2026-09-30T21:00:00.000Z', '2026-10-31T21:00:00.000Z']);
    expect(range(c.currentWhole)).toEqual(['2026-10-31T21:00:00.000Z', '2026-11-30T21:00:00.000Z']);
    expect(c.clipped).toBe(false);
  });

  it('31 March so far is compared with the whole of February, and says it was clipped', () => {
    const now = new Date('2026-03-31T11:00:00Z');
    const c = compareWithPrevious({ from: dayStart({ year: 2026, month: 3, day: 1 }, msk), to: now, unit: 'month' }, now, msk);
    expect(range(c.previous)).toEqual(['2026-01-31T21:00:00.000Z', '2026-02-28T21:00:00.000Z']);
    expect(c.clipped).toBe(true);
  });

  it('a leap year: 29 Feb 2028 against 29 Jan; a year so far on 29 Feb against last year up to its Feb end', () => {
    const now = new Date('2028-02-29T11:00:00Z');
    const month = compareWithPrevious({ from: dayStart({ year: 2028, month: 2, day: 1 }, msk), to: now, unit: 'month' }, now, msk);
    expect(range(month.previous)).toEqual(['2027-12-31T21:00:00.000Z', '2028-01-29T11:00:00.000Z']);
    const year = compareWithPrevious({ from: dayStart({ year: 2028, month: 1, day: 1 }, msk), to: now, unit: 'year' }, now, msk);
    expect(range(year.previous)).toEqual(['2026-12-31T21:00:00.000Z', '2027-02-28T21:00:00.000Z']);
    expect(year.clipped).toBe(true);
  });

  it('a finished month (1st to 1st) is compared with the whole month before, whatever their lengths', () => {
    const now = new Date('2026-03-05T11:00:00Z');
    const c = compareWithPrevious({ from: dayStart({ year: 2026, month: 2, day: 1 }, msk), to: dayStart({ year: 2026, month: 3, day: 1 }, msk) }, now, msk);
    expect(range(c.previous)).toEqual(['2025-12-31T21:00:00.000Z', '2026-01-31T21:00:00.000Z']);
    expect(c.clipped).toBe(false);
  });

  it('this week so far (Mon–Thu 14:00) against last Mon–Thu 14:00', () => {
    const now = new Date('2026-11-26T11:00:00Z'); // Thursday
    const c = compareWithPrevious({ from: dayStart({ year: 2026, month: 11, day: 23 }, msk), to: now, unit: 'week' }, now, msk);
    expect(range(c.previous)).toEqual(['2026-11-15T21:00:00.000Z', '2026-11-19T11:00:00.000Z']);
    expect(range(c.currentWhole)).toEqual(['2026-11-22T21:00:00.000Z', '2026-11-29T21:00:00.000Z']);
  });

  it('a range of days (1–15 Nov) is compared with the 15 days before it, across the month edge', () => {
    const now = new Date('2026-11-28T11:00:00Z');
    const c = compareWithPrevious({ from: dayStart({ year: 2026, month: 11, day: 1 }, msk), to: dayStart({ year: 2026, month: 11, day: 16 }, msk) }, now, msk);
    expect(range(c.previous)).toEqual(['2026-10-16T21:00:00.000Z', '2026-10-31T21:00:00.000Z']);
  });

  it('the last 24 hours, not from midnight, are compared with the 24 hours before them', () => {
    const now = new Date('2026-11-28T11:23:00Z');
    const c = compareWithPrevious({ from: new Date(now.getTime() - 86_400_000), to: now }, now, msk);
    expect(range(c.previous)).toEqual(['2026-11-26T11:23:00.000Z', '2026-11-27T11:23:00.000Z']);
  });

  it('after spring-forward in Berlin, today by 14:00 is 13 hours and yesterday by 14:00 is 14', () => {
    const tz = 'Europe/Berlin';
    const now = new Date('2026-03-29T12:00:00Z'); // 14:00 CEST on the 23-hour day
    const c = compareWithPrevious({ from: dayStart({ year: 2026, month: 3, day: 29 }, tz), to: now, unit: 'day' }, now, tz);
    expect(range(c.previous)).toEqual(['2026-03-27T23:00:00.000Z', '2026-03-28T13:00:00.000Z']); // 00:00–14:00 CET
    expect((c.current.to.getTime() - c.current.from.getTime()) / 3_600_000).toBe(13);
    expect((c.previous.to.getTime() - c.previous.from.getTime()) / 3_600_000).toBe(14);
  });

  it('the Monday after fall-back in New York compares with Sunday, a 25-hour day, up to the same 09:30', () => {
    const tz = 'America/New_York';
    const now = new Date('2026-11-02T14:30:00Z'); // Monday 09:30 EST
    const c = compareWithPrevious({ from: dayStart({ year: 2026, month: 11, day: 2 }, tz), to: now }, now, tz);
    expect(range(c.previous)).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-01T14:30:00.000Z']); // 00:00 EDT – 09:30 EST
    expect(range(c.previousWhole)).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
  });

  it('a period whose end lies in the future counts up to now', () => {
    const now = new Date('2026-11-10T11:00:00Z');
    const c = compareWithPrevious({ from: dayStart({ year: 2026, month: 11, day: 1 }, msk), to: dayStart({ year: 2026, month: 12, day: 1 }, msk) }, now, msk);
    expect(c.ongoing).toBe(true);
    expect(iso(c.current.to)).toBe('2026-11-10T11:00:00.000Z');
    expect(range(c.previous)).toEqual(['2026-09-30T21:00:00.000Z', '2026-10-10T11:00:00.000Z']);
  });
});

describe('describeChange', () => {
  it('up and down with whole percent and the signed sum, in both languages', () => {
    expect(describeChange(11_200_00, 10_000_00, 'en', 'RUB')).toBe('▲ 12% (+₽1,200)');
    expect(describeChange(9_200_00, 10_000_00, 'en', 'RUB')).toBe('▼ 8% (−₽800)');
    expect(describeChange(11_200_00, 10_000_00, 'ru', 'RUB')).toBe(`▲ 12% (+1${NBSP}200${NBSP}₽)`);
    expect(describeChange(9_200_00, 10_000_00, 'ru', 'RUB')).toBe(`▼ 8% (−800${NBSP}₽)`);
  });

  it('never a percentage from zero', () => {
    expect(describeChange(1_200_00, 0, 'en', 'RUB')).toBe('▲ +₽1,200 (no sales before)');
    expect(describeChange(1_200_00, 0, 'ru', 'RUB')).toBe(`▲ +1${NBSP}200${NBSP}₽ (раньше продаж не было)`);
    expect(changeBetween(1_200_00, 0).percent).toBeNull();
  });

  it('down to nothing is −100%; no change is ±0%; a tiny change is under 1%', () => {
    expect(describeChange(0, 5_000_00, 'en', 'RUB')).toBe('▼ 100% (−₽5,000)');
    expect(describeChange(0, 0, 'en', 'RUB')).toBe('±0%');
    expect(describeChange(5_000_00, 5_000_00, 'ru', 'RUB')).toBe('±0%');
    expect(describeChange(1_000_010_00, 1_000_000_00, 'en', 'RUB')).toBe('▲ <1% (+₽10)');
  });

  it('large rises keep grouped digits; kopecks show when there are some', () => {
    expect(describeChange(1_235_00, 1_00, 'en', 'RUB')).toBe('▲ 123,400% (+₽1,234)');
    expect(describeChange(150, 100, 'en', 'USD')).toBe('▲ 50% (+$0.50)');
  });
});
