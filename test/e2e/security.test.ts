// End to end: the API key never rests in Redis in clear, nor in logs or anything the bot sends; and one
// user cannot read another's orders, by command or by button.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { msk, orderNumbers, text } from '../support/e2e.js';
import { everyRedisValue } from '../support/redis-values.js';
import { describeRedis } from '../support/redis.js';

describeRedis('e2e: security', () => {
  let h: BotHarness;
  const key = randomBytes(16).toString('hex');
  const secondKey = randomBytes(16).toString('hex');
  const alice = { id: 6001, firstName: 'Alice', languageCode: 'en' };
  const bob = { id: 6002, firstName: 'Bob', languageCode: 'en' };

  beforeAll(async () => {
    h = await startBotHarness({ now: new Date('2026-11-28T09:00:00Z'), publicUrl: 'https://bot.example.com' });
    h.jc.addAccount('alice', key);
    h.jc.addAccount('alice2', secondKey);
    for (const login of ['alice', 'alice2']) {
      for (let i = 0; i < 15; i++) {
        h.jc.addOrder(login, { id: 8000 + i, created: msk('2026-11-28', '08:00') + i * 60, paid: null, email: `buyer${i}@example.com` });
      }
    }
    h.tg.setMember(GROUP.id, alice.id, 'administrator');
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('the API key', () => {
    beforeAll(async () => {
      // Every way a key reaches the bot: one message, the two questions, a wrong key first.
      await h.say(alice, '/link alice wrong-key-0000');
      await h.say(alice, `/link alice ${key}`);
      await h.say(alice, '/orders');
      await h.say(alice, '/alerts on');
      await h.say(alice, '/digest 09:00');
      await h.say(alice, '/alerts on', GROUP);
      await h.say(alice, '/link');
      await h.say(alice, 'alice2');
      await h.say(alice, secondKey);
      await h.say(alice, '/status');
    });

    it('was really linked (so the checks below look at a working bot)', async () => {
      // The second /link added alice2 as her second account, now the current one.
      expect((await h.accounts.current(alice.id))?.creds.key).toBe(secondKey);
    });

    it('is in no Redis value or key name', async () => {
      const values = (await everyRedisValue(h.redis)).flat();
      expect(values.length).toBeGreaterThan(10);
      expect(values.filter((v) => v.includes(key) || v.includes(secondKey))).toEqual([]);
    });

    it('is in no log line', () => {
      expect(h.logs.length).toBeGreaterThan(0);
      expect(h.logs.filter((l) => l.includes(key) || l.includes(secondKey))).toEqual([]);
    });

    it('is in nothing the bot sent to Telegram, and every message holding it was deleted', () => {
      const outbound = h.tg.calls.filter((c) => JSON.stringify(c.payload).includes(key) || JSON.stringify(c.payload).includes(secondKey));
      expect(outbound).toEqual([]);
      expect(h.tg.sent().some((m) => m.text.includes(key) || m.text.includes(secondKey))).toBe(false);
      // The user's own messages with a key: three (wrong key, one-message link, answer to the question), all
      // deleted; and the login answer too, as every message of the link flow is.
      expect(h.tg.deleted(alice.id)).toHaveLength(4);
    });

    it('the push URL is shown in the private chat only', () => {
      const privateText = text(h.tg.sent(alice.id));
      expect(privateText).toMatch(/https:\/\/bot\.example\.com\/justclick\/notify\/[A-Za-z0-9_-]{32}/);
      expect(text(h.tg.sent(GROUP.id))).not.toContain('/justclick/notify/');
    });
  });

  describe('one user cannot read another’s orders', () => {
    it('in the group Alice bound, Bob’s /orders and /export are refused', async () => {
      await h.say(alice, '/lang en', GROUP);
      const orders = text(await h.say(bob, '/orders', GROUP));
      expect(orders).toContain('only they can ask for them here');
      expect(orderNumbers(orders)).toEqual([]);
      expect(text(await h.say(bob, '/export', GROUP))).toContain('only in our private chat');
    });

    it('Bob cannot turn the pages of Alice’s list, in the group or by replaying the button elsewhere', async () => {
      const [list] = await h.say(alice, '/orders', GROUP);
      expect(list?.keyboard?.[0]?.[1]?.text).toBe('1/2');
      const next = list!.keyboard![0]![2]!.data!;

      const press = await h.press(bob, list!, next);
      expect(press.answer).toEqual({ text: 'These buttons belong to whoever asked for this list.', alert: true });
      expect(press.message?.edited).toBe(false);

      // The same callback data pressed on one of Bob's own messages in his private chat.
      const [own] = await h.say(bob, '/help');
      const replay = await h.press(bob, own!, next);
      expect(replay.answer.alert).toBe(true);
      expect(replay.message?.text).toBe(own!.text);

      // Alice herself may.
      const mine = await h.press(alice, list!, next);
      expect(mine.message?.keyboard?.[0]?.[1]?.text).toBe('2/2');
    });

    it('Bob, an admin too, cannot take over Alice’s group or switch on what her account sends; he may switch it off', async () => {
      h.tg.setMember(GROUP.id, bob.id, 'administrator');
      expect(text(await h.say(bob, '/digest 10:00', GROUP))).toContain("connected to someone else's JustClick account");
      expect((await h.chats.get(GROUP.id)).digest).toBeUndefined();
      expect(text(await h.say(bob, '/bind', GROUP))).toContain(
        'This group is connected to alice.justclick.ru by Alice since 28 Nov 12:00. Any admin can disconnect it with /unbind.',
      );
      expect((await h.chats.get(GROUP.id)).ownerId).toBe(alice.id);
      expect((await h.chats.get(GROUP.id)).alerts?.on).toBe(true);
      expect(text(await h.say(bob, '/alerts off', GROUP))).toBe('🔕 Alerts are off here.');
      expect((await h.chats.get(GROUP.id)).alerts?.on).toBe(false);
      expect((await h.chats.get(GROUP.id)).ownerId).toBe(alice.id);
    });

    it('after /unlink nothing of Alice’s is readable, and her list pages are gone', async () => {
      const [list] = await h.say(alice, '/orders');
      await h.say(alice, '/unlink');
      // Her first account (alice) still feeds the group: the second /unlink forgets it.
      await h.say(alice, '/unlink');
      const press = await h.press(alice, list!, list!.keyboard![0]![2]!.data!);
      expect(press.answer.text).toBe('This list has expired. Ask for the orders again, please.');
      const group = await h.chats.get(GROUP.id);
      expect(group.ownerId).toBeUndefined();
      expect(group.alerts).toBeUndefined();
      expect(text(await h.say(bob, '/status', GROUP))).toContain('Account: none linked');
    });
  });
});
