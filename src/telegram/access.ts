// Who may do what: whose JustClick account a chat's questions go to, and who may change a group's
// settings. Every decision is made here, so features only ask and answer.
import type { Chat } from 'telegraf/types';
import type { Html } from '../domain/format/html.js';
import { botText } from '../domain/i18n/bot.js';
import { notifyText } from '../domain/i18n/notify.js';
import type { LinkedAccount } from '../store/accounts.js';
import type { ChatSettings } from '../store/chats.js';
import { mayUseAccount, pickedAccount } from './account-pick.js';
import type { BotContext, Services } from './context.js';

export type Access<T> = { ok: true; value: T } | { ok: false; reply: Html };

const denied = (reply: Html): { ok: false; reply: Html } => ({ ok: false, reply });

/**
 * The account whose orders this chat may see, for the user asking. In a private chat: the user's own.
 * In a group: the account of whoever feeds the chat, asked for only by that person; a group nobody
 * feeds yet becomes fed by the first linked member who asks.
 */
export async function accountForQuery(s: Services, ctx: BotContext): Promise<Access<LinkedAccount>> {
  const asker = await linkedAsker(s, ctx);
  if (!asker.ok) return asker;
  const { account, chatId, owner, privateChat, ownersChat } = asker.value;
  // A chat fed by none of the asker's accounts becomes fed by the one asked about; a private chat keeps its feed
  // (alerts of one account) while its owner asks about another.
  if (!ownersChat && !(privateChat && owner !== undefined)) ctx.chatSettings = await s.chats.update(chatId, { ownerId: account.accountId });
  return { ok: true, value: account };
}

/**
 * The account the asker means: the one "@login" picks, else in a group the account feeding it (when the asker
 * may use it), else their current one; refused in a group fed by an account (still linked) they may not use.
 * The part every who-may-use-which-account decision starts with. `owner` is the account feeding the chat;
 * `ownersChat`: the asker may use that account.
 */
async function linkedAsker(
  s: Services,
  ctx: BotContext,
): Promise<Access<{ account: LinkedAccount; userId: number; chatId: number; privateChat: boolean; owner: number | undefined; ownersChat: boolean }>> {
  const text = botText[ctx.lang];
  const userId = ctx.from?.id;
  const chatId = ctx.chat?.id;
  if (userId === undefined || chatId === undefined) return denied(text.notLinked);
  const privateChat = ctx.chat?.type === 'private';
  const owner = ctx.chatSettings.ownerId;
  const ownersChat = owner !== undefined && (await mayUseAccount(s, userId, owner));
  // The chat's owner may have unlinked since; then the chat is free again.
  if (!privateChat && owner !== undefined && !ownersChat && (await s.accounts.get(owner))) return denied(text.notYourAccount);
  const picked = await pickedAccount(s, ctx);
  if (!picked.ok) return picked;
  const account = picked.value ?? (!privateChat && ownersChat ? await s.accounts.get(owner!) : null) ?? (await s.accounts.current(userId));
  if (!account) return denied(privateChat ? text.notLinked : text.notLinkedInGroup);
  return { ok: true, value: { account, userId, chatId, privateChat, owner, ownersChat } };
}

/** True for the chat's creator and administrators (Telegram's own answer, not a cached one). */
async function isChatAdmin(s: Services, ctx: BotContext, chatId: number, userId: number): Promise<boolean> {
  try {
    const member = await s.gateway.getChatMember(chatId, userId);
    return member.status === 'creator' || member.status === 'administrator';
  } catch (err) {
    // The gateway's errors never quote the request URL (with the bot token in it).
    ctx.log.warn({ err: { message: (err as Error).message } }, 'getChatMember failed; treating as not an admin');
    return false;
  }
}

/**
 * May this user change the chat's settings (time zone, language)? Always in a private chat; in a
 * group, the member whose account feeds it, or an administrator while nobody does.
 */
export async function mayConfigureChat(s: Services, ctx: BotContext): Promise<Access<true>> {
  const userId = ctx.from?.id;
  const chatId = ctx.chat?.id;
  if (userId === undefined || chatId === undefined) return denied(botText[ctx.lang].notChatAdmin);
  if (ctx.chat?.type === 'private') return { ok: true, value: true };
  const owner = ctx.chatSettings.ownerId;
  if (owner !== undefined && (await mayUseAccount(s, userId, owner))) return { ok: true, value: true };
  if (owner !== undefined && (await s.accounts.get(owner))) return denied(botText[ctx.lang].notChatAdmin);
  return (await isChatAdmin(s, ctx, chatId, userId)) ? { ok: true, value: true } : denied(botText[ctx.lang].notChatAdmin);
}

/**
 * May this user point their account's alerts or digest at this chat? They need a linked account; in a
 * group they must be an administrator, and the chat must not be fed by someone else's account.
 */
export async function accountForNotifications(s: Services, ctx: BotContext): Promise<Access<LinkedAccount>> {
  const asker = await linkedAsker(s, ctx);
  if (!asker.ok) return asker;
  const { account, userId, chatId, privateChat, owner } = asker.value;
  if (!privateChat && !(await isChatAdmin(s, ctx, chatId, userId))) return denied(botText[ctx.lang].notChatAdmin);
  // Alerts and digests are sent later, with no user to take the language from: the chat keeps it.
  if (owner !== account.accountId || !ctx.chatSettings.lang) {
    // Another account now feeds the chat: alerts of the one before stop, and switching them on again starts
    // over (a fresh `since` and baseline), so that the new account's past sales are never alerted.
    const alerts = owner !== account.accountId && ctx.chatSettings.alerts?.on ? { alerts: { on: false, since: ctx.chatSettings.alerts.since } } : {};
    ctx.chatSettings = await s.chats.update(chatId, { ownerId: account.accountId, lang: ctx.chatSettings.lang ?? ctx.lang, ...alerts });
  }
  return { ok: true, value: account };
}

function chatTitle(chat: Chat): string {
  const named = chat as { id: number; title?: string; first_name?: string };
  return named.title ?? named.first_name ?? String(named.id);
}

/**
 * May this user switch alerts on or off, from their private chat, for a channel or group named by @username
 * or id? Checked against Telegram, not against what the user says: they must administer it, and it must not
 * be fed by someone else's account; switching on also needs their own linked account and, in a channel, the
 * bot's right to post (channel posts carry no sender to check later).
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
  if (chat.type === 'private' || !(await isChatAdmin(s, ctx, chat.id, userId))) return denied(text.targetNotAdmin(title));
  const settings = await s.chats.get(chat.id);
  if (settings.ownerId !== undefined && !(await mayUseAccount(s, userId, settings.ownerId)) && (await s.accounts.get(settings.ownerId))) {
    return denied(text.targetTaken(title));
  }
  // Switching on points the user's current account at the chat.
  const account = on ? await s.accounts.current(userId) : null;
  if (on && !account) return denied(botText[ctx.lang].notLinked);
  if (on && chat.type === 'channel' && !(await isChatAdmin(s, ctx, chat.id, ctx.botInfo.id))) return denied(text.botCannotPost(title));
  return { ok: true, value: { chat, title, settings, account } };
}
