// Composition root: config → logger → redis → stores → JustClick client → alert engine → bot → HTTP (public
// and internal metrics), and one idempotent shutdown. main.ts runs it as a process; every test harness and the benchmark assemble the same.
import type { Server } from 'node:http';
import { Telegram } from 'telegraf';
import type { Config } from './config.js';
import { withDeadline } from './deadline.js';
import { checkTelegramHtml } from './domain/format/html.js';
import { splitMessage } from './domain/format/split.js';
import { Metrics } from './http/metrics.js';
import { createNotificationHandler } from './http/notifications.js';
import { createHttpServer, createMetricsServer, NOTIFY_PATH, WEBHOOK_PATH } from './http/server.js';
import { createAlertEngine, type AlertEngine } from './jobs/engine.js';
import { createLeader, type Leader } from './jobs/leader.js';
import type { PollProcessorFactory } from './jobs/poll.js';
import type { JustClickClientOptions } from './justclick/client.js';
import { orderDetails } from './justclick/lookups.js';
import { isDemoAccount } from './demo/account.js';
import { DemoAwareClient } from './demo/client.js';
import { markDemoChats } from './demo/mark.js';
import { createLogger, type Logger } from './logger.js';
import { fromTelegraf, TelegramApiError, TelegramRateLimited, TelegramUnavailable } from './outbound/errors.js';
import { createGateway, type AllowedUpdates } from './outbound/gateway.js';
import { AccountStore } from './store/accounts.js';
import { CatalogStore } from './store/catalog.js';
import { ChatStore } from './store/chats.js';
import { ChoiceStore } from './store/choices.js';
import { FlowStore } from './store/flows.js';
import { TemplateDrafts } from './store/template-drafts.js';
import { LinkAttempts } from './store/link-attempts.js';
import { RequestBudgets } from './store/budgets.js';
import { PageStore } from './store/pages.js';
import { KeySpace } from './store/keys.js';
import { createRedis, isClusterUrl, PREFIX, quitRedis, type Redis } from './store/redis.js';
import { TeamStore } from './store/team.js';
import { UpdateLog } from './store/updates.js';
import { Vault } from './store/vault.js';
import { createBot, type Bot } from './telegram/bot.js';

export { PREFIX } from './store/redis.js';

/**
 * What a harness may change: the clock, where logs go, timings that make fakes fail fast. Never how the
 * parts are wired: that is the same in tests, the benchmark and production.
 */
export interface Overrides {
  now?: () => Date;
  logger?: Logger;
  /** The key prefix (tests share one Redis, each under its own prefix). */
  prefix?: string;
  /** JustClick client timings (tests reach an outage in milliseconds, not minutes). */
  justclick?: Pick<JustClickClientOptions, 'retries' | 'timeoutMs' | 'backoffBaseMs' | 'backoffMaxMs' | 'keepAliveMs'>;
  /** Leader-lock timings, for the updates consumer and the poll tick alike (tests shorten them). */
  leader?: { ttlMs?: number; renewMs?: number };
  /** The pinned card's edit interval and the goal checks' (tests shorten the 10 s). */
  followUpMs?: number;
  /** Delay before retrying polling after a 409 (another consumer still holds getUpdates). */
  pollingRetryMs?: number;
  /** First delay before asking Telegram for the bot info again (doubles up to 30 s). */
  botInfoRetryMs?: number;
  /**
   * false: start() runs no alert or digest workers (tests that drive commands only, so that no poll tick
   * of their own interleaves with the conversation); the engine's service API works all the same.
   */
  engineWorkers?: boolean;
  /**
   * The benchmark's baseline only (bench/support/check-before.ts): account checks as main made them before #14's
   * cheaper checks, so that one benchmark run measures both. Never set in production or tests.
   */
  baselineChecks?: { pollProcessor: PollProcessorFactory; batch: number };
  /** Concurrent account checks per replica (the engine's default 100); the scale-out benchmark lowers it. */
  pollConcurrency?: number;
}

