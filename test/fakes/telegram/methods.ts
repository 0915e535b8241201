// The Bot API methods the fake Telegram answers, each refusing what Telegram refuses (see checks.ts) and
// keeping what it sends in the chats; getUpdates and the webhook methods are the update queue's.
import type { ServerResponse } from 'node:http';
import type { BotCommand, User } from 'telegraf/types';
import type { Chats } from './chats.js';
import { CHAT_ACTIONS, chatIdOf, editable, formatted, intOf, markupOf, notModified, replyTargetOf, sameMarkup } from './checks.js';
import type { Updates } from './updates.js';
import { ApiFailure, bad, flag, type UploadedFile } from './wire.js';

export type Method = (payload: Record<string, unknown>, res: ServerResponse) => unknown;

/** The methods by lower-case name (Telegram's method names are case-insensitive). */
export function botApiMethods({
  bot,
  chats,
  updates,
  commandSets,
}: {
  bot: User;
  chats: Chats;
  updates: Updates;
  /** setMyCommands' lists, by `scope|language_code`. */
  commandSets: Map<string, BotCommand[]>;
}): Record<string, Method> {
  let nextFileId = 1;

  /** The chat a message goes to; a group or channel the bot was removed from refuses it, like Telegram. */
  const sendableChat = (payload: Record<string, unknown>): number => {
    const chatId = chatIdOf(payload);
    if (chats.botRemoved(chatId)) throw new ApiFailure(403, `Forbidden: bot was kicked from the ${chats.state(chatId).chat.type} chat`);
    return chatId;
  };

  return {
    getme: () => ({ ...bot, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false }),

    getupdates: (payload, res) => updates.getUpdates(payload, res),
    setwebhook: (payload) => updates.setWebhook(payload),
    deletewebhook: (payload) => updates.deleteWebhook(payload),
    getwebhookinfo: () => updates.webhookInfo(),

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
      const chatId = sendableChat(payload);
      const { text, entities } = formatted(payload.text, payload.parse_mode, 'message');
      const markup = markupOf(payload.reply_markup);
      const replyTo = replyTargetOf(chats, chatId, payload);
      const message = chats.store(chatId, {
        fromBot: true,
        text,
        entities,
        silent: flag(payload.disable_notification),
        ...(markup ? { markup } : {}),
        ...(replyTo === undefined ? {} : { replyTo }),
      });
      return chats.asMessage(message);
    },

    editmessagetext: (payload) => {
      const message = editable(chats, payload);
      if (message.text === undefined) throw bad('there is no text in the message to edit');
      const { text, entities } = formatted(payload.text, payload.parse_mode, 'message');
      // Without reply_markup Telegram removes the inline keyboard.
      const markup = markupOf(payload.reply_markup);
      if (text === message.text && JSON.stringify(entities) === JSON.stringify(message.entities) && sameMarkup(markup, message.markup)) {
        throw notModified();
      }
      Object.assign(message, { text, entities, markup, edited: true });
      return chats.asMessage(message);
    },

    editmessagereplymarkup: (payload) => {
      const message = editable(chats, payload);
      const markup = markupOf(payload.reply_markup);
      if (sameMarkup(markup, message.markup)) throw notModified();
      Object.assign(message, { markup, edited: true });
      return chats.asMessage(message);
    },

    deletemessage: (payload) => {
      const chatId = chatIdOf(payload);
      const messageId = intOf(payload, 'message_id');
      const state = chats.find(chatId);
      const message = messageId === undefined ? undefined : state?.messages.get(messageId);
      if (!message || message.deleted) throw bad('message to delete not found');
      const botStatus = chats.memberStatus(chatId, bot.id);
      if (!message.fromBot && state!.chat.type !== 'private' && botStatus !== 'administrator' && botStatus !== 'creator') {
        throw bad("message can't be deleted");
      }
      chats.delete(message);
      return true;
    },

    answercallbackquery: (payload) => {
      const id = String(payload.callback_query_id ?? '');
      if (updates.openCallbacks.get(id) !== false) throw bad('query is too old and response timeout expired or query ID is invalid');
      if (payload.text !== undefined && String(payload.text).length > 200) throw bad('MESSAGE_TOO_LONG');
      updates.openCallbacks.set(id, true);
      return true;
    },

    sendchataction: (payload) => {
      chatIdOf(payload);
      if (!CHAT_ACTIONS.has(String(payload.action))) throw bad('wrong parameter action in request');
      return true;
    },

    senddocument: (payload) => {
      const chatId = sendableChat(payload);
      const file = payload.document;
      let document: UploadedFile & { fileId: string };
      if (typeof file === 'string') {
        const known = chats.document(file);
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
      const replyTo = replyTargetOf(chats, chatId, payload);
      const message = chats.store(chatId, {
        fromBot: true,
        entities: caption?.entities ?? [],
        document,
        silent: flag(payload.disable_notification),
        ...(caption && caption.text !== '' ? { caption: caption.text } : {}),
        ...(markup ? { markup } : {}),
        ...(replyTo === undefined ? {} : { replyTo }),
      });
      return chats.asMessage(message);
    },

    sendphoto: (payload) => {
      const chatId = sendableChat(payload);
      const file = payload.photo;
      if (!file || typeof file !== 'object' || !Buffer.isBuffer((file as UploadedFile).content)) throw bad('there is no photo in the request');
      const upload = file as UploadedFile;
      const size = pngSize(upload.content);
      // Telegram decodes the picture: bytes that are no image are refused, as are sides past 10000 together.
      if (!size) throw bad('IMAGE_PROCESS_FAILED');
      if (size.width + size.height > 10_000) throw bad('PHOTO_INVALID_DIMENSIONS');
      const caption = payload.caption === undefined ? undefined : formatted(payload.caption, payload.parse_mode, 'caption');
      const markup = markupOf(payload.reply_markup);
      const replyTo = replyTargetOf(chats, chatId, payload);
      const message = chats.store(chatId, {
        fromBot: true,
        entities: caption?.entities ?? [],
        photo: { ...upload, ...size, fileId: `file${nextFileId++}` },
        silent: flag(payload.disable_notification),
        ...(caption && caption.text !== '' ? { caption: caption.text } : {}),
        ...(markup ? { markup } : {}),
        ...(replyTo === undefined ? {} : { replyTo }),
      });
      return chats.asMessage(message);
    },

    pinchatmessage: (payload) => {
      const chatId = chatIdOf(payload);
      const messageId = intOf(payload, 'message_id');
      const state = chats.find(chatId);
      const message = messageId === undefined ? undefined : state?.messages.get(messageId);
      if (!state || !message || message.deleted) throw bad('message to pin not found');
      const botStatus = chats.memberStatus(chatId, bot.id);
      if (state.chat.type !== 'private' && botStatus !== 'administrator' && botStatus !== 'creator') {
        throw bad('not enough rights to manage pinned messages in the chat');
      }
      message.pinned = true;
      return true;
    },

    unpinchatmessage: (payload) => {
      const chatId = chatIdOf(payload);
      const messageId = intOf(payload, 'message_id');
      const message = messageId === undefined ? undefined : chats.find(chatId)?.messages.get(messageId);
      if (!message?.pinned) throw bad('message is not pinned');
      message.pinned = false;
      return true;
    },

    getchat: (payload) => {
      const named = typeof payload.chat_id === 'string' && payload.chat_id.startsWith('@');
      const state = named ? chats.byUsername(String(payload.chat_id).slice(1)) : chats.find(chatIdOf(payload));
      if (!state || chats.botRemoved(state.chat.id)) throw bad('chat not found');
      return state.chat;
    },

    getchatmember: (payload) => {
      const chatId = chatIdOf(payload);
      const state = chats.find(chatId);
      if (!state) throw bad('chat not found');
      if (chats.botRemoved(chatId)) throw new ApiFailure(403, `Forbidden: bot is not a member of the ${state.chat.type} chat`);
      const userId = intOf(payload, 'user_id');
      if (userId === undefined) throw bad('user not found');
      return chats.member(chatId, userId);
    },
  };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The fake reads PNGs only (the bot sends nothing else): width and height from the IHDR chunk. */
function pngSize(content: Buffer): { width: number; height: number } | null {
  if (content.length < 24 || !content.subarray(0, 8).equals(PNG_SIGNATURE) || content.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = content.readUInt32BE(16);
  const height = content.readUInt32BE(20);
  return width > 0 && height > 0 ? { width, height } : null;
}
