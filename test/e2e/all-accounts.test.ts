// End to end: "@all" beyond /orders, as a seller with two JustClick accounts sees it — /chart draws both
// accounts' parts of every bar with the total and a line per account in the caption, /top ranks both
// accounts' products together naming each one's account; with one account "@all" is simply that account.
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { msk, plain, text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';

const YOGA_KEY = 'y0gay0gay0gay0gay0gay0gay0gay0ga';
const DANCE_KEY = 'danc3danc3danc3danc3danc3danc3da';
const SOLO_KEY = '5010501050105010501050105010501a';
const lena = { id: 5201, firstName: 'Lena', languageCode: 'en' };
const olga = { id: 5202, firstName: 'Ольга', languageCode: 'ru' };
const solo = { id: 5203, firstName: 'Sol', languageCode: 'en' };

/** How many pixels have exactly this colour ("#rrggbb"). */
function pixelsOf(png: PNG, colour: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b) n++;
  return n;
}

describeRedis('e2e: "@all" in /chart and /top', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startBotHarness({ now: new Date('2026-11-28T11:00:00Z') }); // 14:00 in Moscow
    h.jc.addAccount('yoga', YOGA_KEY);
    h.jc.addOrder('yoga', {
      id: 101,
      created: msk('2026-11-28', '09:00'),
      paid: msk('2026-11-28', '09:10'),
      price: '1000.00',
      utm: { source: 'vk' },
      items: [{ id: '12', title: 'Йога для начинающих', sum: '1000.00' }],
    });
    h.jc.addOrder('yoga', {
      id: 102,
      created: msk('2026-11-28', '10:00'),
      paid: msk('2026-11-28', '10:05'),
      price: '2500.00',
      utm: { source: 'vk' },
      items: [{ id: '14', title: 'Вебинар', sum: '2500.00' }],
    });
    // Yesterday by 14:00 (counts for the comparison), and after it (does not).
    h.jc.addOrder('yoga', { id: 90, created: msk('2026-11-27', '09:00'), paid: msk('2026-11-27', '09:30'), price: '1000.00' });
    h.jc.addOrder('yoga', { id: 91, created: msk('2026-11-27', '18:00'), paid: msk('2026-11-27', '18:30'), price: '9000.00' });
    h.jc.addAccount('dance', DANCE_KEY);
    // The same order number and product id as yoga's: each account's own, not the same order or product.
    h.jc.addOrder('dance', {
      id: 101,
      created: msk('2026-11-28', '08:00'),
      paid: msk('2026-11-28', '08:30'),
      price: '4000.00',
      utm: { source: 'VK' },
      items: [{ id: '12', title: 'Танго', sum: '4000.00' }],
    });
    h.jc.addAccount('solo', SOLO_KEY);
    h.jc.addOrder('solo', { id: 7, created: msk('2026-11-28', '09:00'), paid: msk('2026-11-28', '09:05'), price: '700.00' });
    for (const person of [lena, olga]) {
      await h.say(person, `/link yoga ${YOGA_KEY}`);
      await h.say(person, `/link dance ${DANCE_KEY}`);
    }
    await h.say(solo, `/link solo ${SOLO_KEY}`);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('/chart @all: one picture with both accounts, the total and a line per account in the caption, each account asked once', async () => {
    const before = h.jc.requests.length;
    const [reply, ...rest] = await h.say(lena, '/chart today @all');
    expect(rest).toHaveLength(0);
    expect(reply?.photo?.filename).toBe('revenue-2026-11-28.png');
    // Today by 14:00: yoga 1,000 + 2,500, dance 4,000. Yesterday by 14:00: yoga's 1,000 only.
    expect(plain(reply!.text)).toBe(
      [
        '📈 Revenue — all accounts, today, 28 Nov',
        '💰 Paid in the period: 3 orders · ₽7,500',
        '▲ 650% (+₽6,500) vs yesterday by 14:00',
        '• yoga.justclick.ru: ₽3,500 · 2 orders · ▲ 250% (+₽2,500)',
        '• dance.justclick.ru: ₽4,000 · 1 order · ▲ +₽4,000 (no sales before)',
      ].join('\n'),
    );
    // Each account's bars in its own colour: yoga in the chart's blue, dance in the next colour on top.
    const png = PNG.sync.read(reply!.photo!.content);
    expect([png.width, png.height]).toEqual([1080, 640]);
    expect(pixelsOf(png, '#2a7de1')).toBeGreaterThan(1_000);
    expect(pixelsOf(png, '#f08c2e')).toBeGreaterThan(1_000);
    const asked = h.jc.requests.slice(before).map((r) => r.login);
    expect(asked.filter((l) => l === 'yoga')).toHaveLength(1);
    expect(asked.filter((l) => l === 'dance')).toHaveLength(1);
  });

  it('/top @all: both accounts’ products ranked together, each naming its account; sources add up', async () => {
    const reply = text(await h.say(lena, '/top today @all'));
    const lines = reply.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '🏆 Where sales came from — all accounts, today, 28 Nov',
      '💰 Paid in the period: 3 orders · ₽7,500',
      '▲ 650% (+₽6,500) vs yesterday by 14:00',
      '• yoga.justclick.ru: ₽3,500 · 2 orders · ▲ 250% (+₽2,500)',
      '• dance.justclick.ru: ₽4,000 · 1 order · ▲ +₽4,000 (no sales before)',
    ]);
    const products = lines.slice(lines.indexOf('Products') + 1, lines.indexOf('Products') + 4);
    expect(products).toEqual([
      '1. Танго · dance.justclick.ru — ₽4,000 · 1 · 53%',
      '2. Вебинар · yoga.justclick.ru — ₽2,500 · 1 · 33%',
      '3. Йога для начинающих · yoga.justclick.ru — ₽1,000 · 1 · 13%',
    ]);
    // "vk" and "VK" of two accounts are one source: all three orders.
    expect(lines[lines.indexOf('Traffic sources') + 1]).toBe('1. vk — ₽7,500 · 3 · 100%');
  });

  it('in Russian, with the names the seller gave', async () => {
    await h.say(olga, '/accounts rename Танцы');
    const [reply] = await h.say(olga, '/chart сегодня @все');
    expect(plain(reply!.text)).toContain('📈 Выручка — все аккаунты, сегодня, 28 ноября');
    expect(plain(reply!.text)).toContain('• Танцы: 4 000 ₽ · 1 заказ');
    expect(plain(reply!.text)).toContain('• yoga.justclick.ru: 3 500 ₽ · 2 заказа');
  });

  it('with one account "@all" is simply that account, answered as usual', async () => {
    const [chart] = await h.say(solo, '/chart today @all');
    expect(plain(chart!.text)).toBe(
      ['📈 Revenue — today, 28 Nov', '💰 Paid in the period: 1 order · ₽700', '▲ +₽700 (no sales before) vs yesterday by 14:00'].join('\n'),
    );
    expect(text(await h.say(solo, '/top today @all'))).toContain('🏆 Where sales came from — today, 28 Nov');
  });
});
