// The daily digest and the weekly report of a chat fed by several accounts, on real Redis and BullMQ: a block
// per account under its name with that account's own figures, then their total, and a chart with each
// account's part of every bar.
import { Queue } from 'bullmq';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { localDay } from '../../src/domain/calendar.js';
import { DIGEST_QUEUE } from '../../src/jobs/queues.js';
import { msk, plain } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';
import { startHarness, type Harness } from './alerts-harness.js';

const OWNER = 504;
const ZONE = 'Europe/Moscow';

/** How many pixels have exactly this colour ("#rrggbb"). */
function pixelsOf(png: PNG, colour: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b) n++;
  return n;
}

describeRedis('digest and report of several accounts', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('names each account with its own figures, then the total; the chart stacks both', async () => {
    const yoga = await h.link(OWNER, 'yogadigest');
    const key = 'd1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1';
    h.jc.addAccount('dancedigest', key);
    const { accountId: danceId } = await h.accounts.add(OWNER, { login: 'dancedigest', region: 'ru', key });
    await h.accounts.rename(danceId, 'Танцы');
    await h.chats.update(OWNER, { ownerId: OWNER, timeZone: ZONE, digest: { time: '09:30' } });
    await h.chats.addFeed(OWNER, danceId);

    const yesterday = localDay(new Date(), ZONE, -1);
    const noon = Math.floor(yesterday.from.getTime() / 1000) + 12 * 3600;
    h.jc.addOrder(yoga.login, { id: 1, created: noon - 600, paid: noon, price: '1500.00' });
    h.jc.addOrder(yoga.login, { id: 2, created: noon - 300, paid: noon + 60, price: '2500.00' });
    // The same order number in the other account: its own order, counted too.
    h.jc.addOrder('dancedigest', { id: 1, created: noon - 900, paid: noon + 120, price: '4000.00' });
    h.jc.addOrder('dancedigest', { id: 3, created: noon + 900, paid: null, price: '700.00' });

    const engine = h.engine();
    await engine.start();
    await engine.digests.sendNow(OWNER);
    await waitFor(() => h.tg.sent(OWNER).some((m) => m.photo), { message: 'the digest and its chart', timeoutMs: 15_000 });

    const text = plain(
      h.tg
        .sent(OWNER)
        .map((m) => m.text)
        .join('\n'),
    );
    const lines = text.split('\n');
    const yogaAt = lines.indexOf('🏫 yogadigest.justclick.ru');
    const danceAt = lines.indexOf('🏫 Танцы');
    expect(yogaAt).toBeGreaterThan(0);
    expect(danceAt).toBeGreaterThan(yogaAt);
    expect(lines.slice(yogaAt, danceAt).join('\n')).toContain('💰 Оплачено за день: 2 заказа · 4 000 ₽');
    expect(lines.slice(danceAt).join('\n')).toContain('💰 Оплачено за день: 1 заказ · 4 000 ₽');
    expect(lines.slice(danceAt).join('\n')).toContain('🧾 Создано за день: 2 заказа · из них оплачено к этому моменту: 1');
    expect(text).toContain('Все аккаунты: оплачено 3 на 8 000 ₽; создано 4; с начала месяца 8 000 ₽');

    const chart = h.tg.sent(OWNER).find((m) => m.photo)!;
    const png = PNG.sync.read(chart.photo!.content);
    expect([png.width, png.height]).toEqual([1080, 640]);
    // Yesterday's bar: the first account in the chart's blue, the second in the next colour on top.
    expect(pixelsOf(png, '#2a7de1')).toBeGreaterThan(500);
    expect(pixelsOf(png, '#f08c2e')).toBeGreaterThan(500);
  });

  it('with one account the digest is as it always was: no account heading, no total', async () => {
    const { login } = await h.link(OWNER, 'solodigest');
    await h.chats.update(OWNER, { ownerId: OWNER, timeZone: ZONE, digest: { time: '09:30' } });
    const noon = Math.floor(localDay(new Date(), ZONE, -1).from.getTime() / 1000) + 12 * 3600;
    h.jc.addOrder(login, { id: 1, created: noon - 600, paid: noon, price: '1500.00' });
    const engine = h.engine();
    await engine.start();
    await engine.digests.sendNow(OWNER);
    await waitFor(() => h.tg.sent(OWNER).some((m) => m.photo), { message: 'the digest' });
    const text = plain(
      h.tg
        .sent(OWNER)
        .map((m) => m.text)
        .join('\n'),
    );
    expect(text).toContain('💰 Оплачено за день: 1 заказ · 1 500 ₽');
    expect(text).not.toContain('🏫');
    expect(text).not.toContain('Все аккаунты');
  });

  it('the weekly report: a block per account, all of them together, the chart stacked', async () => {
    const monday = new Date('2026-11-30T06:00:00Z'); // 09:00 in Moscow
    const yoga = await h.link(OWNER, 'yogareport');
    const key = 'e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2';
    h.jc.addAccount('dancereport', key);
    const { accountId: danceId } = await h.accounts.add(OWNER, { login: 'dancereport', region: 'ru', key });
    await h.chats.update(OWNER, { ownerId: OWNER, timeZone: ZONE, weeklyReport: { time: '09:00' } });
    await h.chats.addFeed(OWNER, danceId);
    // Last week (23–29 Nov): yoga 2,500 and 1,500; dance 6,000 (the same order number as yoga's first).
    h.jc.addOrder(yoga.login, { id: 1, created: msk('2026-11-25', '10:00'), paid: msk('2026-11-25', '10:05'), price: '2500.00' });
    h.jc.addOrder(yoga.login, { id: 2, created: msk('2026-11-26', '10:00'), paid: msk('2026-11-26', '10:05'), price: '1500.00' });
    h.jc.addOrder('dancereport', { id: 1, created: msk('2026-11-27', '10:00'), paid: msk('2026-11-27', '10:05'), price: '6000.00' });
    // The week before: yoga 2,000.
    h.jc.addOrder(yoga.login, { id: 3, created: msk('2026-11-18', '10:00'), paid: msk('2026-11-18', '10:05'), price: '2000.00' });

    const engine = h.engine({ now: () => monday });
    await engine.start();
    const summaries = new Queue(DIGEST_QUEUE, { connection: { url: h.redisUrl }, prefix: `${h.prefix}bull` });
    try {
      await summaries.add('report', { chatId: OWNER, cadence: 'weekly' }, { jobId: 'fire-weekly' });
      await waitFor(() => h.tg.sent(OWNER).some((m) => m.photo), { message: 'the report chart', timeoutMs: 15_000 });
    } finally {
      await summaries.close();
    }
    const [report, chart] = h.tg.sent(OWNER);
    const lines = plain(report!.text).split('\n');
    const yogaAt = lines.indexOf('🏫 yogareport.justclick.ru');
    const danceAt = lines.indexOf('🏫 dancereport.justclick.ru');
    const allAt = lines.indexOf('Все аккаунты');
    expect(0 < yogaAt && yogaAt < danceAt && danceAt < allAt).toBe(true);
    expect(lines[yogaAt + 1]).toContain('💰 Выручка: 4 000 ₽');
    expect(lines[yogaAt + 1]).toContain('▲ 100% (+2 000 ₽)');
    expect(lines[danceAt + 1]).toContain('💰 Выручка: 6 000 ₽');
    expect(lines[allAt + 1]).toContain('💰 Выручка: 10 000 ₽');
    expect(lines[allAt + 1]).toContain('▲ 400% (+8 000 ₽)');
    const png = PNG.sync.read(chart!.photo!.content);
    expect(pixelsOf(png, '#2a7de1')).toBeGreaterThan(500);
    expect(pixelsOf(png, '#f08c2e')).toBeGreaterThan(500);
  });

  it('the goal stays the primary account’s: a further account’s sales announce no milestone', async () => {
    const yoga = await h.link(OWNER, 'yogagoal');
    const key = 'f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3';
    h.jc.addAccount('dancegoal', key);
    const { accountId: danceId } = await h.accounts.add(OWNER, { login: 'dancegoal', region: 'ru', key });
    await h.chats.update(OWNER, { ownerId: OWNER, timeZone: ZONE, goal: { amount: 10_000_00 } });
    await h.chats.addFeed(OWNER, danceId);
    const justNow = Math.floor(Date.now() / 1000) - 60;
    h.jc.addOrder(yoga.login, { id: 1, created: justNow - 60, paid: justNow, price: '1000.00' });
    // 95% of the goal, but on the further account.
    h.jc.addOrder('dancegoal', { id: 1, created: justNow - 60, paid: justNow, price: '9500.00' });

    const engine = h.engine();
    await engine.start();
    const summaries = new Queue(DIGEST_QUEUE, { connection: { url: h.redisUrl }, prefix: `${h.prefix}bull` });
    try {
      const jobs = await Promise.all([danceId, OWNER].map((ownerId) => summaries.add('goal', { ownerId }, { jobId: `goal-check-${ownerId}` })));
      await waitFor(async () => (await Promise.all(jobs.map((j) => j.getState()))).every((s) => s === 'completed'), { message: 'both goal checks' });
      const outcomes = await Promise.all(jobs.map(async (j) => (await summaries.getJob(j.id!))?.returnvalue as string));
      expect(outcomes).toEqual(['nothing new', 'nothing new']);
    } finally {
      await summaries.close();
    }
    expect(h.tg.sent(OWNER)).toHaveLength(0);
  });

  it('an account whose JustClick fails is named as such, and the others’ digest still comes', async () => {
    const { login } = await h.link(OWNER, 'yogafine');
    h.jc.addAccount('brokenkey', 'a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0');
    // Linked with a key JustClick no longer accepts.
    const { accountId: brokenId } = await h.accounts.add(OWNER, { login: 'brokenkey', region: 'ru', key: 'b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1' });
    await h.chats.update(OWNER, { ownerId: OWNER, timeZone: ZONE, digest: { time: '09:30' } });
    await h.chats.addFeed(OWNER, brokenId);
    const noon = Math.floor(localDay(new Date(), ZONE, -1).from.getTime() / 1000) + 12 * 3600;
    h.jc.addOrder(login, { id: 1, created: noon - 600, paid: noon, price: '1500.00' });

    const engine = h.engine();
    await engine.start();
    await engine.digests.sendNow(OWNER);
    await waitFor(() => h.tg.sent(OWNER).some((m) => m.photo), { message: 'the digest', timeoutMs: 15_000 });
    const lines = plain(
      h.tg
        .sent(OWNER)
        .map((m) => m.text)
        .join('\n'),
    ).split('\n');
    const broken = lines.indexOf('🏫 brokenkey.justclick.ru');
    expect(broken).toBeGreaterThan(0);
    expect(lines[broken + 1]).toBe('⚠️ JustClick не ответил: этого аккаунта нет в итоге ниже.');
    expect(lines.join('\n')).toContain('Все аккаунты: оплачено 1 на 1 500 ₽');
  });
});
