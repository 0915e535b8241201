// JustClick's lookup methods: one order by id (getOrderDetails), a buyer's orders by e-mail (GetBills),
// the product list (GetAllGoods), and a buyer's history built from the first two for /buyer.
// Each answer is read defensively (PHP arrays through json_encode) and "nothing there" is an empty answer.
import { NOT_FOUND, type JustClickClient } from './client.js';
import { JustClickError } from './errors.js';
import { describe, isRecord, parseMoney, parseOrder, text, valuesOf } from './orders.js';
import type { Credentials, Minor, Order } from './types.js';

/** What the lookups need of the client: one signed call. */
export type JustClickCaller = Pick<JustClickClient, 'call'>;

/** The statuses GetBills can filter on (omit for every order). */
export type BillsPayStatus = 'paid' | 'waiting' | 'cancel';

export interface BuyerBill {
  orderId: string;
  /** The products of the order: code (`good_name`, the `items[].id` of orders) and title. */
  goods: { code: string; title: string }[];
}

export interface Product {
  /** `good_name`: the product code orders list as `items[].id`. */
  code: string;
  title: string;
  /** `good_type` as JustClick writes it. */
  type: string;
  price: Minor;
}

export interface BuyerHistory {
  /** The buyer's newest orders (at most maxOrders) with full details, newest first. */
  orders: Order[];
  /** How many orders JustClick lists for the e-mail in all. */
  ordersTotal: number;
  /** The prices of the paid orders among `orders`; refunded, waiting and cancelled ones do not count. */
  paidSum: Minor;
  /** Every order of the buyer was looked at, so `paidSum` is the lifetime sum. */
  complete: boolean;
}

// JustClick order ids are integers; 18 digits still fit PHP's int, and nothing real comes near that.
const ORDER_ID = /^[1-9][0-9]{0,17}$/;
const MAX_EMAIL_LENGTH = 254;

/** Can this text be a JustClick order id? Digits only, no leading zero, at most 18 of them. */
export function isOrderId(id: string): boolean {
  return ORDER_ID.test(id);
}

/**
 * One order with its goods, or null when JustClick has no such order (error 400) or `id` cannot be an
 * order id (then nothing is asked at all).
 */
export async function orderDetails(client: JustClickCaller, creds: Credentials, id: string): Promise<Order | null> {
  if (!isOrderId(id)) return null;
  // Sent as the digit string: http_build_query prints an int the same way, and 18 digits would lose precision as a JS number.
  const result = await client.call(creds, 'getOrderDetails', { bill_id: id });
  if (result === NOT_FOUND) return null;
  return readAnswer('getOrderDetails', creds, () => readOrderDetails(result, id));
}

/**
 * The buyer's orders (ids and goods, no sums or dates), newest first; [] when JustClick has none for
 * the e-mail (error 400) or `email` cannot be one (then nothing is asked).
 */
export async function buyerBills(client: JustClickCaller, creds: Credentials, email: string, payStatus?: BillsPayStatus): Promise<BuyerBill[]> {
  const address = email.trim();
  if (!looksLikeEmail(address)) return [];
  const result = await client.call(creds, 'GetBills', { email: address, pay_status: payStatus });
  if (result === NOT_FOUND) return [];
  return readAnswer('GetBills', creds, () => readBills(result));
}

/** Every product of the account; [] when it has none (error 700). */
export async function allGoods(client: JustClickCaller, creds: Credentials): Promise<Product[]> {
  const result = await client.call(creds, 'GetAllGoods', {}, { notFoundCodes: [700] });
  if (result === NOT_FOUND) return [];
  return readAnswer('GetAllGoods', creds, () => readGoods(result));
}

/**
 * A buyer's orders for /buyer: GetBills, then getOrderDetails for the newest `maxOrders` of them,
 * `concurrency` at a time (default 3: one account's host, and error 8 waits for the impatient).
 */
export async function buyerHistory(
  client: JustClickCaller,
  creds: Credentials,
  email: string,
  options: { maxOrders: number; concurrency?: number },
): Promise<BuyerHistory> {
  const bills = await buyerBills(client, creds, email);
  const wanted = bills.slice(0, Math.max(0, Math.floor(options.maxOrders))).map((b) => b.orderId);
  const found = await mapBounded(wanted, options.concurrency ?? 3, (id) => orderDetails(client, creds, id));
  const orders = found.filter((o): o is Order => o !== null).sort((a, b) => b.created - a.created || compareIds(b.id, a.id));
  return {
    orders,
    ordersTotal: bills.length,
    paidSum: orders.filter((o) => o.payStatus === 'paid').reduce((sum, o) => sum + o.price, 0),
    complete: wanted.length === bills.length,
  };
}