export interface App {
  config: Config;
  logger: Logger;
  /** The stores on this replica's Redis connection (harnesses read and seed them). */
  stores: { redis: Redis; accounts: AccountStore; chats: ChatStore };
  bot: Bot;
  engine: AlertEngine;
  http: Server;
  /** POST /justclick/notify/<token>, as the HTTP server calls it. */
  handleNotification: ReturnType<typeof createNotificationHandler>;
  /** The HTTP server's port once started (useful with PORT=0). */
  port(): number;
  /** The internal /metrics server's port once started (useful with METRICS_PORT=0). */
  metricsPort(): number;
  /** True once the bot can handle updates (it knows its own username: getMe answered). */
  ready(): boolean;
  /** True while this replica consumes Telegram updates (polling leader, or webhook mode). */
  takesUpdates(): boolean;
  /** Listens, starts the engine's workers, and takes updates (webhook set, or campaigns to poll). */
  start(): Promise<void>;
  /** Stops taking updates, finishes or hands back running work within the deadline, closes Redis. */
  stop(deadlineMs?: number): Promise<void>;
}

/** chat_member is not sent unless asked for: it is how a group learns that the admin who bound it left. */
const ALLOWED_UPDATES: AllowedUpdates = ['message', 'callback_query', 'my_chat_member', 'chat_member'];

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/** Builds every part and connects them; nothing listens or polls until start(). */
export function assemble(config: Config, overrides: Overrides = {}): App {
  const logger = overrides.logger ?? createLogger(config.logLevel, undefined, { secrets: [config.botToken, config.botToken.split(':')[1] ?? ''] });
  const prefix = overrides.prefix ?? PREFIX;
  const redis = createRedis(config.redisUrl, { logger, name: 'store', autoPipelining: !overrides.baselineChecks });
  // Key names (and, on a Redis Cluster, their hash tags) come from one place.
  const keys = new KeySpace(prefix, isClusterUrl(config.redisUrl));
  // A person's current account may be a team's: the store asks the team (made below, asked only once running).
  const accounts: AccountStore = new AccountStore(redis, new Vault(config.credentialsKeys), keys, logger, {
    roleOf: (userId, accountId) => team.roleOf(userId, accountId),
    teamsOf: (userId) => team.teamsOf(userId),
  });
  const chats = new ChatStore(redis, keys);
  const flows = new FlowStore(redis, keys);
  const linkAttempts = new LinkAttempts(redis, keys);
  // The poller draws from the same account buckets at its pace (src/jobs/poll.ts); the engine is given the same.
  const budgets = new RequestBudgets(redis, keys, 3600 / config.alertPollSeconds);
  const pages = new PageStore(redis, keys);
  const catalog = new CatalogStore(redis, keys);
  const choices = new ChoiceStore(redis, keys);
  const templateDrafts = new TemplateDrafts(redis, keys);
  const updates = new UpdateLog(redis, keys);
  // An account's owner is who linked it, while it is linked.
  const team: TeamStore = new TeamStore(redis, keys, async (accountId) => (await accounts.get(accountId))?.linkedBy);
  const client = new DemoAwareClient({
    apiUrl: config.justclickApiUrl,
    logger,
    // An account polled every interval finds its host's connection still open from the check before.
    keepAliveMs: Math.max(30, config.alertPollSeconds + 15) * 1000,
    ...overrides.justclick,
    // Its "limit reached" back-off runs on the same clock as the poller that pauses and resumes accounts.
    ...(overrides.now ? { now: () => overrides.now!().getTime() } : {}),
  });

  const engine = createAlertEngine({
    redisUrl: config.redisUrl,
    prefix,
    accounts,
    chats,
    client,
    team,
    // Deliveries never wait out a 429 in place: the job is delayed by retry_after and the worker moves on.
    gateway: markDemoChats(
      createGateway(new Telegram(config.botToken, { apiRoot: config.telegramApiRoot, webhookReply: false }), {
        logger,
        checkHtml: checkTelegramHtml,
        split: splitMessage,
        maxWaitSeconds: 0,
      }),
      { accounts, chats },
    ),
    logger,
    ordersMethod: config.ordersMethod,
    pollSeconds: config.alertPollSeconds,
    reconcileSeconds: config.alertReconcileSeconds,
    defaultTimeZone: config.defaultTimezone,
    ...(overrides.now ? { now: overrides.now } : {}),
    ...(overrides.leader ? { leader: overrides.leader } : {}),
    ...(overrides.followUpMs ? { followUpMs: overrides.followUpMs } : {}),
    ...(overrides.baselineChecks ? { baselineChecks: overrides.baselineChecks } : {}),
    ...(overrides.pollConcurrency ? { pollConcurrency: overrides.pollConcurrency } : {}),
  });

  // JustClick never pushes for the demo shop: it has no notification URL, and its alerts come by polling.
  const isDemoOwner = async (ownerId: number) => {
    const account = await accounts.get(ownerId);
    return account !== null && isDemoAccount(account.creds);
  };

  /** The account's JustClick notification URL, made on first use; null without PUBLIC_URL, and for the demo shop. */
  const pushUrl = async (ownerId: number): Promise<string | null> =>
    config.publicUrl && !(await isDemoOwner(ownerId)) ? `${config.publicUrl}${NOTIFY_PATH}${await accounts.ensurePushToken(ownerId)}` : null;

  const renewPushUrl = async (ownerId: number): Promise<string | null> => {
    if (!config.publicUrl || (await isDemoOwner(ownerId))) return null;
    const token = await accounts.renewPushToken(ownerId);
    return token === null ? null : `${config.publicUrl}${NOTIFY_PATH}${token}`;
  };

  const bot = createBot({
    config,
    logger,
    accounts,
    chats,
    flows,
    linkAttempts,
    budgets,
    pages,
    catalog,
    choices,
    templateDrafts,
    team,
    client,
    engine,
    pushUrl,
    renewPushUrl,
    ...(overrides.now ? { now: overrides.now } : {}),
  });
  const handleNotification = createNotificationHandler({
    accounts,
    alerts: engine.alerts,
    confirm: {
      orderDetails: (account, orderId) => orderDetails(client, account.creds, orderId),
      claim: (account, orderId, status, at) => budgets.claimPushConfirmation(account.creds, orderId, status, at),
      release: (account, orderId, status) => budgets.releasePushConfirmation(account.creds, orderId, status),
    },
    logger,
    ...(overrides.now ? { now: overrides.now } : {}),
  });

  let stopping = false;
  let takingUpdates = false;
  let polling: Promise<void> | undefined;
  let updatesLeader: Leader | undefined;

  const metrics = new Metrics();
  metrics.gauge('jcb_takes_updates', '1 while this replica consumes Telegram updates', () => (takingUpdates ? 1 : 0));
  metrics.gauge('jcb_poll_leader', '1 while this replica owns the alert poll tick', () => (engine.isLeader() ? 1 : 0));

  // Telegraf reads commands with botInfo and, when it fetches it itself on the first update, keeps a failed
  // fetch for good (issue #13): so it is fetched at start, and updates wait for it.
  const ready = () => bot.bot.botInfo !== undefined;
  const webhook =
    config.botMode === 'webhook'
      ? {
          webhook: {
            secret: config.webhookSecret,
            ready,
            accept: async (id: number) => !(await updates.seenUpdate(id)),
            handle: (update: unknown) => bot.handleUpdate(update as Parameters<Bot['handleUpdate']>[0]),
          },
        }
      : {};
  const healthy = async () => (await redis.ping()) === 'PONG';
  const http: Server = createHttpServer({
    logger,
    metrics,
    healthy,
    notifications: {
      knows: async (token) => (await accounts.ownerByPushToken(token)) !== null,
      handle: handleNotification,
    },
    ...webhook,
  });
  const metricsHttp: Server = createMetricsServer({ metrics, healthy, ...webhook });
  let port = config.port;
  let metricsPort = config.metrics.port;

  /** getMe until Telegram answers; only a refusal (a revoked token, say) or a stop ends the retries. */
  const fetchBotInfo = async (): Promise<void> => {
    for (let attempt = 1; !stopping; attempt++) {
      try {
        bot.bot.botInfo = await bot.gateway.getMe();
        return;
      } catch (err) {
        if (!(err instanceof TelegramUnavailable || err instanceof TelegramRateLimited)) throw err;
        const waitMs = err instanceof TelegramRateLimited ? err.retryAfter * 1000 : Math.min((overrides.botInfoRetryMs ?? 1_000) * 2 ** (attempt - 1), 30_000);
        logger.warn({ err: { name: err.name, message: err.message }, attempt, waitMs }, 'Telegram did not tell who the bot is; retrying');
        await sleep(waitMs);
      }
    }
  };

  const registerMenus = () =>
    bot.commandMenus().catch((err: unknown) => logger.warn({ err: { message: (err as Error).message } }, 'could not register command menus'));

  // Long polling allows one consumer per token: the replica holding the lock polls, the others
  // only run workers and take over when its lock expires.
  const pollWhileLeader = async () => {
    while (!stopping && updatesLeader?.isLeader()) {
      try {
        if (!ready()) bot.bot.botInfo = await bot.gateway.getMe();
        if (stopping) return;
        takingUpdates = true;
        await bot.bot.launch({ dropPendingUpdates: false, allowedUpdates: [...ALLOWED_UPDATES] });
        // launch() resolves when polling was stopped on purpose (leadership lost or shutdown).
        return;
      } catch (raw) {
        // launch() calls Telegram itself (deleteWebhook, getUpdates): its errors may quote the URL with the token.
        const err = fromTelegraf(raw, { method: 'getUpdates', token: config.botToken });
        const conflict = err instanceof TelegramApiError && err.code === 409;
        logger.warn({ err: { name: err.name, message: err.message } }, conflict ? 'another getUpdates is still open; retrying' : 'polling failed; retrying');
        await sleep(overrides.pollingRetryMs ?? 5_000);
      } finally {
        takingUpdates = false;
      }
    }
  };
  const stopPolling = () => {
    try {
      bot.bot.stop('stepping down');
    } catch {
      // not running
    }
  };
  /**
   * Stops polling and waits for the loop to end. launch() may still be on its way to polling (getMe,
   * deleteWebhook) when asked to stop, and would then start after the stop: it is stopped again until the
   * loop ends, or the deadline passes.
   */
  const endPolling = async (deadlineMs: number) => {
    if (!polling) return;
    let ended = false;
    const loop = polling.finally(() => {
      ended = true;
    });
    const until = Date.now() + deadlineMs;
    while (!ended && Date.now() < until) {
      stopPolling();
      await Promise.race([loop, sleep(100)]);
    }
  };

  let started: Promise<void> | undefined;
  const start = (): Promise<void> => {
    started ??= (async () => {
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.port, () => resolve());
      });
      const address = http.address();
      if (typeof address === 'object' && address) port = address.port;
      await new Promise<void>((resolve, reject) => {
        metricsHttp.once('error', reject);
        metricsHttp.listen(config.metrics.port, config.metrics.host, () => resolve());
      });
      const metricsAddress = metricsHttp.address();
      if (typeof metricsAddress === 'object' && metricsAddress) metricsPort = metricsAddress.port;

      if (overrides.engineWorkers !== false) await engine.start();

      if (config.botMode === 'webhook') {
        await fetchBotInfo();
        await bot.gateway.setWebhook(`${config.publicUrl}${WEBHOOK_PATH}`, {
          secretToken: config.webhookSecret,
          allowedUpdates: ALLOWED_UPDATES,
        });
        await registerMenus();
        takingUpdates = true;
      } else {
        updatesLeader = createLeader(redis, {
          key: `${prefix}leader:updates`,
          ...overrides.leader,
          logger,
          onAcquire: async () => {
            void registerMenus();
            polling = pollWhileLeader();
          },
          onLose: async () => {
            await endPolling(10_000);
          },
        });
      }
      logger.info({ mode: config.botMode, port, metricsPort, pollSeconds: config.alertPollSeconds }, 'bot started');
    })();
    return started;
  };

  let stopped: Promise<void> | undefined;
  const stop = (deadlineMs = 10_000): Promise<void> => {
    stopped ??= (async () => {
      stopping = true;
      logger.info('shutting down');
      // A start still under way finishes first, so that nothing it opens outlives the stop.
      await started?.catch(() => undefined);
      await endPolling(deadlineMs);
      await updatesLeader?.stop();
      if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
      if (metricsHttp.listening) await new Promise<void>((resolve) => metricsHttp.close(() => resolve()));
      await withDeadline(bot.drain(), deadlineMs);
      await engine.close(deadlineMs);
      await client.close();
      await quitRedis(redis);
      logger.info('stopped');
    })();
    return stopped;
  };

  return {
    config,
    logger,
    stores: { redis, accounts, chats },
    bot,
    engine,
    http,
    handleNotification,
    port: () => port,
    metricsPort: () => metricsPort,
    ready,
    takesUpdates: () => takingUpdates,
    start,
    stop,
  };
}

/** The process's way: assemble, then start. */
export async function startApp(config: Config, overrides: Overrides = {}): Promise<App> {
  const app = assemble(config, overrides);
  await app.start();
  return app;
}
