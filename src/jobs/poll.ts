// The poller: one "tick" job per ALERT_POLL_SECONDS takes the watched accounts that are due and fans them out in
// batches, one poll job per batch; each check asks JustClick for recently paid orders, hands them to
// enqueueAlerts and says when the account is due next (src/domain/poll-pace.ts: rarely while its push works,
// less often while it sells nothing). Accounts JustClick refuses are paused until /link; accounts over
// JustClick's request limit are paused with back-off and resume by themselves.
import type { Job } from 'bullmq';
import { localDay } from '../domain/calendar.js';
import { nextCheck, type PollPace } from '../domain/poll-pace.js';
import { ordersCalls } from '../justclick/client.js';
import { isJustClickError, type JustClickError, type JustClickErrorKind } from '../justclick/errors.js';
import type { LinkedAccount } from '../store/accounts.js';
import type { RequestBudgets } from '../store/budgets.js';
import type { CheckEnd } from '../store/check-end.js';
import type { CheckStart } from '../store/check-start.js';
import type { PaceFacts, PollPaceStore } from '../store/poll-pace.js';
import type { Order } from '../justclick/types.js';
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

export type PollOutcome = 'no-account' | 'paused' | 'not-watched' | 'checked' | 'failed' | 'deferred';

/** A check that has its JustClick answer: what its second half needs. */
interface FetchedOrders {
  account: LinkedAccount;
  facts: PaceFacts;
  /** The chats the account's set listed at the start of the check; their settings are read in the second half. */
  listedChats: string[];
  now: Date;
  orders: Order[];
}
/** A check's first half ends with the answer, or with the outcome when there was nothing to ask. */
type Fetched = FetchedOrders | PollOutcome;

/** Answers that come within this long of the first of them are finished together (see pollBatch). */
const WAVE_MS = 250;

/**
 * The results in groups, as they come: a group is every result there is once WAVE_MS have passed since the first
 * of it came (or as soon as all have come). The promises must not reject.
 */
export async function* waves<T>(promises: readonly Promise<T>[], windowMs: number): AsyncGenerator<T[]> {
  const ready: T[] = [];
  let pending = promises.length;
  let wake: (() => void) | undefined;
  for (const p of promises)
    void p.then((value) => {
      ready.push(value);
      pending--;
      wake?.();
    });
  while (pending > 0 || ready.length > 0) {
    if (ready.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    if (pending > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, windowMs);
        wake = () => {
          if (pending > 0) return;
          clearTimeout(timer);
          resolve();
        };
      });
    }
    wake = undefined;
    yield ready.splice(0);
  }
}

/** Checks a replica keeps in flight unless told otherwise (the engine's pollConcurrency). */
export const DEFAULT_POLL_CONCURRENCY = 100;

/** The most accounts one poll job checks: BullMQ's per-job work and a batch's Redis writes spread over them (#14). */
const MAX_POLL_BATCH = 50;

/**
 * Accounts per poll job for a replica keeping `pollConcurrency` checks in flight: up to 50, and no more than half of
 * pollConcurrency, so that the worker runs at least four jobs (twice pollConcurrency ÷ batch; two when it is 1): a
 * job lasts as long as its slowest check, and the others keep the replica busy meanwhile. The default 100 makes four
 * jobs of 50.
 */
export function pollBatchFor(pollConcurrency: number): number {
  return Math.max(1, Math.min(MAX_POLL_BATCH, Math.floor(pollConcurrency / 2)));
}

/** How many due accounts the tick takes from Redis at a time. */
const CLAIM_CHUNK = 1_000;

/** What the poller needs beyond the engine's context: the schedule of due accounts and the shared JustClick budget. */
export interface PollDeps {
  pace: PollPaceStore;
  checkStart: Pick<CheckStart, 'read'>;
  checkEnd: Pick<CheckEnd, 'checked' | 'checkedUnlessNew'>;
  budgets: Pick<RequestBudgets, 'spendForPoll'>;
  /** ALERT_POLL_SECONDS and ALERT_RECONCILE_SECONDS, in ms. */
  intervals: PollPace;
  /** Accounts per poll job (pollBatchFor). */
  batch: number;
}

