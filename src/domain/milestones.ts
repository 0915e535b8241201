// Milestones a paid order may reach, told once each in its alert: the first sale of the day (in the chat's
// zone), a record day (today's paid sum above every day of the window) and a record order (the largest single
// order of the window). Pure: the caller brings the window's numbers and today's paid orders.
import { isoDate, localDateOf } from './calendar.js';
import { fromUnixSeconds, type Minor, type UnixSeconds } from './justclick.js';

/** How far back a record looks: the last 90 whole days before today, in the chat's zone. */
export const RECORD_WINDOW_DAYS = 90;

/** The window's best, from the paid orders of the 90 days before today. */
export interface SalesHistory {
  /** The largest paid sum of one day; 0 when nothing was sold. */
  bestDay: Minor;
  /** The largest single paid order; 0 when nothing was sold. */
  bestOrder: Minor;
}

export interface PaidSale {
  id: string;
  price: Minor;
  paid: UnixSeconds;
}

export type Milestone = { kind: 'first-sale' } | { kind: 'record-day'; total: Minor } | { kind: 'record-order' };

/** The best day and the largest order among `paid` (orders of the window), days counted in `timeZone`. */
export function salesHistory(paid: readonly PaidSale[], timeZone: string): SalesHistory {
  const byDay = new Map<string, Minor>();
  let bestOrder = 0;
  for (const o of paid) {
    const day = isoDate(localDateOf(fromUnixSeconds(o.paid), timeZone));
    byDay.set(day, (byDay.get(day) ?? 0) + o.price);
    bestOrder = Math.max(bestOrder, o.price);
  }
  return { bestDay: Math.max(0, ...byDay.values()), bestOrder };
}

/**
 * What `order` reaches, given today's paid orders (it among them or not) and the window before today. A
 * shop with no sales in the window has no record to beat: records need history, so none is claimed then.
 */
export function milestonesOf(order: PaidSale, today: readonly PaidSale[], history: SalesHistory): Milestone[] {
  const others = today.filter((o) => o.id !== order.id);
  const found: Milestone[] = [];
  if (!others.some((o) => o.paid < order.paid || (o.paid === order.paid && o.id < order.id))) found.push({ kind: 'first-sale' });
  // Up to and including this order: a later order of the day makes its own record, in its own alert.
  const upToThis = others.filter((o) => o.paid < order.paid || (o.paid === order.paid && o.id < order.id));
  const total = upToThis.reduce((sum, o) => sum + o.price, order.price);
  const before = total - order.price;
  if (history.bestDay > 0 && total > history.bestDay && before <= history.bestDay) found.push({ kind: 'record-day', total });
  const largestBefore = Math.max(history.bestOrder, ...upToThis.map((o) => o.price));
  if (history.bestOrder > 0 && order.price > largestBefore) found.push({ kind: 'record-order' });
  return found;
}
