// Buyers' data only as long as needed: deliveries not yet sent are taken back when the access they came from
// ends (/unlink, removal from a team), and a delivery that is done keeps its id (which dedupes) but no contacts.
import type { Job, Queue } from 'bullmq';
import type { Html } from '../domain/format/html.js';
import type { AlertOrder } from '../domain/alert.js';
import { maskEmail, maskPhone } from '../domain/format/mask.js';
import type { EngineContext } from './context.js';
import type { Delivery } from './queues.js';
import { chatAccounts } from '../store/chats.js';

/** States of a job that has not been sent yet; an active one is stopped at send time instead (audience.ts). */
const NOT_YET_SENT = ['waiting', 'delayed', 'prioritized', 'waiting-children'] as const;
const PAGE = 500;

/** Removes the deliveries not yet sent that match; returns how many went. */
async function purgeDeliveries(queue: Queue<Delivery>, matches: (d: Delivery) => boolean): Promise<number> {
  let removed = 0;
  for (let start = 0; ; start += PAGE) {
    const jobs = await queue.getJobs([...NOT_YET_SENT], start, start + PAGE - 1, true);
    if (jobs.length === 0) break;
    for (const job of jobs) {
      if (!job?.data || !matches(job.data)) continue;
      // A job that became active in between is locked and stays: the send-time check stops it.
      await job.remove().then(
        () => removed++,
        () => undefined,
      );
    }
    if (jobs.length < PAGE) break;
  }
  return removed;
}

const EMPTY = '' as Html;

function withoutContacts(order: AlertOrder): AlertOrder {
  return { id: order.id, name: '', email: '', phone: '', paid: order.paid, created: order.created, price: 0, goods: [], payway: '', utm: {}, link: '' };
}

/** What a finished delivery keeps: its kind, chat and account, never a buyer's contacts, a login or the text. */
function redactDelivery(d: Delivery): Delivery {
  switch (d.kind) {
    case 'paid':
      return { ...d, login: '', orders: d.orders.map(withoutContacts) };
    case 'refund':
    case 'cancel':
      return { ...d, login: '', order: withoutContacts(d.order) };
    case 'paused':
    case 'resumed':
      return { ...d, login: '' };
    case 'digest':
    case 'notice':
      return { ...d, html: EMPTY };
    case 'report':
      return { ...d, html: EMPTY, caption: EMPTY };
    case 'held':
      // Only a window's end: the held orders themselves are read from the holds store when it is sent.
      return d;
  }
}

/** Called when a delivery is done for good (sent, dropped, or given up): only its id is still of use. */
export async function forgetBuyers(job: Job<Delivery>): Promise<void> {
  await job.updateData(redactDelivery(job.data));
}

/**
 * Takes back what an account's access put on its way to these chats: deliveries not yet sent (those of other
 * accounts to the same chats stay) and its alert records there. A chat no account feeds any more loses all of
 * them; in a chat other accounts still feed, theirs stay.
 */
export async function forgetDeliveries(
  ctx: Pick<EngineContext, 'queues' | 'ledger' | 'holds' | 'milestones' | 'chats'>,
  accountId: number,
  chatIds: readonly number[],
): Promise<number> {
  const shared = new Map<number, boolean>();
  for (const chatId of new Set(chatIds)) {
    const chat = await ctx.chats.get(chatId);
    shared.set(
      chatId,
      chatAccounts(chat).some((id) => id !== accountId),
    );
  }
  const removed = await purgeDeliveries(ctx.queues.delivery, (d) => {
    const others = shared.get(d.chatId);
    if (others === undefined) return false;
    return 'ownerId' in d ? d.ownerId === accountId : !others;
  });
  for (const [chatId, others] of shared) {
    if (others) {
      // The chat's own records were the first primary's: once it has gone (recordsByAccount), nobody's.
      const chatsOwn = (await ctx.chats.get(chatId)).recordsByAccount === true;
      await ctx.ledger.forgetAccount(chatId, accountId, chatsOwn);
      await ctx.holds.forgetAccount(chatId, accountId, chatsOwn);
      continue;
    }
    await ctx.ledger.forgetChat(chatId);
    await ctx.holds.forgetChat(chatId);
    await ctx.milestones.forgetChat(chatId);
  }
  return removed;
}

/** The account was unlinked: what the alerts cached under its login (buyers' paid prices, its sales history) goes. */
export async function forgetAccountCaches(ctx: Pick<EngineContext, 'buyers' | 'milestones'>, login: string): Promise<void> {
  for (const region of ['ru', 'io'] as const) {
    await ctx.buyers.forgetAccount({ login, region });
    await ctx.milestones.forgetAccount({ login, region });
  }
}

/** An order as a chat's job may carry it: a group's or channel's with e-mail and phone already masked. */
export function orderForChat(chatId: number, order: AlertOrder): AlertOrder {
  return chatId < 0 ? { ...order, email: maskEmail(order.email), phone: maskPhone(order.phone) } : order;
}
