// The delivery worker: every alert, notice and digest reaches Telegram through here, one chat at a time,
// paced, retried until Telegram takes it, never sent twice for the same order, and never to a chat that is gone.
import { randomUUID } from 'node:crypto';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { renderPaid, renderPausedNotice, renderResumedNotice, renderStatusAlert, type AlertOrder, type AlertView, type AlertExtras } from '../domain/alert.js';
import { alertKeyboard, type AlertKeyboard } from '../domain/alert-buttons.js';
import { fromChartData } from '../domain/chart/chart-data.js';
import { renderRevenueChart } from '../domain/chart/revenue-chart.js';
import type { Html } from '../domain/format/html.js';
import { renderAccountsChart, renderChartFigures } from '../domain/chart/glance-chart.js';
import { visibleLength } from '../domain/format/html.js';
import { ACCOUNT_CURRENCY } from '../domain/format/money.js';
import { chatAccounts, type ChatSettings } from '../store/chats.js';
import { scopedMark } from '../store/ledger.js';
import { accountLabel } from '../account-label.js';
import { CAPTION_LIMIT } from '../outbound/gateway.js';
import { ChatGone, OutboundRefused, TelegramBadRequest, TelegramRateLimited } from '../outbound/errors.js';
import type { EngineContext } from './context.js';
import { deliveryLanguage } from './language.js';
import { createAlertGate, paidMark } from './alert-gate.js';
import { idPart, type Delivery } from './queues.js';
import { buyerContext } from './buyer-context.js';
import { milestonesFor } from './milestones.js';
import { withDeadline } from '../deadline.js';
import { audienceOf, type Audience } from './audience.js';
import { forgetBuyers } from './purge.js';

/** Telegram: about one message a second per private chat, twenty a minute per group. */
const PRIVATE_PACE_MS = 1_000;
const GROUP_PACE_MS = 3_000;
/** How long a chat stays locked by a sender that died mid-send. */
const SEND_LOCK_MS = 30_000;

export interface DeliveryHooks {
  /** Telegram said the chat is gone (blocked, kicked): switch everything off for it. */
  chatGone(chatId: number, reason: string): Promise<void>;
  /** A group became a supergroup: settings, ledger and schedules move to the new id. */
  chatMigrated(fromChatId: number, toChatId: number): Promise<void>;
  /** May the chat still get this (access checked again at send time); false drops the delivery. */
  mayDeliver(delivery: Delivery, chat: ChatSettings): Promise<boolean>;
  /** A delivery will not be retried any more (e.g. the digest's once-a-day claim is given back). */
  gaveUp(delivery: Delivery, err: unknown): Promise<void>;
}

/** One message of a delivery: text (with buttons under it), or a picture with its caption (none: the picture alone). */
type Part = ({ html: Html; keyboard?: AlertKeyboard } | { photo: () => Buffer; caption?: Html }) & {
  /** Sent markers written after Telegram took this part; a retry that finds them sends it no more. */
  marks: string[];
  /** Without a notification sound (quiet hours). */
  silent?: boolean;
};

interface Composed {
  /** What is left to send, in order (a retry after a failed second part sends only that one). */
  parts: Part[];
}

const paceFor = (chatId: number) => (chatId > 0 ? PRIVATE_PACE_MS : GROUP_PACE_MS);

/** An alert waits at most this long for its buyer line and milestones (a few JustClick calls, side by side). */
const ALERT_EXTRAS_WAIT_MS = 1_500;

/** How long a delivery keeps trying to record a message Telegram already took (Redis restarting). */
const RECORD_SENT_DEADLINE_MS = 120_000;

