// The alert and digest engine, assembled: three BullMQ queues and workers on the bot's Redis, the leader
// that owns the poll tick, and the service API the commands (/alerts, /digest, /status) and the HTTP push use
// (each side declares the part it needs; app.ts hands this engine to both).
import { createHash } from 'node:crypto';
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Order } from '../justclick/types.js';
import { AlertHolds } from '../store/alert-holds.js';
import { BuyerCache } from '../store/buyer-cache.js';
import { AlertLedger, WatchList } from '../store/ledger.js';
import { MilestoneStore } from '../store/milestones.js';
import { Locks } from '../store/locks.js';
import { KeySpace } from '../store/keys.js';
import { createRedis, isClusterUrl, quitRedis } from '../store/redis.js';
import { createAlertService, type AlertService, type AlertSource } from './alerts.js';
import { AlertPrefetch } from './prefetch.js';
import { ALERT_SWEEP, createAlertSweepProcessor, createSilenceProcessor, upsertAlertSweep } from './alert-sweep.js';
import type { EngineContext } from './context.js';
import { createDeliveryProcessor } from './deliver.js';
import { createDigestProcessor, createDigestService } from './digest.js';
import { createLeader, type Leader } from './leader.js';
import { createMembershipService, upsertBindingChecks, type MembershipService } from './membership.js';
import { BindingChecks } from '../store/bindings.js';
import { createPollProcessor, DEFAULT_POLL_CONCURRENCY, pollBatchFor, type PollProcessorFactory } from './poll.js';
import { CheckEnd } from '../store/check-end.js';
import { CheckStart } from '../store/check-start.js';
import { PollPaceStore } from '../store/poll-pace.js';
import { RequestBudgets } from '../store/budgets.js';
import { createGoalProcessor, createGoalService, type GoalService } from './goal.js';
import { CARD_EDIT_MS, createLiveCardProcessor, createLiveCardService, type LiveCardService } from './live-card.js';
import {
  cappedBackoff,
  DELIVERY_QUEUE,
  DIGEST_QUEUE,
  POLL_QUEUE,
  type CardJob,
  type Delivery,
  type DigestJob,
  type GoalCheckJob,
  type ReportJob,
  type SilenceJob,
  type SummaryJob,
  jobIds,
} from './queues.js';
import { createReportProcessor, createReportService, type ReportService } from './report.js';
import { upsertPollTick } from './scheduler.js';
import { forgetAccountCaches, forgetDeliveries } from './purge.js';
import { chatAccounts, type ChatSettings } from '../store/chats.js';
import { unixSeconds } from '../domain/justclick.js';
import { withDeadline } from '../deadline.js';

/** What the engine is given; the rest of its EngineContext (ledger, locks, queues) it builds on this Redis. */
export interface AlertEngineDeps extends Pick<EngineContext, 'accounts' | 'chats' | 'client' | 'gateway' | 'logger' | 'ordersMethod' | 'pollSeconds' | 'team'> {
  redisUrl: string;
  /** The bot's key prefix (e.g. `jcb:`): ledger, locks and the watch list live under it. */
  prefix: string;
  /** BullMQ's key prefix; defaults to `<prefix>bull` (so `jcb:bull:delivery:…`), `{<prefix>bull}` on a cluster. */
  queuePrefix?: string;
  defaultTimeZone?: string;
  now?: () => Date;
  /** Concurrent account checks per replica (default 100): I/O bound, so high; 10,000 accounts at ~0.5 s a JustClick call fit in a minute. */
  pollConcurrency?: number;
  /** ALERT_RECONCILE_SECONDS: how often an account whose push works is still polled (default 900). */
  reconcileSeconds?: number;
  /** Messages per second to Telegram from all chats; BullMQ's limiter is queue-wide, so across replicas (bulk limit ~30/s). */
  sendsPerSecond?: number;
  /** Leader lock timings (tests shorten them). */
  leader?: { ttlMs?: number; renewMs?: number };
  /** Sales follow-ups at most this often: a pinned card's edit per chat, a goal check per owner (default CARD_EDIT_MS). */
  followUpMs?: number;
  /** The benchmark's baseline only: the account checks as they were before #14 (see Overrides.baselineChecks). */
  baselineChecks?: { pollProcessor: PollProcessorFactory; batch: number };
}

