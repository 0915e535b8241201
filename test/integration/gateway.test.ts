// The outbound gateway driving a real telegraf `Telegram` client against the strict fake Bot API:
// what reaches the user, what is refused before sending, and how each Telegram failure is classified.
import { Telegram } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkTelegramHtml, type Html } from '../../src/domain/format/html.js';
import { splitMessage } from '../../src/domain/format/split.js';
import { renderRevenueChart } from '../../src/domain/chart/revenue-chart.js';
import { revenueSeries } from '../../src/domain/revenue-series.js';
import { createLogger } from '../../src/logger.js';
import { ChatGone, OutboundRefused, TelegramApiError, TelegramBadRequest, TelegramRateLimited, TelegramUnavailable } from '../../src/outbound/errors.js';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/outbound/gateway.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram.js';

const logger = createLogger('silent');
/** These tests feed the gateway markup as it is, valid or not: its own checks are what is tested. */
const raw = (markup: string) => markup as Html;
const CHAT = 4242;
const DAY = { from: new Date('2026-11-28T00:00:00Z'), to: new Date('2026-11-29T00:00:00Z') };
const GROUP = -1001234567890;

let fake: FakeTelegram;
let waits: number[];
let gateway: Gateway;

function gatewayFor(f: FakeTelegram, extra: Partial<GatewayOptions> = {}): Gateway {
  const telegram = new Telegram(f.token, { apiRoot: f.apiRoot, webhookReply: false });
  return createGateway(telegram, {
    logger,
    checkHtml: checkTelegramHtml,
    split: splitMessage,
    sleep: async (ms) => {
      waits.push(ms);
      await new Promise((r) => setTimeout(r, ms));
    },
    ...extra,
  });
}

const sendCalls = (method = 'sendMessage') => fake.calls.filter((c) => c.method === method);

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

const buttons = (data: string): InlineKeyboardMarkup => ({ inline_keyboard: [[{ text: 'Next ▶', callback_data: data }]] });

beforeAll(async () => {
  fake = await startFakeTelegram();
});
afterAll(async () => {
  await fake.close();
});

