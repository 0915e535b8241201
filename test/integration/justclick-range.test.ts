// The range fetch returns exactly the orders of [from, to) in the seller's zone: none missing, none twice,
// across DST changes and zones far from Moscow, for both listing methods. Checked against a brute-force
// filter of everything the fake holds, with orders packed around every day edge that could go wrong.
import { TZDate } from '@date-fns/tz';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JustClickClient, MAX_DAYS_PER_CALL } from '../../src/justclick/client.js';
import type { Credentials, OrdersMethod, OrdersQuery } from '../../src/justclick/types.js';
import { ordersMatching, startFakeJustClick, type FakeJustClick, type RawOrder } from '../fakes/justclick.js';

const DAY = 86_400_000;

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const localMidnight = (zone: string, y: number, m: number, d: number) => new TZDate(y, m - 1, d, zone).getTime();

interface Scenario {
  name: string;
  zone: string;
  start: [number, number, number];
  days: number;
}

const scenarios: Scenario[] = [
  { name: 'Berlin, 40 days over the October DST end', zone: 'Europe/Berlin', start: [2026, 10, 5], days: 40 },
  { name: 'Berlin, 40 days over the March DST start', zone: 'Europe/Berlin', start: [2026, 3, 10], days: 40 },
  { name: 'Los Angeles, 40 days over the November DST end', zone: 'America/Los_Angeles', start: [2026, 10, 12], days: 40 },
  { name: 'Vladivostok, 40 days over February', zone: 'Asia/Vladivostok', start: [2026, 1, 25], days: 40 },
  { name: 'Moscow itself, 95 days', zone: 'Europe/Moscow', start: [2026, 9, 1], days: 95 },
];

/** Creation and payment times packed around every edge: Moscow midnights, local midnights, from and to. */
function edgeTimes(zone: string, from: number, to: number): number[] {
  const times = new Set<number>();
  const add = (ms: number) => {
    for (const d of [-1000, 0, 1000]) times.add(Math.floor((ms + d) / 1000));
  };
  const [y, m, d] = [new TZDate(from, zone).getFullYear(), new TZDate(from, zone).getMonth() + 1, new TZDate(from, zone).getDate()];
  for (let i = -3; i * DAY < to - from + 3 * DAY; i++) {
    add(localMidnight(zone, y, m, d + i));
    add(localMidnight('Europe/Moscow', y, m, d + i));
    times.add(Math.floor((localMidnight(zone, y, m, d + i) + 12 * 3_600_000) / 1000));
  }
  add(from);
  add(to);
  return [...times];
}

function placeOrders(fake: FakeJustClick, login: string, zone: string, from: number, to: number, seed: number): void {
  const rnd = random(seed);
  const goods = ['g1', 'g2', 'g3'];
  const pick = () => goods.filter(() => rnd() < 0.45);
  const spread = to - from + 6 * DAY;
  const createdTimes = [...edgeTimes(zone, from, to), ...Array.from({ length: 150 }, () => Math.floor((from - 3 * DAY + rnd() * spread) / 1000))];
  const payTimes = edgeTimes(zone, from, to);
  for (const created of createdTimes) {
    const chosen = pick();
    const items = (chosen.length > 0 ? chosen : ['g4']).map((id) => ({ id, title: `Товар ${id}`, sum: '100.00', price: '100.00' }));
    const raw = fake.addOrder(login, { created, items });
    const r = rnd();
    // A third stay unpaid; the rest are paid soon, days later, or exactly on an edge.
    if (r < 0.33) continue;
    const paid =
      r < 0.6
        ? created + Math.floor(rnd() * 600)
        : r < 0.8
          ? created + Math.floor((rnd() * 12 * DAY) / 1000)
          : Math.max(created, payTimes[Math.floor(rnd() * payTimes.length)]!);
    fake.payOrder(login, raw.id, paid);
  }
}

/** What the answer must be: the fake's own orders, filtered by the definition of the question. */
const bruteForce = (orders: readonly RawOrder[], q: OrdersQuery) => ordersMatching(orders, q).map((o) => o.id);

let fake: FakeJustClick;
let client: JustClickClient;

beforeAll(async () => {
  fake = await startFakeJustClick();
  client = new JustClickClient({ apiUrl: fake.url, retries: 0 });
});

afterAll(async () => {
  await client.close();
  await fake.close();
});

