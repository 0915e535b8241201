// How updates reach the bot from the fake Telegram: a queue served by getUpdates (long polls woken by a new
// update, confirmed by a later offset) or POSTed to a webhook; and the updates a test makes (a user's message,
// a button press, the bot's membership changing), shaped as Telegram shapes them.
import type { ServerResponse } from 'node:http';
import type { Update } from 'telegraf/types';
import { intOf } from './checks.js';
import { unixNow, type Chats, type ChatSpec, type MemberRights, type MemberStatus, type UserSpec } from './chats.js';
import { ApiFailure, bad, flag } from './wire.js';

export interface Webhook {
  url: string;
  secretToken?: string;
}

const updateType = (u: Update): string => Object.keys(u).find((k) => k !== 'update_id') ?? '';

export class Updates {
  private queue: Update[] = [];
  private lastUpdateId = 100_000;
  private pendingPoll: { answer: (updates: Update[]) => void; filter: (u: Update) => boolean } | null = null;
  private hook: Webhook | null = null;
  private nextCallbackId = 1;
  /** Button presses by callback query id: false until answered. */
  readonly openCallbacks = new Map<string, boolean>();

  constructor(private readonly chats: Chats) {}

  /** Updates pushed and not yet confirmed by getUpdates. */
  get pending(): number {
    return this.queue.length;
  }

  get webhook(): Webhook | null {
    return this.hook;
  }

  /** Queues an update for getUpdates (and wakes a waiting long poll). */
  push(update: Update): Update {
    if (update.update_id === undefined) (update as { update_id: number }).update_id = ++this.lastUpdateId;
    this.lastUpdateId = Math.max(this.lastUpdateId, update.update_id);
    this.queue.push(update);
    if (this.pendingPoll?.filter(update)) this.pendingPoll.answer([update]);
    return update;
  }

  /** A text message from a user; in their private chat unless `chat` is given. Commands get their entity. */
  message({ from, chat, text, replyTo }: { from: number | UserSpec; chat?: ChatSpec; text: string; replyTo?: number }): Update.MessageUpdate {
    const user = this.chats.userOf(from);
    const where = this.chats.chatOf(user, chat);
    const stored = this.chats.store(where.id, { fromBot: false, text, entities: [], silent: false, ...(replyTo === undefined ? {} : { replyTo }) });
    const message: Record<string, unknown> = { message_id: stored.messageId, from: user, chat: where, date: stored.date, text };
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    if (command) message.entities = [{ type: 'bot_command', offset: 0, length: command[0].length }];
    if (replyTo !== undefined) {
      const target = this.chats.state(where.id).messages.get(replyTo);
      if (target) {
        message.reply_to_message = target.fromBot ? this.chats.asMessage(target) : { message_id: replyTo, chat: where, date: target.date, text: target.text };
      }
    }
    return { update_id: ++this.lastUpdateId, message } as unknown as Update.MessageUpdate;
  }

  /** A button press on a message the bot sent. */
  callback({ from, chat, messageId, data }: { from: number | UserSpec; chat?: ChatSpec; messageId: number; data: string }): Update.CallbackQueryUpdate {
    const user = this.chats.userOf(from);
    const where = this.chats.chatOf(user, chat);
    const target = this.chats.state(where.id).messages.get(messageId);
    const id = `cb${this.nextCallbackId++}`;
    this.openCallbacks.set(id, false);
    const message = target ? this.chats.asMessage(target) : { message_id: messageId, chat: where, date: 0 };
    return {
      update_id: ++this.lastUpdateId,
      callback_query: { id, from: user, message, chat_instance: String(where.id), data },
    } as unknown as Update.CallbackQueryUpdate;
  }

  /** The bot's own membership changed (added to a group, blocked by a user, kicked). */
  myChatMember({
    from,
    chat,
    status,
    rights,
  }: {
    from: number | UserSpec;
    chat?: ChatSpec;
    status: MemberStatus;
    rights?: MemberRights;
  }): Update.MyChatMemberUpdate {
    const user = this.chats.userOf(from);
    const where = this.chats.chatOf(user, chat);
    const bot = this.chats.bot;
    if (this.chats.memberStatus(where.id, bot.id) === undefined) this.chats.setMember(where.id, bot.id, status === 'member' ? 'left' : 'member');
    const old = this.chats.member(where.id, bot.id);
    this.chats.setMember(where.id, bot.id, status, rights);
    return {
      update_id: ++this.lastUpdateId,
      my_chat_member: {
        chat: where,
        from: user,
        date: unixNow(),
        old_chat_member: old,
        new_chat_member: this.chats.member(where.id, bot.id),
      },
    } as unknown as Update.MyChatMemberUpdate;
  }

