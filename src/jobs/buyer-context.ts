// The buyer line of a paid-order alert ("2nd purchase · lifetime ₽19,980"): the buyer's paid orders from
// GetBills, their prices from getOrderDetails (cached per buyer, src/store/buyer-cache.ts). Best effort: an
// alert never waits long for it, and goes without the line when JustClick cannot say.
import type { AlertOrder, BuyerContext } from '../domain/alert.js';
import { buyerBills, looksLikeEmail, orderDetails, type JustClickCaller } from '../justclick/lookups.js';
import type { Credentials } from '../justclick/types.js';
import type { BuyerCache } from '../store/buyer-cache.js';
import type { AlertPrefetch } from './prefetch.js';

/** At most this many older orders are read per alert (3 at a time); more, and the lifetime sum says "at least". */
const MAX_DETAILS = 10;

/** Numeric order ids grow with time: the buyer's Nth purchase is the count of their paid ids up to this one. */
const compareIds = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * The ids of the buyer's paid orders (GetBills), read once for an order's push and its alert alike (per order: the
 * buyer's next order, a minute later, must see this one).
 */
export function paidBillIds(client: JustClickCaller, prefetch: AlertPrefetch, creds: Credentials, email: string, orderId: string): Promise<string[]> {
  const address = email.trim();
  return prefetch.read(`bills:${creds.region}:${creds.login}:${orderId}:${address.toLowerCase()}`, async () =>
    (await buyerBills(client, creds, address, 'paid')).map((b) => b.orderId),
  );
}

export async function buyerContext(
  client: JustClickCaller,
  cache: BuyerCache,
  prefetch: AlertPrefetch,
  creds: Credentials,
  order: AlertOrder,
): Promise<BuyerContext | null> {
  const email = order.email.trim();
  if (!looksLikeEmail(email)) return null;
  // A copy: the list read may be shared with another alert of the same buyer.
  const paidIds = [...(await paidBillIds(client, prefetch, creds, email, order.id))];
  // JustClick may not list the order just paid yet: it counts all the same.
  if (!paidIds.includes(order.id)) paidIds.push(order.id);
  const upToThis = paidIds.filter((id) => compareIds(id, order.id) <= 0);
  const prices = await cache.paidPrices(creds, email);
  prices.set(order.id, order.price);
  const missing = paidIds.filter((id) => !prices.has(id)).sort((a, b) => compareIds(b, a));
  const read = missing.slice(0, MAX_DETAILS);
  const learned = new Map<string, number>([[order.id, order.price]]);
  for (let i = 0; i < read.length; i += 3) {
    const found = await Promise.all(read.slice(i, i + 3).map((id) => orderDetails(client, creds, id)));
    for (const o of found) if (o && o.payStatus === 'paid') learned.set(o.id, o.price);
  }
  await cache.remember(creds, email, learned);
  for (const [id, price] of learned) prices.set(id, price);
  const lifetime = paidIds.reduce((sum, id) => sum + (prices.get(id) ?? 0), 0);
  return { purchase: upToThis.length, lifetime, complete: missing.length <= MAX_DETAILS };
}
