// A child process running the real bot (assemble from src/app.ts: the alert engine, real stores, the real
// JustClick client) on its own Redis, as the polling benchmark's "bot": it seeds N accounts with alerts on, then times whole
// polling rounds and reports its own CPU, RSS and Redis figures. One process per size, so sizes do not mix.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { assemble, PREFIX, type App } from '../../src/app.js';
import { DEFAULT_POLL_CONCURRENCY, pollBatchFor } from '../../src/jobs/poll.js';
import { POLL_QUEUE } from '../../src/jobs/queues.js';
import type { AccountStore } from '../../src/store/accounts.js';
import { KeySpace } from '../../src/store/keys.js';
import { isClusterUrl, scanKeys, type Redis } from '../../src/store/redis.js';
import { benchAccount, engineConfig } from './accounts.js';
import { checkBefore } from './check-before.js';
import { reply, serve } from './child.js';
import { redisInfo } from './redis-info.js';

const SEED_CONCURRENCY = 100;

export interface RoundFigures {
  wallMs: number;
  cpuMs: number;
  redisCpuMs: number;
}

export interface EngineFigures {
  accounts: number;
  rounds: RoundFigures[];
  rssPeakBytes: number;
  /** Live JS heap right after the rounds, after a full GC. */
  heapAfterGcBytes: number;
  redisBaseBytes: number;
  redisSeededBytes: number;
  redisAfterRoundsBytes: number;
  /** Completed poll jobs BullMQ keeps (removeOnComplete) when the rounds are over. */
  keptPollJobs: number;
  /** Accounts whose last check failed. */
  failedAccounts: number;
}

interface Setup {
  /** Accounts per poll job. */
  batch: number;
  accounts: number;
  app: App;
  store: AccountStore;
  redis: Redis;
  keys: KeySpace;
  pollQueue: Queue;
  base: number;
  seeded: number;
  close(): Promise<void>;
}

let setup: Setup | undefined;

