// End to end: the /alerts panel as a seller uses it — buttons that change filters, quiet hours and the silence
// alert and edit the panel in place, the typed forms, and who may change them in a group.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';

const KEY = 'feedfacefeedfacefeedfacefeedface';

describeRedis('e2e: /alerts settings', () => {
  let h: BotHarness;
  const nina = { id: 7101, firstName: 'Nina', languageCode: 'en' };
  const guest = { id: 7102, firstName: 'Guest', languageCode: 'en' };

  beforeAll(async () => {
    h = await startBotHarness({ now: new Date('2026-11-28T09:00:00Z') });
    h.jc.addAccount('nina', KEY);
    h.jc.addProduct('nina', { good_name: 'python', good_title: 'Python course' });
    h.jc.addProduct('nina', { good_name: 'yoga', good_title: 'Yoga marathon' });
    await h.say(nina, `/link nina ${KEY}`);
    await h.say(nina, '/orders');
  });
  afterAll(async () => {
    await h?.close();
  });

  const buttons = (m: { keyboard?: { text: string; data?: string }[][] } | undefined) => (m?.keyboard ?? []).flat().map((b) => b.text);

  it('shows the state, the settings and buttons; a press edits the same message', async () => {
    const [panel] = await h.say(nina, '/alerts');
    expect(panel!.text).toContain('Quiet hours: none');
    expect(buttons(panel)).toContain('🌙 Quiet hours: none');
    expect(buttons(panel)).toContain('💰 From: any sum');

    const quiet = await h.press(nina, panel!, 'al:quiet');
    expect(quiet.message!.edited).toBe(true);
    expect(quiet.message!.text).toContain('Quiet hours: 23:00–08:00, alerts arrive without a sound');
    expect(buttons(quiet.message)).toContain('🌙 23:00–08:00: silent');

    const held = await h.press(nina, panel!, 'al:quiet');
    expect(held.message!.text).toContain('alerts held and sent as one summary when they end');
    const min = await h.press(nina, panel!, 'al:min');
    expect(buttons(min.message).find((b) => b.startsWith('💰'))).toMatch(/^💰 From: ₽1,000(\.00)?$/);
    expect((await h.chats.get(nina.id)).alertPrefs).toEqual({ quiet: { from: '23:00', to: '08:00', mode: 'hold' }, minSum: 100_000 });
    expect(min.message!.text).toContain('An order a filter leaves out is not alerted later');
  });

  it('takes the typed forms, products by their catalog names, and says what it did not understand', async () => {
    expect(text(await h.say(nina, '/alerts quiet 22-7 silent'))).toContain('Quiet hours: 22:00–07:00, alerts arrive without a sound');
    expect(text(await h.say(nina, '/alerts product python'))).toContain('Products: Python course');
    expect(text(await h.say(nina, '/alerts product knitting'))).toContain('I know no product called “knitting”');
    expect(text(await h.say(nina, '/alerts source vk'))).toContain('Sources (utm_source): vk');
    expect(text(await h.say(nina, '/alerts min lots'))).toContain('“lots” is not a sum');
    expect(text(await h.say(nina, '/alerts silence on'))).toContain('Silence alert: on');
    await h.say(nina, '/alerts quiet off');
    await h.say(nina, '/alerts product off');
    expect((await h.chats.get(nina.id)).alertPrefs).toEqual({ minSum: 100_000, sources: ['vk'], silence: true });
  });

  it('in a group, someone who may not change the chat’s settings is refused, by command and by button', async () => {
    h.tg.setMember(GROUP.id, nina.id, 'administrator');
    await h.say(nina, '/alerts on', GROUP);
    const [panel] = await h.say(nina, '/alerts', GROUP);
    const press = await h.press(guest, panel!, 'al:free');
    expect(press.answer.alert).toBe(true);
    expect((await h.chats.get(GROUP.id)).alertPrefs).toBeUndefined();
    await h.say(guest, '/alerts min 5000', GROUP);
    expect((await h.chats.get(GROUP.id)).alertPrefs).toBeUndefined();
  });
});
