// Composition root: config → logger → redis → stores → JustClick client → bot → alert engine → HTTP,
// and one idempotent shutdown. main.ts runs it as a process; tests run it in-process.
import type { Server } from 'node:http';
import { TelegramError } from 'telegraf';
import type { Config } from './config.js';
import { createHttpServer, WEBHOOK_PATH } from './http/server.js';
import { Metrics } from './http/metrics.js';
import { createAlertEngine, type AlertEngine } from './jobs/engine.js';
import { createLeader, type Leader } from './jobs/leader.js';
import { JustClickClient } from './justclick/client.js';
import { createLogger, type Logger } from './logger.js';
import { AccountStore } from './store/accounts.js';
import { ChatStore } from './store/chats.js';
import { FlowStore } from './store/flows.js';
import { PageStore } from './store/pages.js';
import { createRedis, quitRedis } from './store/redis.js';
import { UpdateLog } from './store/updates.js';
import { Vault } from './store/vault.js';
import { createBot, type Bot } from './telegram/bot.js';
import { createGateway } from './telegram/gateway.js';
import { checkTelegramHtml } from './domain/format/html.js';
import { splitMessage } from './domain/format/split.js';

/** Every key of this bot starts with it; BullMQ's live under `<PREFIX>bull:`. */
export const PREFIX = 'jcb:';

export interface App {
  /** The HTTP server's port (useful with PORT=0). */
  port: number;
  bot: Bot;
  engine: AlertEngine;
  logger: Logger;
  /** True while this replica consumes Telegram updates (polling mode). */
  takesUpdates(): boolean;
  /** Stops taking updates, finishes or hands back running work within the deadline, closes Redis. */
  stop(deadlineMs?: number): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  /** Leader-lock timings for the polling consumer (tests shorten them). */
  leader?: { ttlMs?: number; renewMs?: number };
  /** Delay before retrying polling after a 409 (another consumer still holds getUpdates). */
  pollingRetryMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const redis = createRedis(config.redisUrl, { logger, name: 'store' });
  const vault = new Vault(config.credentialsKey);
  const accounts = new AccountStore(redis, vault, PREFIX, logger);
  const chats = new ChatStore(redis, PREFIX);
  const flows = new FlowStore(redis, PREFIX);
  const pages = new PageStore(redis, PREFIX);
  const updates = new UpdateLog(redis, PREFIX);
  const client = new JustClickClient({ apiUrl: config.justclickApiUrl, logger });

  const bot = createBot({ config, logger, accounts, chats, flows, pages, client });
  const engine = createAlertEngine({
    redisUrl: config.redisUrl,
    prefix: PREFIX,
    accounts,
    chats,
    client,
    // Deliveries never wait out a 429 in place: the job is delayed by retry_after and the worker moves on.
    gateway: createGateway(bot.bot.telegram, { logger, checkHtml: checkTelegramHtml, split: splitMessage, maxWaitSeconds: 0 }),
    logger,
    ordersMethod: config.ordersMethod,
    pollSeconds: config.alertPollSeconds,
    defaultTimeZone: config.defaultTimezone,
  });
  bot.attachEngine(engine);

  const metrics = new Metrics();
  metrics.gauge('jcb_takes_updates', '1 while this replica consumes Telegram updates', () => (takingUpdates ? 1 : 0));
  metrics.gauge('jcb_poll_leader', '1 while this replica owns the alert poll tick', () => (engine.isLeader() ? 1 : 0));

  const http: Server = createHttpServer({
    logger,
    metrics,
    healthy: async () => (await redis.ping()) === 'PONG',
    notifications: (token, body) => engine.handleNotification(token, body),
    ...(config.botMode === 'webhook' && config.webhookSecret
      ? {
          webhook: {
            secret: config.webhookSecret,
            accept: async (id: number) => !(await updates.seenUpdate(id)),
            handle: (update: unknown) => bot.handleUpdate(update as Parameters<Bot['handleUpdate']>[0]),
          },
        }
      : {}),
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, () => resolve());
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  await engine.start();

  let stopping = false;
  let takingUpdates = false;
  let polling: Promise<void> | undefined;
  let updatesLeader: Leader | undefined;

  const registerMenus = () =>
    bot.commandMenus().catch((err: unknown) => logger.warn({ err: { message: (err as Error).message } }, 'could not register command menus'));

  // Long polling allows one consumer per token: the replica holding the lock polls, the others
  // only run workers and take over when its lock expires.
  const pollWhileLeader = async () => {
    while (!stopping && updatesLeader?.isLeader()) {
      try {
        takingUpdates = true;
        await bot.bot.launch({ dropPendingUpdates: false });
        // launch() resolves when polling was stopped on purpose (leadership lost or shutdown).
        return;
      } catch (err) {
        const conflict = err instanceof TelegramError && err.code === 409;
        logger.warn({ err: { message: (err as Error).message } }, conflict ? 'another getUpdates is still open; retrying' : 'polling failed; retrying');
        await sleep(options.pollingRetryMs ?? 5_000);
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

  if (config.botMode === 'webhook') {
    await bot.bot.telegram.setWebhook(`${config.publicUrl}${WEBHOOK_PATH}`, {
      secret_token: config.webhookSecret,
      allowed_updates: ['message', 'callback_query', 'my_chat_member'],
    });
    await registerMenus();
    takingUpdates = true;
  } else {
    updatesLeader = createLeader(redis, {
      key: `${PREFIX}leader:updates`,
      ...options.leader,
      logger,
      onAcquire: async () => {
        void registerMenus();
        polling = pollWhileLeader();
      },
      onLose: async () => {
        stopPolling();
        await polling;
      },
    });
  }
  logger.info({ mode: config.botMode, port, pollSeconds: config.alertPollSeconds }, 'bot started');

  let stopped: Promise<void> | undefined;
  const stop = (deadlineMs = 10_000): Promise<void> => {
    stopped ??= (async () => {
      stopping = true;
      logger.info('shutting down');
      stopPolling();
      await updatesLeader?.stop();
      await polling;
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await Promise.race([bot.drain(), sleep(deadlineMs)]);
      await engine.close(deadlineMs);
      await client.close();
      await quitRedis(redis);
      logger.info('stopped');
    })();
    return stopped;
  };

  return { port, bot, engine, logger, takesUpdates: () => takingUpdates, stop };
}