const usedMemory = async (redis: Redis) => Number((await redisInfo(redis, 'memory')).get('used_memory'));
const redisCpuMs = async (redis: Redis) => {
  const cpu = await redisInfo(redis, 'cpu');
  return (Number(cpu.get('used_cpu_user')) + Number(cpu.get('used_cpu_sys'))) * 1000;
};

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Every account due now, and its JustClick budget full again: rounds come far faster than ALERT_POLL_SECONDS
 * (3600 here, so that the scheduler's own ticks stay out of the way), which the budget would rightly put off.
 */
async function freshRound(redis: Redis, keys: KeySpace): Promise<void> {
  // The names the app's stores use (src/store/poll-pace.ts, budgets.ts).
  const key = keys.plain('alert:due');
  // Weight 0: every score becomes 0, due since the epoch.
  await redis.call('ZUNIONSTORE', key, 1, key, 'WEIGHTS', 0);
  for await (const buckets of scanKeys(redis, keys.plain('budget:acct', '*'), 1000)) {
    // One DEL per key: on a cluster the buckets sit in different slots.
    await Promise.all(buckets.map((bucket) => redis.del(bucket)));
  }
}

/** Poll jobs still to run (not counting the scheduler's next tick, which waits delayed). */
const pending = async (queue: Queue) => Object.values(await queue.getJobCounts('wait', 'active', 'prioritized')).reduce((a, b) => a + b, 0);

/** The baseline's poll jobs held 10 accounts, as main's did before #14. */
const BASELINE_BATCH = 10;

async function seed(message: { accounts: number; redisUrl: string; template: string; telegramApiRoot: string; botToken: string; baseline: boolean }) {
  const config = engineConfig(message);
  // `baseline`: the checks as main made them before #14's cheaper checks, for the ratios of the same run.
  // Before #14 the client let an idle connection go after 30 s, half a minute before the account's next check, so
  // no check found one open; the rounds here come back to back, so the baseline keeps them 1 s to stay that way.
  const app = assemble(
    config,
    message.baseline ? { baselineChecks: { pollProcessor: checkBefore, batch: BASELINE_BATCH }, justclick: { keepAliveMs: 1_000 } } : {},
  );
  const { redis, accounts: store, chats } = app.stores;
  const { engine } = app;
  // The key names the app gives itself (src/app.ts), for the bench's own reads and writes.
  const keys = new KeySpace(PREFIX, isClusterUrl(message.redisUrl));
  const pollQueue = new Queue(POLL_QUEUE, { connection: { url: message.redisUrl }, prefix: keys.queuePrefix() });
  const base = await usedMemory(redis);

  // As /link then /alerts on would leave them: the account, its private chat fed by it, alerts on (with the baseline call).
  let next = 0;
  const linkedAt = Math.floor(Date.now() / 1000) - 86_400;
  await Promise.all(
    Array.from({ length: SEED_CONCURRENCY }, async () => {
      for (let i = next++; i < message.accounts; i = next++) {
        const { login, key, ownerId } = benchAccount(i);
        await store.link(ownerId, { login, region: 'ru', key }, linkedAt);
        await chats.update(ownerId, { ownerId });
        await engine.alerts.enable(ownerId, ownerId);
      }
    }),
  );
  const seeded = await usedMemory(redis);
  setup = {
    batch: message.baseline ? BASELINE_BATCH : pollBatchFor(DEFAULT_POLL_CONCURRENCY),
    accounts: message.accounts,
    app,
    store,
    redis,
    keys,
    pollQueue,
    base,
    seeded,
    async close() {
      await pollQueue.close();
      await app.stop(5_000);
    },
  };
  reply({ type: 'seeded' });
}

async function rounds(count: number): Promise<EngineFigures> {
  if (!setup) throw new Error('seed first');
  const { accounts, app, redis, keys, pollQueue, batch } = setup;
  // memoryUsage.rss() alone: the full memoryUsage() also walks V8's heap spaces, CPU this bench would count as the bot's.
  let rssPeak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  }, 100);

  /** One poll tick, as the scheduler would queue it, and every check it fans out. */
  const round = async (r: number): Promise<RoundFigures> => {
    const id = `bench-tick-${r}`;
    // Every account due now, as at a fixed interval: the round times one check of each (adaptive pacing is bench/pace.ts).
    await freshRound(redis, keys);
    const cpu = process.cpuUsage();
    const redisCpu = await redisCpuMs(redis);
    const start = performance.now();
    await pollQueue.add('tick', {}, { jobId: id });
    await until(async () => (await pollQueue.getJob(id))?.finishedOn !== undefined && (await pending(pollQueue)) === 0, `round ${r}`);
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return { wallMs, cpuMs: (used.user + used.system) / 1000, redisCpuMs: (await redisCpuMs(redis)) - redisCpu };
  };

  // Starting the app starts the engine, which fires its scheduled tick at once (the next one is an hour away):
  // that round warms up connections and the JIT and is not counted. The measured rounds are ticks queued here.
  await app.start();
  await until(
    async () => (await pollQueue.getJobCounts('completed')).completed! > Math.ceil(accounts / batch) && (await pending(pollQueue)) === 0,
    'the warm-up round',
  );
  const figures: RoundFigures[] = [];
  const profile = await profiler();
  for (let r = 1; r <= count; r++) figures.push(await round(r));
  await profile.stop();
  clearInterval(sampler);
  // What the process really keeps (RSS peaks hold garbage V8 has not collected yet); needs --expose-gc.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const heapAfterGc = gc ? process.memoryUsage().heapUsed : Number.NaN;

  let failed = 0;
  for (let i = 0; i < accounts; i++) if ((await setup.store.get(benchAccount(i).ownerId))?.lastError) failed++;
  return {
    accounts,
    rounds: figures,
    rssPeakBytes: rssPeak,
    heapAfterGcBytes: heapAfterGc,
    redisBaseBytes: setup.base,
    redisSeededBytes: setup.seeded,
    redisAfterRoundsBytes: await usedMemory(redis),
    keptPollJobs: (await pollQueue.getJobCounts('completed')).completed!,
    failedAccounts: failed,
  };
}

/**
 * BENCH_CPU_PROF=<dir>: a V8 CPU profile of the measured rounds only (not the seeding, the start or the warm-up),
 * to see where a check's milliseconds go; open it in Chrome's DevTools or any .cpuprofile viewer.
 */
async function profiler(): Promise<{ stop(): Promise<void> }> {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return { stop: async () => {} };
  const session = new Session();
  session.connect();
  const post = (method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (err, result) => (err ? reject(err) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      session.disconnect();
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `rounds-${setup?.accounts}-${process.pid}.cpuprofile`), JSON.stringify(profile));
    },
  };
}

serve(async (message) => {
  if (message.type === 'seed') {
    await seed(message as unknown as Parameters<typeof seed>[0]);
  } else if (message.type === 'rounds') {
    const figures = await rounds(Number(message.count));
    await setup?.close();
    reply({ type: 'rounds', figures });
  }
});