  /** Another member's status changed (promoted, demoted, left, kicked); the bot gets it only when it asked for chat_member. */
  chatMember({
    from,
    chat,
    user,
    status,
  }: {
    from: number | UserSpec;
    chat: ChatSpec;
    user: number | UserSpec;
    status: MemberStatus;
  }): Update.ChatMemberUpdate {
    const by = this.chats.userOf(from);
    const member = this.chats.userOf(user);
    const where = this.chats.chatOf(by, chat);
    const old = this.chats.member(where.id, member.id);
    this.chats.setMember(where.id, member.id, status);
    return {
      update_id: ++this.lastUpdateId,
      chat_member: {
        chat: where,
        from: by,
        date: unixNow(),
        old_chat_member: old,
        new_chat_member: this.chats.member(where.id, member.id),
      },
    } as unknown as Update.ChatMemberUpdate;
  }

  /** The getUpdates method: confirms by offset, answers what is ready or holds the poll up to `timeout`. */
  getUpdates(payload: Record<string, unknown>, res: ServerResponse): Update[] | Promise<Update[]> {
    if (this.hook) throw new ApiFailure(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    if (this.pendingPoll) {
      throw new ApiFailure(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
    }
    this.confirm(intOf(payload, 'offset') ?? 0);
    const limit = Math.min(Math.max(intOf(payload, 'limit') ?? 100, 1), 100);
    const timeout = Math.max(intOf(payload, 'timeout') ?? 0, 0);
    const allowed = Array.isArray(payload.allowed_updates) ? (payload.allowed_updates as string[]) : [];
    const filter = (u: Update) => allowed.length === 0 || allowed.includes(updateType(u));
    const ready = this.queue.filter(filter).slice(0, limit);
    if (ready.length > 0 || timeout === 0) return ready;
    return new Promise<Update[]>((resolve) => {
      const timer = setTimeout(() => answer([]), timeout * 1000);
      const answer = (updates: Update[]) => {
        clearTimeout(timer);
        if (this.pendingPoll?.answer === answer) this.pendingPoll = null;
        resolve(updates);
      };
      this.pendingPoll = { answer, filter };
      // A client that gives up (telegraf aborts on stop) must not leave a phantom poller behind.
      res.once('close', () => answer([]));
    });
  }

  setWebhook(payload: Record<string, unknown>): true {
    const url = String(payload.url ?? '');
    if (url === '') {
      this.hook = null;
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
    if (flag(payload.drop_pending_updates)) this.queue = [];
    this.hook = secret === undefined ? { url } : { url, secretToken: secret };
    return true;
  }

  deleteWebhook(payload: Record<string, unknown>): true {
    if (flag(payload.drop_pending_updates)) this.queue = [];
    this.hook = null;
    return true;
  }

  webhookInfo() {
    return { url: this.hook?.url ?? '', has_custom_certificate: false, pending_update_count: this.queue.length };
  }

  /** POSTs an update to the webhook set with setWebhook, like Telegram; answers the HTTP status. */
  async deliverWebhook(update: Update): Promise<number> {
    const webhook = this.hook;
    if (!webhook) throw new Error('fake Telegram: no webhook is set');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (webhook.secretToken) headers['x-telegram-bot-api-secret-token'] = webhook.secretToken;
    const res = await fetch(webhook.url, { method: 'POST', headers, body: JSON.stringify(update) });
    await res.arrayBuffer();
    return res.status;
  }

  /** Answers a waiting long poll with nothing, so the server can close. */
  release(): void {
    this.pendingPoll?.answer([]);
  }

  private confirm(offset: number): void {
    if (offset > 0) {
      this.queue = this.queue.filter((u) => u.update_id >= offset);
    } else if (offset < 0) {
      this.queue = this.queue.slice(offset);
    }
  }
}
