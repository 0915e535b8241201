// The alert sweep: a repeating job (every ALERT_POLL_SECONDS, like the poll tick) that releases the orders held
// through quiet hours once they end, and starts the due silence checks. It reads the engine's clock, so a chat's
// release comes at its local end of quiet hours whatever replica runs it; job ids keep each release queued once.
import { namedAlert } from '../domain/alert.js';
import { accountLabel } from '../account-label.js';
import { chatAccounts } from '../store/chats.js';
import { recordsScope } from '../store/ledger.js';
import type { Job, Queue } from 'bullmq';
import { localDateOf, isoDate } from '../domain/calendar.js';
import { ACCOUNT_CURRENCY } from '../domain/format/money.js';
import { unixSeconds } from '../domain/justclick.js';
import { learnProfile, profileRange, silenceAlert } from '../domain/silence.js';
import { alertSettingsText } from '../domain/i18n/alert-settings.js';
import type { EngineContext } from './context.js';
import { onceFor } from './digest.js';
import { deliveryLanguage } from './language.js';
import { deliveryJobOptions, digestJobOptions, jobIds, type SilenceJob, type SummaryJob } from './queues.js';

/** Scheduler id of the sweep. */
export const ALERT_SWEEP = 'alert-sweep';
/** How often a chat's silence is looked at. */
const SILENCE_CHECK_SECONDS = 30 * 60;
/** A claim of the day's silence alert outlives the day. */
const SILENCE_CLAIM_SECONDS = 2 * 86_400;

/** Creates (or keeps) the sweep's schedule; every replica may call it, BullMQ keeps one. */
export async function upsertAlertSweep(queue: Queue<SummaryJob>, everySeconds: number): Promise<void> {
  await queue.upsertJobScheduler(
    ALERT_SWEEP,
    { every: everySeconds * 1000 },
    { name: ALERT_SWEEP, data: {}, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
  );
}

export function createAlertSweepProcessor(ctx: EngineContext) {
  const { holds, queues } = ctx;
  return async (): Promise<string> => {
    const now = unixSeconds(ctx.now());
    const releases = await holds.dueReleases(now);
    for (const due of releases) {
      // Queued first, unscheduled second: a crash in between queues the same job id again, which BullMQ ignores.
      await queues.delivery.add(
        'held',
        { kind: 'held', chatId: due.chatId, windowEnd: due.at, currency: ACCOUNT_CURRENCY },
        { ...deliveryJobOptions, jobId: jobIds.heldRelease(due.chatId, due.at) },
      );
      await holds.releaseQueued(due);
    }
    const checks = await holds.dueSilenceChecks(now);
    for (const due of checks) {
      await queues.digest.add('silence', { chatId: due.chatId }, { ...digestJobOptions, attempts: 1, jobId: jobIds.silenceCheck(due.chatId, due.at) });
      await holds.nextSilenceCheck(due.chatId, now + SILENCE_CHECK_SECONDS);
    }
    return `released ${releases.length}, silence checks ${checks.length}`;
  };
}

/**
 * One look at a chat's silence: the account's usual week (learned from four weeks of paid orders, cached a day),
 * the chat's last paid order (its alert ledger), and at most one message a local day, across replicas.
 */
export function createSilenceProcessor(ctx: EngineContext) {
  const { accounts, chats, holds, ledger, watch, queues, logger } = ctx;
  return async (job: Job<SilenceJob>): Promise<string> => {
    const { chatId } = job.data;
    const chat = await chats.get(chatId);
    if (!chat.alertPrefs?.silence || !chat.alerts?.on || chat.inactive || chat.ownerId === undefined) {
      await holds.watchSilence(chatId, null);
      return 'off';
    }
    const account = await accounts.get(chat.ownerId);
    if (!account || account.pausedAt !== undefined) return 'no-account';
    const now = ctx.now();
    // A silence means something only while JustClick is being checked: a stalled poller is no news about sales.
    const lastCheck = await watch.lastCheck(account.ownerId);
    if (!lastCheck || now.getTime() - lastCheck.getTime() > Math.max(3 * ctx.pollSeconds, 600) * 1000) {
      // No news yet, which is not silence: look again at the next sweep (a cheap look: no JustClick call).
      await holds.nextSilenceCheck(chatId, unixSeconds(now));
      return 'not-checked';
    }

    const timeZone = chat.timeZone ?? ctx.defaultTimeZone;
    // Per account: today an account is its owner's (several accounts per person will key it by their own id).
    const accountId = String(account.ownerId);
    let profile = await holds.profile(accountId, timeZone);
    if (!profile) {
      const range = profileRange(now, timeZone);
      const orders = await ctx.client.fetchOrders(account.creds, { ...range, paidOnly: true, goods: [] }, ctx.ordersMethod);
      profile = learnProfile(
        orders.filter((o) => o.payStatus === 'paid' && o.paid !== null).map((o) => o.paid!),
        range,
        timeZone,
      );
      await holds.saveProfile(accountId, timeZone, profile);
    }
    const silence = silenceAlert({
      profile,
      lastPaidAt: await ledger.latestPaidAt(chatId, recordsScope(chat, account.ownerId)),
      watchingSince: chat.alerts.since,
      now,
      timeZone,
      quiet: chat.alertPrefs.quiet,
    });
    if (!silence) return 'as-usual';
    const day = isoDate(localDateOf(now, timeZone));
    const claim = `silence:${chatId}:${day}`;
    const lang = await deliveryLanguage(chats, chatId, chat);
    const outcome = await onceFor(ctx, claim, SILENCE_CLAIM_SECONDS, async () => {
      await queues.delivery.add(
        'notice',
        {
          kind: 'notice',
          chatId,
          // The silence is the primary account's: named when the chat gets the alerts of several.
          html: namedAlert(
            chatAccounts(chat).length > 1 ? accountLabel(account) : undefined,
            alertSettingsText[lang].silence(silence.silentHours, silence.usualByNow, silence.weekday),
          ),
          claim,
        },
        { ...deliveryJobOptions, jobId: jobIds.silenceNotice(chatId, day) },
      );
    });
    if (outcome === 'queued') logger.info({ chatId, hours: silence.silentHours }, 'silence alert queued');
    return outcome;
  };
}
