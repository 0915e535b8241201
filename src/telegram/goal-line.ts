// The goal's progress line under /orders month: one call from the orders feature, so that the goal stays
// out of the orders' own rendering.
import type { Html } from '../domain/format/html.js';
import { joinHtml } from '../domain/format/html.js';
import { ACCOUNT_CURRENCY } from '../domain/format/money.js';
import { goalProgress, paidRevenue, renderGoalLine } from '../domain/goal.js';
import type { Order } from '../domain/justclick.js';
import type { BotContext, Services } from './context.js';
import type { PreparedQuery } from './orders-query.js';

/**
 * Adds "🎯 Goal for November: … · on track for 112%" to the first page when the chat has a goal and the
 * question was this month. Revenue is the month's paid orders: the answer's own paid set when it was not
 * narrowed to some goods, otherwise asked for (some goods only are not the goal's revenue).
 */
export async function addGoalLine(s: Services, ctx: BotContext, prepared: PreparedQuery, paidInPeriod: Order[], pages: Html[]): Promise<void> {
  const goal = ctx.chatSettings.goal;
  const first = pages[0];
  if (!goal || prepared.period.kind !== 'month' || first === undefined) return;
  const { from, to } = prepared.period;
  const paid =
    prepared.query.goods.length === 0
      ? paidInPeriod
      : await s.client.fetchOrders(prepared.account.creds, { from, to, paidOnly: true, goods: [] }, s.config.ordersMethod);
  const now = s.now();
  const asOf = new Date(Math.min(to.getTime(), now.getTime()));
  const progress = goalProgress(goal.amount, paidRevenue(paid, from, asOf), asOf, ctx.timeZone);
  pages[0] = joinHtml([first, renderGoalLine(progress, ctx.lang, ACCOUNT_CURRENCY)], '\n\n');
}
