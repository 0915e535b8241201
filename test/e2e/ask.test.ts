// End to end: a seller asks in their own words (plain messages, /orders, the shortcuts), reads both sets of
// a period labelled with exact figures, names products by their titles, taps "Did you mean" and example
// buttons, and never makes the bot ask JustClick about words it did not understand. Figures are checked
// against a brute-force count of the seeded orders (ask-shop.ts); the phrases against ask-phrases.data.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { orderNumbers, plain, text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';
import type { RawOrder } from '../fakes/justclick.js';
import type { SentMessage } from '../fakes/telegram.js';
import { EN_PHRASES, RU_PHRASES } from './ask-phrases.data.js';
import { answerOf, BILL, headerLines, money, NAMED, NOW, NOW_S, ordersWord, PRODUCTS, shopOrders, type Asked } from './ask-shop.js';
import { msk } from '../support/e2e.js';

const KEY = 'a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5';
const anna = { id: 4101, firstName: 'Anna', languageCode: 'en' };
const ivan = { id: 4102, firstName: 'Иван', languageCode: 'ru' };
const boris = { id: 4103, firstName: 'Boris', languageCode: 'en' };
const olga = { id: 4104, firstName: 'Ольга', languageCode: 'ru' };
const CATALOG_KEY = 'c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4c4';

const yesterday: Asked = { from: msk('2026-11-27', '00:00'), to: msk('2026-11-28', '00:00') };
const thisWeek: Asked = { from: msk('2026-11-23', '00:00'), to: NOW_S };

