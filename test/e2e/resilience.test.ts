// End to end: what the bot does when things go wrong on its side or Telegram's (an apology, never a
// stack trace, and the next command still works), and the same handlers fed by webhook instead of polling.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Update } from 'telegraf/types';
import { startBotHarness, WEBHOOK_SECRET, type BotHarness } from '../support/bot-harness.js';
import { msk, orderNumbers, text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';

const KEY = '5ecre75ecre75ecre75ecre75ecre700';

describeRedis('e2e: when things go wrong', () => {
  let h: BotHarness;
  const nina = { id: 9101, firstName: 'Nina', languageCode: 'ru' };
  const sam = { id: 9102, firstName: 'Sam', languageCode: 'en' };

  beforeAll(async () => {
    h = await startBotHarness({ now: new Date('2026-11-28T09:00:00Z') });
    h.jc.addAccount('nina', KEY);
    h.jc.addOrder('nina', { id: 9901, created: msk('2026-11-28', '10:00'), paid: null });
    await h.say(nina, `/link nina ${KEY}`);
    await h.say(sam, `/link nina ${KEY}`);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an error of its own gets a short apology in the user’s language, and the bot goes on', async () => {
    h.tg.inject('sendMessage', { code: 400, description: 'Bad Request: something we did wrong' }, { chatId: nina.id });
    expect(text(await h.say(nina, '/help'))).toBe('Извините, у меня что-то сломалось. Попробуйте ещё раз через минуту.');
    expect(h.logs.some((l) => l.includes('"update failed"') && l.includes('something we did wrong'))).toBe(true);
    expect(text(await h.say(nina, '/help'))).toContain('Бот заказов JustClick');

    h.tg.inject('sendMessage', { code: 400, description: 'Bad Request: another bug' }, { chatId: sam.id });
    const apology = text(await h.say(sam, '/orders'));
    expect(apology).toBe('Sorry, something went wrong on my side. Please try again in a minute.');
    expect(apology).not.toMatch(/at .*\.ts:\d+|Error:/);
  });

  it('a user who blocked the bot is not written to again for that update', async () => {
    h.tg.inject('sendMessage', { code: 403, description: 'Forbidden: bot was blocked by the user' }, { chatId: sam.id });
    const before = h.tg.calls.length;
    expect(await h.say(sam, '/help')).toEqual([]);
    expect(h.tg.calls.slice(before).filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    expect(text(await h.say(sam, '/help'))).toContain('JustClick orders bot');
  });

  it('a second request while JustClick is still answering the first is told to wait', async () => {
    h.jc.inject({ latencyMs: 400 }, 1);
    const first = h.tg.makeUpdate.message({ from: nina, text: '/orders' });
    const second = h.tg.makeUpdate.message({ from: nina, text: '/orders вчера' });
    await h.deliver(first);
    await h.deliver(second);
    await h.idle();
    const replies = text(h.tg.sent(nina.id).filter((m) => m.messageId > second.message.message_id));
    expect(replies).toContain('Я ещё выполняю ваш предыдущий запрос.');
    expect(orderNumbers(replies)).toEqual(['9901']);
  });

  it('a group that becomes a supergroup keeps its settings under the new id', async () => {
    const old = -4440001;
    const upgraded = -1004440001;
    await h.say(nina, '/start', { id: old, type: 'group', title: 'Small group' });
    await h.chats.update(old, { timeZone: 'Asia/Almaty', lang: 'ru' });
    await h.deliver({
      message: {
        message_id: 99,
        date: 0,
        chat: { id: old, type: 'group', title: 'Small group' },
        from: { id: nina.id, is_bot: false, first_name: 'Nina' },
        migrate_to_chat_id: upgraded,
      },
    } as unknown as Update);
    await h.idle();
    expect(await h.chats.get(upgraded)).toMatchObject({ timeZone: 'Asia/Almaty', lang: 'ru' });
    expect(await h.chats.get(old)).toEqual({});
  });
});

describeRedis('e2e: webhook mode', () => {
  let h: BotHarness;
  const lena = { id: 9201, firstName: 'Lena', languageCode: 'en' };

  beforeAll(async () => {
    h = await startBotHarness({ now: new Date('2026-11-28T09:00:00Z'), mode: 'webhook' });
    h.jc.addAccount('lena', KEY);
    h.jc.addOrder('lena', { id: 9902, created: msk('2026-11-28', '10:00'), paid: msk('2026-11-28', '10:01') });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the webhook is set with its secret, and the same handlers answer', async () => {
    expect(h.tg.webhook()?.secretToken).toBe(WEBHOOK_SECRET);
    expect(text(await h.say(lena, `/link lena ${KEY}`))).toContain('Linked lena.justclick.ru');
    expect(orderNumbers(text(await h.say(lena, '/orders')))).toEqual(['9902']);
  });

  it('an update Telegram delivers twice is handled once', async () => {
    const update = h.tg.makeUpdate.message({ from: lena, text: '/status' });
    await h.deliver(update);
    await h.deliver(update);
    await h.idle();
    expect(h.tg.sent(lena.id).filter((m) => m.messageId > update.message.message_id)).toHaveLength(1);
  });
});
