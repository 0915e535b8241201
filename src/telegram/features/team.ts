// /team: the owner's invite links (one-time, 24 h), the members list with buttons to change a role or remove
// someone, and /start <token> that lets the invited person in. Removal and a lost role take effect at once:
// what the member's access had put on its way (deliveries, pages, choices) is taken back.
import { Composer } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { formatDateTime } from '../../domain/format/dates.js';
import type { Html } from '../../domain/format/html.js';
import { clipLine } from '../../domain/format/text.js';
import { botText } from '../../domain/i18n/bot.js';
import { teamText } from '../../domain/i18n/team.js';
import { fromUnixSeconds, unixSeconds } from '../../domain/justclick.js';
import type { MemberRole } from '../../domain/roles.js';
import type { LinkedAccount } from '../../store/accounts.js';
import { INVITE_TOKEN } from '../../store/team.js';
import { chatAccounts } from '../../store/chats.js';
import { accountDomain, type BotContext, type Services } from '../context.js';

/**
 * Buttons name the account and the member: `team:role:<accountId>:<userId>:<m|v>`, `team:rm:<accountId>:<userId>`
 * (asks), `team:rmy:…` (confirmed), `team:no:<accountId>`; at most 46 bytes, under Telegram's 64.
 */
const ROLE_PRESS = /^team:role:(\d{1,16}):(\d{1,16}):([mv])$/;
const REMOVE_PRESS = /^team:rm(y?):(\d{1,16}):(\d{1,16})$/;
const CANCEL_PRESS = /^team:no:(\d{1,16})$/;
const ROLE_CODE: Record<MemberRole, string> = { manager: 'm', viewer: 'v' };

const INVITE_WORDS: Record<string, MemberRole> = {
  manager: 'manager',
  менеджер: 'manager',
  viewer: 'viewer',
  наблюдатель: 'viewer',
};

/** How a member is named in the owner's list: @username, else their name as Telegram gives it. */
function memberName(from: { username?: string; first_name: string; last_name?: string }): string {
  return clipLine(from.username ? `@${from.username}` : [from.first_name, from.last_name ?? ''].join(' '), 64);
}

/**
 * A member's access to the account ended or shrank. Removed: their private chat stops being fed by the account
 * (alerts, digest, reports, goal, card), its unsent deliveries and ledger go, and so do the pages and choices they
 * were shown. Demoted: the pages they were shown with full contacts go.
 */
async function forgetMemberAccess(s: Services, accountId: number, memberId: number, removed: boolean): Promise<void> {
  await s.pages.forgetUser(accountId, memberId);
  if (!removed) return;
  await s.choices.forgetUser(memberId);
  // A member's private chat has the member's id; it is the account's only while the account feeds it.
  if (!chatAccounts(await s.chats.get(memberId)).includes(accountId)) return;
  // Their chat may get the alerts of their own accounts too: those go on.
  if ((await s.engine.alerts.stopFeed(memberId, accountId)).length > 0) return void (await s.engine.forgetDeliveries(accountId, [memberId]));
  await s.engine.alerts.disable(memberId);
  await s.engine.digests.unschedule(memberId);
  await s.engine.reports.unschedule(memberId);
  await s.engine.cards.stop(memberId);
  await s.chats.update(memberId, { ownerId: null, alerts: null, digest: null, weeklyReport: null, monthlyReport: null, goal: null });
  await s.engine.forgetDeliveries(accountId, [memberId]);
}

/**
 * A member leaves a team on their own (from /accounts): as a removal, and their choice of the account ends with
 * it. False when they were not in it.
 */
export async function leaveTeam(s: Services, accountId: number, memberId: number): Promise<boolean> {
  if (!(await s.team.remove(accountId, memberId))) return false;
  await forgetMemberAccess(s, accountId, memberId, true);
  await s.accounts.forgetChoice(memberId, accountId);
  return true;
}

