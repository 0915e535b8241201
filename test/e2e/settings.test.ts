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
      id: 6002,
      created: msk('2026-11-10', '10:15'),
      paid: msk('2026-11-10', '10:20'),
      price: '4990.00',
      first_name: '=HYPERLINK("evil")',
      email: 'buyer@example.com',
      items: [{ id: '12', title: 'Курс; "Продажи"' }],
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
      const [file, ...rest] = await h.say(olga, '/export 01.11-15.11 csv');
      expect(rest).toHaveLength(0);
      expect(file?.document?.filename).toBe('orders-2026-11-01_2026-11-15.csv');
      expect(file?.text).toBe('📄 2 orders — 01.11–15.11.2026 · CSV');
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
      const [file] = await h.say(petr, '/export CSV 01.11-15.11 оплаченные');
      const csv = file!.document!.content.toString('utf8');
      expect(csv.startsWith('\uFEFFномер,создан (Europe/Moscow)')).toBe(true);
      expect(csv.trim().split('\r\n')).toHaveLength(2);
      expect(file?.document?.filename).toBe('orders-2026-11-01_2026-11-15-paid.csv');
      expect(file?.text).toBe('📄 1 заказ (только оплаченные) — 01.11–15.11.2026 · CSV');
    });

    it('is refused in a group, where contacts are never shown in full', async () => {
      const reply = text(await h.say(olga, '/export', GROUP));
      expect(reply).toContain('/export works only in our private chat');
      expect(h.tg.sent(GROUP.id).some((m) => m.document)).toBe(false);
    });

    it('a bad period is explained with /export examples', async () => {
      const reply = text(await h.say(olga, '/export 15.11-01.11'));
      expect(reply).toContain('ends before it starts');
      expect(reply).toContain('/export paid yesterday');
    });
  });

  describe('/tz', () => {
    it('shows the current zone with its label when given nothing', async () => {
      expect(text(await h.say(olga, '/tz'))).toContain('Time zone: Moscow (UTC+3), Europe/Moscow (now 12:00)');
    });

    it('names the word it does not know, suggests the nearest place, and changes nothing', async () => {
      const reply = text(await h.say(olga, '/tz Mars/Olympus'));
      expect(reply).toContain('“Mars/Olympus” is not a place or time zone I know.');
      expect(reply).toContain('/tz Yekaterinburg');
      expect(text(await h.say(olga, '/tz Ekaterinburgg'))).toContain('“Ekaterinburgg” is not a place or time zone I know. Did you mean /tz Yekaterinburg?');
      expect(text(await h.say(petr, '/tz Новосибирк'))).toContain('«Новосибирк» — такого места или часового пояса я не знаю. Может быть, /tz Новосибирск?');
      expect((await h.chats.get(olga.id)).timeZone).toBeUndefined();
      expect((await h.chats.get(petr.id)).timeZone).toBeUndefined();
    });

    it('takes cities in either language, offsets and abbreviations, and echoes the zone it set', async () => {
      const cases: [string, string, string][] = [
        ['/tz Алматы', 'Time zone set: Almaty (UTC+5), Asia/Almaty (now 14:00)', 'Asia/Almaty'],
        ['/tz London', 'Time zone set: London (UTC+0), Europe/London (now 09:00)', 'Europe/London'],
        ['/tz в Берлине', 'Time zone set: Berlin (UTC+1), Europe/Berlin (now 10:00)', 'Europe/Berlin'],
        ['/tz UTC+5', 'Time zone set: UTC+5 (now 14:00)', 'Etc/GMT-5'],
        ['/tz GMT+3', 'Time zone set: UTC+3 (now 12:00)', 'Etc/GMT-3'],
        ['/tz МСК+2', 'Time zone set: Yekaterinburg (UTC+5), Asia/Yekaterinburg (now 14:00)', 'Asia/Yekaterinburg'],
        ['/tz MSK', 'Time zone set: Moscow (UTC+3), Europe/Moscow (now 12:00)', 'Europe/Moscow'],
      ];
      for (const [said, answer, zone] of cases) {
        expect(text(await h.say(olga, said))).toContain(answer);
        expect((await h.chats.get(olga.id)).timeZone).toBe(zone);
      }
      expect(text(await h.say(petr, '/tz Екатеринбург'))).toContain('Часовой пояс: Екатеринбург (UTC+5), Asia/Yekaterinburg (сейчас 14:00)');
      expect(text(await h.say(petr, '/tz'))).toContain('Часовой пояс: Екатеринбург (UTC+5), Asia/Yekaterinburg (сейчас 14:00)');
      await h.say(petr, '/tz Москва');
    });

    it('an ambiguous name offers buttons; a press sets the zone and edits the question into the answer', async () => {
      const [question] = await h.say(olga, '/tz CST');
      expect(question?.text).toBe('“CST” can mean several time zones. Which one?');
      const labels = question?.keyboard?.map((row) => row[0]?.text);
      expect(labels).toEqual(['Chicago (UTC−6)', 'China (UTC+8)', 'Cuba (UTC−5)', 'Mexico City (UTC−6)']);
      for (const row of question!.keyboard!) expect(Buffer.byteLength(row[0]!.data!, 'utf8')).toBeLessThanOrEqual(64);
      const { answer, message } = await h.press(olga, question!, question!.keyboard![1]![0]!.data!);
      expect(answer.alert).toBe(false);
      expect(message?.text).toBe('Time zone set: Shanghai (UTC+8), Asia/Shanghai (now 17:00). Orders, alerts and digests use it from now on.');
      expect(message?.keyboard).toBeUndefined();
      expect((await h.chats.get(olga.id)).timeZone).toBe('Asia/Shanghai');
    });

    it('in a group a button press is checked again: a member who may not change settings is refused', async () => {
      h.tg.setMember(GROUP.id, olga.id, 'administrator');
      const [question] = await h.say(olga, '/tz Portland', GROUP);
      expect(question?.keyboard?.map((row) => row[0]?.text)).toEqual(['Portland, Maine (UTC−5)', 'Portland, Oregon (UTC−8)']);
      const stranger = { id: 5019, firstName: 'Stranger', languageCode: 'en' };
      const refused = await h.press(stranger, question!, question!.keyboard![1]![0]!.data!);
      expect(refused.answer).toEqual({ text: 'Only an administrator of this chat can change this here.', alert: true });
      expect((await h.chats.get(GROUP.id)).timeZone).toBeUndefined();
      const { message } = await h.press(olga, question!, question!.keyboard![1]![0]!.data!);
      expect(message?.text).toContain('Time zone set: Los Angeles (UTC−8), America/Los_Angeles (now 01:00)');
      expect((await h.chats.get(GROUP.id)).timeZone).toBe('America/Los_Angeles');
      // A forged zone in the data changes nothing.
      const forged = await h.press(olga, question!, 'tz:Mars/Olympus');
      expect(forged.answer.alert).toBe(true);
      expect((await h.chats.get(GROUP.id)).timeZone).toBe('America/Los_Angeles');
      await h.say(olga, '/tz Europe/Moscow', GROUP);
    });

    it('IANA names still work (any case) and orders are shown in the zone', async () => {
      expect(text(await h.say(olga, '/tz asia/yekaterinburg'))).toContain('Time zone set: Yekaterinburg (UTC+5), Asia/Yekaterinburg (now 14:00)');
      const reply = text(await h.say(olga, '/orders'));
      expect(reply).toMatch(/#6003 · [^\n]* · created 12:15/);
      const [file] = await h.say(olga, '/export 10.11 csv');
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
      expect(text(await h.say(olga, '/tz', GROUP))).toContain('Часовой пояс: Москва (UTC+3), Europe/Moscow');
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
      // Down for the whole command: the list's call and the header comparison's, each tried twice.
      h.jc.inject('5xx', 4);
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
