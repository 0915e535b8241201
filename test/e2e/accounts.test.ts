// End to end: one seller with two JustClick accounts (each with its own orders on the JustClick stand-in):
// /link adds, /accounts switches, renames and unlinks with a confirmation, "@login" picks one for a single
// command, "@all" adds them up, and unlinking one leaves the other's alerts flowing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseOrdersResult } from '../../src/justclick/orders.js';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { msk, text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';

const YOGA_KEY = 'y0gay0gay0gay0gay0gay0gay0gay0ga';
const DANCE_KEY = 'danc3danc3danc3danc3danc3danc3da';
const lena = { id: 5101, firstName: 'Lena', languageCode: 'en' };
const stranger = { id: 5102, firstName: 'Max', languageCode: 'en' };

describeRedis('e2e: several accounts', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startBotHarness({ now: new Date('2026-11-28T09:00:00Z') }); // 12:00 in Moscow
    h.jc.addAccount('yoga', YOGA_KEY);
    h.jc.addOrder('yoga', { id: 101, created: msk('2026-11-28', '09:00'), paid: msk('2026-11-28', '09:10'), price: '1000.00' });
    h.jc.addOrder('yoga', { id: 102, created: msk('2026-11-28', '10:00'), paid: msk('2026-11-28', '10:05'), price: '2500.00' });
    h.jc.addOrder('yoga', { id: 103, created: msk('2026-11-28', '11:00'), paid: null, price: '500.00' });
    h.jc.addAccount('dance', DANCE_KEY);
    h.jc.addOrder('dance', { id: 101, created: msk('2026-11-28', '08:00'), paid: msk('2026-11-28', '08:30'), price: '4000.00' });
    h.tg.setMember(GROUP.id, lena.id, 'administrator');
    // The delivery workers, for the alerts at the end.
    await h.engine.start();
  });
  afterAll(async () => {
    await h?.close();
  });

  const accountId = async (login: string) => (await h.accounts.list(lena.id)).find((a) => a.creds.login === login)!.accountId;

  it('/link adds a second account instead of replacing the first, and commands act on the new one', async () => {
    expect(text(await h.say(lena, `/link yoga ${YOGA_KEY}`))).toContain('Linked yoga.justclick.ru');
    expect(text(await h.say(lena, `/link dance ${DANCE_KEY}`))).toContain('Linked dance.justclick.ru as your account no. 2; commands now act on it.');
    const list = await h.accounts.list(lena.id);
    expect(list.map((a) => a.creds.login)).toEqual(['yoga', 'dance']);
    // The first keeps the person's id (as every account linked before there were several); the second gets its own.
    expect(list[0]!.accountId).toBe(lena.id);
    expect(list[1]!.accountId).not.toBe(lena.id);
    expect(text(await h.say(lena, '/orders today'))).toContain('Paid in the period: 1 order · ₽4,000');
  });

  it('linking the same login again updates its key and adds nothing', async () => {
    expect(text(await h.say(lena, `/link yoga ${YOGA_KEY}`))).toContain('Linked yoga.justclick.ru');
    expect(await h.accounts.list(lena.id)).toHaveLength(2);
    expect((await h.accounts.current(lena.id))?.creds.login).toBe('yoga');
  });

  it('/accounts lists both with the current one ticked, and a tap switches', async () => {
    const [listing] = await h.say(lena, '/accounts');
    expect(listing!.text).toContain('✓ yoga.justclick.ru · alerts off');
    expect(listing!.text).toContain('• dance.justclick.ru · alerts off');
    const switchTo = listing!.keyboard![1]![0]!;
    expect(switchTo.text).toBe('dance.justclick.ru');
    const press = await h.press(lena, listing!, switchTo.data!);
    expect(press.message!.text).toContain('✓ dance.justclick.ru');
    expect(text(h.tg.sent(lena.id).slice(-1))).toBe('Commands now act on dance.justclick.ru.');
    expect((await h.accounts.current(lena.id))?.creds.login).toBe('dance');
  });

  it('"@yoga" picks the other account for one command, and the current one stays', async () => {
    const yoga = text(await h.say(lena, '/orders today @yoga'));
    expect(yoga).toContain('Paid in the period: 2 orders · ₽3,500');
    expect(yoga).toContain('Created in the period: 3 orders');
    expect(text(await h.say(lena, '/orders today'))).toContain('Paid in the period: 1 order · ₽4,000');
    expect(text(await h.say(lena, '/orders @shop'))).toBe('You have no account @shop. Yours: yoga.justclick.ru, dance.justclick.ru.');
  });

  it('"@all" gives a line per account and the total, with exact figures', async () => {
    expect(text(await h.say(lena, '/orders today @all'))).toBe(
      [
        'All accounts — today, 28 Nov',
        'yoga.justclick.ru: paid 2 for ₽3,500; created 3',
        'dance.justclick.ru: paid 1 for ₽4,000; created 1',
        'Total: paid 3 for ₽7,500; created 4',
      ].join('\n'),
    );
    expect(text(await h.say(lena, '/export today @all'))).toContain('@all works with /orders, /chart and /top; /export acts on one account');
  });

  it('renames an account from its button, and the new name is used everywhere it is shown', async () => {
    const [listing] = await h.say(lena, '/accounts');
    await h.press(lena, listing!, listing!.keyboard![0]![1]!.data!);
    expect(text(h.tg.sent(lena.id).slice(-1))).toContain('What should yoga.justclick.ru be called?');
    expect(text(await h.say(lena, 'Школа йоги'))).toBe('yoga.justclick.ru is now called Школа йоги.');
    expect(text(await h.say(lena, '/accounts'))).toContain('• Школа йоги — yoga.justclick.ru · alerts off');
    expect(text(await h.say(lena, '/orders today @all'))).toContain('Школа йоги: paid 2 for ₽3,500; created 3');
    // The name written without spaces picks it too.
    expect(text(await h.say(lena, '/orders today @школайоги'))).toContain('Paid in the period: 2 orders · ₽3,500');
    expect(text(await h.say(lena, '/accounts rename Танцы'))).toBe('dance.justclick.ru is now called Танцы.');
  });

  it('refuses the buttons to anyone else', async () => {
    const [listing] = await h.say(lena, '/accounts');
    const press = await h.press(stranger, listing!, listing!.keyboard![0]![2]!.data!);
    expect(press.answer).toEqual({ text: 'This button is not yours.', alert: true });
    expect(await h.accounts.list(lena.id)).toHaveLength(2);
    for (const row of listing!.keyboard!) for (const button of row) expect(Buffer.byteLength(button.data!)).toBeLessThan(64);
  });

  it('unlinking one (after a confirmation) leaves the other working, its alerts still flowing', async () => {
    const yogaId = await accountId('yoga');
    const danceId = await accountId('dance');
    // Alerts: yoga's in the private chat, dance's (the current account) in the group.
    await h.say(lena, '/orders @yoga');
    await h.say(lena, '/alerts on', GROUP);
    expect((await h.chats.get(GROUP.id)).ownerId).toBe(danceId);

    const [listing] = await h.say(lena, '/accounts');
    const asked = await h.press(lena, listing!, listing!.keyboard![0]![2]!.data!);
    expect(asked.message!.text).toContain('Unlink Школа йоги?');
    expect((await h.accounts.get(yogaId))?.creds.login).toBe('yoga');
    const done = await h.press(lena, asked.message!, asked.message!.keyboard![0]![0]!.data!);
    expect(done.message!.text).toContain('✓ Танцы — dance.justclick.ru · alerts on');
    expect(done.message!.text).not.toContain('yoga');
    expect(await h.accounts.get(yogaId)).toBeNull();

    const paid = h.jc.addOrder('dance', { id: 102, created: msk('2026-11-28', '12:10'), paid: msk('2026-11-28', '12:20'), price: '900.00' });
    h.setNow(new Date('2026-11-28T09:30:00Z'));
    expect(await h.engine.enqueueAlerts(danceId, parseOrdersResult([paid]), 'push')).toEqual({ queued: 1 });
    await h.tg.waitFor(() => h.tg.sent(GROUP.id).some((m) => m.text.includes('102')), 10_000);
    expect(text(await h.say(lena, '/orders today'))).toContain('Paid in the period: 2 orders · ₽4,900');
  });
});
