// End to end: groups and channels bound to an account. Only an admin with an account binds a group; other
// admins see and reset the binding; the binding ends when its admin is demoted or leaves (Telegram's update,
// or the periodic check when no update came); the bot removed stops deliveries; a channel needs posting rights.
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELIVERY_QUEUE, jobIds } from '../../src/jobs/queues.js';
import { parseOrdersResult } from '../../src/justclick/orders.js';
import type { ChatSpec } from '../fakes/telegram.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { msk, orderNumbers, text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';

const KEY = 'feedfacefeedfacefeedfacefeedface';
const START = new Date('2026-11-28T09:00:00Z');

describeRedis('e2e: groups and channels bound to an account', () => {
  let h: BotHarness;
  const olga = { id: 8101, firstName: 'Olga', languageCode: 'en' };
  const petr = { id: 8102, firstName: 'Petr', languageCode: 'en' };
  const ivan = { id: 8103, firstName: 'Ivan', languageCode: 'en' };
  let group = -1008100000;
  /** A fresh group per test, so that each starts unbound. */
  const newGroup = (): ChatSpec => ({ id: --group, type: 'supergroup', title: `Team ${-group}` });
  let orderId = 9500;
  const paidNow = () => parseOrdersResult([h.jc.addOrder('olga', { id: ++orderId, created: msk('2026-11-28', '12:30'), paid: msk('2026-11-28', '12:31') })]);
  let deliveries: Queue;
  /** A new order is paid: is an alert about it queued for this chat? (Other chats of Olga's may get theirs.) */
  const alertedIn = async (chatId: number): Promise<boolean> => {
    const [order] = paidNow();
    await h.engine.enqueueAlerts(olga.id, [order!], 'push');
    return (await deliveries.getJob(jobIds.paid(chatId, order!.id))) !== undefined;
  };

  beforeAll(async () => {
    h = await startBotHarness({ now: START });
    deliveries = new Queue(DELIVERY_QUEUE, { connection: { url: h.config.redisUrl }, prefix: `${h.prefix}bull` });
    h.jc.addAccount('olga', KEY);
    h.jc.addOrder('olga', { id: 9401, created: msk('2026-11-28', '10:00'), paid: null, email: 'maria@example.com' });
    await h.say(olga, `/link olga ${KEY}`);
    await h.say(ivan, `/link olga ${KEY}`);
  });
  afterAll(async () => {
    await deliveries?.close();
    await h?.close();
  });

  /** Olga, an admin of a fresh group, binds it and switches alerts on. */
  const boundWithAlerts = async (): Promise<ChatSpec> => {
    const chat = newGroup();
    h.tg.setMember(chat.id, olga.id, 'administrator');
    expect(text(await h.say(olga, '/bind', chat))).toContain('This group is now connected to olga.justclick.ru');
    expect(text(await h.say(olga, '/alerts on', chat))).toContain('🔔 Alerts are on');
    return chat;
  };

  describe('binding', () => {
    it('a member who is not an admin is told an admin must connect it, and binds nothing', async () => {
      const chat = newGroup();
      // Ivan has a linked account of his own, but is no admin here.
      expect(text(await h.say(ivan, '/orders', chat))).toBe(
        'This group is not connected to a JustClick account yet. An admin of the group who has linked an account connects it with /bind.',
      );
      expect(text(await h.say(ivan, '/bind', chat))).toBe('Only an admin of this group can connect it to a JustClick account.');
      expect(text(await h.say(ivan, '/alerts on', chat))).toContain('Only an administrator of this chat');
      const settings = await h.chats.get(chat.id);
      expect(settings.ownerId).toBeUndefined();
      expect(settings.binding).toBeUndefined();
    });

    it('an admin without an account is sent to /link', async () => {
      const chat = newGroup();
      h.tg.setMember(chat.id, petr.id, 'administrator');
      expect(text(await h.say(petr, '/bind', chat))).toContain('Link your JustClick account in a private chat with me first (/link)');
      expect((await h.chats.get(chat.id)).ownerId).toBeUndefined();
    });

    it('an admin binds and asks with contacts masked; a member who may not use the account is refused', async () => {
      const chat = newGroup();
      h.tg.setMember(chat.id, olga.id, 'creator');
      expect(text(await h.say(olga, '/bind', chat))).toContain('✅ This group is now connected to olga.justclick.ru');
      expect((await h.chats.get(chat.id)).binding).toEqual({ by: olga.id, at: Math.floor(START.getTime() / 1000) });
      const asked = text(await h.say(olga, '/orders', chat));
      expect(orderNumbers(asked)).toEqual(['9401']);
      expect(asked).toContain('ma***@example.com');
      expect(asked).not.toContain('maria@example.com');
      // The design's rule: only who linked the account (and, with a team, its members) may query it.
      const member = text(await h.say(petr, '/orders', chat));
      expect(member).toContain('only they can ask for them here');
      expect(orderNumbers(member)).toEqual([]);
    });

    it('another admin sees who bound it and resets it; a member may not', async () => {
      const chat = await boundWithAlerts();
      h.tg.setMember(chat.id, petr.id, 'administrator');
      expect(text(await h.say(petr, '/bind', chat))).toBe(
        'This group is connected to olga.justclick.ru by Olga since 28 Nov 12:00. Any admin can disconnect it with /unbind.',
      );
      expect(text(await h.say(ivan, '/unbind', chat))).toBe('Only an admin of this group can disconnect it.');
      expect(text(await h.say(petr, '/unbind', chat))).toContain('Disconnected from olga.justclick.ru');
      const settings = await h.chats.get(chat.id);
      expect(settings.ownerId).toBeUndefined();
      expect(settings.alerts?.on).toBe(false);
      expect(text(await h.say(ivan, '/orders', chat))).toContain('This group is not connected to a JustClick account yet.');
      expect(await alertedIn(chat.id)).toBe(false);
      expect(text(await h.say(petr, '/unbind', chat))).toBe('This group is not connected to any JustClick account.');
    });

    it('any admin can switch the alerts and the digest off, bound or not', async () => {
      const chat = await boundWithAlerts();
      expect(text(await h.say(olga, '/digest 9:00', chat))).toContain('09:00');
      h.tg.setMember(chat.id, petr.id, 'administrator');
      expect(text(await h.say(petr, '/digest 10:00', chat))).toContain("connected to someone else's JustClick account");
      expect(text(await h.say(petr, '/alerts off', chat))).toBe('🔕 Alerts are off here.');
      expect(text(await h.say(petr, '/digest off', chat))).toContain('off');
      const settings = await h.chats.get(chat.id);
      expect(settings.alerts?.on).toBe(false);
      expect(settings.digest).toBeUndefined();
      expect(settings.ownerId).toBe(olga.id);
      // A member who is no admin may not.
      expect(text(await h.say(ivan, '/alerts off', chat))).toBe('Only an administrator of this chat can change this here.');
      const unbound = newGroup();
      h.tg.setMember(unbound.id, petr.id, 'administrator');
      expect(text(await h.say(petr, '/alerts off', unbound))).toBe('🔕 Alerts are off here.');
    });
  });

  describe('membership re-checked', () => {
    it('the binder demoted (a chat_member update): the group is unbound, alerts stop, the chat is told once', async () => {
      const chat = await boundWithAlerts();
      const before = h.tg.sent(chat.id).length;
      await h.deliver(h.tg.makeUpdate.chatMember({ from: petr, chat, user: olga, status: 'member' }));
      await h.idle();
      const told = h.tg.sent(chat.id).slice(before);
      expect(text(told)).toBe(
        'This group is no longer connected to the JustClick account: the person who connected it is no longer an admin here. Alerts and digests stopped. An admin with a linked account can connect it again with /bind.',
      );
      const settings = await h.chats.get(chat.id);
      expect(settings.ownerId).toBeUndefined();
      expect(settings.alerts?.on).toBe(false);
      expect(await alertedIn(chat.id)).toBe(false);
      // The same news again (a second update) says nothing more.
      await h.deliver(h.tg.makeUpdate.chatMember({ from: petr, chat, user: olga, status: 'left' }));
      await h.idle();
      expect(h.tg.sent(chat.id).slice(before)).toHaveLength(1);
    });

    it('another member leaving changes nothing', async () => {
      const chat = await boundWithAlerts();
      await h.deliver(h.tg.makeUpdate.chatMember({ from: petr, chat, user: petr, status: 'left' }));
      await h.idle();
      expect((await h.chats.get(chat.id)).alerts?.on).toBe(true);
      expect(await alertedIn(chat.id)).toBe(true);
    });

    it('the binder demoted with no update: the periodic check, hours later, unbinds and tells the chat', async () => {
      const chat = await boundWithAlerts();
      // Telegram sends no chat_member update (the bot is no admin there): only getChatMember knows.
      h.tg.setMember(chat.id, olga.id, 'member');
      try {
        expect((await h.engine.groups.checkDue()).checked).toBe(0);
        expect((await h.chats.get(chat.id)).alerts?.on).toBe(true);
        h.setNow(new Date(START.getTime() + 7 * 3600_000));
        const outcome = await h.engine.groups.checkDue();
        expect(outcome.unbound).toBeGreaterThanOrEqual(1);
        expect((await h.chats.get(chat.id)).alerts?.on).toBe(false);
        expect(text(h.tg.sent(chat.id).slice(-1))).toContain('the person who connected it is no longer an admin here');
        expect(await alertedIn(chat.id)).toBe(false);
      } finally {
        h.setNow(START);
      }
    });

    it('a binder still an admin stays bound after the check', async () => {
      const chat = await boundWithAlerts();
      try {
        h.setNow(new Date(START.getTime() + 7 * 3600_000));
        await h.engine.groups.checkDue();
        expect((await h.chats.get(chat.id)).alerts?.on).toBe(true);
        expect((await h.chats.get(chat.id)).ownerId).toBe(olga.id);
      } finally {
        h.setNow(START);
      }
    });

    it('the bot removed from the group: alerts and digest stop there', async () => {
      const chat = await boundWithAlerts();
      await h.say(olga, '/digest 9:00', chat);
      await h.deliver(h.tg.makeUpdate.myChatMember({ from: petr, chat, status: 'kicked' }));
      await h.idle();
      const settings = await h.chats.get(chat.id);
      expect(settings.inactive).toBeDefined();
      expect(settings.alerts?.on).toBe(false);
      expect(settings.digest).toBeUndefined();
      expect(await alertedIn(chat.id)).toBe(false);
    });
  });

  describe('alerts routed to a channel', () => {
    const CHANNEL: ChatSpec = { id: -1008200001, type: 'channel', title: 'Sales feed', username: 'salesfeed' };

    it('need the person to be an admin with the right to post, and the bot too', async () => {
      // The bot is added to the channel as an admin without the right to post.
      await h.deliver(h.tg.makeUpdate.myChatMember({ from: olga, chat: CHANNEL, status: 'administrator', rights: { canPostMessages: false } }));
      await h.idle();
      expect(text(await h.say(olga, '/alerts on @salesfeed'))).toContain('Only an administrator of Sales feed');
      h.tg.setMember(CHANNEL.id, olga.id, 'administrator', { canPostMessages: false });
      expect(text(await h.say(olga, '/alerts on @salesfeed'))).toBe(
        'To send alerts to Sales feed you must be its admin with the right to post messages there.',
      );
      h.tg.setMember(CHANNEL.id, olga.id, 'administrator');
      expect(text(await h.say(olga, '/alerts on @salesfeed'))).toBe(
        'I cannot post in Sales feed: make me an administrator who may post messages, then try again.',
      );
      expect((await h.chats.get(CHANNEL.id)).alerts?.on).not.toBe(true);
      h.tg.setMember(CHANNEL.id, h.tg.bot.id, 'administrator');
      expect(text(await h.say(olga, '/alerts on @salesfeed'))).toContain('🔔 Alerts are on for Sales feed');
      expect(await h.chats.get(CHANNEL.id)).toMatchObject({ ownerId: olga.id, binding: { by: olga.id }, alerts: { on: true } });
    });
  });

  describe('a delivery queued before the group was unbound', () => {
    it('is dropped at send time', async () => {
      const chat = await boundWithAlerts();
      const [order] = paidNow();
      await h.engine.enqueueAlerts(olga.id, [order!], 'push');
      const job = await deliveries.getJob(jobIds.paid(chat.id, order!.id));
      expect(job).toBeDefined();
      h.tg.setMember(chat.id, petr.id, 'administrator');
      await h.say(petr, '/unbind', chat);
      const sentBefore = h.tg.sent(chat.id).length;
      await h.engine.start();
      await waitFor(async () => (await job!.getState()) === 'completed', { timeoutMs: 10_000, intervalMs: 50, message: 'the delivery job to finish' });
      expect((await deliveries.getJob(job!.id!))?.returnvalue).toBe('not-allowed');
      expect(h.tg.sent(chat.id)).toHaveLength(sentBefore);
    });
  });
});
