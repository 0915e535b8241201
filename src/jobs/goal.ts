// Monthly goals: after paid orders, one look at the owner's month for each chat with a goal, and one message
// each when 50%, 90% and 100% are reached, once per chat and month across replicas (a Redis claim per
// milestone). Setting a goal claims the milestones already behind, so that it does not congratulate at once.
import type { Job } from 'bullmq';
import { localDateOf, startOfLocalDay } from '../domain/calendar.js';
import { ACCOUNT_CURRENCY } from '../domain/format/money.js';
import { goalProgress, paidRevenue, reachedMilestones, renderMilestone, type GoalProgress } from '../domain/goal.js';
import type { Minor } from '../domain/justclick.js';
import type { LinkedAccount } from '../store/accounts.js';
import { addCoalesced } from './coalesce.js';
import type { EngineContext } from './context.js';
import { deliveryLanguage } from './language.js';
import { deliveryJobOptions, jobIds, type GoalCheckJob } from './queues.js';

/** A milestone claim outlives its month. */
const CLAIM_SECONDS = 40 * 86_400;

/** Paid revenue from the start of `asOf`'s local month up to `asOf`. */
async function monthToDateRevenue(ctx: EngineContext, account: LinkedAccount, asOf: Date, timeZone: string): Promise<Minor> {
  const today = localDateOf(asOf, timeZone);
  const from = startOfLocalDay({ ...today, day: 1 }, timeZone);
  const orders = await ctx.client.fetchOrders(account.creds, { from, to: asOf, paidOnly: true, goods: [] }, ctx.ordersMethod);
  return paidRevenue(orders, from, asOf);
}

const monthKey = (p: GoalProgress) => `${p.month.year}-${String(p.month.month).padStart(2, '0')}`;
const claimOf = (chatId: number, p: GoalProgress, milestone: number) => `goal:${chatId}:${monthKey(p)}:${milestone}`;

export interface GoalService {
  /** Looks at the month after paid orders for this owner (coalesced). */
  checkSoon(ownerId: number): Promise<void>;
  /** The chat's progress now; null without a goal or an account. Claims the milestones already reached. */
  progress(chatId: number, opts?: { baseline?: boolean }): Promise<GoalProgress | null>;
}

export function createGoalService(ctx: EngineContext): GoalService {
  const { accounts, chats, locks } = ctx;
  return {
    checkSoon: (ownerId) => addCoalesced(ctx.queues.digest, 'goal', { ownerId }, (slot) => jobIds.goalCheck(ownerId, slot), ctx.followUpMs),
    async progress(chatId, opts = {}) {
      const chat = await chats.get(chatId);
      if (!chat.goal || chat.ownerId === undefined) return null;
      const account = await accounts.get(chat.ownerId);
      if (!account) return null;
      const timeZone = chat.timeZone ?? ctx.defaultTimeZone;
      const now = ctx.now();
      const progress = goalProgress(chat.goal.amount, await monthToDateRevenue(ctx, account, now, timeZone), now, timeZone);
      if (opts.baseline) {
        for (const m of reachedMilestones(progress.revenue, progress.target)) await locks.claim(claimOf(chatId, progress, m), CLAIM_SECONDS);
      }
      return progress;
    },
  };
}

export function createGoalProcessor(ctx: EngineContext) {
  const { accounts, chats, locks, queues, logger } = ctx;

  return async (job: Job<GoalCheckJob>): Promise<string> => {
    const { ownerId } = job.data;
    const account = await accounts.get(ownerId);
    if (!account) return 'no-account';
    const now = ctx.now();
    let told = 0;
    const revenueByZone = new Map<string, Minor>();
    for (const [chatId, chat] of await chats.fedBy(ownerId)) {
      // A chat's goal is about its primary account; another account feeding its alerts there is no part of it.
      if (!chat.goal || chat.inactive || chat.ownerId !== ownerId) continue;
      const timeZone = chat.timeZone ?? ctx.defaultTimeZone;
      let revenue = revenueByZone.get(timeZone);
      if (revenue === undefined) revenueByZone.set(timeZone, (revenue = await monthToDateRevenue(ctx, account, now, timeZone)));
      const progress = goalProgress(chat.goal.amount, revenue, now, timeZone);
      // Every milestone reached is claimed; only the highest newly reached one is told (95% at once is one message).
      let highest: number | null = null;
      for (const m of reachedMilestones(progress.revenue, progress.target)) {
        if (await locks.claim(claimOf(chatId, progress, m), CLAIM_SECONDS)) highest = m;
      }
      if (highest === null) continue;
      const lang = await deliveryLanguage(chats, chatId, chat);
      await queues.delivery.add(
        'notice',
        { kind: 'notice', chatId, html: renderMilestone(highest, progress, lang, ACCOUNT_CURRENCY), claim: claimOf(chatId, progress, highest) },
        { ...deliveryJobOptions, jobId: jobIds.goalNotice(chatId, monthKey(progress), highest) },
      );
      told += 1;
      logger.info({ chatId, milestone: highest }, 'goal milestone queued');
    }
    return told > 0 ? `told ${told}` : 'nothing new';
  };
}