export interface AlertEngine {
  /** /alerts on|off and /status, and the HTTP push (which feeds the same path as the poller). */
  alerts: Pick<AlertService, 'enable' | 'disable' | 'stopFeed' | 'startOver' | 'status' | 'enqueueAlerts' | 'enqueueStatusChange' | 'prefetch'> & {
    /** A push that could not be confirmed: the account is checked at the next tick instead of its next reconciliation. */
    checkSoon(ownerId: number): Promise<void>;
  };
  digests: {
    schedule(chatId: number): Promise<{ scheduled: boolean; pattern?: string; timeZone?: string }>;
    unschedule(chatId: number): Promise<void>;
    sendNow(chatId: number): Promise<void>;
  };
  /** /report: the weekly and monthly schedules of a chat. */
  reports: ReportService;
  /** /goal: progress of the chat's monthly goal (and the milestones already behind, claimed on setting it). */
  goals: Pick<GoalService, 'progress'>;
  /** /pin: the live card. */
  cards: Pick<LiveCardService, 'start' | 'stop' | 'reschedule'>;
  /** A group became a supergroup: settings, alert ledger and digest schedule move to the new id. */
  migrateChat(fromChatId: number, toChatId: number): Promise<void>;
  /** /alerts settings: held orders and the silence watch. */
  alertSettings: {
    held(chatId: number): Promise<number>;
    releaseNow(chatId: number): Promise<void>;
    watchSilence(chatId: number, on: boolean): Promise<void>;
  };
  /** Groups and channels bound to an account: bound, unbound, re-checked; and the bot removed from a chat. */
  groups: MembershipService & { botRemoved(chatId: number, reason: string): Promise<void> };
  /** Access to an account ended for these chats (/unlink, removal from a team): its unsent deliveries and the chats' ledgers go. */
  forgetDeliveries(accountId: number, chatIds: readonly number[]): Promise<number>;
  /** An account was unlinked: the alerts' caches under its login go. */
  forgetAccountCaches(login: string): Promise<void>;
  enqueueAlerts(ownerId: number, orders: Order[], source: AlertSource): Promise<{ queued: number }>;
  /** Starts the workers and the campaign for the poll-tick leadership. */
  start(): Promise<void>;
  /** True while this replica owns the poll tick. */
  isLeader(): boolean;
  /** Stops taking jobs, waits for running ones up to the deadline, then closes every connection. */
  close(deadlineMs?: number): Promise<void>;
}

