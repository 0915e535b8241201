// How alert deliveries survive Telegram: 429 waits retry_after, 5xx is retried, 403 stops the chat for good,
// a group that became a supergroup is followed; plus forged pushes and the bounded ledger.
import { Queue } from 'bullmq';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AlertLedger, LEDGER_RETENTION_SECONDS } from '../../src/store/ledger.js';
import { describeRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';
import { nowSeconds, startHarness, type Harness } from './alerts-harness.js';

const OWNER = 502;
const GROUP = -4_001;

describeRedis('alert delivery', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const sendCalls = (chatId: number) => h.tg.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chatId);
  const delivered = (chatId: number, orderId: string) => h.tg.sent(chatId).filter((m) => m.text.includes(`№ ${orderId}`));

  async function alertsOn(chatId = OWNER) {
    const { login } = await h.link(OWNER);
    const engine = h.engine();
    await engine.start();
    await engine.alerts.enable(chatId, OWNER);
    return { login, engine };
  }

  it('waits the retry_after Telegram asks for on 429, then delivers once', async () => {
    const { login } = await alertsOn();
    h.tg.inject('sendMessage', { code: 429, retryAfter: 2 }, { chatId: OWNER });
    const order = h.jc.addOrder(login, { paid: nowSeconds() });

    await waitFor(() => delivered(OWNER, order.id).length > 0, { message: 'the delivery after 429' });
    await h.afterChecks(login, 2);
    expect(delivered(OWNER, order.id)).toHaveLength(1);
    const [refused, accepted] = sendCalls(OWNER);
    expect(refused?.error?.code).toBe(429);
    expect(accepted?.error).toBeUndefined();
    expect(accepted!.at - refused!.at).toBeGreaterThanOrEqual(1_900);
  });

  it('shows what buyers typed, <, & and quotes included, and masks their contacts in a group', async () => {
    const { login } = await alertsOn(GROUP);
    const order = h.jc.addOrder(login, { paid: nowSeconds(), hostile: true, utm: { source: 'vk<ads>', medium: 'cpc' } });

    await waitFor(() => delivered(GROUP, order.id).length > 0, { message: 'the alert' });
    const text = delivered(GROUP, order.id)[0]!.text;
    expect(text).toContain('<b>Анна</b> & "Co"');
    expect(text).toContain('Курс «Продажи» <PRO> & "VIP"');
    expect(text).toContain('vk<ads> / cpc');
    expect(text).not.toContain('anna+test@пример.рф');
    expect(text).toContain('an***@пример.рф');
    expect(text).not.toContain('000-00-00');
  });

  it('retries after Telegram 5xx answers and network resets until the message is taken', async () => {
    const { login } = await alertsOn();
    h.tg.inject('sendMessage', { code: 502, description: 'Bad Gateway' }, { chatId: OWNER });
    h.tg.inject('sendMessage', { network: 'reset' }, { chatId: OWNER });
    const order = h.jc.addOrder(login, { paid: nowSeconds() });

    await waitFor(() => delivered(OWNER, order.id).length > 0, { message: 'the delivery after failures', timeoutMs: 15_000 });
    expect(sendCalls(OWNER).map((c) => c.error?.code ?? 'ok')).toEqual([502, 0, 'ok']);
    expect(delivered(OWNER, order.id)).toHaveLength(1);
  });

  it('stops sending to a chat that blocked the bot (403) and switches its alerts and digest off', async () => {
    const { login, engine } = await alertsOn(GROUP);
    await engine.alerts.enable(OWNER, OWNER);
    await h.chats.update(GROUP, { digest: { time: '09:00' } });
    await engine.digests.schedule(GROUP);
    h.tg.inject('sendMessage', { code: 403, description: 'Forbidden: bot was kicked from the group chat' }, { chatId: GROUP, times: Infinity });
    h.jc.addOrder(login, { paid: nowSeconds() });

    await waitFor(async () => (await h.chats.get(GROUP)).inactive !== undefined, { message: 'the chat marked gone' });
    const chat = await h.chats.get(GROUP);
    expect(chat.alerts?.on).toBe(false);
    expect(chat.digest).toBeUndefined();
    const digests = new Queue('digest', { connection: { url: h.redisUrl }, prefix: `${h.prefix}bull` });
    expect(await digests.getJobScheduler(`digest-${GROUP}`)).toBeUndefined();
    await digests.close();
    expect((await engine.alerts.status(OWNER)).alertChats).toEqual([OWNER]);

    // A later payment reaches the owner's private chat; the gone group is not even tried.
    const later = h.jc.addOrder(login, { paid: nowSeconds() });
    await waitFor(() => delivered(OWNER, later.id).length > 0, { message: 'the later alert in the private chat' });
    await h.afterChecks(login, 2);
    expect(sendCalls(GROUP)).toHaveLength(1);
  });

  it('follows a group that became a supergroup: the alert arrives there and the settings move', async () => {
    const { login } = await alertsOn(GROUP);
    const SUPERGROUP = -100_4_001;
    h.tg.inject(
      'sendMessage',
      { code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', migrateToChatId: SUPERGROUP },
      { chatId: GROUP },
    );
    const order = h.jc.addOrder(login, { paid: nowSeconds() });

    await waitFor(() => delivered(SUPERGROUP, order.id).length > 0, { message: 'the alert in the supergroup' });
    expect((await h.chats.get(SUPERGROUP)).alerts?.on).toBe(true);
    expect(await h.chats.forOwner(OWNER)).toEqual([SUPERGROUP]);
    // The ledger moved too: the next polls do not alert the same order again in the new chat.
    await h.afterChecks(login, 3);
    expect(delivered(SUPERGROUP, order.id)).toHaveLength(1);
  });

  it('answers a forged or unknown JustClick notification with 4xx and sends nothing', async () => {
    const { login, engine } = await alertsOn();
    const token = await h.accounts.ensurePushToken(OWNER);
    // The replica's own HTTP server, as JustClick reaches it.
    const base = `http://127.0.0.1:${engine.app.port()}/justclick/notify/`;
    const order = h.jc.addOrder(login, { paid: null });
    expect(await h.jc.notify(`${base}${token}`, login, order.id, { key: 'not-the-key' })).toBe(403);
    expect(await h.jc.notify(`${base}${'x'.repeat(32)}`, login, order.id)).toBe(404);
    expect((await h.accounts.get(OWNER))?.lastPushAt).toBeUndefined();
    await h.afterChecks(login, 2);
    expect(h.tg.sent(OWNER)).toEqual([]);

    // And a genuine refund push gives its own short message, once even when repeated.
    h.jc.setOrderStatus(login, order.id, 'moneyback');
    expect(await h.jc.notify(`${base}${token}`, login, order.id, { status: 'moneyback' })).toBe(200);
    expect(await h.jc.notify(`${base}${token}`, login, order.id, { status: 'moneyback' })).toBe(200);
    await waitFor(() => h.tg.sent(OWNER).length > 0, { message: 'the refund message' });
    await h.afterChecks(login, 2);
    const messages = h.tg.sent(OWNER);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toContain(`Возврат по заказу № ${order.id}`);
  });

  it('keeps the ledger bounded: entries older than the retention are dropped on write, idle ledgers expire', async () => {
    const ledger = new AlertLedger(h.redis, h.prefix);
    const now = new Date();
    const old = nowSeconds() - LEDGER_RETENTION_SECONDS - 3_600;
    await h.redis.zadd(`${h.prefix}alert:ledger:${OWNER}`, old, 'ancient');
    await ledger.record(OWNER, [{ orderId: 'recent', paidAt: nowSeconds() - 60 }], now);

    expect(await ledger.has(OWNER, 'ancient')).toBe(false);
    expect(await ledger.has(OWNER, 'recent')).toBe(true);
    expect(await ledger.size(OWNER)).toBe(1);
    const ttl = await h.redis.ttl(`${h.prefix}alert:ledger:${OWNER}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(LEDGER_RETENTION_SECONDS);
  });
});