function readOrderDetails(result: unknown, id: string): Order | null {
  if (result === null || (Array.isArray(result) && result.length === 0)) return null;
  if (!isRecord(result) && !Array.isArray(result)) {
    throw new JustClickError('protocol', `JustClick sent ${describe(result)} where an order was expected`);
  }
  // One order object as documented; a list or an id-keyed object of orders is read too, if it holds this one.
  const orders = isRecord(result) && 'id' in result ? [parseOrder(result)] : valuesOf(result).map(parseOrder);
  const order = orders.find((o) => o.id === id);
  if (!order) {
    const other = orders[0]?.id;
    throw new JustClickError('protocol', `JustClick answered order ${id} with ${other === undefined ? 'no order' : `order ${other}`}`);
  }
  return order;
}

function readBills(result: unknown): BuyerBill[] {
  if (result === null) return [];
  // Order ids are never 0, 1, 2…, so a non-empty list means the ids were lost: refuse it rather than invent them.
  if (Array.isArray(result)) {
    if (result.length === 0) return [];
    throw new JustClickError('protocol', 'JustClick sent a list where orders keyed by id were expected');
  }
  if (!isRecord(result)) throw new JustClickError('protocol', `JustClick sent ${describe(result)} where orders keyed by id were expected`);
  const bills = Object.entries(result).map(([orderId, goods]): BuyerBill => {
    if (!isOrderId(orderId)) throw new JustClickError('protocol', `JustClick listed an order with the id ${describe(orderId)}`);
    return { orderId, goods: readBillGoods(goods, orderId) };
  });
  return bills.sort((a, b) => compareIds(b.orderId, a.orderId));
}

/** product code → {good_name, good_title}; also a list of them, `[]`, or a bare title string per code. */
function readBillGoods(value: unknown, orderId: string): BuyerBill['goods'] {
  if (value === null || value === undefined) return [];
  if (!isRecord(value) && !Array.isArray(value)) {
    throw new JustClickError('protocol', `JustClick order ${orderId}: goods are ${describe(value)}`);
  }
  const keyed = isRecord(value);
  return Object.entries(value).map(([key, good]) => {
    if (typeof good === 'string') return { code: key, title: good };
    if (!isRecord(good)) throw new JustClickError('protocol', `JustClick order ${orderId}: a product is ${describe(good)}`);
    // The code is good_name; the key says the same when the goods came keyed (a list's keys are positions).
    const code = text(good.good_name) || (keyed ? key : '');
    if (code === '') throw new JustClickError('protocol', `JustClick order ${orderId}: a product has no code`);
    return { code, title: text(good.good_title) };
  });
}

function readGoods(result: unknown): Product[] {
  if (result === null) return [];
  if (typeof result !== 'object') throw new JustClickError('protocol', `JustClick sent ${describe(result)} where a list of products was expected`);
  return valuesOf(result).map((good, i): Product => {
    if (!isRecord(good)) throw new JustClickError('protocol', `JustClick product #${i + 1} is ${describe(good)}, not an object`);
    const code = text(good.good_name);
    if (code === '') throw new JustClickError('protocol', `JustClick product #${i + 1} has no code (good_name)`);
    const price = parseMoney(good.good_sum);
    if (Number.isNaN(price)) throw new JustClickError('protocol', `JustClick product ${code}: good_sum is not an amount (${describe(good.good_sum)})`);
    return { code, title: text(good.good_title), type: text(good.good_type), price: price ?? 0 };
  });
}

/** Runs the reading of an answer; its protocol errors then name the method and login, like the client's own. */
function readAnswer<T>(method: string, creds: Credentials, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof JustClickError)) throw error;
    const what = error.message.replace(/^JustClick /, '');
    throw new JustClickError(error.kind, `JustClick ${method} for ${creds.login}: ${what}`, { method, login: creds.login });
  }
}

/** A buyer's e-mail as JustClick keeps it: one `@`, no spaces; anything else is not worth a request. */
export function looksLikeEmail(address: string): boolean {
  return address.length <= MAX_EMAIL_LENGTH && /^[^\s@]+@[^\s@]+$/.test(address);
}

/** `work` over `items`, at most `limit` at a time; results in the items' order; the first failure is thrown. */
async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    // After a failure the answer is lost anyway: start no further requests.
    while (next < items.length && !failed) {
      const i = next++;
      try {
        results[i] = await work(items[i]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(items.length, Math.max(1, Math.floor(limit))) }, worker));
  return results;
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
