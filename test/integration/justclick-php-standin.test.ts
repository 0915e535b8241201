// Every request the client makes is accepted by PHP itself: `php -S` checks the signature with its real
// $_POST and http_build_query before the Node fake answers. This is the test an encoding bug cannot pass.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { JustClickClient } from '../../src/justclick/client.js';
import { JustClickError } from '../../src/justclick/errors.js';
import type { Credentials, OrdersMethod, OrdersQuery } from '../../src/justclick/types.js';
import { ordersMatching, startFakeJustClick, startPhpJustClick, type FakeJustClick, type PhpJustClick } from '../fakes/justclick.js';
import { describePhp } from '../fakes/justclick-php/describe-php.js';

const creds: Credentials = { login: 'php-shop', region: 'ru', key: "k&e=y~ 'ключ' *()!" };
// Product ids as a seller might name them: everything PHP's urlencode treats differently from JS.
const HOSTILE_GOODS = ['курс 1', 'a&b=c', "~'!*()", 'x+y%20z', '😀'];

describePhp('the PHP stand-in accepts every request the client makes', () => {
  let fake: FakeJustClick;
  let php: PhpJustClick;
  let client: JustClickClient;

  beforeAll(async () => {
    fake = await startFakeJustClick();
    fake.addAccount(creds.login, creds.key);
    const base = Date.parse('2026-09-01T00:00:00+03:00') / 1000;
    for (let i = 0; i < 80; i++) {
      const raw = fake.addOrder(creds.login, {
        created: base + i * 86_400 + (i % 7) * 3_600,
        items: [{ id: HOSTILE_GOODS[i % HOSTILE_GOODS.length]! }, { id: `plain-${i % 3}` }],
        hostile: i % 2 === 0,
      });
      if (i % 3 !== 0) fake.payOrder(creds.login, raw.id, Number(raw.created) + 4 * 86_400);
    }
    php = await startPhpJustClick(fake);
    client = new JustClickClient({ apiUrl: php.url, retries: 0, timeoutMs: 10_000 });
  });

  afterAll(async () => {
    await client?.close();
    await php?.close();
    await fake?.close();
  });

  const ranges: [string, string, string][] = [
    ['one day', '2026-09-10T00:00:00+03:00', '2026-09-11T00:00:00+03:00'],
    ['85 days (four calls)', '2026-09-01T00:00:00+03:00', '2026-11-25T00:00:00+03:00'],
  ];
  const goodsChoices: string[][] = [[], ['plain-1'], ['plain-0', 'plain-2'], HOSTILE_GOODS];
  const combos: [OrdersMethod, boolean, string[], string, string, string][] = [];
  for (const method of ['getOrdersWithGoods', 'GetOrders'] as const) {
    for (const paidOnly of [false, true]) {
      for (const goods of goodsChoices) for (const [label, from, to] of ranges) combos.push([method, paidOnly, goods, label, from, to]);
    }
  }

  it('has orders to find in the long range', () => {
    const q: OrdersQuery = { from: new Date(ranges[1]![1]), to: new Date(ranges[1]![2]), paidOnly: true, goods: HOSTILE_GOODS };
    expect(ordersMatching(fake.orders(creds.login), q).length).toBeGreaterThan(20);
  });

  it.each(combos)('%s, paid only %s, goods %j, %s', async (method, paidOnly, goods, _label, from, to) => {
    const before = fake.requests.length;
    const q: OrdersQuery = { from: new Date(from), to: new Date(to), paidOnly, goods };
    const orders = await client.fetchOrders(creds, q, method);
    const calls = fake.requests.slice(before);
    expect(calls.length).toBeGreaterThan(0);
    // Each call reached the Node fake only after PHP recomputed and matched its signature.
    expect(calls.every((c) => c.phpVerified)).toBe(true);
    expect(orders.map((o) => o.id)).toEqual(ordersMatching(fake.orders(creds.login), q).map((o) => o.id));
  });

  it('passes checkKey through PHP for both methods', async () => {
    await client.checkKey(creds, 'getOrdersWithGoods');
    await client.checkKey(creds, 'GetOrders');
    expect(fake.requests.slice(-2).every((c) => c.phpVerified)).toBe(true);
  });

  it('is a real check: PHP refuses a wrong key before the Node fake sees the request', async () => {
    const before = fake.requests.length;
    let caught: unknown;
    try {
      await client.checkKey({ ...creds, key: 'wrong' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JustClickError);
    expect((caught as JustClickError).kind).toBe('wrong-key');
    expect(fake.requests.length).toBe(before);
  });
});
