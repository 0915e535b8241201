// JustClick's loosely typed order answers (PHP arrays through json_encode) → typed, normalised Orders.
// Defensive by design: numbers as strings, `[]` for an empty object, lists as id-keyed objects.
// What cannot be an order (no id, no created time) is a protocol error, never a crash.
import { JustClickError } from './errors.js';
import type { Minor, Order, OrderItem, Partner, UnixSeconds, Utm } from './types.js';

type Raw = Record<string, unknown>;

const UTM_FIELDS = ['source', 'medium', 'campaign', 'content', 'term'] as const;

/** The `result` of GetOrders / getOrdersWithGoods → orders, in the order JustClick sent them. */
export function parseOrdersResult(result: unknown): Order[] {
  // json_encode(null) is how a PHP method says "nothing": read it as no orders rather than failing every call.
  if (result === null) return [];
  if (typeof result !== 'object') {
    throw new JustClickError('protocol', `JustClick sent ${describe(result)} where a list of orders was expected`);
  }
  return valuesOf(result).map(parseOrder);
}

/** One order object (from the API or a notification body) → Order. */
export function parseOrder(value: unknown, position = 0): Order {
  if (!isRecord(value)) {
    throw new JustClickError('protocol', `JustClick order #${position + 1} is ${describe(value)}, not an object`);
  }
  const id = text(value.id);
  if (id === '') throw new JustClickError('protocol', `JustClick order #${position + 1} has no id`);
  const created = unixTime(value.created, id, 'created');
  if (created === null) throw new JustClickError('protocol', `JustClick order ${id} has no created time`);
  return {
    id,
    firstName: text(value.first_name),
    lastName: text(value.last_name),
    middleName: text(value.middle_name),
    email: text(value.email),
    phone: text(value.phone),
    city: text(value.city),
    country: text(value.country),
    address: text(value.address),
    region: text(value.region),
    postalcode: text(value.postalcode),
    created,
    paid: unixTime(value.paid, id, 'paid'),
    payStatus: text(value.pay_status),
    type: text(value.type),
    payway: text(value.payway),
    comment: text(value.comment),
    domain: text(value.domain),
    link: text(value.link),
    utm: parseUtm(value.utm),
    price: money(value.price, id, 'price') ?? 0,
    toPay: money(value.bill_sum_topay, id, 'bill_sum_topay'),
    isRecurrent: truthy(value.is_recurrent),
    tag: text(value.tag),
    kupon: text(value.kupon),
    items: valuesOf(value.items).map((item, i) => parseItem(item, id, i)),
  };
}

function parseItem(value: unknown, orderId: string, i: number): OrderItem {
  if (!isRecord(value)) throw new JustClickError('protocol', `JustClick order ${orderId}: item #${i + 1} is ${describe(value)}`);
  return {
    id: text(value.id),
    title: text(value.title),
    sum: money(value.sum, orderId, 'items.sum') ?? 0,
    price: money(value.price, orderId, 'items.price') ?? 0,
    partners: valuesOf(value.partners)
      .filter(isRecord)
      .map(
        (p): Partner => ({
          level: Number.parseInt(text(p.partner_lvl), 10) || 0,
          id: text(p.partner_id),
          name: text(p.partner_name),
          fee: money(p.partner_fee, orderId, 'partner_fee') ?? 0,
        }),
      ),
  };
}

function parseUtm(value: unknown): Utm {
  const utm: Utm = {};
  if (!isRecord(value)) return utm; // `[]` is PHP's empty object; missing is the same
  for (const field of UTM_FIELDS) {
    const v = value[field];
    if (typeof v === 'string' || typeof v === 'number') utm[field] = String(v);
  }
  return utm;
}

/**
 * A decimal amount → integer minor units, from its text so no float error creeps in:
 * "4990.50" → 499050, "1 200,5" → 120050, 15 → 1500. Empty or missing → null. Half a kopeck rounds away from zero.
 */
export function parseMoney(value: unknown): Minor | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' && typeof value !== 'number') return Number.NaN;
  let m = MONEY.exec(String(value));
  if (!m) {
    // The unusual spellings: "1 200,50", stray spaces. Tried second so the usual "4990.00" stays cheap.
    const s = String(value)
      .replace(/[\s\u00a0]/g, '')
      .replace(',', '.');
    if (s === '') return null;
    m = MONEY.exec(s);
    if (!m) return Number.NaN;
  }
  const frac = (m[3] ?? '').padEnd(3, '0');
  let minor = Number(m[2] || '0') * 100 + Number(frac.slice(0, 2));
  if (frac[2]! >= '5') minor += 1;
  if (!Number.isSafeInteger(minor)) return Number.NaN;
  return m[1] === '-' ? -minor : minor;
}

// Sign, whole part, fraction; at least one digit somewhere.
const MONEY = /^([+-]?)(?=\.?\d)(\d*)(?:\.(\d*))?$/;

function money(value: unknown, orderId: string, field: string): Minor | null {
  const minor = parseMoney(value);
  if (Number.isNaN(minor)) {
    throw new JustClickError('protocol', `JustClick order ${orderId}: ${field} is not an amount (${describe(value)})`);
  }
  return minor;
}

/** Unix seconds; "0", "", 0 and null mean "never" (how JustClick marks an unpaid order). */
function unixTime(value: unknown, orderId: string, field: string): UnixSeconds | null {
  if (value === null || value === undefined || value === '' || value === '0' || value === 0 || value === false) return null;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new JustClickError('protocol', `JustClick order ${orderId}: ${field} is not a unix time (${describe(value)})`);
  }
  return n;
}

/** A list, an id-keyed object (PHP's non-sequential array) or `[]`/missing → the values in order. */
export function valuesOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isRecord(value)) return Object.values(value);
  return [];
}

export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

const truthy = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 'true';

export const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A short, safe description of an unexpected value for an error message (never the whole payload). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const shown = JSON.stringify(value) ?? String(value);
  return `${typeof value} ${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}`;
}
