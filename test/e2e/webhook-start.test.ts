// End to end: a webhook-mode bot that cannot yet ask Telegram who it is (getMe failing at start) reports
// not-ready and refuses updates with 503, so Telegram redelivers them; once getMe answers, the same update is
// handled (issue #13, item 5). And /metrics lives on the internal port only (item 10).
import { afterEach, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram.js';
import { bareApp, postUpdate } from '../support/bare-app.js';
import { describeRedis } from '../support/redis.js';

const health = async (port: number) => (await fetch(`http://127.0.0.1:${port}/healthz`)).status;

describeRedis('e2e: webhook mode while Telegram cannot say who the bot is', () => {
  let tg: FakeTelegram | undefined;
  let app: App | undefined;
  afterEach(async () => {
    await app?.stop(2_000);
    await tg?.close();
  });

  it('is not ready and refuses updates with 503 until getMe answers, then handles the redelivered update', async () => {
    tg = await startFakeTelegram();
    tg.inject('getMe', { code: 502 }, { times: Infinity });
    const started = bareApp(tg, { mode: 'webhook' });
    app = started.app;
    const starting = app.start();
    await tg.waitFor(() => tg!.calls.filter((c) => c.method === 'getMe').length >= 3, 10_000);

    const lena = { id: 8301, firstName: 'Lena', languageCode: 'en' };
    const update = tg.makeUpdate.message({ from: lena, text: '/help' });
    expect(await health(app.port())).toBe(503);
    expect(await health(app.metricsPort())).toBe(503);
    expect(await postUpdate(app, update)).toBe(503);

    tg.clearInjections();
    await starting;
    expect(await health(app.port())).toBe(200);
    // Telegram delivers the refused update again: now it is answered.
    expect(await postUpdate(app, update)).toBe(200);
    await tg.waitFor(() => tg!.sent(lena.id).length > 0, 10_000);
    expect(tg.sent(lena.id)[0]?.text).toContain('JustClick orders bot');
    expect(started.logs.some((l) => l.includes('Telegram did not tell who the bot is; retrying'))).toBe(true);
  });

  it('serves /metrics on the internal port, not on the public one', async () => {
    tg = await startFakeTelegram();
    app = bareApp(tg, { mode: 'polling' }).app;
    await app.start();
    expect(app.metricsPort()).not.toBe(app.port());
    expect((await fetch(`http://127.0.0.1:${app.port()}/metrics`)).status).toBe(404);
    const internal = await fetch(`http://127.0.0.1:${app.metricsPort()}/metrics`);
    expect(await internal.text()).toContain('jcb_poll_leader');
    expect(await health(app.port())).toBe(200);
  });
});
