// Reading JustClick's loosely typed order answers, and which calls cover a time range.
import { describe, expect, it } from 'vitest';
import { MAX_DAYS_PER_CALL, ordersCalls } from '../../src/justclick/client.js';
import { JustClickError } from '../../src/justclick/errors.js';
import { parseMoney, parseOrdersResult } from '../../src/justclick/orders.js';
import { rawOrder } from '../fakes/justclick.js';

function protocolError(run: () => unknown): JustClickError {
  try {
    run();
  } catch (error) {
    if (error instanceof JustClickError && error.kind === 'protocol') return error;
    throw error;
  }
  throw new Error('expected a protocol error');
}

describe('parseOrdersResult', () => {
  it('reads a PHP-shaped order: strings to numbers, money to kopecks, unpaid to null', () => {
    const raw = rawOrder({ id: 17, created: 1793480400, price: '4990.50', hostile: true });
    const [order] = parseOrdersResult([raw]);
    expect(order).toMatchObject({
      id: '17',
      firstName: '<b>Анна</b> & "Co"',
      lastName: "O'Брайен <3",
      email: 'anna+test@пример.рф',
      created: 1793480400,
      paid: null,
      payStatus: 'waiting',
      price: 499050,
      toPay: 499050,
      isRecurrent: false,
      utm: {},
      items: [{ id: '1', title: 'Курс «Продажи» <PRO> & "VIP"', sum: 499050, price: 499050, partners: [] }],
    });
  });

  it('reads a result keyed by id the same as a list', () => {
    const a = rawOrder({ id: 1, created: 100 });
    const b = rawOrder({ id: 2, created: 200 });
    expect(parseOrdersResult({ '1': a, '2': b })).toEqual(parseOrdersResult([a, b]));
  });

  it('reads null and an empty list as no orders', () => {
    expect(parseOrdersResult(null)).toEqual([]);
    expect(parseOrdersResult([])).toEqual([]);
    expect(parseOrdersResult({})).toEqual([]);
  });

  it('treats "0", "", 0 and a missing paid as unpaid, and numbers as well as strings', () => {
    for (const paid of ['0', '', 0, null, undefined]) {
      expect(parseOrdersResult([{ id: 1, created: '100', paid }])[0]!.paid).toBeNull();
    }
    expect(parseOrdersResult([{ id: 5, created: 100, paid: 1793480400 }])[0]).toMatchObject({ id: '5', created: 100, paid: 1793480400 });
  });

  it('fills every missing text field with an empty string and missing money with 0', () => {
    const [order] = parseOrdersResult([{ id: '9', created: '100' }]);
    expect(order).toMatchObject({ firstName: '', email: '', phone: '', comment: '', price: 0, toPay: null, items: [], utm: {} });
  });

  it("reads utm as an object, as PHP's [] for empty, or drops what is not text", () => {
    const utm = { source: 'vk', medium: 'cpc', campaign: 42, content: null, extra: 'ignored' };
    expect(parseOrdersResult([{ id: 1, created: 1, utm }])[0]!.utm).toEqual({ source: 'vk', medium: 'cpc', campaign: '42' });
    expect(parseOrdersResult([{ id: 1, created: 1, utm: [] }])[0]!.utm).toEqual({});
  });

  it('reads items with partners, as lists or id-keyed objects', () => {
    const raw = {
      id: 1,
      created: 1,
      items: {
        '7': {
          id: '7',
          title: 'Курс',
          sum: '1000.00',
          price: '1500',
          partners: [{ partner_lvl: '1', partner_id: '55', partner_name: 'Пётр', partner_fee: '150.5' }],
        },
        '8': { id: 8, title: 'Бонус', sum: 0, price: '0.00', partners: { '2': { partner_lvl: 2, partner_id: 56, partner_name: '', partner_fee: '10' } } },
      },
    };
    expect(parseOrdersResult([raw])[0]!.items).toEqual([
      { id: '7', title: 'Курс', sum: 100000, price: 150000, partners: [{ level: 1, id: '55', name: 'Пётр', fee: 15050 }] },
      { id: '8', title: 'Бонус', sum: 0, price: 0, partners: [{ level: 2, id: '56', name: '', fee: 1000 }] },
    ]);
  });

  it('refuses a result that is not a list of orders, with a clear message', () => {
    expect(protocolError(() => parseOrdersResult('Orders not found')).message).toMatch(/where a list of orders was expected/);
    expect(protocolError(() => parseOrdersResult(42)).message).toMatch(/number 42/);
    expect(protocolError(() => parseOrdersResult(['x'])).message).toMatch(/order #1 is string/);
  });

  it('refuses an order without id or created time, or with a time that is not unix seconds', () => {
    expect(protocolError(() => parseOrdersResult([{ created: '100' }])).message).toMatch(/#1 has no id/);
    expect(protocolError(() => parseOrdersResult([{ id: '7', created: '0' }])).message).toMatch(/order 7 has no created time/);
    expect(protocolError(() => parseOrdersResult([{ id: '7', created: '2026-11-01 10:00' }])).message).toMatch(/created is not a unix time/);
    expect(protocolError(() => parseOrdersResult([{ id: '7', created: '1', price: 'free' }])).message).toMatch(/price is not an amount/);
  });
});

describe('parseMoney', () => {
  it.each([
    ['4990.00', 499000],
    ['4990.50', 499050],
    ['4990.5', 499050],
    ['4990', 499000],
    ['0.01', 1],
    ['.5', 50],
    ['1 200,50', 120050],
    ['-10.00', -1000],
    ['0.005', 1],
    ['0.1', 10],
    [4990.5, 499050],
    [0.07, 7],
    [1234567.89, 123456789],
  ])('%j is %i minor units', (input, minor) => {
    expect(parseMoney(input)).toBe(minor);
  });

  it('is exact where floating point is not (0.29 * 100 is 28.999…)', () => {
    expect(0.29 * 100).not.toBe(29);
    expect(parseMoney('0.29')).toBe(29);
    expect(parseMoney('1.15')).toBe(115);
  });

  it('says nothing for missing or empty, NaN for nonsense', () => {
    expect(parseMoney(undefined)).toBeNull();
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('free')).toBeNaN();
    expect(parseMoney('1.2.3')).toBeNaN();
    expect(parseMoney({})).toBeNaN();
  });
});

describe('ordersCalls', () => {
  const q = (from: string, to: string, extra: Partial<{ paidOnly: boolean; goods: string[] }> = {}) => ({
    from: new Date(from),
    to: new Date(to),
    paidOnly: false,
    goods: [],
    ...extra,
  });

  it('asks getOrdersWithGoods for the Moscow days the range touches', () => {
    // 21:00 UTC is already the next day in Moscow (UTC+3).
    expect(ordersCalls(q('2026-11-01T21:00:00Z', '2026-11-02T21:00:00Z'), 'getOrdersWithGoods')).toEqual([
      { begin_date: '02.11.2026', end_date: '02.11.2026' },
    ]);
    expect(ordersCalls(q('2026-11-01T20:59:59Z', '2026-11-02T21:00:00.001Z'), 'getOrdersWithGoods')).toEqual([
      { begin_date: '01.11.2026', end_date: '03.11.2026' },
    ]);
  });

  it('asked again and again for the same minutes, still names the Moscow day of each instant, also before 1930', () => {
    // The poller asks for the same minute thousands of times a round; the days are remembered per minute.
    for (let round = 0; round < 3; round++) {
      expect(ordersCalls(q('2026-11-01T20:59:00Z', '2026-11-01T21:00:00Z'), 'getOrdersWithGoods')).toEqual([
        { begin_date: '01.11.2026', end_date: '01.11.2026' },
      ]);
      expect(ordersCalls(q('2026-11-01T20:59:30Z', '2026-11-01T21:00:30Z'), 'getOrdersWithGoods')).toEqual([
        { begin_date: '01.11.2026', end_date: '02.11.2026' },
      ]);
      // Moscow was 2:30:17 ahead of UTC in 1900: 21:29:43 UTC is already the next day there, 21:29:42 not yet.
      expect(ordersCalls(q('1900-01-01T21:29:42Z', '1900-01-01T21:29:43.001Z'), 'getOrdersWithGoods')).toEqual([
        { begin_date: '01.01.1900', end_date: '02.01.1900' },
      ]);
    }
  });

  it(`splits long ranges into calls of at most ${MAX_DAYS_PER_CALL} days that touch without gaps`, () => {
    const calls = ordersCalls(q('2026-01-01T00:00:00+03:00', '2026-04-15T00:00:00+03:00'), 'getOrdersWithGoods');
    expect(calls.map((c) => `${(c as Record<string, string>).begin_date}-${(c as Record<string, string>).end_date}`)).toEqual([
      '01.01.2026-28.01.2026',
      '29.01.2026-25.02.2026',
      '26.02.2026-25.03.2026',
      '26.03.2026-14.04.2026',
    ]);
  });

  it('sends paid only when asked, goods as a string for one and a list for several', () => {
    const range = ['2026-11-01T00:00:00+03:00', '2026-11-02T00:00:00+03:00'] as const;
    expect(ordersCalls(q(...range, { paidOnly: true, goods: ['k1'] }), 'getOrdersWithGoods')).toEqual([
      { begin_date: '01.11.2026', end_date: '01.11.2026', paid: true, goods: 'k1' },
    ]);
    expect(ordersCalls(q(...range, { goods: ['k1', 'k2'] }), 'GetOrders')).toEqual([{ date_s: 1793480400, date_e: 1793566800, goods: ['k1', 'k2'] }]);
  });

  it('widens GetOrders to whole seconds on both ends', () => {
    expect(ordersCalls(q('2026-11-01T00:00:00.500Z', '2026-11-01T00:00:10.200Z'), 'GetOrders')).toEqual([{ date_s: 1793491200, date_e: 1793491211 }]);
  });

  it('makes no call for an empty range', () => {
    expect(ordersCalls(q('2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z'), 'getOrdersWithGoods')).toEqual([]);
    expect(ordersCalls(q('2026-11-02T00:00:00Z', '2026-11-01T00:00:00Z'), 'GetOrders')).toEqual([]);
  });
});
