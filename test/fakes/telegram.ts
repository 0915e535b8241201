// A strict fake Telegram Bot API server on 127.0.0.1 for tests: it answers like Telegram (shapes, error texts),
// refuses what Telegram refuses (bad HTML, too long, bad buttons), records every call and shows what a user sees.
// The parts live in ./telegram/: wire format, server, methods, checks, chats, updates, faults.
import type { BotCommand, Update, User } from 'telegraf/types';
import { waitFor as waitUntil } from '../support/wait.js';
import { Chats, type ChatSpec, type MemberRights, type MemberStatus, type SentMessage, type UserSpec } from './telegram/chats.js';
import { Faults, type InjectedFailure, type InjectOptions } from './telegram/faults.js';
import { botApiMethods } from './telegram/methods.js';
import { listenAsTelegram, type RecordedCall } from './telegram/server.js';
import { Updates, type Webhook } from './telegram/updates.js';

export type { ChatSpec, MemberRights, MemberStatus, SentMessage, UserSpec } from './telegram/chats.js';
export type { InjectedFailure } from './telegram/faults.js';
export type { RecordedCall } from './telegram/server.js';

export interface FakeTelegram {
  apiRoot: string;
  token: string;
  bot: User;
  calls: RecordedCall[];
  /** The bot's visible messages, in the order they were sent; one chat's when `chatId` is given. */
  sent(chatId?: number): SentMessage[];
  /** Messages deleted by the bot (its own or users'). */
  deleted(chatId?: number): { chatId: number; messageId: number }[];
  /**
   * The next `times` matching calls (default 1; Infinity for "from now on") fail as described, after
   * letting `skip` matching calls through (default 0): e.g. the second part of a split message.
   */
  inject(method: string, failure: InjectedFailure, opts?: InjectOptions): void;
  /** Drops every pending injection: Telegram answers normally again. */
  clearInjections(): void;
  /** Queues an update for getUpdates (and wakes a waiting long poll). */
  pushUpdate(update: Update): Update;
  makeUpdate: {
    /** A text message from a user; in their private chat unless `chat` is given. Commands get their entity. */
    message(opts: { from: number | UserSpec; chat?: ChatSpec; text: string; replyTo?: number }): Update.MessageUpdate;
    /** A button press on a message the bot sent. */
    callback(opts: { from: number | UserSpec; chat?: ChatSpec; messageId: number; data: string }): Update.CallbackQueryUpdate;
    /** The bot's own membership changed (added to a group, blocked by a user, kicked). */
    myChatMember(opts: { from: number | UserSpec; chat?: ChatSpec; status: MemberStatus; rights?: MemberRights }): Update.MyChatMemberUpdate;
    /** Another member's status changed (sent only to a bot that asked for chat_member in allowed_updates). */
    chatMember(opts: { from: number | UserSpec; chat: ChatSpec; user: number | UserSpec; status: MemberStatus }): Update.ChatMemberUpdate;
  };
  /** Pushes a message update: `makeUpdate.message` + `pushUpdate`. */
  say(opts: { from: number | UserSpec; chat?: ChatSpec; text: string; replyTo?: number }): Update.MessageUpdate;
  /** Pushes a button press: `makeUpdate.callback` + `pushUpdate`. */
  press(opts: { from: number | UserSpec; chat?: ChatSpec; messageId: number; data: string }): Update.CallbackQueryUpdate;
  /** What getChatMember answers for this user in this chat (default: member); an admin's rights default to granted. */
  setMember(chatId: number, userId: number, status: MemberStatus, rights?: MemberRights): void;
  /** Resolves once getUpdates has confirmed (by a later offset) every update pushed so far. */
  waitUntilHandled(timeoutMs?: number): Promise<void>;
  /** Polls `predicate` until it holds. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  /** Commands set with setMyCommands for a language ('' = default) and scope type ('default'). */
  commands(languageCode?: string, scopeType?: string): BotCommand[] | undefined;
  webhook(): Webhook | null;
  /** POSTs an update to the webhook set with setWebhook, like Telegram; answers the HTTP status. */
  deliverWebhook(update: Update): Promise<number>;
  close(): Promise<void>;
}

export async function startFakeTelegram(opts: { token?: string } = {}): Promise<FakeTelegram> {
  const token = opts.token ?? '123456:fake-token-for-the-loopback-bot-api';
  const botId = Number(token.split(':')[0]) || 7000000001;
  const bot: User = { id: botId, is_bot: true, first_name: 'JustClick Test Bot', username: 'jc_test_bot' };

  const calls: RecordedCall[] = [];
  const chats = new Chats(bot);
  const updates = new Updates(chats);
  const faults = new Faults();
  const commandSets = new Map<string, BotCommand[]>();
  const methods = botApiMethods({ bot, chats, updates, commandSets });
  const { server, port } = await listenAsTelegram({ token, calls, faults, methods });

  const waitFor = (predicate: () => boolean, timeoutMs = 5_000): Promise<void> =>
    waitUntil(predicate, { timeoutMs, intervalMs: 10, message: 'a condition on the fake Telegram' });

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    bot,
    calls,
    sent: (chatId) => chats.sent(chatId),
    deleted: (chatId) => chats.deleted(chatId),
    inject: (method, failure, injectOpts) => faults.inject(method, failure, injectOpts),
    clearInjections: () => faults.clear(),
    pushUpdate: (update) => updates.push(update),
    makeUpdate: {
      message: (o) => updates.message(o),
      callback: (o) => updates.callback(o),
      myChatMember: (o) => updates.myChatMember(o),
      chatMember: (o) => updates.chatMember(o),
    },
    say: (o) => updates.push(updates.message(o)) as Update.MessageUpdate,
    press: (o) => updates.push(updates.callback(o)) as Update.CallbackQueryUpdate,
    setMember: (chatId, userId, status, rights) => chats.setMember(chatId, userId, status, rights),
    // Confirmed updates leave the queue; telegraf confirms a batch only after handling all of it.
    waitUntilHandled: (timeoutMs) => waitFor(() => updates.pending === 0, timeoutMs),
    waitFor,
    commands: (languageCode = '', scopeType = 'default') => commandSets.get(`${scopeType}|${languageCode}`),
    webhook: () => updates.webhook,
    deliverWebhook: (update) => updates.deliverWebhook(update),
    close: async () => {
      updates.release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
