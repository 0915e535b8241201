// End to end on a real Redis Cluster (three masters, a replica each): the link path, an alert pushed and polled
// (exactly one per chat), a new notification URL, a digest on demand (exactly once), a group that becomes a
// supergroup and /unlink, with every key of a chat or an account in that chat's or account's slot.
import type { Update } from 'telegraf/types';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseOrdersResult } from '../../src/justclick/orders.js';
import { KeySpace } from '../../src/store/keys.js';
import { AlertLedger, WatchList } from '../../src/store/ledger.js';
import { PageStore } from '../../src/store/pages.js';
import { scanKeys } from '../../src/store/redis.js';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { msk, text } from '../support/e2e.js';
import { describeCluster, startRedisCluster, type RedisCluster } from '../support/redis-cluster.js';

const KEY = 'c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1';
const PUBLIC = 'https://bot.example.com';

describeCluster('e2e on a Redis Cluster', () => {
  let cluster: RedisCluster;
  let h: BotHarness;
  const nina = { id: 8101, firstName: 'Nina', languageCode: 'en' };
  const oleg = { id: 8102, firstName: 'Oleg', languageCode: 'en' };
  const local = (url: string) => url.replace(PUBLIC, `http://127.0.0.1:${h.httpPort}`);
  const urlIn = (reply: string) => /https:\/\/bot\.example\.com\/justclick\/notify\/[A-Za-z0-9_-]{32}/.exec(reply)?.[0];
  const alertsIn = (chatId: number, orderId: string) => h.tg.sent(chatId).filter((m) => m.text.startsWith('💰') && m.text.includes(orderId));
  const keys = async () => {
    const all: string[] = [];
    for await (const batch of scanKeys(h.redis, `${h.prefix}*`)) all.push(...batch);
    return all;
  };

  beforeAll(async () => {
    cluster = await startRedisCluster();
    h = await startBotHarness({ now: new Date('2026-11-28T09:00:00Z'), publicUrl: PUBLIC, redisUrl: cluster.url });
    await h.engine.start();
    h.jc.addAccount('nina', KEY);
    h.jc.addOrder('nina', { id: 9701, created: msk('2026-11-27', '10:00'), paid: msk('2026-11-27', '10:05'), price: '4990.00' });
    h.tg.setMember(GROUP.id, nina.id, 'administrator');
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await cluster?.stop();
  });

  it('links an account, refusing a wrong key and counting failures', async () => {
    expect(text(await h.say(oleg, '/link nina 00000000000000000000000000000000'))).not.toContain('Linked');
    expect(await h.accounts.get(oleg.id)).toBeNull();
    expect(text(await h.say(nina, `/link nina ${KEY}`))).toContain('✅ Linked nina.justclick.ru.');
    expect((await h.accounts.get(nina.id))?.creds).toEqual({ login: 'nina', region: 'ru', key: KEY });
  });

  it('alerts an order once per chat when both the push and the poll bring it', async () => {
    const url = urlIn(text(await h.say(nina, '/alerts on')));
    expect(url).toBeDefined();
    expect(text(await h.say(nina, '/alerts on', GROUP))).toContain('🔔 Alerts are on');
    const paid = h.jc.addOrder('nina', { id: 9702, created: msk('2026-11-28', '12:01'), paid: msk('2026-11-28', '12:05'), price: '990.00' });
    expect(await h.jc.notify(local(url!), 'nina', '9702')).toBe(200);
    await h.engine.enqueueAlerts(nina.id, parseOrdersResult([paid]), 'poll');
    await h.tg.waitFor(() => alertsIn(nina.id, '9702').length > 0 && alertsIn(GROUP.id, '9702').length > 0, 15_000);
    // Once the queue is quiet, a poll of the same window adds nothing.
    await new Promise((r) => setTimeout(r, 500));
    expect(await h.engine.enqueueAlerts(nina.id, parseOrdersResult([paid]), 'poll')).toEqual({ queued: 0 });
    expect(alertsIn(nina.id, '9702')).toHaveLength(1);
    expect(alertsIn(GROUP.id, '9702')).toHaveLength(1);
  });

  it('a new notification URL revokes the old one at once', async () => {
    const old = urlIn(text(await h.say(nina, '/alerts')));
    const renewed = urlIn(text(await h.say(nina, '/alerts newurl')));
    expect(renewed).toBeDefined();
    expect(renewed).not.toBe(old);
    expect(await h.jc.notify(local(old!), 'nina', '9702')).toBe(404);
    expect(await h.jc.notify(local(renewed!), 'nina', '9702')).toBe(200);
  });

  it('sends a digest on demand exactly once', async () => {
    h.jc.addOrder('nina', { id: 9703, created: msk('2026-11-27', '12:00'), paid: msk('2026-11-27', '12:30'), price: '1010.00' });
    const before = h.tg.sent(nina.id).length;
    expect(text(await h.say(nina, '/digest now'))).toContain('yesterday');
    const digests = () =>
      h.tg
        .sent(nina.id)
        .slice(before)
        .filter((m) => m.text.startsWith('📊'));
    await h.tg.waitFor(() => digests().length > 0, 15_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(digests()).toHaveLength(1);
    expect(digests()[0]?.text).toContain('2 orders');
  });

  it('keeps every key of a chat or an account in one slot, and spreads chats over the masters', async () => {
    const all = await keys();
    const tagged = (id: string) => all.filter((k) => k.includes(`{${id}}`));
    // The group's settings, ledger and sent marks: one tag, so one slot.
    expect(tagged(`c${GROUP.id}`).some((k) => k.includes(':chat:'))).toBe(true);
    expect(tagged(`c${GROUP.id}`).some((k) => k.includes(':alert:ledger:'))).toBe(true);
    expect(tagged(`a${nina.id}`).some((k) => k.includes(':acct:'))).toBe(true);
    // No key of a chat or an account without its tag.
    expect(all.filter((k) => /:(chat|acct|alert:ledger|alert:sent):-?\d/.test(k))).toEqual([]);
    const masters = new Set(await Promise.all(all.map((k) => h.redis.cluster('KEYSLOT', k))));
    expect(masters.size).toBeGreaterThan(1);
  });

  it('runs the multi-key steps of one chat or one account without a cross-slot error', async () => {
    const space = new KeySpace(h.prefix, true);
    const ledger = new AlertLedger(h.redis, space);
    const marks = ['o1', 'o2', 'o3', 'o4', 'o5'];
    await ledger.markSent(-1008100777, marks);
    expect([...(await ledger.sentAmong(-1008100777, [...marks, 'o6']))].sort()).toEqual(marks);
    const now = new Date('2026-11-28T09:00:00Z');
    await ledger.record(-1008100777, [{ orderId: '1', paidAt: 1_795_000_000 }], now);
    await ledger.record(-1008100778, [{ orderId: '1', paidAt: 1_794_000_000 }], now);
    await ledger.migrate(-1008100777, -1008100778);
    expect(await ledger.has(-1008100778, '1')).toBe(true);
    expect(await ledger.size(-1008100777)).toBe(0);
    const watch = new WatchList(h.redis, space);
    await watch.limitedSince(8199, now);
    await watch.checked(8199, now);
    expect(await watch.lastCheck(8199)).toEqual(now);
    const pages = new PageStore(h.redis, space);
    const ids = await Promise.all([1, 2, 3].map(() => pages.save({ userId: 8199, ownerId: 8199, chatId: 8199, pages: [] })));
    expect(await pages.forgetOwner(8199)).toBe(3);
    expect(await pages.get(ids[0]!)).toBeNull();
  });

  it('a group that becomes a supergroup keeps its settings and its ledger', async () => {
    const upgraded = -1008100001;
    await h.deliver({
      message: { message_id: 98, date: 0, chat: GROUP, from: { id: nina.id, is_bot: false, first_name: 'Nina' }, migrate_to_chat_id: upgraded },
    } as unknown as Update);
    await h.idle();
    expect((await h.chats.get(upgraded)).alerts?.on).toBe(true);
    expect(await h.chats.get(GROUP.id)).toEqual({});
    const paid = h.jc.orders('nina').filter((o) => o.id === '9702');
    expect(await h.engine.enqueueAlerts(nina.id, parseOrdersResult(paid), 'poll')).toEqual({ queued: 0 });
    expect((await h.engine.alerts.status(nina.id)).alertChats.sort()).toEqual([upgraded, nina.id].sort());
  });

  it('/unlink forgets the account, its URL and the chats it fed', async () => {
    const url = urlIn(text(await h.say(nina, '/alerts')));
    await h.say(nina, '/unlink');
    expect(await h.accounts.get(nina.id)).toBeNull();
    expect(await h.jc.notify(local(url!), 'nina', '9702')).toBe(404);
    expect((await h.engine.alerts.status(nina.id)).alertChats).toEqual([]);
    expect((await keys()).filter((k) => k.includes(`{a${nina.id}}`) && k.includes(':acct:'))).toEqual([]);
  });
});
