// End to end: `/alerts newurl` gives the owner a new JustClick notification URL and revokes the old one at
// once (issue #13, item 11): JustClick's push to the old URL gets 404, to the new one 200.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { msk, text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';

const KEY = 'feedfacefeedfacefeedfacefeedface';
const PUBLIC = 'https://bot.example.com';

describeRedis('e2e: a new notification URL', () => {
  let h: BotHarness;
  const olga = { id: 7501, firstName: 'Olga', languageCode: 'en' };
  const petr = { id: 7502, firstName: 'Petr', languageCode: 'ru' };
  /** The URL as the bot shows it, pointed at the bot's own port (JustClick would reach it through PUBLIC_URL). */
  const local = (url: string) => url.replace(PUBLIC, `http://127.0.0.1:${h.httpPort}`);
  const urlIn = (reply: string) => /https:\/\/bot\.example\.com\/justclick\/notify\/[A-Za-z0-9_-]{32}/.exec(reply)?.[0];

  beforeAll(async () => {
    h = await startBotHarness({ now: new Date('2026-11-28T09:00:00Z'), publicUrl: PUBLIC });
    h.jc.addAccount('olga', KEY);
    h.jc.addOrder('olga', { id: 9601, created: msk('2026-11-28', '11:00'), paid: msk('2026-11-28', '11:05'), price: '990.00' });
    await h.say(olga, `/link olga ${KEY}`);
    h.tg.setMember(GROUP.id, olga.id, 'administrator');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('revokes the old URL at once and the new one works', async () => {
    const old = urlIn(text(await h.say(olga, '/alerts on')));
    expect(old).toBeDefined();
    expect(await h.jc.notify(local(old!), 'olga', '9601')).toBe(200);

    const reply = text(await h.say(olga, '/alerts newurl'));
    expect(reply).toContain('Here is a new notification URL. The old one stopped working just now');
    const renewed = urlIn(reply);
    expect(renewed).toBeDefined();
    expect(renewed).not.toBe(old);

    expect(await h.jc.notify(local(old!), 'olga', '9601')).toBe(404);
    expect(await h.jc.notify(local(renewed!), 'olga', '9601')).toBe(200);
    // /alerts shows the new one from now on.
    expect(text(await h.say(olga, '/alerts'))).toContain(renewed!);
  });

  it('is refused in a group (the URL is the owner’s secret) and without a linked account', async () => {
    const inGroup = text(await h.say(olga, '/alerts newurl', GROUP));
    expect(inGroup).toContain('works only in our private chat');
    expect(inGroup).not.toContain('/justclick/notify/');
    expect(text(await h.say(petr, '/alerts новыйадрес'))).toContain('Аккаунт JustClick ещё не подключён');
  });
});
