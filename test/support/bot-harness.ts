// The real bot (the assembled app on real Redis, polling a strict fake Telegram, asking a JustClick stand-in that
// checks signatures with PHP where php exists), driven as a user would: say something, read the answers.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import type { Update } from 'telegraf/types';
import { assemble } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { AlertEngine } from '../../src/jobs/engine.js';
import { createLogger } from '../../src/logger.js';
import type { AccountStore } from '../../src/store/accounts.js';
import type { ChatStore } from '../../src/store/chats.js';
import type { Redis } from '../../src/store/redis.js';
import type { Bot } from '../../src/telegram/bot.js';
import { phpMissingReason } from '../fakes/justclick-php/oracle.js';
import { startFakeJustClick, startPhpJustClick, type FakeJustClick, type PhpJustClick } from '../fakes/justclick.js';
import { startFakeTelegram, type ChatSpec, type FakeTelegram, type SentMessage, type UserSpec } from '../fakes/telegram.js';
import { freshPrefix, requireRedisUrl } from './redis.js';

export interface HarnessOptions {
  /** The bot's clock; JustClick's stand-in keeps real time (it is only asked for explicit days). */
  now?: Date;
  /** PUBLIC_URL in polling mode (webhook mode uses the loopback URL the fake Telegram posts to). */
  publicUrl?: string;
  /** `webhook`: updates come as Telegram's POSTs to the bot's HTTP server (src/http/server.ts) instead of getUpdates. */
  mode?: 'polling' | 'webhook';
  /** The pinned card's edit interval and goal checks' pace (default 10 s). */
  followUpMs?: number;
  /** REDIS_URL (default: the test run's shared single Redis), e.g. a cluster's `redis+cluster://…`. */
  redisUrl?: string;
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
  engine: AlertEngine;
  /** The bot's public HTTP port (webhook, JustClick notifications). */
  httpPort: number;
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

export const WEBHOOK_SECRET = 'e2e-webhook-secret_0123456789abcdefghij';
export const GROUP: ChatSpec = { id: -1001234567890, type: 'supergroup', title: 'Shop team' };

/** A port nobody listens on right now, for a webhook URL that must be known before the server listens. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no free port');
  return address.port;
}

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

  const webhookMode = options.mode === 'webhook';
  const port = webhookMode ? await freePort() : 0;
  const settings = {
    botToken: tg.token,
    credentialsKeys: [randomBytes(32)],
    redisUrl: options.redisUrl ?? requireRedisUrl(),
    telegramApiRoot: tg.apiRoot,
    justclickApiUrl: php?.url ?? jc.url,
    ordersMethod: 'getOrdersWithGoods',
    defaultTimezone: 'Europe/Moscow',
    alertPollSeconds: 60,
    alertReconcileSeconds: 900,
    port,
    metrics: { port: 0, host: '127.0.0.1' },
    logLevel: 'debug',
  } as const;
  const config: Config = webhookMode
    ? { ...settings, botMode: 'webhook', publicUrl: `http://127.0.0.1:${port}`, webhookSecret: WEBHOOK_SECRET }
    : { ...settings, botMode: 'polling', publicUrl: options.publicUrl, webhookSecret: undefined };

  let now = options.now ?? new Date();
  const prefix = freshPrefix('e2e');
  const app = assemble(config, {
    now: () => now,
    logger,
    prefix,
    // Short timeouts and one retry: an outage is reached in milliseconds, not minutes.
    justclick: { retries: 1, backoffBaseMs: 5, backoffMaxMs: 20, timeoutMs: 5_000 },
    // Commands only: no poll tick of the engine's own interleaves with the conversation.
    engineWorkers: false,
    ...(options.followUpMs ? { followUpMs: options.followUpMs } : {}),
  });
  await app.start();
  if (!webhookMode) await tg.waitFor(() => app.takesUpdates(), 10_000);
  const { bot, engine } = app;
  const { redis, accounts, chats } = app.stores;

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
    httpPort: app.port(),
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
      const call = tg.calls.find((c) => c.method === 'answerCallbackQuery' && c.payload.callback_query_id === update.callback_query.id && !c.error);
      if (!call) throw new Error(`the bot did not answer the button press ${data}`);
      const answer = { text: call.payload.text as string | undefined, alert: call.payload.show_alert === true || call.payload.show_alert === 'true' };
      return { answer, message: tg.sent(message.chatId).find((m) => m.messageId === message.messageId) };
    },
    idle,
    deliver,
    async close() {
      await app.stop(2_000);
      await php?.close();
      await jc.close();
      await tg.close();
    },
  };
}
