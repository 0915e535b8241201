// Facts about an order that several reports agree on: whether it counts as paid, where it came from.
import type { Order } from './justclick.js';

/** Paid and not refunded: JustClick moves a refunded order from `paid` to `moneyback`. */
export function isPaid(order: Order): boolean {
  return order.payStatus === 'paid';
}

/** The utm source as typed by the seller's links, or null for direct traffic. */
export function utmSource(order: Order): string | null {
  const source = order.utm.source?.trim() ?? '';
  return source === '' ? null : source;
}

/** Orders with the same id counted once (a list stitched from several API calls may repeat one). */
export function uniqueOrders(orders: readonly Order[]): Order[] {
  const seen = new Set<string>();
  return orders.filter((o) => !seen.has(o.id) && (seen.add(o.id), true));
}

/** The status filters a seller can ask for; each keeps some of the orders created in a period. */
export type StatusFilter = 'unpaid' | 'cancelled' | 'refunded';

/** Unpaid: neither paid nor cancelled nor refunded (waiting, and whatever else JustClick calls an open bill). */
export function hasStatus(order: Order, status: StatusFilter): boolean {
  switch (status) {
    case 'cancelled':
      return order.payStatus === 'cancel';
    case 'refunded':
      return order.payStatus === 'moneyback';
    case 'unpaid':
      return order.payStatus !== 'paid' && order.payStatus !== 'cancel' && order.payStatus !== 'moneyback';
  }
}
