// The fake JustClick behaves like the documented server where later tests lean on it: date rules of
// both methods, "today" by its own clock, and notifications the bot can verify.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JustClickClient, NOT_FOUND } from '../../src/justclick/client.js';
import { parseNotification } from '../../src/justclick/notification.js';
import type { Credentials } from '../../src/justclick/types.js';
import { startFakeJustClick, type FakeJustClick } from '../fakes/justclick.js';

const creds: Credentials = { login: 'shop', region: 'ru', key: 'fake-key' };
const at = (iso: string) => Date.parse(iso) / 1000;

let fake: FakeJustClick;
let client: JustClickClient;

beforeEach(async () => {
  fake = await startFakeJustClick({ now: () => Date.parse('2026-11-10T23:30:00Z') }); // already 11.11 in Moscow
  fake.addAccount('shop', creds.key);
  client = new JustClickClient({ apiUrl: fake.url, retries: 0 });
});

afterEach(async () => {
  await client.close();
  await fake.close();
});

const ids = (result: unknown) => (result === NOT_FOUND ? [] : (result as { id: string }[]).map((o) => o.id));

describe('fake JustClick', () => {
  it('GetOrders lists orders created or paid inside [date_s, date_e], both ends included, without goods fields', async () => {
    const createdIn = fake.addOrder('shop', { created: at('2026-11-05T10:00:00Z') });
    const paidIn = fake.addOrder('shop', { created: at('2026-10-01T10:00:00Z'), paid: at('2026-11-05T12:00:00Z') });
    fake.addOrder('shop', { created: at('2026-10-01T10:00:00Z') });
    const onEnd = fake.addOrder('shop', { created: at('2026-11-06T00:00:00Z') });
    const result = await client.call(creds, 'GetOrders', { date_s: at('2026-11-05T00:00:00Z'), date_e: at('2026-11-06T00:00:00Z') });
    expect(ids(result)).toEqual([createdIn.id, paidIn.id, onEnd.id]);
    expect(Object.keys((result as object[])[0]!)).not.toContain('items');
    expect(ids(await client.call(creds, 'GetOrders', { date_s: at('2026-11-05T00:00:00Z'), date_e: at('2026-11-06T00:00:00Z'), paid: true }))).toEqual([
      paidIn.id,
    ]);
  });

  it('getOrdersWithGoods with no dates means today in Moscow by the fake clock', async () => {
    fake.addOrder('shop', { created: at('2026-11-10T20:00:00Z') }); // 10.11 in Moscow
    const today = fake.addOrder('shop', { created: at('2026-11-10T21:00:00Z') }); // 11.11 00:00 in Moscow
    expect(ids(await client.call(creds, 'getOrdersWithGoods', {}))).toEqual([today.id]);
  });

  it('getOrdersWithGoods with paid=1 selects by payment day, and filters by product', async () => {
    const order = fake.addOrder('shop', { created: at('2026-11-01T10:00:00Z'), items: [{ id: 'a' }, { id: 'b' }] });
    fake.payOrder('shop', order.id, at('2026-11-03T10:00:00Z'));
    const day = { begin_date: '03.11.2026', end_date: '03.11.2026' };
    expect(ids(await client.call(creds, 'getOrdersWithGoods', day))).toEqual([]);
    expect(ids(await client.call(creds, 'getOrdersWithGoods', { ...day, paid: true, goods: 'b' }))).toEqual([order.id]);
    expect(ids(await client.call(creds, 'getOrdersWithGoods', { ...day, paid: true, goods: ['c', 'd'] }))).toEqual([]);
    expect(fake.setOrderStatus('shop', order.id, 'moneyback').pay_status).toBe('moneyback');
  });

  it('notify posts a body the bot verifies with the account key', async () => {
    const bodies: string[] = [];
    const bot = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        bodies.push(body);
        res.end('OK');
      });
    });
    await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
    const order = fake.addOrder('shop', { created: at('2026-11-10T10:00:00Z'), hostile: true, utm: { source: 'tg' } });
    fake.payOrder('shop', order.id, at('2026-11-10T10:05:00Z'));
    const status = await fake.notify(`http://127.0.0.1:${(bot.address() as AddressInfo).port}/jc`, 'shop', order.id, { status: 'paid' });
    await new Promise<void>((resolve) => bot.close(() => resolve()));
    expect(status).toBe(200);
    const n = parseNotification(bodies[0]!, creds.key);
    expect(n.order).toMatchObject({ id: order.id, firstName: order.first_name, paid: at('2026-11-10T10:05:00Z'), utm: { source: 'tg' } });
  });
});
