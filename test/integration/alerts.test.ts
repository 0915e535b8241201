// Paid-order alerts end to end on real Redis and BullMQ, the fake JustClick and the fake Telegram:
// no flood at switch-on, exactly one alert per order per chat (replicas, restarts, push + poll, crashes).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { toAlertOrder } from '../../src/domain/alert.js';
import { limitPauseMs, pollWindow } from '../../src/jobs/poll.js';
import { DELIVERY_QUEUE, deliveryJobOptions, jobIds, POLL_QUEUE } from '../../src/jobs/queues.js';
import { parseOrder } from '../../src/justclick/orders.js';
import { notificationBody } from '../fakes/justclick.js';
import { describeRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';
import { nowSeconds, startHarness, type Harness } from './alerts-harness.js';

const OWNER = 501;
const GROUP = -100_777;

describeRedis('paid-order alerts', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  /** Alert texts a chat has received, as the user sees them (Intl's no-break spaces read as spaces). */
  const alertsIn = (chatId: number) =>
    h.tg
      .sent(chatId)
      .map((m) => ({ ...m, text: m.text.replace(/[\u00a0\u202f]/g, ' ') }))
      .filter((m) => /Оплачен|оплачен|paid/.test(m.text));
  const mentioning = (chatId: number, orderId: string) => alertsIn(chatId).filter((m) => m.text.includes(orderId));

  it('does not alert orders that were already paid when alerts were switched on, only new ones', async () => {
    const { login } = await h.link(OWNER);
    for (let i = 0; i < 3; i++) h.jc.addOrder(login, { paid: nowSeconds() - 600 * (i + 1) });
    const engine = h.engine();
    await engine.start();

    expect(await engine.alerts.enable(OWNER, OWNER)).toEqual({ baselined: 3 });
    await h.afterChecks(login, 3);
    expect(h.tg.sent(OWNER)).toEqual([]);

    const fresh = h.jc.addOrder(login, { paid: nowSeconds(), first_name: 'Мария', price: '1500.00' });
    await waitFor(() => alertsIn(OWNER).length > 0, { message: 'the new order alert' });
    await h.afterChecks(login, 2);
    const alerts = alertsIn(OWNER);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.text).toContain(`№ ${fresh.id}`);
    expect(alerts[0]!.text).toContain('1 500 ₽');
    expect(alerts[0]!.text).toContain('Мария');
  });

  it('alerts each order exactly once with two replicas polling the same Redis and pushes arriving too', async () => {
    const { login } = await h.link(OWNER);
    const token = await h.accounts.ensurePushToken(OWNER);
    const a = h.engine();
    const b = h.engine();
    await Promise.all([a.start(), b.start()]);
    await a.alerts.enable(OWNER, OWNER);
    await b.alerts.enable(GROUP, OWNER);
    await waitFor(() => a.isLeader() !== b.isLeader(), { message: 'one leader' });
    const polls = new Queue(POLL_QUEUE, { connection: { url: h.redisUrl }, prefix: `${h.prefix}bull` });
    expect(await polls.getJobSchedulersCount()).toBe(1);
    await polls.close();

    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const order = h.jc.addOrder(login, { paid: nowSeconds() });
      ids.push(order.id);
      // Half of them are also pushed, to both replicas, while the pollers see them too.
      if (i % 2 === 0) {
        const body = notificationBody(order, h.jc.keyOf(login)!);
        expect((await a.handleNotification(token, body)).status).toBe(200);
        expect((await b.handleNotification(token, body)).status).toBe(200);
      }
      await h.afterChecks(login, 1);
    }
    // A group gets at most one message every 3 s (Telegram's group limit), so this takes a while.
    await waitFor(() => ids.every((id) => mentioning(OWNER, id).length > 0 && mentioning(GROUP, id).length > 0), {
      message: 'every order alerted in both chats',
      timeoutMs: 25_000,
    });
    await h.afterChecks(login, 4);
    for (const id of ids) {
      expect(mentioning(OWNER, id), `order ${id} in the private chat`).toHaveLength(1);
      expect(mentioning(GROUP, id), `order ${id} in the group`).toHaveLength(1);
    }
    // The group sees masked contacts, the owner's private chat the real ones.
    expect(alertsIn(GROUP)[0]!.text).toContain('an***@example.com');
    expect(alertsIn(OWNER)[0]!.text).toContain('anna@example.com');
  });

  it('alerts, after a restart, an order paid while the bot was down, once', async () => {
    const { login } = await h.link(OWNER);
    const first = h.engine();
    await first.start();
    await first.alerts.enable(OWNER, OWNER);
    await h.afterChecks(login, 2);
    await first.close(2_000);

    const checksWhileDown = h.checks(login);
    const paidWhileDown = h.jc.addOrder(login, { paid: nowSeconds() - 1 });
    await new Promise((r) => setTimeout(r, 1_200));
    expect(h.checks(login)).toBe(checksWhileDown);
    expect(h.tg.sent(OWNER)).toEqual([]);

    const second = h.engine();
    await second.start();
    await waitFor(() => mentioning(OWNER, paidWhileDown.id).length > 0, { message: 'the alert after restart' });
    await h.afterChecks(login, 2);
    expect(mentioning(OWNER, paidWhileDown.id)).toHaveLength(1);
  });

  it('alerts an order seen by both the push and the poller once', async () => {
    const { login } = await h.link(OWNER);
    const token = await h.accounts.ensurePushToken(OWNER);
    const engine = h.engine();
    await engine.start();
    await engine.alerts.enable(OWNER, OWNER);

    const order = h.jc.addOrder(login, { paid: nowSeconds() });
    // The body JustClick posts, handed over as the HTTP server does.
    const body = notificationBody(order, h.jc.keyOf(login)!);
    expect(await engine.handleNotification(token, body)).toEqual({ status: 200, body: 'OK\n' });
    await waitFor(() => mentioning(OWNER, order.id).length > 0, { message: 'the pushed alert' });
    await h.afterChecks(login, 3);
    expect(mentioning(OWNER, order.id)).toHaveLength(1);
    expect((await h.accounts.get(OWNER))?.lastPushAt).toBeGreaterThan(0);
  });

  it('sends one summary instead of a burst when more than five orders are paid at once', async () => {
    const { login } = await h.link(OWNER);
    const engine = h.engine();
    await engine.alerts.enable(OWNER, OWNER);
    const paid = Array.from({ length: 7 }, (_, i) => h.jc.addOrder(login, { paid: nowSeconds(), price: `${1000 + i}.00` }));
    await engine.start();

    await waitFor(() => h.tg.sent(OWNER).length > 0, { message: 'the summary' });
    await h.afterChecks(login, 3);
    const messages = alertsIn(OWNER);
    expect(h.tg.sent(OWNER)).toHaveLength(1);
    expect(messages[0]!.text).toContain('7 заказов оплачено на 7 021 ₽');
    for (const order of paid) expect(messages[0]!.text).toContain(`№ ${order.id}`);
  });

  it('heals a crash between queueing an alert and writing the ledger: the order is alerted once', async () => {
    const { login } = await h.link(OWNER);
    const engine = h.engine();
    await engine.alerts.enable(OWNER, OWNER);
    const raw = h.jc.addOrder(login, { paid: nowSeconds() });
    const order = parseOrder(raw);

    // A replica queued the delivery and was killed before the ledger write: the job exists, the ledger does not know.
    const crashed = new Queue(DELIVERY_QUEUE, { connection: { url: h.redisUrl, maxRetriesPerRequest: null }, prefix: `${h.prefix}bull` });
    await crashed.add(
      'paid',
      { kind: 'paid', chatId: OWNER, ownerId: OWNER, login, currency: 'RUB', orders: [toAlertOrder(order)] },
      { ...deliveryJobOptions, jobId: jobIds.paid(OWNER, order.id) },
    );
    await crashed.close();
    expect(await h.ledger.has(OWNER, order.id)).toBe(false);

    await engine.start();
    await waitFor(() => mentioning(OWNER, order.id).length > 0, { message: 'the alert' });
    await waitFor(() => h.ledger.has(OWNER, order.id), { message: 'the ledger healed by the next poll' });
    await h.afterChecks(login, 3);
    expect(mentioning(OWNER, order.id)).toHaveLength(1);

    // The same crash after the message went out: the poller re-adds a job id BullMQ still keeps, a no-op.
    const second = parseOrder(h.jc.addOrder(login, { paid: nowSeconds() }));
    await waitFor(() => mentioning(OWNER, second.id).length > 0, { message: 'the second alert' });
    await h.redis.zrem(`${h.prefix}alert:ledger:${OWNER}`, second.id);
    await h.afterChecks(login, 3);
    expect(await h.ledger.has(OWNER, second.id)).toBe(true);
    expect(mentioning(OWNER, second.id)).toHaveLength(1);
  });

  it('pauses an account only after JustClick has said "limit reached" for over an hour', async () => {
    const { login } = await h.link(OWNER);
    let skewMs = 0;
    const engine = h.engine({ now: () => new Date(Date.now() + skewMs) });
    await engine.start();
    await engine.alerts.enable(OWNER, OWNER);
    h.jc.setAccountState(login, 'limited');

    // Several failed checks within the hour: the error is recorded, polling goes on, nobody is told.
    const failedChecks = new Set<number>();
    await waitFor(
      async () => {
        const at = (await h.accounts.get(OWNER))?.lastError?.at;
        if (at !== undefined) failedChecks.add(at);
        return failedChecks.size >= 3;
      },
      { message: 'three failed checks' },
    );
    expect((await h.accounts.get(OWNER))?.lastError?.kind).toBe('api-limited');
    expect((await h.accounts.get(OWNER))?.pausedAt).toBeUndefined();
    expect(h.tg.sent(OWNER)).toEqual([]);

    skewMs = 61 * 60_000;
    await waitFor(() => h.tg.sent(OWNER).length > 0, { message: 'the pause notice' });
    expect((await h.accounts.get(OWNER))?.pausedAt).toBeDefined();
    expect(h.tg.sent(OWNER)).toHaveLength(1);
    expect(h.tg.sent(OWNER)[0]!.text).toContain('лимит запросов');
  });

  it('a limit pause ends by itself with growing back-off, tells the owner once each way, and alerts what was paid meanwhile once', async () => {
    const { login } = await h.link(OWNER);
    let skewMs = 0;
    const engine = h.engine({ now: () => new Date(Date.now() + skewMs) });
    await engine.start();
    await engine.alerts.enable(OWNER, OWNER);
    await h.afterChecks(login, 1);

    h.jc.setAccountState(login, 'limited');
    await waitFor(async () => (await h.accounts.get(OWNER))?.lastError?.kind === 'api-limited', { message: 'a limited check' });
    skewMs = 61 * 60_000;
    await waitFor(async () => (await h.accounts.get(OWNER))?.pausedAt !== undefined, { message: 'the pause' });
    const first = (await h.accounts.get(OWNER))!;
    expect(first.resumeAt! - first.pausedAt!).toBe(15 * 60);
    await waitFor(() => h.tg.sent(OWNER).length > 0, { message: 'the pause notice' });
    expect(h.tg.sent(OWNER)[0]!.text).toContain('Я сам попробую снова через 15 минут');

    // Paid while paused: no check asks JustClick until the pause is over.
    const order = h.jc.addOrder(login, { paid: nowSeconds() });
    const checksWhilePaused = h.checks(login);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(h.checks(login)).toBe(checksWhilePaused);

    // 15 minutes later the retry meets the limit again: paused for 30 minutes now, and nobody is told again.
    skewMs += 16 * 60_000;
    await waitFor(async () => (await h.accounts.get(OWNER))?.limitPauses === 2, { message: 'the second, longer pause' });
    const second = (await h.accounts.get(OWNER))!;
    expect(second.resumeAt! - second.pausedAt!).toBe(30 * 60);
    expect(h.tg.sent(OWNER)).toHaveLength(1);

    // JustClick lets us in again: after the 30 minutes, checks resume, the owner hears it once, and the order comes.
    h.jc.setAccountState(login, 'ok');
    skewMs += 31 * 60_000;
    await waitFor(() => mentioning(OWNER, order.id).length > 0, { message: 'the order paid during the pause' });
    expect((await h.accounts.get(OWNER))?.pausedAt).toBeUndefined();
    await h.afterChecks(login, 3);
    const texts = h.tg.sent(OWNER).map((m) => m.text);
    expect(texts.filter((t) => t.includes('приостановлены'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('Оповещения об оплатах возобновлены'))).toHaveLength(1);
    expect(mentioning(OWNER, order.id)).toHaveLength(1);
    expect(texts.findIndex((t) => t.includes('возобновлены'))).toBeLessThan(texts.findIndex((t) => t.includes(order.id)));
  });

  it('an unsigned HTTP 429 never pauses an account', async () => {
    const { login } = await h.link(OWNER);
    let skewMs = 0;
    const engine = h.engine({ now: () => new Date(Date.now() + skewMs) });
    await engine.start();
    await engine.alerts.enable(OWNER, OWNER);
    await h.afterChecks(login, 1);
    h.jc.inject({ status: 429 }, 1_000);
    await h.afterChecks(login, 2);
    skewMs = 2 * 60 * 60_000;
    await h.afterChecks(login, 3);
    expect((await h.accounts.get(OWNER))?.pausedAt).toBeUndefined();
    expect((await h.accounts.get(OWNER))?.lastError?.kind).toBe('unavailable');
    expect(h.tg.sent(OWNER)).toEqual([]);
  });

  it('pauses an account JustClick refuses, tells the owner once, and resumes after /link', async () => {
    const { login } = await h.link(OWNER);
    const engine = h.engine();
    await engine.start();
    await engine.alerts.enable(OWNER, OWNER);
    await engine.alerts.enable(GROUP, OWNER);
    await h.afterChecks(login, 1);

    h.jc.setAccountState(login, 'disabled');
    await waitFor(async () => (await h.accounts.get(OWNER))?.pausedAt !== undefined, { message: 'the pause' });
    await waitFor(() => h.tg.sent(OWNER).length > 0, { message: 'the notice' });
    const checksAfterPause = h.checks(login);
    // Several ticks later: no more JustClick calls for this account, no second notice, nothing in the group.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(h.checks(login)).toBe(checksAfterPause);
    const notices = h.tg.sent(OWNER);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('приостановлены');
    expect(notices[0]!.text).toContain(login);
    expect(notices[0]!.text).toContain('/link');
    expect(h.tg.sent(GROUP)).toEqual([]);
    expect((await engine.alerts.status(OWNER)).pausedAt).not.toBeNull();

    // The owner fixes it and links again: checks resume and new payments are alerted.
    h.jc.setAccountState(login, 'ok');
    await h.accounts.link(OWNER, { login, region: 'ru', key: h.jc.keyOf(login)! }, nowSeconds() - 1);
    const order = h.jc.addOrder(login, { paid: nowSeconds() });
    // Two chats, two delivery jobs: either may be sent first.
    await waitFor(() => mentioning(OWNER, order.id).length > 0 && mentioning(GROUP, order.id).length > 0, { message: 'alerts after re-link' });
    expect(mentioning(OWNER, order.id)).toHaveLength(1);
    expect(mentioning(GROUP, order.id)).toHaveLength(1);
  });
});

describe('how long a limit pause lasts', () => {
  it('15 minutes, then twice as long each time in a row, at most 6 hours', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => limitPauseMs(n) / 60_000)).toEqual([15, 30, 60, 120, 240, 360, 360, 360]);
  });
});

describe('the window each check reads', () => {
  const now = new Date('2026-11-28T15:00:00Z'); // 18:00 in Moscow
  const startOfYesterdayInMoscow = new Date('2026-11-26T21:00:00Z');

  it('always re-reads yesterday and today in Moscow, even right after a check', () => {
    expect(pollWindow(now, new Date(now.getTime() - 60_000))).toEqual({ from: startOfYesterdayInMoscow, to: now });
    expect(pollWindow(now, null)).toEqual({ from: startOfYesterdayInMoscow, to: now });
  });

  it('reaches back to the last successful check (minus an overlap) after an outage', () => {
    const lastCheck = new Date('2026-11-20T10:00:00Z');
    expect(pollWindow(now, lastCheck).from).toEqual(new Date('2026-11-20T09:50:00Z'));
  });

  it('never reaches back more than 35 days', () => {
    expect(pollWindow(now, new Date('2026-01-01T00:00:00Z')).from).toEqual(new Date('2026-10-24T15:00:00Z'));
  });
});
