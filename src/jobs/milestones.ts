// Which milestones a paid order's alert tells in a chat: today's paid orders (one JustClick call) against the
// last RECORD_WINDOW_DAYS days (a few calls, once a day per account and zone, kept in Redis), each milestone
// claimed once per chat so that neither a second replica nor a restart tells it twice.
import { isoDate, localDay } from '../domain/calendar.js';
import { milestonesOf, RECORD_WINDOW_DAYS, salesHistory, type Milestone, type PaidSale } from '../domain/milestones.js';
import type { AlertOrder } from '../domain/alert.js';
import type { Credentials } from '../justclick/types.js';
import type { LinkedAccount } from '../store/accounts.js';
import type { EngineContext } from './context.js';

type Ctx = Pick<EngineContext, 'client' | 'ordersMethod' | 'milestones' | 'prefetch'>;

const paidOn = async (ctx: Ctx, creds: Credentials, from: Date, to: Date): Promise<PaidSale[]> =>
  (await ctx.client.fetchOrders(creds, { from, to, paidOnly: true, goods: [] }, ctx.ordersMethod))
    .filter((o) => o.payStatus === 'paid' && o.paid !== null)
    .map((o) => ({ id: o.id, price: o.price, paid: o.paid! }));

/**
 * The orders paid on the order's day (in `timeZone`) up to a little after it: only those before it count for its
 * milestones, so the read depends on the order alone and a push can start it before the alert needs it.
 */
export function paidThatDay(ctx: Ctx, creds: Credentials, order: { id: string; paid: number }, timeZone: string): Promise<PaidSale[]> {
  const day = localDay(new Date(order.paid * 1000), timeZone);
  const to = new Date(Math.min(day.to.getTime(), order.paid * 1000 + 10 * 60_000));
  return ctx.prefetch.read(`day:${creds.region}:${creds.login}:${timeZone}:${order.id}:${order.paid}`, () => paidOn(ctx, creds, day.from, to));
}

export async function milestonesFor(ctx: Ctx, account: LinkedAccount, chatId: number, order: AlertOrder, timeZone: string): Promise<Milestone[]> {
  if (order.paid === null) return [];
  const sale: PaidSale = { id: order.id, price: order.price, paid: order.paid };
  const day = localDay(new Date(order.paid * 1000), timeZone);
  const today = isoDate(day.date);
  // Side by side: the day's orders do not wait for the record window's (read once a day).
  const todaysRead = paidThatDay(ctx, account.creds, sale, timeZone);
  todaysRead.catch(() => undefined);
  let history = await ctx.milestones.history(account.creds, timeZone, today);
  if (history === null) {
    history = salesHistory(await paidOn(ctx, account.creds, localDay(day.from, timeZone, -RECORD_WINDOW_DAYS).from, day.from), timeZone);
    await ctx.milestones.rememberHistory(account.creds, timeZone, today, history);
  }
  const todays = await todaysRead;
  const reached = milestonesOf(sale, todays, history);
  const told: Milestone[] = [];
  for (const m of reached) {
    const name = m.kind === 'record-order' ? `${m.kind}:${order.id}` : `${m.kind}:${today}`;
    if (await ctx.milestones.claim(chatId, name, order.id)) told.push(m);
  }
  return told;
}