describe.each(scenarios)('range fetch: $name', ({ name, zone, start, days }) => {
  const login = `s${scenarios.findIndex((s) => s.name === name)}`;
  const creds: Credentials = { login, region: 'ru', key: `key-of-${login}` };
  const from = localMidnight(zone, start[0], start[1], start[2]);
  const to = localMidnight(zone, start[0], start[1], start[2] + days);

  beforeAll(() => {
    fake.addAccount(login, creds.key);
    placeOrders(fake, login, zone, from, to, from / 1000);
  });

  const combos: [OrdersMethod, boolean, string[]][] = [];
  for (const method of ['getOrdersWithGoods', 'GetOrders'] as const) {
    for (const paidOnly of [false, true]) {
      for (const goods of [[], ['g2'], ['g1', 'g3']]) combos.push([method, paidOnly, goods]);
    }
  }

  it.each(combos)('%s, paid only %s, goods %j: exactly the brute-force answer', async (method, paidOnly, goods) => {
    const q: OrdersQuery = { from: new Date(from), to: new Date(to), paidOnly, goods };
    const before = fake.requests.length;
    const got = await client.fetchOrders(creds, q, method);
    const expected = bruteForce(fake.orders(login), q);
    expect(expected.length).toBeGreaterThan(10);
    expect(got.map((o) => o.id)).toEqual(expected);

    const calls = fake.requests.slice(before);
    for (const call of calls) expect(call.cut).toBeUndefined();
    if (method === 'getOrdersWithGoods') expect(calls.length).toBe(Math.ceil((days + 1) / MAX_DAYS_PER_CALL));
  });

  it.each(['getOrdersWithGoods', 'GetOrders'] as const)(
    '%s: both sets of the period at once, each the brute-force answer, in as few calls as the method allows',
    async (method) => {
      for (const goods of [[], ['g2']]) {
        const q = { from: new Date(from), to: new Date(to), goods };
        const before = fake.requests.length;
        const sets = await client.fetchOrderSets(creds, q, method);
        expect(sets.created.map((o) => o.id)).toEqual(bruteForce(fake.orders(login), { ...q, paidOnly: false }));
        expect(sets.paid.map((o) => o.id)).toEqual(bruteForce(fake.orders(login), { ...q, paidOnly: true }));
        expect(sets.paid.length).toBeGreaterThan(10);
        // GetOrders lists orders created or paid in the interval: one call holds both sets.
        const perSet = Math.ceil((days + 1) / MAX_DAYS_PER_CALL);
        expect(fake.requests.length - before).toBe(method === 'GetOrders' ? 1 : 2 * perSet);
      }
    },
  );

  it("is exact on a one-day range in the seller's zone, the day of the most edges", async () => {
    const dayFrom = localMidnight(zone, start[0], start[1], start[2] + 20);
    const dayTo = localMidnight(zone, start[0], start[1], start[2] + 21);
    for (const method of ['getOrdersWithGoods', 'GetOrders'] as const) {
      for (const paidOnly of [false, true]) {
        const q: OrdersQuery = { from: new Date(dayFrom), to: new Date(dayTo), paidOnly, goods: [] };
        expect((await client.fetchOrders(creds, q, method)).map((o) => o.id)).toEqual(bruteForce(fake.orders(login), q));
      }
    }
  });
});

describe('the fake cuts long getOrdersWithGoods ranges like the real server', () => {
  it('answers a 40-day call with only the last month, which is why the client splits', async () => {
    const login = 'cutter';
    fake.addAccount(login, 'k');
    const early = fake.addOrder(login, { created: Date.parse('2026-10-02T12:00:00+03:00') / 1000 });
    const late = fake.addOrder(login, { created: Date.parse('2026-11-09T12:00:00+03:00') / 1000 });
    const result = await client.call({ login, region: 'ru', key: 'k' }, 'getOrdersWithGoods', { begin_date: '01.10.2026', end_date: '10.11.2026' });
    expect((result as { id: string }[]).map((o) => o.id)).toEqual([late.id]);
    expect(fake.requests.at(-1)!.cut).toBe(true);
    const q: OrdersQuery = { from: new Date('2026-10-01T00:00:00+03:00'), to: new Date('2026-11-11T00:00:00+03:00'), paidOnly: false, goods: [] };
    expect((await client.fetchOrders({ login, region: 'ru', key: 'k' }, q, 'getOrdersWithGoods')).map((o) => o.id)).toEqual([late.id, early.id]);
  });
});
