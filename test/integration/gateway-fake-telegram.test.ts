// The test doubles the gateway is checked against must themselves be right: the strict Telegram HTML
// parser, and the fake Bot API refusing what Telegram refuses and serving a real Telegraf bot by long polling.
import { Telegraf } from 'telegraf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram.js';
import { parseTelegramHtml } from '../support/telegram-html.js';

describe('Telegram HTML parser', () => {
  it('gives the visible text and entities of every tag Telegram knows', () => {
    const html =
      '<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>' +
      '<tg-spoiler>p</tg-spoiler><span class="tg-spoiler">q</span><a href="https://x.ru/?a=1&amp;b=2">link</a>' +
      '<code>c</code><pre><code class="language-ts">let x</code></pre><pre>raw</pre>' +
      '<blockquote>quote</blockquote><blockquote expandable>more</blockquote><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>';
    const parsed = parseTelegramHtml(html);
    expect(parsed).toEqual({
      ok: true,
      text: 'bsieunskdpqlinkclet xrawquotemore👍',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'bold', offset: 1, length: 1 },
        { type: 'italic', offset: 2, length: 1 },
        { type: 'italic', offset: 3, length: 1 },
        { type: 'underline', offset: 4, length: 1 },
        { type: 'underline', offset: 5, length: 1 },
        { type: 'strikethrough', offset: 6, length: 1 },
        { type: 'strikethrough', offset: 7, length: 1 },
        { type: 'strikethrough', offset: 8, length: 1 },
        { type: 'spoiler', offset: 9, length: 1 },
        { type: 'spoiler', offset: 10, length: 1 },
        { type: 'text_link', offset: 11, length: 4, url: 'https://x.ru/?a=1&b=2' },
        { type: 'code', offset: 15, length: 1 },
        { type: 'pre', offset: 16, length: 5, language: 'ts' },
        { type: 'pre', offset: 21, length: 3 },
        { type: 'blockquote', offset: 24, length: 5 },
        { type: 'expandable_blockquote', offset: 29, length: 4 },
        { type: 'custom_emoji', offset: 33, length: 2, custom_emoji_id: '5368324170671202286' },
      ],
    });
  });

  it('decodes the four named entities and numeric ones, and counts offsets in UTF-16 units', () => {
    expect(parseTelegramHtml('&lt;3 &amp; &gt; &quot; &#8381; &#x1F600; <b>ок</b>')).toEqual({
      ok: true,
      text: '<3 & > " ₽ 😀 ок',
      entities: [{ type: 'bold', offset: 14, length: 2 }],
    });
  });

  it('allows formatting inside links and quotes, and case-insensitive tags', () => {
    const parsed = parseTelegramHtml('<A HREF="tg://user?id=1"><B>Ann</B></A> <blockquote><i>x</i></blockquote>');
    expect(parsed.ok).toBe(true);
  });

  it('trims surrounding whitespace like Telegram does, moving entities with it', () => {
    expect(parseTelegramHtml('\n  <b> hi</b> \n')).toEqual({ ok: true, text: 'hi', entities: [{ type: 'bold', offset: 0, length: 2 }] });
  });

  it.each([
    ['Anna <3 you', 'Unsupported start tag "3" at byte offset 5'],
    ['Ann <3', 'Unclosed start tag at byte offset 4'],
    ['<div>x</div>', 'Unsupported start tag "div"'],
    ['<b>bold', `Can't find end tag corresponding to start tag "b"`],
    ['<b><i>x</b></i>', 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'],
    ['x</b>', 'Unexpected end tag at byte offset 1'],
    ['Tom & Jerry', 'unescaped "&" at byte offset 4'],
    ['&nbsp;', 'Unsupported HTML entity'],
    ['&lt no semicolon', 'Unsupported HTML entity'],
    ['&#0;', 'Unsupported HTML entity'],
    ['a > b', 'Unescaped ">"'],
    ['<a>no href</a>', 'Tag "a" needs'],
    ['<a href="javascript:alert(1)">x</a>', 'Tag "a" needs'],
    ['<a href="https://a.ru"><a href="https://b.ru">x</a></a>', `Tag "a" can't be nested inside "a"`],
    ['<code><b>x</b></code>', `Tag "b" can't be nested inside "code"`],
    ['<pre><i>x</i></pre>', `Tag "i" can't be nested inside "pre"`],
    ['<blockquote><blockquote>x</blockquote></blockquote>', `can't be nested inside "blockquote"`],
    ['<code class="language-ts">x</code>', "Programming language can't be specified for standalone code tags"],
    ['<span>x</span>', 'Tag "span" must have class "tg-spoiler"'],
    ['<b class="x">y</b>', 'Unsupported attribute "class" in the tag "b"'],
    ['<a href=>x</a>', 'Expected quote or name token'],
    ['<a href="https://a.ru>x</a>', 'Unescaped ">" in an attribute value at byte offset 21'],
    ['<b =x>y</b>', 'Empty attribute name'],
    ['<a href>x</a>', 'Expected equal sign'],
    ['<b/>', 'Unsupported start tag "b/"'],
  ])('refuses %j', (html, error) => {
    const parsed = parseTelegramHtml(html);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.startsWith("Bad Request: can't parse entities: ")).toBe(true);
      expect(parsed.error).toContain(error);
    }
  });

  it('counts byte offsets in UTF-8, as Telegram reports them', () => {
    const parsed = parseTelegramHtml('Цена <3');
    expect(parsed).toEqual({ ok: false, error: `Bad Request: can't parse entities: Unclosed start tag at byte offset 9` });
  });

  it('refuses text that is not valid UTF-16 (a lone surrogate)', () => {
    expect(parseTelegramHtml('bad \uD83D')).toEqual({ ok: false, error: 'Bad Request: strings must be encoded in UTF-8' });
  });
});

