// The assembled app against a fake Telegram the test prepared first (faults injected before start), with its
// log lines captured: for what happens while the bot starts, which the bot harness has already done.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { assemble, type App, type Overrides } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import type { FakeTelegram } from '../fakes/telegram.js';
import { freshPrefix, requireRedisUrl } from './redis.js';

const BARE_WEBHOOK_SECRET = 'bare-app-webhook-secret_0123456789abcdef';

export function bareApp(tg: FakeTelegram, opts: { mode: 'polling' | 'webhook'; overrides?: Overrides }): { app: App; logs: string[] } {
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
  const settings = {
    botToken: tg.token,
    credentialsKeys: [randomBytes(32)],
    redisUrl: requireRedisUrl(),
    telegramApiRoot: tg.apiRoot,
    // Never asked: these tests link no account.
    justclickApiUrl: 'http://127.0.0.1:9/{login}/api',
    ordersMethod: 'getOrdersWithGoods',
    defaultTimezone: 'Europe/Moscow',
    alertPollSeconds: 60,
    alertReconcileSeconds: 900,
    port: 0,
    metrics: { port: 0, host: '127.0.0.1' },
    logLevel: 'debug',
  } as const;
  const config: Config =
    opts.mode === 'webhook'
      ? { ...settings, botMode: 'webhook', publicUrl: 'http://127.0.0.1:9', webhookSecret: BARE_WEBHOOK_SECRET }
      : { ...settings, botMode: 'polling', publicUrl: undefined, webhookSecret: undefined };
  const app = assemble(config, { logger, prefix: freshPrefix('bare'), engineWorkers: false, pollingRetryMs: 50, botInfoRetryMs: 20, ...opts.overrides });
  return { app, logs };
}

/** POSTs an update to the app's webhook as Telegram does; resolves to the HTTP status. */
export async function postUpdate(app: App, update: unknown, secret = BARE_WEBHOOK_SECRET): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${app.port()}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
    body: JSON.stringify(update),
  });
  await res.text();
  return res.status;
}
