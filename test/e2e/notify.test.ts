// End to end: /alerts and /digest on top of the running alert & digest engine: who may switch them on
// where, the push URL and where to paste it, the schedule following /tz, and a digest sent on demand.
import { chatAccounts } from '../../src/store/chats.js';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Update } from 'telegraf/types';
import { DIGEST_QUEUE } from '../../src/jobs/queues.js';
import { parseOrdersResult } from '../../src/justclick/orders.js';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { msk, text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';

const KEY = 'deadbeefdeadbeefdeadbeefdeadbeef';

describeRedis('e2e: /alerts and /digest', () => {
  let h: BotHarness;
  let digests: Queue;
  const vera = { id: 7001, firstName: 'Vera', languageCode: 'ru' };
  const tom = { id: 7002, firstName: 'Tom', languageCode: 'en' };
  const CHANNEL = { id: -1007770001, type: 'supergroup' as const, title: 'Sales feed' };

  const schedulerOf = async (chatId: number) => (await digests.getJobSchedulers()).find((s) => s.key === `digest-${chatId}` || s.id === `digest-${chatId}`);

  beforeAll(async () => {
    h = await startBotHarness({ now: new Date('2026-11-28T09:00:00Z'), publicUrl: 'https://bot.example.com' });
    await h.engine!.start();
    digests = new Queue(DIGEST_QUEUE, { connection: { url: h.config.redisUrl }, prefix: `${h.prefix}bull` });
    h.jc.addAccount('vera', KEY);
    h.jc.addOrder('vera', { id: 9001, created: msk('2026-11-27', '10:00'), paid: msk('2026-11-27', '10:05'), price: '4990.00' });
    h.jc.addOrder('vera', { id: 9002, created: msk('2026-11-27', '11:00'), paid: msk('2026-11-27', '11:30'), price: '1010.00' });
    await h.say(vera, `/link vera ${KEY}`);
    await h.say(tom, `/link vera ${KEY}`);
  });
  afterAll(async () => {
    await digests?.close();
    await h?.close();
  });

  describe('/alerts', () => {
    it('without a word tells the state', async () => {
      expect(text(await h.say(vera, '/alerts'))).toContain('Уведомления здесь выключены. /alerts on — включить.');
    });

    it('on: alerts for this chat, with the push URL and where in JustClick it goes', async () => {
      const reply = text(await h.say(vera, '/alerts on'));
      expect(reply).toContain('🔔 Уведомления включены: сообщение о каждом заказе, оплаченном с этого момента (JustClick проверяется каждые 60 с).');
      expect(reply).toContain('поле «URL для оповещений по API об оплаченном счете»');
      const url = /https:\/\/bot\.example\.com\/justclick\/notify\/([A-Za-z0-9_-]{32})/.exec(reply);
      expect(url).not.toBeNull();
      expect(await h.accounts.ownerByPushToken(url![1]!)).toBe(vera.id);
      expect((await h.chats.get(vera.id)).alerts?.on).toBe(true);
      expect((await h.engine!.alerts.status(vera.id)).alertChats).toEqual([vera.id]);
      // Asking again shows the same URL: the token is made once.
      expect(text(await h.say(vera, '/alerts'))).toContain(url![0]);
    });

    it('in a group: only for an administrator with a linked account; the URL stays private', async () => {
      expect(text(await h.say(tom, '/alerts on', GROUP))).toContain('Only an administrator of this chat');
      h.tg.setMember(GROUP.id, tom.id, 'administrator');
      const reply = text(await h.say(tom, '/alerts on', GROUP));
      expect(reply).toContain('🔔 Alerts are on');
      expect(reply).toContain('is in our private chat: send /alerts there');
      expect(reply).not.toContain('/justclick/notify/');
      expect((await h.chats.get(GROUP.id)).ownerId).toBe(tom.id);
    });

    it('to another chat named by id from the private chat, checked with Telegram', async () => {
      await h.say(vera, '/start', CHANNEL); // the chat exists and the bot is in it
      expect(text(await h.say(vera, `/alerts on ${CHANNEL.id}`))).toContain('Включить уведомления в Sales feed может только его администратор.');
      h.tg.setMember(CHANNEL.id, vera.id, 'creator');
      expect(text(await h.say(vera, `/alerts on ${CHANNEL.id}`))).toContain('Уведомления включены для Sales feed');
      const target = await h.chats.get(CHANNEL.id);
      expect(target.alerts?.on).toBe(true);
      expect(target.lang).toBe('ru');
      expect(text(await h.say(vera, `/alerts off ${CHANNEL.id}`))).toContain('Уведомления выключены для Sales feed');
      expect((await h.chats.get(CHANNEL.id)).alerts?.on).toBe(false);
      expect(text(await h.say(vera, '/alerts on -1000000000404'))).toContain('Я не вижу чат');
    });

    it('off stops them, and nonsense gets the usage', async () => {
      expect(text(await h.say(vera, '/alerts off'))).toBe('🔕 Уведомления выключены.');
      expect((await h.chats.get(vera.id)).alerts?.on).toBe(false);
      expect(text(await h.say(tom, '/alerts maybe'))).toContain('/alerts on — a message for every paid order in this chat');
    });
  });

  describe('linking another account', () => {
    it('does not alert what that account sold before it was linked', async () => {
      const gleb = { id: 7003, firstName: 'Gleb', languageCode: 'en' };
      h.jc.addAccount('second', 'second-key-0000');
      const sold = h.jc.addOrder('second', { id: 9101, created: msk('2026-11-28', '12:20'), paid: msk('2026-11-28', '12:30'), price: '700.00' });
      await h.say(gleb, `/link vera ${KEY}`);
      await h.say(gleb, '/alerts on');
      h.setNow(new Date('2026-11-28T10:00:00Z'));
      try {
        // A second account is one more account (the first keeps feeding this chat) until alerts here are switched on
        // for it too: then both feed the chat, the first one's alerts keeping their window.
        expect(text(await h.say(gleb, '/link second second-key-0000'))).toContain('Linked second.justclick.ru as your account no. 2');
        const second = (await h.accounts.current(gleb.id))!.accountId;
        expect(second).not.toBe(gleb.id);
        expect(chatAccounts(await h.chats.get(gleb.id))).toEqual([gleb.id]);
        await h.say(gleb, '/alerts on');
        const chat = await h.chats.get(gleb.id);
        expect(chatAccounts(chat)).toEqual([gleb.id, second]);
        expect(chat.alerts).toEqual({ on: true, since: msk('2026-11-28', '12:00') });
        expect(await h.engine!.enqueueAlerts(second, parseOrdersResult([sold]), 'poll')).toEqual({ queued: 0 });
      } finally {
        h.setNow(new Date('2026-11-28T09:00:00Z'));
      }
    });
  });

  describe('linking the same account again (a new key)', () => {
    it('still alerts an order paid after alerts were switched on and before the re-link', async () => {
      const ira = { id: 7004, firstName: 'Ira', languageCode: 'en' };
      h.jc.addAccount('relink', 'relink-key-0000');
      await h.say(ira, '/link relink relink-key-0000');
      await h.say(ira, '/alerts on');
      const paid = parseOrdersResult([
        h.jc.addOrder('relink', { id: 9401, created: msk('2026-11-28', '12:10'), paid: msk('2026-11-28', '12:20'), price: '500.00' }),
      ]);
      h.setNow(new Date('2026-11-28T10:00:00Z'));
      try {
        expect(text(await h.say(ira, '/link relink relink-key-0000'))).toContain('Linked relink.justclick.ru');
        expect(await h.engine!.enqueueAlerts(ira.id, paid, 'poll')).toEqual({ queued: 1 });
      } finally {
        h.setNow(new Date('2026-11-28T09:00:00Z'));
      }
    });
  });

  describe('a group that becomes a supergroup', () => {
    it('is not alerted again about orders it already had an alert for', async () => {
      const old = { id: -5550001, type: 'group' as const, title: 'Old group' };
      const upgraded = -1005550001;
      h.tg.setMember(old.id, tom.id, 'administrator');
      expect(text(await h.say(tom, '/alerts on', old))).toContain('🔔 Alerts are on');
      h.jc.addAccount('migr', 'migr-key-0000');
      const paid = parseOrdersResult([
        h.jc.addOrder('migr', { id: 9301, created: msk('2026-11-28', '12:10'), paid: msk('2026-11-28', '12:20'), price: '300.00' }),
      ]);
      expect((await h.engine!.enqueueAlerts(tom.id, paid, 'push')).queued).toBeGreaterThan(0);
      await h.deliver({
        message: { message_id: 98, date: 0, chat: old, from: { id: tom.id, is_bot: false, first_name: 'Tom' }, migrate_to_chat_id: upgraded },
      } as unknown as Update);
      await h.idle();
      expect((await h.chats.get(upgraded)).alerts?.on).toBe(true);
      // The same order seen again (the poller re-reads yesterday and today): the supergroup remembers it.
      expect(await h.engine!.enqueueAlerts(tom.id, paid, 'poll')).toEqual({ queued: 0 });
    });
  });

  describe('/digest', () => {
    it('HH:MM schedules it at local time; /tz moves the schedule; off removes it', async () => {
      expect(text(await h.say(tom, '/digest'))).toContain('The daily digest is off here.');
      expect(text(await h.say(tom, '/digest 9:30'))).toContain('The daily digest comes here at 09:30 (Moscow (UTC+3))');
      expect(await schedulerOf(tom.id)).toMatchObject({ pattern: '0 30 9 * * *', tz: 'Europe/Moscow' });
      await h.say(tom, '/tz Asia/Novosibirsk');
      expect(await schedulerOf(tom.id)).toMatchObject({ pattern: '0 30 9 * * *', tz: 'Asia/Novosibirsk' });
      expect(text(await h.say(tom, '/digest'))).toContain('comes here at 09:30 (Novosibirsk (UTC+7))');
      expect(text(await h.say(tom, '/digest 25:00'))).toContain('“25:00” is not a time.');
      expect(text(await h.say(tom, '/digest off'))).toBe('The daily digest is off here.');
      expect(await schedulerOf(tom.id)).toBeUndefined();
    });

    it('takes the time as people write it and confirms it as HH:MM in the chat’s zone', async () => {
      const forms: [string, string, string][] = [
        ['9', '09:00', '0 0 9 * * *'],
        ['09.00', '09:00', '0 0 9 * * *'],
        ['9am', '09:00', '0 0 9 * * *'],
        ['9 pm', '21:00', '0 0 21 * * *'],
        ['9 утра', '09:00', '0 0 9 * * *'],
        ['21ч', '21:00', '0 0 21 * * *'],
        ['8:45', '08:45', '0 45 8 * * *'],
      ];
      for (const [typed, shown, pattern] of forms) {
        expect(text(await h.say(tom, `/digest ${typed}`))).toContain(`The daily digest comes here at ${shown} (Novosibirsk (UTC+7))`);
        expect(await schedulerOf(tom.id)).toMatchObject({ pattern, tz: 'Asia/Novosibirsk' });
      }
      expect(text(await h.say(tom, '/digest 13pm'))).toContain('“13pm” is not a time.');
      expect(text(await h.say(tom, '/digest 9 вечера'))).toContain('The daily digest comes here at 21:00');
      await h.say(tom, '/digest off');
    });

    it('a chat that once blocked the bot gets its digest again once it writes to the bot', async () => {
      await h.chats.markInactive(tom.id, 'Forbidden: bot was blocked by the user');
      expect(text(await h.say(tom, '/digest 7:15'))).toContain('The daily digest comes here at 07:15');
      expect(await schedulerOf(tom.id)).toMatchObject({ pattern: '0 15 7 * * *' });
      expect((await h.chats.get(tom.id)).inactive).toBeUndefined();
      await h.say(tom, '/digest off');
    });

    it('now: yesterday’s digest arrives in the chat’s language', async () => {
      const before = h.tg.sent(vera.id).length;
      expect(text(await h.say(vera, '/digest now'))).toBe('Готовлю сводку за вчера, сейчас пришлю.');
      await h.tg.waitFor(
        () =>
          h.tg
            .sent(vera.id)
            .slice(before)
            .some((m) => m.text.includes('Продажи')),
        15_000,
      );
      const digest = text(
        h.tg
          .sent(vera.id)
          .slice(before)
          .filter((m) => m.text.includes('Продажи')),
      );
      expect(digest).toContain('📊 Продажи — вчера, 27 ноября');
      expect(digest).toContain('💰 Оплачено за день: 2 заказа · 6 000 ₽');
    });

    it('/unlink takes the digests and alerts of every chat the account fed with it', async () => {
      await h.say(vera, '/digest 08:00');
      await h.say(vera, '/alerts on');
      expect(await schedulerOf(vera.id)).toBeDefined();
      await h.say(vera, '/unlink');
      expect(await schedulerOf(vera.id)).toBeUndefined();
      expect((await h.engine!.alerts.status(vera.id)).alertChats).toEqual([]);
      const chat = await h.chats.get(vera.id);
      expect(chat.digest).toBeUndefined();
      expect(chat.alerts).toBeUndefined();
    });
  });
});
