// The pinned "today so far" card (/pin): sent and pinned once, then edited — after paid orders, at most once
// per CARD_EDIT_MS per chat (coalesced: the edit shows the state when it runs, so the last sale is never
// dropped) — and at local midnight, when the same message starts the new day. Editing in place was chosen
// over a new pinned message each day: no daily pin notification, no stack of old pinned cards.
import { DelayedError, type Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { ACCOUNT_CURRENCY } from '../domain/format/money.js';
import type { Html } from '../domain/format/html.js';
import { computeLiveCard, liveCardRanges, renderLiveCard } from '../domain/live-card.js';
import { ChatGone, TelegramBadRequest } from '../outbound/errors.js';
import { addCoalesced } from './coalesce.js';
import type { EngineContext } from './context.js';
import { schedulePattern } from './digest.js';
import { deliveryLanguage } from './language.js';
import { digestJobOptions, jobIds, type CardJob } from './queues.js';

/** Telegram's edits are not free: a busy shop's card is edited at most this often (also the goal checks' pace). */
export const CARD_EDIT_MS = 10_000;

export type PinOutcome = 'pinned' | 'no-right' | 'no-account';

export interface LiveCardService {
  /** Sends the card and pins it (replacing an older card of the chat); schedules its midnight rollover. */
  start(chatId: number): Promise<PinOutcome>;
  /** Unpins the card and stops updating it; false when there was none. */
  stop(chatId: number): Promise<boolean>;
  /** After paid orders: an edit at the next free slot. */
  refreshSoon(chatId: number): Promise<void>;
  /** Moves the midnight rollover to the chat's zone (after /tz); removes it when there is no card. */
  reschedule(chatId: number): Promise<void>;
}

export function createLiveCardService(
  ctx: EngineContext,
  hooks: { watchChanged(ownerId: number): Promise<void> },
): LiveCardService & {
  render(chatId: number): Promise<Html | null>;
} {
  const { accounts, chats, queues, gateway } = ctx;

  /** The card as of now; null when the chat has no account to read. */
  async function render(chatId: number): Promise<Html | null> {
    const chat = await chats.get(chatId);
    if (chat.ownerId === undefined) return null;
    const account = await accounts.get(chat.ownerId);
    if (!account) return null;
    const timeZone = chat.timeZone ?? ctx.defaultTimeZone;
    const now = ctx.now();
    const ranges = liveCardRanges(now, timeZone);
    const ask = (from: Date, to: Date) => ctx.client.fetchOrders(account.creds, { from, to, paidOnly: true, goods: [] }, ctx.ordersMethod);
    // Yesterday and today in one call; the same weekdays one each (a month of history would be ten times more orders).
    const [recent, ...sameWeekdays] = await Promise.all([ask(ranges.yesterday.from, now), ...ranges.sameWeekdays.map((d) => ask(d.from, d.to))]);
    const card = computeLiveCard({ today: recent, yesterday: recent, sameWeekdays }, now, timeZone);
    return renderLiveCard(card, timeZone, await deliveryLanguage(chats, chatId, chat), ACCOUNT_CURRENCY);
  }

  async function start(chatId: number): Promise<PinOutcome> {
    const html = await render(chatId);
    if (html === null) return 'no-account';
    const [messageId] = await gateway.sendHtml(chatId, html);
    if (messageId === undefined) return 'no-account';
    // The card stays in the chat, unpinned; the answer says what right is missing.
    if (!(await gateway.pinMessage(chatId, messageId))) return 'no-right';
    const before = await chats.get(chatId);
    if (before.liveCard && before.liveCard.messageId !== messageId) await gateway.unpinMessage(chatId, before.liveCard.messageId);
    const chat = await chats.update(chatId, { liveCard: { messageId } });
    await reschedule(chatId);
    if (chat.ownerId !== undefined) await hooks.watchChanged(chat.ownerId);
    return 'pinned';
  }

  async function reschedule(chatId: number): Promise<void> {
    const chat = await chats.get(chatId);
    if (!chat.liveCard || chat.inactive) {
      await queues.digest.removeJobScheduler(jobIds.cardMidnight(chatId));
      return;
    }
    await queues.digest.upsertJobScheduler(
      jobIds.cardMidnight(chatId),
      { pattern: schedulePattern('00:00'), tz: chat.timeZone ?? ctx.defaultTimeZone },
      { name: 'card', data: { chatId }, opts: digestJobOptions },
    );
  }

  async function stop(chatId: number): Promise<boolean> {
    const chat = await chats.get(chatId);
    await queues.digest.removeJobScheduler(jobIds.cardMidnight(chatId));
    if (!chat.liveCard) return false;
    await chats.update(chatId, { liveCard: null });
    await gateway.unpinMessage(chatId, chat.liveCard.messageId).catch(() => false);
    if (chat.ownerId !== undefined) await hooks.watchChanged(chat.ownerId);
    return true;
  }

  const refreshSoon = (chatId: number) => addCoalesced(queues.digest, 'card', { chatId }, (slot) => jobIds.card(chatId, slot), ctx.followUpMs);

  return { start, stop, refreshSoon, reschedule, render };
}

export function createLiveCardProcessor(ctx: EngineContext, card: { render(chatId: number): Promise<Html | null>; stop(chatId: number): Promise<boolean> }) {
  const { chats, locks, logger } = ctx;

  return async (job: Job<CardJob>, token?: string): Promise<string> => {
    const { chatId } = job.data;
    const chat = await chats.get(chatId);
    if (!chat.liveCard || chat.inactive) return 'off';
    // The edit pace, whatever fired this job (a sale, midnight, a late retry): one edit per chat per interval,
    // counted from the edits themselves. The card is rendered (JustClick calls) only when an edit may follow,
    // and the interval is taken just before the edit, so a slow render cannot bring two edits closer.
    const pace = `card-edit:${chatId}`;
    const later = async () => {
      await job.moveToDelayed(Date.now() + Math.max(50, await locks.remainingMs(pace)), token);
      return new DelayedError();
    };
    if ((await locks.remainingMs(pace)) > 0) throw await later();
    const html = await card.render(chatId);
    if (html === null) return 'no-account';
    if (!(await locks.tryAcquire(pace, randomUUID(), ctx.followUpMs))) throw await later();
    try {
      await ctx.gateway.editHtml(chatId, chat.liveCard.messageId, html);
      return 'edited';
    } catch (err) {
      // Deleted by someone, or the chat is gone: there is no card to keep up to date any more.
      if (err instanceof ChatGone || (err instanceof TelegramBadRequest && /message to edit not found|can't be edited/i.test(err.description))) {
        logger.info({ chatId, reason: (err as Error).message }, 'pinned card is gone; no longer updated');
        await card.stop(chatId);
        return 'card-gone';
      }
      throw err;
    }
  };
}