export function createPollProcessor(ctx: EngineContext, alerts: AlertService, deps: PollDeps) {
  const { accounts, chats, watch, queues, logger } = ctx;
  const { pace, checkStart, checkEnd, budgets, intervals, batch } = deps;
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
      for (let i = 0; i < due.length; i += batch) {
        const ownerIds = due.slice(i, i + batch);
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

  /**
   * A check's first half: the account and what the checks before learned, the budget, the JustClick call. Every
   * account of a batch goes through it side by side, so each step's Redis commands leave in one write (#14).
   */
  async function fetchFor(ownerId: number): Promise<Fetched> {
    // The account, its last check, its pace facts and the chats it feeds in one call (#14).
    const { account, lastCheck, facts, listedChats } = await checkStart.read(ownerId);
    if (!account) {
      await Promise.all([watch.remove(ownerId), pace.forget(ownerId)]);
      return 'no-account';
    }
    const now = ctx.now();
    // A pause until /link has no resumeAt; a limit pause is over once resumeAt has come.
    if (account.pausedAt !== undefined && (account.resumeAt === undefined || unixSeconds(now) < account.resumeAt)) {
      await pace.dueAt(ownerId, later(now, intervals.pollMs));
      return 'paused';
    }
    const query = { ...pollWindow(now, lastCheck), paidOnly: true, goods: [] };
    // Polls take from the account's budget only what its users leave: a busy account waits, its commands do not.
    const waitMs = await budgets.spendForPoll(account.creds, ordersCalls(query, ctx.ordersMethod).length, now);
    if (waitMs > 0) {
      await pace.dueAt(ownerId, later(now, Math.max(waitMs, intervals.pollMs)));
      logger.info({ ownerId, waitMs }, 'alert check put off: the account has spent its JustClick budget');
      return 'deferred';
    }
    try {
      return { account, facts, listedChats, now, orders: await ctx.client.fetchOrders(account.creds, query, ctx.ordersMethod) };
    } catch (err) {
      if (!isJustClickError(err)) throw err;
      await failed(account, err, now);
      await pace.dueAt(ownerId, later(now, intervals.pollMs));
      return 'failed';
    }
  }

  /**
   * The second half, for the accounts whose answers came together: the settings of the chats they feed, read now (an
   * account no chat follows any more leaves the schedule, its answer unused), the alerts, and the bookkeeping. A chat
   * that began to follow the account during the call is seen by the next check; switching alerts on there has made
   * what was paid before it history anyway.
   */
  async function finish({ account, facts, listedChats, now, orders }: FetchedOrders): Promise<PollOutcome> {
    const { ownerId } = account;
    let fed = await chats.fedAmong(ownerId, listedChats);
    if (!alerts.followed(ownerId, fed)) {
      // Out of the watch list, unless alerts were switched on somewhere in between (refreshWatch looks twice).
      if (!(await alerts.refreshWatch(ownerId))) {
        await pace.forget(ownerId);
        return 'not-watched';
      }
      fed = await chats.fedBy(ownerId);
    }
    // Told before the orders paid during the pause arrive; the window still reached back to the last check.
    if (account.pausedAt !== undefined) await resumed(account, now);
    // Only once the alerts are queued does this check count: a crash before here re-reads the same window. A check
    // that finds nothing new ends with the ledger reads that find it so, in one call on one Redis (#14).
    const quiet = learned(account, facts, orders, false, now);
    const { queued, ended } = await alerts.enqueueAlerts(account, orders, 'poll', fed, (reads) =>
      checkEnd.checkedUnlessNew(ownerId, now, quiet.facts, quiet.next, reads),
    );
    if (!ended) {
      const { facts: found, next } = queued > 0 ? learned(account, facts, orders, true, now) : quiet;
      await checkEnd.checked(ownerId, now, found, next);
    }
    return 'checked';
  }

  /**
   * What a check learned (the newest sale; whether it found an order the push should have brought) and when the next
   * one is due. The first check of an account counts as its newest sale, so a new account starts fast.
   */
  function learned(
    account: LinkedAccount,
    facts: PaceFacts,
    orders: readonly { paid: number | null; payStatus: string }[],
    alerted: boolean,
    now: Date,
  ): { facts: PaceFacts; next: Date } {
    const newestPaid = Math.max(0, ...orders.map((o) => (o.payStatus === 'paid' && o.paid !== null ? o.paid * 1000 : 0)));
    const saleAt = Math.max(facts.saleAt ?? now.getTime(), newestPaid);
    // Alerted by a poll means no push brought it: only news for an account whose pushes have come before.
    const missedAt = alerted && account.lastPushAt !== undefined ? now.getTime() : facts.missedAt;
    const activity = {
      lastSaleAt: saleAt,
      ...(account.lastPushAt !== undefined ? { lastPushAt: account.lastPushAt * 1000 } : {}),
      ...(missedAt !== undefined ? { pushMissedAt: missedAt } : {}),
    };
    return { facts: missedAt === undefined ? { saleAt } : { saleAt, missedAt }, next: later(now, nextCheck(activity, now, intervals).inMs) };
  }

  /**
   * A batch's checks run side by side, and the answers that come within WAVE_MS of each other are finished
   * together: their Redis work leaves in a few writes instead of a dozen per account (#14), while an account whose
   * JustClick is slow holds the others back by WAVE_MS at most. One account's failure is logged and does not hold
   * up the others.
   */
  async function pollBatch(ownerIds: number[]): Promise<Record<PollOutcome, number>> {
    const counts = { 'no-account': 0, paused: 0, 'not-watched': 0, checked: 0, failed: 0, deferred: 0 };
    const guarded = <T>(ownerId: number, step: Promise<T>): Promise<T | 'failed'> =>
      step.catch((err: unknown) => {
        logger.error({ ownerId, err: { message: (err as Error).message } }, 'alert check failed unexpectedly; the next tick retries');
        return 'failed' as const;
      });
    const fetched = ownerIds.map((ownerId) => guarded(ownerId, fetchFor(ownerId)).then((f) => ({ ownerId, f })));
    for await (const wave of waves(fetched, WAVE_MS)) {
      const outcomes = await Promise.all(wave.map(({ ownerId, f }) => (typeof f === 'string' ? f : guarded(ownerId, finish(f)))));
      for (const o of outcomes) counts[o]++;
    }
    return counts;
  }

  return async (job: Job<PollJob['data']>): Promise<unknown> => {
    if (job.name === 'tick') return tick(job);
    const data = job.data as { ownerIds?: number[]; ownerId?: number };
    // `ownerId`: a job queued by a replica from before batches.
    return pollBatch(data.ownerIds ?? (data.ownerId !== undefined ? [data.ownerId] : []));
  };
}

/** What the engine's poll worker runs; the benchmark swaps in its frozen baseline (bench/support/check-before.ts). */
export type PollProcessorFactory = (ctx: EngineContext, alerts: AlertService, deps: PollDeps) => (job: Job<PollJob['data']>) => Promise<unknown>;
