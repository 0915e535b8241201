// The demo shop's generated orders: the same day gives the same orders, the numbers look like a small
// school's, payments appear as the clock passes them, and the in-process API answers as JustClick does.
import { describe, expect, it } from 'vitest';
import { demoAnswer } from '../../src/demo/api.js';
import { DemoShop, demoOrdersOfDay, DEMO_HISTORY_DAYS, DEMO_PRODUCTS, moscowDayOf, moscowDayStart, orderAsOf, PARTNER_SHARE } from '../../src/demo/shop.js';
import { NOT_FOUND } from '../../src/justclick/client.js';
import { allGoods, buyerBills, orderDetails } from '../../src/justclick/lookups.js';
import { parseOrdersResult } from '../../src/justclick/orders.js';
import { DEMO_CREDENTIALS } from '../../src/demo/account.js';

const NOW = Math.floor(Date.parse('2026-11-26T12:00:00+03:00') / 1000); // a Thursday, noon in Moscow
const TODAY = moscowDayOf(NOW);
/** 400 days before today, up to yesterday: whole days, whatever their state. */
const HISTORY = Array.from({ length: 400 }, (_, i) => TODAY - 400 + i);
const allOrders = HISTORY.flatMap((d) => demoOrdersOfDay(d));

describe('the demo shop generator', () => {
  it('makes the same orders for the same day, however often and wherever it is asked', () => {
    const a = demoOrdersOfDay(TODAY - 3);
    const b = new DemoShop().day(TODAY - 3, NOW);
    expect(b).toEqual(a);
    expect(JSON.stringify(demoOrdersOfDay(TODAY - 3))).toBe(JSON.stringify(a));
  });

  it('makes different orders on different days', () => {
    const ids = (d: number) => demoOrdersOfDay(d).map((o) => `${o.raw.email} ${o.raw.price} ${o.created - moscowDayStart(d)}`);
    expect(ids(TODAY - 1)).not.toEqual(ids(TODAY - 2));
    expect(ids(TODAY - 8)).not.toEqual(ids(TODAY - 1));
  });

  it('has a unique, growing order id for every order, and knows each id’s day', () => {
    const seen = allOrders.map((o) => Number(o.raw.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const shop = new DemoShop();
    const sample = demoOrdersOfDay(TODAY - 100)[2]!;
    expect(shop.order(sample.raw.id, NOW)).toEqual(orderAsOf(sample, NOW));
    expect(shop.order('999', NOW)).toBeNull();
  });

  it('sells more on weekdays than at weekends, and little at night', () => {
    const perDay = HISTORY.map((d) => ({ weekday: new Date(d * 86_400_000).getUTCDay(), count: demoOrdersOfDay(d).length }));
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const weekdays = avg(perDay.filter((d) => d.weekday >= 1 && d.weekday <= 5).map((d) => d.count));
    const weekends = avg(perDay.filter((d) => d.weekday === 0 || d.weekday === 6).map((d) => d.count));
    expect(weekdays).toBeGreaterThan(15);
    expect(weekdays).toBeLessThan(40);
    expect(weekends).toBeLessThan(weekdays * 0.75);
    const hourOf = (o: (typeof allOrders)[number]) => Math.floor((o.created - moscowDayStart(moscowDayOf(o.created))) / 3600);
    const night = allOrders.filter((o) => hourOf(o) >= 2 && hourOf(o) < 6).length;
    const evening = allOrders.filter((o) => hourOf(o) >= 19 && hourOf(o) < 23).length;
    expect(night).toBeGreaterThan(0);
    expect(night * 10).toBeLessThan(evening);
  });

  it('sells every product, free lead magnets included, at its list price or with the coupon', () => {
    for (const product of DEMO_PRODUCTS) {
      const lines = allOrders.flatMap((o) => o.raw.items).filter((i) => i.id === product.code);
      expect(lines.length, product.code).toBeGreaterThan(20);
      for (const line of lines) {
        expect(line.price).toBe(product.price.toFixed(2));
        expect([product.price, Math.round(product.price * 0.8)].map((n) => n.toFixed(2))).toContain(line.sum);
      }
    }
    for (const o of allOrders) expect(Number(o.raw.price)).toBe(o.raw.items.reduce((s, i) => s + Number(i.sum), 0));
  });

  it('has paid, unpaid, cancelled and refunded orders in believable shares', () => {
    const later = NOW + 30 * 86_400;
    const states = allOrders.map((o) => orderAsOf(o, later)!.pay_status);
    const share = (s: string) => states.filter((x) => x === s).length / states.length;
    expect(share('paid')).toBeGreaterThan(0.5);
    expect(share('paid')).toBeLessThan(0.85);
    expect(share('waiting')).toBeGreaterThan(0.1);
    expect(share('cancel')).toBeGreaterThan(0.01);
    expect(share('moneyback')).toBeGreaterThan(0.01);
    expect(share('moneyback')).toBeLessThan(0.08);
  });

  it('gives partners their share of what was actually paid for the line', () => {
    const lines = allOrders.flatMap((o) => o.raw.items).filter((i) => i.partners.length > 0);
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.some((i) => i.partners.length === 2)).toBe(true);
    for (const line of lines) {
      expect(Number(line.sum)).toBeGreaterThan(0);
      for (const p of line.partners) {
        const share = PARTNER_SHARE[Number(p.partner_lvl) as 1 | 2];
        expect(Number(p.partner_fee)).toBe(Math.round(Number(line.sum) * share));
      }
      expect(line.partners.reduce((s, p) => s + Number(p.partner_fee), 0)).toBeLessThan(Number(line.sum));
    }
  });

  it('tags orders with their source, and some buyers come back', () => {
    const sources = new Set(allOrders.map((o) => (Array.isArray(o.raw.utm) ? '' : o.raw.utm.source)));
    expect([...sources]).toEqual(expect.arrayContaining(['telegram', 'vk', 'yandex', 'email', 'partner', '']));
    const perBuyer = new Map<string, number>();
    for (const o of allOrders) perBuyer.set(o.raw.email, (perBuyer.get(o.raw.email) ?? 0) + 1);
    expect(Math.max(...perBuyer.values())).toBeGreaterThan(10);
    expect([...perBuyer.keys()].every((e) => /@example\.(com|org|net)$/.test(e))).toBe(true);
  });

  it('shows an order paid only once the clock has passed its paid time', () => {
    const order = demoOrdersOfDay(TODAY - 1).find((o) => o.paidAt !== null && o.paidAt - o.created > 120 && o.refundedAt === null)!;
    expect(orderAsOf(order, order.created - 1)).toBeNull();
    expect(orderAsOf(order, order.created)).toMatchObject({ pay_status: 'waiting', paid: '0' });
    expect(orderAsOf(order, order.paidAt!)).toMatchObject({ pay_status: 'paid', paid: String(order.paidAt), bill_sum_topay: '0.00' });
  });

  it('has no orders after now nor before its history', () => {
    const shop = new DemoShop();
    expect(shop.day(TODAY + 1, NOW)).toEqual([]);
    expect(shop.day(TODAY - DEMO_HISTORY_DAYS, NOW)).toEqual([]);
    expect(shop.day(TODAY - 400, NOW).length).toBeGreaterThan(0);
    expect(shop.ordersOfDays(TODAY, TODAY, NOW).every((o) => Number(o.created) <= NOW)).toBe(true);
  });
});

describe('the demo shop’s API answers', () => {
  const shop = new DemoShop();
  const call = (method: string, params: Record<string, unknown>) => demoAnswer(shop, method, params as never, NOW);
  const caller = { call: async (_c: unknown, method: string, params: Record<string, unknown>) => call(method, params) } as never;

  it('getOrdersWithGoods lists the orders created, or with paid=1 paid, in whole Moscow days', () => {
    const created = parseOrdersResult(call('getOrdersWithGoods', { begin_date: '25.11.2026', end_date: '25.11.2026' }));
    expect(created.map((o) => o.id)).toEqual(demoOrdersOfDay(TODAY - 1).map((o) => o.raw.id));
    const paid = parseOrdersResult(call('getOrdersWithGoods', { begin_date: '25.11.2026', end_date: '26.11.2026', paid: true }));
    expect(paid.length).toBeGreaterThan(0);
    expect(paid.every((o) => o.paid !== null && o.paid >= moscowDayStart(TODAY - 1) && o.paid <= NOW)).toBe(true);
    const course = parseOrdersResult(call('getOrdersWithGoods', { begin_date: '01.11.2026', end_date: '26.11.2026', goods: 'course-pro' }));
    expect(course.length).toBeGreaterThan(0);
    expect(course.every((o) => o.items.some((i) => i.id === 'course-pro'))).toBe(true);
  });

  it('getOrderDetails answers one order, and "not found" for one it does not have', async () => {
    const id = demoOrdersOfDay(TODAY - 5)[0]!.raw.id;
    expect((await orderDetails(caller, DEMO_CREDENTIALS, id))?.id).toBe(id);
    expect(call('getOrderDetails', { bill_id: '123456789' })).toBe(NOT_FOUND);
  });

  it('GetBills lists a returning buyer’s orders keyed by id, GetAllGoods the products', async () => {
    const email = demoOrdersOfDay(TODAY - 2)[0]!.raw.email;
    const bills = await buyerBills(caller, DEMO_CREDENTIALS, email);
    expect(bills.length).toBeGreaterThan(0);
    expect(bills.every((b) => b.goods.length > 0)).toBe(true);
    expect(call('GetBills', { email: 'nobody@example.com' })).toBe(NOT_FOUND);
    expect((await allGoods(caller, DEMO_CREDENTIALS)).map((p) => p.code)).toEqual(DEMO_PRODUCTS.map((p) => p.code));
  });
});
