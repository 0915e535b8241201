// A JustClick push is only a signal that order N changed: its hash covers id, email and paid, so the alert is
// built from what getOrderDetails answers, and a replayed body with another sum, status, goods or link changes
// nothing. Real Redis, the fake JustClick and the fake Telegram.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { DELIVERY_QUEUE, type Delivery } from '../../src/jobs/queues.js';
import { notificationBody, type RawOrder } from '../fakes/justclick.js';
import { describeRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';
import { nowSeconds, startHarness, type Harness, type Replica } from './alerts-harness.js';

const OWNER = 601;

describeRedis('JustClick pushes confirmed through the signed API', () => {
  let h: Harness;
  let login: string;
  let token: string;
  let engine: Replica;
  let deliveries: Queue<Delivery>;

  beforeEach(async () => {
    h = await startHarness();
    ({ login } = await h.link(OWNER));
    token = await h.accounts.ensurePushToken(OWNER);
    engine = h.engine();
    // Not started: no poller and no sender yet, so what the push alone queued can be looked at first.
    await engine.alerts.enable(OWNER, OWNER);
    deliveries = new Queue(DELIVERY_QUEUE, { connection: { url: h.redisUrl }, prefix: `${h.prefix}bull` });
  });
  afterEach(async () => {
    await deliveries.close();
    await h.close();
  });

  const text = (chatId: number) => h.tg.sent(chatId).map((m) => m.text.replace(/[\u00a0\u202f]/g, ' '));
  const detailsAsked = (id: string) => h.jc.requests.filter((r) => r.method === 'getOrderDetails' && r.params.bill_id === id);
  const queued = async () => (await deliveries.getJobs(['waiting', 'delayed', 'active', 'completed'])).map((j) => j.data);
  /** A captured genuine body with unhashed fields changed or added by whoever replays it. */
  const tampered = (raw: RawOrder, fields: Record<string, string>, key = h.jc.keyOf(login)!) => {
    const body = new URLSearchParams(notificationBody(raw, key));
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    return body.toString();
  };

  it('a replayed body with another sum, goods, link and status alerts what JustClick says, once', async () => {
    const raw = h.jc.addOrder(login, { paid: nowSeconds(), price: '1500.00', items: [{ title: 'Курс «Основы»' }] });
    const forged = tampered(raw, {
      price: '99999.00',
      last_payment_sum: '99999.00',
      'items[0][title]': 'Подарок',
      'items[0][sum]': '99999.00',
      link: 'https://evil.example/pay',
      status: 'moneyback',
    });
    for (let i = 0; i < 5; i++) expect(await engine.handleNotification(token, forged)).toEqual({ status: 200, body: 'OK\n' });
    // Five replays, one question to JustClick.
    expect(detailsAsked(raw.id)).toHaveLength(1);
    const jobs = await queued();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ kind: 'paid', orders: [{ id: raw.id, price: 150_000, goods: ['Курс «Основы»'] }] });

    await engine.start();
    await waitFor(() => text(OWNER).length > 0, { message: 'the alert' });
    await h.afterChecks(login, 2);
    const [alert, ...more] = text(OWNER);
    expect(more).toEqual([]);
    expect(alert).toContain(`Оплачен заказ № ${raw.id}`);
    expect(alert).toContain('1 500 ₽');
    expect(alert).toContain('Курс «Основы»');
    expect(alert).not.toMatch(/99 999|Подарок|evil\.example|Возврат/);
  });

  it('a push about an order still waiting for payment alerts nothing; an order JustClick does not know, nothing either', async () => {
    const waiting = h.jc.addOrder(login, { paid: null });
    // A body without `status` is a paid-invoice notification: only JustClick's answer says it is not paid.
    expect((await engine.handleNotification(token, notificationBody(waiting, h.jc.keyOf(login)!))).status).toBe(200);
    const ghost = { ...h.jc.addOrder(login, { paid: nowSeconds() }), id: '987654321' };
    expect((await engine.handleNotification(token, notificationBody(ghost, h.jc.keyOf(login)!))).status).toBe(200);
    expect(detailsAsked(waiting.id)).toHaveLength(1);
    expect(detailsAsked(ghost.id)).toHaveLength(1);
    expect(await queued()).toEqual([]);
  });

  it('a paid-invoice push for an order JustClick says was refunded gives the refund message, not a sale', async () => {
    const raw = h.jc.addOrder(login, { paid: nowSeconds(), price: '700.00' });
    h.jc.setOrderStatus(login, raw.id, 'moneyback');
    expect((await engine.handleNotification(token, notificationBody(raw, h.jc.keyOf(login)!))).status).toBe(200);
    expect(await queued()).toMatchObject([{ kind: 'refund', order: { id: raw.id, price: 70_000 } }]);
  });

  it('JustClick down at confirmation: the paid order is not lost, the poller alerts it once; a refund is asked again', async () => {
    const raw = h.jc.addOrder(login, { paid: nowSeconds(), price: '2500.00' });
    h.jc.inject('5xx', 1);
    expect((await engine.handleNotification(token, tampered(raw, { 'items[0][sum]': '1.00' }))).status).toBe(200);
    expect(detailsAsked(raw.id)[0]?.fault).toBe('5xx');
    expect(await queued()).toEqual([]);

    await engine.start();
    await waitFor(() => text(OWNER).some((t) => t.includes(raw.id)), { message: 'the alert from the poller' });
    await h.afterChecks(login, 2);
    expect(text(OWNER).filter((t) => t.includes(raw.id))).toHaveLength(1);
    expect(text(OWNER)[0]).toContain('2 500 ₽');

    // A refund only a push tells: 503 while JustClick cannot be asked, so that JustClick sends it again.
    h.jc.setOrderStatus(login, raw.id, 'moneyback');
    h.jc.inject('5xx', 1);
    expect((await engine.handleNotification(token, notificationBody(raw, h.jc.keyOf(login)!, { status: 'moneyback' }))).status).toBe(503);
    expect((await engine.handleNotification(token, notificationBody(raw, h.jc.keyOf(login)!, { status: 'moneyback' }))).status).toBe(200);
    await waitFor(() => text(OWNER).some((t) => t.includes('Возврат')), { message: 'the refund message' });
    expect(text(OWNER).filter((t) => t.includes('Возврат'))).toHaveLength(1);
  });
});
