// The real bot (createBot on real Redis, polling a strict fake Telegram, asking a JustClick stand-in that
// checks signatures with PHP where php exists), driven as a user would: say something, read the answers.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Update } from 'telegraf/types';
import type { Config } from '../../src/config.js';
import { JustClickClient } from '../../src/justclick/client.js';
import { createLogger } from '../../src/logger.js';
import { Metrics } from '../../src/http/metrics.js';
import { createHttpServer, WEBHOOK_PATH } from '../../src/http/server.js';
import { createAlertEngine, type AlertEngine } from '../../src/jobs/engine.js';
import { AccountStore } from '../../src/store/accounts.js';
import { ChatStore } from '../../src/store/chats.js';
import { FlowStore } from '../../src/store/flows.js';
import { PageStore } from '../../src/store/pages.js';
import { createRedis, quitRedis, type Redis } from '../../src/store/redis.js';
import { UpdateLog } from '../../src/store/updates.js';
import { Vault } from '../../src/store/vault.js';
import { createBot, type Bot } from '../../src/telegram/bot.js';
import { phpMissingReason } from '../fakes/justclick-php/oracle.js';
import { startFakeJustClick, startPhpJustClick, type FakeJustClick, type PhpJustClick } from '../fakes/justclick.js';
import { startFakeTelegram, type ChatSpec, type FakeTelegram, type SentMessage, type UserSpec } from '../fakes/telegram.js';
import { freshPrefix, requireRedisUrl } from './redis.js';

export interface HarnessOptions {
  /** The bot's clock; JustClick's stand-in keeps real time (it is only asked for explicit days). */
  now?: Date;
  /** Build the alert & digest engine (its workers are not started: commands only need its service API). */
  engine?: boolean;
  publicUrl?: string;
  /** `webhook`: updates come as Telegram's POSTs to the bot's HTTP server (src/http/server.ts) instead of getUpdates. */
  mode?: 'polling' | 'webhook';
}

export interface CallbackAnswer {
  text: string | undefined;
  alert: boolean;
}

