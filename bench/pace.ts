// Adaptive polling against the fixed-interval poller: the real app (engine, stores, JustClick client, push
// handler) on a simulated clock, over hours of a realistic mix of shops; JustClick calls per account-hour, how
// long a paid order waits for its alert, and a check against the ledger that no paid order was left out.
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { assemble } from '../src/app.js';
import type { Config } from '../src/config.js';
import { POLL_QUEUE, POLL_TICK } from '../src/jobs/queues.js';
import { createLogger } from '../src/logger.js';
import { KeySpace } from '../src/store/keys.js';
import { AlertLedger } from '../src/store/ledger.js';
import { PollPaceStore } from '../src/store/poll-pace.js';
import { isClusterUrl } from '../src/store/redis.js';
import { notificationBody, startFakeJustClick, type FakeJustClick, type RawOrder } from '../test/fakes/justclick.js';
import { startFakeTelegram, type FakeTelegram } from '../test/fakes/telegram.js';
import { startRedisServer } from '../test/support/redis-server.js';
import type { Study, StudyTable } from './run.js';

const MIN = 60_000;
const POLL_SECONDS = 60;
const RECONCILE_SECONDS = 900;
/** Share of pushes JustClick never delivers, to show the reconciliation catches them. */
const LOST_PUSHES = 0.05;

type Kind = 'push-healthy' | 'quiet' | 'busy';
/** The mix of issue #14: 30% with a working push, 60% that sold nothing for weeks, 10% busy without a push. */
const MIX: { kind: Kind; share: number; salesPerHour: number }[] = [
  { kind: 'push-healthy', share: 0.3, salesPerHour: 2 },
  { kind: 'quiet', share: 0.6, salesPerHour: 0 },
  { kind: 'busy', share: 0.1, salesPerHour: 12 },
];

interface Shop {
  kind: Kind;
  ownerId: number;
  login: string;
  key: string;
  pushToken?: string;
}

interface Sale {
  shop: Shop;
  at: number;
  pushed: boolean;
}

interface Outcome {
  calls: Record<Kind, number>;
  /** Per kind: ms from payment to the alert being queued (the ledger written), and whether the push was lost. */
  waits: Record<Kind, { ms: number; lost: boolean }[]>;
  missed: number;
  alerted: number;
}

