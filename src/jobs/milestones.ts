// Which milestones a paid order's alert tells in a chat: today's paid orders (one JustClick call) against the
// last RECORD_WINDOW_DAYS days (a few calls, once a day per account and zone, kept in Redis), each milestone
// claimed once per chat so that neither a second replica nor a restart tells it twice.
import { isoDate, localDay } from '../domain/calendar.js';
import { milestonesOf, RECORD_WINDOW_DAYS, salesHistory, type Milestone, type PaidSale } from '../domain/milestones.js';
import type { AlertOrder } from '../domain/alert.js';
import type { LinkedAccount } from '../store/accounts.js';
import type { EngineContext } from './context.js';

export async function milestonesFor(
  ctx: Pick<EngineContext, 'client' | 'ordersMethod' | 'milestones'>,
  account: LinkedAccount,
  chatId: number,
  order: AlertOrder,
  timeZone: string,
  now: Date,
): Promise<Milestone[]> {
  if (order.paid === null) return [];
  const sale: PaidSale = { id: order.id, price: order.price, paid: order.paid };
  const day = localDay(new Date(order.paid * 1000), timeZone);
  const today = isoDate(day.date);
  const paidOn = async (from: Date, to: Date): Promise<PaidSale[]> =>
    (await ctx.client.fetchOrders(account.creds, { from, to, paidOnly: true, goods: [] }, ctx.ordersMethod))
      .filter((o) => o.payStatus === 'paid' && o.paid !== null)
      .map((o) => ({ id: o.id, price: o.price, paid: o.paid! }));

  let history = await ctx.milestones.history(account.creds, timeZone, today);
  if (history === null) {
    history = salesHistory(await paidOn(localDay(day.from, timeZone, -RECORD_WINDOW_DAYS).from, day.from), timeZone);
    await ctx.milestones.rememberHistory(account.creds, timeZone, today, history);
  }
  const todays = await paidOn(day.from, new Date(Math.min(day.to.getTime(), now.getTime() + 10 * 60_000)));
  const reached = milestonesOf(sale, todays, history);
  const told: Milestone[] = [];
  for (const m of reached) {
    const name = m.kind === 'record-order' ? `${m.kind}:${order.id}` : `${m.kind}:${today}`;
    if (await ctx.milestones.claim(chatId, name, order.id)) told.push(m);
  }
  return told;
}
