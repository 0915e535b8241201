// The lookups (getOrderDetails, GetBills, GetAllGoods and /buyer's history) against the fake server over
// real HTTP: found, not found, bad input refused before any request, odd answer shapes, and every way an
// answer can be untrustworthy (wrong key, garbage, tampered hash).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JustClickClient } from '../../src/justclick/client.js';
import type { JustClickErrorKind } from '../../src/justclick/errors.js';
import { allGoods, buyerBills, buyerHistory, isOrderId, orderDetails, type JustClickCaller } from '../../src/justclick/lookups.js';
import type { Credentials } from '../../src/justclick/types.js';
import { rawOrder, startFakeJustClick, type FakeJustClick } from '../fakes/justclick.js';
import { failure } from '../support/justclick-failure.js';

const KEY = 'lookup-key-SECRET';
const creds: Credentials = { login: 'shop', region: 'ru', key: KEY };
const at = (iso: string) => Date.parse(iso) / 1000;

let fake: FakeJustClick;
let client: JustClickClient;

beforeEach(async () => {
  fake = await startFakeJustClick();
  fake.addAccount('shop', KEY);
  client = new JustClickClient({ apiUrl: fake.url, retries: 0, timeoutMs: 2_000 });
});

afterEach(async () => {
  await client.close();
  await fake.close();
});

describe('orderDetails', () => {
  it('finds one order with its goods, read exactly like the same order from getOrdersWithGoods', async () => {
    const created = at('2026-11-10T09:00:00+03:00');
    const raw = fake.addOrder('shop', {
      id: 4711,
      created,
      paid: created + 600,
      hostile: true,
      items: [
        { id: 'course', title: 'Курс <PRO>', sum: '3990.50' },
        { id: 'book', price: '1000.00', sum: '1000.00' },
      ],
      utm: { source: 'vk', campaign: 'осень' },
    });
    const listed = await client.fetchOrders(
      creds,
      { from: new Date(created * 1000), to: new Date((created + 1) * 1000), paidOnly: false, goods: [] },
      'getOrdersWithGoods',
    );
    const order = await orderDetails(client, creds, raw.id);
    expect(order).toEqual(listed[0]);
    expect(order).toMatchObject({ id: '4711', firstName: '<b>Анна</b> & "Co"', paid: created + 600, utm: { source: 'vk', campaign: 'осень' } });
    expect(order?.items.map((i) => [i.id, i.title, i.sum])).toEqual([
      ['course', 'Курс <PRO>', 399050],
      ['book', 'Курс «Продажи» <PRO> & "VIP"', 100000],
    ]);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'getOrderDetails', params: { bill_id: '4711' } });
  });

  it('answers null for an order JustClick does not have (error 400), after one request', async () => {
    fake.addOrder('shop', { id: 100 });
    expect(await orderDetails(client, creds, '101')).toBeNull();
    expect(fake.requests).toHaveLength(1);
  });

  it.each(['', 'abc', '12a', '0', '007', '-5', ' 12', '12 ', '1.5', '#12', '1'.repeat(19), '１２'])(
    'answers null for %j without asking JustClick',
    async (id) => {
      fake.addOrder('shop', { id: 12 });
      expect(isOrderId(id)).toBe(false);
      expect(await orderDetails(client, creds, id)).toBeNull();
      expect(fake.requests).toHaveLength(0);
    },
  );

  it('accepts the longest id PHP can hold without losing a digit', async () => {
    const id = '999999999999999999';
    fake.addOrder('shop', { id });
    expect(isOrderId(id)).toBe(true);
    expect((await orderDetails(client, creds, id))?.id).toBe(id);
  });

  it('reads the order from a list or an id-keyed object too, and a null result as no order', async () => {
    const raw = rawOrder({ id: 55 });
    fake.inject({ result: [raw] });
    expect((await orderDetails(client, creds, '55'))?.id).toBe('55');
    fake.inject({ result: { 55: raw } });
    expect((await orderDetails(client, creds, '55'))?.id).toBe('55');
    fake.inject({ result: null });
    expect(await orderDetails(client, creds, '55')).toBeNull();
  });

  it('does not take a "no such order" with a tampered hash for a missing order', async () => {
    fake.inject('tampered-hash');
    const error = await failure(() => orderDetails(client, creds, '404'));
    expect(error.kind).toBe('protocol');
    expect(error.details.code).toBe(400);
  });

  it('refuses an answer about another order instead of showing it', async () => {
    fake.inject({ result: rawOrder({ id: 56 }) });
    const error = await failure(() => orderDetails(client, creds, '55'));
    expect(error.kind).toBe('protocol');
    expect(error.message).toBe('JustClick getOrderDetails for shop: answered order 55 with order 56');
  });

  const untrusted: [string, () => void, Credentials, JustClickErrorKind][] = [
    ['a wrong key', () => {}, { ...creds, key: 'not-the-key' }, 'wrong-key'],
    ['an answer that is not JSON', () => fake.inject('garbage'), creds, 'protocol'],
    ['an answer with a tampered hash', () => fake.inject('tampered-hash'), creds, 'protocol'],
    ['an order that is a string', () => fake.inject({ result: 'order' }), creds, 'protocol'],
    ['an order without a created time', () => fake.inject({ result: { ...rawOrder({ id: 1 }), created: '' } }), creds, 'protocol'],
    ['error 700, which only GetAllGoods reads as empty', () => fake.inject({ errorCode: 700 }), creds, 'protocol'],
  ];
  it.each(untrusted)('%s is a %s error naming the method and login', async (_what, arrange, who, kind) => {
    fake.addOrder('shop', { id: 1 });
    arrange();
    const error = await failure(() => orderDetails(client, who, '1'));
    expect(error.kind).toBe(kind);
    expect(error.message).toContain('getOrderDetails for shop');
    expect(error.message).not.toContain(KEY);
  });
});

