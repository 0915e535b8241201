// The JustClick API methods the bot calls, answered in-process for the demo shop with the `result` the real
// server would send (the same shapes test/fakes/justclick.ts serves), so every command path reads them unchanged.
import { NOT_FOUND } from '../justclick/client.js';
import { JustClickError } from '../justclick/errors.js';
import type { QueryParams, QueryValue } from '../justclick/query.js';
import { GET_ORDERS_FIELDS, type RawOrder } from '../justclick/wire.js';
import { DEMO_PRODUCTS, type DemoShop, moscowDayOf, moscowDayStart } from './shop.js';

/** The longest getOrdersWithGoods range the server answers: a longer one is cut to this, ending at end_date. */
const MAX_RANGE_DAYS = 31;

/** `result` of one API call for the demo shop at `now` (unix seconds), or NOT_FOUND where JustClick says "not found". */
export function demoAnswer(shop: DemoShop, method: string, params: QueryParams, now: number): unknown {
  const field = (name: string): QueryValue => (params instanceof Map ? params.get(name) : (params as Record<string, QueryValue>)[name]);
  const goods = goodsFilter(field('goods'));
  const withGoods = (o: RawOrder) => goods === null || o.items.some((item) => goods.has(item.id));
  const paidOnly = field('paid') === true || field('paid') === 1 || field('paid') === '1';
  const paidAt = (o: RawOrder) => Number(o.paid) || null;

  switch (method) {
    case 'getOrdersWithGoods': {
      const today = moscowDayOf(now);
      const end = day(field('end_date')) ?? today;
      const begin = Math.max(day(field('begin_date')) ?? today, end - MAX_RANGE_DAYS + 1);
      const from = moscowDayStart(begin);
      const to = moscowDayStart(end + 1);
      const inWindow = (t: number | null) => t !== null && t >= from && t < to;
      // An order is paid the day it is made (shop.ts), so the days that hold the window's payments are the window's.
      return wire(shop.ordersOfDays(begin, end, now).filter((o) => withGoods(o) && (paidOnly ? inWindow(paidAt(o)) : inWindow(Number(o.created)))));
    }
    case 'GetOrders': {
      const from = Number(field('date_s') ?? moscowDayStart(moscowDayOf(now)));
      const to = Number(field('date_e') ?? now);
      const inInterval = (t: number | null) => t !== null && t >= from && t <= to;
      const found = shop
        .ordersOfDays(moscowDayOf(from), moscowDayOf(Math.min(to, now)), now)
        .filter((o) => withGoods(o) && (!paidOnly || paidAt(o) !== null) && (inInterval(Number(o.created)) || inInterval(paidAt(o))));
      if (found.length === 0) return NOT_FOUND;
      return wire(found.map((o) => Object.fromEntries(GET_ORDERS_FIELDS.map((f) => [f, o[f]]))));
    }
    case 'getOrderDetails': {
      const order = shop.order(String(field('bill_id') ?? ''), now);
      return order ? wire(order) : NOT_FOUND;
    }
    case 'GetBills': {
      const email = String(field('email') ?? '').toLowerCase();
      const status = field('pay_status');
      const found = shop
        .ordersOfDays(-Infinity, moscowDayOf(now), now, (o) => o.email.toLowerCase() === email)
        .filter((o) => typeof status !== 'string' || o.pay_status === status);
      if (found.length === 0) return NOT_FOUND;
      // Keyed by order id, then by product code, as PHP's json_encode writes a non-sequential array.
      return wire(Object.fromEntries(found.map((o) => [o.id, Object.fromEntries(o.items.map((i) => [i.id, { good_name: i.id, good_title: i.title }]))])));
    }
    case 'GetAllGoods':
      return wire(DEMO_PRODUCTS.map((p) => ({ good_name: p.code, good_title: p.title, good_type: p.type, good_sum: p.price.toFixed(2) })));
    default:
      throw new JustClickError('protocol', `JustClick ${method} for the demo shop: the demo does not answer this method`, { method });
  }
}

/** Through JSON and back, as an answer from the network would be: callers get fresh plain data. */
function wire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** `dd.mm.yyyy` → Moscow day number; null when absent or malformed. */
function day(value: QueryValue): number | null {
  const m = typeof value === 'string' ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value) : null;
  if (!m) return null;
  const ms = Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]));
  return Number.isNaN(ms) ? null : ms / 86_400_000;
}

function goodsFilter(value: QueryValue): Set<string> | null {
  if (value === undefined || value === null) return null;
  const list = Array.isArray(value) ? value : [value];
  return new Set(list.map(String));
}
