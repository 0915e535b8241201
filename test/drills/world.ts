// What every fault drill runs in: a Redis of its own (AOF), the fake Telegram and JustClick, bot processes run
// from the runtime contract, sellers who link and switch alerts on as users do, orders paid while the drill
// runs, and what the verdicts are made of (drill.ts draws them): alerts per chat, secrets anywhere.
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { PREFIX } from '../../src/app.js';
import { DELIVERY_QUEUE } from '../../src/jobs/queues.js';
import { createLogger } from '../../src/logger.js';
import { KeySpace } from '../../src/store/keys.js';
import { createRedis, scanKeys, type Redis as AnyRedis } from '../../src/store/redis.js';
import { startFakeJustClick, type FakeJustClick } from '../fakes/justclick.js';
import { startFakeTelegram, type ChatSpec, type FakeTelegram, type SentMessage } from '../fakes/telegram.js';
import { startBotProcess, type BotEnv, type BotProcess } from '../support/process-harness.js';
import { startRedisCluster, type RedisCluster } from '../support/redis-cluster.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { everyRedisValue } from '../support/redis-values.js';
import { holdsWithin } from '../support/wait.js';

export interface Seller {
  login: string;
  key: string;
  user: { id: number; firstName: string; languageCode: string };
  /** A group where the seller is an administrator and switched alerts on too. */
  group?: ChatSpec;
  /** Every chat this seller's alerts go to. */
  alertChats: number[];
  /** The secret part of the seller's JustClick notification URL (from the /alerts on answer). */
  pushToken?: string;
  /** Orders paid before alerts were switched on: never to be alerted. */
  history: string[];
}

export interface Verdict {
  /** How many orders were paid while the drill ran (a drill that paid none would prove nothing). */
  paid: number;
  /** `chat:order` pairs that should have an alert and have none. */
  missing: string[];
  /** `chat:order ×n` for every order alerted more than once in a chat. */
  duplicated: string[];
  /** Orders paid before alerts were switched on that were alerted anyway (a flood). */
  history: string[];
  /** `chat:order` alerts in a chat the order's account does not feed. */
  stray: string[];
}

export interface World {
  /** The world's Redis; on a cluster world its url is the cluster's and restart() is refused (see `cluster`). */
  redis: RedisServer;
  /** Set in a cluster world: three masters with a replica each, one of which a drill may kill. */
  cluster?: RedisCluster;
  tg: FakeTelegram;
  jc: FakeJustClick;
  sellers: Seller[];
  /** Every line every bot process of this world wrote. */
  lines: string[];
  /** Orders paid while the drill runs, by id. */
  paid: Map<string, Seller>;
  startBot(name: string): Promise<BotProcess>;
  /** Links every seller's account and switches alerts on (private chat, and the group for sellers with one). */
  setUp(): Promise<void>;
  /** Says `text` as the user and resolves with the bot's first answer after it; rejects after timeoutMs. */
  say(seller: Seller, text: string, opts?: { chat?: ChatSpec; timeoutMs?: number }): Promise<SentMessage>;
  /** Creates and pays an order now, in the fake JustClick. */
  pay(seller: Seller): string;
  /** Pays an order every `everyMs`, taking the sellers in turn, until stopped. */
  payer(everyMs: number): { stop(): Promise<string[]> };
  /**
   * Runs `action` the moment the fake Telegram receives the next alert, before it answers: a fault that lands
   * while Telegram takes a message and the bot has yet to note it as sent.
   */
  onNextAlert(action: () => void): void;
  /**
   * Makes Telegram fail every send (5xx) and waits until the bot has noted as sent every alert Telegram took;
   * returns what lets Telegram answer again. Used before a SIGKILL: a kill in the few milliseconds between
   * Telegram taking a message and the bot noting it would repeat that one message (sendMessage is not
   * idempotent; no bot can close that gap), which is not what the drills are about.
   */
  holdTelegram(): Promise<() => void>;
  /** JustClick's own push for an order, posted to a bot process. Resolves to the HTTP status. */
  push(seller: Seller, orderId: string, bot: BotProcess): Promise<number>;
  /** True once every paid order has an alert in every alert chat; false after timeoutMs. */
  allAlerted(timeoutMs: number): Promise<boolean>;
  /** Waits until the delivery queue holds nothing more to send and no alert was sent for `quietMs`. */
  settled(timeoutMs: number, quietMs?: number): Promise<boolean>;
  verdict(): Verdict;
  /** Asks /status in the private chat; resolves with how long the answer took (ms). */
  answersStatus(seller: Seller, timeoutMs: number): Promise<number>;
  /** Where a secret (JustClick key, bot token, CREDENTIALS_KEY) shows up: log lines, Telegram calls, Redis. */
  leaks(): Promise<string[]>;
  close(): Promise<void>;
}