export interface BotHarness {
  tg: FakeTelegram;
  jc: FakeJustClick;
  /** True when every JustClick request goes through PHP's own signature check. */
  phpChecked: boolean;
  redis: Redis;
  prefix: string;
  config: Config;
  accounts: AccountStore;
  chats: ChatStore;
  bot: Bot;
  engine: AlertEngine | undefined;
  /** Every log line the bot wrote (JSON), to check that no secret ends up there. */
  logs: string[];
  setNow(now: Date): void;
  /** Says `text` as `from` (in their private chat unless `chat`), waits until the bot is done, returns its answers. */
  say(from: UserSpec, text: string, chat?: ChatSpec): Promise<SentMessage[]>;
  /** Presses a button of a bot message, waits until the bot is done, returns the callback answer and the message as it now is. */
  press(from: UserSpec, message: SentMessage, data: string): Promise<{ answer: CallbackAnswer; message: SentMessage | undefined }>;
  /** Hands Telegram's update to the bot the way this harness runs it (getUpdates queue or webhook POST). */
  deliver(update: Update): Promise<void>;
  /** Waits until every update pushed so far is handled and every background task has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export const WEBHOOK_SECRET = 'e2e-webhook-secret_0123456789';
export const GROUP: ChatSpec = { id: -1001234567890, type: 'supergroup', title: 'Shop team' };

export async function startBotHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  const tg = await startFakeTelegram();
  const jc = await startFakeJustClick();
  const php: PhpJustClick | null = phpMissingReason() === null ? await startPhpJustClick(jc) : null;
  if (!php) console.warn(`[tests] JustClick stand-in without PHP: ${phpMissingReason()}`);

  const logs: string[] = [];
  const logger = createLogger(
    'debug',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString('utf8'));
        done();
      },
    }),
  );

  const prefix = freshPrefix('e2e');
  const config: Config = {
    botToken: tg.token,
    credentialsKey: randomBytes(32),
    redisUrl: requireRedisUrl(),
    telegramApiRoot: tg.apiRoot,
    justclickApiUrl: php?.url ?? jc.url,
    ordersMethod: 'getOrdersWithGoods',
    defaultTimezone: 'Europe/Moscow',
    alertPollSeconds: 60,
    botMode: options.mode ?? 'polling',
    port: 0,
    publicUrl: options.publicUrl,
    webhookSecret: options.mode === 'webhook' ? WEBHOOK_SECRET : undefined,
    logLevel: 'debug',
  };

  let now = options.now ?? new Date();
  const redis = createRedis(config.redisUrl, { logger, name: 'e2e' });
  const accounts = new AccountStore(redis, new Vault(config.credentialsKey), prefix, logger);
  const chats = new ChatStore(redis, prefix);
  const flows = new FlowStore(redis, prefix);
  const pages = new PageStore(redis, prefix);
  // Short timeouts and one retry: an outage is reached in milliseconds, not minutes.
  const client = new JustClickClient({ apiUrl: config.justclickApiUrl, retries: 1, backoffBaseMs: 5, backoffMaxMs: 20, timeoutMs: 5_000, logger });

  const bot = createBot({ config, logger, accounts, chats, flows, pages, client, now: () => now });
  const engine = options.engine
    ? createAlertEngine({
        redisUrl: config.redisUrl,
        prefix,
        accounts,
        chats,
        client,
        gateway: bot.gateway,
        logger,
        ordersMethod: config.ordersMethod,
        pollSeconds: config.alertPollSeconds,
        now: () => now,
      })
    : undefined;
  if (engine) bot.attachEngine(engine);

  const webhookMode = options.mode === 'webhook';
  let polling: Promise<void> = Promise.resolve();
  let http: Server | undefined;
  if (webhookMode) {
    const updates = new UpdateLog(redis, prefix);
    http = createHttpServer({
      logger,
      metrics: new Metrics(),
      healthy: async () => true,
      notifications: async () => ({ status: 404, body: 'not found\n' }),
      webhook: { secret: WEBHOOK_SECRET, accept: async (id) => !(await updates.seenUpdate(id)), handle: (u) => bot.handleUpdate(u as Update) },
    });
    const server = http;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await bot.bot.telegram.setWebhook(`http://127.0.0.1:${port}${WEBHOOK_PATH}`, { secret_token: WEBHOOK_SECRET });
  } else {
    let launched!: () => void;
    const started = new Promise<void>((resolve) => (launched = resolve));
    polling = bot.bot.launch(launched);
    await Promise.race([started, polling]);
  }

  const deliver = async (update: Update) => {
    if (!webhookMode) {
      tg.pushUpdate(update);
      return;
    }
    const status = await tg.deliverWebhook(update);
    if (status !== 200) throw new Error(`the webhook answered ${status}`);
  };
  const idle = async () => {
    if (!webhookMode) await tg.waitUntilHandled(15_000);
    await bot.drain();
  };

  return {
    tg,
    jc,
    phpChecked: php !== null,
    redis,
    prefix,
    config,
    accounts,
    chats,
    bot,
    engine,
    logs,
    setNow: (d) => {
      now = d;
    },
    async say(from, text, chat) {
      const update = tg.makeUpdate.message({ from, text, ...(chat ? { chat } : {}) });
      await deliver(update);
      await idle();
      const { chat: where, message_id: asked } = update.message;
      return tg.sent(where.id).filter((m) => m.messageId > asked);
    },
    async press(from, message, data) {
      const chat = message.chatId < 0 ? { ...GROUP, id: message.chatId } : undefined;
      const update = tg.makeUpdate.callback({ from, messageId: message.messageId, data, ...(chat ? { chat } : {}) });
      await deliver(update);
      await idle();
      const call = tg.calls.find(
        (c) => c.method === 'answerCallbackQuery' && c.payload.callback_query_id === update.callback_query.id && !c.error,
      );
      if (!call) throw new Error(`the bot did not answer the button press ${data}`);
      const answer = { text: call.payload.text as string | undefined, alert: call.payload.show_alert === true || call.payload.show_alert === 'true' };
      return { answer, message: tg.sent(message.chatId).find((m) => m.messageId === message.messageId) };
    },
    idle,
    deliver,
    async close() {
      if (http) {
        const server = http;
        await new Promise<void>((resolve) => server.close(() => resolve()));
      } else bot.bot.stop('test over');
      await polling.catch(() => undefined);
      await bot.drain();
      await engine?.close(2_000);
      await quitRedis(redis);
      await client.close();
      await php?.close();
      await jc.close();
      await tg.close();
    },
  };
}