describe('gateway', () => {
  beforeAll(() => {
    waits = [];
    gateway = gatewayFor(fake);
  });
  afterEach(() => {
    waits.length = 0;
  });

  it('delivers HTML as formatted text with its buttons', async () => {
    const ids = await gateway.sendHtml(CHAT, raw('<b>Paid</b> order #17: Tom &amp; Jerry &lt;3'), { keyboard: buttons('p:2') });
    expect(ids).toHaveLength(1);
    const [seen] = fake.sent(CHAT).slice(-1);
    expect(seen).toMatchObject({
      messageId: ids[0],
      text: 'Paid order #17: Tom & Jerry <3',
      entities: [{ type: 'bold', offset: 0, length: 4 }],
      keyboard: [[{ text: 'Next ▶', data: 'p:2' }]],
      silent: false,
    });
  });

  it('sends quietly and as an answer when asked', async () => {
    const [question] = (await gateway.sendHtml(CHAT, raw('question'))) as [number];
    const [answer] = (await gateway.sendHtml(CHAT, raw('answer'), { silent: true, replyTo: question })) as [number];
    expect(fake.sent(CHAT).find((m) => m.messageId === answer)).toMatchObject({ silent: true, replyTo: question });
  });

  it('refuses HTML Telegram would reject, before calling Telegram', async () => {
    const calls = fake.calls.length;
    for (const html of ['Anna <3 you', '<b>unclosed', '<div>x</div>', 'a > b']) {
      const err = await caught(gateway.sendHtml(CHAT, raw(html)));
      expect(err, html).toBeInstanceOf(OutboundRefused);
      expect(err.message).toMatch(/^sendMessage refused before sending: invalid HTML/);
    }
    expect(fake.calls.length).toBe(calls);
  });

  it('splits a long message into parts that each fit, with the keyboard on the last part only', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `<b>Order ${i + 1}</b>: ${'x'.repeat(20)}`);
    const ids = await gateway.sendHtml(CHAT, raw(lines.join('\n')), { keyboard: buttons('more') });
    expect(ids.length).toBeGreaterThan(1);
    const parts = fake.sent(CHAT).filter((m) => ids.includes(m.messageId));
    expect(parts.map((p) => p.messageId)).toEqual(ids);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(4096);
    expect(parts.map((p) => p.keyboard)).toEqual([...ids.slice(1).map(() => undefined), [[{ text: 'Next ▶', data: 'more' }]]]);
    const shown = parts.map((p) => p.text).join('\n');
    for (const i of [1, 150, 300]) expect(shown).toContain(`Order ${i}: `);
  });

  it('refuses callback_data over 64 bytes before sending (Cyrillic counts 2 bytes a letter)', async () => {
    const calls = fake.calls.length;
    const err = await caught(gateway.sendHtml(CHAT, raw('pick one'), { keyboard: buttons('д'.repeat(33)) }));
    expect(err).toBeInstanceOf(OutboundRefused);
    expect(err.message).toContain('66 bytes');
    expect(fake.calls.length).toBe(calls);
    await expect(gateway.sendHtml(CHAT, raw('pick one'), { keyboard: buttons('д'.repeat(32)) })).resolves.toHaveLength(1);
  });

  it('waits out a short 429 and delivers the message exactly once', async () => {
    fake.inject('sendMessage', { code: 429, retryAfter: 1 }, { chatId: CHAT });
    const shown = fake.sent(CHAT).length;
    const calls = sendCalls().length;
    const ids = await gateway.sendHtml(CHAT, raw('after the pause'));
    expect(waits).toEqual([1000]);
    expect(sendCalls().length).toBe(calls + 2);
    expect(fake.sent(CHAT)).toHaveLength(shown + 1);
    expect(fake.sent(CHAT).at(-1)).toMatchObject({ messageId: ids[0], text: 'after the pause' });
  });

  it('hands a long 429 to the caller as TelegramRateLimited, without waiting', async () => {
    fake.inject('sendMessage', { code: 429, retryAfter: 30 }, { chatId: CHAT });
    const calls = sendCalls().length;
    const err = await caught(gateway.sendHtml(CHAT, raw('flood')));
    expect(err).toBeInstanceOf(TelegramRateLimited);
    expect((err as TelegramRateLimited).retryAfter).toBe(30);
    expect(waits).toEqual([]);
    expect(sendCalls().length).toBe(calls + 1);
  });

  it('stops waiting once 429s add up past maxWaitSeconds', async () => {
    const impatient = gatewayFor(fake, { maxWaitSeconds: 1 });
    fake.inject('sendMessage', { code: 429, retryAfter: 1 }, { chatId: CHAT, times: 2 });
    const err = await caught(impatient.sendHtml(CHAT, raw('still flooded')));
    expect(err).toBeInstanceOf(TelegramRateLimited);
    expect(waits).toEqual([1000]);
  });

  it('reports a blocked bot (403) as ChatGone, once, without retrying', async () => {
    fake.inject('sendMessage', { code: 403, description: 'Forbidden: bot was blocked by the user' }, { chatId: CHAT });
    const calls = sendCalls().length;
    const err = await caught(gateway.sendHtml(CHAT, raw('alert')));
    expect(err).toBeInstanceOf(ChatGone);
    expect(err).toMatchObject({ code: 403, chatId: CHAT, method: 'sendMessage', description: 'Forbidden: bot was blocked by the user' });
    expect(sendCalls().length).toBe(calls + 1);
  });

  it('treats "chat not found" as ChatGone and other 400s as our bug', async () => {
    fake.inject('sendMessage', { code: 400, description: 'Bad Request: chat not found' }, { chatId: CHAT });
    expect(await caught(gateway.sendHtml(CHAT, raw('x')))).toBeInstanceOf(ChatGone);
    fake.inject('sendMessage', { code: 400, description: 'Bad Request: wrong parameter action in request' }, { chatId: CHAT });
    const err = await caught(gateway.sendHtml(CHAT, raw('x')));
    expect(err).toBeInstanceOf(TelegramBadRequest);
    expect(err).not.toBeInstanceOf(ChatGone);
  });

  it('carries migrate_to_chat_id when a group became a supergroup', async () => {
    fake.inject('sendMessage', { code: 400, migrateToChatId: -1009876543210 }, { chatId: -4242 });
    const err = await caught(gateway.sendHtml(-4242, raw('digest')));
    expect(err).toBeInstanceOf(TelegramBadRequest);
    expect((err as TelegramBadRequest).migrateToChatId).toBe(-1009876543210);
  });

  it('reports 5xx and dropped connections as TelegramUnavailable (retryable)', async () => {
    fake.inject('sendMessage', { code: 502 }, { chatId: CHAT });
    const err = await caught(gateway.sendHtml(CHAT, raw('x')));
    expect(err).toBeInstanceOf(TelegramUnavailable);
    expect(err).toMatchObject({ code: 502 });
    fake.inject('sendMessage', { network: 'reset' }, { chatId: CHAT });
    const reset = await caught(gateway.sendHtml(CHAT, raw('x')));
    expect(reset).toBeInstanceOf(TelegramUnavailable);
  });

  it('tells the caller which parts got through when a split send fails half-way', async () => {
    fake.inject('sendMessage', { code: 500 }, { chatId: CHAT, skip: 1 });
    const long = Array.from({ length: 400 }, (_, i) => `line ${i} ${'y'.repeat(15)}`).join('\n');
    const err = await caught(gateway.sendHtml(CHAT, raw(long)));
    expect(err).toBeInstanceOf(TelegramUnavailable);
    const delivered = (err as TelegramApiError).sentMessageIds;
    expect(delivered).toHaveLength(1);
    expect(fake.sent(CHAT).at(-1)?.messageId).toBe(delivered[0]);
  });

  it('edits a message; an unchanged edit is not an error; an edit cannot be split', async () => {
    const [id] = (await gateway.sendHtml(CHAT, raw('page 1'), { keyboard: buttons('p:2') })) as [number];
    await gateway.editHtml(CHAT, id, raw('<i>page 2</i>'), buttons('p:1'));
    expect(fake.sent(CHAT).find((m) => m.messageId === id)).toMatchObject({
      text: 'page 2',
      edited: true,
      keyboard: [[{ text: 'Next ▶', data: 'p:1' }]],
    });
    await expect(gateway.editHtml(CHAT, id, raw('<i>page 2</i>'), buttons('p:1'))).resolves.toBeUndefined();
    expect(fake.calls.at(-1)?.error?.description).toMatch(/message is not modified/);
    await gateway.editKeyboard(CHAT, id);
    expect(fake.sent(CHAT).find((m) => m.messageId === id)?.keyboard).toBeUndefined();
    await expect(gateway.editKeyboard(CHAT, id)).resolves.toBeUndefined();
    const err = await caught(gateway.editHtml(CHAT, id, raw('z'.repeat(5000))));
    expect(err).toBeInstanceOf(OutboundRefused);
  });

  it('sends a CSV document with an HTML caption, and refuses an over-long caption', async () => {
    const csv = Buffer.from('id;paid\n17;4990.00\n', 'utf8');
    const id = await gateway.sendDocument(CHAT, { filename: 'orders.csv', content: csv }, raw('<b>Orders</b> for today'));
    const seen = fake.sent(CHAT).find((m) => m.messageId === id);
    expect(seen?.document?.filename).toBe('orders.csv');
    expect(seen?.document?.content.equals(csv)).toBe(true);
    expect(seen?.text).toBe('Orders for today');
    const err = await caught(gateway.sendDocument(CHAT, { filename: 'a.csv', content: csv }, raw('c'.repeat(1025))));
    expect(err).toBeInstanceOf(OutboundRefused);
  });

  it('sends a PNG as a photo with an HTML caption; refuses an over-long caption and an empty picture', async () => {
    const png = renderRevenueChart({ current: revenueSeries([], DAY, 'UTC'), previous: null, title: 'Выручка', lang: 'ru', currency: 'RUB', theme: 'light' });
    const id = await gateway.sendPhoto(CHAT, { filename: 'revenue.png', content: png }, raw('📈 <b>Revenue</b> — today'));
    const seen = fake.sent(CHAT).find((m) => m.messageId === id);
    expect(seen?.photo?.content.equals(png)).toBe(true);
    expect([seen?.photo?.width, seen?.photo?.height]).toEqual([1080, 640]);
    expect(seen?.text).toBe('📈 Revenue — today');
    const before = sendCalls('sendPhoto').length;
    expect(await caught(gateway.sendPhoto(CHAT, { filename: 'a.png', content: png }, raw('c'.repeat(1025))))).toBeInstanceOf(OutboundRefused);
    expect(await caught(gateway.sendPhoto(CHAT, { filename: 'a.png', content: Buffer.alloc(0) }))).toBeInstanceOf(OutboundRefused);
    expect(sendCalls('sendPhoto')).toHaveLength(before);
  });

  it('waits out a short 429 on sendPhoto and classifies a blocked chat', async () => {
    const png = renderRevenueChart({ current: revenueSeries([], DAY, 'UTC'), previous: null, title: 'x', lang: 'en', currency: 'RUB', theme: 'dark' });
    fake.inject('sendPhoto', { code: 429, retryAfter: 1 }, { chatId: CHAT });
    waits = [];
    await gateway.sendPhoto(CHAT, { filename: 'r.png', content: png });
    expect(waits).toEqual([1000]);
    fake.inject('sendPhoto', { code: 403, description: 'Forbidden: bot was blocked by the user' }, { chatId: CHAT });
    expect(await caught(gateway.sendPhoto(CHAT, { filename: 'r.png', content: png }))).toBeInstanceOf(ChatGone);
  });

  it('deletes a message and says false when there is nothing to delete', async () => {
    const keyMessage = fake.makeUpdate.message({ from: CHAT, text: 'shop c9f1e0a7b3d24f5e' }).message.message_id;
    expect(await gateway.deleteMessage(CHAT, keyMessage)).toBe(true);
    expect(fake.deleted(CHAT)).toContainEqual({ chatId: CHAT, messageId: keyMessage });
    expect(await gateway.deleteMessage(CHAT, keyMessage)).toBe(false);
  });

  it('answers a button press, and ignores a press too old to answer', async () => {
    const [id] = (await gateway.sendHtml(CHAT, raw('pick'), { keyboard: buttons('x') })) as [number];
    const press = fake.makeUpdate.callback({ from: CHAT, messageId: id, data: 'x' });
    await gateway.answerCallback(press.callback_query.id, 'Done');
    await expect(gateway.answerCallback(press.callback_query.id)).resolves.toBeUndefined();
    const err = await caught(gateway.answerCallback('cb-x', 'w'.repeat(201)));
    expect(err).toBeInstanceOf(OutboundRefused);
  });

  it('shows typing, and a failure to do so never reaches the caller', async () => {
    await gateway.typing(CHAT);
    fake.inject('sendChatAction', { code: 403 }, { chatId: CHAT });
    await expect(gateway.typing(CHAT)).resolves.toBeUndefined();
  });

  it('registers the command menu per language', async () => {
    await gateway.setCommands([{ command: 'orders', description: 'Заказы' }], { languageCode: 'ru' });
    await gateway.setCommands([{ command: 'orders', description: 'Orders' }]);
    expect(fake.commands('ru')).toEqual([{ command: 'orders', description: 'Заказы' }]);
    expect(fake.commands()).toEqual([{ command: 'orders', description: 'Orders' }]);
  });

  it('sends to groups as well', async () => {
    const [id] = (await gateway.sendHtml(GROUP, raw('hello group'))) as [number];
    expect(fake.sent(GROUP)).toEqual([expect.objectContaining({ messageId: id, text: 'hello group' })]);
  });
});

