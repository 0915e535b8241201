// Adaptive polling end to end on real Redis and BullMQ with the fake JustClick and Telegram: an account whose
// push works is only reconciled (and a lost push is still alerted then), a quiet shop backs off and speeds up
// after a sale, and polls share the account's JustClick budget with commands without starving them.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { accountCapacity, BUDGETS, RequestBudgets } from '../../src/store/budgets.js';
import { PollPaceStore } from '../../src/store/poll-pace.js';
import { notificationBody } from '../fakes/justclick.js';
import { describeRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';
import { nowSeconds, startHarness, type Harness } from './alerts-harness.js';

const OWNER = 601;
const MIN = 60_000;

describeRedis('adaptive polling', () => {
  let h: Harness;
  let skewMs: number;
  const clock = () => new Date(Date.now() + skewMs);
  beforeEach(async () => {
    h = await startHarness();
    skewMs = 0;
  });
  afterEach(async () => {
    await h.close();
  });

  const mentioning = (orderId: string) => h.tg.sent(OWNER).filter((m) => m.text.includes(orderId));
  /** Real seconds pass; a poller at ALERT_POLL_SECONDS=1 would check about twice meanwhile. */
  const checksDuring = async (login: string, ms: number) => {
    const before = h.checks(login);
    await new Promise((r) => setTimeout(r, ms));
    return h.checks(login) - before;
  };

  it('an order paid on an account whose push works, its push lost, is alerted at the next reconciliation, once', async () => {
    const { login } = await h.link(OWNER);
    const token = await h.accounts.ensurePushToken(OWNER);
    const engine = h.engine({ now: clock }, { reconcileSeconds: 900 });
    await engine.start();
    await engine.alerts.enable(OWNER, OWNER);
    await h.afterChecks(login, 1);

    // The push works: its order is alerted at once, and the next check is the reconciliation, 15 minutes away.
    const pushed = h.jc.addOrder(login, { paid: nowSeconds() });
    expect((await engine.handleNotification(token, notificationBody(pushed, h.jc.keyOf(login)!))).status).toBe(200);
    await waitFor(() => mentioning(pushed.id).length === 1, { message: 'the pushed alert' });
    await h.afterChecks(login, 1);
    expect(await checksDuring(login, 2_500)).toBe(0);

    // Paid, but JustClick's push never comes: nothing until the reconciliation finds it.
    const lost = h.jc.addOrder(login, { paid: nowSeconds() });
    expect(await checksDuring(login, 1_500)).toBe(0);
    expect(mentioning(lost.id)).toEqual([]);
    skewMs = 15 * MIN;
    await waitFor(() => mentioning(lost.id).length > 0, { message: 'the lost order at the reconciliation' });

    // The push missed a sale: the account is polled at ALERT_POLL_SECONDS again, and nothing is alerted twice.
    await h.afterChecks(login, 2);
    expect(mentioning(lost.id)).toHaveLength(1);
    expect(mentioning(pushed.id)).toHaveLength(1);
  });

  it('a shop that sold nothing for weeks is checked hourly, and at the poll interval again after a sale', async () => {
    const { login } = await h.link(OWNER);
    await new PollPaceStore(h.redis, h.prefix).remember(OWNER, { saleAt: Date.now() - 30 * 86_400_000 });
    const engine = h.engine({ now: clock });
    await engine.start();
    await engine.alerts.enable(OWNER, OWNER);
    // Once its first check is through, the shop is next due in an hour (not in a second).
    const pace = new PollPaceStore(h.redis, h.prefix);
    await waitFor(async () => ((await pace.due(OWNER))?.getTime() ?? 0) - Date.now() > 59 * MIN, { message: 'the check an hour away' });
    expect(await checksDuring(login, 2_500)).toBe(0);

    const sale = h.jc.addOrder(login, { paid: nowSeconds() });
    skewMs = 61 * MIN;
    await waitFor(() => mentioning(sale.id).length > 0, { message: 'the sale at the hourly check' });
    // Sold today: every second again.
    await h.afterChecks(login, 3);
    expect(mentioning(sale.id)).toHaveLength(1);
  });

  it('polls wait while commands have spent the account budget, and never take the commands share', async () => {
    const { login } = await h.link(OWNER);
    const engine = h.engine({ now: clock });
    await engine.start();
    await engine.alerts.enable(OWNER, OWNER);
    await h.afterChecks(login, 1);

    // The account's users spend the whole bucket on commands (the harness polls every second: 3,600 checks an hour).
    const budgets = new RequestBudgets(h.redis, h.prefix, 3_600);
    const creds = { login, region: 'ru' };
    expect(await budgets.spend(OWNER, creds, accountCapacity(3_600) - 10, clock())).toBe(0);
    const sale = h.jc.addOrder(login, { paid: nowSeconds() });
    expect(await checksDuring(login, 2_500)).toBe(0);
    expect(mentioning(sale.id)).toEqual([]);

    // Once the bucket has refilled past the commands' share, polls go on and the sale is alerted.
    skewMs = 2 * MIN;
    await waitFor(() => mentioning(sale.id).length > 0, { message: 'the sale once the budget refilled' });
    // A command still finds the commands' share left by the polls.
    expect(await budgets.spend(OWNER + 1, creds, BUDGETS.user.capacity, clock())).toBe(0);
  });
});
