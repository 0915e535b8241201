// End to end: a linked seller asks for orders in plain words (English and Russian) and reads exact order
// numbers and totals; long answers are paged in place; JustClick failures get honest, short answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { msk, orderNumbers, text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';

const KEY = 'f00dfeedf00dfeedf00dfeedf00dfeed';
const BIG_KEY = 'b16b16b16b16b16b16b16b16b16b16b1';
const anna = { id: 4001, firstName: 'Anna', languageCode: 'en' };
const ivan = { id: 4002, firstName: 'Иван', languageCode: 'ru' };
const boris = { id: 4003, firstName: 'Boris', languageCode: 'en' };

describeRedis('e2e: /orders', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startBotHarness({ now: new Date('2026-11-28T09:00:00Z') }); // Saturday, 12:00 in Moscow
    h.jc.addAccount('shop', KEY);
    const add = (input: Parameters<BotHarness['jc']['addOrder']>[1]) => h.jc.addOrder('shop', input);
    add({
      id: 5003,
      created: msk('2026-11-28', '11:40'),
      paid: null,
      price: '1500.00',
      first_name: 'Борис',
      last_name: 'Сидоров',
      items: [{ id: '14', title: 'Вебинар' }],
    });
    add({
      id: 5002,
      created: msk('2026-11-28', '10:15'),
      paid: msk('2026-11-28', '10:20'),
      price: '4990.00',
      email: 'anna@example.com',
      utm: { source: 'vk', medium: 'cpc' },
      items: [{ id: '12', title: 'Курс «Продажи»' }],
    });
    add({ id: 5001, created: msk('2026-11-28', '09:05'), paid: msk('2026-11-28', '09:30'), price: '990.50', items: [{ id: '14', title: 'Вебинар' }] });
    add({ id: 4102, created: msk('2026-11-27', '20:00'), paid: msk('2026-11-27', '20:05'), price: '2000.00', items: [{ id: '12', title: 'Курс «Продажи»' }] });
    add({ id: 4101, created: msk('2026-11-27', '08:00'), paid: null, pay_status: 'cancel', price: '700.00', items: [{ id: '14', title: 'Вебинар' }] });
    add({ id: 3001, created: msk('2026-11-05', '12:00'), paid: msk('2026-11-05', '12:10'), price: '3000.00' });
    add({ id: 3002, created: msk('2026-11-16', '00:10'), paid: msk('2026-11-16', '00:20'), price: '3100.00' });
    add({ id: 2999, created: msk('2026-10-31', '23:30'), paid: msk('2026-10-31', '23:40'), price: '2900.00' });

    h.jc.addAccount('bigshop', BIG_KEY);
    for (let i = 0; i < 25; i++) {
      h.jc.addOrder('bigshop', {
        id: 7000 + i,
        created: msk('2026-11-20', '08:00') + i * 60,
        paid: msk('2026-11-20', '09:00') + i * 60,
        price: '100.00',
        hostile: true,
      });
    }

    await h.say(anna, `/link shop ${KEY}`);
    await h.say(ivan, `/link shop ${KEY}`);
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('what a seller reads', () => {
    it('/orders (today by default): both sets labelled, and every order created, newest first', async () => {
      const reply = text(await h.say(anna, '/orders'));
      expect(reply).toContain('📦 Orders — today, 28 Nov');
      expect(reply).toContain('💰 Paid in the period: 2 orders · ₽5,980.50 · average ₽2,990.25');
      expect(reply).toContain('🧾 Created in the period: 3 orders · 2 of them paid by now');
      // Yesterday's only payment was at 20:05, after the 12:00 both days are cut at.
      expect(reply).toContain('💰 Paid in the period: 2 orders · ₽5,980.50 · average ₽2,990.25\n▲ +₽5,980.50 (no sales before) vs yesterday by 12:00');
      expect(orderNumbers(reply)).toEqual(['5003', '5002', '5001']);
      expect(reply).toContain('#5002 · ✅ paid · created 10:15 · paid 10:20');
      expect(reply).toContain('#5003 · ⏳ awaiting payment · created 11:40');
      expect(reply).toContain('anna@example.com');
      expect(reply).toContain('🔗 vk / cpc');
      expect(h.tg.calls.some((c) => c.method === 'sendChatAction' && Number(c.payload.chat_id) === anna.id)).toBe(true);
    });

    it('/orders вчера: yesterday in Russian', async () => {
      const reply = text(await h.say(ivan, '/orders вчера'));
      expect(reply).toContain('📦 Заказы — вчера, 27 ноября');
      expect(reply).toContain('💰 Оплачено за период: 1 заказ · 2 000 ₽ · средний чек 2 000 ₽');
      expect(reply).toContain('🧾 Создано за период: 2 заказа · из них оплачено к этому моменту: 1');
      expect(orderNumbers(reply)).toEqual(['4102', '4101']);
      expect(reply).toContain('❌ отменён');
    });

    it('/orders 01.11-15.11: a range of local days, ends included', async () => {
      const reply = text(await h.say(anna, '/orders 01.11-15.11'));
      expect(reply).toContain('Orders — 01.11–15.11.2026');
      expect(orderNumbers(reply)).toEqual(['3001']);
      expect(reply).toContain('💰 Paid in the period: 1 order · ₽3,000 · average ₽3,000');
    });

    it('/orders today paid leaves out unpaid orders', async () => {
      const reply = text(await h.say(anna, '/orders today paid'));
      expect(reply).toContain('💰 Paid in the period: 2 orders · ₽5,980.50');
      expect(reply).toContain('⬇️ Listed below: the orders paid in the period');
      expect(orderNumbers(reply)).toEqual(['5002', '5001']);
    });

    it('/orders сегодня товары 14 keeps only that product and names it by its title', async () => {
      const reply = text(await h.say(ivan, '/orders сегодня товары 14'));
      expect(reply).toContain('🔎 товары: Вебинар');
      expect(orderNumbers(reply)).toEqual(['5003', '5001']);
      expect(reply).toContain('💰 Оплачено за период: 1 заказ · 990,50 ₽');
      expect(reply).toContain('🧾 Создано за период: 2 заказа · из них оплачено к этому моменту: 1');
    });

    it('a period with no orders says so', async () => {
      const reply = text(await h.say(anna, '/orders 2026-11-10'));
      expect(reply).toContain('No orders for 10 Nov 2026.');
    });

    it('words it does not understand get what was not understood and examples', async () => {
      const en = text(await h.say(anna, '/orders lastweek'));
      expect(en).toContain('I did not understand “lastweek”.');
      expect(en).toContain('/orders last week');
      const ru = text(await h.say(ivan, '/orders 31.02'));
      expect(ru).toContain('Такой даты нет: «31.02».');
      expect(ru).toContain('Например:');
    });

    it('records the successful JustClick call on the account', async () => {
      const account = await h.accounts.get(anna.id);
      expect(account?.lastOkAt).toBe(Math.floor(Date.parse('2026-11-28T09:00:00Z') / 1000));
    });
  });

  describe('long answers', () => {
    let seller: { id: number; firstName: string; languageCode: string };
    beforeAll(async () => {
      seller = { id: 4010, firstName: 'Big', languageCode: 'en' };
      await h.say(seller, `/link bigshop ${BIG_KEY}`);
    });

    it('pages beyond one get ◀ 1/3 ▶ buttons that edit the message in place', async () => {
      const [first, ...rest] = await h.say(seller, '/orders 20.11');
      expect(rest).toHaveLength(0);
      expect(first?.keyboard?.[0]?.map((b) => b.text)).toEqual(['◀', '1/3', '▶']);
      expect(orderNumbers(first!.text)[0]).toBe('7024');
      // Hostile buyer names arrive as the buyer typed them, not as markup.
      expect(first!.text).toContain('<b>Анна</b> & "Co"');

      const next = first!.keyboard![0]![2]!.data!;
      const { answer, message } = await h.press(seller, first!, next);
      expect(answer.alert).toBe(false);
      expect(message?.messageId).toBe(first!.messageId);
      expect(message?.edited).toBe(true);
      expect(orderNumbers(message!.text)).toEqual(['7014', '7013', '7012', '7011', '7010', '7009', '7008', '7007', '7006', '7005']);
      expect(message?.keyboard?.[0]?.[1]?.text).toBe('2/3');

      // ◀ from the first page wraps to the last one.
      const back = await h.press(seller, message!, message!.keyboard![0]![0]!.data!);
      expect(orderNumbers(back.message!.text)[0]).toBe('7024');
      const last = await h.press(seller, back.message!, back.message!.keyboard![0]![0]!.data!);
      expect(orderNumbers(last.message!.text)).toEqual(['7004', '7003', '7002', '7001', '7000']);
      expect(last.message?.keyboard?.[0]?.[1]?.text).toBe('3/3');
    });

    it('every message stays within Telegram limits (the fake refuses anything over)', async () => {
      expect(h.tg.calls.filter((c) => c.error && c.error.code === 400)).toEqual([]);
      for (const m of h.tg.sent()) expect(m.text.length).toBeLessThanOrEqual(4096);
    });

    it('callback data stays within 64 bytes', () => {
      for (const m of h.tg.sent()) {
        for (const row of m.keyboard ?? []) for (const b of row) expect(Buffer.byteLength(b.data ?? '')).toBeLessThanOrEqual(64);
      }
    });

    it('a press on an expired list is answered, and the bot keeps working', async () => {
      const [first] = await h.say(seller, '/orders 20.11');
      await h.redis.del(`${h.prefix}page:${first!.keyboard![0]![2]!.data!.split(':')[1]}`);
      const { answer } = await h.press(seller, first!, first!.keyboard![0]![2]!.data!);
      expect(answer).toEqual({ text: 'This list has expired. Ask for the orders again, please.', alert: true });
    });

    it('a forged or unknown button gets an answer too', async () => {
      const [first] = await h.say(seller, '/orders 20.11');
      const { answer } = await h.press(seller, first!, 'pg:../../etc:1');
      expect(answer.text).toBe('This button no longer works. Ask again, please.');
    });
  });

  describe('in a group', () => {
    beforeAll(async () => {
      h.tg.setMember(GROUP.id, anna.id, 'administrator');
    });

    it('the owner asks; buyers’ e-mails and phones are masked', async () => {
      const reply = text(await h.say(anna, '/orders', GROUP));
      expect(orderNumbers(reply)).toEqual(['5003', '5002', '5001']);
      expect(reply).toContain('an***@example.com');
      expect(reply).not.toContain('anna@example.com');
      expect(reply).not.toContain('+79000000000');
    });

    it('another member is politely refused: only who may use the bound account asks it', async () => {
      const reply = text(await h.say(boris, '/orders', GROUP));
      expect(reply).toContain('only they can ask for them here');
      expect(orderNumbers(reply)).toEqual([]);
    });
  });

  describe('when JustClick fails', () => {
    it('an outage gets a short honest answer, and the next command works', async () => {
      // The list's call, tried twice; the header comparison is not asked for after it failed.
      h.jc.inject('5xx', 2);
      const reply = text(await h.say(anna, '/orders'));
      expect(reply).toBe('JustClick is not answering right now. Nothing was changed; please try again in a few minutes.');
      expect((await h.accounts.get(anna.id))?.lastError?.kind).toBe('unavailable');
      expect(orderNumbers(text(await h.say(anna, '/orders')))).toEqual(['5003', '5002', '5001']);
      expect((await h.accounts.get(anna.id))?.lastError).toBeUndefined();
    });

    it('a tampered answer is not used', async () => {
      h.jc.inject('tampered-hash', 1);
      const reply = text(await h.say(ivan, '/orders'));
      expect(reply).toContain('Ответ JustClick не прошёл проверку, и я его не использовал.');
      expect(orderNumbers(reply)).toEqual([]);
      expect(orderNumbers(text(await h.say(ivan, '/orders')))).toHaveLength(3);
    });

    it('a key that stopped working sends the seller to /link', async () => {
      // The list's call is refused; the header comparison is not asked for after it.
      h.jc.inject({ errorCode: 4 }, 1);
      const reply = text(await h.say(anna, '/orders week'));
      expect(reply).toBe('JustClick no longer accepts the key of shop.justclick.ru: was it changed? Send /link with the current key.');
      expect((await h.accounts.get(anna.id))?.lastError?.kind).toBe('wrong-key');
    });
  });

  describe('when Telegram says "too many requests"', () => {
    it('waits retry_after and delivers the answer once', async () => {
      h.tg.inject('sendMessage', { code: 429, retryAfter: 1 }, { chatId: anna.id });
      const before = h.tg.calls.length;
      const replies = await h.say(anna, '/orders paid');
      expect(replies).toHaveLength(1);
      expect(orderNumbers(text(replies))).toEqual(['5002', '5001']);
      const sends = h.tg.calls.slice(before).filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === anna.id);
      expect(sends.map((c) => c.error?.code ?? 200)).toEqual([429, 200]);
    });
  });
});