describe('gateway errors never show the bot token', () => {
  it('not in Telegram failures, network failures or a dead server, whatever the token looks like', async () => {
    const errors: Error[] = [];
    for (const token of ['123456:AAsecretPart_xyz', 'odd-token-with-no-colon-SECRETPART']) {
      const f = await startFakeTelegram({ token });
      const g = gatewayFor(f);
      f.inject('sendMessage', { code: 403 });
      f.inject('sendMessage', { code: 500 });
      f.inject('sendMessage', { network: 'reset' });
      f.inject('deleteMessage', { code: 401, description: `Unauthorized: ${token}` });
      errors.push(await caught(g.sendHtml(1, raw('a'))), await caught(g.sendHtml(1, raw('b'))), await caught(g.sendHtml(1, raw('c'))));
      errors.push(await caught(g.deleteMessage(1, 1)));
      await f.close();
      errors.push(await caught(g.sendHtml(1, raw('after close'))));
      for (const err of errors.splice(0)) {
        expect(err).toBeInstanceOf(TelegramApiError);
        const shown = `${err.message}\n${err.stack}\n${JSON.stringify(err)}\n${String((err as { cause?: unknown }).cause)}`;
        expect(shown).not.toContain(token);
        expect(shown).not.toContain('SECRETPART');
        expect(shown).not.toContain('secretPart');
      }
    }
  });

  it('a dead server is reported as unavailable, naming the cause', async () => {
    const f = await startFakeTelegram();
    const g = gatewayFor(f);
    await f.close();
    const err = await caught(g.sendHtml(1, raw('x')));
    expect(err).toBeInstanceOf(TelegramUnavailable);
    expect(err.message).toMatch(/ECONNREFUSED/);
  });
});
