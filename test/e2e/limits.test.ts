// End to end: limits on the JustClick work one user can ask for, as the seller reads them: a budget of calls
// per user and per account, one /digest now at a time per chat, and at most so many orders in one answer.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accountCapacity, BUDGETS } from '../../src/store/budgets.js';
import { MAX_PAGED_ORDERS } from '../../src/telegram/features/orders.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { msk, text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';

const KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00';

describeRedis('e2e: limits on expensive work', () => {
  let h: BotHarness;
  let userId = 6000;
  const seller = (languageCode: 'en' | 'ru') => ({ id: ++userId, firstName: 'Seller', languageCode });
  const now = new Date('2026-11-28T09:00:00Z');

  beforeAll(async () => {
    h = await startBotHarness({ now });
    h.jc.addAccount('shop', KEY);
    h.jc.addAccount('bulk', KEY);
    for (let i = 0; i <= MAX_PAGED_ORDERS; i++) {
      h.jc.addOrder('bulk', { id: 100_000 + i, created: msk('2026-11-27', '08:00') + i, paid: null, price: '10.00' });
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a year of orders at a time spends the budget; then the user is told to wait, and JustClick is not asked', async () => {
    const user = seller('en');
    await h.say(user, `/link shop ${KEY}`);
    // 14 days-calls for the created orders and 14 for the paid ones (the header counts both): the user's 40 allow one.
    for (let i = 0; i < Math.floor(BUDGETS.user.capacity / 28); i++) expect(text(await h.say(user, '/orders 365d'))).toContain('for last 365 days');
    const before = h.jc.requests.length;
    const reply = text(await h.say(user, '/orders 365d'));
    expect(reply).toContain('That is a lot of JustClick requests in a short time');
    expect(reply).toMatch(/Try again in \d+ minutes?/);
    expect(h.jc.requests.length).toBe(before);
    // An hour later the bucket is full again.
    h.setNow(new Date(now.getTime() + 60 * 60_000));
    try {
      expect(text(await h.say(user, '/orders 365d'))).not.toContain('JustClick requests');
    } finally {
      h.setNow(now);
    }
  });

  it('the JustClick account has its own budget, shared by everyone who linked it, in Russian too', async () => {
    h.jc.addAccount('team', KEY);
    // The account's bucket: the commands' 80 calls an hour plus the poller's share (ALERT_POLL_SECONDS=60 here),
    // all of which commands may spend. A year of orders is 28 calls (created and paid, 14 each): one person more
    // than the bucket holds, each within their own 40, and the last one waits.
    const capacity = accountCapacity(3600 / 60);
    const people = Math.floor(capacity / 28) + 1;
    const team = Array.from({ length: people }, () => seller('ru'));
    for (const member of team) await h.say(member, `/link team ${KEY}`);
    const replies: string[] = [];
    for (const member of team) replies.push(text(await h.say(member, '/orders 365д')));
    expect(replies.slice(0, -1).every((r) => !r.includes('Слишком много запросов'))).toBe(true);
    expect(replies.at(-1)).toContain('Слишком много запросов к JustClick за короткое время');
    expect(replies.at(-1)).toMatch(/Попробуйте через \d+ минут/);
  });

  it('one /digest now at a time per chat', async () => {
    const user = seller('en');
    await h.say(user, `/link shop ${KEY}`);
    expect(text(await h.say(user, '/digest now'))).not.toContain('already on its way');
    expect(text(await h.say(user, '/digest now'))).toContain('A digest for this chat is already on its way');
  });

  it(`shows at most ${MAX_PAGED_ORDERS} orders and says how to see the rest`, async () => {
    const user = seller('en');
    await h.say(user, `/link bulk ${KEY}`);
    const reply = text(await h.say(user, '/orders yesterday'));
    expect(reply).toContain(`Showing the newest 2,000 of 2,001 orders. For the rest, ask for a shorter period`);
    expect(reply).not.toContain('#100000 ·');
  });
});
