// What /chart and /top (and the reports built on them) share: the orders paid within a period and within the
// previous equal one, fetched in one JustClick call, and the comparison of the two.
import type { Period } from '../domain/calendar-periods.js';
import { comparisonLine, glanceAt, glanceRange, type Glance } from '../domain/glance.js';
import type { Html } from '../domain/format/html.js';
import { ACCOUNT_CURRENCY } from '../domain/format/money.js';
import type { Order } from '../domain/justclick.js';
import { ordersCalls } from '../justclick/client.js';
import type { BotContext, Services } from './context.js';
import { fetchOrdersFor, type PreparedQuery } from './orders-query.js';

export interface GlanceOrders {
  /** Paid from the start of the previous equal period to now (or the period's end). */
  orders: Order[];
  glance: Glance;
}

/**
 * Fetches what a glance at `period` needs (the prepared query's product filter kept) and compares the
 * period with the previous equal one. Null when JustClick failed; the user has been told.
 */
export async function fetchGlance(s: Services, ctx: BotContext, prepared: PreparedQuery, period: Period = prepared.period): Promise<GlanceOrders | null> {
  const now = s.now();
  const range = glanceRange(period, now, ctx.timeZone);
  // Every paid order counts here, whatever status the list was asked for.
  const request = { ...prepared.request, status: null };
  const orders = await fetchOrdersFor(s, ctx, { ...prepared, period, request, query: { ...range, paidOnly: true, goods: prepared.query.goods } });
  if (!orders) return null;
  return { orders, glance: glanceAt(orders, period, now, ctx.timeZone) };
}

/**
 * "▲ 12% (+₽1,200) vs yesterday by 14:00" for the prepared period, given the orders paid within it (the
 * /orders answer has them already): one more question, for the orders paid within the previous equal
 * period. Paid for from the same budgets as every JustClick question: null (no line, nothing asked) when
 * they cannot cover it. JustClick errors propagate: the caller decides what a missing line means (the
 * /orders header simply goes without it).
 */
export async function glanceComparison(s: Services, ctx: BotContext, prepared: PreparedQuery, paidInPeriod: readonly Order[]): Promise<Html | null> {
  const now = s.now();
  const { from } = glanceRange(prepared.period, now, ctx.timeZone);
  const query = { from, to: prepared.period.from, paidOnly: true, goods: prepared.query.goods };
  if ((await s.budgets.spend(ctx.from!.id, prepared.account.creds, ordersCalls(query, s.config.ordersMethod).length, now)) > 0) return null;
  const before = await s.client.fetchOrders(prepared.account.creds, query, s.config.ordersMethod);
  return comparisonLine(glanceAt([...before, ...paidInPeriod], prepared.period, now, ctx.timeZone), ctx.timeZone, ctx.lang, ACCOUNT_CURRENCY);
}
