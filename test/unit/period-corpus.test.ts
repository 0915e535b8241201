// How sellers ask, checked end to end against the instants each phrase must mean: every phrasing at
// several moments (a month end on a Monday, New Year's first half hour, the days after both DST switches,
// just after Monday midnight) in Moscow, Yekaterinburg and Berlin. Expectations are written as local
// wall-clock dates and turned into instants here with TZDate, never with the code under test.
import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { parseRequest, type OrdersRequest, type RequestErrorCode } from '../../src/domain/request.js';
import { MOMENTS, type When } from './period-corpus.data.js';

const ZONES = ['Europe/Moscow', 'Asia/Yekaterinburg', 'Europe/Berlin'] as const;
const DAY = 86_400_000;

function local(when: string, zone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(when);
  if (!m) throw new Error(`bad local time ${when}`);
  return new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), 0, zone).getTime();
}

function instant(when: When, now: number, zone: string): number {
  if (when === 'now') return now;
  const rolling = /^-(\d+)d$/.exec(when);
  if (rolling) return now - Number(rolling[1]) * DAY;
  return local(when, zone);
}

function expectedFlags(flags: string): Pick<OrdersRequest, 'list' | 'status' | 'focus'> {
  return {
    list: flags.includes('P') ? 'paid' : 'created',
    status: flags.includes('U') ? 'unpaid' : flags.includes('C') ? 'cancelled' : flags.includes('R') ? 'refunded' : null,
    focus: flags.includes('S') ? 'summary' : 'list',
  };
}

describe('the phrase corpus', () => {
  it('holds well over 400 distinct phrasings, Russian and English', () => {
    const phrases = new Set(MOMENTS.flatMap((m) => m.rows.map(([p]) => p.toLowerCase())));
    expect(phrases.size).toBeGreaterThanOrEqual(400);
    expect([...phrases].filter((p) => /[а-я]/.test(p)).length).toBeGreaterThanOrEqual(150);
    expect([...phrases].filter((p) => /[a-z]/.test(p)).length).toBeGreaterThanOrEqual(150);
  });

  for (const moment of MOMENTS) {
    for (const zone of ZONES) {
      it(`${moment.name} in ${zone}: every phrasing means its exact instants and filters`, () => {
        const now = local(moment.now, zone);
        const wrong: string[] = [];
        for (const [phrase, from, to, flags = ''] of moment.rows) {
          const r = parseRequest(phrase, { now: new Date(now), timeZone: zone });
          if (!r.ok) {
            wrong.push(`"${phrase}": ${r.error.code} "${r.error.fragment}"`);
            continue;
          }
          if (r.request.kind !== 'orders') {
            wrong.push(`"${phrase}": ${r.request.kind}`);
            continue;
          }
          const got = { from: r.request.period.from.getTime(), to: r.request.period.to.getTime(), ...pick(r.request) };
          const want = { from: instant(from, now, zone), to: instant(to, now, zone), ...expectedFlags(flags) };
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            wrong.push(
              `"${phrase}": got ${new Date(got.from).toISOString()}..${new Date(got.to).toISOString()} ${got.list}/${got.status}/${got.focus}, ` +
                `want ${new Date(want.from).toISOString()}..${new Date(want.to).toISOString()} ${want.list}/${want.status}/${want.focus}`,
            );
          }
        }
        expect(wrong).toEqual([]);
      });
    }
  }
});

const pick = (r: OrdersRequest) => ({ list: r.list, status: r.status, focus: r.focus });

describe('phrases that cannot be answered say why', () => {
  const now = local('2026-11-30 14:00', 'Europe/Moscow');
  const cases: [string, RequestErrorCode, string][] = [
    ['завтра', 'future-range', 'завтра'],
    ['tomorrow', 'future-range', 'tomorrow'],
    ['next week', 'future-range', 'next week'],
    ['на следующей неделе', 'future-range', 'следующей неделе'],
    ['следующий месяц', 'future-range', 'следующий месяц'],
    ['декабрь 2026', 'future-range', 'декабрь 2026'],
    ['2027', 'future-range', '2027'],
    ['Q1 2027', 'future-range', 'Q1 2027'],
    ['01.12.2026', 'future-range', '01.12.2026'],
    ['с 1 по 5 декабря 2026', 'future-range', 'с 1 по 5 декабря 2026'],
    ['next 7 days', 'future-range', 'next 7 days'],
    ['31.02', 'impossible-date', '31.02'],
    ['31 февраля', 'impossible-date', '31 февраля'],
    ['29 февраля', 'impossible-date', '29 февраля'],
    ['Q5', 'impossible-date', 'Q5'],
    ['30.02-05.03', 'impossible-date', '30.02'],
    ['15.11-01.11', 'reversed-range', '15.11-01.11'],
    ['с 15 по 1 ноября', 'reversed-range', 'с 15 по 1 ноября'],
    ['400d', 'range-too-long', '400d'],
    ['2 года', 'range-too-long', '2 года'],
    ['2024-01-01..2026-01-01', 'range-too-long', '2024-01-01..2026-01-01'],
    ['вчера и сегодня', 'two-periods', 'сегодня'],
    ['today last week', 'two-periods', 'last week'],
    ['ноябрь 7d', 'two-periods', '7d'],
    ['paid unpaid', 'conflicting-status', 'paid unpaid'],
    ['оплаченные отменённые', 'conflicting-status', 'оплаченные отменённые'],
    ['выручка неоплаченных', 'conflicting-status', 'выручка неоплаченных'],
    ['paid all', 'conflicting-status', 'paid all'],
    ['goods', 'goods-without-ids', 'goods'],
    ['товары неделя', 'goods-without-ids', 'товары'],
    ['покупатель', 'buyer-without-contact', 'покупатель'],
    ['ivan@example.com вчера', 'mixed-request', 'вчера'],
    ['заказ 12345 оплаченные', 'mixed-request', 'оплаченные'],
    ['#1 #2', 'mixed-request', '#2'],
    ['заказы на марс', 'unknown-word', 'марс'],
    ['последние', 'unknown-word', 'последние'],
    ['0d', 'unknown-word', '0d'],
  ];
  it.each(cases)('%s → %s', (text, code, fragment) => {
    const r = parseRequest(text, { now: new Date(now), timeZone: 'Europe/Moscow' });
    expect(r.ok ? 'ok' : { code: r.error.code, fragment: r.error.fragment }).toEqual({ code, fragment });
  });
});