export function createAlertEngine(deps: AlertEngineDeps): AlertEngine {
  const logger = deps.logger.child({ part: 'alerts' });
  const keys = new KeySpace(deps.prefix, isClusterUrl(deps.redisUrl));
  const queuePrefix = deps.queuePrefix ?? keys.queuePrefix();
  const redis = createRedis(deps.redisUrl, { logger, name: 'alerts', autoPipelining: !deps.baselineChecks });
  // BullMQ makes (and closes) its own connections from these options; workers block, so no retry cap. It cannot
  // make a cluster connection from a URL: on a cluster it is handed one (and duplicates it for blocking calls).
  const queueRedis = keys.cluster ? createRedis(deps.redisUrl, { logger, name: 'queues', forBullMQ: true }) : undefined;
  const connection: ConnectionOptions = queueRedis ?? { url: deps.redisUrl, maxRetriesPerRequest: null };
  const onError = (what: string) => (err: Error) => logger.error({ err: { message: err.message }, what }, 'queue connection error');

  const poll = new Queue(POLL_QUEUE, { connection, prefix: queuePrefix });
  const delivery = new Queue<Delivery>(DELIVERY_QUEUE, { connection, prefix: queuePrefix });
  const digest = new Queue<SummaryJob>(DIGEST_QUEUE, { connection, prefix: queuePrefix });
  poll.on('error', onError('poll queue'));
  delivery.on('error', onError('delivery queue'));
  digest.on('error', onError('digest queue'));

  const ctx: EngineContext = {
    accounts: deps.accounts,
    chats: deps.chats,
    client: deps.client,
    gateway: deps.gateway,
    logger,
    ordersMethod: deps.ordersMethod,
    pollSeconds: deps.pollSeconds,
    defaultTimeZone: deps.defaultTimeZone ?? 'Europe/Moscow',
    now: deps.now ?? (() => new Date()),
    followUpMs: deps.followUpMs ?? CARD_EDIT_MS,
    team: deps.team,
    ledger: new AlertLedger(redis, keys),
    buyers: new BuyerCache(redis, deps.prefix),
    prefetch: new AlertPrefetch(),
    milestones: new MilestoneStore(redis, deps.prefix),
    watch: new WatchList(redis, keys),
    holds: new AlertHolds(redis, keys),
    locks: new Locks(redis, `${deps.prefix}lock:`),
    queues: { poll, delivery, digest },
  };
  const pace = new PollPaceStore(redis, keys);
  const reconcileMs = (deps.reconcileSeconds ?? 900) * 1000;
  const goals = createGoalService(ctx);
  const cards = createLiveCardService(ctx, { watchChanged: (ownerId) => alerts.refreshWatch(ownerId).then(() => undefined) });
  /** A pinned card or a goal follows the sales of the chat's account (alerts or not). */
  const followsSales = (chat: ChatSettings) => chat.liveCard !== undefined || chat.goal !== undefined;
  const alerts = createAlertService(ctx, {
    watching: followsSales,
    async sales(ownerId, paid, fed) {
      // Only a goal or a pinned card follows sales. Without one, nothing is compared or kept: most accounts' checks
      // skip a hash and a Redis call (#14); a goal or card set later starts from what it reads itself.
      const live = fed.filter(([, c]) => !c.inactive && followsSales(c));
      if (live.length === 0) return;
      // The poller re-reads the same window every tick: follow up only when the paid orders seen have changed.
      const seen = createHash('sha1')
        .update(
          paid
            .map((o) => `${o.id}@${o.paid}`)
            .sort()
            .join(','),
        )
        .digest('hex');
      if (!(await ctx.locks.changed(`sales-seen:${ownerId}`, seen, 3 * 86_400))) return;
      if (live.some(([, c]) => c.goal)) await goals.checkSoon(ownerId);
      for (const [chatId, c] of live) if (c.liveCard) await cards.refreshSoon(chatId);
    },
  });
  const digests = createDigestService(ctx);
  const reports = createReportService(ctx);
  const membership = createMembershipService(ctx, {
    bindings: new BindingChecks(redis, deps.prefix),
    async stopDeliveries(chatId, ownerId) {
      await digests.unschedule(chatId);
      await reports.unschedule(chatId);
      await cards.stop(chatId);
      if (ownerId !== undefined) await alerts.refreshWatch(ownerId);
    },
    chatGone: (chatId, reason) => chatGone(chatId, reason),
  });

  /** Telegram said the chat is gone: nothing more is sent there until someone uses the bot in it again. */
  async function chatGone(chatId: number, reason: string): Promise<void> {
    const chat = await deps.chats.get(chatId);
    // One update: whoever sees the chat gone also sees its alerts and digest off.
    await deps.chats.update(chatId, {
      inactive: { reason, at: unixSeconds(ctx.now()) },
      digest: null,
      weeklyReport: null,
      monthlyReport: null,
      liveCard: null,
      ...(chat.alerts ? { alerts: { on: false, since: chat.alerts.since } } : {}),
    });
    await digests.unschedule(chatId);
    await reports.unschedule(chatId);
    await cards.stop(chatId);
    for (const id of chatAccounts(chat)) await alerts.refreshWatch(id);
    logger.warn({ chatId, reason }, 'chat is gone: alerts and digest switched off');
  }

  async function chatMigrated(from: number, to: number): Promise<void> {
    await deps.chats.migrate(from, to);
    await ctx.ledger.migrate(from, to);
    await digests.unschedule(from);
    await digests.schedule(to);
    await reports.unschedule(from);
    await reports.schedule(to);
    await digest.removeJobScheduler(jobIds.cardMidnight(from));
    await cards.reschedule(to);
  }

  let workers: Worker[] = [];
  let leader: Leader | undefined;
  let closed = false;

  async function start(): Promise<void> {
    if (workers.length > 0 || closed) return;
    const common = { connection, prefix: queuePrefix };
    const pollConcurrency = deps.pollConcurrency ?? DEFAULT_POLL_CONCURRENCY;
    // The benchmark's baseline keeps the batches it had.
    const pollBatch = deps.baselineChecks?.batch ?? pollBatchFor(pollConcurrency);
    const pollWorker = new Worker(
      POLL_QUEUE,
      (deps.baselineChecks?.pollProcessor ?? createPollProcessor)(ctx, alerts, {
        pace,
        checkStart: new CheckStart(redis, ctx.accounts, ctx.chats, keys),
        checkEnd: new CheckEnd(redis, keys, ctx.watch, pace, ctx.ledger),
        budgets: new RequestBudgets(redis, keys, 3600 / deps.pollSeconds),
        intervals: { pollMs: deps.pollSeconds * 1000, reconcileMs },
        batch: pollBatch,
      }),
      // Each job checks a batch side by side and lasts as long as its slowest check: twice as many jobs as
      // pollConcurrency / batch keep about pollConcurrency checks in flight.
      { ...common, concurrency: Math.max(1, Math.ceil((2 * pollConcurrency) / pollBatch)) },
    );
    const deliveryWorker = new Worker<Delivery>(
      DELIVERY_QUEUE,
      createDeliveryProcessor(ctx, {
        chatGone,
        chatMigrated,
        mayDeliver: membership.mayDeliver,
        gaveUp: async (d) => {
          if ((d.kind === 'digest' || d.kind === 'report' || d.kind === 'notice') && d.claim) await ctx.locks.unclaim(d.claim);
        },
      }),
      {
        ...common,
        // Waiting on Telegram is I/O; the limiter, not the concurrency, keeps us under the bulk limit.
        concurrency: 25,
        // A delivery whose process died mid-send is retried, not failed: the sent marks keep it once-only.
        maxStalledCount: 20,
        limiter: { max: deps.sendsPerSecond ?? 25, duration: 1000 },
        settings: { backoffStrategy: (attemptsMade: number) => cappedBackoff(attemptsMade) },
      },
    );
    const summaries = {
      digest: createDigestProcessor(ctx),
      report: createReportProcessor(ctx),
      goal: createGoalProcessor(ctx),
      card: createLiveCardProcessor(ctx, cards),
      sweep: createAlertSweepProcessor(ctx),
      silence: createSilenceProcessor(ctx),
    };
    // One queue and worker for what is scheduled per chat or follows sales; the job's name says which.
    const digestWorker = new Worker<SummaryJob>(
      DIGEST_QUEUE,
      (job, token) => {
        switch (job.name) {
          case 'report':
            return summaries.report(job as Job<ReportJob>);
          case 'goal':
            return summaries.goal(job as Job<GoalCheckJob>);
          case 'card':
            return summaries.card(job as Job<CardJob>, token);
          case ALERT_SWEEP:
            return summaries.sweep();
          case 'silence':
            return summaries.silence(job as Job<SilenceJob>);
          case 'membership':
            return membership.checkDue();
          default:
            return summaries.digest(job as Job<DigestJob>);
        }
      },
      { ...common, concurrency: 10 },
    );
    workers = [pollWorker, deliveryWorker, digestWorker];
    for (const w of workers) w.on('error', onError(`${w.name} worker`));
    await Promise.all(workers.map((w) => w.waitUntilReady()));
    // Releases of held alerts and silence checks: on the engine's clock, whichever replica runs them.
    await upsertAlertSweep(digest, deps.pollSeconds);

    leader = createLeader(redis, {
      key: `${deps.prefix}leader:poll-tick`,
      ...deps.leader,
      logger,
      onAcquire: async () => {
        await upsertPollTick(poll, deps.pollSeconds);
        await upsertBindingChecks(digest);
      },
    });
  }

  async function close(deadlineMs = 10_000): Promise<void> {
    if (closed) return;
    closed = true;
    await leader?.stop();
    // worker.close() waits for active jobs without a deadline: give them until the deadline, then force.
    if (!(await withDeadline(Promise.all(workers.map((w) => w.close())), deadlineMs))) {
      logger.warn({ deadlineMs }, 'jobs still running at the shutdown deadline; closing anyway (their locks expire and they rerun)');
      await Promise.all(workers.map((w) => w.close(true)));
    }
    await Promise.all([poll.close(), delivery.close(), digest.close()]);
    if (queueRedis) await quitRedis(queueRedis);
    await quitRedis(redis);
  }

  /**
   * A push brought paid orders: the shop sells and its push works, so a quiet shop's long wait ends and the
   * next check is a reconciliation at the latest (best effort: the alert itself is what must not fail).
   */
  async function pushed(ownerId: number, orders: Order[]): Promise<void> {
    const now = ctx.now();
    const paidAt = Math.max(0, ...orders.map((o) => (o.paid ?? 0) * 1000));
    const facts = await pace.facts(ownerId);
    if (paidAt > (facts.saleAt ?? 0)) await pace.remember(ownerId, { saleAt: Math.min(paidAt, now.getTime()) });
    await pace.dueBy(ownerId, new Date(now.getTime() + Math.max(reconcileMs, deps.pollSeconds * 1000)));
  }

  return {
    alerts: {
      enable: alerts.enable,
      disable: alerts.disable,
      stopFeed: alerts.stopFeed,
      startOver: alerts.startOver,
      status: alerts.status,
      async checkSoon(ownerId) {
        await pace.dueBy(ownerId, ctx.now());
      },
      async enqueueAlerts(account, orders, source) {
        const result = await alerts.enqueueAlerts(account, orders, source);
        if (source === 'push')
          await pushed(account.ownerId, orders).catch((err: unknown) =>
            logger.warn({ err, ownerId: account.ownerId }, 'could not speed up checks after a push'),
          );
        return result;
      },
      enqueueStatusChange: alerts.enqueueStatusChange,
      prefetch: alerts.prefetch,
    },
    digests,
    reports,
    goals: { progress: goals.progress },
    cards: { start: cards.start, stop: cards.stop, reschedule: cards.reschedule },
    migrateChat: chatMigrated,
    alertSettings: {
      held: (chatId) => ctx.holds.heldCount(chatId),
      releaseNow: (chatId) => ctx.holds.releaseAt(chatId, unixSeconds(ctx.now())),
      watchSilence: (chatId, on) => ctx.holds.watchSilence(chatId, on ? unixSeconds(ctx.now()) : null),
    },
    groups: { ...membership, botRemoved: chatGone },
    forgetDeliveries: (accountId, chatIds) => forgetDeliveries(ctx, accountId, chatIds),
    forgetAccountCaches: (login) => forgetAccountCaches(ctx, login),
    async enqueueAlerts(ownerId, orders, source) {
      const account = await deps.accounts.get(ownerId);
      return account ? alerts.enqueueAlerts(account, orders, source) : { queued: 0 };
    },
    start,
    isLeader: () => leader?.isLeader() ?? false,
    close,
  };
}