describe('buyerBills', () => {
  beforeEach(() => {
    fake.addOrder('shop', { id: 201, email: 'anna@example.com', items: [{ id: 'course', title: 'Курс «Продажи»' }] });
    fake.addOrder('shop', { id: 202, email: 'boris@example.com' });
    const paid = fake.addOrder('shop', {
      id: 203,
      email: 'Anna@Example.com',
      items: [
        { id: 'book', title: 'Книга' },
        { id: 'club', title: 'Клуб' },
      ],
    });
    fake.payOrder('shop', paid.id, at('2026-11-10T10:00:00+03:00'));
    const cancelled = fake.addOrder('shop', { id: 204, email: 'anna@example.com', items: [{ id: 'course', title: 'Курс «Продажи»' }] });
    fake.setOrderStatus('shop', cancelled.id, 'cancel');
  });

  it("lists the buyer's orders newest first with each order's product codes and titles", async () => {
    expect(await buyerBills(client, creds, 'anna@example.com')).toEqual([
      { orderId: '204', goods: [{ code: 'course', title: 'Курс «Продажи»' }] },
      {
        orderId: '203',
        goods: [
          { code: 'book', title: 'Книга' },
          { code: 'club', title: 'Клуб' },
        ],
      },
      { orderId: '201', goods: [{ code: 'course', title: 'Курс «Продажи»' }] },
    ]);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GetBills', params: { email: 'anna@example.com' } });
    expect(fake.requests.at(-1)?.params).not.toHaveProperty('pay_status');
  });

  it('asks for one pay status when given', async () => {
    expect((await buyerBills(client, creds, 'anna@example.com', 'paid')).map((b) => b.orderId)).toEqual(['203']);
    expect((await buyerBills(client, creds, 'anna@example.com', 'cancel')).map((b) => b.orderId)).toEqual(['204']);
    expect(fake.requests.at(-1)?.params).toEqual({ email: 'anna@example.com', pay_status: 'cancel' });
  });

  it('answers [] for an e-mail with no orders (error 400)', async () => {
    expect(await buyerBills(client, creds, 'nobody@example.com')).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it.each(['', '   ', 'anna', 'anna@', '@example.com', 'anna @example.com', 'a@b@c', `${'a'.repeat(250)}@b.ru`])(
    'answers [] for %j without asking JustClick',
    async (email) => {
      expect(await buyerBills(client, creds, email)).toEqual([]);
      expect(fake.requests).toHaveLength(0);
    },
  );

  it('reads a product coded "0", which PHP encodes as a list, by its good_name', async () => {
    fake.addOrder('shop', { id: 301, email: 'zero@example.com', items: [{ id: '0', title: 'Бесплатный урок' }] });
    expect(await buyerBills(client, creds, 'zero@example.com')).toEqual([{ orderId: '301', goods: [{ code: '0', title: 'Бесплатный урок' }] }]);
  });

  // biome-ignore format: one shape a line: the input beside what it must read as
  const shapes: [string, unknown, unknown][] = [
    ['an empty PHP array []', [], []],
    ['null', null, []],
    ['numbers where strings are usual', { 7: { 15: { good_name: 15, good_title: 2024 } } }, [{ orderId: '7', goods: [{ code: '15', title: '2024' }] }]],
    ['goods as a list', { 7: [{ good_name: 'a', good_title: 'A' }, { good_name: 'b', good_title: 'B' }] }, [{ orderId: '7', goods: [{ code: 'a', title: 'A' }, { code: 'b', title: 'B' }] }]],
    ['an order with no goods ([])', { 7: [], 8: { x: { good_name: 'x', good_title: 'X' } } }, [{ orderId: '8', goods: [{ code: 'x', title: 'X' }] }, { orderId: '7', goods: [] }]],
    ['goods keyed by code without good_name', { 7: { vip: { good_title: 'VIP' } } }, [{ orderId: '7', goods: [{ code: 'vip', title: 'VIP' }] }]],
    ['a bare title per code', { 7: { vip: 'VIP' } }, [{ orderId: '7', goods: [{ code: 'vip', title: 'VIP' }] }]],
    ['ids sorted by number, not as text', { 9: [], 10: [], 100: [] }, [{ orderId: '100', goods: [] }, { orderId: '10', goods: [] }, { orderId: '9', goods: [] }]],
  ];
  it.each(shapes)('reads %s', async (_what, result, expected) => {
    fake.inject({ result });
    expect(await buyerBills(client, creds, 'anna@example.com')).toEqual(expected);
  });

  const refused: [string, () => void, Credentials][] = [
    ['a non-empty list of orders (the ids are lost)', () => fake.inject({ result: [{ a: { good_name: 'a' } }] }), creds],
    ['an order id that is not a number', () => fake.inject({ result: { abc: [] } }), creds],
    ['a product without a code in a list', () => fake.inject({ result: { 7: [{ good_title: 'A' }] } }), creds],
    ['a product that is a number', () => fake.inject({ result: { 7: { a: 5 } } }), creds],
    ['a result that is a string', () => fake.inject({ result: 'orders' }), creds],
    ['an answer that is not JSON', () => fake.inject('garbage'), creds],
    ['an answer with a tampered hash', () => fake.inject('tampered-hash'), creds],
  ];
  it.each(refused)('refuses %s as a protocol error', async (_what, arrange, who) => {
    arrange();
    const error = await failure(() => buyerBills(client, who, 'anna@example.com'));
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain('GetBills for shop');
  });

  it('says the key is wrong when it is', async () => {
    expect((await failure(() => buyerBills(client, { ...creds, key: 'nope' }, 'anna@example.com'))).kind).toBe('wrong-key');
  });
});

describe('allGoods', () => {
  it('lists seeded products and the products orders name, prices in minor units', async () => {
    fake.addProduct('shop', { good_name: 'club', good_title: 'Клуб <VIP> & друзья', good_type: 'subscription', good_sum: '990.50' });
    fake.addOrder('shop', { id: 1, items: [{ id: 'course', title: 'Курс', price: '4990.00' }] });
    fake.addOrder('shop', {
      id: 2,
      items: [
        { id: 'club', title: 'old title', price: '1.00' },
        { id: 'book', title: 'Книга', price: 1200 as unknown as string },
      ],
    });
    expect(await allGoods(client, creds)).toEqual([
      { code: 'club', title: 'Клуб <VIP> & друзья', type: 'subscription', price: 99050 },
      { code: 'book', title: 'Книга', type: 'digital', price: 120000 },
      { code: 'course', title: 'Курс', type: 'digital', price: 499000 },
    ]);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GetAllGoods', params: {} });
  });

  it('answers [] for an account without products (error 700)', async () => {
    expect(await allGoods(client, creds)).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('does not take a "no products" with a tampered hash for an empty list', async () => {
    fake.inject('tampered-hash');
    expect((await failure(() => allGoods(client, creds))).kind).toBe('protocol');
  });

  it('reads products keyed by anything, numbers as strings, a missing sum as 0', async () => {
    fake.inject({ result: { a: { good_name: 42, good_title: 'Урок', good_type: 1, good_sum: 15 }, b: { good_name: 'x', good_title: 'X' } } });
    expect(await allGoods(client, creds)).toEqual([
      { code: '42', title: 'Урок', type: '1', price: 1500 },
      { code: 'x', title: 'X', type: '', price: 0 },
    ]);
  });

  const refused: [string, unknown][] = [
    ['a product without good_name', [{ good_title: 'X', good_sum: '1.00' }]],
    ['a price that is not an amount', [{ good_name: 'x', good_sum: 'free' }]],
    ['a product that is a string', ['x']],
    ['a result that is a number', 5],
  ];
  it.each(refused)('refuses %s as a protocol error', async (_what, result) => {
    fake.inject({ result });
    const error = await failure(() => allGoods(client, creds));
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain('GetAllGoods for shop');
  });

  it('says the key is wrong when it is, and refuses garbage', async () => {
    expect((await failure(() => allGoods(client, { ...creds, key: 'nope' }))).kind).toBe('wrong-key');
    fake.inject('garbage');
    expect((await failure(() => allGoods(client, creds))).kind).toBe('protocol');
  });
});

describe('buyerHistory', () => {
  /** The real client, counting how many calls are in flight at once. */
  function counting(): JustClickCaller & { peak: number } {
    let inFlight = 0;
    const caller = {
      peak: 0,
      async call(...args: Parameters<JustClickClient['call']>) {
        inFlight++;
        caller.peak = Math.max(caller.peak, inFlight);
        try {
          return await client.call(...args);
        } finally {
          inFlight--;
        }
      },
    };
    return caller;
  }

  function seedBuyer(): void {
    const base = at('2026-10-01T12:00:00+03:00');
    const price = [1000, 2000, 3000, 4000, 5000, 6000];
    price.forEach((rubles, i) => {
      const raw = fake.addOrder('shop', { id: 500 + i, email: 'anna@example.com', created: base + i * 86_400, price: rubles });
      if (i !== 1) fake.payOrder('shop', raw.id, base + i * 86_400 + 60); // 501 stays waiting
    });
    fake.setOrderStatus('shop', '503', 'moneyback'); // refunded: not money the buyer left
    fake.addOrder('shop', { id: 600, email: 'boris@example.com', paid: base, price: 99_999 });
  }

  it("sums the paid orders of the buyer's whole history, leaving out refunded and waiting ones", async () => {
    seedBuyer();
    const history = await buyerHistory(client, creds, 'anna@example.com', { maxOrders: 10 });
    expect(history.orders.map((o) => o.id)).toEqual(['505', '504', '503', '502', '501', '500']);
    expect(history.paidSum).toBe((1000 + 3000 + 5000 + 6000) * 100);
    expect(history).toMatchObject({ ordersTotal: 6, complete: true });
    expect(fake.requests.map((r) => r.method)).toEqual(['GetBills', ...Array(6).fill('getOrderDetails')]);
  });

  it('looks only at the newest maxOrders, at most `concurrency` at a time, and says the sum is partial', async () => {
    seedBuyer();
    fake.inject({ latencyMs: 40 }, 4);
    const caller = counting();
    const history = await buyerHistory(caller, creds, 'anna@example.com', { maxOrders: 3, concurrency: 2 });
    expect(history.orders.map((o) => o.id)).toEqual(['505', '504', '503']);
    expect(history).toMatchObject({ ordersTotal: 6, complete: false, paidSum: (5000 + 6000) * 100 });
    expect(fake.requests).toHaveLength(1 + 3);
    expect(caller.peak).toBe(2);
  });

  it('has nothing to say about an e-mail without orders, after one request', async () => {
    seedBuyer();
    expect(await buyerHistory(client, creds, 'nobody@example.com', { maxOrders: 5 })).toEqual({ orders: [], ordersTotal: 0, paidSum: 0, complete: true });
    expect(fake.requests).toHaveLength(1);
  });

  it('leaves out an order that vanished between the two calls', async () => {
    seedBuyer();
    fake.inject({ latencyMs: 0 }); // GetBills as usual
    fake.inject({ errorCode: 400 }); // the first details call: gone
    const history = await buyerHistory(client, creds, 'anna@example.com', { maxOrders: 10, concurrency: 1 });
    expect(history.orders.map((o) => o.id)).toEqual(['504', '503', '502', '501', '500']);
    expect(history.ordersTotal).toBe(6);
  });

  it('fails as a whole when a details call fails, and starts no further calls', async () => {
    seedBuyer();
    fake.inject({ latencyMs: 0 });
    fake.inject('tampered-hash');
    const error = await failure(() => buyerHistory(client, creds, 'anna@example.com', { maxOrders: 10, concurrency: 1 }));
    expect(error.message).toContain('getOrderDetails for shop');
    expect(fake.requests).toHaveLength(2);
  });
});
