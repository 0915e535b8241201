// End to end: a seller's team. One-time invite links (used once, expired, reused), what each role may and may
// not do, role changes and removals that take effect at once (also for alerts already queued), and /unlink
// leaving nothing in Redis that holds the account's login, key or a buyer's e-mail.
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELIVERY_QUEUE, type Delivery } from '../../src/jobs/queues.js';
import { parseOrdersResult } from '../../src/justclick/orders.js';
import { TeamStore } from '../../src/store/team.js';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { msk, orderNumbers, text } from '../support/e2e.js';
import { everyRedisValue } from '../support/redis-values.js';
import { describeRedis } from '../support/redis.js';

const LOGIN = 'yogaschool42';
const DOMAIN = `${LOGIN}.justclick.ru`;
const NOW = new Date('2026-11-28T09:00:00Z');
const INVITE_LINK = /https:\/\/t\.me\/jc_test_bot\?start=([A-Za-z0-9_-]{43})/;
/** Every buyer e-mail the account's orders hold: none may be left in Redis after /unlink. */
const EMAILS = Array.from({ length: 15 }, (_, i) => `buyer${i}.yoga@example.com`);
const ALERTED_EMAIL = 'fresh.buyer@example.com';
const LATE_EMAIL = 'late.buyer@example.com';

