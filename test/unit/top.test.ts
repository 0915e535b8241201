// /top breakdowns: exact counts, sums and shares of the orders paid within the period.
import { describe, expect, it } from 'vitest';
import { combinedTopBreakdowns, topBreakdowns } from '../../src/domain/top.js';
import type { Order, OrderItem, Partner } from '../../src/domain/justclick.js';

const FROM = new Date('2026-11-01T00:00:00Z');
const TO = new Date('2026-11-08T00:00:00Z');
const IN = Math.floor(new Date('2026-11-03T12:00:00Z').getTime() / 1000);

function order(p: Partial<Order> = {}): Order {
  // biome-ignore format: an order, packed by hand
  return {
    id: '1', firstName: '', lastName: '', middleName: '', email: '', phone: '', city: '', country: '', address: '',
    region: '', postalcode: '', created: IN, paid: IN, payStatus: 'paid', type: '', payway: '', comment: '',
    domain: '', link: '', utm: {}, price: 0, toPay: null, isRecurrent: false, tag: '', kupon: '', items: [], ...p,
  };
}
const item = (id: string, title: string, sum: number, partners: Partner[] = []): OrderItem => ({ id, title, sum, price: sum, partners });
const partner = (id: string, name: string, fee: number, level = 1): Partner => ({ id, name, fee, level });

const shop: Order[] = [
  order({
    id: '1',
    price: 10_000_00,
    payway: 'Робокасса',
    utm: { source: 'VK', medium: 'cpc', campaign: 'осень' },
    items: [item('course', 'Курс', 8_000_00, [partner('p1', 'Анна', 1_600_00), partner('p2', 'Борис', 400_00, 2)]), item('book', 'Книга', 2_000_00)],
  }),
  order({
    id: '2',
    price: 8_000_00,
    payway: 'robokassa',
    utm: { source: 'vk', medium: 'cpc' },
    items: [item('course', 'Курс', 8_000_00, [partner('p1', 'Анна', 1_600_00)])],
  }),
  order({ id: '3', price: 2_000_00, payway: 'Card', utm: { source: 'telegram' }, items: [item('book', 'Книга (2-е изд.)', 2_000_00)] }),
  order({ id: '4', price: 500_00, items: [] }), // listed by GetOrders: no goods, no utm, no payway
  // Not counted:
  order({ id: '1', price: 10_000_00, payway: 'Робокасса', utm: { source: 'VK' } }), // the same order listed twice
  order({ id: '5', price: 99_000_00, payStatus: 'moneyback', utm: { source: 'vk' } }), // refunded
  order({ id: '6', price: 99_000_00, payStatus: 'waiting', paid: null, utm: { source: 'vk' } }), // not paid
  order({ id: '7', price: 99_000_00, paid: Math.floor(TO.getTime() / 1000), utm: { source: 'vk' } }), // paid at the period's end
  order({ id: '8', price: 99_000_00, paid: Math.floor(FROM.getTime() / 1000) - 1, utm: { source: 'vk' } }), // paid just before
];

