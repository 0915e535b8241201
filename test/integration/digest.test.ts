// Daily digests on real Redis and BullMQ: the per-chat cron schedule in the chat's zone, the digest's
// content from the fake JustClick, and at most one scheduled digest per chat and day across replicas.
import { Queue } from 'bullmq';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { localDay } from '../../src/domain/calendar.js';
import { PNG } from 'pngjs';
import { DELIVERY_QUEUE, DIGEST_QUEUE } from '../../src/jobs/queues.js';
import { plain } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';
import { startHarness, type Harness } from './alerts-harness.js';

const OWNER = 503;
const ZONE = 'Asia/Yekaterinburg';

describeRedis('daily digest', () => {
  let h: Harness;
  let digests: Queue;
  beforeEach(async () => {
    h = await startHarness();
    digests = new Queue(DIGEST_QUEUE, { connection: { url: h.redisUrl }, prefix: `${h.prefix}bull` });
  });
  afterEach(async () => {
    await digests.close();
    await h.close();
  });

  const digestsIn = (chatId: number) => h.tg.sent(chatId).filter((m) => m.text.includes('Продажи —'));

  /** An owner with a linked account, a chat in Yekaterinburg fed by it, and two orders paid yesterday there. */
  async function seller() {
    const { login } = await h.link(OWNER);
    await h.chats.update(OWNER, { ownerId: OWNER, timeZone: ZONE, digest: { time: '09:30' } });
    const yesterday = localDay(new Date(), ZONE, -1);
    const noon = Math.floor(yesterday.from.getTime() / 1000) + 12 * 3600;
    h.jc.addOrder(login, { created: noon - 600, paid: noon, price: '1500.00' });
    h.jc.addOrder(login, { created: noon - 300, paid: noon + 60, price: '2500.00' });
    return { login };
  }

  it('schedules the digest at the chat’s local time in its zone and removes it when switched off', async () => {
    await seller();
    const engine = h.engine();
    expect(await engine.digests.schedule(OWNER)).toEqual({ scheduled: true, pattern: '0 30 9 * * *', timeZone: ZONE });
    const scheduler = await digests.getJobScheduler(`digest-${OWNER}`);
    expect(scheduler?.pattern).toBe('0 30 9 * * *');
    expect(scheduler?.tz).toBe(ZONE);
    // The next run is 09:30 on a Yekaterinburg wall clock (UTC+5): 04:30 UTC.
    expect(new Date(scheduler!.next!).toISOString()).toMatch(/T04:30:00\.000Z$/);

    await h.chats.update(OWNER, { digest: null });
    expect(await engine.digests.schedule(OWNER)).toEqual({ scheduled: false });
    expect(await digests.getJobScheduler(`digest-${OWNER}`)).toBeUndefined();
  });

  it('sends a digest of yesterday’s sales on /digest now', async () => {
    await seller();
    const engine = h.engine();
    await engine.start();
    await engine.digests.sendNow(OWNER);

    await waitFor(() => digestsIn(OWNER).length > 0, { message: 'the digest' });
    const [digest] = digestsIn(OWNER);
    const text = plain(digest!.text);
    expect(text).toContain('вчера');
    expect(text).toContain('💰 Оплачено за день: 2 заказа · 4 000 ₽');
    // The digest fits a caption: it comes as the 14-day chart's caption, one message.
    const png = PNG.sync.read(digest!.photo!.content);
    expect([png.width, png.height]).toEqual([1080, 640]);
    expect(h.tg.sent(OWNER)).toHaveLength(1);
  });

  it('the chart is drawn from the figures the job carries: 14 days up to yesterday, no picture in Redis', async () => {
    const { login } = await seller();
    const yesterday = localDay(new Date(), ZONE, -1);
    // 13 days before yesterday: the chart's first bar; 14 days before: the previous period's last, drawn behind.
    h.jc.addOrder(login, {
      created: Math.floor(yesterday.from.getTime() / 1000) - 13 * 86_400 + 3600,
      paid: Math.floor(yesterday.from.getTime() / 1000) - 13 * 86_400 + 7200,
      price: '700.00',
    });
    h.jc.addOrder(login, {
      created: Math.floor(yesterday.from.getTime() / 1000) - 14 * 86_400 + 3600,
      paid: Math.floor(yesterday.from.getTime() / 1000) - 14 * 86_400 + 7200,
      price: '900.00',
    });
    const engine = h.engine();
    await engine.start();
    await engine.digests.sendNow(OWNER);
    await waitFor(() => digestsIn(OWNER).length > 0, { message: 'the digest' });

    const deliveries = new Queue(DELIVERY_QUEUE, { connection: { url: h.redisUrl }, prefix: `${h.prefix}bull` });
    try {
      const [job] = await deliveries.getJobs(['completed']);
      const chart = job!.data.chart as { granularity: string; current: { revenue: number[] }; previous: { revenue: number[] } };
      expect(chart.granularity).toBe('day');
      expect(chart.current.revenue).toEqual([700_00, ...Array<number>(12).fill(0), 4_000_00]);
      expect(chart.previous.revenue).toEqual([...Array<number>(13).fill(0), 900_00]);
      expect(JSON.stringify(job!.data).length).toBeLessThan(4_000);
    } finally {
      await deliveries.close();
    }
  });

  it('a digest too long for a caption goes as text, then the chart; a failed chart is retried without the text again', async () => {
    const { login } = await seller();
    const yesterday = localDay(new Date(), ZONE, -1);
    const noon = Math.floor(yesterday.from.getTime() / 1000) + 12 * 3600;
    for (let i = 0; i < 5; i++) {
      h.jc.addOrder(login, {
        created: noon + i * 60,
        paid: noon + i * 60 + 30,
        price: `${1000 + i}.00`,
        utm: { source: `source-${i}-${'s'.repeat(50)}` },
        items: [{ id: `p${i}`, title: `Продукт ${i}: ${'очень длинное название курса '.repeat(3)}`, sum: `${1000 + i}.00` }],
      });
    }
    h.tg.inject('sendPhoto', { code: 502, description: 'Bad Gateway' }, { chatId: OWNER });
    const engine = h.engine();
    await engine.start();
    await engine.digests.sendNow(OWNER);

    await waitFor(() => h.tg.sent(OWNER).some((m) => m.photo), { message: 'the chart after a retry', timeoutMs: 15_000 });
    const sent = h.tg.sent(OWNER);
    expect(sent.map((m) => (m.photo ? 'chart' : 'text'))).toEqual(['text', 'chart']);
    expect(plain(sent[0]!.text)).toContain('💰 Оплачено за день: 7 заказов · 9 010 ₽');
    expect(sent[1]!.text).toBe('');
    expect(h.tg.calls.filter((c) => c.method === 'sendPhoto')).toHaveLength(2);
  });

  it('sends at most one scheduled digest per chat and day, however many replicas fire it', async () => {
    await seller();
    const a = h.engine();
    const b = h.engine();
    await Promise.all([a.start(), b.start()]);
    // Two firings on the same day (two replicas, or a schedule changed after it already ran today).
    const fired = await Promise.all([
      digests.add('digest', { chatId: OWNER }, { jobId: 'fire-1' }),
      digests.add('digest', { chatId: OWNER }, { jobId: 'fire-2' }),
      digests.add('digest', { chatId: OWNER }, { jobId: 'fire-3' }),
    ]);
    await waitFor(async () => (await Promise.all(fired.map((j) => j.getState()))).every((s) => s === 'completed'), {
      message: 'every firing processed',
    });
    await waitFor(() => digestsIn(OWNER).length > 0, { message: 'the digest' });
    const outcomes = await Promise.all(fired.map(async (j) => (await digests.getJob(j.id!))?.returnvalue as string));
    expect(outcomes.sort()).toEqual(['already-sent', 'already-sent', 'queued']);
    expect(digestsIn(OWNER)).toHaveLength(1);
    expect(h.tg.sent(OWNER).filter((m) => m.photo)).toHaveLength(1);

    // /digest now is not counted against the day's digest.
    await a.digests.sendNow(OWNER);
    await waitFor(() => digestsIn(OWNER).length === 2, { message: 'the on-demand digest' });
  });
});
