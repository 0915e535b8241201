// The pure parts of the glance commands: which period a comparison runs against and how it is named,
// the theme and file-format words, and the export's file name.
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../src/domain/request.js';
import type { Period } from '../../src/domain/calendar-periods.js';
import { chartTheme, comparablePeriod, defaultChartPeriod, glanceAt, versusText } from '../../src/domain/glance.js';
import { formatShare } from '../../src/domain/format/top.js';
import { exportFilename, exportFormat } from '../../src/telegram/features/export.js';

const MSK = 'Europe/Moscow';

function period(words: string, now: Date): Period {
  const r = parseRequest(words, { now, timeZone: MSK });
  if (!r.ok || r.request.kind !== 'orders') throw new Error(`${words} did not parse`);
  return r.request.period;
}

const versus = (words: string, now: Date, lang: 'en' | 'ru' = 'en') => versusText(glanceAt([], period(words, now), now, MSK), MSK, lang);

describe('comparisons', () => {
  const now = new Date('2026-11-28T11:00:00Z'); // 14:00 in Moscow

  it('named periods run against the previous one of their unit; ranges and rolling windows against their length', () => {
    expect(comparablePeriod(period('this month', now)).unit).toBe('month');
    expect(comparablePeriod(period('last week', now)).unit).toBe('week');
    expect(comparablePeriod(period('Q3', now)).unit).toBe('quarter');
    expect(comparablePeriod(period('01.11-15.11', now)).unit).toBeUndefined();
    expect(comparablePeriod(period('7d', now)).unit).toBeUndefined();
  });

  it('names the previous period by its days, with the cut time while the period runs', () => {
    expect(versus('today', now)).toBe('vs yesterday by 14:00');
    expect(versus('today', now, 'ru')).toBe('по сравнению со вчерашним днём до 14:00');
    expect(versus('yesterday', now)).toBe('vs 26 Nov');
    expect(versus('this week', now)).toBe('vs 16–21 Nov by 14:00');
    expect(versus('last month', now)).toBe('vs 1–30 Sep');
    expect(versus('7d', now)).toBe('vs the 7 days before');
    expect(versus('7d', now, 'ru')).toBe('по сравнению с предыдущими 7 днями');
  });

  it('a January period is compared with December of the year before, and says the year', () => {
    const january = new Date('2027-01-10T09:00:00Z');
    expect(versus('this month', january)).toBe('vs 1–10 Dec 2026 by 12:00');
  });

  it('/chart without a period: the last 14 local days, today so far included', () => {
    const p = defaultChartPeriod(now, MSK);
    expect([p.firstDay, p.lastDay]).toEqual([
      { year: 2026, month: 11, day: 15 },
      { year: 2026, month: 11, day: 28 },
    ]);
    expect(p.to).toEqual(now);
    expect(versusText(glanceAt([], p, now, MSK), MSK, 'en')).toBe('vs 1–14 Nov by 14:00');
  });
});

describe('words around the period', () => {
  it('dark (in either language, any case and place) asks for the night picture and leaves the period words', () => {
    expect(chartTheme('week DARK')).toEqual({ theme: 'dark', rest: 'week' });
    expect(chartTheme('тёмный  месяц')).toEqual({ theme: 'dark', rest: 'месяц' });
    expect(chartTheme('month')).toEqual({ theme: 'light', rest: 'month' });
  });

  it('csv asks for CSV; anything else is an Excel file', () => {
    expect(exportFormat('month CSV paid')).toEqual({ format: 'csv', rest: 'month paid' });
    expect(exportFormat('')).toEqual({ format: 'xlsx', rest: '' });
  });

  it('the file name says the days and the filter', () => {
    const now = new Date('2026-11-28T11:00:00Z');
    expect(exportFilename(period('01.11-15.11', now), true, 'xlsx')).toBe('orders-2026-11-01_2026-11-15-paid.xlsx');
    expect(exportFilename(period('today', now), false, 'csv')).toBe('orders-2026-11-28.csv');
  });

  it('a share that is there but rounds to nothing is <1%, not 0%', () => {
    expect(formatShare(0.004)).toBe('<1%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(0.745)).toBe('75%');
  });
});
