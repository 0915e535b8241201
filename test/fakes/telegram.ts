// A strict fake Telegram Bot API server on 127.0.0.1 for tests: it answers like Telegram (shapes, error texts),
// refuses what Telegram refuses (bad HTML, too long, bad buttons), records every call and shows what a user sees.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotCommand, Chat, InlineKeyboardButton, Message, Update, User } from 'telegraf/types';
import { parseTelegramHtml, type Entity } from '../support/telegram-html.js';
import { waitFor as waitUntil } from '../support/wait.js';

export interface RecordedCall {
  method: string;
  /** As received; uploaded files appear as `{ filename, contentType, content }`. */
  payload: Record<string, unknown>;
  /** Date.now() when it arrived. */
  at: number;
  /** What the fake answered when it refused the call. */
  error?: { code: number; description: string };
}

export interface UploadedFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A button as the user sees it. */
export interface SeenButton {
  text: string;
  data?: string;
  url?: string;
}

/** A message from the bot as the user sees it now (edits applied, deleted ones left out). */
export interface SentMessage {
  chatId: number;
  messageId: number;
  /** Visible text (entities parsed); the caption for documents. */
  text: string;
  entities: Entity[];
  keyboard?: SeenButton[][];
  document?: UploadedFile;
  silent: boolean;
  replyTo?: number;
  edited: boolean;
}

export type InjectedFailure =
  | { code: 429; retryAfter: number; description?: string }
  | { code: 400; description?: string; migrateToChatId?: number }
  | { code: number; description?: string }
  /** The connection is dropped without an answer. */
  | { network: 'reset' };

export type MemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

export interface UserSpec {
  id: number;
  firstName?: string;
  username?: string;
  languageCode?: string;
}

export interface ChatSpec {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
}

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
  inject(method: string, failure: InjectedFailure, opts?: { times?: number; chatId?: number; skip?: number }): void;
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
    myChatMember(opts: { from: number | UserSpec; chat?: ChatSpec; status: MemberStatus }): Update.MyChatMemberUpdate;
  };
  /** Pushes a message update: `makeUpdate.message` + `pushUpdate`. */
  say(opts: { from: number | UserSpec; chat?: ChatSpec; text: string; replyTo?: number }): Update.MessageUpdate;
  /** Pushes a button press: `makeUpdate.callback` + `pushUpdate`. */
  press(opts: { from: number | UserSpec; chat?: ChatSpec; messageId: number; data: string }): Update.CallbackQueryUpdate;
  /** What getChatMember answers for this user in this chat (default: member). */
  setMember(chatId: number, userId: number, status: MemberStatus): void;
  /** Resolves once getUpdates has confirmed (by a later offset) every update pushed so far. */
  waitUntilHandled(timeoutMs?: number): Promise<void>;
  /** Polls `predicate` until it holds. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  /** Commands set with setMyCommands for a language ('' = default) and scope type ('default'). */
  commands(languageCode?: string, scopeType?: string): BotCommand[] | undefined;
  webhook(): { url: string; secretToken?: string } | null;
  /** POSTs an update to the webhook set with setWebhook, like Telegram; answers the HTTP status. */
  deliverWebhook(update: Update): Promise<number>;
  close(): Promise<void>;
}

class ApiFailure extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }
}

const bad = (description: string) => new ApiFailure(400, `Bad Request: ${description}`);

interface StoredMessage {
  chatId: number;
  messageId: number;
  fromBot: boolean;
  date: number;
  text?: string;
  caption?: string;
  entities: Entity[];
  markup?: Record<string, unknown>;
  document?: UploadedFile & { fileId: string };
  silent: boolean;
  replyTo?: number;
  edited: boolean;
  deleted: boolean;
}

interface ChatState {
  chat: Chat;
  lastMessageId: number;
  messages: Map<number, StoredMessage>;
}

