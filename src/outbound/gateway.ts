// The one outbound path to Telegram: refuses what Telegram would reject before sending, splits long
// messages, waits out short 429s, and turns failures into the classes of ./errors.ts (which never carry
// the bot token). Every call the bot makes goes through here, lookups and setWebhook included.
import type { Telegram } from 'telegraf';
import type { BotCommand, BotCommandScope, ChatFromGetChat, ChatMember, InlineKeyboardMarkup, UserFromGetMe } from 'telegraf/types';
import type { Html } from '../domain/format/html.js';
import { TELEGRAM_TEXT_LIMIT } from '../domain/format/split.js';
import type { Logger } from '../logger.js';
import { fromTelegraf, OutboundRefused, TelegramApiError, TelegramBadRequest, TelegramRateLimited } from './errors.js';

/** Telegram's limits on visible text, after entity parsing (platform-notes.md). */
export const CAPTION_LIMIT = 1024;
const CALLBACK_TEXT_LIMIT = 200;
const CALLBACK_DATA_MAX_BYTES = 64;
const PHOTO_MAX_BYTES = 10 * 2 ** 20;

const captionExtra = (caption: string | undefined) => (caption === undefined ? {} : { caption, parse_mode: 'HTML' as const });

/** The kinds of update the bot asks Telegram for. */
export type AllowedUpdates = NonNullable<NonNullable<Parameters<Telegram['setWebhook']>[1]>['allowed_updates']>;

export interface GatewayOptions {
  logger: Logger;
  /** Returns what is wrong with the HTML for Telegram, or null when it is fine. */
  checkHtml: (html: string) => string | null;
  /** Splits HTML into parts of at most `limit` visible characters, at line boundaries, never inside a tag. */
  split: (html: string, limit: number) => string[];
  /** A 429 asking to wait longer than this (in total, per call) is thrown instead of waited out. */
  maxWaitSeconds?: number;
  /** How to wait; tests may pass a recording one. */
  sleep?: (ms: number) => Promise<void>;
}

export interface SendExtra {
  /** Goes on the last part when the message is split. */
  keyboard?: InlineKeyboardMarkup;
  silent?: boolean;
  /** Answers this message (the first part does; a deleted target is not an error). */
  replyTo?: number;
}

export interface Gateway {
  /**
   * Sends HTML, split when longer than a message; returns the message ids in order. Only Html (escaped
   * values in our markup) is accepted, so a raw buyer-typed string cannot reach a chat as markup.
   */
  sendHtml(chatId: number, html: Html, extra?: SendExtra): Promise<number[]>;
  /** Replaces a message's text (and keyboard: without one it is removed). Unchanged content is not an error. */
  editHtml(chatId: number, messageId: number, html: Html, keyboard?: InlineKeyboardMarkup): Promise<void>;
  /** Replaces or (without `keyboard`) removes a message's buttons. */
  editKeyboard(chatId: number, messageId: number, keyboard?: InlineKeyboardMarkup): Promise<void>;
  sendDocument(chatId: number, file: { filename: string; content: Buffer }, captionHtml?: Html): Promise<number>;
  /** Sends a picture (a PNG chart) with an optional caption; returns the message id. */
  sendPhoto(chatId: number, photo: { filename: string; content: Buffer }, captionHtml?: Html): Promise<number>;
  /**
   * Pins a message without a notification. False when the bot lacks the right (a group where it is not an
   * administrator allowed to pin); other refusals throw.
   */
  pinMessage(chatId: number, messageId: number): Promise<boolean>;
  /** Best effort: false when it was not pinned, is gone, or the bot may not unpin. */
  unpinMessage(chatId: number, messageId: number): Promise<boolean>;
  /** False when Telegram will not delete it (already gone, too old, no rights). */
  deleteMessage(chatId: number, messageId: number): Promise<boolean>;
  /** Stops the button's spinner; a query that is too old is ignored. */
  answerCallback(callbackQueryId: string, text?: string, alert?: boolean): Promise<void>;
  /** Best effort: shows "typing…"; failures are only logged. */
  typing(chatId: number): Promise<void>;
  setCommands(commands: BotCommand[], opts?: { languageCode?: string; scope?: BotCommandScope }): Promise<void>;
  /** The bot itself (Telegraf needs it to read commands). */
  getMe(): Promise<UserFromGetMe>;
  /** A member's status in a chat, as Telegram knows it now. */
  getChatMember(chatId: number, userId: number): Promise<ChatMember>;
  /** A chat by id or @username (it must have the bot in it). */
  getChat(chat: number | string): Promise<ChatFromGetChat>;
  /** Points Telegram's updates at `url`, signed with `secretToken`. */
  setWebhook(url: string, opts: { secretToken: string; allowedUpdates: AllowedUpdates }): Promise<void>;
}

