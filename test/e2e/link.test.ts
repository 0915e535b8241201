// End to end: a new seller opens the bot, reads /help, links their JustClick account (in one message or
// by answering two questions) and gets a plain explanation for each way JustClick can say no.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';

const KEY = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
const anna = { id: 2001, firstName: 'Anna', languageCode: 'en' };
const ivan = { id: 2002, firstName: 'Иван', languageCode: 'ru' };

describeRedis('e2e: start and link', () => {
  let h: BotHarness;
  let userId = 3000;
  /** A fresh seller per test, so that one test's link does not change the next one's answers. */
  const seller = (languageCode: 'en' | 'ru') => ({ id: ++userId, firstName: 'Seller', languageCode });

  beforeAll(async () => {
    h = await startBotHarness();
    h.jc.addAccount('shop', KEY);
    h.jc.addAccount('magazin', KEY);
    h.jc.addAccount('closed', KEY, { state: 'disabled' });
    h.jc.addAccount('noapi', KEY, { state: 'limited' });
    h.jc.addAccount('walled', KEY, { state: 'ip-denied' });
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('/start and /help', () => {
    it('explains the bot, every command with an example, and where the API key is, in English', async () => {
      const reply = text(await h.say(anna, '/start'));
      expect(reply).toContain('JustClick orders bot');
      expect(reply).toContain('API section of the account settings («Интеграция и API»)');
      for (const example of [
        '/link shop KEY',
        '/orders yesterday paid',
        '/orders 01.11-15.11',
        '/export month paid',
        '/alerts on',
        '/digest 9:00',
        '/order 12345',
        '/buyer anna@example.com',
        '/tz Yekaterinburg',
        '/tz +5',
        '/lang ru',
        '/status',
        '/unlink',
        '/cancel',
      ]) {
        expect(reply).toContain(example);
      }
    });

    it('speaks Russian to a user whose Telegram is in Russian', async () => {
      const reply = text(await h.say(ivan, '/help'));
      expect(reply).toContain('Бот заказов JustClick');
      expect(reply).toContain('раздел настроек API («Интеграция и API»)');
      expect(reply).toContain('/orders вчера оплаченные');
    });

    it('registers the command menu in English (default) and Russian', async () => {
      await h.bot.commandMenus();
      const en = h.tg.commands('');
      const ru = h.tg.commands('ru');
      expect(en?.map((c) => c.command)).toEqual([
        'orders',
        'today',
        'yesterday',
        'chart',
        'top',
        'sales',
        'revenue',
        'stats',
        'order',
        'buyer',
        'export',
        'alerts',
        'digest',
        'report',
        'goal',
        'pin',
        'status',
        'link',
        'demo',
        'accounts',
        'unlink',
        'team',
        'bind',
        'unbind',
        'tz',
        'lang',
        'help',
      ]);
      expect(ru?.map((c) => c.command)).toEqual(en?.map((c) => c.command));
      expect(en?.find((c) => c.command === 'orders')?.description).toBe('Orders: /orders yesterday paid');
      expect(ru?.find((c) => c.command === 'orders')?.description).toBe('Заказы: /orders вчера оплаченные');
      expect(en?.find((c) => c.command === 'bind')?.description).toBe('In a group: bind it to your account (admins)');
      expect(ru?.find((c) => c.command === 'unbind')?.description).toBe('В группе: отменить привязку (любой админ)');
    });
  });

  describe('/link in one message', () => {
    it('checks the key with one signed call, deletes the message holding it, and says what to try next', async () => {
      const user = seller('en');
      const before = h.jc.requests.length;
      const update = h.tg.say({ from: user, text: `/link shop ${KEY}` });
      await h.idle();
      const replies = h.tg.sent(user.id).filter((m) => m.messageId > update.message.message_id);
      expect(text(replies)).toContain('✅ Linked shop.justclick.ru.');
      expect(text(replies)).toContain('/orders today');
      expect(h.tg.deleted(user.id)).toContainEqual({ chatId: user.id, messageId: update.message.message_id });
      const checks = h.jc.requests.slice(before);
      expect(checks).toHaveLength(1);
      if (h.phpChecked) expect(checks[0]?.phpVerified).toBe(true);
      expect((await h.accounts.get(user.id))?.creds).toEqual({ login: 'shop', region: 'ru', key: KEY });
    });

    it('takes the account address instead of the bare login', async () => {
      const user = seller('en');
      const replies = await h.say(user, `/link https://shop.justclick.ru/ ${KEY}`);
      expect(text(replies)).toContain('Linked shop.justclick.ru');
      // An account on the international platform keeps its domain.
      expect(text(await h.say(user, `/link SHOP.justclick.io ${KEY}`))).toContain('Linked shop.justclick.io');
      expect((await h.accounts.current(user.id))?.creds).toMatchObject({ login: 'shop', region: 'io' });
    });

    it('deletes the key message and stores nothing when the key is wrong', async () => {
      const user = seller('en');
      const update = h.tg.say({ from: user, text: '/link shop not-the-right-key' });
      await h.idle();
      const reply = text(h.tg.sent(user.id).filter((m) => m.messageId > update.message.message_id));
      expect(reply).toContain('JustClick does not accept this login and key: either there is no account shop.justclick.ru, or the key is not its key.');
      expect(reply).toContain('send /link again');
      expect(h.tg.deleted(user.id)).toContainEqual({ chatId: user.id, messageId: update.message.message_id });
      expect(await h.accounts.get(user.id)).toBeNull();
    });

    it.each([
      [
        'an unknown login (as a wrong key: /link tells nothing about which logins exist)',
        'nosuchshop',
        'JustClick does not accept this login and key: either there is no account nosuchshop.justclick.ru, or the key is not its key. The account is not linked.',
      ],
      ['a disabled account', 'closed', 'JustClick says the account closed.justclick.ru is disabled.'],
      ['API access switched off or limited', 'noapi', 'API access is switched off in the account settings, or the request limit is reached'],
      ['a denied IP address', 'walled', 'the account allows API access only from certain IP addresses'],
    ])('explains %s in plain words', async (_what, login, expected) => {
      const user = seller('en');
      const reply = text(await h.say(user, `/link ${login} ${KEY}`));
      expect(reply).toContain(expected);
      expect(await h.accounts.get(user.id)).toBeNull();
    });

    it('says JustClick is unreachable, without linking, when it does not answer', async () => {
      const user = seller('en');
      h.jc.inject('5xx', 2);
      const reply = text(await h.say(user, `/link shop ${KEY}`));
      expect(reply).toContain('JustClick is not answering right now. The account is not linked.');
      expect(await h.accounts.get(user.id)).toBeNull();
    });

    it('explains the errors in Russian too', async () => {
      const user = seller('ru');
      const reply = text(await h.say(user, '/link shop wrong-key-here'));
      expect(reply).toContain('JustClick не принимает этот логин и ключ: либо аккаунта shop.justclick.ru нет, либо ключ не от него.');
      const disabled = text(await h.say(user, `/link closed ${KEY}`));
      expect(disabled).toContain('аккаунт closed.justclick.ru отключён');
    });

    it('refuses something that is not a login', async () => {
      const user = seller('en');
      const reply = text(await h.say(user, `/link <магазин> ${KEY}`));
      expect(reply).toContain('“<магазин>” is not a JustClick login');
      expect(h.tg.deleted(user.id).length).toBeGreaterThan(0);
    });
  });

  describe('/link is no oracle', () => {
    /** The answer with the account's name taken out, to compare answers about different accounts. */
    const shape = (reply: string, login: string) => reply.replaceAll(`${login}.justclick.ru`, 'ACCOUNT');

    it('gives one answer for a wrong key, an unknown login, and a wrong key on an account with an IP allow-list', async () => {
      h.jc.addAccount('oracle-a', KEY);
      h.jc.addAccount('oracle-walled', KEY, { state: 'ip-denied' });
      const wrongKey = shape(text(await h.say(seller('en'), '/link oracle-a wrong-key-1')), 'oracle-a');
      const noLogin = shape(text(await h.say(seller('en'), '/link oracle-none wrong-key-1')), 'oracle-none');
      const walled = shape(text(await h.say(seller('en'), '/link oracle-walled wrong-key-1')), 'oracle-walled');
      expect(wrongKey).toContain('JustClick does not accept this login and key');
      expect(noLogin).toBe(wrongKey);
      expect(walled).toBe(wrongKey);
    });

    it('after 5 failures a user waits before the next attempt, without a request to JustClick, and the wait grows', async () => {
      const user = seller('en');
      const start = new Date('2026-11-28T10:00:00Z');
      h.setNow(start);
      try {
        for (let i = 0; i < 5; i++) expect(text(await h.say(user, `/link oracle-b${i} wrong-key-${i}`))).toContain('does not accept this login and key');
        const before = h.jc.requests.length;
        const refused = text(await h.say(user, '/link oracle-c wrong-key-x'));
        expect(refused).toContain('Too many failed attempts to link an account');
        expect(refused).toContain('try /link again in 1 minute.');
        expect(h.jc.requests.length).toBe(before);
        // A minute later one more attempt goes through; failing, it doubles the wait.
        h.setNow(new Date(start.getTime() + 61_000));
        expect(text(await h.say(user, '/link oracle-c wrong-key-x'))).toContain('does not accept this login and key');
        expect(text(await h.say(user, '/link oracle-c wrong-key-y'))).toContain('try /link again in 2 minutes.');
        // Even the right key waits: the limit is on the user, whatever they send.
        expect(text(await h.say(user, `/link shop ${KEY}`))).toContain('Too many failed attempts');
        expect(await h.accounts.get(user.id)).toBeNull();
      } finally {
        h.setNow(new Date());
      }
    });

    it('failures on one login add up across users', async () => {
      h.jc.addAccount('oracle-d', KEY);
      for (let i = 0; i < 5; i++) await h.say(seller('en'), `/link oracle-d guess-${i}`);
      const before = h.jc.requests.length;
      expect(text(await h.say(seller('ru'), '/link oracle-d guess-5'))).toContain('Слишком много неудачных попыток подключить аккаунт');
      expect(h.jc.requests.length).toBe(before);
    });

    it('20 failures in a day lock /link for the rest of that day', async () => {
      const user = seller('en');
      let now = new Date('2026-11-28T10:00:00Z').getTime();
      try {
        for (let i = 0; i < 20; i++) {
          h.setNow(new Date(now));
          expect(text(await h.say(user, `/link oracle-e${i} wrong`))).toContain('does not accept this login and key');
          now += 61 * 60_000; // past the longest back-off (an hour)
        }
        h.setNow(new Date(now));
        expect(text(await h.say(user, '/link oracle-e-last wrong'))).toMatch(/try \/link again in 2[34] hours\./);
      } finally {
        h.setNow(new Date());
      }
    });
  });

  describe('/link as two questions', () => {
    it('asks for the login, then the key (in Russian), deletes the key message and links', async () => {
      const user = seller('ru');
      expect(text(await h.say(user, '/link'))).toContain('Какой у вас логин JustClick?');
      expect(text(await h.say(user, 'magazin.justclick.ru'))).toContain('Теперь отправьте ключ API для magazin.justclick.ru');
      const keyMessage = h.tg.say({ from: user, text: KEY });
      await h.idle();
      const reply = text(h.tg.sent(user.id).filter((m) => m.messageId > keyMessage.message.message_id));
      expect(reply).toContain('✅ Аккаунт magazin.justclick.ru подключён.');
      expect(h.tg.deleted(user.id)).toContainEqual({ chatId: user.id, messageId: keyMessage.message.message_id });
      expect((await h.accounts.get(user.id))?.creds.login).toBe('magazin');
    });

    it('/cancel leaves the questions and nothing is stored', async () => {
      const user = seller('en');
      await h.say(user, '/link');
      await h.say(user, 'shop');
      expect(text(await h.say(user, '/cancel'))).toContain('Stopped. Nothing was saved.');
      // The key sent now is just a message, not an answer.
      expect(text(await h.say(user, KEY))).toContain('Send a command');
      expect(await h.accounts.get(user.id)).toBeNull();
    });

    it('another command leaves the questions too', async () => {
      const user = seller('en');
      await h.say(user, '/link');
      expect(text(await h.say(user, '/tz'))).toContain('Time zone: Moscow (UTC+3), Europe/Moscow');
      // Not an answer to the left questions: a question about orders, not understood.
      expect(text(await h.say(user, 'shop'))).toContain('I did not understand “shop”.');
      expect(await h.accounts.get(user.id)).toBeNull();
      await h.say(user, '/link shop');
      expect(text(await h.say(user, '/help'))).toContain('JustClick orders bot');
      expect(text(await h.say(user, KEY))).toContain('Send a command');
      expect(await h.accounts.get(user.id)).toBeNull();
    });

    it('asks again when the answer is not a login', async () => {
      const user = seller('en');
      await h.say(user, '/link');
      expect(text(await h.say(user, 'my shop!'))).toContain('is not a JustClick login');
      expect(text(await h.say(user, 'shop'))).toContain('Now send the API key of shop.justclick.ru');
    });
  });

  describe('a key sent where the login belongs', () => {
    /** Nothing about the key leaves the chat: no JustClick request, no echo, no log line, no flow that keeps it. */
    const expectKeyKeptOut = async (user: { id: number }, key: string, jcBefore: number, replies: string) => {
      expect(replies).not.toContain(key);
      expect(replies.toLowerCase()).not.toContain(key.toLowerCase().slice(0, 12));
      expect(h.jc.requests.length).toBe(jcBefore);
      expect(h.logs.join('\n')).not.toContain(key);
      expect(h.logs.join('\n').toLowerCase()).not.toContain(key.toLowerCase());
      expect(await h.accounts.get(user.id)).toBeNull();
    };

    it('/link KEY alone is refused before any request, deleted, and never echoed', async () => {
      const user = seller('en');
      const before = h.jc.requests.length;
      const update = h.tg.say({ from: user, text: `/link ${KEY}` });
      await h.idle();
      const reply = text(h.tg.sent(user.id).filter((m) => m.messageId > update.message.message_id));
      expect(reply).toContain('That looks like an API key, not a login');
      expect(reply).toContain('I deleted the message with it');
      expect(h.tg.deleted(user.id)).toContainEqual({ chatId: user.id, messageId: update.message.message_id });
      await expectKeyKeptOut(user, KEY, before, reply);
      // Nothing was kept: the next word is not taken as the key of a login "KEY" (it is a question, not understood).
      expect(text(await h.say(user, 'anything'))).toContain('I did not understand “anything”.');
      expect(await h.accounts.get(user.id)).toBeNull();
    });

    it('a base64-looking key as the answer to the login question is refused the same way, in Russian', async () => {
      const user = seller('ru');
      const key = 'Zm9vYmFyQmF6MTIzNDU2Nzg5MEFCQ0RFRg==';
      const before = h.jc.requests.length;
      await h.say(user, '/link');
      const answer = h.tg.say({ from: user, text: key });
      await h.idle();
      const reply = text(h.tg.sent(user.id).filter((m) => m.messageId > answer.message.message_id));
      expect(reply).toContain('Это похоже на ключ API, а не на логин');
      expect(h.tg.deleted(user.id)).toContainEqual({ chatId: user.id, messageId: answer.message.message_id });
      await expectKeyKeptOut(user, key, before, reply);
    });

    it('/link KEY shop (the two swapped) is refused without echoing the key', async () => {
      const user = seller('en');
      const before = h.jc.requests.length;
      const reply = text(await h.say(user, `/link ${KEY} shop`));
      expect(reply).toContain('That looks like an API key, not a login');
      await expectKeyKeptOut(user, KEY, before, reply);
    });

    it('an account address with a key for a login is refused too', async () => {
      const user = seller('en');
      const before = h.jc.requests.length;
      const reply = text(await h.say(user, `/link https://${KEY}.justclick.ru/`));
      expect(reply).toContain('That looks like an API key, not a login');
      await expectKeyKeptOut(user, KEY, before, reply);
    });

    it('deletes every message of the flow: the /link with the login, and the login answer', async () => {
      const user = seller('en');
      const command = h.tg.say({ from: user, text: '/link shop' });
      await h.idle();
      await h.say(user, '/cancel');
      await h.say(user, '/link');
      const answer = h.tg.say({ from: user, text: 'shop' });
      await h.idle();
      expect(h.tg.deleted(user.id)).toEqual(
        expect.arrayContaining([
          { chatId: user.id, messageId: command.message.message_id },
          { chatId: user.id, messageId: answer.message.message_id },
        ]),
      );
    });

    it('"login key" as the answer to the login question links in one go', async () => {
      const user = seller('en');
      await h.say(user, '/link');
      const answer = h.tg.say({ from: user, text: `shop ${KEY}` });
      await h.idle();
      expect(text(h.tg.sent(user.id).filter((m) => m.messageId > answer.message.message_id))).toContain('✅ Linked shop.justclick.ru.');
      expect(h.tg.deleted(user.id)).toContainEqual({ chatId: user.id, messageId: answer.message.message_id });
    });
  });

  describe('/link in a group', () => {
    it('refuses, and deletes the message holding the key', async () => {
      const user = seller('en');
      h.tg.setMember(GROUP.id, h.tg.bot.id, 'administrator');
      const update = h.tg.say({ from: user, chat: GROUP, text: `/link shop ${KEY}` });
      await h.idle();
      const reply = text(h.tg.sent(GROUP.id).filter((m) => m.messageId > update.message.message_id));
      expect(reply).toContain('I link accounts only in a private chat');
      expect(reply).toContain('I deleted the message with the key');
      expect(h.tg.deleted(GROUP.id)).toContainEqual({ chatId: GROUP.id, messageId: update.message.message_id });
      expect(await h.accounts.get(user.id)).toBeNull();
      expect(h.jc.requests.some((r) => r.body.includes(KEY))).toBe(false);
    });

    it('says so when it may not delete messages there', async () => {
      const user = seller('ru');
      const group = { id: -1009999, type: 'supergroup' as const, title: 'Без прав' };
      const reply = text(await h.say(user, `/link shop ${KEY}`, group));
      expect(reply).toContain('Удалить сообщение с ключом я не смог');
      expect(await h.accounts.get(user.id)).toBeNull();
    });
  });

  describe('/unlink', () => {
    it('forgets the account', async () => {
      const user = seller('en');
      await h.say(user, `/link shop ${KEY}`);
      expect(text(await h.say(user, '/unlink'))).toContain('Forgot shop.justclick.ru');
      expect(await h.accounts.get(user.id)).toBeNull();
      expect(text(await h.say(user, '/orders'))).toContain('No JustClick account is linked yet');
      expect(text(await h.say(user, '/unlink'))).toContain('nothing to forget');
    });
  });
});