describeRedis('e2e: questions in words', () => {
  let h: BotHarness;
  let raw: readonly RawOrder[];

  /** JustClick requests made while `run` ran. */
  const requestsDuring = async (run: () => Promise<unknown>) => {
    const before = h.jc.requests.length;
    await run();
    return h.jc.requests.slice(before);
  };
  /** The messages the bot sent to a chat after a press (a press answers with new messages, not an edit). */
  const pressForNew = async (who: typeof anna, message: SentMessage, data: string) => {
    const before = h.tg.sent(message.chatId).length;
    const pressed = await h.press(who, message, data);
    return { ...pressed, replies: h.tg.sent(message.chatId).slice(before) };
  };
  const buttons = (m: SentMessage | undefined) => (m?.keyboard ?? []).flat();

  beforeAll(async () => {
    h = await startBotHarness({ now: NOW });
    h.jc.addAccount('askshop', KEY);
    for (const o of shopOrders()) h.jc.addOrder('askshop', o);
    for (const p of PRODUCTS) h.jc.addProduct('askshop', p);
    raw = h.jc.orders('askshop');
    await h.say(anna, `/link askshop ${KEY}`);
    await h.say(ivan, `/link askshop ${KEY}`);
    // A second shop for the product list's own schedule: nobody has asked it anything yet.
    h.jc.addAccount('catshop', CATALOG_KEY);
    h.jc.addOrder('catshop', {
      id: 1,
      created: msk('2026-11-27', '10:00'),
      paid: msk('2026-11-27', '10:05'),
      items: [{ id: '7', title: 'Йога для начинающих' }],
    });
    h.jc.addProduct('catshop', { good_name: '8', good_title: 'Медитация' });
    await h.say(olga, `/link catshop ${CATALOG_KEY}`);
  });
  afterAll(async () => {
    await h?.close();
  });
  // A hundred questions an hour is more than the request budgets allow (test/e2e/limits.test.ts tests
  // those): each question here starts with full buckets.
  beforeEach(async () => {
    const spent = await h.redis.keys(`${h.prefix}budget:*`);
    if (spent.length > 0) await h.redis.del(...spent);
  });

  describe('the header says which set each number counts', () => {
    it('yesterday: paid in it (an order created a week earlier among them) and created in it (one paid only today)', async () => {
      const reply = text(await h.say(anna, '/orders yesterday'));
      const expected = answerOf(raw, yesterday);
      expect(reply).toContain('📦 Orders — yesterday, 27 Nov');
      for (const line of headerLines(expected, 'en')) expect(reply).toContain(line);
      // The named edges, so that the brute force is not the only witness.
      expect(expected.listed).toContain(String(NAMED.overnight));
      expect(expected.listed).not.toContain(String(NAMED.paidLate));
      expect(orderNumbers(reply)).toEqual(expected.listed.slice(0, 10));
      const paid = text(await h.say(anna, '/orders yesterday paid'));
      expect(orderNumbers(paid)).toContain(String(NAMED.paidLate));
      expect(orderNumbers(paid)).not.toContain(String(NAMED.overnight));
    });

    it('the same in Russian, figure for figure', async () => {
      const reply = text(await h.say(ivan, '/orders вчера'));
      expect(reply).toContain('📦 Заказы — вчера, 27 ноября');
      for (const line of headerLines(answerOf(raw, yesterday), 'ru')) expect(reply).toContain(line);
    });

    it('the exact figures of a small hand-counted period: 20 Nov paid list', async () => {
      // Independent of the generator: order 9001 (created 20 Nov, paid 27 Nov) is created on 20 Nov and paid later.
      const reply = text(await h.say(anna, '/orders 2026-11-20'));
      const a = answerOf(raw, { from: msk('2026-11-20', '00:00'), to: msk('2026-11-21', '00:00') });
      expect(a.listed).toContain(String(NAMED.paidLate));
      expect(reply).toContain(`🧾 Created in the period: ${ordersWord(a.created.count, 'en')} · ${a.created.paidByNow} of them paid by now`);
    });
  });

  describe('the list: created or paid, each time labelled', () => {
    it('a created list shows when each order was created and, if paid, when', async () => {
      const reply = text(await h.say(anna, '/orders yesterday'));
      expect(reply).toContain(`#${NAMED.overnight} · ✅ paid · created 23:50 · paid 28 Nov 00:10`);
      expect(reply).toContain(`#${NAMED.unpaid} · ⏳ awaiting payment · created 13:00`);
      expect(reply).toContain(`#${NAMED.refunded} · ↩️ refunded · created 11:00 · paid 11:05`);
    });

    it('a paid list lists by payment time, with the day of a creation on another day', async () => {
      const reply = text(await h.say(anna, 'sales yesterday'));
      expect(reply).toContain('⬇️ Listed below: the orders paid in the period');
      expect(reply).toContain(`#${NAMED.paidLate} · ✅ paid · created 20 Nov 10:00 · paid 15:30`);
      expect(orderNumbers(reply)).toEqual(answerOf(raw, { ...yesterday, list: 'paid' }).listed.slice(0, 10));
    });

    it('a paid order links its bill, exactly as JustClick gave it; an unpaid one does not', async () => {
      const [first] = await h.say(anna, 'sales today');
      expect(orderNumbers(first!.text)).toContain(String(NAMED.overnight));
      const links = first!.entities.filter((e) => e.type === 'text_link').map((l) => l.url);
      expect(links).toContain(BILL);
      expect(first!.text).toContain('📄 bill');
      const [unpaid] = await h.say(anna, 'unpaid yesterday');
      expect(unpaid!.entities.filter((e) => e.type === 'text_link')).toEqual([]);
    });
  });

  describe('status filters', () => {
    it.each([
      ['anna', 'unpaid this week', 'unpaid', thisWeek, 'en'],
      ['anna', 'cancelled yesterday', 'cancelled', yesterday, 'en'],
      ['ivan', 'возвраты вчера', 'refunded', yesterday, 'ru'],
      ['ivan', 'ждут оплаты за неделю', 'unpaid', thisWeek, 'ru'],
    ] as const)('%s: %s lists only the created orders in that status and says how many', async (who, words, status, period, lang) => {
      const reply = text(await h.say(who === 'anna' ? anna : ivan, words));
      const a = answerOf(raw, { ...period, status });
      for (const line of headerLines(a, lang, status)) expect(reply).toContain(line);
      expect(orderNumbers(reply)).toEqual(a.listed.slice(0, 10));
      expect(a.status!.count).toBeGreaterThan(0);
    });
  });

  describe('products by name', () => {
    it('a name that fits one product filters by it and the header names it', async () => {
      const reply = text(await h.say(ivan, 'продажи python в ноябре'));
      const a = answerOf(raw, { from: msk('2026-11-01', '00:00'), to: NOW_S, list: 'paid', goods: ['101'] });
      expect(reply).toContain('🔎 товары: Курс Python');
      for (const line of headerLines(a, 'ru')) expect(reply).toContain(line);
      expect(orderNumbers(reply)).toEqual(a.listed.slice(0, 10));
    });

    it('a name several products share gets a button for each; the chosen one answers', async () => {
      const [choice] = await h.say(anna, 'курс yesterday');
      expect(plain(choice!.text)).toBe('“курс” fits several products: choose one.');
      expect(buttons(choice).map((b) => b.text)).toEqual(['Курс Python (101)', 'Курс JavaScript (102)']);
      const { replies } = await pressForNew(anna, choice!, buttons(choice)[1]!.data!);
      const reply = text(replies);
      const a = answerOf(raw, { ...yesterday, goods: ['102'] });
      expect(reply).toContain('🔎 products: Курс JavaScript');
      for (const line of headerLines(a, 'en')) expect(reply).toContain(line);
      expect(orderNumbers(reply)).toEqual(a.listed.slice(0, 10));
    });

    it('product ids still work, and show the title', async () => {
      const reply = text(await h.say(anna, '/orders yesterday goods 103'));
      expect(reply).toContain('🔎 products: Вебинар по продажам');
      expect(orderNumbers(reply)).toEqual(answerOf(raw, { ...yesterday, goods: ['103'] }).listed.slice(0, 10));
    });

    it('a word that is no product and no grammar is named; the product list is fetched once, then not for 6 hours', async () => {
      // Boris has no account: nothing is asked at all.
      const unlinked = await requestsDuring(async () => {
        expect(text(await h.say(boris, 'питон yesterday'))).toContain('I did not understand “питон”.');
      });
      expect(unlinked).toEqual([]);
      // JustClick's product list was never fetched for this account: once now (off the update loop), and
      // a product only the list knows is then named, and its orders asked for in the same answer.
      const first = await requestsDuring(async () => {
        expect(text(await h.say(olga, 'медитация вчера'))).toBe('Заказов нет (вчера, 27 ноября).\n🔎 товары: Медитация');
      });
      expect(first.map((r) => r.method)).toEqual(['GetAllGoods', 'getOrdersWithGoods', 'getOrdersWithGoods']);
      expect(first.at(-1)?.params.goods).toBe('8');
      const unknown = await requestsDuring(async () => {
        expect(text(await h.say(olga, 'питон вчера'))).toContain('Не понял «питон».');
      });
      expect(unknown).toEqual([]);
      const named = await requestsDuring(async () => {
        expect(text(await h.say(olga, 'йога вчера'))).toContain('🔎 товары: Йога для начинающих');
      });
      // The orders created and paid yesterday, then those paid the day before for the change line.
      expect(named.map((r) => r.method)).toEqual(['getOrdersWithGoods', 'getOrdersWithGoods', 'getOrdersWithGoods']);
      const again = await requestsDuring(async () => {
        expect(text(await h.say(olga, 'крокодил вчера'))).toContain('Не понял «крокодил».');
      });
      expect(again).toEqual([]);
      // Six hours later the list is stale again: one more fetch, then quiet.
      h.setNow(new Date(NOW.getTime() + 6 * 3600_000 + 1000));
      try {
        const later = await requestsDuring(async () => {
          await h.say(olga, 'крокодил вчера');
          await h.say(olga, 'крокодил вчера');
        });
        expect(later.map((r) => r.method)).toEqual(['GetAllGoods']);
      } finally {
        h.setNow(NOW);
      }
    });
  });

  describe('plain text, in private only', () => {
    it('Russian and English questions are answered as /orders', async () => {
      const ru = text(await h.say(ivan, 'сколько продаж вчера?'));
      expect(ru).toContain('📦 Заказы — вчера, 27 ноября');
      for (const line of headerLines(answerOf(raw, { ...yesterday, list: 'paid' }), 'ru')) expect(ru).toContain(line);
      const en = text(await h.say(anna, 'how many sales today?'));
      for (const line of headerLines(answerOf(raw, { from: msk('2026-11-28', '00:00'), to: NOW_S, list: 'paid' }), 'en')) expect(en).toContain(line);
    });

    it('in a group, text that is no command gets no answer and asks JustClick nothing', async () => {
      h.tg.setMember(GROUP.id, anna.id, 'administrator');
      const during = await requestsDuring(async () => {
        expect(await h.say(anna, 'продажи вчера', GROUP)).toEqual([]);
        expect(await h.say(anna, 'how many sales today?', GROUP)).toEqual([]);
      });
      expect(during).toEqual([]);
      // Commands still work there.
      expect(text(await h.say(anna, '/sales yesterday', GROUP))).toContain('💰 Paid in the period');
    });

    it('a pasted key is not quoted back', async () => {
      const reply = text(await h.say(anna, '9f8e7d6c5b4a39281706f5e4d3c2b1a0'));
      expect(reply).not.toContain('9f8e7d6c5b4a');
      expect(reply).toContain('Send a command');
    });
  });

  describe('one order, one buyer', () => {
    it('"заказ 9002", "/orders #9002" and "order 99999" go to the order lookup, and ask only for that order', async () => {
      const asked = await requestsDuring(async () => {
        expect(text(await h.say(ivan, `заказ ${NAMED.overnight}`))).toContain(`🧾 Заказ #${NAMED.overnight}`);
        expect(text(await h.say(anna, `/orders #${NAMED.overnight}`))).toContain(`🧾 Order #${NAMED.overnight}`);
        expect(text(await h.say(anna, 'order 99999'))).toContain('There is no order #99999 in askshop.justclick.ru.');
      });
      expect(asked.map((r) => [r.method, r.params.bill_id])).toEqual([
        ['getOrderDetails', String(NAMED.overnight)],
        ['getOrderDetails', String(NAMED.overnight)],
        ['getOrderDetails', '99999'],
      ]);
    });

    it('an e-mail alone, in a message or after /orders, is a buyer', async () => {
      const email = `buyer${NAMED.paidLate}@example.com`;
      for (const asked of [email, `/orders ${email}`]) {
        const reply = text(await h.say(anna, asked));
        expect(reply).toContain(`#${NAMED.paidLate}`);
        expect(reply).toContain(email);
      }
      expect(h.jc.requests.at(-2)?.method).toBe('GetBills');
    });
  });

  describe('shortcuts take the same words', () => {
    it('/today, /yesterday, /sales, /revenue and /stats', async () => {
      const today: Asked = { from: msk('2026-11-28', '00:00'), to: NOW_S };
      const lastWeek: Asked = { from: msk('2026-11-16', '00:00'), to: msk('2026-11-23', '00:00') };
      const october: Asked = { from: msk('2026-10-01', '00:00'), to: msk('2026-11-01', '00:00') };
      const cases: [string, Asked, boolean][] = [
        ['/today', today, false],
        ['/yesterday', yesterday, false],
        ['/yesterday goods 103', { ...yesterday, goods: ['103'] }, false],
        ['/sales last week', { ...lastWeek, list: 'paid' }, false],
        ['/revenue last month', { ...october, list: 'paid' }, true],
        ['/stats this week', thisWeek, true],
      ];
      for (const [command, asked, summary] of cases) {
        const [reply, ...more] = await h.say(anna, command);
        expect(more).toEqual([]);
        const a = answerOf(raw, asked);
        for (const line of headerLines(a, 'en')) expect(plain(reply!.text)).toContain(line);
        if (summary) expect(orderNumbers(reply!.text)).toEqual([]);
        else expect(orderNumbers(reply!.text)).toEqual(a.listed.slice(0, 10));
      }
      expect(text(await h.say(ivan, '/today вчера'))).toContain('Укажите один период: «вчера» — уже второй.');
    });
  });

  describe('numbers first, the list on a button', () => {
    it('a question about numbers gets the header and a button that opens the list in place', async () => {
      const [summary] = await h.say(ivan, 'выручка за вчера');
      const a = answerOf(raw, { ...yesterday, list: 'paid' });
      expect(orderNumbers(summary!.text)).toEqual([]);
      for (const line of headerLines(a, 'ru')) expect(plain(summary!.text)).toContain(line);
      expect(buttons(summary).map((b) => b.text)).toEqual([`📋 Показать оплаченные (${a.paid.count})`]);
      const { message } = await h.press(ivan, summary!, buttons(summary)[0]!.data!);
      expect(message?.edited).toBe(true);
      expect(orderNumbers(message!.text)).toEqual(a.listed.slice(0, 10));
    });
  });

  describe('what is not understood', () => {
    it('names the word, proposes the nearest phrase as a button, and the button runs it', async () => {
      const [answer] = await h.say(ivan, 'продажи вчира');
      expect(plain(answer!.text)).toMatch(/^Не понял «вчира»\.\nМожет быть, «продажи вчера»\?\n\nНапример:\n/);
      const labels = buttons(answer).map((b) => b.text);
      expect(labels[0]).toBe('✅ продажи вчера');
      expect(labels.slice(1)).toEqual(['вчера', 'на прошлой неделе', 'с 1 по 15 ноября']);
      const { answer: spinner, replies } = await pressForNew(ivan, answer!, buttons(answer)[0]!.data!);
      expect(spinner.text).toBeUndefined();
      const reply = text(replies);
      expect(reply).toContain('📦 Заказы — вчера, 27 ноября');
      expect(orderNumbers(reply)).toEqual(answerOf(raw, { ...yesterday, list: 'paid' }).listed.slice(0, 10));
    });

    it('a tapped example runs too, and a typo on the wrong keyboard layout is fixed', async () => {
      const [answer] = await h.say(anna, 'orders lastweak');
      const example = buttons(answer).find((b) => b.text === 'last week')!;
      const { replies } = await pressForNew(anna, answer!, example.data!);
      expect(text(replies)).toContain('📦 Orders — last week, 16–22 Nov');
      const [layout] = await h.say(ivan, 'ghjlf;b dxthf');
      expect(buttons(layout)[0]?.text).toBe('✅ продажи вчера');
    });

    it('in a group only whoever asked may press', async () => {
      const [answer] = await h.say(anna, '/orders yesterdy', GROUP);
      expect(buttons(answer)[0]?.text).toBe('✅ yesterday');
      const { answer: refused, replies } = await pressForNew(boris, answer!, buttons(answer)[0]!.data!);
      expect(refused).toEqual({ text: 'These buttons belong to whoever asked.', alert: true });
      expect(replies).toEqual([]);
    });

    describe('bad input never reaches JustClick', () => {
      // An unknown word may fetch the product list once per 6 hours (tested above); make it fresh first.
      beforeAll(async () => {
        await h.say(anna, 'крокодил');
      });

      it.each([
        ['31.02', 'There is no such date: “31.02”.'],
        ['tomorrow', 'The period “tomorrow” has not begun yet'],
        ['15.11-01.11', 'The period “15.11-01.11” ends before it starts.'],
        ['paid unpaid', '“paid unpaid” asks for different orders at once'],
        ['today week', 'Give one period only: “week” is a second one.'],
        ['400d', 'is longer than 366 days'],
        ['buyer', 'After “buyer” write the buyer’s e-mail or phone'],
        ['order 12 yesterday', 'one order or one buyer is looked up on its own'],
        ['yesterdy', 'I did not understand “yesterdy”.'],
        ['крокодил', 'I did not understand “крокодил”.'],
      ])('bad input %j gets a helpful answer and no JustClick request (plain, /orders, /export, /sales)', async (words, says) => {
        // The catalog is fresh (the product list was fetched above): an unknown word asks nothing either.
        const during = await requestsDuring(async () => {
          for (const asked of [words, `/orders ${words}`, `/export ${words}`, `/sales ${words}`]) {
            const reply = text(await h.say(anna, asked));
            expect(reply).toContain(says);
          }
        });
        expect(during).toEqual([]);
      });
    });
  });

  describe('/export takes the same words', () => {
    it('a status and a period in words give a file of exactly those orders', async () => {
      const [file] = await h.say(ivan, '/export неоплаченные за неделю csv');
      const a = answerOf(raw, { ...thisWeek, status: 'unpaid' });
      expect(file?.document?.filename).toBe('orders-2026-11-23_2026-11-28.csv');
      const csv = file!.document!.content.toString('utf8');
      const ids = csv
        .split('\r\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => line.split(',')[0]!.replace(/"/g, ''));
      expect(ids.sort()).toEqual([...a.listed].sort());
    });
  });

  describe('/help documents every word', () => {
    it('a short /help with generated examples and a button for the full list', async () => {
      const [help] = await h.say(ivan, '/help');
      expect(help!.text).toContain('сколько продаж вчера? — только итоги: число, сумма, средний чек');
      expect(help!.text).toContain('/today, /yesterday, /sales');
      const [words] = (await pressForNew(ivan, help!, buttons(help)[0]!.data!)).replies;
      expect(words!.text).toContain('Слова, которые я понимаю');
      expect(words!.text).toContain('ждут оплаты');
      expect(words!.text).toContain('позавчера');
      expect(text(await h.say(anna, '/help words'))).toContain('day before yesterday');
    });
  });

  describe('the digest counts in the same words', () => {
    it('its lines match /orders yesterday, set for set', async () => {
      await h.engine.start();
      const before = h.tg.sent(ivan.id).length;
      await h.say(ivan, '/digest now');
      await h.tg.waitFor(
        () =>
          h.tg
            .sent(ivan.id)
            .slice(before)
            .some((m) => m.text.includes('📊 Продажи')),
        15_000,
      );
      const digest = plain(
        h.tg
          .sent(ivan.id)
          .slice(before)
          .find((m) => m.text.includes('📊 Продажи'))!.text,
      );
      const a = answerOf(raw, yesterday);
      const [paidLine, createdLine] = headerLines(a, 'ru').map((l) => l.replace('за период', 'за день'));
      expect(digest).toContain(paidLine);
      expect(digest).toContain(createdLine);
      const cancelled = raw.filter((o) => o.pay_status === 'cancel' && Number(o.created) >= yesterday.from && Number(o.created) < yesterday.to);
      const sum = cancelled.reduce((s, o) => s + Math.round(Number(o.price) * 100), 0);
      expect(digest).toContain(`❌ Из созданных: отменено ${cancelled.length} (${money(sum, 'ru')})`);
    });
  });

  describe('every-day phrasings against exact figures', () => {
    const table = [...RU_PHRASES.map((p) => [...p, 'ru'] as const), ...EN_PHRASES.map((p) => [...p, 'en'] as const)];

    it('has at least 60 phrasings in both languages', () => {
      expect(table.length).toBeGreaterThanOrEqual(60);
      expect(RU_PHRASES.length).toBeGreaterThanOrEqual(30);
      expect(EN_PHRASES.length).toBeGreaterThanOrEqual(30);
    });

    it.each(table)('%s', async (phrase, asked, lang) => {
      const [reply, ...more] = await h.say(lang === 'ru' ? ivan : anna, phrase);
      expect(more).toEqual([]);
      const a = answerOf(raw, asked);
      const shown = plain(reply!.text);
      if (a.paid.count === 0 && a.created.count === 0) {
        expect(shown).toMatch(lang === 'en' ? /^No orders for / : /^Заказов нет /);
        return;
      }
      for (const line of headerLines(a, lang, asked.status)) expect(shown).toContain(line);
      expect(orderNumbers(shown)).toEqual(asked.summary ? [] : a.listed.slice(0, 10));
    });
  });
});
