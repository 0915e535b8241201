// What can go wrong when the bot talks to Telegram, sorted by what the caller should do about it
// (modelled on grammY's GrammyError/HttpError). No error here ever carries the bot token.
import { TelegramError } from 'telegraf';

export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

/** Telegram answered `ok: false` (or could not be reached: see TelegramUnavailable). */
export class TelegramApiError extends Error {
  override name = 'TelegramApiError';
  /** Messages already delivered when a send split into several parts failed part-way. */
  sentMessageIds: number[] = [];

  constructor(
    readonly method: string,
    /** HTTP-like error_code; 0 when there was no answer at all. */
    readonly code: number,
    readonly description: string,
    readonly parameters: ResponseParameters = {},
    readonly chatId?: number,
  ) {
    super(`${method} failed: ${code === 0 ? '' : `${code} `}${description}`);
  }
}

/** Blocked, kicked, deactivated, chat not found, no right to write: permanent for this chat, never retry. */
export class ChatGone extends TelegramApiError {
  override name = 'ChatGone';
}

/** A request Telegram refuses as malformed: a bug on our side, not retryable. */
export class TelegramBadRequest extends TelegramApiError {
  override name = 'TelegramBadRequest';
  /** Set when the group became a supergroup: move the chat's settings to this id. */
  get migrateToChatId(): number | undefined {
    return this.parameters.migrate_to_chat_id;
  }
}

/** 429: wait `retryAfter` seconds before the next call (delay the job). */
export class TelegramRateLimited extends TelegramApiError {
  override name = 'TelegramRateLimited';
  readonly retryAfter: number;

  constructor(method: string, retryAfter: number, description = `Too Many Requests: retry after ${retryAfter}`, chatId?: number) {
    super(method, 429, description, { retry_after: retryAfter }, chatId);
    this.retryAfter = retryAfter;
  }
}

/** 5xx, timeouts, refused connections, garbage from a proxy: try again later. */
export class TelegramUnavailable extends TelegramApiError {
  override name = 'TelegramUnavailable';
}

/**
 * The gateway refused to send before calling Telegram: HTML that Telegram would reject, a button whose
 * callback_data is too long, a caption that does not fit. Always a bug in the caller; never retry.
 */
export class OutboundRefused extends Error {
  override name = 'OutboundRefused';
  constructor(
    readonly method: string,
    readonly problem: string,
  ) {
    super(`${method} refused before sending: ${problem}`);
  }
}

// 400s that mean "you can never write here" rather than "your request is wrong".
const GONE_400 = /chat not found|PEER_ID_INVALID|have no rights to send|not enough rights to send|CHAT_WRITE_FORBIDDEN|CHAT_RESTRICTED/i;

/** Removes the bot token from text that may quote a request URL (node-fetch errors do). */
function redactToken(text: string, token: string): string {
  const withoutToken = token ? text.split(token).join('[token]') : text;
  // Also any token-shaped path segment, in case the text quotes a token other than ours.
  return withoutToken.replace(/\/bot\d+:[A-Za-z0-9_-]+/g, '/bot[token]');
}

/** Turns whatever telegraf threw for `method` into one of the classes above. */
export function fromTelegraf(err: unknown, context: { method: string; token: string; chatId?: number }): Error {
  const { method, token, chatId } = context;
  if (err instanceof TelegramApiError || err instanceof OutboundRefused) return err;
  if (err instanceof TelegramError) {
    const code = err.code;
    const description = redactToken(String(err.description ?? ''), token);
    const parameters: ResponseParameters = { ...(err.parameters ?? {}) };
    if (code === 429) return new TelegramRateLimited(method, parameters.retry_after ?? 1, description, chatId);
    if (code === 403 || (code === 400 && GONE_400.test(description))) return new ChatGone(method, code, description, parameters, chatId);
    if (code === 400) return new TelegramBadRequest(method, code, description, parameters, chatId);
    if (code >= 500) return new TelegramUnavailable(method, code, description, parameters, chatId);
    return new TelegramApiError(method, code, description, parameters, chatId);
  }
  // node-fetch's FetchError and AbortError, or a JSON parse failure: their messages quote the URL.
  const e = err as { message?: unknown; code?: unknown; name?: unknown };
  const detail = typeof e?.code === 'string' ? ` (${e.code})` : '';
  const message = redactToken(String(e?.message ?? err), token);
  return new TelegramUnavailable(method, 0, `no answer from Telegram${detail}: ${message}`, {}, chatId);
}
