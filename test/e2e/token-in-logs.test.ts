// End to end: when Telegram, or the proxy in TELEGRAM_API_ROOT, answers with an HTML page instead of JSON, the
// error quotes the request URL, bot token included. Whatever path meets it, no log line and no fatal message
// carries the token (issue #13, item 1).
import { randomBytes } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram.js';
import { bareApp } from '../support/bare-app.js';
import { GROUP, startBotHarness } from '../support/bot-harness.js';
import { text } from '../support/e2e.js';
import { startBotProcess } from '../support/process-harness.js';
import { describeRedis, requireRedisUrl } from '../support/redis.js';
import { waitFor } from '../support/wait.js';

/** Every place the token's secret part shows up in the lines. */
const leaks = (lines: string[], token: string): string[] => lines.filter((l) => l.includes(token.split(':')[1]!));

describeRedis('e2e: the bot token in logs', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    while (cleanup.length > 0) await cleanup.pop()!().catch(() => undefined);
  });

  it('a getChatMember answered by an HTML 404 is logged without the token, and the user is refused politely', async () => {
    const h = await startBotHarness();
    cleanup.push(() => h.close());
    const eva = { id: 8101, firstName: 'Eva', languageCode: 'en' };
    h.tg.inject('getChatMember', { htmlPage: 404 });
    expect(text(await h.say(eva, '/tz Asia/Almaty', GROUP))).toContain('Only an administrator of this chat');
    expect(h.logs.some((l) => l.includes('getChatMember failed'))).toBe(true);
    expect(leaks(h.logs, h.tg.token)).toEqual([]);
  });

  it('a getMe answered by an HTML 404 when polling starts is logged without the token, and polling starts after', async () => {
    const tg = await startFakeTelegram();
    cleanup.push(() => tg.close());
    tg.inject('getMe', { htmlPage: 404 });
    const { app, logs } = bareApp(tg, { mode: 'polling' });
    cleanup.push(() => app.stop(2_000));
    await app.start();
    await waitFor(() => logs.some((l) => l.includes('polling failed; retrying')), { message: 'the failed start of polling to be logged' });
    await tg.waitFor(() => tg.calls.some((c) => c.method === 'getUpdates'), 10_000);
    expect(leaks(logs, tg.token)).toEqual([]);
  });

  it('a setWebhook answered by an HTML 404 fails the start with an error and log lines free of the token', async () => {
    const tg = await startFakeTelegram();
    cleanup.push(() => tg.close());
    tg.inject('setWebhook', { htmlPage: 404 });
    const { app, logs } = bareApp(tg, { mode: 'webhook' });
    cleanup.push(() => app.stop(2_000));
    const failed = await app.start().then(
      () => null,
      (err: unknown) => err as Error,
    );
    expect(failed?.message).toMatch(/setWebhook/);
    expect(leaks([failed!.message, failed!.stack ?? ''], tg.token)).toEqual([]);
    expect(leaks(logs, tg.token)).toEqual([]);
  });

  it('the process that cannot start says why on stderr without the token', async () => {
    const token = `${7_200_000_000 + Math.floor(Math.random() * 1e6)}:AA${randomBytes(18).toString('hex')}`;
    const tg: FakeTelegram = await startFakeTelegram({ token });
    cleanup.push(() => tg.close());
    tg.inject('setWebhook', { htmlPage: 404 }, { times: Infinity });
    const lines: string[] = [];
    const started = startBotProcess({
      name: 'bot with a broken proxy',
      lines,
      env: {
        BOT_TOKEN: token,
        CREDENTIALS_KEY: randomBytes(32).toString('base64'),
        REDIS_URL: requireRedisUrl(),
        TELEGRAM_API_ROOT: tg.apiRoot,
        BOT_MODE: 'webhook',
        PUBLIC_URL: 'http://127.0.0.1:9',
        TELEGRAM_WEBHOOK_SECRET: randomBytes(20).toString('hex'),
        PORT: '0',
        METRICS_PORT: '0',
        LOG_LEVEL: 'debug',
      },
    });
    await expect(started).rejects.toThrow(/exited before it started/);
    await waitFor(() => lines.some((l) => l.startsWith('fatal:')), { timeoutMs: 5_000, message: 'the fatal line' });
    expect(lines.find((l) => l.startsWith('fatal:'))).toContain('setWebhook');
    expect(leaks(lines, token)).toEqual([]);
  }, 60_000);
});
