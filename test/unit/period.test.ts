// The /orders period grammar: what each phrase asks for, in which zone, and what is refused and why.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../src/domain/calendar.js';
import { parseRequest, type RequestErrorCode, type RequestResult } from '../../src/domain/request.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MOSCOW = 'Europe/Moscow';
// Saturday 28 Nov 2026, 15:24 in Moscow.
const now = new Date('2026-11-28T12:24:00Z');

/** What /orders runs for the words: the period, and the list's query (paid in it, or created in it). */
function ok(text: string, ctx = { now, timeZone: MOSCOW }) {
  const r = parseRequest(text, ctx);
  if (!r.ok) throw new Error(`expected "${text}" to parse, got ${r.error.code} "${r.error.fragment}"`);
  if (r.request.kind !== 'orders') throw new Error(`expected "${text}" to ask for orders, got ${r.request.kind}`);
  const { period, list, goods } = r.request;
  return { query: { from: period.from, to: period.to, paidOnly: list === 'paid', goods }, period };
}

function err(text: string, ctx = { now, timeZone: MOSCOW }) {
  const r = parseRequest(text, ctx);
  if (r.ok) throw new Error(`expected "${text}" to be refused`);
  return { code: r.error.code, fragment: r.error.fragment };
}

const iso = (d: Date) => d.toISOString();

