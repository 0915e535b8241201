// The account checks exactly as main made them before #14's cheaper checks (src/jobs/poll.ts at fb4a33a, the
// processor only: the window, the pauses and the batching it shares are imported unchanged). The polling benchmark
// runs it beside today's checks in the same run (assemble's `baselineChecks`), so its ratios compare like with like.
// It calls the same stores, one command at a time, with the store connections not auto-pipelined, as then.
import type { Job } from 'bullmq';
import { nextCheck } from '../../src/domain/poll-pace.js';
import { unixSeconds } from '../../src/domain/justclick.js';
import type { AlertService } from '../../src/jobs/alerts.js';
import type { EngineContext } from '../../src/jobs/context.js';
import { limitPauseMs, pollWindow, type PollDeps, type PollOutcome, type PollProcessorFactory } from '../../src/jobs/poll.js';
import { deliveryJobOptions, jobIds, pollJobOptions, type PollJob } from '../../src/jobs/queues.js';
import { ordersCalls } from '../../src/justclick/client.js';
import { isJustClickError, type JustClickError, type JustClickErrorKind } from '../../src/justclick/errors.js';
import type { LinkedAccount } from '../../src/store/accounts.js';
import type { PollPaceStore } from '../../src/store/poll-pace.js';

const LIMITED_PAUSE_MS = 60 * 60_000;
const CLAIM_CHUNK = 1_000;
const FATAL: ReadonlySet<JustClickErrorKind> = new Set(['wrong-key', 'unknown-login', 'account-disabled', 'ip-denied']);