describe('fake Telegram Bot API', () => {
  let fake: FakeTelegram;
  beforeAll(async () => {
    fake = await startFakeTelegram();
  });
  afterAll(async () => {
    await fake.close();
  });

  async function api(method: string, payload: Record<string, unknown> = {}, token = fake.token) {
    const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    // biome-ignore lint/suspicious/noExplicitAny: the fake's raw answers, read field by field below
    return { status: res.status, body: (await res.json()) as { ok: boolean; result?: any; error_code?: number; description?: string; parameters?: any } };
  }

  it('answers in the Bot API shape and checks the token in the path', async () => {
    expect(await api('getMe')).toMatchObject({ status: 200, body: { ok: true, result: { is_bot: true, username: 'jc_test_bot' } } });
    expect(await api('getMe', {}, '1:wrong')).toEqual({ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
    expect((await api('noSuchMethod')).status).toBe(404);
  });

  it("refuses HTML Telegram can't parse, with Telegram's words", async () => {
    const { status, body } = await api('sendMessage', { chat_id: 1, text: 'I <3 JustClick', parse_mode: 'HTML' });
    expect(status).toBe(400);
    expect(body).toEqual({ ok: false, error_code: 400, description: `Bad Request: can't parse entities: Unsupported start tag "3" at byte offset 2` });
  });

  it('measures length after entity parsing: 4096 visible characters pass, 4097 do not', async () => {
    const fits = `<b>${'a'.repeat(4096)}</b>`;
    expect((await api('sendMessage', { chat_id: 1, text: fits, parse_mode: 'HTML' })).status).toBe(200);
    const entityHeavy = '&amp;'.repeat(4096);
    expect((await api('sendMessage', { chat_id: 1, text: entityHeavy, parse_mode: 'HTML' })).status).toBe(200);
    const over = await api('sendMessage', { chat_id: 1, text: 'a'.repeat(4097) });
    expect(over.body.description).toBe('Bad Request: message is too long');
  });

  it('refuses empty text, including text that is only whitespace or empty markup', async () => {
    for (const text of ['', '   \n', '<b></b>']) {
      const { body } = await api('sendMessage', { chat_id: 1, text, parse_mode: 'HTML' });
      expect(body.description, JSON.stringify(text)).toBe('Bad Request: message text is empty');
    }
  });

  it('refuses callback_data over 64 bytes and over-long captions', async () => {
    const markup = { inline_keyboard: [[{ text: 'x', callback_data: 'я'.repeat(33) }]] };
    expect((await api('sendMessage', { chat_id: 1, text: 'x', reply_markup: markup })).body.description).toBe('Bad Request: BUTTON_DATA_INVALID');
    const markupOk = { inline_keyboard: [[{ text: 'x', callback_data: 'я'.repeat(32) }]] };
    expect((await api('sendMessage', { chat_id: 1, text: 'x', reply_markup: markupOk })).status).toBe(200);
    const form = new FormData();
    form.set('chat_id', '1');
    form.set('caption', 'c'.repeat(1025));
    form.set('document', new Blob(['id\n1\n']), 'a.csv');
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendDocument`, { method: 'POST', body: form });
    expect(((await res.json()) as { description: string }).description).toBe('Bad Request: message caption is too long');
  });

  it('numbers messages per chat, users and bot sharing the count', async () => {
    const first = (await api('sendMessage', { chat_id: 777, text: 'one' })).body.result.message_id;
    const user = fake.makeUpdate.message({ from: 777, text: 'hi' }).message.message_id;
    const second = (await api('sendMessage', { chat_id: 777, text: 'two' })).body.result.message_id;
    const elsewhere = (await api('sendMessage', { chat_id: 778, text: 'one' })).body.result.message_id;
    expect([first, user, second, elsewhere]).toEqual([1, 2, 3, 1]);
  });

  it('refuses an edit that changes nothing, and edits of messages it cannot edit', async () => {
    const id = (await api('sendMessage', { chat_id: 5, text: '<b>x</b>', parse_mode: 'HTML' })).body.result.message_id;
    const same = await api('editMessageText', { chat_id: 5, message_id: id, text: '<b>x</b>', parse_mode: 'HTML' });
    expect(same.body.description).toMatch(/^Bad Request: message is not modified/);
    const plain = await api('editMessageText', { chat_id: 5, message_id: id, text: 'x' });
    expect(plain.status).toBe(200);
    expect((await api('editMessageText', { chat_id: 5, message_id: 999, text: 'y' })).body.description).toBe('Bad Request: message to edit not found');
    const users = fake.makeUpdate.message({ from: 5, text: 'mine' }).message.message_id;
    expect((await api('editMessageText', { chat_id: 5, message_id: users, text: 'y' })).body.description).toBe("Bad Request: message can't be edited");
  });

  it("deletes a user's message in a group only when the bot is an admin", async () => {
    const group = { id: -1001, type: 'supergroup' as const, title: 'Shop team' };
    const msg = fake.makeUpdate.message({ from: 9, chat: group, text: '/link shop secret' }).message.message_id;
    expect((await api('deleteMessage', { chat_id: -1001, message_id: msg })).body.description).toBe("Bad Request: message can't be deleted");
    fake.setMember(-1001, fake.bot.id, 'administrator');
    expect((await api('deleteMessage', { chat_id: -1001, message_id: msg })).body.result).toBe(true);
    expect(fake.deleted(-1001)).toEqual([{ chatId: -1001, messageId: msg }]);
  });

  it('answers getChatMember as configured', async () => {
    fake.makeUpdate.message({ from: 9, chat: { id: -2002, type: 'group' }, text: 'hi' });
    fake.setMember(-2002, 9, 'administrator');
    expect((await api('getChatMember', { chat_id: -2002, user_id: 9 })).body.result).toMatchObject({ status: 'administrator', user: { id: 9 } });
    expect((await api('getChatMember', { chat_id: -2002, user_id: 10 })).body.result.status).toBe('member');
    expect((await api('getChat', { chat_id: -2002 })).body.result).toMatchObject({ id: -2002, type: 'group' });
    expect((await api('getChat', { chat_id: -3003 })).body.description).toBe('Bad Request: chat not found');
  });

  it('injected failures answer like Telegram, as often as asked, and are recorded', async () => {
    fake.inject('sendMessage', { code: 429, retryAfter: 3 }, { times: 2, chatId: 11 });
    for (let i = 0; i < 2; i++) {
      expect(await api('sendMessage', { chat_id: 11, text: 'x' })).toEqual({
        status: 429,
        body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } },
      });
    }
    expect((await api('sendMessage', { chat_id: 11, text: 'x' })).status).toBe(200);
    expect(fake.calls.filter((c) => c.payload.chat_id === 11).map((c) => c.error?.code ?? 200)).toEqual([429, 429, 200]);
  });

  it('long polling: waits for an update, honours offset, and answers 409 to a second concurrent poller', async () => {
    const f = await startFakeTelegram();
    try {
      const poll = (payload: Record<string, unknown>) =>
        fetch(`${f.apiRoot}/bot${f.token}/getUpdates`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { result?: { update_id: number }[]; description?: string } }));
      const waiting = poll({ timeout: 30 });
      await f.waitFor(() => f.calls.some((c) => c.method === 'getUpdates'));
      const second = await poll({ timeout: 30 });
      expect(second).toMatchObject({ status: 409, body: { description: expect.stringMatching(/^Conflict: terminated by other getUpdates request/) } });
      const update = f.say({ from: 3, text: '/start' });
      const first = await waiting;
      expect(first.body.result?.map((u) => u.update_id)).toEqual([update.update_id]);
      // Not confirmed yet: it comes again; confirmed by offset: gone.
      expect((await poll({ timeout: 0 })).body.result).toHaveLength(1);
      expect((await poll({ offset: update.update_id + 1, timeout: 0 })).body.result).toEqual([]);
      expect((await poll({ timeout: 1 })).body.result).toEqual([]);
    } finally {
      await f.close();
    }
  });

  it('serves a real Telegraf bot: commands, buttons, callback answers', async () => {
    const f = await startFakeTelegram();
    const bot = new Telegraf(f.token, { telegram: { apiRoot: f.apiRoot, webhookReply: false } });
    bot.command('start', (ctx) =>
      ctx.reply('<b>Hi</b> there', { parse_mode: 'HTML', reply_markup: { inline_keyboard: [[{ text: 'More', callback_data: 'more' }]] } }),
    );
    bot.action('more', async (ctx) => {
      await ctx.answerCbQuery('ok');
      await ctx.editMessageText('More <i>info</i>', { parse_mode: 'HTML' });
    });
    bot.catch((err) => {
      throw err;
    });
    const stopped = bot.launch({ dropPendingUpdates: false });
    try {
      f.say({ from: 31, text: '/start' });
      await f.waitUntilHandled();
      const [hello] = f.sent(31);
      expect(hello).toMatchObject({ text: 'Hi there', keyboard: [[{ text: 'More', data: 'more' }]] });
      f.press({ from: 31, messageId: hello!.messageId, data: 'more' });
      await f.waitUntilHandled();
      expect(f.sent(31)).toEqual([expect.objectContaining({ messageId: hello!.messageId, text: 'More info', edited: true })]);
      expect(f.calls.find((c) => c.method === 'answerCallbackQuery')?.error).toBeUndefined();
    } finally {
      bot.stop('test over');
      await stopped;
      await f.close();
    }
  });

  it('stores a webhook and delivers updates to it with the secret header', async () => {
    const f = await startFakeTelegram();
    const { createServer } = await import('node:http');
    const seen: { secret: string | undefined; body: string }[] = [];
    const hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ secret: req.headers['x-telegram-bot-api-secret-token'] as string | undefined, body });
        res.end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const port = (hook.address() as { port: number }).port;
    try {
      const telegram = new Telegraf(f.token, { telegram: { apiRoot: f.apiRoot } }).telegram;
      await expect(telegram.setWebhook('http://example.com/hook')).rejects.toThrow(/HTTPS URL must be provided/);
      await telegram.setWebhook(`http://127.0.0.1:${port}/tg`, { secret_token: 's3cret' });
      expect(f.webhook()).toEqual({ url: `http://127.0.0.1:${port}/tg`, secretToken: 's3cret' });
      await expect(telegram.getUpdates(0, 100, 0, [])).rejects.toThrow(/webhook is active/);
      const update = f.makeUpdate.message({ from: 8, text: '/status' });
      expect(await f.deliverWebhook(update)).toBe(200);
      expect(seen).toEqual([{ secret: 's3cret', body: JSON.stringify(update) }]);
    } finally {
      hook.close();
      await f.close();
    }
  });
});
