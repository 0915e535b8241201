// The poller: one "tick" job per ALERT_POLL_SECONDS fans out one poll job per watched account; a poll job
// asks JustClick for recently paid orders and hands them to enqueueAlerts. Accounts JustClick refuses are paused.
import type { Job } from 'bullmq';
import { localDay } from '../domain/calendar.js';
import { isJustClickError, type JustClickError, type JustClickErrorKind } from '../justclick/errors.js';
import type { LinkedAccount } from '../store/accounts.js';
import type { AlertService } from './alerts.js';
import type { EngineContext } from './context.js';
import { deliveryJobOptions, jobIds, pollJobOptions, type PollJob } from './queues.js';
import { JUSTCLICK_TIME_ZONE, unixSeconds } from '../domain/justclick.js';

const DAY_MS = 86_400_000;
/** Never further back than this, even after a long outage: the ledger remembers 36 days. */
const MAX_LOOKBACK_MS = 35 * DAY_MS;
/** Re-read a little before the last check: JustClick may stamp a payment slightly before it shows it. */
const OVERLAP_MS = 10 * 60_000;
/** JustClick answering "limit reached / API off" for this long in a row pauses the account. */
const LIMITED_PAUSE_MS = 60 * 60_000;

/** Errors that no retry can fix: the owner has to change something and /link again. */
const FATAL: ReadonlySet<JustClickErrorKind> = new Set(['wrong-key', 'unknown-login', 'account-disabled', 'ip-denied']);

/**
 * The paid-orders window of one check: from min(last check − overlap, start of yesterday in Moscow),
 * but not more than 35 days back, up to now. Yesterday is always re-read because JustClick works in
 * whole Moscow days and a payment may be stamped earlier than it becomes visible.
 */
export function pollWindow(now: Date, lastCheck: Date | null): { from: Date; to: Date } {
  const yesterday = localDay(now, JUSTCLICK_TIME_ZONE, -1).from.getTime();
  const from = lastCheck === null ? yesterday : Math.min(lastCheck.getTime() - OVERLAP_MS, yesterday);
  return { from: new Date(Math.max(from, now.getTime() - MAX_LOOKBACK_MS)), to: now };
}

export type PollOutcome = 'no-account' | 'paused' | 'not-watched' | 'checked' | 'failed';

export function createPollProcessor(ctx: EngineContext, alerts: AlertService) {
  const { accounts, watch, queues, logger } = ctx;

  /** Fans out one poll per watched account. Job ids carry the tick, so a re-run of this tick adds nothing new. */
  async function tick(job: Job): Promise<number> {
    const tickId =
      String(job.id ?? Date.now())
        .split(':')
        .pop() ?? String(Date.now());
    let count = 0;
    for await (const owners of watch.batches(1000)) {
      await queues.poll.addBulk(
        owners.map((ownerId) => ({ name: 'poll', data: { ownerId }, opts: { ...pollJobOptions, jobId: jobIds.poll(ownerId, tickId) } })),
      );
      count += owners.length;
    }
    return count;
  }

  async function pause(account: LinkedAccount, kind: JustClickErrorKind, now: Date): Promise<void> {
    const { ownerId } = account;
    const at = unixSeconds(now);
    await accounts.pause(ownerId, at);
    logger.warn({ ownerId, login: account.creds.login, kind }, 'alerts paused for account');
    if (!(await watch.claimPauseNotice(ownerId))) return;
    // The owner's private chat has the owner's user id.
    await queues.delivery.add(
      'paused',
      { kind: 'paused', chatId: ownerId, ownerId, login: account.creds.login, reason: kind },
      { ...deliveryJobOptions, jobId: jobIds.paused(ownerId, at) },
    );
  }

  async function failed(account: LinkedAccount, err: JustClickError, now: Date): Promise<void> {
    const { ownerId } = account;
    await accounts.markError(ownerId, { kind: err.kind, message: err.message }, unixSeconds(now));
    if (FATAL.has(err.kind)) return pause(account, err.kind, now);
    if (err.kind === 'api-limited') {
      const since = await watch.limitedSince(ownerId, now);
      if (now.getTime() - since.getTime() > LIMITED_PAUSE_MS) return pause(account, err.kind, now);
    }
    logger.warn({ ownerId, login: account.creds.login, kind: err.kind, err: err.message }, 'alert check failed; the next tick retries');
  }

  async function poll(ownerId: number): Promise<PollOutcome> {
    const account = await accounts.get(ownerId);
    if (!account) {
      await watch.remove(ownerId);
      return 'no-account';
    }
    if (account.pausedAt !== undefined) return 'paused';
    if (!(await alerts.refreshWatch(ownerId))) return 'not-watched';

    const now = ctx.now();
    const { from, to } = pollWindow(now, await watch.lastCheck(ownerId));
    let orders;
    try {
      orders = await ctx.client.fetchOrders(account.creds, { from, to, paidOnly: true, goods: [] }, ctx.ordersMethod);
    } catch (err) {
      if (!isJustClickError(err)) throw err;
      await failed(account, err, now);
      return 'failed';
    }
    await alerts.enqueueAlerts(account, orders, 'poll');
    // Only once the alerts are queued does this check count: a crash before here re-reads the same window.
    await watch.checked(ownerId, now);
    await accounts.markOk(ownerId, unixSeconds(now));
    return 'checked';
  }

  return async (job: Job<PollJob['data']>): Promise<unknown> => {
    if (job.name === 'tick') return tick(job);
    const { ownerId } = job.data as { ownerId: number };
    return poll(ownerId);
  };
}
