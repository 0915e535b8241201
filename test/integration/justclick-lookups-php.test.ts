// The lookups through the PHP stand-in: PHP's own $_POST and http_build_query accept every signature
// getOrderDetails, GetBills and GetAllGoods send (e-mails with `+` and Cyrillic, codes PHP encodes
// differently from JS), the answers come from the seeded data, and a wrong key never gets past PHP.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { JustClickClient } from '../../src/justclick/client.js';
import { JustClickError } from '../../src/justclick/errors.js';
import { allGoods, buyerBills, buyerHistory, orderDetails } from '../../src/justclick/lookups.js';
import type { Credentials } from '../../src/justclick/types.js';
import { startFakeJustClick, startPhpJustClick, type FakeJustClick, type PhpJustClick } from '../fakes/justclick.js';
import { describePhp } from '../fakes/justclick-php/describe-php.js';

const creds: Credentials = { login: 'php-shop', region: 'ru', key: "k&e=y~ 'ключ' *()!" };
const BUYER = 'anna+test@пример.рф';
const CODES = ['курс 1', 'a&b=c', "~'!*()", 'x+y%20z', '😀'];

describePhp('the PHP stand-in checks and answers the lookups', () => {
  let fake: FakeJustClick;
  let php: PhpJustClick;
  let client: JustClickClient;

  beforeAll(async () => {
    fake = await startFakeJustClick();
    fake.addAccount(creds.login, creds.key);
    const base = Date.parse('2026-09-01T00:00:00+03:00') / 1000;
    CODES.forEach((code, i) => {
      const raw = fake.addOrder(creds.login, {
        id: 9000 + i,
        email: i % 2 === 0 ? BUYER : 'boris@example.com',
        created: base + i * 3_600,
        price: 100 * (i + 1),
        items: [{ id: code, title: `Товар «${code}» <b>` }],
      });
      if (i !== 2) fake.payOrder(creds.login, raw.id, base + i * 3_600 + 60);
    });
    fake.addProduct(creds.login, { good_name: 'каталог & co', good_title: 'Только в каталоге', good_sum: '10.00' });
    php = await startPhpJustClick(fake);
    client = new JustClickClient({ apiUrl: php.url, retries: 0, timeoutMs: 10_000 });
  });

  afterAll(async () => {
    await client?.close();
    await php?.close();
    await fake?.close();
  });

  const verifiedSince = (before: number) => {
    const calls = fake.requests.slice(before);
    expect(calls.length).toBeGreaterThan(0);
    return calls.every((c) => c.phpVerified);
  };

  it('getOrderDetails: finds an order and answers null for a missing one, both signed as PHP expects', async () => {
    const before = fake.requests.length;
    const order = await orderDetails(client, creds, '9001');
    expect(order).toMatchObject({ id: '9001', email: 'boris@example.com', price: 20000, items: [{ id: 'a&b=c', title: 'Товар «a&b=c» <b>' }] });
    expect(await orderDetails(client, creds, '9999')).toBeNull();
    expect(verifiedSince(before)).toBe(true);
  });

  it('GetBills: an e-mail with + and Cyrillic reaches PHP intact, with and without pay_status', async () => {
    const before = fake.requests.length;
    expect(await buyerBills(client, creds, BUYER)).toEqual([
      { orderId: '9004', goods: [{ code: '😀', title: 'Товар «😀» <b>' }] },
      { orderId: '9002', goods: [{ code: "~'!*()", title: "Товар «~'!*()» <b>" }] },
      { orderId: '9000', goods: [{ code: 'курс 1', title: 'Товар «курс 1» <b>' }] },
    ]);
    expect((await buyerBills(client, creds, BUYER, 'waiting')).map((b) => b.orderId)).toEqual(['9002']);
    expect(await buyerBills(client, creds, 'nobody@example.com', 'paid')).toEqual([]);
    expect(verifiedSince(before)).toBe(true);
    expect(fake.requests.at(-2)?.params).toEqual({ email: BUYER, pay_status: 'waiting' });
  });

  it('GetAllGoods: the seeded catalogue and every product the orders name; none is error 700, read as []', async () => {
    const before = fake.requests.length;
    const goods = await allGoods(client, creds);
    expect(goods.map((g) => g.code).sort()).toEqual([...CODES, 'каталог & co'].sort());
    expect(goods.find((g) => g.code === 'каталог & co')).toEqual({ code: 'каталог & co', title: 'Только в каталоге', type: 'digital', price: 1000 });
    fake.addAccount('empty-shop', creds.key);
    expect(await allGoods(client, { ...creds, login: 'empty-shop' })).toEqual([]); // error 700, through PHP
    expect(verifiedSince(before)).toBe(true);
  });

  it('buyerHistory: every call passes PHP, and the paid sum leaves out the waiting order', async () => {
    const before = fake.requests.length;
    const history = await buyerHistory(client, creds, BUYER, { maxOrders: 5 });
    expect(history.orders.map((o) => o.id)).toEqual(['9004', '9002', '9000']);
    expect(history.paidSum).toBe(50000 + 10000);
    expect(verifiedSince(before)).toBe(true);
  });

  it.each([
    ['getOrderDetails', (c: Credentials) => orderDetails(client, c, '9000')],
    ['GetBills', (c: Credentials) => buyerBills(client, c, BUYER)],
    ['GetAllGoods', (c: Credentials) => allGoods(client, c)],
  ] as const)('%s with a wrong key is refused by PHP before the Node fake sees it', async (method, run) => {
    const before = fake.requests.length;
    let caught: unknown;
    try {
      await run({ ...creds, key: 'wrong' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JustClickError);
    expect((caught as JustClickError).kind).toBe('wrong-key');
    expect((caught as JustClickError).message).toContain(method);
    expect(fake.requests.length).toBe(before);
  });
});
