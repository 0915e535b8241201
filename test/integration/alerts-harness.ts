// Shared by the alert, digest and leader integration tests: real Redis, the fake JustClick and fake Telegram
// servers, the real client, stores and gateway, and engines ("replicas") built on them; plus waiting on conditions.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { Telegram } from 'telegraf';
import { checkTelegramHtml } from '../../src/domain/format/html.js';
import { splitMessage } from '../../src/domain/format/split.js';
import { createAlertEngine, type AlertEngine, type AlertEngineDeps } from '../../src/jobs/engine.js';
import { JustClickClient } from '../../src/justclick/client.js';
import { createLogger } from '../../src/logger.js';
import { AccountStore } from '../../src/store/accounts.js';
import { ChatStore } from '../../src/store/chats.js';
import { AlertLedger } from '../../src/store/ledger.js';
import { Vault } from '../../src/store/vault.js';
import { createGateway, type Gateway } from '../../src/telegram/gateway.js';
import { startFakeJustClick, type FakeJustClick } from '../fakes/justclick.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram.js';
import { freshPrefix, requireRedisUrl } from '../support/redis.js';

/** Polls `condition` until it holds; fails with `message` after `timeoutMs`. */
export async function waitFor(
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

export interface Harness {
  redisUrl: string;
  prefix: string;
  redis: Redis;
  jc: FakeJustClick;
  tg: FakeTelegram;
  accounts: AccountStore;
  chats: ChatStore;
  ledger: AlertLedger;
  client: JustClickClient;
  gateway: Gateway;
  /** A new engine ("replica") on the same Redis; closed with the harness unless closed before. */
  engine(overrides?: Partial<AlertEngineDeps>): AlertEngine;
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
  const vault = new Vault(randomBytes(32));
  const accounts = new AccountStore(redis, vault, prefix, logger);
  const chats = new ChatStore(redis, prefix);
  // No client-side retries or sleeps: the engine's own retry behaviour is what the tests look at.
  const client = new JustClickClient({ apiUrl: jc.url, retries: 0, timeoutMs: 5_000, logger });
  // maxWaitSeconds 0: every 429 reaches the delivery worker, which must honour retry_after itself.
  const gateway = createGateway(new Telegram(tg.token, { apiRoot: tg.apiRoot }), {
    logger,
    checkHtml: checkTelegramHtml,
    split: splitMessage,
    maxWaitSeconds: 0,
  });
  const engines: AlertEngine[] = [];

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
    client,
    gateway,
    engine(overrides = {}) {
      const engine = createAlertEngine({
        redisUrl,
        prefix,
        accounts,
        chats,
        client,
        gateway,
        logger,
        ordersMethod: 'getOrdersWithGoods',
        pollSeconds: 1,
        leader: { ttlMs: 1_500, renewMs: 300 },
        ...overrides,
      });
      engines.push(engine);
      return engine;
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
      await Promise.all(engines.map((e) => e.close(2_000)));
      await client.close();
      await Promise.all([jc.close(), tg.close()]);
      redis.disconnect();
    },
  };
}