export function createDeliveryProcessor(ctx: EngineContext, hooks: DeliveryHooks) {
  const { chats, ledger, locks, logger } = ctx;
  const gate = createAlertGate(ctx);

  async function untilRecorded(record: () => Promise<void>): Promise<void> {
    const deadline = Date.now() + RECORD_SENT_DEADLINE_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        await record();
        return;
      } catch (err) {
        if (Date.now() >= deadline) throw err;
        logger.warn({ err: { message: (err as Error).message }, attempt }, 'sent, but could not record it yet; retrying');
        await new Promise((r) => setTimeout(r, Math.min(250 * 2 ** attempt, 5_000)));
      }
    }
  }

  /** The parts not yet marked sent to the chat, or null when none is left. */
  async function unsent(chatId: number, parts: Part[]): Promise<Composed | null> {
    const sent = await ledger.sentAmong(
      chatId,
      parts.flatMap((p) => p.marks),
    );
    const left = parts.filter((p) => !p.marks.every((m) => sent.has(m)));
    return left.length === 0 ? null : { parts: left };
  }

  /**
   * The buyer's line and the milestones, looked up side by side; each is left out when JustClick is slow or
   * cannot say: the alert is worth more than its extras.
   */
  async function extrasOf(ownerId: number, chatId: number, order: AlertOrder, timeZone: string): Promise<AlertExtras> {
    const account = await ctx.accounts.get(ownerId);
    if (!account) return {};
    const [buyer, milestones] = await Promise.all([
      inTime('buyer line', ownerId, () => buyerContext(ctx.client, ctx.buyers, ctx.prefetch, account.creds, order)),
      inTime('milestones', ownerId, () => milestonesFor(ctx, account, chatId, order, timeZone)),
    ]);
    return { ...(buyer ? { buyer } : {}), ...(milestones && milestones.length > 0 ? { milestones } : {}) };
  }

  async function inTime<T>(what: string, ownerId: number, work: () => Promise<T>): Promise<T | null> {
    let result: { value: T } | null = null;
    let failure: unknown;
    // Settles either way, so that a lookup failing after the deadline rejects nothing unhandled.
    const lookup = work().then(
      (value) => {
        result = { value };
      },
      (err: unknown) => {
        failure = err;
      },
    );
    const settled = await withDeadline(lookup, ALERT_EXTRAS_WAIT_MS);
    const done = result as { value: T } | null;
    if (!settled || done === null) {
      logger.info(
        { ownerId, late: !settled, err: failure === undefined ? undefined : { message: (failure as Error).message } },
        `alert sent without its ${what}`,
      );
      return null;
    }
    return done.value;
  }

  /** The account's name for an alert, when the chat gets alerts of more than one account. */
  async function accountShown(chat: ChatSettings, accountId: number): Promise<{ account?: string }> {
    if (chatAccounts(chat).length < 2) return {};
    const account = await ctx.accounts.get(accountId);
    return account ? { account: accountLabel(account) } : {};
  }

  async function compose(job: Job<Delivery>, chat: ChatSettings, audience: Audience): Promise<Composed | null> {
    const d = job.data;
    const view = async (currency: string, accountId?: number): Promise<AlertView> => ({
      lang: await deliveryLanguage(chats, d.chatId, chat),
      timeZone: chat.timeZone ?? ctx.defaultTimeZone,
      group: d.chatId < 0 || audience === 'masked',
      currency,
      ...(accountId === undefined ? {} : await accountShown(chat, accountId)),
    });
    switch (d.kind) {
      case 'paid': {
        // The records of the job's account in a chat several feed; the chat's own otherwise (as queued).
        const scope = d.scoped ? d.ownerId : undefined;
        // Drop the orders another job (push vs poll, a summary vs a single alert) already delivered here.
        const marks = d.orders.map((o) => paidMark(o.id, scope));
        const sent = await ledger.sentAmong(d.chatId, marks);
        // The chat's filters and quiet hours: some are left out or held (and marked handled), the rest sent now.
        const { orders: left, silent } = await gate.paid(
          d.chatId,
          chat,
          d.orders.filter((_, i) => !sent.has(marks[i]!)),
          scope,
        );
        if (left.length === 0) return null;
        const shown = await view(d.currency, d.ownerId);
        const [single] = left.length === 1 ? left : [];
        const keyboard = single ? alertKeyboard(single, d.login, shown.lang) : undefined;
        const extras = single ? await extrasOf(d.ownerId, d.chatId, single, shown.timeZone) : undefined;
        return {
          parts: [
            {
              html: renderPaid(left, shown, extras, chat.alertPrefs?.template),
              ...(keyboard ? { keyboard } : {}),
              marks: left.map((o) => paidMark(o.id, scope)),
              silent,
            },
          ],
        };
      }
      case 'refund':
      case 'cancel': {
        const mark = scopedMark(`${d.kind}${idPart(d.order.id)}`, d.scoped ? d.ownerId : undefined);
        if ((await ledger.sentAmong(d.chatId, [mark])).size > 0) return null;
        return { parts: [{ html: renderStatusAlert(d.kind, d.order, await view(d.currency, d.ownerId)), marks: [mark], silent: gate.quietNow(chat) }] };
      }
      case 'held': {
        const mark = `j${idPart(job.id ?? '')}`;
        if ((await ledger.sentAmong(d.chatId, [mark])).size > 0) return null;
        const summary = await gate.heldSummary(d.chatId, chat, d.windowEnd, await view(d.currency));
        return summary && { parts: [{ html: summary, marks: [mark] }] };
      }
      case 'paused':
      case 'resumed':
      case 'notice': {
        const mark = `j${idPart(job.id ?? '')}`;
        if ((await ledger.sentAmong(d.chatId, [mark])).size > 0) return null;
        const html =
          d.kind === 'notice'
            ? d.html
            : d.kind === 'resumed'
              ? renderResumedNotice(d.login, await deliveryLanguage(chats, d.chatId, chat))
              : renderPausedNotice(d.reason, d.login, await deliveryLanguage(chats, d.chatId, chat), d.resumesByItself === true);
        return { parts: [{ html, marks: [mark] }] };
      }
      case 'digest': {
        const mark = `j${idPart(job.id ?? '')}`;
        if (!d.chart) return unsent(d.chatId, [{ html: d.html, marks: [mark] }]);
        // Drawn when sent, in the chat's language of this moment, from the numbers the job carries.
        const figures = d.chart;
        const lang = await deliveryLanguage(chats, d.chatId, chat);
        const look = { lang, currency: ACCOUNT_CURRENCY, theme: 'light' as const };
        // A chat fed by several accounts: each account's part of every bar, named (digest.ts).
        const parts = d.accounts;
        const photo = () => (parts && parts.length > 1 ? renderAccountsChart(parts, look) : renderChartFigures(figures, look));
        return unsent(d.chatId, digestParts(d.html, photo, mark, `${mark}c`));
      }
      case 'report': {
        // The text first, then the chart; each part is marked on its own so that neither is sent twice.
        const mark = `j${idPart(job.id ?? '')}`;
        return unsent(d.chatId, [
          { html: d.html, marks: [mark] },
          { photo: () => renderRevenueChart(fromChartData(d.chart)), caption: d.caption, marks: [`${mark}c`] },
        ]);
      }
    }
  }

  function sendPart(chatId: number, part: Part): Promise<unknown> {
    return 'html' in part
      ? ctx.gateway.sendHtml(chatId, part.html, { ...(part.keyboard ? { keyboard: part.keyboard } : {}), ...(part.silent ? { silent: true } : {}) })
      : ctx.gateway.sendPhoto(chatId, { filename: 'chart.png', content: part.photo() }, part.caption);
  }

  /** Sends; a group that became a supergroup is followed to its new id once. */
  async function send(chatId: number, part: Part): Promise<number> {
    try {
      await sendPart(chatId, part);
      return chatId;
    } catch (err) {
      if (err instanceof TelegramBadRequest && err.migrateToChatId !== undefined) {
        const to = err.migrateToChatId;
        logger.info({ from: chatId, to }, 'chat migrated to a supergroup; moving its settings');
        await hooks.chatMigrated(chatId, to);
        await sendPart(to, part);
        return to;
      }
      throw err;
    }
  }

  async function deliver(job: Job<Delivery>, token: string | undefined): Promise<string> {
    const d = job.data;
    const chat = await chats.get(d.chatId);
    if (chat.inactive) return 'chat-gone';
    // Access is checked again at send time: the group may have been unbound since this was queued.
    if (!(await hooks.mayDeliver(d, chat))) {
      logger.info({ jobId: job.id, kind: d.kind, chatId: d.chatId }, 'delivery dropped: the chat may no longer read this account');
      return 'not-allowed';
    }
    // An alert of an account whose alerts were stopped in this chat since it was queued (the others' go on).
    if ((d.kind === 'paid' || d.kind === 'refund' || d.kind === 'cancel') && !chatAccounts(chat).includes(d.ownerId)) {
      logger.info({ jobId: job.id, kind: d.kind, chatId: d.chatId }, 'delivery dropped: the account no longer feeds the chat');
      return 'not-fed';
    }
    // The reader's role, as it is now, decides what they see: a removed member nothing, a viewer masked contacts.
    const audience = await audienceOf(ctx.team, d, chat);
    if (audience === 'none') return 'no-access';

    // One sender per chat at a time, and a pause after each message: Telegram's per-chat limits.
    const lock = `send:${d.chatId}`;
    const lockToken = randomUUID();
    if (!(await locks.tryAcquire(lock, lockToken, SEND_LOCK_MS))) {
      // The lock's TTL is the pace after a send, or the crash guard while a send is in flight: in that case
      // look again after one pace period instead of waiting out the whole guard.
      const wait = Math.max(Math.min(await locks.remainingMs(lock), paceFor(d.chatId)), 50);
      // A little jitter so that a burst of jobs for one chat does not wake up all at the same instant.
      await job.moveToDelayed(Date.now() + wait + Math.floor(Math.random() * 250), token);
      throw new DelayedError();
    }
    // How long the chat stays quiet after this job: a pace after a send, retry_after after a 429, none otherwise.
    let quietMs = 0;
    try {
      const message = await compose(job, chat, audience);
      if (!message) return 'already-sent';
      quietMs = paceFor(d.chatId);
      // After a migration the rest of the parts go straight to the supergroup.
      let to = d.chatId;
      for (const part of message.parts) {
        let sentTo: number;
        try {
          sentTo = await send(to, part);
        } catch (err) {
          if (err instanceof TelegramRateLimited) {
            // Honour retry_after for this job and keep every other job for this chat quiet as long.
            quietMs = Math.max(err.retryAfter * 1000, quietMs);
            await job.moveToDelayed(Date.now() + quietMs, token);
            throw new DelayedError();
          }
          if (err instanceof ChatGone) {
            await hooks.chatGone(d.chatId, err.message);
            throw new UnrecoverableError(`chat ${d.chatId} is gone: ${err.message}`);
          }
          if (err instanceof TelegramBadRequest || err instanceof OutboundRefused) {
            // Our bug (bad HTML, too long): retrying sends the same bad request.
            throw new UnrecoverableError(`Telegram refused the message for chat ${d.chatId}: ${err.message}`);
          }
          throw err; // 5xx, network: retried with backoff
        }
        // Telegram has the message now. If Redis is down this very moment, failing the job would make its
        // retry send the message again: keep trying to record it until Redis is back (or the deadline).
        await untilRecorded(async () => {
          await ledger.markSent(d.chatId, part.marks);
          if (sentTo !== d.chatId) await ledger.markSent(sentTo, part.marks);
        });
        to = sentTo;
      }
      return 'sent';
    } finally {
      // Keep the lock as the pace: it expires when the next message to this chat may go.
      await (quietMs > 0 ? locks.renew(lock, lockToken, quietMs) : locks.release(lock, lockToken)).catch(() => undefined);
    }
  }

  return async (job: Job<Delivery>, token?: string): Promise<string> => {
    try {
      const outcome = await deliver(job, token);
      // Done: the job is kept a while for its id (dedupe), without the buyers' contacts.
      await forgetBuyers(job).catch((e: unknown) => logger.warn({ err: e, jobId: job.id }, 'could not clear a finished delivery'));
      return outcome;
    } catch (err) {
      if (err instanceof DelayedError) throw err;
      const lastAttempt = err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt) {
        logger.error({ err, jobId: job.id, kind: job.data.kind, chatId: job.data.chatId }, 'delivery given up');
        await hooks.gaveUp(job.data, err).catch((e: unknown) => logger.error({ err: e }, 'delivery give-up hook failed'));
        await forgetBuyers(job).catch((e: unknown) => logger.warn({ err: e, jobId: job.id }, 'could not clear a given-up delivery'));
      } else {
        logger.warn({ err, jobId: job.id, kind: job.data.kind, chatId: job.data.chatId, attempt: job.attemptsMade + 1 }, 'delivery failed; will retry');
      }
      throw err;
    }
  };
}

/**
 * The digest's messages: with a chart, the picture with the digest as its caption when that fits
 * Telegram's 1024 characters, else the text and then the picture (each with its own sent-mark).
 */
function digestParts(text: Html, photo: () => Buffer, mark: string, chartMark: string): Part[] {
  if (visibleLength(text) <= CAPTION_LIMIT) return [{ photo, caption: text, marks: [mark, chartMark] }];
  return [
    { html: text, marks: [mark] },
    { photo, marks: [chartMark] },
  ];
}