describe('topBreakdowns', () => {
  const top = topBreakdowns(shop, { from: FROM, to: TO });

  it('counts only the orders paid within the period and still paid, each once', () => {
    expect([top.orders, top.revenue]).toEqual([4, 20_500_00]);
  });

  it('traffic sources fold case, keep the first spelling, and put orders without utm under null', () => {
    expect(top.sources.rows.map((r) => [r.title, r.count, r.sum, r.share])).toEqual([
      ['VK', 2, 18_000_00, 18_000_00 / 20_500_00],
      ['telegram', 1, 2_000_00, 2_000_00 / 20_500_00],
      [null, 1, 500_00, 500_00 / 20_500_00],
    ]);
    expect(top.mediums.rows.map((r) => [r.key, r.sum])).toEqual([
      ['cpc', 18_000_00],
      [null, 2_500_00],
    ]);
    expect(top.campaigns.rows.map((r) => [r.title, r.count, r.sum])).toEqual([
      [null, 3, 10_500_00],
      ['осень', 1, 10_000_00],
    ]);
  });

  it('payment methods as JustClick names them, each spelling its own row, orders without one under null', () => {
    expect(top.payways.rows.map((r) => [r.title, r.count, r.sum])).toEqual([
      ['Робокасса', 1, 10_000_00],
      ['robokassa', 1, 8_000_00],
      ['Card', 1, 2_000_00],
      [null, 1, 500_00],
    ]);
  });

  it('products sum what their lines were paid, keep the latest title, and an order without goods is its own row', () => {
    expect(top.products.rows.map((r) => [r.key, r.title, r.count, r.sum])).toEqual([
      ['course', 'Курс', 2, 16_000_00],
      ['book', 'Книга (2-е изд.)', 2, 4_000_00],
      [null, null, 1, 500_00],
    ]);
    expect(top.products.total).toBe(20_500_00);
  });

  it('partners: fee per partner, revenue they brought, sales without one, and revenue net of all fees', () => {
    expect(top.partners.rows.map((r) => [r.title, r.count, r.sum, r.fee])).toEqual([
      ['Анна', 2, 16_000_00, 3_200_00],
      ['Борис', 1, 8_000_00, 400_00],
      [null, 3, 4_500_00, 0], // the book in order 1, order 3, order 4
    ]);
    expect(top.fees).toBe(3_600_00);
    expect(top.netRevenue).toBe(20_500_00 - 3_600_00);
  });

  it('rows past the limit go into "other" with their count, sum and share', () => {
    const many = Array.from({ length: 8 }, (_, i) => order({ id: `o${i}`, price: (i + 1) * 100_00, utm: { source: `s${i}` } }));
    const t = topBreakdowns(many, { from: FROM, to: TO }, 3);
    expect(t.sources.rows.map((r) => r.title)).toEqual(['s7', 's6', 's5']);
    expect(t.sources.other).toEqual({ rows: 5, count: 5, sum: 1_500_00, share: 1_500_00 / 3_600_00 });
    const shares = t.sources.rows.reduce((s, r) => s + r.share, 0) + (t.sources.other?.share ?? 0);
    expect(shares).toBeCloseTo(1, 10);
  });

  it('ties are sorted by count, then by title, so the list is the same every time', () => {
    const t = topBreakdowns(
      [
        order({ id: 'a', price: 100, utm: { source: 'b' } }),
        order({ id: 'b', price: 100, utm: { source: 'a' } }),
        order({ id: 'c', price: 50, utm: { source: 'c' } }),
        order({ id: 'd', price: 50, utm: { source: 'c' } }),
      ],
      { from: FROM, to: TO },
    );
    expect(t.sources.rows.map((r) => r.title)).toEqual(['c', 'a', 'b']);
  });

  it('a period with no sales has empty breakdowns and zero shares', () => {
    const t = topBreakdowns(shop, { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2020-01-02T00:00:00Z') });
    expect([t.orders, t.revenue, t.sources.rows, t.sources.other, t.netRevenue]).toEqual([0, 0, [], null, 0]);
  });
});

describe('several accounts ranked together ("/top @all")', () => {
  const yoga: Order[] = [
    order({ id: '101', price: 3_000_00, utm: { source: 'vk' }, items: [item('12', 'Йога', 3_000_00, [partner('p1', 'Анна', 300_00)])] }),
    order({ id: '102', price: 1_000_00, utm: { source: 'tg' }, items: [item('14', 'Вебинар', 1_000_00)] }),
  ];
  // The same order number, product id and partner id as yoga's: another account's own.
  const dance: Order[] = [
    order({ id: '101', price: 5_000_00, utm: { source: 'VK' }, items: [item('12', 'Танго', 5_000_00, [partner('p1', 'Пётр', 500_00)])] }),
  ];

  it('keeps each account’s products and partners apart, naming the account, and counts every order once', () => {
    const top = combinedTopBreakdowns([yoga, dance], { from: FROM, to: TO });
    expect(top.orders).toBe(3);
    expect(top.revenue).toBe(9_000_00);
    expect(top.products.rows.map((r) => [r.title, r.account, r.sum])).toEqual([
      ['Танго', 1, 5_000_00],
      ['Йога', 0, 3_000_00],
      ['Вебинар', 0, 1_000_00],
    ]);
    expect(top.partners.rows.filter((r) => r.key !== null).map((r) => [r.title, r.account, r.fee])).toEqual([
      ['Пётр', 1, 500_00],
      ['Анна', 0, 300_00],
    ]);
    expect(top.fees).toBe(800_00);
  });

  it('adds up sources across accounts: a source is the seller’s traffic, whichever school it bought from', () => {
    const top = combinedTopBreakdowns([yoga, dance], { from: FROM, to: TO });
    expect(top.sources.rows.map((r) => [r.key, r.count, r.sum, r.account])).toEqual([
      ['vk', 2, 8_000_00, undefined],
      ['tg', 1, 1_000_00, undefined],
    ]);
  });

  it('one account alone has the same figures as topBreakdowns, whose rows name no account', () => {
    const figures = (t: unknown) => JSON.stringify(t, (key, value: unknown) => (key === 'account' ? undefined : value));
    expect(figures(combinedTopBreakdowns([shop], { from: FROM, to: TO }))).toBe(figures(topBreakdowns(shop, { from: FROM, to: TO })));
    const single = topBreakdowns(shop, { from: FROM, to: TO });
    expect([...single.products.rows, ...single.partners.rows].every((r) => r.account === undefined)).toBe(true);
  });
});
