// End to end: a person who owns an account and is a member of other teams. /accounts lists team accounts with
// the role, a press makes one current, commands then follow that role ("@login" too, also in a group), "@all"
// adds team accounts up, a removal while the team account is current falls back to their own (and says so), a
// member of two teams switches between them and leaves one; and the demo shop's /alerts newurl.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { msk, orderNumbers, text } from '../support/e2e.js';
import { describeRedis } from '../support/redis.js';

const NOW = new Date('2026-11-28T09:00:00Z'); // 12:00 in Moscow
const INVITE_LINK = /https:\/\/t\.me\/jc_test_bot\?start=([A-Za-z0-9_-]{43})/;
const VIEWER_REFUSED = "A viewer does not see buyers' contacts";
const OWNER_ONLY = "Only the account's owner may do that.";

const ann = { id: 9201, firstName: 'Ann', languageCode: 'en' };
const bert = { id: 9202, firstName: 'Bert', languageCode: 'en' };
const carl = { id: 9203, firstName: 'Carl', languageCode: 'en' };
const dora = { id: 9204, firstName: 'Dora', username: 'dora_helps', languageCode: 'en' };
const eve = { id: 9205, firstName: 'Eve', languageCode: 'en' };
const CHANNEL = { id: -1009200001, type: 'supergroup' as const, title: 'Team feed' };

/** Each shop with one order paid today, its buyer's e-mail as the list shows it in full and masked. */
const SHOPS = {
  ann: { login: 'annshop', key: 'a'.repeat(32), order: 501, email: 'ann.buyer@example.com', masked: 'an***@example.com', price: '1000.00' },
  bert: { login: 'bertshop', key: 'b'.repeat(32), order: 601, email: 'bert.buyer@example.com', masked: 'be***@example.com', price: '2000.00' },
  carl: { login: 'carlshop', key: 'c'.repeat(32), order: 701, email: 'carl.buyer@example.com', masked: 'ca***@example.com', price: '3000.00' },
} as const;
const domain = (shop: keyof typeof SHOPS) => `${SHOPS[shop].login}.justclick.ru`;