const ALERT = /^💰/;
const ORDER_NO = /(?:№ |#)(\d+)/g;

/** Order numbers named in alert messages, one entry per mention. */
export function alertedOrders(messages: SentMessage[]): string[] {
  return messages.filter((m) => ALERT.test(m.text)).flatMap((m) => [...m.text.matchAll(ORDER_NO)].map((x) => x[1]!));
}

/** A cluster in the shape of a RedisServer, so the rest of the world needs no second path. */
function asServer(cluster: RedisCluster): RedisServer {
  return {
    url: cluster.url,
    port: cluster.nodes[0]!.port,
    stop: () => cluster.stop(),
    restart: () => Promise.reject(new Error('a cluster world kills a master instead: world.cluster.killMaster()')),
  };
}

export async function startWorld(opts: { sellers: { group?: boolean }[]; cluster?: boolean }): Promise<World> {
  const cluster = opts.cluster ? await startRedisCluster() : undefined;
  const redis = cluster ? asServer(cluster) : await startRedisServer({ appendonly: true });
  const token = `${7_100_000_000 + Math.floor(Math.random() * 1e6)}:AA${randomBytes(18).toString('hex')}`;
  const tg = await startFakeTelegram({ token });
  const jc = await startFakeJustClick();
  const credentialsKey = randomBytes(32).toString('base64');
  const lines: string[] = [];
  const bots: BotProcess[] = [];
  const paid = new Map<string, Seller>();
  const store: AnyRedis = cluster
    ? createRedis(cluster.url, { logger: createLogger('silent'), name: 'drill', forBullMQ: true })
    : new Redis(redis.url, { maxRetriesPerRequest: null, lazyConnect: true });
  store.on('error', () => undefined); // the drills restart this Redis on purpose
  let nextOrder = 500_001;
  const now = () => Math.floor(Date.now() / 1000);

  const sellers: Seller[] = opts.sellers.map((spec, i) => {
    const login = `drill${i + 1}${randomBytes(2).toString('hex')}`;
    const key = randomBytes(16).toString('hex');
    jc.addAccount(login, key);
    const user = { id: 91_000 + i, firstName: `Seller${i + 1}`, languageCode: 'en' };
    const group: ChatSpec | undefined = spec.group ? { id: -100_900_000_000 - i, type: 'supergroup', title: `Shop team ${i + 1}` } : undefined;
    if (group) tg.setMember(group.id, user.id, 'administrator');
    // Paid half an hour ago, before alerts are switched on: history, never an alert.
    const history = [0, 1].map(() => {
      const id = String(nextOrder++);
      jc.addOrder(login, { id, created: now() - 3600, paid: now() - 1800 });
      return id;
    });
    return { login, key, user, ...(group ? { group } : {}), alertChats: group ? [user.id, group.id] : [user.id], history };
  });

  const env: BotEnv = {
    BOT_TOKEN: token,
    CREDENTIALS_KEY: credentialsKey,
    REDIS_URL: redis.url,
    TELEGRAM_API_ROOT: tg.apiRoot,
    JUSTCLICK_API_URL: jc.url,
    ALERT_POLL_SECONDS: '1',
    // Pushes and polls of one shop both alert here: the pushed shops are not left to a 15-minute reconciliation.
    ALERT_RECONCILE_SECONDS: '1',
    // Only shapes the notification URL the bot hands out; pushes are posted to a process's own port.
    PUBLIC_URL: 'http://127.0.0.1:9',
    PORT: '0',
    METRICS_PORT: '0',
    LOG_LEVEL: 'info',
  };

  const say: World['say'] = async (seller, text, { chat, timeoutMs = 20_000 } = {}) => {
    const update = tg.say({ from: seller.user, text, ...(chat ? { chat } : {}) });
    const where = update.message.chat.id;
    const asked = update.message.message_id;
    // Alerts may arrive in the same chat meanwhile: they are not the answer.
    const answer = () => tg.sent(where).find((m) => m.messageId > asked && !ALERT.test(m.text));
    await tg.waitFor(() => answer() !== undefined, timeoutMs);
    return answer()!;
  };

  const pay = (seller: Seller): string => {
    const id = String(nextOrder++);
    jc.addOrder(seller.login, { id, created: now() - 60, paid: null });
    jc.payOrder(seller.login, id, now());
    paid.set(id, seller);
    return id;
  };

  let onAlert: (() => void) | undefined;
  const record = tg.calls.push.bind(tg.calls);
  tg.calls.push = (...calls) => {
    const length = record(...calls);
    for (const call of calls) {
      const action = onAlert;
      if (action && call.method === 'sendMessage' && ALERT.test(String(call.payload.text))) {
        onAlert = undefined;
        action();
      }
    }
    return length;
  };

  const alertsIn = (chatId: number) => alertedOrders(tg.sent(chatId));

  const verdict = (): Verdict => {
    const result: Verdict = { paid: paid.size, missing: [], duplicated: [], history: [], stray: [] };
    for (const seller of sellers) {
      for (const chatId of seller.alertChats) {
        const counts = new Map<string, number>();
        for (const id of alertsIn(chatId)) counts.set(id, (counts.get(id) ?? 0) + 1);
        for (const [id, n] of counts) {
          if (n > 1) result.duplicated.push(`${chatId}:${id} ×${n}`);
          if (seller.history.includes(id)) result.history.push(`${chatId}:${id}`);
          else if (paid.get(id) !== seller) result.stray.push(`${chatId}:${id}`);
        }
        for (const [id, owner] of paid) if (owner === seller && !counts.has(id)) result.missing.push(`${chatId}:${id}`);
      }
    }
    return result;
  };

  const waitUntil = (condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> => holdsWithin(condition, { timeoutMs, intervalMs: 50 });

  const deliveries = cluster
    ? new Queue(DELIVERY_QUEUE, { connection: store, prefix: new KeySpace(PREFIX, true).queuePrefix() })
    : new Queue(DELIVERY_QUEUE, { connection: { url: redis.url, maxRetriesPerRequest: null }, prefix: `${PREFIX}bull` });
  deliveries.on('error', () => undefined);

  return {
    redis,
    ...(cluster ? { cluster } : {}),
    tg,
    jc,
    sellers,
    lines,
    paid,
    async startBot(name) {
      const bot = await startBotProcess({ name, env, lines });
      bots.push(bot);
      return bot;
    },
    async setUp() {
      for (const seller of sellers) {
        const linked = await say(seller, `/link ${seller.login} ${seller.key}`);
        if (!linked.text.includes('Linked')) throw new Error(`${seller.login} was not linked: ${linked.text}`);
        const on = await say(seller, '/alerts on');
        if (!on.text.includes('Alerts are on')) throw new Error(`alerts not switched on for ${seller.login}: ${on.text}`);
        const token = /\/justclick\/notify\/([A-Za-z0-9_-]{32,64})/.exec(on.text)?.[1];
        if (token) seller.pushToken = token;
        if (seller.group) {
          const inGroup = await say(seller, '/alerts on', { chat: seller.group });
          if (!inGroup.text.includes('Alerts are on')) throw new Error(`alerts not switched on in the group: ${inGroup.text}`);
        }
      }
    },
    say,
    pay,
    payer(everyMs) {
      const ids: string[] = [];
      let stopped = false;
      let turn = 0;
      const loop = (async () => {
        while (!stopped) {
          ids.push(pay(sellers[turn++ % sellers.length]!));
          await new Promise((r) => setTimeout(r, everyMs));
        }
      })();
      return {
        async stop() {
          stopped = true;
          await loop;
          return ids;
        },
      };
    },
    async holdTelegram() {
      tg.inject('sendMessage', { code: 500 }, { times: Infinity });
      if (store.status === 'wait') await store.connect();
      const sentMarks = async () => {
        let count = 0;
        for await (const keys of scanKeys(store, `${PREFIX}alert:sent:*`, 1000)) count += keys.length;
        return count;
      };
      await waitUntil(async () => (await sentMarks()) >= alertedOrders(tg.sent()).length, 10_000);
      return () => tg.clearInjections();
    },
    onNextAlert(action) {
      onAlert = action;
    },
    async push(seller, orderId, bot) {
      if (!seller.pushToken) throw new Error(`no notification URL for ${seller.login}`);
      return jc.notify(`http://127.0.0.1:${bot.port}/justclick/notify/${seller.pushToken}`, seller.login, orderId);
    },
    allAlerted: (timeoutMs) => waitUntil(() => verdict().missing.length === 0, timeoutMs),
    async settled(timeoutMs, quietMs = 2_000) {
      const lastAlertAt = () => tg.calls.filter((c) => c.method === 'sendMessage' && !c.error).reduce((t, c) => Math.max(t, c.at), 0);
      return waitUntil(async () => {
        const counts = await deliveries.getJobCounts('wait', 'active', 'delayed', 'prioritized');
        const pending = Object.values(counts).reduce((a, b) => a + b, 0);
        return pending === 0 && Date.now() - lastAlertAt() >= quietMs;
      }, timeoutMs);
    },
    verdict,
    async answersStatus(seller, timeoutMs) {
      const start = Date.now();
      const reply = await say(seller, '/status', { timeoutMs });
      if (!reply.text.startsWith('Status')) throw new Error(`/status answered with something else: ${reply.text}`);
      return Date.now() - start;
    },
    async leaks() {
      const secrets = new Map<string, string>([
        ['BOT_TOKEN', token],
        ['the bot token secret', token.split(':')[1]!],
        ['CREDENTIALS_KEY', credentialsKey],
        ...sellers.map((s): [string, string] => [`JustClick key of ${s.login}`, s.key]),
      ]);
      const found: string[] = [];
      const look = (where: string, text: string) => {
        for (const [name, secret] of secrets) if (text.includes(secret)) found.push(`${name} in ${where}: ${text.slice(0, 300)}`);
      };
      for (const line of lines) look('a log line', line);
      for (const call of tg.calls) look(`Telegram ${call.method}`, JSON.stringify(call.payload));
      for (const m of tg.sent()) look('a bot message', m.text);
      if (store.status === 'wait') await store.connect();
      for (const [key, value] of await everyRedisValue(store)) look(`Redis ${key}`, `${key} ${value}`);
      return found;
    },
    async close() {
      await Promise.all(bots.map((b) => b.kill('SIGKILL')));
      await deliveries.close().catch(() => undefined);
      store.disconnect();
      await Promise.all([tg.close(), jc.close()]);
      await redis.stop();
    },
  };
}