export const checkBefore: PollProcessorFactory = (ctx: EngineContext, alerts: AlertService, deps: PollDeps) => {
  const { accounts, watch, queues, logger } = ctx;
  const { pace, budgets, intervals } = deps;
  const later = (now: Date, ms: number) => new Date(now.getTime() + ms);

  /**
   * Schedules newly watched accounts, then fans out those due before the next tick, in batches: an account is
   * checked at the first tick less than an interval before it falls due, so one polled every interval is checked at every tick, even
   * when ticks come a little early (or, in tests, the engine's clock stands still). Claimed accounts are leased,
   * so a re-run of this tick, or an overlapping one, adds nothing new; job ids carry the tick for the same reason.
   */
  async function tick(job: Job): Promise<number> {
    const tickId =
      String(job.id ?? Date.now())
        .split(':')
        .pop() ?? String(Date.now());
    const now = ctx.now();
    for await (const owners of watch.batches(CLAIM_CHUNK)) await pace.enrol(owners, now);
    let count = 0;
    const by = later(now, intervals.pollMs);
    // The lease ends just past the horizon: the next chunk of this tick does not take the same accounts again, but
    // the next tick does if their check has not rescheduled them by then, as before #14: a check hanging on
    // JustClick for minutes must not hold the account's alerts back once JustClick answers again.
    const leaseUntil = later(by, 1);
    for (let chunk = 0; ; chunk++) {
      const due = await pace.claimDue(by, leaseUntil, CLAIM_CHUNK);
      const jobs = [];
      for (let i = 0; i < due.length; i += deps.batch) {
        const ownerIds = due.slice(i, i + deps.batch);
        jobs.push({ name: 'poll', data: { ownerIds }, opts: { ...pollJobOptions, jobId: jobIds.poll(chunk * CLAIM_CHUNK + i, tickId) } });
      }
      if (jobs.length > 0) await queues.poll.addBulk(jobs);
      count += due.length;
      if (due.length < CLAIM_CHUNK) return count;
    }
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
      await pace.forget(ownerId);
      return 'no-account';
    }
    const now = ctx.now();
    const retry = () => pace.dueAt(ownerId, later(now, intervals.pollMs));
    // A pause until /link has no resumeAt; a limit pause is over once resumeAt has come.
    if (account.pausedAt !== undefined && (account.resumeAt === undefined || unixSeconds(now) < account.resumeAt)) {
      await retry();
      return 'paused';
    }
    if (!(await alerts.refreshWatch(ownerId))) {
      await pace.forget(ownerId);
      return 'not-watched';
    }

    const [lastCheck, facts] = await Promise.all([watch.lastCheck(ownerId), pace.facts(ownerId)]);
    const query = { ...pollWindow(now, lastCheck), paidOnly: true, goods: [] };
    // Polls take from the account's budget only what its users leave: a busy account waits, its commands do not.
    const waitMs = await budgets.spendForPoll(account.creds, ordersCalls(query, ctx.ordersMethod).length, now);
    if (waitMs > 0) {
      await pace.dueAt(ownerId, later(now, Math.max(waitMs, intervals.pollMs)));
      logger.info({ ownerId, waitMs }, 'alert check put off: the account has spent its JustClick budget');
      return 'deferred';
    }
    let orders;
    try {
      orders = await ctx.client.fetchOrders(account.creds, query, ctx.ordersMethod);
    } catch (err) {
      if (!isJustClickError(err)) throw err;
      await failed(account, err, now);
      await retry();
      return 'failed';
    }
    // Told before the orders paid during the pause arrive; the window below still reaches back to the last check.
    if (account.pausedAt !== undefined) await resumed(account, now);
    const { queued } = await alerts.enqueueAlerts(account, orders, 'poll');
    // Only once the alerts are queued does this check count: a crash before here re-reads the same window.
    await watch.checked(ownerId, now);
    await accounts.markOk(ownerId, unixSeconds(now));
    await scheduleNext(account, facts, orders, queued > 0, now);
    return 'checked';
  }

  /**
   * Learns from the check (the newest sale; whether it found an order the push should have brought) and
   * schedules the next one. The first check of an account counts as its newest sale, so a new account starts fast.
   */
  async function scheduleNext(
    account: LinkedAccount,
    facts: Awaited<ReturnType<PollPaceStore['facts']>>,
    orders: readonly { paid: number | null; payStatus: string }[],
    alerted: boolean,
    now: Date,
  ): Promise<void> {
    const newestPaid = Math.max(0, ...orders.map((o) => (o.payStatus === 'paid' && o.paid !== null ? o.paid * 1000 : 0)));
    const saleAt = Math.max(facts.saleAt ?? now.getTime(), newestPaid);
    // Alerted by a poll means no push brought it: only news for an account whose pushes have come before.
    const missedAt = alerted && account.lastPushAt !== undefined ? now.getTime() : facts.missedAt;
    await pace.remember(account.ownerId, missedAt === undefined ? { saleAt } : { saleAt, missedAt });
    const activity = {
      lastSaleAt: saleAt,
      ...(account.lastPushAt !== undefined ? { lastPushAt: account.lastPushAt * 1000 } : {}),
      ...(missedAt !== undefined ? { pushMissedAt: missedAt } : {}),
    };
    await pace.dueAt(account.ownerId, later(now, nextCheck(activity, now, intervals).inMs));
  }

  /** A batch's checks run side by side; one account's failure is logged and does not hold up the others. */
  async function pollBatch(ownerIds: number[]): Promise<Record<PollOutcome, number>> {
    const outcomes = await Promise.all(
      ownerIds.map((ownerId) =>
        poll(ownerId).catch((err: unknown) => {
          logger.error({ ownerId, err: { message: (err as Error).message } }, 'alert check failed unexpectedly; the next tick retries');
          return 'failed' as const;
        }),
      ),
    );
    const counts = { 'no-account': 0, paused: 0, 'not-watched': 0, checked: 0, failed: 0, deferred: 0 };
    for (const o of outcomes) counts[o]++;
    return counts;
  }

  return async (job: Job<PollJob['data']>): Promise<unknown> => {
    if (job.name === 'tick') return tick(job);
    const data = job.data as { ownerIds?: number[]; ownerId?: number };
    // `ownerId`: a job queued by a replica from before batches.
    return pollBatch(data.ownerIds ?? (data.ownerId !== undefined ? [data.ownerId] : []));
  };
};
