// Who may do what: whose JustClick account a chat's questions go to, who binds a group to an account, and who
// may change a chat's settings. Every decision is made here, so features only ask and answer.
import type { Chat, ChatMember } from 'telegraf/types';
import type { Html } from '../domain/format/html.js';
import { accountsText } from '../domain/i18n/accounts.js';
import { botText } from '../domain/i18n/bot.js';
import { groupsText } from '../domain/i18n/groups.js';
import { notifyText } from '../domain/i18n/notify.js';
import { unixSeconds } from '../domain/justclick.js';
import type { LinkedAccount } from '../store/accounts.js';
import { mayUseAccount } from '../store/bindings.js';
import { chatAccounts, type ChatSettings } from '../store/chats.js';
import { pickedAccount } from './account-pick.js';
import { accountLabel, type BotContext, type Services } from './context.js';
import { may } from '../domain/roles.js';
import { teamText } from '../domain/i18n/team.js';

export type Access<T> = { ok: true; value: T } | { ok: false; reply: Html };

const denied = (reply: Html): { ok: false; reply: Html } => ({ ok: false, reply });

/**
 * The account the asker means when no binding decides: the one "@login" in the words picks among those they may
 * use (own first), else their current one (own, or a team's they chose), else their first own, else the team
 * they joined first. A "@login" that names none of theirs is refused, naming theirs. `ctx.role` is their role on
 * THAT account. A chosen team account they lost is said once, in their private chat, before the answer.
 */
async function askersAccount(s: Services, ctx: BotContext, userId: number): Promise<Access<LinkedAccount | null>> {
  const picked = await pickedAccount(s, ctx);
  if (!picked.ok) return picked;
  if (picked.value) {
    ctx.role = picked.value.role;
    return { ok: true, value: picked.value.account };
  }
  const { account, lost } = await s.accounts.currentChoice(userId);
  if (lost && ctx.chat?.type === 'private') {
    await s.accounts.forgetChoice(userId, lost.accountId);
    await s.gateway.sendHtml(ctx.chat.id, accountsText[ctx.lang].lostAccess(accountLabel(lost), account ? accountLabel(account) : null));
  }
  const role = account ? await s.team.roleOf(userId, account.accountId) : undefined;
  if (!account || role === undefined) return { ok: true, value: null };
  ctx.role = role;
  return { ok: true, value: account };
}

/** The member as Telegram knows them now (never a cached answer); null when Telegram did not answer. */
async function memberOf(s: Services, ctx: BotContext, chatId: number, userId: number): Promise<ChatMember | null> {
  try {
    return await s.gateway.getChatMember(chatId, userId);
  } catch (err) {
    // The gateway's errors never quote the request URL (with the bot token in it).
    ctx.log.warn({ err: { message: (err as Error).message } }, 'getChatMember failed; treating as not an admin');
    return null;
  }
}

const isAdmin = (member: ChatMember | null): boolean => member?.status === 'creator' || member?.status === 'administrator';

/** May this member post in a channel: its creator, or an admin with the right to post. */
const mayPost = (member: ChatMember | null): boolean =>
  member?.status === 'creator' || (member?.status === 'administrator' && member.can_post_messages === true);

/** True for the chat's creator and administrators (Telegram's own answer). */
export async function isChatAdmin(s: Services, ctx: BotContext, chatId: number, userId: number): Promise<boolean> {
  return isAdmin(await memberOf(s, ctx, chatId, userId));
}

/**
 * The account a group or channel is bound to and who bound it; null when it is not bound, or its binder may no
 * longer use the account (the binding is then as good as gone: the membership check removes it).
 */
export async function chatBinding(s: Services, chat: ChatSettings): Promise<{ account: LinkedAccount; by: number; at: number | null } | null> {
  if (chat.ownerId === undefined) return null;
  const by = chat.binding?.by ?? chat.ownerId;
  const account = await mayUseAccount(s.accounts, by, chat.ownerId);
  return account ? { account, by, at: chat.binding?.at ?? null } : null;
}

/**
 * Binds the group to the asker's account: only an admin of the group (asked of Telegram now) who has an
 * account may. The binding is then re-checked over time (src/jobs/membership.ts).
 */
