// The poller: one "tick" job per ALERT_POLL_SECONDS fans out one poll job per watched account; a poll job
// asks JustClick for recently paid orders and hands them to enqueueAlerts. Accounts JustClick refuses are paused
// until /link; accounts over JustClick's request limit are paused with back-off and resume by themselves.
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
/** A limit pause lasts 15 minutes, then each one in a row twice as long, at most 6 hours; then polling tries again. */
const LIMIT_PAUSE_FIRST_MS = 15 * 60_000;
const LIMIT_PAUSE_MAX_MS = 6 * 60 * 60_000;

/** How long the `pauses`-th limit pause in a row lasts (1 for the first): 15 min, 30, 1 h, 2 h, 4 h, 6 h, 6 h … */
export function limitPauseMs(pauses: number): number {
  return Math.min(LIMIT_PAUSE_MAX_MS, LIMIT_PAUSE_FIRST_MS * 2 ** Math.max(0, pauses - 1));
}

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

  /** Pauses polling: until /link, or with `pauses` (limit pauses in a row) until the back-off has passed. */
  async function pause(account: LinkedAccount, kind: JustClickErrorKind, now: Date, pauses?: number): Promise<void> {
    const { ownerId } = account;
    const at = unixSeconds(now);
    const resume = pauses === undefined ? undefined : { at: unixSeconds(new Date(now.getTime() + limitPauseMs(pauses))), pauses };
    await accounts.pause(ownerId, at, resume);
    logger.warn({ ownerId, login: account.creds.login, kind, resumeAt: resume?.at }, 'alerts paused for account');
    // Once per episode: a limit pause that is prolonged at its retry is not news.
    if (!(await watch.claimPauseNotice(ownerId))) return;
    // The owner's private chat has the owner's user id.
    await queues.delivery.add(
      'paused',
      { kind: 'paused', chatId: account.linkedBy, ownerId, login: account.creds.login, reason: kind, ...(resume ? { resumesByItself: true } : {}) },
      { ...deliveryJobOptions, jobId: jobIds.paused(ownerId, at) },
    );
  }

  /** A check succeeded on a paused account (its limit pause was over): polling goes on, the owner is told once. */
  async function resumed(account: LinkedAccount, now: Date): Promise<void> {
    const { ownerId } = account;
    if (!(await accounts.resume(ownerId))) return;
    logger.info({ ownerId, login: account.creds.login }, 'alerts resumed for account');
    const at = unixSeconds(now);
    await queues.delivery.add(
      'resumed',
      { kind: 'resumed', chatId: account.linkedBy, ownerId, login: account.creds.login },
      { ...deliveryJobOptions, jobId: jobIds.resumed(ownerId, at) },
    );
  }

  async function failed(account: LinkedAccount, err: JustClickError, now: Date): Promise<void> {
    const { ownerId } = account;
    await accounts.markError(ownerId, { kind: err.kind, message: err.message }, unixSeconds(now));
    if (FATAL.has(err.kind)) return pause(account, err.kind, now);
    // Only a signed "limit reached" (error 8 with a verified hash) is api-limited: an HTTP 429 or an answer
    // that does not verify is not, so nobody but JustClick, speaking for this key, can pause the account.
    if (err.kind === 'api-limited') {
      // The retry after a limit pause met the limit again: pause again, longer.
      if (account.pausedAt !== undefined) return pause(account, err.kind, now, (account.limitPauses ?? 0) + 1);
      const since = await watch.limitedSince(ownerId, now);
      if (now.getTime() - since.getTime() > LIMITED_PAUSE_MS) return pause(account, err.kind, now, 1);
    }
    logger.warn({ ownerId, login: account.creds.login, kind: err.kind, err: err.message }, 'alert check failed; the next tick retries');
  }

  async function poll(ownerId: number): Promise<PollOutcome> {
    const account = await accounts.get(ownerId);
    if (!account) {
      await watch.remove(ownerId);
      return 'no-account';
    }
    const now = ctx.now();
    // A pause until /link has no resumeAt; a limit pause is over once resumeAt has come.
    if (account.pausedAt !== undefined && (account.resumeAt === undefined || unixSeconds(now) < account.resumeAt)) return 'paused';
    if (!(await alerts.refreshWatch(ownerId))) return 'not-watched';

    const { from, to } = pollWindow(now, await watch.lastCheck(ownerId));
    let orders;
    try {
      orders = await ctx.client.fetchOrders(account.creds, { from, to, paidOnly: true, goods: [] }, ctx.ordersMethod);
    } catch (err) {
      if (!isJustClickError(err)) throw err;
      await failed(account, err, now);
      return 'failed';
    }
    // Told before the orders paid during the pause arrive; the window below still reaches back to the last check.
    if (account.pausedAt !== undefined) await resumed(account, now);
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