export function teamFeature(s: Services): Composer<BotContext> {
  const { gateway } = s;
  const feature = new Composer<BotContext>();

  /** The user's current account when they own it, or an answer saying why there is none. */
  const ownedAccount = async (ctx: BotContext): Promise<LinkedAccount | null> => {
    const userId = ctx.from!.id;
    const account = await s.accounts.current(userId);
    if (account && (await s.team.roleOf(userId, account.ownerId)) === 'owner') return account;
    const member = (await s.team.teamsOf(userId)).length > 0;
    await gateway.sendHtml(ctx.chat!.id, member ? teamText[ctx.lang].ownerOnly : botText[ctx.lang].notLinked);
    return null;
  };

  const listMessage = async (ctx: BotContext, account: LinkedAccount): Promise<{ html: Html; keyboard: InlineKeyboardButton[][] }> => {
    const text = teamText[ctx.lang];
    const members = await s.team.members(account.ownerId);
    const listed = members.map((m) => ({ name: m.name, role: m.role, since: formatDateTime(fromUnixSeconds(m.since), ctx.timeZone, ctx.lang) }));
    const keyboard = members.map((m) => {
      const other: MemberRole = m.role === 'manager' ? 'viewer' : 'manager';
      return [
        { text: `${clipLine(m.name, 24)}: ${text.makeRole(other)}`, callback_data: `team:role:${account.ownerId}:${m.userId}:${ROLE_CODE[other]}` },
        { text: text.removeButton, callback_data: `team:rm:${account.ownerId}:${m.userId}` },
      ];
    });
    return { html: text.list(accountDomain(account.creds), listed), keyboard };
  };

  feature.command('team', async (ctx) => {
    const text = teamText[ctx.lang];
    if (ctx.chat.type !== 'private') return void (await gateway.sendHtml(ctx.chat.id, text.privateOnly));
    const [word = '', roleWord = '', ...rest] = ctx.payload.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const inviting = word === 'invite' || word === 'пригласить';
    if ((word !== '' && !inviting) || (inviting && (INVITE_WORDS[roleWord] === undefined || rest.length > 0))) {
      return void (await gateway.sendHtml(ctx.chat.id, text.usage));
    }
    const account = await ownedAccount(ctx);
    if (!account) return;
    if (!inviting) {
      const { html, keyboard } = await listMessage(ctx, account);
      await gateway.sendHtml(ctx.chat.id, html, keyboard.length > 0 ? { keyboard: { inline_keyboard: keyboard } } : {});
      return;
    }
    const role = INVITE_WORDS[roleWord]!;
    const username = ctx.botInfo?.username;
    if (!username) return void (await gateway.sendHtml(ctx.chat.id, text.noLink));
    const { token, expiresAt } = await s.team.invite(account.ownerId, role, ctx.from.id, unixSeconds(s.now()));
    // The token is a key to the account until used: it goes to the owner and nowhere else (no log line).
    ctx.log.info({ role }, 'team invite made');
    const expires = formatDateTime(fromUnixSeconds(expiresAt), ctx.timeZone, ctx.lang);
    await gateway.sendHtml(ctx.chat.id, text.invite(role, `https://t.me/${username}?start=${token}`, expires));
  });

  // /start <token>: an invite. Any other /start goes on to the welcome (start.ts).
  feature.command('start', async (ctx, next) => {
    const token = ctx.payload.trim();
    if (!INVITE_TOKEN.test(token)) return next();
    const text = teamText[ctx.lang];
    if (ctx.chat.type !== 'private') return void (await gateway.sendHtml(ctx.chat.id, text.privateOnly));
    const redeemed = await s.team.redeem(token, { id: ctx.from.id, name: memberName(ctx.from) }, unixSeconds(s.now()));
    if (!redeemed.ok) {
      ctx.log.info({ reason: redeemed.reason }, 'team invite refused');
      const answers: Record<typeof redeemed.reason, Html> = {
        unknown: text.inviteUnknown,
        expired: text.inviteExpired,
        used: text.inviteUsed,
        'own-account': text.inviteOwn,
        'already-member': text.alreadyMember,
      };
      await gateway.sendHtml(ctx.chat.id, answers[redeemed.reason]);
      return;
    }
    const account = await s.accounts.get(redeemed.accountId);
    ctx.log.info({ accountId: redeemed.accountId, role: redeemed.role }, 'joined a team');
    await gateway.sendHtml(ctx.chat.id, text.joined(redeemed.role, account ? accountDomain(account.creds) : ''));
    if (!account) return;
    const ownerLang = (await s.chats.get(account.linkedBy)).lang ?? ctx.lang;
    await gateway
      .sendHtml(account.linkedBy, teamText[ownerLang].ownerToldJoined(memberName(ctx.from), redeemed.role))
      .catch((err: unknown) => ctx.log.warn({ err: { message: (err as Error).message } }, 'could not tell the owner about a new member'));
  });

  /** A press on the members list: only the named account's owner's count. */
  const ownerPressing = async (ctx: BotContext, accountId: number): Promise<LinkedAccount | null> => {
    const account = ctx.from && (await s.team.roleOf(ctx.from.id, accountId)) === 'owner' ? await s.accounts.get(accountId) : null;
    if (account) return account;
    await gateway.answerCallback(ctx.callbackQuery!.id, botText[ctx.lang].staleButton, true);
    return null;
  };

  /** Tells the member what changed, in their own chat; a member who blocked the bot is simply not told. */
  const tellMember = async (ctx: BotContext, memberId: number, say: (lang: BotContext['lang']) => Html): Promise<void> => {
    const lang = (await s.chats.get(memberId)).lang ?? (await s.chats.getUser(memberId)).lang ?? ctx.lang;
    await gateway.sendHtml(memberId, say(lang)).catch((err: unknown) => ctx.log.info({ err: { message: (err as Error).message } }, 'member not told'));
  };

  const showList = async (ctx: BotContext, account: LinkedAccount, note: Html | null): Promise<void> => {
    const shown = ctx.callbackQuery?.message;
    if (!shown) return;
    const { html, keyboard } = await listMessage(ctx, account);
    await gateway.editHtml(shown.chat.id, shown.message_id, note ? (`${note}\n\n${html}` as Html) : html, { inline_keyboard: keyboard });
  };

  feature.action(ROLE_PRESS, async (ctx) => {
    const account = await ownerPressing(ctx, Number(ctx.match[1]));
    if (!account) return;
    const text = teamText[ctx.lang];
    const memberId = Number(ctx.match[2]);
    const role: MemberRole = ctx.match[3] === 'm' ? 'manager' : 'viewer';
    const member = await s.team.member(account.ownerId, memberId);
    if (!member || !(await s.team.setRole(account.ownerId, memberId, role))) {
      await gateway.answerCallback(ctx.callbackQuery.id, text.notAMember, true);
      return showList(ctx, account, null);
    }
    // Effective at once: every command asks roleOf, and so does every delivery when it is sent.
    if (role === 'viewer') await forgetMemberAccess(s, account.ownerId, memberId, false);
    ctx.log.info({ memberId, role }, 'team role changed');
    await gateway.answerCallback(ctx.callbackQuery.id);
    await showList(ctx, account, text.roleChanged(member.name, role));
    await tellMember(ctx, memberId, (lang) => teamText[lang].yourRoleChanged(accountDomain(account.creds), role));
  });

  feature.action(REMOVE_PRESS, async (ctx) => {
    const account = await ownerPressing(ctx, Number(ctx.match[2]));
    if (!account) return;
    const text = teamText[ctx.lang];
    const confirmed = ctx.match[1] === 'y';
    const memberId = Number(ctx.match[3]);
    const member = await s.team.member(account.ownerId, memberId);
    const shown = ctx.callbackQuery.message;
    if (!member || !shown) {
      await gateway.answerCallback(ctx.callbackQuery.id, text.notAMember, true);
      return showList(ctx, account, null);
    }
    if (!confirmed) {
      await gateway.answerCallback(ctx.callbackQuery.id);
      await gateway.editHtml(shown.chat.id, shown.message_id, text.confirmRemove(member.name), {
        inline_keyboard: [
          [
            { text: text.yesRemove, callback_data: `team:rmy:${account.ownerId}:${memberId}` },
            { text: text.cancel, callback_data: `team:no:${account.ownerId}` },
          ],
        ],
      });
      return;
    }
    await s.team.remove(account.ownerId, memberId);
    await forgetMemberAccess(s, account.ownerId, memberId, true);
    ctx.log.info({ memberId }, 'team member removed');
    await gateway.answerCallback(ctx.callbackQuery.id);
    await showList(ctx, account, text.removed(member.name));
    await tellMember(ctx, memberId, (lang) => teamText[lang].youWereRemoved(accountDomain(account.creds)));
  });

  feature.action(CANCEL_PRESS, async (ctx) => {
    const account = await ownerPressing(ctx, Number(ctx.match[1]));
    if (!account) return;
    await gateway.answerCallback(ctx.callbackQuery.id);
    await showList(ctx, account, null);
  });

  return feature;
}
