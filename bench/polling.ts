// Polling at scale: the real alert engine checking 1,000–10,000 accounts with alerts on against a fake
// JustClick that answers after 150 ms, one engine process per size; and the seed's way (PHP, one signed
// GetOrders call after another) polling the same accounts.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { startFakeTelegram, type FakeTelegram } from '../test/fakes/telegram.js';
import { startRedisServer } from '../test/support/redis-server.js';
import { benchAccount, hostOf } from './support/accounts.js';
import { forkTs, type Child, type Message } from './support/child.js';
import type { EngineFigures } from './support/poll-engine.js';
import type { Study, StudyTable } from './run.js';

const LATENCY_MS = 150;
const GOAL_ACCOUNTS = 10_000;
const GOAL_SECONDS = 60;
const CORES = 2;
const SEED_POLL = fileURLToPath(new URL('./php/seed-poll.php', import.meta.url));

interface Farm {
  child: Child;
  /** Per-account hosts: `http://127.{login}:PORT/{login}/api`. */
  template: string;
  /** Every account behind the fake's one address. */
  oneOrigin: string;
  port: number;
}

interface Measured extends EngineFigures {
  roundMs: number;
  /** Checked the way main did before #14's cheaper checks (bench/support/check-before.ts). */
  baseline: boolean;
}

