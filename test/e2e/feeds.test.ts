// End to end: one private chat gets the alerts of two accounts whose JustClick accounts both have an order
// no. 201: each is alerted once, naming its account; a re-poll alerts neither again; the /alerts panel lists both
// and stops one; the first account going (stopped, or unlinked) never re-alerts the other's orders; after
// /unlink Redis holds nothing of that account's alerts while the other's go on; and a team member removed keeps
// their own account's alerts in their chat.
import { Queue } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toAlertOrder } from '../../src/domain/alert.js';
import { DELIVERY_QUEUE, deliveryJobOptions, jobIds, type Delivery } from '../../src/jobs/queues.js';
import { parseOrdersResult } from '../../src/justclick/orders.js';
import { chatAccounts } from '../../src/store/chats.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { msk, text } from '../support/e2e.js';
import { everyRedisValue } from '../support/redis-values.js';
import { describeRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';

const YOGA_KEY = 'y0gay0gay0gay0gay0gay0gay0gay0ga';
const DANCE_KEY = 'danc3danc3danc3danc3danc3danc3da';
const SCHOOL_KEY = 'sch00lsch00lsch00lsch00lsch00lsc';
const lena = { id: 5301, firstName: 'Lena', languageCode: 'en' };
const alice = { id: 5302, firstName: 'Alice', languageCode: 'en' };
const bob = { id: 5303, firstName: 'Bob', username: 'bob_feeds', languageCode: 'en' };

describeRedis('e2e: one chat, several accounts’ alerts', () => {
  let h: BotHarness;
  let danceId: number;
  const yogaId = lena.id;

  beforeAll(async () => {
    h = await startBotHarness({ now: new Date('2026-11-28T09:00:00Z') }); // 12:00 in Moscow
    h.jc.addAccount('yoga', YOGA_KEY);
    h.jc.addAccount('dance', DANCE_KEY);
    h.jc.addAccount('school', SCHOOL_KEY);
    // Sold before alerts were on: history, never alerted.
    h.jc.addOrder('yoga', { id: 101, created: msk('2026-11-28', '09:00'), paid: msk('2026-11-28', '09:10'), price: '1000.00' });
    await h.engine.start();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Orders the JustClick stand-in now has paid, as a push or the poller would hand them to the engine. */
  const paidOrder = (login: string, id: number, at: string, email: string) =>
    parseOrdersResult([h.jc.addOrder(login, { id, created: msk('2026-11-28', at), paid: msk('2026-11-28', at), price: '700.00', email })]);
  const alertsAbout = (orderNo: string) => h.tg.sent(lena.id).filter((m) => new RegExp(`#${orderNo}\\b`).test(m.text));

  it('/alerts on with a second account adds it: both feed the chat, the first stays primary', async () => {
    expect(text(await h.say(lena, `/link yoga ${YOGA_KEY}`))).toContain('Linked yoga.justclick.ru');
    expect(text(await h.say(lena, '/alerts on'))).toContain('Alerts are on');
    expect(text(await h.say(lena, `/link dance ${DANCE_KEY}`))).toContain('Linked dance.justclick.ru');
    danceId = (await h.accounts.current(lena.id))!.accountId;
    expect(danceId).not.toBe(yogaId);
    expect(text(await h.say(lena, '/alerts on'))).toContain('Alerts are on');
    const chat = await h.chats.get(lena.id);
    expect(chatAccounts(chat)).toEqual([yogaId, danceId]);
    expect(chat.alerts?.on).toBe(true);
    // /status of the current account (dance, the second one) says its alerts come here.
    expect(text(await h.say(lena, '/status'))).toContain('Alerts here: on since');
  });

  it('the same order no. in both accounts is alerted once for each, each alert naming its account', async () => {
    h.setNow(new Date('2026-11-28T09:30:00Z'));
    const yoga201 = paidOrder('yoga', 201, '12:20', 'yoga-buyer@example.com');
    const dance201 = paidOrder('dance', 201, '12:21', 'dance-buyer@example.com');
    expect(await h.engine.enqueueAlerts(yogaId, yoga201, 'push')).toEqual({ queued: 1 });
    expect(await h.engine.enqueueAlerts(danceId, dance201, 'push')).toEqual({ queued: 1 });
    await h.tg.waitFor(() => alertsAbout('201').length === 2, 10_000);
    const [first, second] = alertsAbout('201').map((m) => m.text);
    const named = [first, second].map((t) => t!.split('\n')[0]).sort();
    expect(named).toEqual(['🏷 dance.justclick.ru', '🏷 yoga.justclick.ru']);
    expect(alertsAbout('101')).toEqual([]);

    // The poller seeing the same orders again (or after a restart, with the ledgers in Redis) queues nothing.
    expect(await h.engine.enqueueAlerts(yogaId, yoga201, 'poll')).toEqual({ queued: 0 });
    expect(await h.engine.enqueueAlerts(danceId, dance201, 'poll')).toEqual({ queued: 0 });
    // A refund of dance's no. 201 is dance's, named so; yoga's no. 201 stays as it was.
    expect(await h.engine.alerts.enqueueStatusChange(danceId, dance201[0]!, 'refund')).toEqual({ queued: 1 });
    await h.tg.waitFor(() => h.tg.sent(lena.id).some((m) => m.text.startsWith('🏷 dance.justclick.ru') && /refund/i.test(m.text)), 10_000);
    await h.idle();
    expect(alertsAbout('201')).toHaveLength(3);
  });

  it('the panel lists both accounts, and its button stops one account’s alerts only', async () => {
    const [panel] = await h.say(lena, '/alerts');
    expect(panel!.text).toContain('Alerts of 2 accounts come here: yoga.justclick.ru, dance.justclick.ru.');
    const stops = panel!.keyboard!.flat().filter((b) => b.data?.startsWith('al:stop:'));
    expect(stops.map((b) => b.text)).toEqual(['✖ Stop yoga.justclick.ru', '✖ Stop dance.justclick.ru']);
    for (const b of stops) expect(Buffer.byteLength(b.data!)).toBeLessThanOrEqual(64);

    // Yoga, the first (primary) account, goes: dance becomes the primary.
    const press = await h.press(lena, panel!, stops[0]!.data!);
    expect(press.message!.text).not.toContain('Alerts of 2 accounts');
    expect(press.message!.keyboard!.flat().some((b) => b.data?.startsWith('al:stop:'))).toBe(false);
    expect(text(h.tg.sent(lena.id).slice(-1))).toBe('🔕 Alerts of yoga.justclick.ru stop here; dance.justclick.ru go on.');
    expect(chatAccounts(await h.chats.get(lena.id))).toEqual([danceId]);

    // Dance's orders already alerted are not alerted again now that it is the primary; yoga's new ones are not sent.
    expect(await h.engine.enqueueAlerts(danceId, parseOrdersResult(h.jc.orders('dance')), 'poll')).toEqual({ queued: 0 });
    expect(await h.engine.enqueueAlerts(yogaId, paidOrder('yoga', 202, '12:25', 'yoga-buyer@example.com'), 'push')).toEqual({ queued: 0 });
    // An alert of yoga's queued before the stop (as if still in the queue) is not sent here any more.
    const late = paidOrder('yoga', 205, '12:27', 'yoga-buyer@example.com')[0]!;
    const deliveries = new Queue<Delivery>(DELIVERY_QUEUE, { connection: { url: h.config.redisUrl }, prefix: `${h.prefix}bull` });
    try {
      const job = await deliveries.add(
        'paid',
        { kind: 'paid', chatId: lena.id, ownerId: yogaId, login: 'yoga', currency: 'RUB', orders: [toAlertOrder(late)] },
        { ...deliveryJobOptions, jobId: jobIds.paid(lena.id, late.id) },
      );
      await waitFor(async () => (await job.getState()) === 'completed', { timeoutMs: 10_000, intervalMs: 50, message: 'the late delivery to finish' });
      expect((await deliveries.getJob(job.id!))?.returnvalue).toBe('not-fed');
    } finally {
      await deliveries.close();
    }
    expect(alertsAbout('205')).toEqual([]);
    // With one account left, its alerts look as they always did: no name line.
    expect(await h.engine.enqueueAlerts(danceId, paidOrder('dance', 202, '12:26', 'dance-buyer@example.com'), 'push')).toEqual({ queued: 1 });
    await h.tg.waitFor(() => alertsAbout('202').length === 1, 10_000);
    expect(alertsAbout('202')[0]!.text.startsWith('🏷')).toBe(false);
  });

  it('yoga back again starts from its own baseline, and /alerts off says it stops both', async () => {
    await h.accounts.setCurrent(lena.id, yogaId);
    expect(text(await h.say(lena, '/alerts on'))).toContain('Alerts are on');
    expect(chatAccounts(await h.chats.get(lena.id))).toEqual([danceId, yogaId]);
    // Paid before it came back: history for yoga here, whatever was alerted before.
    expect(await h.engine.enqueueAlerts(yogaId, parseOrdersResult(h.jc.orders('yoga')), 'poll')).toEqual({ queued: 0 });

    expect(text(await h.say(lena, '/alerts off'))).toBe('🔕 Alerts are off here for all 2 accounts: dance.justclick.ru, yoga.justclick.ru.');
    expect(await h.engine.enqueueAlerts(danceId, paidOrder('dance', 203, '12:40', 'dance-buyer@example.com'), 'push')).toEqual({ queued: 0 });
    expect(text(await h.say(lena, '/alerts on'))).toContain('Alerts are on');
    expect((await h.chats.get(lena.id)).alerts?.on).toBe(true);
  });

  it('/unlink of dance keeps yoga’s alerts, and Redis keeps nothing of dance’s alerts', async () => {
    await h.accounts.setCurrent(lena.id, danceId);
    await h.say(lena, '/unlink');
    expect(await h.accounts.get(danceId)).toBeNull();
    const chat = await h.chats.get(lena.id);
    expect(chatAccounts(chat)).toEqual([yogaId]);
    expect(chat.alerts?.on).toBe(true);

    h.setNow(new Date('2026-11-28T10:00:00Z'));
    expect(await h.engine.enqueueAlerts(yogaId, paidOrder('yoga', 204, '12:50', 'yoga-buyer@example.com'), 'push')).toEqual({ queued: 1 });
    await h.tg.waitFor(() => alertsAbout('204').length === 1, 10_000);
    expect(alertsAbout('204')[0]!.text.startsWith('🏷')).toBe(false);
    await h.idle();

    const values = await everyRedisValue(h.redis);
    const mine = values.filter(([key]) => key.startsWith(h.prefix));
    // Finished deliveries keep only their ids a while (they dedupe), never a buyer's contacts or the login.
    expect(mine.filter(([key]) => key.includes(`a${danceId}`) && !key.startsWith(`${h.prefix}bull:`))).toEqual([]);
    expect(mine.filter(([, value]) => value.includes('dance-buyer@example.com') || value.includes('dance.justclick'))).toEqual([]);
    // Yoga's own records are still there (its alerts go on).
    expect(mine.some(([key]) => key.includes(`alert:ledger:${lena.id}:a${yogaId}`))).toBe(true);
  });

  it('a member removed from a team keeps their own account’s alerts in their chat', async () => {
    await h.say(alice, `/link school ${SCHOOL_KEY}`);
    // Bob has his own account, its alerts on in his chat.
    expect(text(await h.say(bob, `/link yoga ${YOGA_KEY}`))).toContain('Linked yoga.justclick.ru');
    const bobsOwn = (await h.accounts.current(bob.id))!.accountId;
    expect(text(await h.say(bob, '/alerts on'))).toContain('Alerts are on');
    const invite = text(await h.say(alice, '/team invite manager'));
    const token = /start=([A-Za-z0-9_-]{43})/.exec(invite)?.[1];
    expect(text(await h.say(bob, `/start ${token}`))).toContain('You joined school.justclick.ru as manager.');
    // The team's alerts added to his chat (switching to a team account is another branch's: asked of the engine).
    await h.engine.alerts.enable(bob.id, alice.id);
    expect(chatAccounts(await h.chats.get(bob.id))).toEqual([bobsOwn, alice.id]);

    const [list] = await h.say(alice, '/team');
    const remove = list!.keyboard!.flat().find((b) => b.data === `team:rm:${alice.id}:${bob.id}`)!;
    const asked = await h.press(alice, list!, remove.data!);
    const removed = await h.press(alice, asked.message!, `team:rmy:${alice.id}:${bob.id}`);
    expect(removed.message?.text).toContain('@bob_feeds was removed from the team.');

    const chat = await h.chats.get(bob.id);
    expect(chatAccounts(chat)).toEqual([bobsOwn]);
    expect(chat.alerts?.on).toBe(true);
    expect(await h.chats.forOwner(alice.id)).not.toContain(bob.id);
    h.setNow(new Date('2026-11-28T10:30:00Z'));
    expect(await h.engine.enqueueAlerts(alice.id, paidOrder('school', 301, '13:20', 'school-buyer@example.com'), 'push')).toEqual({ queued: 0 });
    expect(await h.engine.enqueueAlerts(bobsOwn, paidOrder('yoga', 302, '13:21', 'yoga-buyer@example.com'), 'push')).toEqual({ queued: 1 });
    await h.tg.waitFor(() => h.tg.sent(bob.id).some((m) => /#302\b/.test(m.text)), 10_000);
  });
});