describeRedis('e2e: switching between own and team accounts', () => {
  let h: BotHarness;

  /** The owner's one-time invite, used by the member. */
  const join = async (owner: typeof ann, member: typeof ann, role: 'manager' | 'viewer') => {
    const token = INVITE_LINK.exec(text(await h.say(owner, `/team invite ${role}`)))?.[1];
    if (!token) throw new Error('no invite link');
    expect(text(await h.say(member, `/start ${token}`))).toContain(`as ${role}`);
  };

  /** Presses the button of the person's /accounts list whose label starts with `label` (in the row of `shop`). */
  const pressAccount = async (who: typeof ann, shop: keyof typeof SHOPS, label?: string) => {
    const [list] = await h.say(who, '/accounts');
    const row = list!.keyboard!.find((r) => r[0]!.text.includes(SHOPS[shop].login));
    const button = label === undefined ? row?.[0] : row?.find((b) => b.text.startsWith(label));
    if (!button?.data) throw new Error(`no ${label ?? 'switch'} button for ${shop} in ${JSON.stringify(list!.keyboard)}`);
    return h.press(who, list!, button.data);
  };

  beforeAll(async () => {
    h = await startBotHarness({ now: NOW });
    for (const [i, shop] of Object.values(SHOPS).entries()) {
      h.jc.addAccount(shop.login, shop.key);
      h.jc.addOrder(shop.login, {
        id: shop.order,
        created: msk('2026-11-28', '09:00'),
        paid: msk('2026-11-28', '09:10'),
        price: shop.price,
        email: shop.email,
        phone: `+7 912 345-67-0${i}`,
      });
    }
    for (const [who, shop] of [
      [ann, SHOPS.ann],
      [bert, SHOPS.bert],
      [carl, SHOPS.carl],
    ] as const) {
      await h.say(who, `/link ${shop.login} ${shop.key}`);
    }
    await join(bert, ann, 'viewer');
    await join(carl, ann, 'manager');
    await join(bert, dora, 'viewer');
    await join(carl, dora, 'manager');
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('an owner who is also a member of two teams', () => {
    it('/accounts lists their own account, then the teams’ with the role; only their own can be renamed or unlinked', async () => {
      const [list] = await h.say(ann, '/accounts');
      expect(list!.text).toContain(`✓ ${domain('ann')} · alerts off`);
      expect(list!.text).toContain(`• ${domain('bert')} · 👥 viewer · alerts off`);
      expect(list!.text).toContain(`• ${domain('carl')} · 👥 manager · alerts off`);
      expect(list!.text.indexOf(domain('ann'))).toBeLessThan(list!.text.indexOf(domain('bert')));
      expect(list!.text.indexOf(domain('bert'))).toBeLessThan(list!.text.indexOf(domain('carl')));
      expect(list!.keyboard!.map((row) => row.map((b) => b.text))).toEqual([
        [`✓ ${domain('ann')}`, '✏️ Rename', '✖ Unlink'],
        [domain('bert'), '🚪 Leave team'],
        [domain('carl'), '🚪 Leave team'],
      ]);
    });

    it('a press makes the viewer’s team account current: /orders answers its figures with contacts masked', async () => {
      const press = await pressAccount(ann, 'bert');
      expect(press.message!.text).toContain(`✓ ${domain('bert')} · 👥 viewer`);
      expect(text(h.tg.sent(ann.id).slice(-1))).toContain(`Commands now act on ${domain('bert')}.`);
      const reply = text(await h.say(ann, '/orders today'));
      expect(reply).toContain('Paid in the period: 1 order · ₽2,000');
      expect(orderNumbers(reply)).toEqual([String(SHOPS.bert.order)]);
      expect(reply).toContain(SHOPS.bert.masked);
      expect(reply).not.toContain(SHOPS.bert.email);
      expect(text(await h.say(ann, '/status'))).toContain(`Account: ${domain('bert')} (linked by another member)`);
    });

    it('/export and lookups are refused on the viewer’s account and allowed on their own, picked with @login', async () => {
      expect(text(await h.say(ann, '/export'))).toContain(VIEWER_REFUSED);
      expect(text(await h.say(ann, `/order ${SHOPS.bert.order}`))).toContain(VIEWER_REFUSED);
      const sentBefore = h.tg.sent(ann.id).length;
      await h.say(ann, `/export @${SHOPS.ann.login}`);
      expect(
        h.tg
          .sent(ann.id)
          .slice(sentBefore)
          .some((m) => m.document !== undefined),
      ).toBe(true);
      expect(text(await h.say(ann, `/order ${SHOPS.ann.order} @${SHOPS.ann.login}`))).toContain(SHOPS.ann.email);
    });

    it('"@login" reaches a team account with the role there: the manager’s in full, the viewer’s masked', async () => {
      const managed = text(await h.say(ann, `/orders today @${SHOPS.carl.login}`));
      expect(orderNumbers(managed)).toEqual([String(SHOPS.carl.order)]);
      expect(managed).toContain(SHOPS.carl.email);
      expect(text(await h.say(ann, `/order ${SHOPS.carl.order} @${SHOPS.carl.login}`))).toContain(SHOPS.carl.email);
      // Their own account current again, "@bertshop" still follows the viewer's rules.
      await pressAccount(ann, 'ann');
      const viewed = text(await h.say(ann, `/orders today @${SHOPS.bert.login}`));
      expect(orderNumbers(viewed)).toEqual([String(SHOPS.bert.order)]);
      expect(viewed).not.toContain(SHOPS.bert.email);
      expect(text(await h.say(ann, `/export @${SHOPS.bert.login}`))).toContain(VIEWER_REFUSED);
      expect(text(await h.say(ann, '/orders @nosuchshop'))).toContain(`Yours: ${domain('ann')}, ${domain('bert')}, ${domain('carl')}`);
    });

    it('"@all" adds up their own account and the teams’', async () => {
      const all = text(await h.say(ann, '/orders today @all'));
      for (const shop of ['ann', 'bert', 'carl'] as const) expect(all).toContain(domain(shop));
      expect(all).toContain('Total: paid 3 for ₽6,000');
    });

    it('in a group bound to their own account, "@login" of a team account takes their role there, not the owner’s', async () => {
      h.tg.setMember(GROUP.id, ann.id, 'administrator');
      expect(text(await h.say(ann, '/bind', GROUP))).toContain(domain('ann'));
      expect(text(await h.say(ann, `/order ${SHOPS.bert.order} @${SHOPS.bert.login}`, GROUP))).toContain(VIEWER_REFUSED);
      const own = text(await h.say(ann, `/order ${SHOPS.ann.order}`, GROUP));
      expect(own).toContain(`#${SHOPS.ann.order}`);
      expect(own).not.toContain(SHOPS.ann.email);
    });

    it('a team account’s name, key and push URL stay its owner’s', async () => {
      await pressAccount(ann, 'bert');
      expect(text(await h.say(ann, '/accounts rename Bert’s'))).toContain(OWNER_ONLY);
      expect(text(await h.say(ann, '/unlink'))).toContain(OWNER_ONLY);
      expect(text(await h.say(ann, '/alerts newurl'))).toContain(OWNER_ONLY);
      expect((await h.accounts.get(bert.id))?.creds.login).toBe(SHOPS.bert.login);
      expect((await h.accounts.get(ann.id))?.creds.login).toBe(SHOPS.ann.login);
      // A crafted unlink button for the team account is refused too.
      const [list] = await h.say(ann, '/accounts');
      const forged = await h.press(ann, list!, `acct:bye:${bert.id}`);
      expect(forged.answer.text).toBe('This button is not yours.');
      expect((await h.accounts.get(bert.id))?.creds.login).toBe(SHOPS.bert.login);
    });

    it('removed from the team while its account is current: the next command answers on their own and says so, once', async () => {
      const [team] = await h.say(bert, '/team');
      const asked = await h.press(bert, team!, `team:rm:${bert.id}:${ann.id}`);
      await h.press(bert, asked.message!, `team:rmy:${bert.id}:${ann.id}`);
      const reply = await h.say(ann, '/orders today');
      expect(text(reply)).toContain(`You no longer have access to ${domain('bert')}; commands now act on ${domain('ann')}.`);
      expect(orderNumbers(text(reply))).toEqual([String(SHOPS.ann.order)]);
      expect(text(reply)).toContain(SHOPS.ann.email);
      const again = text(await h.say(ann, '/orders today'));
      expect(again).not.toContain('no longer have access');
      expect(orderNumbers(again)).toEqual([String(SHOPS.ann.order)]);
      expect(text(await h.say(ann, `/orders @${SHOPS.bert.login}`))).toContain(`You have no account @${SHOPS.bert.login}`);
      expect((await h.say(ann, '/accounts'))[0]!.text).not.toContain(domain('bert'));
    });
  });

  describe('a member of two teams with no account of their own', () => {
    it('acts on the team joined first, and switches to the other with its role', async () => {
      const [list] = await h.say(dora, '/accounts');
      expect(list!.text).toContain(`✓ ${domain('bert')} · 👥 viewer`);
      expect(list!.text).toContain(`• ${domain('carl')} · 👥 manager`);
      const viewed = text(await h.say(dora, '/orders today'));
      expect(orderNumbers(viewed)).toEqual([String(SHOPS.bert.order)]);
      expect(viewed).not.toContain(SHOPS.bert.email);

      await pressAccount(dora, 'carl');
      const managed = text(await h.say(dora, '/orders today'));
      expect(orderNumbers(managed)).toEqual([String(SHOPS.carl.order)]);
      expect(managed).toContain(SHOPS.carl.email);
      const sentBefore = h.tg.sent(dora.id).length;
      await h.say(dora, '/export');
      expect(
        h.tg
          .sent(dora.id)
          .slice(sentBefore)
          .some((m) => m.document !== undefined),
      ).toBe(true);

      await pressAccount(dora, 'bert');
      expect(text(await h.say(dora, '/export'))).toContain(VIEWER_REFUSED);
    });

    it('a team account’s line says whether its alerts come to them, not to its owner', async () => {
      expect(text(await h.say(carl, '/alerts on'))).toContain('Alerts are on');
      expect(text(await h.say(dora, '/alerts on'))).toContain('Alerts are on');
      const [list] = await h.say(dora, '/accounts');
      expect(list!.text).toContain(`✓ ${domain('bert')} · 👥 viewer · alerts on`);
      expect(list!.text).toContain(`• ${domain('carl')} · 👥 manager · alerts off`);
      expect(text(await h.say(dora, '/alerts off'))).toContain('Alerts are off');
    });

    it('cannot point a team account’s alerts at a channel they administer: routing is the owner’s', async () => {
      await h.say(dora, '/start', CHANNEL);
      h.tg.setMember(CHANNEL.id, dora.id, 'creator');
      expect(text(await h.say(dora, `/alerts on ${CHANNEL.id}`))).toContain(OWNER_ONLY);
      expect((await h.chats.get(CHANNEL.id)).ownerId).toBeUndefined();
    });

    it('leaves a team from /accounts (after a confirmation): it is gone from the list, the picks and the owner’s /team', async () => {
      const asked = await pressAccount(dora, 'carl', '🚪');
      expect(asked.message!.text).toContain(`Leave the team of ${domain('carl')}?`);
      const left = await h.press(dora, asked.message!, `acct:left:${carl.id}`);
      expect(left.message!.text).not.toContain(domain('carl'));
      expect(text(h.tg.sent(dora.id).slice(-1))).toContain(`You left the team of ${domain('carl')}.`);
      expect(text(await h.say(dora, `/orders @${SHOPS.carl.login}`))).toContain(`You have no account @${SHOPS.carl.login}`);
      expect(orderNumbers(text(await h.say(dora, '/orders today')))).toEqual([String(SHOPS.bert.order)]);
      expect((await h.say(carl, '/team'))[0]!.text).not.toContain('@dora_helps');
      expect((await h.say(bert, '/team'))[0]!.text).toContain('@dora_helps');
    });
  });

  it('/alerts newurl on the demo shop says it has no notification URL', async () => {
    await h.say(eve, '/demo');
    const reply = text(await h.say(eve, '/alerts newurl'));
    expect(reply).toContain('The demo shop has no notification URL');
    expect(reply).not.toContain('No JustClick account is linked');
  });
});