describeRedis('e2e: a team with roles', () => {
  let h: BotHarness;
  const key = randomBytes(16).toString('hex');
  const alice = { id: 8101, firstName: 'Alice', languageCode: 'en' };
  const bob = { id: 8102, firstName: 'Bob', username: 'bob_sells', languageCode: 'en' };
  const vera = { id: 8103, firstName: 'Vera', languageCode: 'en' };
  const max = { id: 8104, firstName: 'Max', languageCode: 'en' };
  const zoe = { id: 8105, firstName: 'Zoe', languageCode: 'en' };

  /** The owner's /team invite, as the link's token. */
  const invite = async (role: 'manager' | 'viewer'): Promise<string> => {
    const reply = text(await h.say(alice, `/team invite ${role}`));
    const token = INVITE_LINK.exec(reply)?.[1];
    if (!token) throw new Error(`no invite link in: ${reply}`);
    return token;
  };

  beforeAll(async () => {
    h = await startBotHarness({ now: NOW });
    h.jc.addAccount(LOGIN, key);
    EMAILS.forEach((email, i) => {
      h.jc.addOrder(LOGIN, {
        id: 9000 + i,
        created: msk('2026-11-28', '08:00') + i * 60,
        paid: msk('2026-11-28', '08:30') + i * 60,
        email,
        phone: `+7 912 345-67-${10 + i}`,
      });
    });
    await h.say(alice, `/link ${LOGIN} ${key}`);
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('invite links', () => {
    it('an invite is a one-time t.me link; the token is in no log line and no Redis value', async () => {
      const token = await invite('manager');
      expect(h.logs.filter((l) => l.includes(token))).toEqual([]);
      expect((await everyRedisValue(h.redis)).flat().filter((v) => v.includes(token))).toEqual([]);
      expect(text(await h.say(bob, `/start ${token}`))).toContain(`You joined ${DOMAIN} as manager.`);
      expect(text(h.tg.sent(alice.id).slice(-1))).toContain('@bob_sells joined your team as manager.');
      // The same link again, by someone else and by Bob himself.
      expect(text(await h.say(zoe, `/start ${token}`))).toContain('already been used');
      expect(text(await h.say(bob, `/start ${token}`))).toContain('already been used');
      expect(text(await h.say(zoe, '/orders'))).toContain('No JustClick account is linked yet');
    });

    it('an invite expires after 24 hours', async () => {
      const token = await invite('viewer');
      h.setNow(new Date(NOW.getTime() + 24 * 3600_000 + 60_000));
      try {
        expect(text(await h.say(vera, `/start ${token}`))).toContain('This invite link has expired');
      } finally {
        h.setNow(NOW);
      }
      // Still unused: nobody got in, and it stays expired.
      expect(text(await h.say(vera, '/orders'))).toContain('No JustClick account is linked yet');
    });

    it('a made-up token and the owner’s own link are refused without spending it', async () => {
      expect(text(await h.say(zoe, `/start ${'A'.repeat(43)}`))).toContain('This invite link is not valid');
      const token = await invite('viewer');
      expect(text(await h.say(alice, `/start ${token}`))).toContain('invite to your own account');
      expect(text(await h.say(vera, `/start ${token}`))).toContain(`You joined ${DOMAIN} as viewer.`);
      expect(text(await h.say(max, `/start ${await invite('manager')}`))).toContain('as manager');
    });
  });

  describe('what each role may do', () => {
    const fullEmail = EMAILS[14]!;
    const maskedEmail = 'bu***@example.com';
    type Who = 'owner' | 'manager' | 'viewer' | 'stranger';
    const user = (who: Who) => ({ owner: alice, manager: bob, viewer: vera, stranger: zoe })[who];
    const cases: { who: Who; say: string; sees: string; never?: string }[] = [
      { who: 'owner', say: '/orders', sees: fullEmail },
      { who: 'manager', say: '/orders', sees: fullEmail },
      { who: 'viewer', say: '/orders', sees: maskedEmail, never: fullEmail },
      { who: 'stranger', say: '/orders', sees: 'No JustClick account is linked yet', never: '@example.com' },
      { who: 'manager', say: '/order 9014', sees: fullEmail },
      { who: 'viewer', say: '/order 9014', sees: 'A viewer does not see buyers’ contacts'.replace('’', "'"), never: '9014' },
      { who: 'manager', say: `/buyer ${fullEmail}`, sees: '9014' },
      { who: 'viewer', say: `/buyer ${fullEmail}`, sees: "A viewer does not see buyers' contacts", never: '9014' },
      { who: 'viewer', say: '/export', sees: "A viewer does not see buyers' contacts" },
      { who: 'owner', say: '/team', sees: '@bob_sells — manager' },
      { who: 'manager', say: '/team', sees: "Only the account's owner may do that." },
      { who: 'viewer', say: '/team invite viewer', sees: "Only the account's owner may do that.", never: 't.me/' },
      { who: 'manager', say: '/unlink', sees: 'No JustClick account is linked, nothing to forget.' },
      { who: 'manager', say: '/status', sees: `Account: ${LOGIN}.justclick.ru (linked by another member)` },
      { who: 'viewer', say: '/status', sees: `Account: ${LOGIN}.justclick.ru (linked by another member)` },
    ];
    it.each(cases)('$who: $say', async ({ who, say, sees, never }) => {
      const reply = text(await h.say(user(who), say));
      expect(reply).toContain(sees);
      if (never) expect(reply).not.toContain(never);
    });

    it('a manager exports a file; the owner’s account is still linked after the manager’s /unlink', async () => {
      await h.say(bob, '/export');
      expect(h.tg.sent(bob.id).at(-1)?.document).toBeDefined();
      expect((await h.accounts.get(alice.id))?.creds.login).toBe(LOGIN);
    });

    it('a manager gets alerts in their own chat, without the owner’s push URL; groups are the owner’s to feed', async () => {
      const reply = text(await h.say(bob, '/alerts on'));
      expect(reply).toContain('Alerts are on');
      expect(reply).not.toContain('/justclick/notify/');
      h.tg.setMember(GROUP.id, bob.id, 'administrator');
      // A member never binds a group to the owner's account, admin or not.
      expect(text(await h.say(bob, '/alerts on', GROUP))).toContain("Only the account's owner may do that.");
      const refused = text(await h.say(bob, '/orders', GROUP));
      expect(refused).toContain("Only the account's owner may do that.");
      expect(orderNumbers(refused)).toEqual([]);
      expect((await h.chats.get(GROUP.id)).ownerId).toBeUndefined();
    });
  });

  describe('changes take effect at once', () => {
    let deliveries: Queue<Delivery>;
    beforeAll(() => {
      deliveries = new Queue<Delivery>(DELIVERY_QUEUE, { connection: { url: h.config.redisUrl }, prefix: `${h.prefix}bull` });
    });
    afterAll(async () => {
      await deliveries?.close();
    });

    /** Presses the button of the owner's /team list whose data starts with `prefix`. */
    const pressTeam = async (prefix: string) => {
      const [list] = await h.say(alice, '/team');
      const button = list!.keyboard!.flat().find((b) => b.data?.startsWith(prefix));
      if (!button?.data) throw new Error(`no button ${prefix} in ${JSON.stringify(list!.keyboard)}`);
      return h.press(alice, list!, button.data);
    };

    it('a queued alert reaches the owner in full, a demoted manager masked, and no removed member', async () => {
      // Vera is made a manager, and she, Max and Bob switch alerts on in their own chats.
      await pressTeam(`team:role:${alice.id}:${vera.id}:m`);
      for (const member of [vera, max]) expect(text(await h.say(member, '/alerts on'))).toContain('Alerts are on');
      expect(text(await h.say(alice, '/alerts on'))).toContain('Alerts are on');
      h.tg.setMember(GROUP.id, alice.id, 'administrator');
      expect(text(await h.say(alice, '/alerts on', GROUP))).toContain('Alerts are on');
      // In the group the owner bound, a manager who is an admin there reads the orders (masked), but routing stays hers.
      const inGroup = text(await h.say(bob, '/orders', GROUP));
      expect(inGroup).toContain('bu***@example.com');
      expect(inGroup).not.toContain(EMAILS[14]);
      expect(text(await h.say(bob, '/digest 10:00', GROUP))).toContain("connected to someone else's JustClick account");
      expect((await h.chats.get(GROUP.id)).digest).toBeUndefined();

      const paid = parseOrdersResult([
        h.jc.addOrder(LOGIN, {
          id: 9100,
          created: msk('2026-11-28', '11:50'),
          paid: msk('2026-11-28', '12:00'),
          email: ALERTED_EMAIL,
          phone: '+7 912 000-11-22',
        }),
      ]);
      expect(await h.engine.enqueueAlerts(alice.id, paid, 'push')).toEqual({ queued: 5 });
      // The group's job holds the contacts already masked: Redis never has them in full for a group.
      const groupJob = (await deliveries.getJobs(['waiting', 'delayed', 'prioritized'])).find((j) => j.data.chatId === GROUP.id);
      expect(JSON.stringify(groupJob?.data)).toContain('fr***@example.com');
      expect(JSON.stringify(groupJob?.data)).not.toContain(ALERTED_EMAIL);

      // Queued; now Vera is demoted and Bob removed with the buttons (removal asks first).
      const demoted = await pressTeam(`team:role:${alice.id}:${vera.id}:v`);
      expect(demoted.message?.text).toContain('Vera is now a viewer.');
      const asked = await pressTeam(`team:rm:${alice.id}:${bob.id}`);
      expect(asked.message?.text).toContain('Remove @bob_sells from the team?');
      const removed = await h.press(alice, asked.message!, `team:rmy:${alice.id}:${bob.id}`);
      expect(removed.message?.text).toContain('@bob_sells was removed from the team.');
      expect(text(h.tg.sent(bob.id).slice(-1))).toContain(`You no longer have access to ${DOMAIN}.`);
      // Bob's alert is taken back from the queue; Max is removed in the store alone, as if it raced the send.
      const waiting = await deliveries.getJobs(['waiting', 'delayed', 'prioritized']);
      expect(waiting.map((j) => j.data.chatId).sort()).toEqual([alice.id, vera.id, max.id, GROUP.id].sort());
      await new TeamStore(h.redis, h.prefix, async (id) => id).remove(alice.id, max.id);

      await h.engine.start();
      await h.tg.waitFor(() => [alice.id, vera.id].every((id) => h.tg.sent(id).some((m) => m.text.includes('9100'))), 20_000);
      await h.tg.waitFor(() => false, 1_500).catch(() => undefined);
      expect(text(h.tg.sent(alice.id).filter((m) => m.text.includes('9100')))).toContain(ALERTED_EMAIL);
      const veraAlert = text(h.tg.sent(vera.id).filter((m) => m.text.includes('9100')));
      expect(veraAlert).toContain('fr***@example.com');
      expect(veraAlert).not.toContain(ALERTED_EMAIL);
      expect(h.tg.sent(bob.id).filter((m) => m.text.includes('9100'))).toEqual([]);
      await h.tg.waitFor(() => h.tg.sent(GROUP.id).some((m) => m.text.includes('9100')), 10_000);
      expect(text(h.tg.sent(GROUP.id).filter((m) => m.text.includes('9100')))).toContain('+7 *** ***-**-22');
      expect(h.tg.sent(max.id).filter((m) => m.text.includes('9100'))).toEqual([]);
    });

    it('a finished delivery keeps its id but no buyer’s contacts', async () => {
      const done = await deliveries.getJobs(['completed']);
      expect(done.length).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(done.map((j) => j.data))).not.toContain('@example.com');
    });

    it('a removed member’s commands are refused at once; a demoted one sees contacts masked', async () => {
      expect(text(await h.say(bob, '/orders'))).toContain('No JustClick account is linked yet');
      expect(text(await h.say(bob, '/buyer anything@example.com'))).toContain('No JustClick account is linked yet');
      const list = text(await h.say(vera, '/orders'));
      expect(list).toContain('bu***@example.com');
      expect(list).not.toContain(EMAILS[14]);
      expect((await h.chats.get(bob.id)).alerts).toBeUndefined();
    });
  });

  describe('/unlink', () => {
    it('leaves no Redis value with the login, the key or any buyer’s e-mail, and ends the team', async () => {
      // Everything that may keep something: a paged list, a lookup, a buyer, alerts sent, a choice with an e-mail.
      await h.say(alice, '/orders');
      await h.say(alice, '/order 9003');
      await h.say(alice, `/buyer ${EMAILS[3]}`);
      await h.say(alice, `/orders ${EMAILS[5]}`);
      await h.say(vera, '/orders');
      // And an alert Telegram has not taken yet (429 for an hour): it waits in the queue with the buyer's e-mail.
      h.tg.inject('sendMessage', { code: 429, retryAfter: 3600 }, { chatId: alice.id });
      const late = parseOrdersResult([
        h.jc.addOrder(LOGIN, { id: 9101, created: msk('2026-11-28', '11:55'), paid: msk('2026-11-28', '12:00'), email: LATE_EMAIL }),
      ]);
      expect((await h.engine.enqueueAlerts(alice.id, late, 'push')).queued).toBeGreaterThan(0);
      await h.tg.waitFor(() => h.tg.calls.some((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === alice.id && c.error?.code === 429), 10_000);
      const seen = await everyRedisValue(h.redis);
      const before = seen.map(([, v]) => v).join('\n');
      // Caches kept under the login that /unlink must take too: product titles, the alerts' buyer line.
      expect(seen.map(([k]) => k).filter((k) => k.includes(LOGIN) && /:(catalog|buyer):/.test(k)).length).toBeGreaterThan(0);
      expect(before).toContain(LOGIN);
      expect(EMAILS.some((e) => before.includes(e))).toBe(true);
      expect(before).toContain(LATE_EMAIL);

      expect(text(await h.say(alice, '/unlink'))).toContain(`Forgot ${DOMAIN}`);
      const values = await everyRedisValue(h.redis);
      const leftovers = values.filter(
        ([, v]) => v.includes(LOGIN) || v.includes(key) || v.includes(ALERTED_EMAIL) || v.includes(LATE_EMAIL) || EMAILS.some((e) => v.includes(e)),
      );
      expect(leftovers).toEqual([]);
      // Key names may carry the login only for rate limits that expire by themselves within a day.
      for (const [name] of values.filter(([k]) => k.includes(LOGIN))) {
        expect(name).toMatch(/:(budget:acct|budget:push|budget:push-seen|linkfail:login):/);
        expect(await h.redis.ttl(name)).toBeGreaterThan(0);
        expect(await h.redis.ttl(name)).toBeLessThanOrEqual(86_400);
      }
      expect(text(await h.say(vera, '/orders'))).toContain('No JustClick account is linked yet');
    });
  });
});
