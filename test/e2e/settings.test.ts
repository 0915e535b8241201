// End to end: /export as a CSV file, /tz, /lang and /status, as a seller sees them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { msk, text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';

const KEY = 'c0ffeec0ffeec0ffeec0ffeec0ffee00';

describeRedis('e2e: /export, /tz, /lang, /status', () => {
  let h: BotHarness;
  const olga = { id: 5001, firstName: 'Olga', languageCode: 'en' };
  const petr = { id: 5002, firstName: 'Пётр', languageCode: 'ru' };

  beforeAll(async () => {
    h = await startBotHarness({ now: new Date('2026-11-28T09:00:00Z') });
    h.jc.addAccount('store', KEY);
    h.jc.addOrder('store', {
      id: 6002, created: msk('2026-11-10', '10:15'), paid: msk('2026-11-10', '10:20'), price: '4990.00',
      first_name: '=HYPERLINK("evil")', email: 'buyer@example.com', items: [{ id: '12', title: 'Курс; "Продажи"' }],
    });
    h.jc.addOrder('store', { id: 6001, created: msk('2026-11-02', '09:00'), paid: null, price: '990.50' });
    h.jc.addOrder('store', { id: 6003, created: msk('2026-11-28', '10:15'), paid: null, price: '100.00' });
    await h.say(olga, `/link store ${KEY}`);
    await h.say(petr, `/link store ${KEY}`);
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('/export', () => {
    it('sends the orders as a CSV file Excel opens: BOM, a header, one row per order', async () => {
      const [file, ...rest] = await h.say(olga, '/export 01.11-15.11');
      expect(rest).toHaveLength(0);
      expect(file?.document?.filename).toBe('orders-2026-11-01_2026-11-15.csv');
      expect(file?.text).toBe('📄 2 orders — 01.11–15.11.2026');
      const csv = file!.document!.content.toString('utf8');
      expect(csv.startsWith('\uFEFFid,created (Europe/Moscow),paid (Europe/Moscow),status')).toBe(true);
      const rows = csv.trim().split('\r\n');
      expect(rows).toHaveLength(3);
      expect(rows[1]).toMatch(/^6002,2026-11-10 10:15:00,2026-11-10 10:20:00,paid,card,4990\.00,/);
      // A buyer-typed formula stays text; a quote or separator in a field is quoted.
      expect(rows[1]).toContain(`'=HYPERLINK(""evil"")`);
      expect(rows[1]).toContain('"Курс; ""Продажи"" ×4990.00"');
      expect(rows[2]).toMatch(/^6001,2026-11-02 09:00:00,,waiting,,990\.50,/);
    });

    it('paid only, in Russian, with Russian headers', async () => {
      const [file] = await h.say(petr, '/export 01.11-15.11 оплаченные');
      const csv = file!.document!.content.toString('utf8');
      expect(csv.startsWith('\uFEFFномер,создан (Europe/Moscow)')).toBe(true);
      expect(csv.trim().split('\r\n')).toHaveLength(2);
      expect(file?.text).toBe('📄 Заказов: 1 — 01.11–15.11.2026');
    });

    it('is refused in a group, where contacts are never shown in full', async () => {
      const reply = text(await h.say(olga, '/export', GROUP));
      expect(reply).toContain('/export works only in our private chat');
      expect(h.tg.sent(GROUP.id).some((m) => m.document)).toBe(false);
    });

    it('a bad period is explained with /export examples', async () => {
      const reply = text(await h.say(olga, '/export 15.11-01.11'));
      expect(reply).toContain('ends before it starts');
      expect(reply).toContain('/export yesterday paid');
    });
  });

  describe('/tz', () => {
    it('shows the current zone when given nothing', async () => {
      expect(text(await h.say(olga, '/tz'))).toContain('Time zone: Europe/Moscow (now 12:00)');
    });

    it('answers an unknown zone with examples and changes nothing', async () => {
      const reply = text(await h.say(olga, '/tz Mars/Olympus'));
      expect(reply).toContain('“Mars/Olympus” is not a time zone I know');
      expect(reply).toContain('/tz Asia/Yekaterinburg');
      expect(text(await h.say(olga, '/tz MSK'))).toContain('is not a time zone I know');
      expect((await h.chats.get(olga.id)).timeZone).toBeUndefined();
    });

    it('sets a zone (any case) and orders are shown in it', async () => {
      expect(text(await h.say(olga, '/tz asia/yekaterinburg'))).toContain('Time zone set: Asia/Yekaterinburg (now 14:00)');
      const reply = text(await h.say(olga, '/orders'));
      expect(reply).toContain('#6003 · 12:15');
      const [file] = await h.say(olga, '/export 10.11');
      expect(file!.document!.content.toString('utf8')).toContain('6002,2026-11-10 12:15:00');
    });
  });

  describe('/lang', () => {
    it('switches to Russian and back, and says which one is on', async () => {
      expect(text(await h.say(olga, '/lang'))).toContain('Language: English.');
      expect(text(await h.say(olga, '/lang ru'))).toBe('Здесь я буду говорить по-русски.');
      expect(text(await h.say(olga, '/orders'))).toContain('📦 Заказы — сегодня, 28 ноября');
      expect(text(await h.say(olga, '/lang de'))).toContain('«de» не знаю');
      expect(text(await h.say(olga, '/lang en'))).toBe('I will speak English here.');
    });

    it('in a group, only the chat owner or an administrator changes it', async () => {
      const stranger = { id: 5009, firstName: 'Stranger', languageCode: 'en' };
      expect(text(await h.say(stranger, '/lang ru', GROUP))).toContain('Only an administrator of this chat');
      h.tg.setMember(GROUP.id, stranger.id, 'administrator');
      expect(text(await h.say(stranger, '/lang ru', GROUP))).toBe('Здесь я буду говорить по-русски.');
      expect(text(await h.say(olga, '/tz', GROUP))).toContain('Часовой пояс: Europe/Moscow');
    });
  });

  describe('/status', () => {
    it('shows the account, time zone, language and the last successful JustClick call', async () => {
      const reply = text(await h.say(petr, '/status'));
      expect(reply).toContain('Аккаунт: store.justclick.ru, подключён 28 ноября 12:00');
      expect(reply).toContain('Последний успешный запрос к JustClick: 28 ноября 12:00');
      expect(reply).toContain('Последняя ошибка: нет');
      expect(reply).toContain('Часовой пояс: Europe/Moscow (сейчас 12:00)');
      expect(reply).toContain('Язык: русский');
      expect(reply).toContain('Уведомления здесь: выключены');
    });

    it('shows the last error after a failed call', async () => {
      h.jc.inject('5xx', 2);
      await h.say(petr, '/orders');
      expect(text(await h.say(petr, '/status'))).toContain('Последняя ошибка: JustClick не ответил, 28 ноября 12:00');
    });

    it('says when nothing is linked', async () => {
      const newcomer = { id: 5010, firstName: 'New', languageCode: 'en' };
      const reply = text(await h.say(newcomer, '/status'));
      expect(reply).toContain('Account: none linked — /link');
      expect(reply).toContain('Time zone: Europe/Moscow');
    });
  });
});
