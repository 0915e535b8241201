// End to end: a seller shapes the chat's paid-order alert with `/alerts template` — sees the one in use, gets a
// preview on a sample order with Save and Cancel, is refused with the reason, resets it — and the next alert
// comes in that shape; in a group only who may change the chat's alerts may, and contacts stay masked.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { maskEmail } from '../../src/domain/format/mask.js';
import type { SentMessage } from '../fakes/telegram.js';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { plain, text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';

const KEY = 'cafecafecafecafecafecafecafecafe';
const LOGIN = 'tplshop';
const vera = { id: 7401, firstName: 'Vera', languageCode: 'en' };
const guest = { id: 7402, firstName: 'Guest', languageCode: 'en' };

describeRedis('e2e: /alerts template', () => {
  let h: BotHarness;
  let token: string;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    h = await startBotHarness();
    await h.engine.start();
    h.jc.addAccount(LOGIN, KEY);
    await h.say(vera, `/link ${LOGIN} ${KEY}`);
    await h.say(vera, '/alerts on');
    token = await h.accounts.ensurePushToken(vera.id);
  });
  afterAll(async () => {
    await h?.close();
  });

  const data = (m: SentMessage | undefined) => (m?.keyboard ?? []).flat().map((b) => b.data ?? '');
  const saveOf = (m: SentMessage | undefined) => data(m).find((d) => d.startsWith('at:s:'))!;
  const cancelOf = (m: SentMessage | undefined) => data(m).find((d) => d.startsWith('at:c:'))!;

  /** JustClick pays an order and pushes it; resolves with the message that arrives in `chatId`. */
  const alerted = async (chatId: number, id: number): Promise<SentMessage> => {
    const before = h.tg.sent(chatId).length;
    const order = h.jc.addOrder(LOGIN, { id, created: now() - 60, paid: now() });
    expect(await h.jc.notify(`http://127.0.0.1:${h.httpPort}/justclick/notify/${token}`, LOGIN, order.id)).toBe(200);
    await waitFor(() => h.tg.sent(chatId).length > before, { message: `the alert of order ${id}`, timeoutMs: 15_000 });
    return h.tg.sent(chatId)[before]!;
  };

  it('shows the default template with the placeholders and how to change it', async () => {
    const shown = text(await h.say(vera, '/alerts template'));
    expect(shown).toContain('Alerts use the default template');
    expect(shown).toContain(
      '{title}\n{amount}\n👤 Customer: {customer}\n{buyer_line}\n💳 Payment: {payway}\n📣 Source: {source}\n🕒 Time: {time}\n{milestones}',
    );
    expect(shown).toContain('{buyer} — the buyer’s name');
    expect(shown).toContain('/alerts template reset');
  });

  it('previews a template on a sample order; Cancel keeps the old one, Save stores it, a used button is stale', async () => {
    const [preview] = await h.say(vera, '/alerts template\n{sum} — {buyer}\n{email}\nThanks, team! <3');
    expect(plain(preview!.text)).toContain('Preview on a sample order\n\n₽4,990 — Anna Smirnova\nanna@example.com\nThanks, team! <3\n\nSave this template');
    for (const d of data(preview)) expect(Buffer.byteLength(d)).toBeLessThan(64);

    const cancelled = await h.press(vera, preview!, cancelOf(preview));
    expect(cancelled.message!.text).toBe('Template not changed.');
    expect(cancelled.message!.keyboard ?? []).toEqual([]);
    expect((await h.chats.get(vera.id)).alertPrefs?.template).toBeUndefined();
    expect((await h.press(vera, preview!, saveOf(preview))).answer).toMatchObject({ alert: true, text: expect.stringContaining('no longer current') });

    // Two previews: only the latest one's Save counts.
    const [older] = await h.say(vera, '/alerts template\n{title}');
    const [latest] = await h.say(vera, '/alerts template\n{sum} — {buyer}\n{email}\nThanks, team! <3');
    expect((await h.press(vera, older!, saveOf(older))).answer.alert).toBe(true);
    const saved = await h.press(vera, latest!, saveOf(latest));
    expect(saved.answer.alert).toBe(false);
    expect(plain(saved.message!.text)).toContain('Template saved');
    expect((await h.chats.get(vera.id)).alertPrefs?.template).toBe('{sum} — {buyer}\n{email}\nThanks, team! <3');
    expect(text(await h.say(vera, '/alerts template'))).toContain('This chat’s alert template');
  });

  it('the next paid order is alerted in the saved shape, with its buttons', async () => {
    const alert = await alerted(vera.id, 41001);
    expect(plain(alert.text)).toBe('₽4,990 — Анна Петрова\nanna@example.com\nThanks, team! <3');
    expect(data(alert)).toContain('al:d:41001');
  });

  it('refuses a template that is not one, naming the problem, and keeps the saved one', async () => {
    expect(text(await h.say(vera, '/alerts template\n{summ} paid'))).toContain('I know no placeholder {summ}. Did you mean {sum}?');
    expect(text(await h.say(vera, '/alerts template\n<b>{sum}</b>'))).toContain('Templates cannot contain HTML tags (“<b>”)');
    expect(text(await h.say(vera, '/alerts template\n{sum paid'))).toContain('A brace is not closed on its line: “{sum paid”');
    expect(text(await h.say(vera, '/alerts template\nsum} paid'))).toContain('A closing brace has no opening one');
    expect(text(await h.say(vera, `/alerts template\n${'x'.repeat(1001)}`))).toContain('The template is too long: 1001 characters, at most 1000.');
    expect((await h.chats.get(vera.id)).alertPrefs?.template).toBe('{sum} — {buyer}\n{email}\nThanks, team! <3');
  });

  it('the panel has a Template button that shows it; reset brings the default back', async () => {
    const [panel] = await h.say(vera, '/alerts');
    const button = (panel?.keyboard ?? []).flat().find((b) => b.data === 'at:show');
    expect(button?.text).toBe('📝 Template: own');
    await h.press(vera, panel!, 'at:show');
    expect(plain(h.tg.sent(vera.id).at(-1)!.text)).toContain('This chat’s alert template');

    expect(text(await h.say(vera, '/alerts template reset'))).toContain('use the default template again');
    expect((await h.chats.get(vera.id)).alertPrefs).toBeUndefined();
    const alert = await alerted(vera.id, 41002);
    expect(plain(alert.text)).toContain('💰 Order #41002 paid\n₽4,990 — Курс «Продажи»\n👤 Customer: Анна Петрова');
  });

  it('in a group: only who may change the alerts sets it, by command or button; contacts stay masked', async () => {
    h.tg.setMember(GROUP.id, vera.id, 'administrator');
    await h.say(vera, '/alerts on', GROUP);
    const template = '/alerts template\n{buyer}: {email} · {phone}\n{customer}';

    await h.say(guest, template, GROUP);
    const [preview] = await h.say(vera, template, GROUP);
    expect(preview!.text).not.toContain('anna@example.com');
    expect(preview!.text).toContain(maskEmail('anna@example.com'));
    expect((await h.press(guest, preview!, saveOf(preview))).answer.alert).toBe(true);
    expect((await h.chats.get(GROUP.id)).alertPrefs?.template).toBeUndefined();
    await h.say(guest, '/alerts template reset', GROUP);

    expect((await h.press(vera, preview!, saveOf(preview))).answer.alert).toBe(false);
    expect((await h.chats.get(GROUP.id)).alertPrefs?.template).toBe('{buyer}: {email} · {phone}\n{customer}');
    await h.say(guest, '/alerts template reset', GROUP);
    expect((await h.chats.get(GROUP.id)).alertPrefs?.template).toBeDefined();

    const alert = await alerted(GROUP.id, 41003);
    expect(alert.text).toContain(`Анна Петрова: ${maskEmail('anna@example.com')}`);
    expect(alert.text).not.toContain('anna@example.com');
    expect(alert.text).not.toContain('79000000000');
  });
});