/** #14: per check at 10,000 accounts, bot CPU and Redis CPU. */
const CHECK_GOAL = { botMs: 0.4, redisMs: 0.15 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const times = (x: number) => `×${x.toFixed(2)}`;

async function farmRequests(farm: Farm): Promise<{ total: number; faulted: number }> {
  farm.child.send({ type: 'requests' });
  const m = await farm.child.next<Message & { total: number; faulted: number }>('requests');
  return { total: m.total, faulted: m.faulted };
}

/** One engine process on a fresh Redis: seed `size` accounts, then time `rounds` rounds at 150 ms per JustClick call. */
async function measure(farm: Farm, tg: FakeTelegram, size: number, template: string, rounds: number, baseline = false): Promise<Measured> {
  const redis = await startRedisServer();
  const admin = new Redis(redis.url);
  // Production Redis: AOF, fsync every second (the test servers fsync every write).
  await admin.config('SET', 'appendfsync', 'everysec');
  admin.disconnect();
  const engine = forkTs(new URL('./support/poll-engine.ts', import.meta.url), `engine with ${size} accounts`, {
    // BENCH_CPU_PROF=<dir>: the engine writes a V8 CPU profile of its measured rounds there (bench/support/poll-engine.ts).
    exposeGc: true,
  });
  try {
    const before = await farmRequests(farm);
    engine.send({ type: 'seed', accounts: size, redisUrl: redis.url, template, telegramApiRoot: tg.apiRoot, botToken: tg.token, baseline });
    await engine.next('seeded');
    // Exactly the warm-up round and the measured ones meet the latency; seeding went at loopback speed.
    farm.child.send({ type: 'latency', ms: LATENCY_MS, count: size * (1 + rounds) });
    await farm.child.next('latency');
    engine.send({ type: 'rounds', count: rounds });
    const { figures } = await engine.next<Message & { figures: EngineFigures }>('rounds');
    const after = await farmRequests(farm);
    const expected = size * (2 + rounds);
    if (after.total - before.total !== expected || after.faulted - before.faulted !== size * (1 + rounds) || figures.failedAccounts > 0) {
      throw new Error(
        `${size} accounts: JustClick saw ${after.total - before.total} calls (expected ${expected}), ${figures.failedAccounts} accounts failing: the figures would not be one check per account per round`,
      );
    }
    return { ...figures, roundMs: median(figures.rounds.map((r) => r.wallMs)), baseline };
  } finally {
    await engine.stop();
    await redis.stop();
  }
}

/** The seed's way: php-cli calling GetOrders for each account in turn. */
async function seedWay(farm: Farm, accounts: number): Promise<{ transport: string; calls: number; ok: number; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'jc-bench-seed-'));
  try {
    const file = join(dir, 'accounts.json');
    const list = Array.from({ length: accounts }, (_, i) => {
      const { login, key } = benchAccount(i);
      return { url: `http://${hostOf(login)}:${farm.port}/${login}/api`, login, key };
    });
    writeFileSync(file, JSON.stringify(list));
    farm.child.send({ type: 'latency', ms: LATENCY_MS, count: accounts });
    await farm.child.next('latency');
    const out = await new Promise<string>((resolve, reject) => {
      const php = spawn('php', [SEED_POLL, file], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      php.stdout.setEncoding('utf8').on('data', (d: string) => (text += d));
      php.on('error', reject);
      php.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`seed-poll.php exited with ${code}`))));
    });
    const result = JSON.parse(out) as { transport: string; calls: number; ok: number; failed: number; seconds: number };
    if (result.ok !== accounts) throw new Error(`seed-poll.php: ${result.failed} of ${accounts} calls failed`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run({ quick }: { quick: boolean }): Promise<StudyTable[]> {
  const sizes = quick ? [1_000, 10_000] : [1_000, 2_000, 5_000, 10_000];
  const rounds = quick ? 2 : 3;
  const seedAccounts = quick ? 100 : 1_000;
  // The engine's gateway needs a Telegram; no order is paid during the rounds, so nothing is sent to it.
  const tg = await startFakeTelegram();
  const child = forkTs(new URL('./support/farm.ts', import.meta.url), 'JustClick farm');
  try {
    child.send({ type: 'start', accounts: Math.max(...sizes) });
    const started = await child.next<Message & { template: string; oneOrigin: string; port: number }>('started');
    const farm: Farm = { child, template: started.template, oneOrigin: started.oneOrigin, port: started.port };

    // Each size twice, the checks of before #14 first, then today's: the same farm, a fresh Redis and process each.
    const before: Measured[] = [];
    const measured: Measured[] = [];
    for (const size of sizes) {
      before.push(await measure(farm, tg, size, farm.template, rounds, true));
      measured.push(await measure(farm, tg, size, farm.template, rounds));
    }
    const oneOrigin = await measure(farm, tg, 1_000, farm.oneOrigin, quick ? 1 : rounds);
    const seed = await seedWay(farm, seedAccounts);

    const perCheck = (m: Measured) => ({
      bot: median(m.rounds.map((r) => r.cpuMs)) / m.accounts,
      redis: median(m.rounds.map((r) => r.redisCpuMs)) / m.accounts,
    });
    const state = (m: Measured) => m.redisSeededBytes - m.redisBaseBytes;
    const row = (m: Measured, growth: string, versus: string) => {
      const cpu = perCheck(m);
      return [
        m.accounts.toLocaleString('en-US'),
        m.baseline ? 'before #14' : 'now',
        seconds(m.roundMs),
        `${Math.round(m.accounts / (m.roundMs / 1000))}`,
        cpu.bot.toFixed(3),
        cpu.redis.toFixed(3),
        versus,
        mb(m.rssPeakBytes),
        mb(m.heapAfterGcBytes),
        `${(state(m) / m.accounts / 1024).toFixed(2)} KiB`,
        mb(m.redisAfterRoundsBytes - m.redisBaseBytes),
        growth,
      ];
    };
    const rows = measured.flatMap((m, i) => {
      const prev = measured[i - 1];
      const cpu = perCheck(m);
      const old = perCheck(before[i]!);
      const growth = prev
        ? `${times(m.accounts / prev.accounts)} accounts: round ${times(m.roundMs / prev.roundMs)}, CPU ${times((cpu.bot * m.accounts) / (perCheck(prev).bot * prev.accounts))}, RSS ${times(m.rssPeakBytes / prev.rssPeakBytes)}, Redis ${times(state(m) / state(prev))}`
        : '—';
      return [row(before[i]!, '', '—'), row(m, growth, `${times(cpu.bot / old.bot)} / ${times(cpu.redis / old.redis)}`)];
    });

    // The goal, from the largest size measured, scaled linearly to 10,000 accounts when it is smaller.
    const top = measured.at(-1)!;
    const scale = GOAL_ACCOUNTS / top.accounts;
    const cpuTop = perCheck(top);
    const topBefore = before.at(-1)!;
    const goalRound = top.roundMs * scale;
    const botCores = (cpuTop.bot * GOAL_ACCOUNTS) / (GOAL_SECONDS * 1000);
    const redisCores = (cpuTop.redis * GOAL_ACCOUNTS) / (GOAL_SECONDS * 1000);
    const met = goalRound < GOAL_SECONDS * 1000 && botCores + redisCores < CORES / 2;
    const ours1000 = measured.find((m) => m.accounts === 1_000)!;
    const seedRoundMs = (seed.seconds * 1000 * 1_000) / seedAccounts;

    const scaleTable: StudyTable = {
      title: '2. Polling at scale: accounts with alerts on, JustClick answering after 150 ms',
      method:
        'The real alert engine (`createAlertEngine` with the real stores on its own redis-server with AOF, the real ' +
        'JustClick client) in a process of its own per size, seeded as `/link` + `/alerts on` leave an account (each with ' +
        'three orders, two already paid). A fake JustClick in another process answers every call after 150 ms; each account ' +
        'has its own host, as on justclick.ru. A round is one poll tick: from queuing the tick until every account has been ' +
        `checked. After a warm-up round, ${rounds} rounds per size; medians. CPU is process.cpuUsage() of the engine and ` +
        "Redis's INFO used_cpu per round divided by the checks; Redis memory is INFO used_memory after seeding minus before. " +
        'Each size is measured twice in the same run: "before #14" runs the checks as main made them before the cheaper ' +
        'checks (bench/support/check-before.ts: that processor frozen, calling the same stores one command at a time, store ' +
        'connections not auto-pipelined, poll jobs of 10 accounts; only its pace facts are now written by a script instead ' +
        "of MULTI, and its budget and chat reads go through today's batched scripts (checks of a job that reach them in " +
        'the same tick share one command), which make the baseline a little cheaper than it was), then "now" (jobs of 50); ' +
        'the ratios are now ÷ ' +
        'before. Connections: the fake keeps ' +
        'idle ones 75 s, as nginx does, and the client now keeps them past ALERT_POLL_SECONDS, so a check finds the one ' +
        "of the check before; before #14 the client let them go after 30 s, half a minute before the account's next " +
        'check, so the baseline, whose rounds here come back to back, keeps them 1 s.',
      columns: [
        'accounts',
        'checks',
        'one round',
        'checks/s',
        'bot CPU ms/check',
        'Redis CPU ms/check',
        'bot / Redis CPU vs before',
        'bot RSS (peak)',
        'bot heap after GC',
        'Redis per account',
        'Redis growth after rounds',
        'growth from the size before',
      ],
      rows,
      notes: [
        `Goal of #14: at ${top.accounts.toLocaleString('en-US')} accounts a check costs ${cpuTop.bot.toFixed(3)} ms of bot CPU (goal ≤ ${CHECK_GOAL.botMs}; ` +
          `${perCheck(topBefore).bot.toFixed(3)} before, ${times(cpuTop.bot / perCheck(topBefore).bot)}) and ${cpuTop.redis.toFixed(3)} ms of Redis CPU ` +
          `(goal ≤ ${CHECK_GOAL.redisMs}; ${perCheck(topBefore).redis.toFixed(3)} before, ${times(cpuTop.redis / perCheck(topBefore).redis)}) — ` +
          `bot ${cpuTop.bot <= CHECK_GOAL.botMs ? 'met' : 'NOT met'}, Redis ${cpuTop.redis <= CHECK_GOAL.redisMs ? 'met' : 'NOT met'}` +
          `${top.accounts === GOAL_ACCOUNTS ? '' : ` (measured at ${top.accounts.toLocaleString('en-US')}, not ${GOAL_ACCOUNTS.toLocaleString('en-US')})`}.`,
        `Goal: ${GOAL_ACCOUNTS.toLocaleString('en-US')} accounts checked every ${GOAL_SECONDS} s on ${CORES} cores with CPU to spare. ` +
          `${scale === 1 ? 'Measured' : `Scaled linearly from ${top.accounts.toLocaleString('en-US')} accounts`}: one round ` +
          `${seconds(goalRound)}, using ${(botCores * 100).toFixed(0)}% of a core for the bot and ${(redisCores * 100).toFixed(0)}% for Redis ` +
          `at one round a minute — ${met ? 'met' : 'NOT met'}.`,
        "Where a check's bot CPU goes now (V8 profile of the 10,000-account rounds, `BENCH_CPU_PROF=<dir> npm run bench -- --filter " +
          '"polling at"`, main thread): about a quarter in ioredis, writing the commands and reading the answers (a check\'s ' +
          'Redis work is four scripts with one chat on one Redis: its start with the account, last check, pace facts and the ' +
          "chats it feeds; its budget; its chats' settings; the ledger reads with the end of the check, watch list and " +
          'schedule, when nothing is new; and the checks of a job that reach a step together send it as one EVALSHA, so a job ' +
          'of 50 sends a handful of commands instead of 200), a fifth in garbage collection, a fifth in the JustClick call ' +
          "(undici's dispatch on a kept connection, signing, JSON, the hash check), the rest in BullMQ and the engine. Gone " +
          'since the first figures: a new TCP connection per check (about 0.4 ms here), opening the sealed key, the Moscow-day ' +
          "arithmetic, a command per store operation, reading each chat twice, undici's request() stream and abort signal " +
          "(about 50 µs a call together), a sales mark for accounts no goal or pinned card follows. Redis's CPU per check is " +
          'under half of before: batches of 50 and merged writes mean fewer, larger reads.',
        `The same 1,000 accounts behind one shared host (e.g. a path-based proxy in JUSTCLICK_API_URL): one round ${seconds(oneOrigin.roundMs)} ` +
          `instead of ${seconds(ours1000.roundMs)}. The client keeps at most 16 connections per host, so behind one host a round takes at ` +
          `least accounts × 150 ms / 16.`,
        '"Redis growth after rounds" includes the finished poll jobs BullMQ keeps (an hour, at most 20,000): a fixed ceiling, not per account.',
        'The RSS peak holds garbage V8 has not collected yet (each account host keeps its connection between checks: about 6 KiB of ' +
          "undici's client and a socket, at most 10,000 hosts); " +
          'the heap after a full GC, right after the rounds, is what the process keeps.',
      ],
      figures: {
        latencyMs: LATENCY_MS,
        rounds,
        sizes: measured.map((m) => ({
          accounts: m.accounts,
          roundMs: m.roundMs,
          roundsMs: m.rounds.map((r) => r.wallMs),
          botCpuMsPerCheck: perCheck(m).bot,
          redisCpuMsPerCheck: perCheck(m).redis,
          rssPeakBytes: m.rssPeakBytes,
          heapAfterGcBytes: m.heapAfterGcBytes,
          redisBytesPerAccount: state(m) / m.accounts,
          redisAfterRoundsBytes: m.redisAfterRoundsBytes - m.redisBaseBytes,
          keptPollJobs: m.keptPollJobs,
        })),
        goal: { accounts: GOAL_ACCOUNTS, seconds: GOAL_SECONDS, roundMs: goalRound, botCores, redisCores, met, scaledFrom: top.accounts },
        oneOrigin: { accounts: oneOrigin.accounts, roundMs: oneOrigin.roundMs },
        before: before.map((m) => ({ accounts: m.accounts, roundMs: m.roundMs, botCpuMsPerCheck: perCheck(m).bot, redisCpuMsPerCheck: perCheck(m).redis })),
        checkGoal: {
          ...CHECK_GOAL,
          bot: cpuTop.bot,
          redis: cpuTop.redis,
          botMet: cpuTop.bot <= CHECK_GOAL.botMs,
          redisMet: cpuTop.redis <= CHECK_GOAL.redisMs,
        },
      },
    };

    const seedTable: StudyTable = {
      title: "3. Against the seed's way: PHP polling one account after another",
      method:
        `\`bench/php/seed-poll.php\` signs and sends one GetOrders call per account, each after the previous answer (${seed.transport}` +
        `${seed.transport === 'curl' ? '' : ': the curl extension is not installed here'}), against the same fake JustClick ` +
        `and the same accounts, 150 ms per call.${seedAccounts < 1_000 ? ` Quick mode times the first ${seedAccounts} accounts and scales to 1,000.` : ''}`,
      columns: ['poller', 'one round of 1,000 accounts', 'per account', 'bot is faster by'],
      rows: [
        ['bot: alert engine (checks in parallel)', seconds(ours1000.roundMs), `${(ours1000.roundMs / 1_000).toFixed(1)} ms`, '—'],
        [`seed: PHP ${seed.transport}, sequential`, seconds(seedRoundMs), `${(seedRoundMs / 1_000).toFixed(1)} ms`, times(seedRoundMs / ours1000.roundMs)],
      ],
      notes: [
        `At one round a minute the sequential way checks at most ${Math.floor((GOAL_SECONDS * 1000) / (seedRoundMs / 1_000)).toLocaleString('en-US')} accounts.`,
      ],
      figures: { transport: seed.transport, accountsTimed: seedAccounts, seedRoundMs, botRoundMs: ours1000.roundMs, ratio: seedRoundMs / ours1000.roundMs },
    };
    return [scaleTable, seedTable];
  } finally {
    await child.stop();
    await tg.close();
  }
}

export const studies: Study[] = [{ name: 'polling at scale', order: 2, run }];
