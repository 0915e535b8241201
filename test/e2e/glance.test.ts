// End to end: /chart, /top and /export xlsx as a seller sees them — a picture Telegram decodes with totals
// and the change in its caption, where the money came from, a workbook whose sums match — and the
// comparison lines at a month's end and on a day the clocks go forward.
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { msk, plain, text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';

const KEY = 'a11ce5a11ce5a11ce5a11ce5a11ce5a1';
const EDGE_KEY = 'ed9eed9eed9eed9eed9eed9eed9eed9e';
const anna = { id: 8101, firstName: 'Anna', languageCode: 'en' };
const ivan = { id: 8102, firstName: 'Иван', languageCode: 'ru' };
const edith = { id: 8103, firstName: 'Edith', languageCode: 'en' };

/** Pixels that differ from the top-left (background) one: a blank picture has none. */
function inkedPixels(png: PNG): number {
  const { data } = png;
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) inked++;
  }
  return inked;
}

describeRedis('e2e: /chart, /top, /export xlsx', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startBotHarness({ now: new Date('2026-11-28T11:00:00Z') }); // Saturday, 14:00 in Moscow
    h.jc.addAccount('shop', KEY);
    const add = (input: Parameters<BotHarness['jc']['addOrder']>[1]) => h.jc.addOrder('shop', input);
    // Today, by 14:00: ₽4,000 from two orders.
    add({
      id: 9001,
      created: msk('2026-11-28', '09:00'),
      paid: msk('2026-11-28', '09:30'),
      price: '1000.00',
      payway: 'card',
      utm: { source: 'vk', medium: 'cpc' },
      items: [{ id: '12', title: 'Курс «Продажи»', sum: '1000.00' }],
    });
    add({
      id: 9002,
      created: msk('2026-11-28', '12:50'),
      paid: msk('2026-11-28', '13:00'),
      price: '3000.00',
      payway: 'sbp',
      utm: { source: 'tg' },
      items: [{ id: '14', title: 'Вебинар', sum: '3000.00', partners: [{ partner_id: '77', partner_name: 'Анна Партнёр', partner_fee: '300.00' }] }],
    });
    add({ id: 9003, created: msk('2026-11-28', '11:00'), paid: null, price: '700.00' });
    // Yesterday: ₽2,000 by 14:00, ₽5,000 after it.
    add({ id: 8901, created: msk('2026-11-27', '09:55'), paid: msk('2026-11-27', '10:00'), price: '2000.00' });
    add({ id: 8902, created: msk('2026-11-27', '17:55'), paid: msk('2026-11-27', '18:00'), price: '5000.00' });
    // Earlier in the last 14 days, and in the 14 before them (one paid after 14:00 on the day that is cut).
    add({ id: 8501, created: msk('2026-11-20', '11:00'), paid: msk('2026-11-20', '12:00'), price: '4000.00' });
    add({ id: 8101, created: msk('2026-11-05', '11:00'), paid: msk('2026-11-05', '12:00'), price: '2500.00' });
    add({ id: 8102, created: msk('2026-11-14', '14:30'), paid: msk('2026-11-14', '15:00'), price: '1500.00' });
    await h.say(anna, `/link shop ${KEY}`);
    await h.say(ivan, `/link shop ${KEY}`);
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('/chart', () => {
    it('without a period: the last 14 days as a 1080×640 picture, totals and the change in the caption', async () => {
      const [reply, ...rest] = await h.say(anna, '/chart');
      expect(rest).toHaveLength(0);
      expect(reply?.photo?.filename).toBe('revenue-2026-11-15_2026-11-28.png');
      const png = PNG.sync.read(reply!.photo!.content);
      expect([png.width, png.height]).toEqual([1080, 640]);
      expect(inkedPixels(png)).toBeGreaterThan(5_000);
      // 15–28 Nov by 14:00: 1,000 + 3,000 + 2,000 + 5,000 + 4,000. The 14 days before, cut at 14:00 on
      // 14 Nov as today is: 2,500 (the 1,500 paid at 15:00 that day is past the cut).
      expect(plain(reply!.text)).toBe(
        ['📈 Revenue — 15.11–28.11.2026', '💰 Paid in the period: 5 orders · ₽15,000', '▲ 500% (+₽12,500) vs 1–14 Nov by 14:00'].join('\n'),
      );
    });

    it('today: by the hour, against yesterday by the same time', async () => {
      const [reply] = await h.say(ivan, '/chart сегодня');
      expect(PNG.sync.read(reply!.photo!.content).width).toBe(1080);
      expect(plain(reply!.text)).toBe(
        ['📈 Выручка — сегодня, 28 ноября', '💰 Оплачено за период: 2 заказа · 4 000 ₽', '▲ 100% (+2 000 ₽) по сравнению со вчерашним днём до 14:00'].join(
          '\n',
        ),
      );
    });

    it('dark asks for the night picture: the same figures on Telegram’s dark background', async () => {
      const [light] = await h.say(anna, '/chart yesterday');
      const [dark] = await h.say(anna, '/chart yesterday dark');
      expect(dark!.text).toBe(light!.text);
      const background = (p: { content: Buffer }) => [...PNG.sync.read(p.content).data.subarray(0, 3)];
      expect(background(light!.photo!)).toEqual([0xff, 0xff, 0xff]);
      expect(background(dark!.photo!)).toEqual([0x17, 0x21, 0x2b]);
      // Yesterday (whole) against the day before, which had no sales: no percentage from zero.
      expect(plain(dark!.text)).toContain('▲ +₽7,000 (no sales before) vs 26 Nov');
    });

    it('works in a group: a chart shows no buyer', async () => {
      // Only an admin's question binds a group to an account.
      h.tg.setMember(GROUP.id, anna.id, 'administrator');
      const [reply] = await h.say(anna, '/chart', GROUP);
      expect(reply?.photo).toBeDefined();
    });

    it('a bad period is explained with /chart examples and nothing is drawn', async () => {
      const replies = await h.say(anna, '/chart 15.11-01.11');
      expect(replies.some((m) => m.photo)).toBe(false);
      expect(text(replies)).toContain('/chart yesterday');
    });
  });

  describe('/top', () => {
    it('today: products, sources, payment methods and partners with exact sums and shares', async () => {
      const reply = text(await h.say(anna, '/top'));
      expect(reply).toContain('🏆 Where sales came from — today, 28 Nov\n💰 Paid in the period: 2 orders · ₽4,000\n▲ 100% (+₽2,000) vs yesterday by 14:00');
      expect(reply).toContain('Products\n1. Вебинар — ₽3,000 · 1 · 75%\n2. Курс «Продажи» — ₽1,000 · 1 · 25%');
      expect(reply).toContain('Traffic sources\n1. tg — ₽3,000 · 1 · 75%\n2. vk — ₽1,000 · 1 · 25%');
      expect(reply).toContain('Mediums (utm_medium)\n1. not set — ₽3,000 · 1 · 75%\n2. cpc — ₽1,000 · 1 · 25%');
      expect(reply).not.toContain('Campaigns');
      expect(reply).toContain('Payment methods\n1. sbp — ₽3,000 · 1 · 75%\n2. card — ₽1,000 · 1 · 25%');
      expect(reply).toContain('Partners\n1. Анна Партнёр — ₽3,000 · 1 · 75% · fee ₽300\n2. without a partner — ₽1,000 · 1 · 25%');
      expect(reply).toContain('Revenue after partner fees: ₽3,700 (fees ₽300)');
    });

    it('a period with no paid orders says so, with the change', async () => {
      const reply = text(await h.say(ivan, '/top 10.11'));
      expect(reply).toContain('Оплат за этот период нет.');
      expect(reply).toContain('💰 Оплачено за период: 0 заказов · 0 ₽');
      expect(reply).toContain('±0% по сравнению с 9 ноября');
    });
  });

  describe('/export', () => {
    it('sends an XLSX by default: real dates and numbers, and its sums are the period’s paid revenue', async () => {
      const [file, ...rest] = await h.say(anna, '/export today paid');
      expect(rest).toHaveLength(0);
      expect(file?.document?.filename).toBe('orders-2026-11-28-paid.xlsx');
      expect(file?.text).toBe('📄 2 orders (paid only) — today, 28 Nov');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file!.document!.content as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('Orders')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const column = (name: string) => header.indexOf(name) + 1;
      const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
      expect(rows.map((r) => r.getCell(column('order')).value)).toEqual(['9002', '9001']);
      const sums = rows.map((r) => r.getCell(column('sum')).value);
      expect(sums.every((v) => typeof v === 'number')).toBe(true);
      expect((sums as number[]).reduce((a, b) => a + b, 0)).toBe(4000);
      // 13:00 Moscow written as the wall clock Excel shows.
      const paid = rows[0]!.getCell(column('paid (Europe/Moscow)')).value;
      expect(paid).toBeInstanceOf(Date);
      expect((paid as Date).toISOString()).toBe('2026-11-28T13:00:00.000Z');
      expect(book.getWorksheet('Items')!.rowCount).toBe(3);
    });

    it('all orders of a day, in Russian, name no filter', async () => {
      const [file] = await h.say(ivan, '/export сегодня');
      expect(file?.document?.filename).toBe('orders-2026-11-28.xlsx');
      expect(file?.text).toBe('📄 3 заказа — сегодня, 28 ноября');
    });
  });

  describe('comparison lines at the edges', () => {
    beforeAll(async () => {
      h.jc.addAccount('edge', EDGE_KEY);
      const add = (input: Parameters<BotHarness['jc']['addOrder']>[1]) => h.jc.addOrder('edge', input);
      add({ created: msk('2026-02-10', '11:00'), paid: msk('2026-02-10', '12:00'), price: '2000.00' });
      add({ created: msk('2026-02-28', '19:00'), paid: msk('2026-02-28', '20:00'), price: '700.00' });
      add({ created: msk('2026-03-05', '11:00'), paid: msk('2026-03-05', '12:00'), price: '3000.00' });
      add({ created: msk('2026-03-31', '09:00'), paid: msk('2026-03-31', '10:00'), price: '1000.00' });
      // Berlin's clocks go forward on 29 March 2026 at 02:00: that day has 23 hours.
      const berlin = (iso: string) => Math.floor(Date.parse(iso) / 1000);
      add({ created: berlin('2026-03-29T11:00:00Z'), paid: berlin('2026-03-29T11:30:00Z'), price: '1000.00' }); // 13:30 CEST
      add({ created: berlin('2026-03-28T12:00:00Z'), paid: berlin('2026-03-28T12:30:00Z'), price: '800.00' }); // 13:30 CET: before 14:00
      add({ created: berlin('2026-03-28T13:00:00Z'), paid: berlin('2026-03-28T13:30:00Z'), price: '5000.00' }); // 14:30 CET: after
      await h.say(edith, `/link edge ${EDGE_KEY}`);
    });

    it('31 March so far against the whole of February, which has no 31st', async () => {
      h.setNow(new Date('2026-03-31T09:00:00Z')); // 12:00 in Moscow
      const [reply] = await h.say(edith, '/chart month');
      // March so far: 3,000 + 1,000 + the three Berlin orders (6,800); February whole (no cut time): 2,000 + 700.
      expect(plain(reply!.text)).toBe(
        ['📈 Revenue — this month, 01.03–31.03', '💰 Paid in the period: 5 orders · ₽10,800', '▲ 300% (+₽8,100) vs 1–28 Feb'].join('\n'),
      );
    });

    it('on the 23-hour day, today by 14:00 is against yesterday by 14:00 on the wall clock, not 24 hours back', async () => {
      await h.chats.update(edith.id, { timeZone: 'Europe/Berlin' });
      h.setNow(new Date('2026-03-29T12:00:00Z')); // 14:00 CEST
      const [reply] = await h.say(edith, '/chart today');
      expect(PNG.sync.read(reply!.photo!.content).height).toBe(640);
      // Yesterday 14:00 CET is 13:00 UTC: the 800 paid at 12:30 UTC counts (24 hours back would cut at 12:00 UTC).
      expect(plain(reply!.text)).toBe(
        ['📈 Revenue — today, 29 Mar', '💰 Paid in the period: 1 order · ₽1,000', '▲ 25% (+₽200) vs yesterday by 14:00'].join('\n'),
      );
    });
  });
});
