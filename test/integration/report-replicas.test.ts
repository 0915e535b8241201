// Weekly reports on real Redis and BullMQ with two replicas: however many times a Monday's report fires
// (two replicas, a rescheduling, a retry), the chat gets one report and one chart.
import { Queue } from 'bullmq';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DIGEST_QUEUE } from '../../src/jobs/queues.js';
import { msk, plain } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';
import { startHarness, type Harness } from './alerts-harness.js';

const OWNER = 504;
const MONDAY_0900 = new Date('2026-11-30T06:00:00Z');

describeRedis('weekly report across replicas', () => {
  let h: Harness;
  let summaries: Queue;
  beforeEach(async () => {
    h = await startHarness();
    summaries = new Queue(DIGEST_QUEUE, { connection: { url: h.redisUrl }, prefix: `${h.prefix}bull` });
  });
  afterEach(async () => {
    await summaries.close();
    await h.close();
  });

  it('sends one report per chat and week, whichever replica fires it and however often', async () => {
    const { login } = await h.link(OWNER);
    await h.chats.update(OWNER, { ownerId: OWNER, weeklyReport: { time: '09:00' } });
    h.jc.addOrder(login, { created: msk('2026-11-25', '10:00'), paid: msk('2026-11-25', '10:05'), price: '2500.00' });
    const a = h.engine({ now: () => MONDAY_0900 });
    const b = h.engine({ now: () => MONDAY_0900 });
    await Promise.all([a.start(), b.start()]);
    expect(await a.app.engine.reports.schedule(OWNER)).toEqual({ weekly: { pattern: '0 0 9 * * 1', timeZone: 'Europe/Moscow' }, monthly: null });

    const fired = await Promise.all([1, 2, 3, 4].map((n) => summaries.add('report', { chatId: OWNER, cadence: 'weekly' }, { jobId: `fire-${n}` })));
    await waitFor(async () => (await Promise.all(fired.map((j) => j.getState()))).every((s) => s === 'completed'), { message: 'every firing processed' });
    const outcomes = await Promise.all(fired.map(async (j) => (await summaries.getJob(j.id!))?.returnvalue as string));
    expect(outcomes.sort()).toEqual(['already-sent', 'already-sent', 'already-sent', 'queued']);

    await waitFor(() => h.tg.sent(OWNER).some((m) => m.photo), { message: 'the chart' });
    await new Promise((r) => setTimeout(r, 1_000));
    const sent = h.tg.sent(OWNER);
    expect(sent).toHaveLength(2);
    expect(plain(sent[0]!.text)).toContain('💰 Выручка: 2 500 ₽');
    expect(sent[1]!.photo?.content.subarray(1, 4).toString()).toBe('PNG');
  });
});