export async function bindGroup(s: Services, ctx: BotContext): Promise<Access<LinkedAccount>> {
  const text = groupsText[ctx.lang];
  const userId = ctx.from?.id;
  const chatId = ctx.chat?.id;
  if (userId === undefined || chatId === undefined) return denied(text.bindNotAdmin);
  const mine = await askersAccount(s, ctx, userId);
  if (!mine.ok) return mine;
  const account = mine.value;
  if (!(await isChatAdmin(s, ctx, chatId, userId))) return denied(text.bindNotAdmin);
  if (!account) return denied(text.bindNotLinked);
  // A team member never binds a group to the owner's account: routing is the owner's.
  if (!may(ctx.role, 'routing')) return denied(teamText[ctx.lang].ownerOnly);
  // Alerts and digests are sent later, with no user to take the language from: the chat keeps it.
  ctx.chatSettings = await s.chats.update(chatId, {
    ownerId: account.ownerId,
    binding: { by: userId, at: unixSeconds(s.now()) },
    lang: ctx.chatSettings.lang ?? ctx.lang,
  });
  await s.engine.groups.bound(chatId);
  ctx.log.info({ chatId }, 'group bound to an account');
  return { ok: true, value: account };
}

/**
 * The account whose orders this chat may see, for the user asking. In a private chat: the user's own. In a
 * group: the account it is bound to, for those who may use that account (contacts masked); a group nobody
 * bound yet is bound when one of its admins with an account asks, and nobody else's question ever binds it.
 */
export async function accountForQuery(s: Services, ctx: BotContext): Promise<Access<LinkedAccount>> {
  const userId = ctx.from?.id;
  const chatId = ctx.chat?.id;
  if (userId === undefined || chatId === undefined) return denied(botText[ctx.lang].notLinked);
  if (ctx.chat?.type === 'private') {
    const mine = await askersAccount(s, ctx, userId);
    if (!mine.ok) return mine;
    return mine.value ? { ok: true, value: mine.value } : denied(botText[ctx.lang].notLinked);
  }
  const binding = await chatBinding(s, ctx.chatSettings);
  if (binding) {
    // Only who may use the bound account asks it here (design: the person who linked it, and the team); they may
    // name another of theirs with "@login".
    const role = await s.team.roleOf(userId, binding.account.ownerId);
    if (role === undefined) return denied(botText[ctx.lang].notYourAccount);
    const picked = await pickedAccount(s, ctx);
    if (!picked.ok) return picked;
    // What they may do here is their role on the account asked about: a picked team account is never the owner's.
    ctx.role = picked.value?.role ?? role;
    return { ok: true, value: picked.value?.account ?? binding.account };
  }
  // Only an admin with an account could bind it: ask Telegram only then.
  const mine = await askersAccount(s, ctx, userId);
  if (!mine.ok) return mine;
  if (!mine.value || !(await isChatAdmin(s, ctx, chatId, userId))) return denied(groupsText[ctx.lang].notBound);
  return bindGroup(s, ctx);
}

/**
 * May this user change the chat's settings (time zone, language) or switch its alerts, digest and reports
 * off? Always in a private chat; in a group or channel, any of its admins, bound or not.
 */
export async function mayConfigureChat(s: Services, ctx: BotContext): Promise<Access<true>> {
  const userId = ctx.from?.id;
  const chatId = ctx.chat?.id;
  if (userId === undefined || chatId === undefined) return denied(groupsText[ctx.lang].notAdmin);
  if (ctx.chat?.type === 'private') return { ok: true, value: true };
  return (await isChatAdmin(s, ctx, chatId, userId)) ? { ok: true, value: true } : denied(groupsText[ctx.lang].notAdmin);
}

/**
 * May this user point alerts, a digest or reports of an account at this chat? In a private chat, their own
 * account. In a group: an admin who may use the account the group is bound to, or, in a group nobody bound,
 * an admin with an account (which binds it). `adding`: the account's alerts are added to those the private chat
 * already gets (alerts.ts), so the account feeding it is not replaced.
 */