describe('calendar days in a zone', () => {
  it('a Moscow day starts at 21:00 UTC the evening before', () => {
    const d = localDay(now, MOSCOW);
    expect(iso(d.from)).toBe('2026-11-27T21:00:00.000Z');
    expect(iso(d.to)).toBe('2026-11-28T21:00:00.000Z');
    expect(d.date).toEqual({ year: 2026, month: 11, day: 28 });
  });

  it('the spring-forward day in Berlin has 23 hours and the fall-back day 25', () => {
    const spring = localDay(new Date('2026-03-29T10:00:00Z'), 'Europe/Berlin');
    expect([iso(spring.from), iso(spring.to)]).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    const fall = localDay(new Date('2026-10-25T10:00:00Z'), 'Europe/Berlin');
    expect(fall.to.getTime() - fall.from.getTime()).toBe(25 * HOUR);
  });

  it('Los Angeles DST days have 23 and 25 hours', () => {
    const spring = localDay(new Date('2026-03-08T20:00:00Z'), 'America/Los_Angeles');
    expect([iso(spring.from), iso(spring.to)]).toEqual(['2026-03-08T08:00:00.000Z', '2026-03-09T07:00:00.000Z']);
    const fall = localDay(new Date('2026-11-01T20:00:00Z'), 'America/Los_Angeles');
    expect([iso(fall.from), iso(fall.to)]).toEqual(['2026-11-01T07:00:00.000Z', '2026-11-02T08:00:00.000Z']);
  });

  it('where midnight is skipped by DST (Havana) the day starts at 01:00', () => {
    const d = localDay(new Date('2026-03-08T15:00:00Z'), 'America/Havana');
    expect([iso(d.from), iso(d.to)]).toEqual(['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
  });

  it('offsets count calendar days, not 24-hour steps, across a DST switch', () => {
    const monday = new Date('2026-03-30T10:00:00Z');
    const sunday = localDay(monday, 'Europe/Berlin', -1);
    expect(sunday.date).toEqual({ year: 2026, month: 3, day: 29 });
    expect(sunday.to.getTime() - sunday.from.getTime()).toBe(23 * HOUR);
    expect(localDay(monday, 'Europe/Berlin', -8).date).toEqual({ year: 2026, month: 3, day: 22 });
  });
});

describe('/orders period words', () => {
  it('no words means today so far, all orders, every product', () => {
    const { query, period } = ok('');
    expect(query).toEqual({ from: new Date('2026-11-27T21:00:00Z'), to: now, paidOnly: false, goods: [] });
    expect(period.kind).toBe('today');
  });

  it('today and сегодня are the same, in any case', () => {
    expect(ok('TODAY').query).toEqual(ok('Сегодня').query);
  });

  it('yesterday is the whole previous local day', () => {
    const { query, period } = ok('yesterday');
    expect([iso(query.from), iso(query.to)]).toEqual(['2026-11-26T21:00:00.000Z', '2026-11-27T21:00:00.000Z']);
    expect(period).toMatchObject({ kind: 'yesterday', firstDay: { day: 27 }, lastDay: { day: 27 } });
    expect(ok('вчера').query).toEqual(query);
  });

  it('yesterday across the Berlin fall-back is 25 hours long', () => {
    const { query } = ok('yesterday', { now: new Date('2026-10-26T08:00:00Z'), timeZone: 'Europe/Berlin' });
    expect([iso(query.from), iso(query.to)]).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
  });

  it('week starts on Monday 00:00 local and ends now', () => {
    const { query, period } = ok('week');
    expect(iso(query.from)).toBe('2026-11-22T21:00:00.000Z'); // Monday 23 Nov, Moscow midnight
    expect(query.to).toEqual(now);
    expect(period.firstDay).toEqual({ year: 2026, month: 11, day: 23 });
    expect(ok('неделя').query).toEqual(query);
  });

  it('on a Monday the week is just today', () => {
    const monday = new Date('2026-11-23T06:00:00Z');
    expect(ok('week', { now: monday, timeZone: MOSCOW }).query).toEqual(ok('today', { now: monday, timeZone: MOSCOW }).query);
  });

  it('week in Los Angeles right after spring-forward starts at Monday 00:00 PDT', () => {
    const wednesday = new Date('2026-03-11T18:00:00Z');
    const { query } = ok('week', { now: wednesday, timeZone: 'America/Los_Angeles' });
    expect(iso(query.from)).toBe('2026-03-09T07:00:00.000Z');
  });

  it('month starts on the 1st at local midnight', () => {
    const { query } = ok('месяц');
    expect(iso(query.from)).toBe('2026-10-31T21:00:00.000Z');
    expect(query.to).toEqual(now);
  });

  it('7d and 30д are rolling windows of 7×24 and 30×24 hours up to now', () => {
    const seven = ok('7d');
    expect(seven.query.to).toEqual(now);
    expect(now.getTime() - seven.query.from.getTime()).toBe(7 * DAY);
    expect(seven.period).toMatchObject({ kind: 'rolling', days: 7 });
    expect(now.getTime() - ok('30д').query.from.getTime()).toBe(30 * DAY);
    expect(ok('90D').period).toMatchObject({ kind: 'rolling', days: 90 });
  });
});

describe('/orders dates and ranges', () => {
  it('2026-11-01, 01.11.2026, 01.11.26 and 01.11 all mean the whole of 1 November', () => {
    const expected = { from: new Date('2026-10-31T21:00:00Z'), to: new Date('2026-11-01T21:00:00Z') };
    for (const text of ['2026-11-01', '01.11.2026', '01.11.26', '01.11', '1.11']) {
      expect(ok(text).query).toMatchObject(expected);
      expect(ok(text).period.kind).toBe('day');
    }
  });

  it('a day without a year that has not come yet this year means last year', () => {
    expect(ok('01.12').period.firstDay).toEqual({ year: 2025, month: 12, day: 1 });
    expect(ok('28.11').period.firstDay).toEqual({ year: 2026, month: 11, day: 28 });
  });

  it('today given as a date ends now, not at midnight', () => {
    expect(ok('28.11.2026').query.to).toEqual(now);
  });

  it('01.11-15.11 includes the whole of the 15th', () => {
    const { query, period } = ok('01.11-15.11');
    expect([iso(query.from), iso(query.to)]).toEqual(['2026-10-31T21:00:00.000Z', '2026-11-15T21:00:00.000Z']);
    expect(period).toMatchObject({ kind: 'range', firstDay: { day: 1 }, lastDay: { day: 15 } });
  });

  it('every range spelling means the same', () => {
    const expected = ok('01.11-15.11').query;
    for (const text of ['2026-11-01..2026-11-15', '01.11.2026-15.11.2026', '01.11 - 15.11', '01.11–15.11', '01.11..15.11.2026', '2026-11-01-2026-11-15']) {
      expect(ok(text).query, text).toEqual(expected);
    }
  });

  it('a range in Los Angeles across the fall-back counts local days', () => {
    const { query } = ok('2026-10-31..2026-11-01', { now, timeZone: 'America/Los_Angeles' });
    expect([iso(query.from), iso(query.to)]).toEqual(['2026-10-31T07:00:00.000Z', '2026-11-02T08:00:00.000Z']);
  });

  it('a range that runs past now is clamped to now', () => {
    const { query, period } = ok('2026-11-20..2026-12-31');
    expect(query.to).toEqual(now);
    expect(period.lastDay).toEqual({ year: 2026, month: 11, day: 28 });
  });

  it('a range without years may cross New Year', () => {
    const { period } = ok('20.12-05.01');
    expect(period.firstDay).toEqual({ year: 2025, month: 12, day: 20 });
    expect(period.lastDay).toEqual({ year: 2026, month: 1, day: 5 });
    expect(ok('20.12-05.01.2026').query).toEqual(ok('20.12.2025-05.01.2026').query);
  });

  it('a range with the year only on one end takes it for the other', () => {
    expect(ok('01.11-15.11.2025').period.firstDay).toEqual({ year: 2025, month: 11, day: 1 });
    expect(ok('01.11.2025-15.11').period.lastDay).toEqual({ year: 2025, month: 11, day: 15 });
  });

  it('the same date in Tokyo and Los Angeles is a different stretch of time', () => {
    const tokyo = ok('2026-11-01', { now, timeZone: 'Asia/Tokyo' }).query;
    const la = ok('2026-11-01', { now, timeZone: 'America/Los_Angeles' }).query;
    expect(iso(tokyo.from)).toBe('2026-10-31T15:00:00.000Z');
    expect(iso(la.from)).toBe('2026-11-01T07:00:00.000Z');
  });
});

describe('/orders filters', () => {
  it('paid and оплаченные ask for paid orders; all is the default spelled out', () => {
    expect(ok('paid').query.paidOnly).toBe(true);
    expect(ok('Оплаченные вчера').query.paidOnly).toBe(true);
    expect(ok('all week').query.paidOnly).toBe(false);
    expect(ok('все').query.paidOnly).toBe(false);
  });

  it('goods takes ids separated by commas or spaces, in any position, without repeats', () => {
    expect(ok('goods 12,14').query.goods).toEqual(['12', '14']);
    expect(ok('week goods 12, 14 15 paid')).toMatchObject({ query: { goods: ['12', '14', '15'], paidOnly: true }, period: { kind: 'week' } });
    expect(ok('товары course_a,Course-B вчера').query.goods).toEqual(['course_a', 'Course-B']);
    expect(ok('goods 12 goods 12,13').query.goods).toEqual(['12', '13']);
    expect(ok('goods 12 , 14').query.goods).toEqual(['12', '14']);
    expect(err('goods ,')).toEqual({ code: 'goods-without-ids', fragment: 'goods' });
  });

  it('words may come in any order', () => {
    expect(ok('paid goods 7 yesterday').query).toEqual(ok('yesterday paid goods 7').query);
  });
});

describe('/orders refusals name what was not understood', () => {
  const cases: [string, RequestErrorCode, string][] = [
    ['tomorow', 'unknown-word', 'tomorow'],
    ['week Paidd', 'unknown-word', 'Paidd'],
    ['constructor', 'unknown-word', 'constructor'],
    ['0d', 'unknown-word', '0d'],
    ['31.02', 'impossible-date', '31.02'],
    ['2026-02-29', 'impossible-date', '2026-02-29'],
    ['2026-13-01', 'impossible-date', '2026-13-01'],
    ['30.02-05.03', 'impossible-date', '30.02'],
    ['01.01.1999', 'impossible-date', '01.01.1999'],
    ['15.11-01.11', 'reversed-range', '15.11-01.11'],
    ['2026-11-15..2026-11-01', 'reversed-range', '2026-11-15..2026-11-01'],
    ['15.11-01.10', 'reversed-range', '15.11-01.10'],
    ['01.12.2026', 'future-range', '01.12.2026'],
    ['2027-01-01..2027-01-05', 'future-range', '2027-01-01..2027-01-05'],
    ['400d', 'range-too-long', '400d'],
    ['2025-01-01..2026-06-01', 'range-too-long', '2025-01-01..2026-06-01'],
    ['goods', 'goods-without-ids', 'goods'],
    ['товары неделя', 'goods-without-ids', 'товары'],
    ['today week', 'two-periods', 'week'],
    ['01.11 7d', 'two-periods', '7d'],
    ['paid all', 'conflicting-status', 'paid all'],
  ];
  it.each(cases)('%s → %s', (text, code, fragment) => {
    expect(err(text)).toEqual({ code, fragment });
  });

  it('366 days is the longest period allowed', () => {
    expect(ok('366d').period).toMatchObject({ days: 366 });
    expect(ok('2025-11-28..2026-11-28').period.kind).toBe('range');
    expect(err('2025-11-27..2026-11-28').code).toBe('range-too-long');
  });

  it('a fragment is cut to 64 characters however long the word', () => {
    expect(Array.from(err('x'.repeat(10_000)).fragment)).toHaveLength(64);
  });
});

describe('/orders grammar never throws', () => {
  const CODES = new Set<string>([
    'unknown-word',
    'impossible-date',
    'reversed-range',
    'future-range',
    'range-too-long',
    'goods-without-ids',
    'two-periods',
    'conflicting-status',
    'ambiguous-product',
    'mixed-request',
    'buyer-without-contact',
  ]);
  const zones = fc.constantFrom(MOSCOW, 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kamchatka', 'UTC', 'America/Havana');
  const instants = fc.integer({ min: Date.UTC(2001, 0, 1), max: Date.UTC(2090, 0, 1) }).map((t) => new Date(t));

  function wellFormed(r: RequestResult, at: Date): void {
    if (r.ok) {
      if (r.request.kind !== 'orders') return; // one order or buyer: no period
      const { from, to } = r.request.period;
      expect(from.getTime()).toBeLessThanOrEqual(to.getTime());
      expect(to.getTime()).toBeLessThanOrEqual(at.getTime());
      expect(to.getTime() - from.getTime()).toBeLessThanOrEqual(367 * DAY);
    } else {
      expect(CODES.has(r.error.code)).toBe(true);
    }
  }

  it('any text gives a period or an error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), zones, instants, (text, timeZone, at) => {
        wellFormed(parseRequest(text, { now: at, timeZone }), at);
      }),
      { numRuns: 500 },
    );
  });

  it('any mix of the grammar words, numbers and punctuation gives a period or an error', () => {
    const piece = fc.oneof(
      fc.constantFrom('today', 'вчера', 'week', 'месяц', 'paid', 'все', 'goods', 'товары', '7d', '366д', '0d', '-', '..', ',', '–'),
      fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 })).map(([d, m]) => `${d}.${m}`),
      fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${m}-${d}`),
      fc.integer({ min: 0, max: 99999 }).map(String),
    );
    const text = fc.array(fc.tuple(piece, fc.constantFrom(' ', '', '-', '..', ', ')), { maxLength: 8 }).map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(text, zones, instants, (t, timeZone, at) => {
        wellFormed(parseRequest(t, { now: at, timeZone }), at);
      }),
      { numRuns: 1000 },
    );
  });
});
