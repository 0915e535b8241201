// Alert latency with the bot running as a process (`node --import tsx src/main.ts`): the push path (JustClick's
// notification POST → sendMessage at the fake Telegram) and the poll path (order paid → sendMessage) measured
// against the poll interval. Sellers link and switch alerts on through the fake Telegram, as users do.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { startFakeJustClick, type FakeJustClick } from '../test/fakes/justclick.js';
import { startFakeTelegram, type FakeTelegram } from '../test/fakes/telegram.js';
import { startBotProcess, type BotEnv, type BotProcess } from '../test/support/process-harness.js';
import { startRedisServer } from '../test/support/redis-server.js';
import type { Study, StudyTable } from './run.js';

const PUSH_GOAL_P99_MS = 50;
/** JustClick's getOrderDetails as slow as a real one (issue #12): the confirmed push's goal. */
const CONFIRM_LATENCY_MS = 150;
const CONFIRMED_GOAL_P99_MS = 400;
const POLL_SECONDS = 2;
const WARM_UP = 10;
/** The delivery worker sends at most 25 messages a second (Telegram's bulk limit is about 30). */
const SENDS_PER_SECOND = 25;
const PUSH_SPACING_MS = 1000 / (SENDS_PER_SECOND * 0.8);

interface User {
  id: number;
  login: string;
  key: string;
  pushToken: string;
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ORDER_NO = /(?:№ |#)(\d+)/g;

/** When each order's first alert reached the fake Telegram (its own clock, ms). */
function alertTimes(tg: FakeTelegram): Map<string, number> {
  const seen = new Map<string, number>();
  for (const call of tg.calls) {
    if (call.method !== 'sendMessage' || call.error || !String(call.payload.text).startsWith('💰')) continue;
    for (const m of String(call.payload.text).matchAll(ORDER_NO)) if (!seen.has(m[1]!)) seen.set(m[1]!, call.at);
  }
  return seen;
}

/** /link and /alerts on for every user at once, answered as a user would see them. */
async function enrol(tg: FakeTelegram, jc: FakeJustClick, count: number): Promise<User[]> {
  const users = Array.from({ length: count }, (_, i) => ({ id: 300_000 + i, login: `lat${i}`, key: randomBytes(16).toString('hex'), pushToken: '' }));
  const answerAfter = (user: User, asked: number, text: string) => tg.sent(user.id).find((m) => m.messageId > asked && m.text.includes(text));
  const ask = async (text: (u: User) => string, expect: string) => {
    const asked = users.map((u) => tg.say({ from: { id: u.id, languageCode: 'en' }, text: text(u) }).message.message_id);
    await tg.waitFor(() => users.every((u, i) => answerAfter(u, asked[i]!, expect)), 120_000);
    return users.map((u, i) => answerAfter(u, asked[i]!, expect)!.text);
  };
  for (const u of users) jc.addAccount(u.login, u.key);
  await ask((u) => `/link ${u.login} ${u.key}`, 'Linked');
  const replies = await ask(() => '/alerts on', 'Alerts are on');
  replies.forEach((text, i) => {
    const token = /\/justclick\/notify\/([A-Za-z0-9_-]{32,64})/.exec(text)?.[1];
    if (!token) throw new Error(`no notification URL in the answer to /alerts on: ${text}`);
    users[i]!.pushToken = token;
  });
  return users;
}

async function run({ quick }: { quick: boolean }): Promise<StudyTable[]> {
  const pushSamples = quick ? 100 : 200;
  const pollSamples = quick ? 40 : 120;
  const redis = await startRedisServer();
  const admin = new Redis(redis.url);
  await admin.config('SET', 'appendfsync', 'everysec');
  admin.disconnect();
  const tg = await startFakeTelegram();
  const jc = await startFakeJustClick();
  const env: BotEnv = {
    BOT_TOKEN: tg.token,
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    REDIS_URL: redis.url,
    TELEGRAM_API_ROOT: tg.apiRoot,
    JUSTCLICK_API_URL: jc.url,
    // The push path alone: no poll comes before the next hour.
    ALERT_POLL_SECONDS: '3600',
    PUBLIC_URL: 'http://127.0.0.1:9',
    PORT: '0',
    METRICS_PORT: '0',
    LOG_LEVEL: 'info',
  };
  const bots: BotProcess[] = [];
  const now = () => Math.floor(Date.now() / 1000);
  let nextOrder = 900_001;
  let lastPush = 0;
  try {
    const pushBot = await startBotProcess({ name: 'bot (push)', env });
    bots.push(pushBot);
    const users = await enrol(tg, jc, WARM_UP + pushSamples);

    // Push: one notification at a time, each to its own chat (a chat gets at most one message a second), at most
    // one every PUSH_SPACING_MS: faster than SENDS_PER_SECOND the delivery limiter holds messages back on purpose.
    // Every push is confirmed with one getOrderDetails call: first with the fake JustClick answering at once, then
    // with each answer held back CONFIRM_LATENCY_MS, as a real JustClick answers.
    const pushRun = async (latencyMs: number): Promise<number[]> => {
      const samples: number[] = [];
      // Every JustClick call of the run: the confirmation and the alert's buyer line and milestones.
      if (latencyMs > 0) jc.inject({ latencyMs }, Number.POSITIVE_INFINITY);
      for (const [i, u] of users.entries()) {
        await new Promise((r) => setTimeout(r, Math.max(0, lastPush + PUSH_SPACING_MS - Date.now())));
        lastPush = Date.now();
        const id = String(nextOrder++);
        jc.addOrder(u.login, { id, created: now() - 60, paid: null });
        jc.payOrder(u.login, id, now());
        const sentAt = Date.now();
        const status = await jc.notify(`http://127.0.0.1:${pushBot.port}/justclick/notify/${u.pushToken}`, u.login, id);
        if (status !== 200) throw new Error(`the bot answered ${status} to a notification`);
        await tg.waitFor(() => alertTimes(tg).has(id), 10_000);
        if (i >= WARM_UP) samples.push(alertTimes(tg).get(id)! - sentAt);
      }
      jc.clearFaults();
      return samples;
    };
    const push = await pushRun(0);
    // Each chat had its alert a moment ago: wait out the per-chat pace before the next round.
    await new Promise((r) => setTimeout(r, 1_500));
    const confirmed = await pushRun(CONFIRM_LATENCY_MS);
    await pushBot.kill('SIGTERM');

    // Poll: the same sellers, checked every POLL_SECONDS; orders paid at random moments, each account once.
    // These sellers' pushes just worked, which adaptive polling would answer with a check every 15 min: the
    // poll path is measured as for an account whose pushes do not arrive (reconciled as often as polled).
    const pollBot = await startBotProcess({
      name: 'bot (poll)',
      env: { ...env, ALERT_POLL_SECONDS: String(POLL_SECONDS), ALERT_RECONCILE_SECONDS: String(POLL_SECONDS) },
    });
    bots.push(pollBot);
    const paidAt = new Map<string, number>();
    for (const u of users.slice(0, pollSamples)) {
      await new Promise((r) => setTimeout(r, Math.random() * 300));
      const id = String(nextOrder++);
      jc.addOrder(u.login, { id, created: now() - 60, paid: null });
      jc.payOrder(u.login, id, now());
      paidAt.set(id, Date.now());
    }
    await tg.waitFor(() => [...paidAt.keys()].every((id) => alertTimes(tg).has(id)), 60_000);
    const seen = alertTimes(tg);
    const poll = [...paidAt].map(([id, at]) => seen.get(id)! - at);

    const pushP50 = percentile(push, 50);
    const pushP99 = percentile(push, 99);
    const confirmedP50 = percentile(confirmed, 50);
    const confirmedP99 = percentile(confirmed, 99);
    const pollP50 = percentile(poll, 50);
    const pollP99 = percentile(poll, 99);
    return [
      {
        title: '4. Alert latency: push and poll',
        method:
          'The bot as a process (`node --import tsx src/main.ts`, LOG_LEVEL=info) with its own redis-server; sellers link and ' +
          'switch alerts on through the fake Telegram and take the notification URL from the answer. Push: the fake JustClick ' +
          `POSTs a signed paid-invoice notification to the bot's HTTP server, which confirms it with one getOrderDetails call ` +
          `(first answered at once, then every JustClick answer held back ${CONFIRM_LATENCY_MS} ms, the alert's buyer line and ` +
          `today's milestones included); timed from just before the POST until the fake ` +
          `Telegram receives the sendMessage, one at a time, each to its own chat (${WARM_UP} warm-ups not counted). Poll: ` +
          `ALERT_POLL_SECONDS=${POLL_SECONDS}, orders paid at random moments, timed from the payment in the fake JustClick ` +
          'until the sendMessage.',
        columns: ['path', 'alerts', 'p50', 'p99', 'goal'],
        rows: [
          [
            'push: notification POST → sendMessage',
            String(push.length),
            `${pushP50.toFixed(0)} ms`,
            `${pushP99.toFixed(0)} ms`,
            `p99 < ${PUSH_GOAL_P99_MS} ms: ${pushP99 < PUSH_GOAL_P99_MS ? 'met' : 'NOT met'}`,
          ],
          [
            `push, getOrderDetails answering in ${CONFIRM_LATENCY_MS} ms`,
            String(confirmed.length),
            `${confirmedP50.toFixed(0)} ms`,
            `${confirmedP99.toFixed(0)} ms`,
            `p99 ≤ ${CONFIRMED_GOAL_P99_MS} ms: ${confirmedP99 <= CONFIRMED_GOAL_P99_MS ? 'met' : 'NOT met'}`,
          ],
          [
            `poll: paid → sendMessage, every ${POLL_SECONDS} s`,
            String(poll.length),
            `${(pollP50 / 1000).toFixed(2)} s (${((pollP50 / (POLL_SECONDS * 1000)) * 100).toFixed(0)}% of the interval)`,
            `${(pollP99 / 1000).toFixed(2)} s (${((pollP99 / (POLL_SECONDS * 1000)) * 100).toFixed(0)}% of the interval)`,
            'expected: p50 ≈ ½ interval, p99 ≈ 1 interval',
          ],
        ],
        notes: [
          `Notifications came at most ${(1000 / PUSH_SPACING_MS).toFixed(0)} a second. Faster than ${SENDS_PER_SECOND} a second the delivery ` +
            "worker's limiter holds the rest back until the next second (by design, for Telegram's bulk limit): then an alert waits up to a second.",
          'A poll alert waits for the next tick (half an interval on average) plus one JustClick call; with the default ' +
            'ALERT_POLL_SECONDS=60 that is about 30 s on average and a minute at worst, which is why the push URL is worth pasting.',
        ],
        figures: {
          push: { samples: push.length, p50Ms: pushP50, p99Ms: pushP99, goalP99Ms: PUSH_GOAL_P99_MS },
          pushConfirmed: {
            samples: confirmed.length,
            justclickMs: CONFIRM_LATENCY_MS,
            p50Ms: confirmedP50,
            p99Ms: confirmedP99,
            goalP99Ms: CONFIRMED_GOAL_P99_MS,
          },
          poll: { samples: poll.length, intervalSeconds: POLL_SECONDS, p50Ms: pollP50, p99Ms: pollP99 },
        },
      },
    ];
  } finally {
    await Promise.all(bots.map((b) => b.kill('SIGKILL')));
    await Promise.all([tg.close(), jc.close()]);
    await redis.stop();
  }
}

export const studies: Study[] = [{ name: 'alert latency', order: 4, run }];