export async function accountForNotifications(s: Services, ctx: BotContext, options: { adding?: boolean } = {}): Promise<Access<LinkedAccount>> {
  const userId = ctx.from?.id;
  const chatId = ctx.chat?.id;
  if (userId === undefined || chatId === undefined) return denied(botText[ctx.lang].notLinked);
  if (ctx.chat?.type === 'private') {
    const mine = await askersAccount(s, ctx, userId);
    if (!mine.ok) return mine;
    const account = mine.value;
    if (!account) return denied(botText[ctx.lang].notLinked);
    const feeding = ctx.chatSettings.ownerId;
    // A chat several accounts feed keeps them all: only /alerts changes that (one more, or one fewer).
    const replaces = !options.adding && feeding !== account.accountId && chatAccounts(ctx.chatSettings).length <= 1;
    if (replaces || !ctx.chatSettings.lang) {
      // Another account now feeds the chat: alerts of the one before stop, and switching them on again starts
      // over (a fresh `since` and baseline), so that the new account's past sales are never alerted.
      const alerts = replaces && ctx.chatSettings.alerts?.on ? { alerts: { on: false, since: ctx.chatSettings.alerts.since } } : {};
      ctx.chatSettings = await s.chats.update(chatId, {
        ...(replaces ? { ownerId: account.accountId } : {}),
        lang: ctx.chatSettings.lang ?? ctx.lang,
        ...alerts,
      });
    }
    return { ok: true, value: account };
  }
  const binding = await chatBinding(s, ctx.chatSettings);
  if (!binding) {
    const mine = await askersAccount(s, ctx, userId);
    if (!mine.ok) return mine;
    if (!mine.value || !(await isChatAdmin(s, ctx, chatId, userId))) return denied(botText[ctx.lang].notChatAdmin);
    return bindGroup(s, ctx);
  }
  const account = await mayUseAccount(s.accounts, userId, binding.account.ownerId);
  if (!account) return denied(groupsText[ctx.lang].notYourBinding);
  if (!(await isChatAdmin(s, ctx, chatId, userId))) return denied(botText[ctx.lang].notChatAdmin);
  if (!ctx.chatSettings.lang) ctx.chatSettings = await s.chats.update(chatId, { lang: ctx.lang });
  return { ok: true, value: account };
}

function chatTitle(chat: Chat): string {
  const named = chat as { id: number; title?: string; first_name?: string };
  return named.title ?? named.first_name ?? String(named.id);
}

/**
 * May this user switch alerts on or off, from their private chat, for a channel or group named by @username
 * or id? Checked against Telegram, not against what the user says: they must administer it (in a channel,
 * with the right to post); switching on also needs their own account, a chat not bound to someone else's,
 * and, in a channel, the bot's right to post. Switching on binds the chat to their account.
 */
export async function otherChatForAlerts(
  s: Services,
  ctx: BotContext,
  targetInput: string,
  on: boolean,
): Promise<Access<{ chat: Chat; title: string; settings: ChatSettings; account: LinkedAccount | null }>> {
  const text = notifyText[ctx.lang];
  const userId = ctx.from!.id;
  let chat: Chat;
  try {
    chat = await s.gateway.getChat(/^-?\d+$/.test(targetInput) ? Number(targetInput) : targetInput);
  } catch {
    return denied(text.targetUnknown(targetInput));
  }
  const title = chatTitle(chat);
  const member = chat.type === 'private' ? null : await memberOf(s, ctx, chat.id, userId);
  if (!isAdmin(member)) return denied(text.targetNotAdmin(title));
  const settings = await s.chats.get(chat.id);
  // Any admin may switch alerts off.
  if (!on) return { ok: true, value: { chat, title, settings, account: null } };
  if (chat.type === 'channel' && !mayPost(member)) return denied(groupsText[ctx.lang].targetCannotPost(title));
  // Switching on points the user's current account at the chat (or the one "@login" picks).
  const mine = await askersAccount(s, ctx, userId);
  if (!mine.ok) return mine;
  const account = mine.value;
  if (!account) return denied(botText[ctx.lang].notLinked);
  // A team account (current or picked) is routed by its owner alone: a member's binding would count for nothing.
  if (!may(ctx.role, 'routing')) return denied(teamText[ctx.lang].ownerOnly);
  const binding = await chatBinding(s, settings);
  if (binding && !(await mayUseAccount(s.accounts, userId, binding.account.ownerId))) return denied(text.targetTaken(title));
  if (chat.type === 'channel' && !mayPost(await memberOf(s, ctx, chat.id, ctx.botInfo.id))) return denied(text.botCannotPost(title));
  const bound = binding ? settings : await s.chats.update(chat.id, { ownerId: account.ownerId, binding: { by: userId, at: unixSeconds(s.now()) } });
  if (!binding) await s.engine.groups.bound(chat.id);
  return { ok: true, value: { chat, title, settings: bound, account: binding ? binding.account : account } };
}