export function createGateway(telegram: Telegram, options: GatewayOptions): Gateway {
  const { checkHtml, split } = options;
  const maxWaitSeconds = options.maxWaitSeconds ?? 10;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const log = options.logger.child({ part: 'telegram-gateway' });
  const token = telegram.token;

  /** Calls Telegram, waiting out 429s while the total wait stays within maxWaitSeconds. */
  async function call<T>(method: string, chatId: number | undefined, send: () => Promise<T>): Promise<T> {
    let waited = 0;
    for (;;) {
      try {
        return await send();
      } catch (raw) {
        const err = fromTelegraf(raw, { method, token, ...(chatId === undefined ? {} : { chatId }) });
        if (err instanceof TelegramRateLimited && waited + err.retryAfter <= maxWaitSeconds) {
          log.warn({ method, chatId, retryAfter: err.retryAfter }, 'telegram asked to slow down; waiting');
          await sleep(err.retryAfter * 1000);
          waited += err.retryAfter;
          continue;
        }
        throw err;
      }
    }
  }

  /** HTML parts ready to send, each checked; refuses before anything reaches Telegram. */
  function prepare(method: string, html: string, limit: number): string[] {
    const problem = checkHtml(html);
    if (problem !== null) throw new OutboundRefused(method, `invalid HTML: ${problem}`);
    const parts = split(html, limit);
    if (parts.length === 0 || parts.some((p) => p.trim() === '')) throw new OutboundRefused(method, 'empty text');
    for (const part of parts) {
      // A splitter bug must not become a Telegram 400 halfway through a multi-part send.
      const partProblem = checkHtml(part);
      if (partProblem !== null) throw new OutboundRefused(method, `a split part is invalid HTML: ${partProblem}`);
    }
    return parts;
  }

  /** A caption is never split: refused when longer than Telegram allows. */
  function oneCaption(method: string, captionHtml: Html): string {
    const parts = prepare(method, captionHtml, CAPTION_LIMIT);
    if (parts.length > 1) throw new OutboundRefused(method, `caption is longer than ${CAPTION_LIMIT} characters`);
    return parts[0]!;
  }

  function checkKeyboard(method: string, keyboard: InlineKeyboardMarkup | undefined): void {
    for (const row of keyboard?.inline_keyboard ?? []) {
      for (const button of row) {
        if (!('callback_data' in button)) continue;
        const bytes = Buffer.byteLength(button.callback_data, 'utf8');
        if (bytes < 1 || bytes > CALLBACK_DATA_MAX_BYTES) {
          throw new OutboundRefused(method, `callback_data of button "${button.text}" is ${bytes} bytes; Telegram allows 1-64`);
        }
      }
    }
  }

  return {
    async sendHtml(chatId, html, extra = {}) {
      const parts = prepare('sendMessage', html, TELEGRAM_TEXT_LIMIT);
      checkKeyboard('sendMessage', extra.keyboard);
      const ids: number[] = [];
      for (const [index, part] of parts.entries()) {
        const last = index === parts.length - 1;
        try {
          const message = await call('sendMessage', chatId, () =>
            telegram.sendMessage(chatId, part, {
              parse_mode: 'HTML',
              link_preview_options: { is_disabled: true },
              ...(extra.silent ? { disable_notification: true } : {}),
              ...(index === 0 && extra.replyTo !== undefined ? { reply_parameters: { message_id: extra.replyTo, allow_sending_without_reply: true } } : {}),
              ...(last && extra.keyboard ? { reply_markup: extra.keyboard } : {}),
            }),
          );
          ids.push(message.message_id);
        } catch (err) {
          // The caller must not resend the parts the user already has.
          if (err instanceof TelegramApiError) err.sentMessageIds = [...ids];
          throw err;
        }
      }
      return ids;
    },

    async editHtml(chatId, messageId, html, keyboard) {
      const parts = prepare('editMessageText', html, TELEGRAM_TEXT_LIMIT);
      if (parts.length > 1) throw new OutboundRefused('editMessageText', 'text is too long for one message');
      checkKeyboard('editMessageText', keyboard);
      try {
        await call('editMessageText', chatId, () =>
          telegram.editMessageText(chatId, messageId, undefined, parts[0]!, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            ...(keyboard ? { reply_markup: keyboard } : {}),
          }),
        );
      } catch (err) {
        if (!isNotModified(err)) throw err;
      }
    },

    async editKeyboard(chatId, messageId, keyboard) {
      checkKeyboard('editMessageReplyMarkup', keyboard);
      try {
        await call('editMessageReplyMarkup', chatId, () => telegram.editMessageReplyMarkup(chatId, messageId, undefined, keyboard));
      } catch (err) {
        if (!isNotModified(err)) throw err;
      }
    },

    async sendDocument(chatId, file, captionHtml) {
      const caption = captionHtml === undefined ? undefined : oneCaption('sendDocument', captionHtml);
      if (file.content.length === 0) throw new OutboundRefused('sendDocument', 'the file is empty');
      const message = await call('sendDocument', chatId, () =>
        telegram.sendDocument(chatId, { source: file.content, filename: file.filename }, captionExtra(caption)),
      );
      return message.message_id;
    },

    async sendPhoto(chatId, photo, captionHtml) {
      const caption = captionHtml === undefined ? undefined : oneCaption('sendPhoto', captionHtml);
      if (photo.content.length === 0) throw new OutboundRefused('sendPhoto', 'the picture is empty');
      // Telegram takes photos up to 10 MB; a chart is ~50 KB, so more means a rendering bug.
      if (photo.content.length > PHOTO_MAX_BYTES) throw new OutboundRefused('sendPhoto', `the picture is ${photo.content.length} bytes; Telegram allows 10 MB`);
      const message = await call('sendPhoto', chatId, () =>
        telegram.sendPhoto(chatId, { source: photo.content, filename: photo.filename }, caption === undefined ? {} : { caption, parse_mode: 'HTML' }),
      );
      return message.message_id;
    },

    async pinMessage(chatId, messageId) {
      try {
        return await call('pinChatMessage', chatId, () => telegram.pinChatMessage(chatId, messageId, { disable_notification: true }));
      } catch (err) {
        if (err instanceof TelegramBadRequest && /not enough rights/i.test(err.description)) return false;
        throw err;
      }
    },

    async unpinMessage(chatId, messageId) {
      try {
        return await call('unpinChatMessage', chatId, () => telegram.unpinChatMessage(chatId, messageId));
      } catch (err) {
        if (!(err instanceof TelegramBadRequest)) throw err;
        log.info({ chatId, messageId, reason: err.description }, 'telegram did not unpin a message');
        return false;
      }
    },

    async deleteMessage(chatId, messageId) {
      try {
        return await call('deleteMessage', chatId, () => telegram.deleteMessage(chatId, messageId));
      } catch (err) {
        if (!(err instanceof TelegramBadRequest)) throw err;
        log.info({ chatId, messageId, reason: err.description }, 'telegram did not delete a message');
        return false;
      }
    },

    async answerCallback(callbackQueryId, text, alert = false) {
      if (text !== undefined && text.length > CALLBACK_TEXT_LIMIT) {
        throw new OutboundRefused('answerCallbackQuery', `text is longer than ${CALLBACK_TEXT_LIMIT} characters`);
      }
      try {
        await call('answerCallbackQuery', undefined, () => telegram.answerCbQuery(callbackQueryId, text, alert ? { show_alert: true } : {}));
      } catch (err) {
        // After a restart or a slow handler the query may have expired: nothing left to answer.
        if (!(err instanceof TelegramBadRequest && /query is too old|query ID is invalid/i.test(err.description))) throw err;
        log.debug({ reason: err.description }, 'callback query expired before it was answered');
      }
    },

    async typing(chatId) {
      try {
        await call('sendChatAction', chatId, () => telegram.sendChatAction(chatId, 'typing'));
      } catch (err) {
        log.debug({ chatId, err: (err as Error).message }, 'typing indicator not shown');
      }
    },

    async setCommands(commands, opts = {}) {
      await call('setMyCommands', undefined, () =>
        telegram.setMyCommands(commands, {
          ...(opts.languageCode ? { language_code: opts.languageCode } : {}),
          ...(opts.scope ? { scope: opts.scope } : {}),
        }),
      );
    },

    getMe: () => call('getMe', undefined, () => telegram.getMe()),

    getChatMember: (chatId, userId) => call('getChatMember', chatId, () => telegram.getChatMember(chatId, userId)),

    getChat: (chat) => call('getChat', typeof chat === 'number' ? chat : undefined, () => telegram.getChat(chat)),

    async setWebhook(url, opts) {
      await call('setWebhook', undefined, () =>
        telegram.setWebhook(url, {
          secret_token: opts.secretToken,
          allowed_updates: opts.allowedUpdates,
        }),
      );
    },
  };
}

const isNotModified = (err: unknown): boolean => err instanceof TelegramBadRequest && /message is not modified/i.test(err.description);
