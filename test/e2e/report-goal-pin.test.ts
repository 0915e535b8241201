// End to end through the fake Bot API with the bot's clock injected: /report (the Monday and the 1st reports,
// exact figures, a chart, once per period however often it fires), /goal (the progress line in /orders month,
// the 90% and 100% messages once each), /pin (pinned, edited after sales at most once per interval, a new
// day at midnight, no right to pin in a group).
import { Queue } from 'bullmq';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_HEIGHT, CHART_WIDTH } from '../../src/domain/chart/revenue-chart.js';
import { DIGEST_QUEUE } from '../../src/jobs/queues.js';
import { parseOrdersResult } from '../../src/justclick/orders.js';
import type { RawOrder, RawOrderInput } from '../fakes/justclick.js';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { msk, plain, text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';

const KEY = 'feedfacefeedfacefeedfacefeedface';
const FOLLOW_UP_MS = 1_500;
/** Monday 30 November 2026, 09:00 in Moscow. */
const MONDAY_0900 = new Date('2026-11-30T06:00:00Z');

describeRedis('e2e: /report, /goal, /pin', () => {
  let h: BotHarness;
  let summaries: Queue;
  const vera = { id: 7101, firstName: 'Vera', languageCode: 'ru' };
  const tom = { id: 7102, firstName: 'Tom', languageCode: 'en' };
  const ivan = { id: 7103, firstName: 'Ivan', languageCode: 'ru' };

  beforeAll(async () => {
    h = await startBotHarness({ now: MONDAY_0900, followUpMs: FOLLOW_UP_MS });
    await h.engine.start();
    summaries = new Queue(DIGEST_QUEUE, { connection: { url: h.config.redisUrl }, prefix: `${h.prefix}bull` });
    for (const user of [vera, tom, ivan]) {
      h.jc.addAccount(user.firstName.toLowerCase(), KEY);
      await h.say(user, `/link ${user.firstName.toLowerCase()} ${KEY}`);
    }
  });
  afterAll(async () => {
    await summaries?.close();
    await h?.close();
  });

  /** What JustClick's push would hand the engine for these orders (as the poller does): paid orders seen. */
  const sold = (ownerId: number, raws: RawOrder[]) => h.engine.enqueueAlerts(ownerId, parseOrdersResult(raws), 'push');
  const add = (login: string, input: RawOrderInput) => h.jc.addOrder(login, input);

  describe('/report', () => {
    beforeAll(() => {
      // Last week (23–29 Nov): ₽3,000 + ₽1,000 paid (one created the week before), one still waiting, one refunded.
      add('vera', {
        id: 501,
        created: msk('2026-11-24', '09:50'),
        paid: msk('2026-11-24', '10:00'),
        price: '3000.00',
        items: [{ id: '1', title: 'Курс <Pro>', sum: '3000.00' }],
        utm: { source: 'vk' },
      });
      add('vera', {
        id: 502,
        created: msk('2026-11-20', '10:00'),
        paid: msk('2026-11-29', '23:59'),
        price: '1000.00',
        items: [{ id: '2', title: 'Книга', sum: '1000.00' }],
      });
      add('vera', { id: 503, created: msk('2026-11-25', '11:00'), price: '7000.00' });
      add('vera', { id: 504, created: msk('2026-11-26', '09:00'), paid: msk('2026-11-26', '09:10'), pay_status: 'moneyback', price: '2000.00' });
      // The week before: ₽2,000. The Monday of this week: not last week's.
      add('vera', { id: 505, created: msk('2026-11-18', '11:00'), paid: msk('2026-11-18', '12:00'), price: '2000.00' });
      add('vera', { id: 506, created: msk('2026-11-30', '00:10'), paid: msk('2026-11-30', '00:20'), price: '9000.00' });
    });

    it('weekly and monthly at HH:MM in the chat’s zone: cron on Mondays and on the 1st', async () => {
      expect(text(await h.say(vera, '/report weekly 9:00'))).toContain(
        'Отчёт за неделю придёт сюда каждый понедельник — за прошлую неделю — в 09:00 (Europe/Moscow).',
      );
      expect(text(await h.say(vera, '/report ежемесячный 10.30'))).toContain(
        'Отчёт за месяц придёт сюда 1-го числа каждого месяца — за прошлый месяц — в 10:30',
      );
      const weekly = await summaries.getJobScheduler(`report-weekly-${vera.id}`);
      const monthly = await summaries.getJobScheduler(`report-monthly-${vera.id}`);
      expect([weekly?.pattern, weekly?.tz]).toEqual(['0 0 9 * * 1', 'Europe/Moscow']);
      expect([monthly?.pattern, monthly?.tz]).toEqual(['0 30 10 1 * *', 'Europe/Moscow']);
      // Next Monday 09:00 MSK = 06:00 UTC; the 1st at 10:30 MSK = 07:30 UTC.
      expect(new Date(weekly!.next!).toISOString()).toMatch(/T06:00:00\.000Z$/);
      expect(new Date(weekly!.next!).getUTCDay()).toBe(1);
      expect(new Date(monthly!.next!).toISOString()).toMatch(/-01T07:30:00\.000Z$/);
      expect(text(await h.say(vera, '/report'))).toContain('за неделю — по понедельникам в 09:00; за месяц — 1-го числа в 10:30');
      expect(text(await h.say(vera, '/report weekly 25:00'))).toContain('«weekly 25:00» — не понял.');
    });

    it('on Monday, once, however many times it fires: last week’s exact figures and a chart', async () => {
      h.setNow(MONDAY_0900);
      const before = h.tg.sent(vera.id).length;
      const fired = await Promise.all([1, 2, 3].map((n) => summaries.add('report', { chatId: vera.id, cadence: 'weekly' }, { jobId: `weekly-fire-${n}` })));
      await h.tg.waitFor(
        () =>
          h.tg
            .sent(vera.id)
            .slice(before)
            .some((m) => m.photo),
        15_000,
      );
      await new Promise((r) => setTimeout(r, 1_500)); // the other firings had time to send anything they would
      expect((await Promise.all(fired.map((j) => j.getState()))).every((s) => s === 'completed')).toBe(true);

      const sent = h.tg.sent(vera.id).slice(before);
      expect(sent).toHaveLength(2);
      const report = plain(sent[0]!.text);
      expect(report).toContain('📊 Отчёт за неделю — прошлая неделя, 23–29 ноября');
      expect(report).toContain('💰 Выручка: 4 000 ₽ · к предыдущей неделе: ▲ 100% (+2 000 ₽)');
      expect(report).toContain('✅ Оплачено заказов: 2 · средний чек: 2 000 ₽');
      expect(report).toContain('🧾 Создано за период: 3 заказа · из них оплачено к этому моменту: 1');
      expect(report).toContain('1. Курс <Pro> — 3 000 ₽ (1, 75%)');
      expect(report).toContain('1. vk — 3 000 ₽ (1, 75%)');
      expect(report).toContain('2. прямые заходы — 1 000 ₽ (1, 25%)');
      expect(report).toContain('↩️ Возвратов: 1 (2 000 ₽)');
      expect(report).toContain('⏳ Счетов ждут оплаты: 1 (7 000 ₽)');

      const chart = sent[1]!;
      expect(chart.text).toContain('Оплаты по дням, прошлая неделя, 23–29 ноября');
      const png = PNG.sync.read(chart.photo!.content);
      expect([png.width, png.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
      // Job data holds numbers, not the picture.
      const deliveries = new Queue('delivery', { connection: { url: h.config.redisUrl }, prefix: `${h.prefix}bull` });
      const reportJobs = (await deliveries.getJobs(['completed'])).filter((j) => j.data.kind === 'report');
      await deliveries.close();
      expect(reportJobs).toHaveLength(1);
      expect(JSON.stringify(reportJobs[0]!.data)).not.toMatch(/PNG|iVBOR|@|Анна/);
    });

    it('on the 1st: last month against the month before', async () => {
      h.setNow(new Date('2026-12-01T07:30:00Z'));
      const before = h.tg.sent(vera.id).length;
      await summaries.add('report', { chatId: vera.id, cadence: 'monthly' }, { jobId: 'monthly-fire-1' });
      await h.tg.waitFor(
        () =>
          h.tg
            .sent(vera.id)
            .slice(before)
            .some((m) => m.photo),
        15_000,
      );
      const report = plain(h.tg.sent(vera.id).slice(before)[0]!.text);
      expect(report).toContain('📊 Отчёт за месяц — прошлый месяц, ноябрь 2026');
      expect(report).toContain('💰 Выручка: 15 000 ₽ · к предыдущему месяцу: ▲ +15 000 ₽ (раньше продаж не было)');
      expect(report).toContain('✅ Оплачено заказов: 4');
    });

    it('off: the schedules are removed', async () => {
      expect(text(await h.say(vera, '/report выкл'))).toBe('Еженедельный и ежемесячный отчёты здесь выключены.');
      expect(await summaries.getJobScheduler(`report-weekly-${vera.id}`)).toBeUndefined();
      expect(await summaries.getJobScheduler(`report-monthly-${vera.id}`)).toBeUndefined();
    });
  });

  describe('/goal', () => {
    const milestones = () =>
      h.tg
        .sent(tom.id)
        .filter((m) => /of the goal for|reached!/.test(m.text))
        .map((m) => plain(m.text));

    it('reads the sums sellers write and shows progress and pace in /orders month', async () => {
      h.setNow(new Date('2026-11-16T09:00:00Z')); // 16 Nov 12:00 MSK
      add('tom', { created: msk('2026-11-02', '10:00'), paid: msk('2026-11-02', '10:05'), price: '6000.00' });
      expect(text(await h.say(tom, '/goal lots'))).toContain('“lots” is not a sum.');
      const set = text(await h.say(tom, '/goal 10k'));
      expect(set).toContain('🎯 Monthly goal: ₽10,000.');
      // 15.5 of 30 days gone: ₽6,000 is on track for ₽11,613 of ₽10,000.
      expect(set).toContain('🎯 Goal for November: ₽6,000 of ₽10,000 (60%) · on track for 116%');
      const orders = text(await h.say(tom, '/orders month'));
      expect(orders).toContain('🎯 Goal for November: ₽6,000 of ₽10,000 (60%) · on track for 116%');
      expect(text(await h.say(tom, '/orders today'))).not.toContain('Goal for');
    });

    it('writes at 90% and 100% once each; the 50% already behind when the goal was set is not announced', async () => {
      const a = add('tom', { created: msk('2026-11-16', '11:00'), paid: msk('2026-11-16', '11:30'), price: '3000.00' });
      await sold(tom.id, [a]);
      await h.tg.waitFor(() => milestones().length === 1, 10_000);
      expect(milestones()[0]).toBe('🎯 90% of the goal for November: ₽9,000 of ₽10,000.');
      // The same sales seen again (the poller's next look) tell nothing new.
      await sold(tom.id, [a]);
      const b = add('tom', { created: msk('2026-11-16', '11:40'), paid: msk('2026-11-16', '11:50'), price: '1500.00' });
      await sold(tom.id, [a, b]);
      await h.tg.waitFor(() => milestones().length === 2, 10_000);
      expect(milestones()[1]).toBe('🏁 Goal for November reached! ₽10,500 of ₽10,000.');
      await sold(tom.id, [b]);
      await new Promise((r) => setTimeout(r, 3 * FOLLOW_UP_MS));
      expect(milestones()).toHaveLength(2);
    });

    it('only an account that a goal or a pinned card follows keeps a trace of the sales it was seen with', async () => {
      const v = add('vera', { created: msk('2026-11-16', '11:00'), paid: msk('2026-11-16', '11:10'), price: '700.00' });
      await sold(vera.id, [v]);
      const seen = (await h.redis.keys(`${h.prefix}*sales-seen*`)).join(' ');
      expect(seen).toContain(`sales-seen:${tom.id}`);
      expect(seen).not.toContain(`sales-seen:${vera.id}`);
    });

    it('off', async () => {
      expect(text(await h.say(tom, '/goal off'))).toBe('The monthly goal is off here.');
      expect(text(await h.say(tom, '/goal'))).toContain('No monthly goal here.');
    });
  });

  describe('/pin', () => {
    const card = () => h.tg.sent(ivan.id).find((m) => m.pinned);
    const cardEdits = () => h.tg.calls.filter((c) => c.method === 'editMessageText' && Number(c.payload.chat_id) === ivan.id && !c.error);

    beforeAll(() => {
      // Yesterday ₽1,000 by 14:00 (and more after); the Monday a week ago had a quarter of its day by 14:00.
      add('ivan', { created: msk('2026-11-29', '12:50'), paid: msk('2026-11-29', '13:00'), price: '1000.00' });
      add('ivan', { created: msk('2026-11-29', '14:50'), paid: msk('2026-11-29', '15:00'), price: '9999.00' });
      add('ivan', { created: msk('2026-11-23', '11:50'), paid: msk('2026-11-23', '12:00'), price: '1000.00' });
      add('ivan', { created: msk('2026-11-23', '17:50'), paid: msk('2026-11-23', '18:00'), price: '3000.00' });
      add('ivan', { created: msk('2026-11-30', '09:50'), paid: msk('2026-11-30', '10:00'), price: '1200.00' });
    });

    it('pins today’s card: sum, count, vs yesterday by now, forecast from the same weekdays', async () => {
      h.setNow(new Date('2026-11-30T11:00:00Z')); // Monday 14:00 MSK
      const answers = await h.say(ivan, '/pin');
      expect(plain(answers.at(-1)!.text)).toContain('📌 Закрепил: эта карточка показывает продажи за сегодня');
      expect(plain(card()!.text)).toBe(
        ['📌 Сегодня, 30 ноября · на 14:00', '💰 1 200 ₽ · оплачено заказов: 1', '📈 К вчера на 14:00: ▲ 20% (+200 ₽)', '🔮 Прогноз на день: 4 800 ₽'].join(
          '\n',
        ),
      );
      const midnight = await summaries.getJobScheduler(`card-midnight-${ivan.id}`);
      expect([midnight?.pattern, midnight?.tz]).toEqual(['0 0 0 * * *', 'Europe/Moscow']);
    });

    it('is edited after paid orders, at most once per interval, ending with the last sale', async () => {
      h.setNow(new Date('2026-11-30T11:05:00Z'));
      const editsBefore = cardEdits().length;
      const sales: RawOrder[] = [];
      for (const [i, time] of ['14:00', '14:01', '14:02', '14:03'].entries()) {
        sales.push(add('ivan', { created: msk('2026-11-30', '13:30'), paid: msk('2026-11-30', time), price: `${100 * (i + 1)}.00` }));
        await sold(ivan.id, [...sales]);
        await new Promise((r) => setTimeout(r, 200));
      }
      await h.tg.waitFor(() => plain(card()!.text).includes('💰 2 200 ₽ · оплачено заказов: 5'), 15_000);
      const edits = cardEdits().slice(editsBefore);
      expect(edits.length).toBeGreaterThanOrEqual(1);
      expect(edits.length).toBeLessThanOrEqual(2);
      for (let i = 1; i < edits.length; i++) expect(edits[i]!.at - edits[i - 1]!.at).toBeGreaterThanOrEqual(FOLLOW_UP_MS - 50);
      expect(card()!.edited).toBe(true);
    });

    it('starts the new day on the same pinned message at midnight, compared with the day that just ended', async () => {
      h.setNow(new Date('2026-11-30T21:00:30Z')); // 1 Dec 00:00:30 MSK
      const pinnedId = card()!.messageId;
      await new Promise((r) => setTimeout(r, FOLLOW_UP_MS)); // the last edit's pace has passed
      await summaries.add('card', { chatId: ivan.id }, { jobId: 'midnight-fire' });
      await h.tg.waitFor(() => plain(card()!.text).includes('1 декабря'), 10_000);
      expect(card()!.messageId).toBe(pinnedId);
      expect(plain(card()!.text)).toContain('💰 0 ₽ · оплачено заказов: 0');
      expect(plain(card()!.text)).toContain('📈 К вчера на 00:00: ±0%');
    });

    it('off unpins it; in a group the bot needs the right to pin', async () => {
      expect(text(await h.say(ivan, '/pin off'))).toBe('Карточка выключена: откреплена и больше не обновляется.');
      expect(card()).toBeUndefined();
      h.tg.setMember(GROUP.id, ivan.id, 'administrator');
      const answers = text(await h.say(ivan, '/pin', GROUP));
      expect(answers).toContain('Я не могу закреплять сообщения в этой группе');
      expect((await h.chats.get(GROUP.id)).liveCard).toBeUndefined();
    });
  });
});