const MESSAGE_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
const JSON_FIELDS = ['reply_markup', 'allowed_updates', 'commands', 'scope', 'reply_parameters', 'link_preview_options', 'entities'];
const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice',
  'upload_document', 'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);

export async function startFakeTelegram(opts: { token?: string } = {}): Promise<FakeTelegram> {
  const token = opts.token ?? '123456:fake-token-for-the-loopback-bot-api';
  const botId = Number(token.split(':')[0]) || 7000000001;
  const bot: User = { id: botId, is_bot: true, first_name: 'JustClick Test Bot', username: 'jc_test_bot' };

  const calls: RecordedCall[] = [];
  const chats = new Map<number, ChatState>();
  const order: StoredMessage[] = [];
  const deletedList: { chatId: number; messageId: number }[] = [];
  const injections: { method: string; failure: InjectedFailure; times: number; skip: number; chatId?: number }[] = [];
  const members = new Map<string, MemberStatus>();
  const commandSets = new Map<string, BotCommand[]>();
  const openCallbacks = new Map<string, boolean>();
  let queue: Update[] = [];
  let lastUpdateId = 100_000;
  let pendingPoll: { answer: (updates: Update[]) => void; filter: (u: Update) => boolean } | null = null;
  let webhook: { url: string; secretToken?: string } | null = null;
  let nextFileId = 1;
  let nextCallbackId = 1;

  const now = () => Math.floor(Date.now() / 1000);

  const chatState = (chatId: number, spec?: ChatSpec): ChatState => {
    let state = chats.get(chatId);
    if (!state) {
      const chat: Chat = spec
        ? spec.type === 'private'
          ? { id: chatId, type: 'private', first_name: `User${chatId}` }
          : spec.type === 'group'
            ? { id: chatId, type: 'group', title: spec.title ?? `Group ${chatId}` }
            : { id: chatId, type: 'supergroup', title: spec.title ?? `Group ${chatId}` }
        : chatId > 0
          ? { id: chatId, type: 'private', first_name: `User${chatId}` }
          : { id: chatId, type: String(chatId).startsWith('-100') ? 'supergroup' : 'group', title: `Group ${chatId}` } as Chat;
      state = { chat, lastMessageId: 0, messages: new Map() };
      chats.set(chatId, state);
    }
    return state;
  };

  const userOf = (from: number | UserSpec): User => {
    const spec = typeof from === 'number' ? { id: from } : from;
    const user: User = { id: spec.id, is_bot: false, first_name: spec.firstName ?? `User${spec.id}` };
    if (spec.username) user.username = spec.username;
    if (spec.languageCode) user.language_code = spec.languageCode;
    return user;
  };

  const chatOf = (from: User, spec?: ChatSpec): Chat => chatState(spec?.id ?? from.id, spec ?? { id: from.id, type: 'private' }).chat;

  const store = (chatId: number, fields: Omit<StoredMessage, 'chatId' | 'messageId' | 'date' | 'edited' | 'deleted'>): StoredMessage => {
    const state = chatState(chatId);
    const message: StoredMessage = { ...fields, chatId, messageId: ++state.lastMessageId, date: now(), edited: false, deleted: false };
    state.messages.set(message.messageId, message);
    order.push(message);
    return message;
  };

  const visible = (m: StoredMessage): SentMessage => {
    const seen: SentMessage = {
      chatId: m.chatId,
      messageId: m.messageId,
      text: m.text ?? m.caption ?? '',
      entities: m.entities,
      silent: m.silent,
      edited: m.edited,
    };
    const rows = m.markup?.inline_keyboard as InlineKeyboardButton[][] | undefined;
    if (rows) {
      seen.keyboard = rows.map((row) =>
        row.map((b) => {
          const button: SeenButton = { text: b.text };
          if ('callback_data' in b) button.data = b.callback_data;
          if ('url' in b) button.url = b.url;
          return button;
        }),
      );
    }
    if (m.document) seen.document = { filename: m.document.filename, contentType: m.document.contentType, content: m.document.content };
    if (m.replyTo !== undefined) seen.replyTo = m.replyTo;
    return seen;
  };

  const asMessage = (m: StoredMessage): Message => {
    const chat = chatState(m.chatId).chat;
    const out: Record<string, unknown> = { message_id: m.messageId, from: bot, chat, date: m.date };
    if (m.edited) out.edit_date = now();
    if (m.text !== undefined) out.text = m.text;
    if (m.caption !== undefined) out.caption = m.caption;
    if (m.entities.length > 0) out[m.text !== undefined ? 'entities' : 'caption_entities'] = m.entities;
    if (m.markup?.inline_keyboard) out.reply_markup = m.markup;
    if (m.document) {
      out.document = {
        file_id: m.document.fileId,
        file_unique_id: `u${m.document.fileId}`,
        file_name: m.document.filename,
        mime_type: m.document.contentType,
        file_size: m.document.content.length,
      };
    }
    return out as unknown as Message;
  };

  // ---- validation shared by methods ----

  const chatIdOf = (payload: Record<string, unknown>): number => {
    const raw = payload.chat_id;
    if (raw === undefined || raw === '') throw bad('chat_id is empty');
    const id = Number(raw);
    if (!Number.isSafeInteger(id) || id === 0) throw bad('chat not found');
    return id;
  };

  const intOf = (payload: Record<string, unknown>, field: string): number | undefined => {
    const raw = payload[field];
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isSafeInteger(n)) throw bad(`field "${field}" must be of type Integer`);
    return n;
  };

  const formatted = (raw: unknown, parseMode: unknown, what: 'message' | 'caption'): { text: string; entities: Entity[] } => {
    const source = raw === undefined ? '' : String(raw);
    let parsed: { text: string; entities: Entity[] };
    if (parseMode === undefined || parseMode === '') {
      parsed = { text: source.trim(), entities: [] };
    } else if (String(parseMode).toLowerCase() === 'html') {
      const result = parseTelegramHtml(source);
      if (!result.ok) throw new ApiFailure(400, result.error);
      parsed = result;
    } else {
      // The bot speaks HTML only; MarkdownV2 would need its own strict parser here.
      throw bad(`unsupported parse_mode "${String(parseMode)}" in the fake: use HTML`);
    }
    if (what === 'message') {
      if (parsed.text === '') throw bad('message text is empty');
      if (parsed.text.length > MESSAGE_LIMIT) throw bad('message is too long');
    } else if (parsed.text.length > CAPTION_LIMIT) {
      throw bad('message caption is too long');
    }
    return parsed;
  };

  const markupOf = (raw: unknown): Record<string, unknown> | undefined => {
    if (raw === undefined) return undefined;
    if (typeof raw !== 'object' || raw === null) throw bad("can't parse reply keyboard markup JSON object");
    const markup = raw as Record<string, unknown>;
    const rows = markup.inline_keyboard;
    if (rows !== undefined) {
      if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw bad('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
      for (const row of rows as unknown[][]) {
        for (const b of row as Record<string, unknown>[]) {
          if (typeof b.text !== 'string' || b.text === '') throw bad('text buttons are unallowed in the inline keyboard');
          const kinds = ['callback_data', 'url', 'switch_inline_query', 'switch_inline_query_current_chat', 'web_app', 'login_url', 'pay', 'copy_text'].filter(
            (k) => b[k] !== undefined,
          );
          if (kinds.length !== 1) throw bad('text buttons are unallowed in the inline keyboard');
          if (b.callback_data !== undefined) {
            const bytes = Buffer.byteLength(String(b.callback_data), 'utf8');
            if (typeof b.callback_data !== 'string' || bytes < 1 || bytes > 64) throw bad('BUTTON_DATA_INVALID');
          }
          if (b.url !== undefined) {
            let ok = false;
            try {
              ok = ['http:', 'https:', 'tg:'].includes(new URL(String(b.url)).protocol);
            } catch {
              ok = false;
            }
            if (!ok) throw bad('BUTTON_URL_INVALID');
          }
        }
      }
    }
    return markup;
  };

  const replyTargetOf = (chatId: number, payload: Record<string, unknown>): number | undefined => {
    const params = payload.reply_parameters as { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
    const target = params?.message_id ?? intOf(payload, 'reply_to_message_id');
    if (target === undefined) return undefined;
    const exists = chatState(chatId).messages.get(Number(target));
    const lenient = params?.allow_sending_without_reply ?? flag(payload.allow_sending_without_reply);
    if (!exists || exists.deleted) {
      if (lenient) return undefined;
      throw bad('message to be replied not found');
    }
    return Number(target);
  };

  const editable = (payload: Record<string, unknown>): StoredMessage => {
    if (payload.inline_message_id !== undefined) throw bad('inline messages are not supported by the fake');
    const chatId = chatIdOf(payload);
    const messageId = intOf(payload, 'message_id');
    const message = messageId === undefined ? undefined : chats.get(chatId)?.messages.get(messageId);
    if (!message || message.deleted) throw bad('message to edit not found');
    if (!message.fromBot) throw bad("message can't be edited");
    return message;
  };

  const notModified = () =>
    bad('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');

  const sameMarkup = (a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined) =>
    JSON.stringify(a?.inline_keyboard ?? null) === JSON.stringify(b?.inline_keyboard ?? null);

  const memberKey = (chatId: number, userId: number) => `${chatId}/${userId}`;

  // ---- updates ----

  const updateType = (u: Update): string => Object.keys(u).find((k) => k !== 'update_id') ?? '';

  const confirm = (offset: number) => {
    if (offset > 0) {
      queue = queue.filter((u) => u.update_id >= offset);
    } else if (offset < 0) {
      queue = queue.slice(offset);
    }
  };

  const pushUpdate = (update: Update): Update => {
    if (update.update_id === undefined) (update as { update_id: number }).update_id = ++lastUpdateId;
    lastUpdateId = Math.max(lastUpdateId, update.update_id);
    queue.push(update);
    if (pendingPoll && pendingPoll.filter(update)) pendingPoll.answer([update]);
    return update;
  };

  const makeMessage: FakeTelegram['makeUpdate']['message'] = ({ from, chat, text, replyTo }) => {
    const user = userOf(from);
    const where = chatOf(user, chat);
    const stored = store(where.id, { fromBot: false, text, entities: [], silent: false, ...(replyTo === undefined ? {} : { replyTo }) });
    const message: Record<string, unknown> = { message_id: stored.messageId, from: user, chat: where, date: stored.date, text };
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    if (command) message.entities = [{ type: 'bot_command', offset: 0, length: command[0].length }];
    if (replyTo !== undefined) {
      const target = chatState(where.id).messages.get(replyTo);
      if (target) message.reply_to_message = target.fromBot ? asMessage(target) : { message_id: replyTo, chat: where, date: target.date, text: target.text };
    }
    return { update_id: ++lastUpdateId, message } as unknown as Update.MessageUpdate;
  };

  const makeCallback: FakeTelegram['makeUpdate']['callback'] = ({ from, chat, messageId, data }) => {
    const user = userOf(from);
    const where = chatOf(user, chat);
    const target = chatState(where.id).messages.get(messageId);
    const id = `cb${nextCallbackId++}`;
    openCallbacks.set(id, false);
    const message = target ? asMessage(target) : { message_id: messageId, chat: where, date: 0 };
    return {
      update_id: ++lastUpdateId,
      callback_query: { id, from: user, message, chat_instance: String(where.id), data },
    } as unknown as Update.CallbackQueryUpdate;
  };

  const makeMyChatMember: FakeTelegram['makeUpdate']['myChatMember'] = ({ from, chat, status }) => {
    const user = userOf(from);
    const where = chatOf(user, chat);
    const old = members.get(memberKey(where.id, botId)) ?? (status === 'member' ? 'left' : 'member');
    members.set(memberKey(where.id, botId), status);
    return {
      update_id: ++lastUpdateId,
      my_chat_member: {
        chat: where,
        from: user,
        date: now(),
        old_chat_member: { status: old, user: bot },
        new_chat_member: { status, user: bot },
      },
    } as unknown as Update.MyChatMemberUpdate;
  };

  // ---- methods ----

  const methods: Record<string, (payload: Record<string, unknown>, res: ServerResponse) => unknown> = {
    getme: () => ({ ...bot, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false }),

    getupdates: (payload, res) => {
      if (webhook) throw new ApiFailure(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
      if (pendingPoll) {
        throw new ApiFailure(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
      }
      confirm(intOf(payload, 'offset') ?? 0);
      const limit = Math.min(Math.max(intOf(payload, 'limit') ?? 100, 1), 100);
      const timeout = Math.max(intOf(payload, 'timeout') ?? 0, 0);
      const allowed = Array.isArray(payload.allowed_updates) ? (payload.allowed_updates as string[]) : [];
      const filter = (u: Update) => allowed.length === 0 || allowed.includes(updateType(u));
      const ready = queue.filter(filter).slice(0, limit);
      if (ready.length > 0 || timeout === 0) return ready;
      return new Promise<Update[]>((resolve) => {
        const timer = setTimeout(() => answer([]), timeout * 1000);
        const answer = (updates: Update[]) => {
          clearTimeout(timer);
          if (pendingPoll?.answer === answer) pendingPoll = null;
          resolve(updates);
        };
        pendingPoll = { answer, filter };
        // A client that gives up (telegraf aborts on stop) must not leave a phantom poller behind.
        res.once('close', () => answer([]));
      });
    },

    setwebhook: (payload) => {
      const url = String(payload.url ?? '');
      if (url === '') {
        webhook = null;
        return true;
      }
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw bad('bad webhook: Failed to resolve host: Name or service not known');
      }
      // Telegram demands HTTPS; plain http to loopback is let through so a test can receive the updates.
      const loopback = parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost';
      if (parsed.protocol !== 'https:' && !(loopback && parsed.protocol === 'http:')) {
        throw bad('bad webhook: An HTTPS URL must be provided for webhook');
      }
      const secret = payload.secret_token === undefined ? undefined : String(payload.secret_token);
      if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) throw bad('secret token contains unallowed characters');
      if (flag(payload.drop_pending_updates)) queue = [];
      webhook = secret === undefined ? { url } : { url, secretToken: secret };
      return true;
    },

    deletewebhook: (payload) => {
      if (flag(payload.drop_pending_updates)) queue = [];
      webhook = null;
      return true;
    },

    getwebhookinfo: () => ({ url: webhook?.url ?? '', has_custom_certificate: false, pending_update_count: queue.length }),

    setmycommands: (payload) => {
      const commands = payload.commands;
      if (!Array.isArray(commands)) throw bad('field "commands" must be an Array');
      if (commands.length > 100) throw bad('too many commands');
      for (const c of commands as Record<string, unknown>[]) {
        if (typeof c.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw bad('BOT_COMMAND_INVALID');
        if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) {
          throw bad('BOT_COMMAND_DESCRIPTION_INVALID');
        }
      }
      const scope = (payload.scope as { type?: string } | undefined)?.type ?? 'default';
      commandSets.set(`${scope}|${String(payload.language_code ?? '')}`, commands as BotCommand[]);
      return true;
    },

    sendmessage: (payload) => {
      const chatId = chatIdOf(payload);
      const { text, entities } = formatted(payload.text, payload.parse_mode, 'message');
      const markup = markupOf(payload.reply_markup);
      const replyTo = replyTargetOf(chatId, payload);
      const message = store(chatId, {
        fromBot: true,
        text,
        entities,
        silent: flag(payload.disable_notification),
        ...(markup ? { markup } : {}),
        ...(replyTo === undefined ? {} : { replyTo }),
      });
      return asMessage(message);
    },

    editmessagetext: (payload) => {
      const message = editable(payload);
      if (message.text === undefined) throw bad('there is no text in the message to edit');
      const { text, entities } = formatted(payload.text, payload.parse_mode, 'message');
      // Without reply_markup Telegram removes the inline keyboard.
      const markup = markupOf(payload.reply_markup);
      if (text === message.text && JSON.stringify(entities) === JSON.stringify(message.entities) && sameMarkup(markup, message.markup)) {
        throw notModified();
      }
      Object.assign(message, { text, entities, markup, edited: true });
      return asMessage(message);
    },

    editmessagereplymarkup: (payload) => {
      const message = editable(payload);
      const markup = markupOf(payload.reply_markup);
      if (sameMarkup(markup, message.markup)) throw notModified();
      Object.assign(message, { markup, edited: true });
      return asMessage(message);
    },

    deletemessage: (payload) => {
      const chatId = chatIdOf(payload);
      const messageId = intOf(payload, 'message_id');
      const state = chats.get(chatId);
      const message = messageId === undefined ? undefined : state?.messages.get(messageId);
      if (!message || message.deleted) throw bad('message to delete not found');
      const botStatus = members.get(memberKey(chatId, botId));
      if (!message.fromBot && state!.chat.type !== 'private' && botStatus !== 'administrator' && botStatus !== 'creator') {
        throw bad("message can't be deleted");
      }
      message.deleted = true;
      deletedList.push({ chatId, messageId: message.messageId });
      return true;
    },

    answercallbackquery: (payload) => {
      const id = String(payload.callback_query_id ?? '');
      if (openCallbacks.get(id) !== false) throw bad('query is too old and response timeout expired or query ID is invalid');
      if (payload.text !== undefined && String(payload.text).length > 200) throw bad('MESSAGE_TOO_LONG');
      openCallbacks.set(id, true);
      return true;
    },

    sendchataction: (payload) => {
      chatIdOf(payload);
      if (!CHAT_ACTIONS.has(String(payload.action))) throw bad('wrong parameter action in request');
      return true;
    },

    senddocument: (payload) => {
      const chatId = chatIdOf(payload);
      const file = payload.document;
      let document: UploadedFile & { fileId: string };
      if (typeof file === 'string') {
        const known = order.find((m) => m.document?.fileId === file)?.document;
        if (!known) throw bad('wrong file identifier/HTTP URL specified');
        document = known;
      } else if (file && typeof file === 'object' && Buffer.isBuffer((file as UploadedFile).content)) {
        const upload = file as UploadedFile;
        if (upload.content.length === 0) throw bad('file must be non-empty');
        document = { ...upload, fileId: `file${nextFileId++}` };
      } else {
        throw bad('there is no document in the request');
      }
      const caption = payload.caption === undefined ? undefined : formatted(payload.caption, payload.parse_mode, 'caption');
      const markup = markupOf(payload.reply_markup);
      const replyTo = replyTargetOf(chatId, payload);
      const message = store(chatId, {
        fromBot: true,
        entities: caption?.entities ?? [],
        document,
        silent: flag(payload.disable_notification),
        ...(caption && caption.text !== '' ? { caption: caption.text } : {}),
        ...(markup ? { markup } : {}),
        ...(replyTo === undefined ? {} : { replyTo }),
      });
      return asMessage(message);
    },

    getchat: (payload) => {
      const state = chats.get(chatIdOf(payload));
      if (!state) throw bad('chat not found');
      return state.chat;
    },

    getchatmember: (payload) => {
      const chatId = chatIdOf(payload);
      if (!chats.has(chatId)) throw bad('chat not found');
      const userId = intOf(payload, 'user_id');
      if (userId === undefined) throw bad('user not found');
      const status = members.get(memberKey(chatId, userId)) ?? 'member';
      const user = userId === botId ? bot : userOf(userId);
      const member: Record<string, unknown> = { status, user };
      if (status === 'creator') member.is_anonymous = false;
      if (status === 'administrator') {
        Object.assign(member, {
          can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true,
          can_manage_video_chats: false, can_restrict_members: true, can_promote_members: false,
          can_change_info: true, can_invite_users: true, can_post_stories: false, can_edit_stories: false,
          can_delete_stories: false, can_pin_messages: true,
        });
      }
      if (status === 'kicked') member.until_date = 0;
      return member;
    },
  };

  // ---- HTTP ----

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match || decodeURIComponent(match[1]!) !== token) {
      reply(res, match ? 401 : 404, { ok: false, error_code: match ? 401 : 404, description: match ? 'Unauthorized' : 'Not Found' });
      return;
    }
    const method = match[2]!;
    let payload: Record<string, unknown>;
    try {
      payload = { ...Object.fromEntries(url.searchParams), ...(await readPayload(req)) };
      for (const field of JSON_FIELDS) {
        if (typeof payload[field] === 'string') payload[field] = JSON.parse(payload[field] as string) as unknown;
      }
    } catch {
      const description = "Bad Request: can't parse request body";
      calls.push({ method, payload: {}, at: Date.now(), error: { code: 400, description } });
      reply(res, 400, { ok: false, error_code: 400, description });
      return;
    }
    const call: RecordedCall = { method, payload, at: Date.now() };
    calls.push(call);

    const chatId = payload.chat_id === undefined ? undefined : Number(payload.chat_id);
    const injection = injections.find(
      (j) => j.times > 0 && j.method.toLowerCase() === method.toLowerCase() && (j.chatId === undefined || j.chatId === chatId),
    );
    if (injection && injection.skip > 0) injection.skip--;
    else if (injection) {
      injection.times--;
      const failure = injection.failure;
      if ('network' in failure) {
        call.error = { code: 0, description: 'connection reset' };
        req.socket.destroy();
        return;
      }
      const description = failure.description ?? defaultDescription(failure);
      const parameters: Record<string, number> = {};
      if ('retryAfter' in failure && failure.retryAfter !== undefined) parameters.retry_after = failure.retryAfter;
      if ('migrateToChatId' in failure && failure.migrateToChatId !== undefined) parameters.migrate_to_chat_id = failure.migrateToChatId;
      call.error = { code: failure.code, description };
      reply(res, failure.code, {
        ok: false,
        error_code: failure.code,
        description,
        ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
      });
      return;
    }

    const impl = methods[method.toLowerCase()];
    if (!impl) {
      call.error = { code: 404, description: 'Not Found: method not found' };
      reply(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
      return;
    }
    try {
      const result = await impl(payload, res);
      if (!res.writableEnded && !res.destroyed) reply(res, 200, { ok: true, result });
    } catch (err) {
      if (!(err instanceof ApiFailure)) throw err;
      call.error = { code: err.code, description: err.description };
      reply(res, err.code, {
        ok: false,
        error_code: err.code,
        description: err.description,
        ...(err.parameters ? { parameters: err.parameters } : {}),
      });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const waitFor = (predicate: () => boolean, timeoutMs = 5_000): Promise<void> =>
    waitUntil(predicate, { timeoutMs, intervalMs: 10, message: 'a condition on the fake Telegram' });

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    bot,
    calls,
    sent: (chatId) => order.filter((m) => m.fromBot && !m.deleted && (chatId === undefined || m.chatId === chatId)).map(visible),
    deleted: (chatId) => deletedList.filter((d) => chatId === undefined || d.chatId === chatId),
    inject: (method, failure, { times = 1, chatId, skip = 0 } = {}) => {
      injections.push({ method, failure, times, skip, ...(chatId === undefined ? {} : { chatId }) });
    },
    clearInjections: () => {
      injections.length = 0;
    },
    pushUpdate,
    makeUpdate: { message: makeMessage, callback: makeCallback, myChatMember: makeMyChatMember },
    say: (o) => pushUpdate(makeMessage(o)) as Update.MessageUpdate,
    press: (o) => pushUpdate(makeCallback(o)) as Update.CallbackQueryUpdate,
    setMember: (chatId, userId, status) => {
      members.set(memberKey(chatId, userId), status);
    },
    // Confirmed updates leave the queue; telegraf confirms a batch only after handling all of it.
    waitUntilHandled: (timeoutMs) => waitFor(() => queue.length === 0, timeoutMs),
    waitFor,
    commands: (languageCode = '', scopeType = 'default') => commandSets.get(`${scopeType}|${languageCode}`),
    webhook: () => webhook,
    deliverWebhook: async (update) => {
      if (!webhook) throw new Error('fake Telegram: no webhook is set');
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (webhook.secretToken) headers['x-telegram-bot-api-secret-token'] = webhook.secretToken;
      const res = await fetch(webhook.url, { method: 'POST', headers, body: JSON.stringify(update) });
      await res.arrayBuffer();
      return res.status;
    },
    close: async () => {
      pendingPoll?.answer([]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function defaultDescription(failure: { code: number; retryAfter?: number; migrateToChatId?: number }): string {
  switch (failure.code) {
    case 429:
      return `Too Many Requests: retry after ${failure.retryAfter ?? 1}`;
    case 400:
      return failure.migrateToChatId !== undefined ? 'Bad Request: group chat was upgraded to a supergroup chat' : 'Bad Request: injected failure';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden: bot was blocked by the user';
    case 409:
      return 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';
    case 502:
      return 'Bad Gateway';
    default:
      return failure.code >= 500 ? 'Internal Server Error' : `Error ${failure.code}`;
  }
}

/** Booleans arrive as JSON booleans, or as "true" in form fields. */
const flag = (v: unknown): boolean => v === true || v === 'true';

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function readPayload(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (body.length === 0) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  if (type.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  const boundary = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  if (boundary) return parseMultipart(body, boundary[1] ?? boundary[2]!);
  throw new Error(`unsupported content type ${type}`);
}

/** multipart/form-data as telegraf sends it: text fields become strings, file parts UploadedFile. */
function parseMultipart(body: Buffer, boundary: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new Error('multipart body without boundary');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break;
    if (body.subarray(pos, pos + 2).toString() !== '\r\n') throw new Error('malformed multipart delimiter');
    pos += 2;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), pos);
    if (next < 0) throw new Error('unterminated multipart part');
    const part = body.subarray(pos, next);
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) throw new Error('multipart part without headers');
    const headers = part.subarray(0, split).toString('utf8').split('\r\n');
    const content = part.subarray(split + 4);
    const disposition = headers.find((h) => /^content-disposition\s*:/i.test(h)) ?? '';
    const name = /\bname="([^"]*)"/.exec(disposition)?.[1];
    if (name === undefined) throw new Error('multipart part without a name');
    const filename = /\bfilename="([^"]*)"/.exec(disposition)?.[1];
    if (filename !== undefined) {
      const contentType = headers.find((h) => /^content-type\s*:/i.test(h))?.split(':')[1]?.trim() ?? 'application/octet-stream';
      out[name] = { filename, contentType, content: Buffer.from(content) } satisfies UploadedFile;
    } else {
      out[name] = content.toString('utf8');
    }
    pos = next + 2;
  }
  // telegraf repeats the method name as a form field.
  delete out.method;
  return out;
}
