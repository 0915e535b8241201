// What the fake Telegram refuses, as Telegram does: no chat, bad HTML, a text too long, a malformed keyboard,
// a reply to nothing, an edit that changes nothing. Each check throws an ApiFailure in Telegram's words.
import { parseTelegramHtml, type Entity } from '../../support/telegram-html.js';
import type { Chats, StoredMessage } from './chats.js';
import { ApiFailure, bad, flag } from './wire.js';

const MESSAGE_LIMIT = 4096;
const CAPTION_LIMIT = 1024;

// biome-ignore format: a word list, packed by hand
export const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice',
  'upload_document', 'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);

export const chatIdOf = (payload: Record<string, unknown>): number => {
  const raw = payload.chat_id;
  if (raw === undefined || raw === '') throw bad('chat_id is empty');
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id === 0) throw bad('chat not found');
  return id;
};

export const intOf = (payload: Record<string, unknown>, field: string): number | undefined => {
  const raw = payload[field];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw bad(`field "${field}" must be of type Integer`);
  return n;
};

export const formatted = (raw: unknown, parseMode: unknown, what: 'message' | 'caption'): { text: string; entities: Entity[] } => {
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

export const markupOf = (raw: unknown): Record<string, unknown> | undefined => {
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

export const replyTargetOf = (chats: Chats, chatId: number, payload: Record<string, unknown>): number | undefined => {
  const params = payload.reply_parameters as { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
  const target = params?.message_id ?? intOf(payload, 'reply_to_message_id');
  if (target === undefined) return undefined;
  const exists = chats.state(chatId).messages.get(Number(target));
  const lenient = params?.allow_sending_without_reply ?? flag(payload.allow_sending_without_reply);
  if (!exists || exists.deleted) {
    if (lenient) return undefined;
    throw bad('message to be replied not found');
  }
  return Number(target);
};

export const editable = (chats: Chats, payload: Record<string, unknown>): StoredMessage => {
  if (payload.inline_message_id !== undefined) throw bad('inline messages are not supported by the fake');
  const chatId = chatIdOf(payload);
  const messageId = intOf(payload, 'message_id');
  const message = messageId === undefined ? undefined : chats.message(chatId, messageId);
  if (!message || message.deleted) throw bad('message to edit not found');
  if (!message.fromBot) throw bad("message can't be edited");
  return message;
};

export const notModified = () =>
  bad('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');

export const sameMarkup = (a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined) =>
  JSON.stringify(a?.inline_keyboard ?? null) === JSON.stringify(b?.inline_keyboard ?? null);
