// Shared by the alert, digest and leader integration tests: real Redis, the fake JustClick and fake Telegram
// servers, and replicas of the assembled app (src/app.ts) on them; plus waiting on conditions.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { assemble, type App, type Overrides } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { AlertEngine } from '../../src/jobs/engine.js';
import { createLogger } from '../../src/logger.js';
import { AccountStore } from '../../src/store/accounts.js';
import { ChatStore } from '../../src/store/chats.js';
import { AlertLedger } from '../../src/store/ledger.js';
import { Vault } from '../../src/store/vault.js';
import { startFakeJustClick, type FakeJustClick } from '../fakes/justclick.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram.js';
import { freshPrefix, requireRedisUrl } from '../support/redis.js';

/** Polls `condition` until it holds; fails with `message` after `timeoutMs`. */
async function waitFor(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 10_000, intervalMs = 25, message = 'condition' }: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** One replica of the bot, as production runs several: the engine's API at hand, the whole app behind it. */
export interface Replica extends Pick<AlertEngine, 'alerts' | 'digests' | 'isLeader'> {
  app: App;
  /** Starts the whole replica: its HTTP server, the engine's workers, its campaign for the updates. */
  start(): Promise<void>;
  /** Stops the replica; running jobs get until the deadline. */
  close(deadlineMs?: number): Promise<void>;
  /** POST /justclick/notify/<token>, without HTTP in between. */
  handleNotification: App['handleNotification'];
}

export interface Harness {
  redisUrl: string;
  prefix: string;
  redis: Redis;
  jc: FakeJustClick;
  tg: FakeTelegram;
  accounts: AccountStore;
  chats: ChatStore;
  ledger: AlertLedger;
  /** A new replica on the same Redis; stopped with the harness unless closed before. `reconcileSeconds` replaces the tests' 1. */
  engine(overrides?: Pick<Overrides, 'now'>, settings?: { reconcileSeconds?: number }): Replica;
  /** Links a fresh JustClick account (created in the fake) to the Telegram user `ownerId`. */
  link(ownerId: number, login?: string): Promise<{ login: string; key: string }>;
  /** How many getOrdersWithGoods calls the fake JustClick has answered for a login. */
  checks(login: string): number;
  /** Resolves after `n` more checks of the login than there are now: "a few polls later". */
  afterChecks(login: string, n: number): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const redisUrl = requireRedisUrl();
  const prefix = freshPrefix('alerts');
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const jc = await startFakeJustClick();
  const tg = await startFakeTelegram();
  const config: Config = {
    botToken: tg.token,
    credentialsKeys: [randomBytes(32)],
    redisUrl,
    telegramApiRoot: tg.apiRoot,
    justclickApiUrl: jc.url,
    ordersMethod: 'getOrdersWithGoods',
    defaultTimezone: 'Europe/Moscow',
    alertPollSeconds: 1,
    // Pushes in these tests must not slow the polls they wait for; the reconciliation tests set their own.
    alertReconcileSeconds: 1,
    botMode: 'polling',
    port: 0,
    metrics: { port: 0, host: '127.0.0.1' },
    publicUrl: undefined,
    webhookSecret: undefined,
    logLevel: 'silent',
  };
  // The tests' own view of the stores, on the replicas' Redis and key prefix.
  const accounts = new AccountStore(redis, new Vault(config.credentialsKeys), prefix, logger);
  const chats = new ChatStore(redis, prefix);
  const replicas: Replica[] = [];

  const checks = (login: string) => jc.requests.filter((r) => r.login === login).length;

  return {
    redisUrl,
    prefix,
    redis,
    jc,
    tg,
    accounts,
    chats,
    ledger: new AlertLedger(redis, prefix),
    engine(overrides = {}, settings = {}) {
      const app = assemble(
        { ...config, alertReconcileSeconds: settings.reconcileSeconds ?? config.alertReconcileSeconds },
        {
          ...overrides,
          logger,
          prefix,
          // No client-side retries or sleeps: the engine's own retry behaviour is what the tests look at.
          justclick: { retries: 0, timeoutMs: 5_000 },
          leader: { ttlMs: 1_500, renewMs: 300 },
        },
      );
      const { alerts, digests, isLeader } = app.engine;
      const replica: Replica = {
        app,
        alerts,
        digests,
        isLeader,
        start: app.start,
        close: app.stop,
        handleNotification: app.handleNotification,
      };
      replicas.push(replica);
      return replica;
    },
    async link(ownerId, login = `shop${randomBytes(3).toString('hex')}`) {
      const key = randomBytes(16).toString('hex');
      jc.addAccount(login, key);
      await accounts.link(ownerId, { login, region: 'ru', key }, nowSeconds() - 3600);
      // These sellers chose Russian (/lang ru): chats they feed that have no language of their own read Russian.
      await chats.updateUser(ownerId, { lang: 'ru' });
      return { login, key };
    },
    checks,
    async afterChecks(login, n) {
      const target = checks(login) + n;
      await waitFor(() => checks(login) >= target, { message: `${n} more checks of ${login}` });
    },
    async close() {
      await Promise.all(replicas.map((r) => r.close(2_000)));
      await Promise.all([jc.close(), tg.close()]);
      redis.disconnect();
    },
  };
}
