// A chat fed by several accounts: each account's alert records (ledger, sent marks, held orders) are its own, the
// chat's first primary keeping the names written before feeds existed; forgetting one account leaves the others'.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AlertOrder } from '../../src/domain/alert.js';
import { AlertHolds } from '../../src/store/alert-holds.js';
import { AlertLedger, recordsScope, scopedMark } from '../../src/store/ledger.js';
import { ChatStore } from '../../src/store/chats.js';
import { createRedis, quitRedis, type Redis } from '../../src/store/redis.js';
import { createLogger } from '../../src/logger.js';
import { describeRedis, freshPrefix, redisUrl } from '../support/redis.js';

const CHAT = 7101;
const YOGA = 7101;
const DANCE = 2 ** 52 + 7;
const now = new Date('2026-11-28T09:00:00Z');
const paidAt = Math.floor(now.getTime() / 1000) - 60;

const order = (id: string, email: string): AlertOrder => ({
  id,
  name: 'Анна',
  email,
  phone: '',
  paid: paidAt,
  created: paidAt,
  price: 70_000,
  goods: [],
  payway: '',
  utm: {},
  link: '',
});

describeRedis('alert records of several accounts in one chat', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = createRedis(redisUrl!, { logger: createLogger('warn'), name: 'test' });
  });
  afterAll(async () => {
    await quitRedis(redis);
  });

  it('keeps the first primary on the chat’s own records until it goes, and nobody takes them over', async () => {
    const chats = new ChatStore(redis, freshPrefix('feeds'));
    let chat = await chats.addFeed(CHAT, YOGA);
    chat = await chats.addFeed(CHAT, DANCE);
    expect(recordsScope(chat, YOGA)).toBeUndefined();
    expect(recordsScope(chat, DANCE)).toBe(DANCE);
    chat = await chats.removeFeed(CHAT, YOGA);
    expect(chat.ownerId).toBe(DANCE);
    // Dance, primary now, keeps its own records: what it was alerted about before stays known.
    expect(recordsScope(chat, DANCE)).toBe(DANCE);
    chat = await chats.addFeed(CHAT, YOGA);
    expect(recordsScope(chat, YOGA)).toBe(YOGA);
  });

  it('tells the same order no. of two accounts apart, and forgets one account’s without the other’s', async () => {
    const prefix = freshPrefix('feeds');
    const ledger = new AlertLedger(redis, prefix);
    const holds = new AlertHolds(redis, prefix);
    await ledger.record(CHAT, [{ orderId: '201', paidAt }], now);
    expect(await ledger.missing(CHAT, ['201'], DANCE)).toEqual(['201']);
    await ledger.record(CHAT, [{ orderId: '201', paidAt }], now, DANCE);
    expect(await ledger.missing(CHAT, ['201', '202'])).toEqual(['202']);
    expect(await ledger.missing(CHAT, ['201', '202'], DANCE)).toEqual(['202']);
    await ledger.markSent(CHAT, ['o201', scopedMark('o201', DANCE), 'jdigest-1']);
    expect([...(await ledger.sentAmong(CHAT, [scopedMark('o201', DANCE), scopedMark('o201', YOGA)]))]).toEqual([`a${DANCE}-o201`]);
    // Quiet hours hold both no. 201 side by side.
    await holds.hold(CHAT, paidAt + 3_600, [order('201', 'yoga@example.com')]);
    await holds.hold(CHAT, paidAt + 3_600, [order('201', 'dance@example.com')], DANCE);
    expect(await holds.heldCount(CHAT)).toBe(2);

    // Dance goes; the chat's own records (yoga's, the first primary's) stay.
    await ledger.forgetAccount(CHAT, DANCE, false);
    await holds.forgetAccount(CHAT, DANCE, false);
    expect(await ledger.size(CHAT, DANCE)).toBe(0);
    expect(await ledger.size(CHAT)).toBe(1);
    expect([...(await ledger.sentAmong(CHAT, ['o201', scopedMark('o201', DANCE), 'jdigest-1']))].sort()).toEqual(['jdigest-1', 'o201']);
    expect((await holds.take(CHAT, paidAt + 3_600)).map((o) => o.email)).toEqual(['yoga@example.com']);

    // Yoga, the first primary, goes while another account stays: the chat's own records go with it.
    await ledger.record(CHAT, [{ orderId: '301', paidAt }], now, DANCE);
    await ledger.markSent(CHAT, [scopedMark('o301', DANCE)]);
    await ledger.forgetAccount(CHAT, YOGA, true);
    expect(await ledger.size(CHAT)).toBe(0);
    expect([...(await ledger.sentAmong(CHAT, ['o201', 'jdigest-1', scopedMark('o301', DANCE)]))]).toEqual([`a${DANCE}-o301`]);
    expect(await ledger.size(CHAT, DANCE)).toBe(1);
    await ledger.forgetChat(CHAT);
    expect(await ledger.size(CHAT, DANCE)).toBe(0);
    expect(await ledger.sentAmong(CHAT, [scopedMark('o301', DANCE)])).toEqual(new Set());
  });

  it('moves every account’s own ledger when a group becomes a supergroup', async () => {
    const ledger = new AlertLedger(redis, freshPrefix('feeds'));
    await ledger.record(-7200, [{ orderId: '1', paidAt }], now);
    await ledger.record(-7200, [{ orderId: '2', paidAt }], now, DANCE);
    await ledger.migrate(-7200, -1007200);
    expect(await ledger.missing(-1007200, ['1', '2'])).toEqual(['2']);
    expect(await ledger.missing(-1007200, ['1', '2'], DANCE)).toEqual(['1']);
    expect(await ledger.size(-7200)).toBe(0);
    expect(await ledger.size(-7200, DANCE)).toBe(0);
  });
});