/** A small seeded generator, so both pollers meet the same sales at the same moments. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function plan(accounts: number, hours: number, start: number): { kinds: Kind[]; sales: { index: number; at: number; pushed: boolean }[] } {
  const random = mulberry32(14);
  const kinds: Kind[] = [];
  for (const m of MIX) for (let i = 0; i < Math.round(accounts * m.share); i++) kinds.push(m.kind);
  const sales: { index: number; at: number; pushed: boolean }[] = [];
  kinds.forEach((kind, index) => {
    const perHour = MIX.find((m) => m.kind === kind)!.salesPerHour;
    for (let t = start; perHour > 0; ) {
      // Exponential gaps: a Poisson stream of sales.
      t += (-Math.log(1 - random()) / perHour) * 60 * MIN;
      if (t >= start + hours * 60 * MIN) break;
      sales.push({ index, at: Math.round(t), pushed: kind === 'push-healthy' && random() >= LOST_PUSHES });
    }
  });
  // One quiet shop in ten sells once, halfway: how long its first sale in weeks waits, and that it speeds up.
  kinds.forEach((kind, index) => {
    if (kind === 'quiet' && index % 10 === 0) sales.push({ index, at: start + (hours / 2) * 60 * MIN + index * 1000, pushed: false });
  });
  return { kinds, sales: sales.sort((a, b) => a.at - b.at) };
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** One poller over the planned hours: `fixed` checks every account every tick, as the code before #14 did. */
async function simulate(
  mode: 'adaptive' | 'fixed',
  env: { redisUrl: string; jc: FakeJustClick; tg: FakeTelegram },
  accounts: number,
  hours: number,
): Promise<Outcome> {
  const start = Date.now();
  let clock = start;
  const prefix = `jcb-pace-${mode}-${randomBytes(3).toString('hex')}:`;
  const config: Config = {
    botToken: env.tg.token,
    credentialsKeys: [randomBytes(32)],
    redisUrl: env.redisUrl,
    telegramApiRoot: env.tg.apiRoot,
    justclickApiUrl: env.jc.url,
    ordersMethod: 'getOrdersWithGoods',
    defaultTimezone: 'Europe/Moscow',
    alertPollSeconds: POLL_SECONDS,
    alertReconcileSeconds: RECONCILE_SECONDS,
    botMode: 'polling',
    port: 0,
    metrics: { port: 0, host: '127.0.0.1' },
    publicUrl: undefined,
    webhookSecret: undefined,
    logLevel: 'silent',
  };
  const app = assemble(config, { now: () => new Date(clock), prefix, logger: createLogger('silent'), leader: { ttlMs: 1_500, renewMs: 300 } });
  const { redis, accounts: store, chats } = app.stores;
  // The key names the app gives itself (src/app.ts), for the bench's own stores and reads.
  const keys = new KeySpace(prefix, isClusterUrl(env.redisUrl));
  const pace = new PollPaceStore(redis, keys);
  const ledger = new AlertLedger(redis, keys);
  const pollQueue = new Queue(POLL_QUEUE, { connection: { url: env.redisUrl }, prefix: keys.queuePrefix() });
  const pending = async () => Object.values(await pollQueue.getJobCounts('wait', 'active', 'prioritized', 'delayed')).reduce((a, b) => a + b, 0);
  try {
    const { kinds, sales: planned } = plan(accounts, hours, start);
    const shops: Shop[] = kinds.map((kind, i) => ({
      kind,
      ownerId: 2_000_000 + i,
      login: `pace${mode}${i}`,
      key: randomBytes(16).toString('hex'),
    }));
    for (const shop of shops) {
      env.jc.addAccount(shop.login, shop.key);
      await store.link(shop.ownerId, { login: shop.login, region: 'ru', key: shop.key }, Math.floor(start / 1000) - 60 * 86_400);
      await chats.update(shop.ownerId, { ownerId: shop.ownerId });
      await app.engine.alerts.enable(shop.ownerId, shop.ownerId);
      if (shop.kind === 'push-healthy') shop.pushToken = await store.ensurePushToken(shop.ownerId);
      // Weeks of watching have taught the poller these facts: the quiet shops' last sale was a month ago; the
      // push-healthy shops' pushes have been arriving.
      if (shop.kind === 'quiet') await pace.remember(shop.ownerId, { saleAt: start - 30 * 86_400_000 });
      if (shop.kind === 'push-healthy') await store.markPush(shop.ownerId, Math.floor(start / 1000) - 3600);
    }
    await app.start();
    // The scheduler's own tick fires once at start; then it goes, and this study queues every tick itself.
    await until(async () => app.engine.isLeader() && (await pollQueue.getJobSchedulersCount()) === 1, 'the poll tick scheduler');
    await until(async () => (await pollQueue.getJobCounts('completed')).completed! > 0 && (await pending()) <= 1, 'the first tick');
    await pollQueue.removeJobScheduler(POLL_TICK);
    await until(async () => (await pending()) === 0, 'the first checks');

    const callsBefore = new Map(shops.map((s) => [s.login, env.jc.requests.filter((r) => r.login === s.login).length]));
    const sales: (Sale & { order: RawOrder; alertedAt?: number })[] = [];
    const waitingFor = async () => {
      for (const sale of sales) {
        if (sale.alertedAt === undefined && (await ledger.has(sale.shop.ownerId, sale.order.id))) sale.alertedAt = clock;
      }
    };
    let next = 0;
    const end = start + hours * 60 * MIN;
    for (let tick = 1; start + tick * POLL_SECONDS * 1000 <= end + 2 * 60 * MIN; tick++) {
      const tickAt = start + tick * POLL_SECONDS * 1000;
      // The sales of this minute, each at its moment, pushed at once unless the push is lost.
      for (; next < planned.length && planned[next]!.at <= tickAt; next++) {
        const p = planned[next]!;
        const shop = shops[p.index]!;
        clock = p.at;
        const order = env.jc.addOrder(shop.login, { created: Math.floor(p.at / 1000) - 60, paid: Math.floor(p.at / 1000) });
        sales.push({ shop, at: p.at, pushed: p.pushed, order });
        if (p.pushed && shop.pushToken) {
          const answer = await app.handleNotification(shop.pushToken, notificationBody(order, shop.key));
          if (answer.status !== 200) throw new Error(`push refused: ${answer.status}`);
        }
        await waitingFor();
      }
      clock = tickAt;
      if (mode === 'fixed') await redis.call('ZUNIONSTORE', keys.plain('alert:due'), 1, keys.plain('alert:due'), 'WEIGHTS', 0);
      const id = `pace-tick-${tick}`;
      await pollQueue.add('tick', {}, { jobId: id, removeOnComplete: true });
      await until(async () => (await pollQueue.getJob(id)) === undefined && (await pending()) === 0, `tick ${tick}`);
      await waitingFor();
    }
    // Calls over the planned hours plus the two that let the last reconciliations happen, per account-hour.
    const calls = { 'push-healthy': 0, quiet: 0, busy: 0 };
    for (const s of shops) calls[s.kind] += env.jc.requests.filter((r) => r.login === s.login).length - callsBefore.get(s.login)!;
    const waits: Outcome['waits'] = { 'push-healthy': [], quiet: [], busy: [] };
    let missed = 0;
    for (const sale of sales) {
      // Checked against the ledger once more, at the end: alerted means recorded for the shop's chat.
      if (sale.alertedAt === undefined || !(await ledger.has(sale.shop.ownerId, sale.order.id))) missed++;
      else waits[sale.shop.kind].push({ ms: sale.alertedAt - sale.at, lost: sale.shop.kind === 'push-healthy' && !sale.pushed });
    }
    return { calls, waits, missed, alerted: sales.length - missed };
  } finally {
    await pollQueue.close();
    await app.stop(5_000);
  }
}

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const secs = (ms: number) => (Number.isNaN(ms) ? '—' : ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`);

async function run({ quick }: { quick: boolean }): Promise<StudyTable[]> {
  const accounts = quick ? 40 : 100;
  const hours = quick ? 3 : 6;
  // BENCH_REDIS_URL: run on a Redis of your own (a cluster, say); else the study starts one.
  const own = process.env.BENCH_REDIS_URL ? undefined : await startRedisServer();
  const redisUrl = process.env.BENCH_REDIS_URL ?? own!.url;
  const jc = await startFakeJustClick();
  const tg = await startFakeTelegram();
  try {
    const fixed = await simulate('fixed', { redisUrl, jc, tg }, accounts, hours);
    const adaptive = await simulate('adaptive', { redisUrl, jc, tg }, accounts, hours);
    const count = (k: Kind) => Math.round(accounts * MIX.find((m) => m.kind === k)!.share);
    // The hours simulated: the planned ones and the two after them in which the last sales are reconciled.
    const simHours = hours + 2;
    const perAccountHour = (o: Outcome, k: Kind) => o.calls[k] / count(k) / simHours;
    const all = (o: Outcome) => (Object.keys(o.calls) as Kind[]).reduce((s, k) => s + o.calls[k], 0) / accounts / simHours;
    const rows = (['push-healthy', 'quiet', 'busy'] as Kind[]).map((k) => {
      const f = fixed.waits[k].map((w) => w.ms);
      const a = adaptive.waits[k].map((w) => w.ms);
      return [
        `${k} (${count(k)})`,
        perAccountHour(fixed, k).toFixed(1),
        perAccountHour(adaptive, k).toFixed(1),
        `×${(perAccountHour(fixed, k) / perAccountHour(adaptive, k)).toFixed(1)}`,
        String(a.length),
        `${secs(percentile(f, 50))} / ${secs(percentile(f, 99))}`,
        `${secs(percentile(a, 50))} / ${secs(percentile(a, 99))}`,
      ];
    });
    const pushedWaits = (o: Outcome) => o.waits['push-healthy'].filter((w) => !w.lost).map((w) => w.ms);
    const lostWaits = (o: Outcome) => o.waits['push-healthy'].filter((w) => w.lost).map((w) => w.ms);
    const ratioPush = perAccountHour(fixed, 'push-healthy') / perAccountHour(adaptive, 'push-healthy');
    const pushP99 = { fixed: percentile(pushedWaits(fixed), 99), adaptive: percentile(pushedWaits(adaptive), 99) };
    return [
      {
        title: '9. Adaptive polling: JustClick calls per account-hour and alert waits, beside the fixed-interval poller',
        method:
          `The real app (\`assemble\`: engine, stores, JustClick client, push handler) on a simulated clock, ${accounts} shops over ` +
          `${hours} hours plus 2 more for the last reconciliations, ALERT_POLL_SECONDS=${POLL_SECONDS}, ALERT_RECONCILE_SECONDS=${RECONCILE_SECONDS}: ` +
          '30% push-healthy (2 sales an hour, pushed at once, 5% of pushes lost), 60% quiet (no sale for a month; one in ten sells ' +
          'once halfway), 10% busy (12 sales an hour, no push). Sales are a seeded Poisson stream, the same for both pollers. ' +
          '"Fixed" makes every account due at every tick: the call pattern of the poller before #14 (one check per account per ' +
          'minute). A wait runs from the payment to the alert queued (its ledger entry written), on the simulated clock; the ' +
          'delivery to Telegram after it is the same for both (section 4).',
        columns: [
          'shops',
          'calls/account-hour, fixed',
          'calls/account-hour, adaptive',
          'fewer by',
          'alerts',
          'wait p50 / p99, fixed',
          'wait p50 / p99, adaptive',
        ],
        rows,
        notes: [
          `All shops: ${all(fixed).toFixed(1)} calls per account-hour fixed, ${all(adaptive).toFixed(1)} adaptive (×${(all(fixed) / all(adaptive)).toFixed(1)} fewer).`,
          `Goal: ≥ 5× fewer calls for push-healthy shops at equal or better latency. Measured ×${ratioPush.toFixed(1)} fewer; ` +
            `pushed alerts wait p99 ${secs(pushP99.fixed)} fixed, ${secs(pushP99.adaptive)} adaptive — ` +
            `${ratioPush >= 5 && pushP99.adaptive <= pushP99.fixed ? 'met' : 'NOT met'}.`,
          `A lost push (${lostWaits(adaptive).length} here) waits for the reconciliation: at most ALERT_RECONCILE_SECONDS, ` +
            `here p50 ${secs(percentile(lostWaits(adaptive), 50))}, worst ${secs(Math.max(...lostWaits(adaptive), 0))}; ` +
            `the fixed poller found them within a minute (worst ${secs(Math.max(...lostWaits(fixed), 0))}). ` +
            'After a lost push the shop is polled every minute until its next push arrives.',
          `A quiet shop's first sale in weeks waits for its hourly check; after it the shop is polled every minute again.`,
          `Missed orders (paid, never in the ledger): fixed ${fixed.missed} of ${fixed.missed + fixed.alerted}, adaptive ${adaptive.missed} of ${adaptive.missed + adaptive.alerted}.`,
        ],
        figures: { accounts, hours, simHours, fixed, adaptive, ratioPush, pushP99 },
      },
    ];
  } finally {
    await jc.close();
    await tg.close();
    await own?.stop();
  }
}

export const studies: Study[] = [{ name: 'adaptive polling', order: 9, run }];
