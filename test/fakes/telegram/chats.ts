// The fake Telegram's memory: chats, every message in them (the users' and the bot's), who is a member with
// what status; and each message as the bot gets it (a Message) and as a user sees it (a SentMessage).
import type { Chat, InlineKeyboardButton, Message, User } from 'telegraf/types';
import type { Entity } from '../../support/telegram-html.js';
import type { UploadedFile } from './wire.js';

export interface UploadedPhoto extends UploadedFile {
  width: number;
  height: number;
}

export type MemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

export interface UserSpec {
  id: number;
  firstName?: string;
  username?: string;
  languageCode?: string;
}

export interface ChatSpec {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  /** A public chat's @username (without the @), so that getChat finds it by name. */
  username?: string;
}

/** An admin's rights that the bot looks at (Telegram's can_* fields); unset ones are granted. */
export interface MemberRights {
  /** Channels only: may post messages. */
  canPostMessages?: boolean;
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
  /** A picture sent with sendPhoto, as uploaded, with the size Telegram read from it. */
  photo?: UploadedPhoto;
  silent: boolean;
  replyTo?: number;
  edited: boolean;
  /** Set while the message is pinned. */
  pinned?: true;
}

export interface StoredMessage {
  chatId: number;
  messageId: number;
  fromBot: boolean;
  date: number;
  text?: string;
  caption?: string;
  entities: Entity[];
  markup?: Record<string, unknown>;
  document?: UploadedFile & { fileId: string };
  photo?: UploadedPhoto & { fileId: string };
  silent: boolean;
  replyTo?: number;
  edited: boolean;
  deleted: boolean;
  pinned?: boolean;
}

export interface ChatState {
  chat: Chat;
  lastMessageId: number;
  messages: Map<number, StoredMessage>;
}

export const unixNow = () => Math.floor(Date.now() / 1000);

export class Chats {
  private readonly states = new Map<number, ChatState>();
  /** Every message stored, in order. */
  private readonly order: StoredMessage[] = [];
  private readonly deletions: { chatId: number; messageId: number }[] = [];
  private readonly members = new Map<string, MemberStatus>();
  private readonly rights = new Map<string, MemberRights>();
  private readonly users = new Map<number, User>();

  constructor(readonly bot: User) {}

  /** A chat seen before, or undefined. */
  find(chatId: number): ChatState | undefined {
    return this.states.get(chatId);
  }

  /** A chat, made up on first mention: positive ids are private chats, -100… supergroups, other negatives groups. */
  state(chatId: number, spec?: ChatSpec): ChatState {
    let state = this.states.get(chatId);
    if (!state) {
      const chat: Chat = spec
        ? spec.type === 'private'
          ? { id: chatId, type: 'private', first_name: `User${chatId}` }
          : spec.type === 'group'
            ? { id: chatId, type: 'group', title: spec.title ?? `Group ${chatId}` }
            : spec.type === 'channel'
              ? { id: chatId, type: 'channel', title: spec.title ?? `Channel ${chatId}`, ...(spec.username ? { username: spec.username } : {}) }
              : { id: chatId, type: 'supergroup', title: spec.title ?? `Group ${chatId}`, ...(spec.username ? { username: spec.username } : {}) }
        : chatId > 0
          ? { id: chatId, type: 'private', first_name: `User${chatId}` }
          : ({ id: chatId, type: String(chatId).startsWith('-100') ? 'supergroup' : 'group', title: `Group ${chatId}` } as Chat);
      state = { chat, lastMessageId: 0, messages: new Map() };
      this.states.set(chatId, state);
    }
    return state;
  }

  /** A message of a chat seen before (deleted ones included), or undefined. */
  message(chatId: number, messageId: number): StoredMessage | undefined {
    return this.states.get(chatId)?.messages.get(messageId);
  }

  /** A user as Telegram knows them: by id, the one last seen with that id (so getChatMember gives their name). */
  userOf(from: number | UserSpec): User {
    if (typeof from === 'number') return this.users.get(from) ?? { id: from, is_bot: false, first_name: `User${from}` };
    const user: User = { id: from.id, is_bot: false, first_name: from.firstName ?? `User${from.id}` };
    if (from.username) user.username = from.username;
    if (from.languageCode) user.language_code = from.languageCode;
    this.users.set(from.id, user);
    return user;
  }

  /** Where a user writes: `spec`, or their private chat. */
  chatOf(from: User, spec?: ChatSpec): Chat {
    return this.state(spec?.id ?? from.id, spec ?? { id: from.id, type: 'private' }).chat;
  }

  store(chatId: number, fields: Omit<StoredMessage, 'chatId' | 'messageId' | 'date' | 'edited' | 'deleted'>): StoredMessage {
    const state = this.state(chatId);
    const message: StoredMessage = { ...fields, chatId, messageId: ++state.lastMessageId, date: unixNow(), edited: false, deleted: false };
    state.messages.set(message.messageId, message);
    this.order.push(message);
    return message;
  }

  delete(message: StoredMessage): void {
    message.deleted = true;
    this.deletions.push({ chatId: message.chatId, messageId: message.messageId });
  }

  /** A document sent before, by its file_id. */
  document(fileId: string): (UploadedFile & { fileId: string }) | undefined {
    return this.order.find((m) => m.document?.fileId === fileId)?.document;
  }

  /** What getChatMember would say; undefined when nobody set it. */
  memberStatus(chatId: number, userId: number): MemberStatus | undefined {
    return this.members.get(`${chatId}/${userId}`);
  }

  setMember(chatId: number, userId: number, status: MemberStatus, rights: MemberRights = {}): void {
    this.members.set(`${chatId}/${userId}`, status);
    this.rights.set(`${chatId}/${userId}`, rights);
  }

  /** The ChatMember object Telegram gives for this user here (getChatMember, membership updates). */
  member(chatId: number, userId: number): Record<string, unknown> {
    const status = this.memberStatus(chatId, userId) ?? 'member';
    const user = userId === this.bot.id ? this.bot : this.userOf(userId);
    const member: Record<string, unknown> = { status, user };
    if (status === 'creator') member.is_anonymous = false;
    if (status === 'administrator') {
      // biome-ignore format: a flag table, packed by hand
      Object.assign(member, {
        can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true,
        can_manage_video_chats: false, can_restrict_members: true, can_promote_members: false,
        can_change_info: true, can_invite_users: true, can_post_stories: false, can_edit_stories: false,
        can_delete_stories: false, can_pin_messages: true,
      });
      // Only channel admins have the right to post (and to edit others' posts) at all.
      if (this.state(chatId).chat.type === 'channel') {
        const { canPostMessages = true } = this.rights.get(`${chatId}/${userId}`) ?? {};
        Object.assign(member, { can_post_messages: canPostMessages, can_edit_messages: canPostMessages });
      }
    }
    if (status === 'kicked') member.until_date = 0;
    return member;
  }

  /** A public chat by its @username. */
  byUsername(username: string): ChatState | undefined {
    return [...this.states.values()].find((s) => (s.chat as { username?: string }).username?.toLowerCase() === username.toLowerCase());
  }

  /** The bot was removed from this group or channel (it can neither read nor write there). */
  botRemoved(chatId: number): boolean {
    const status = this.memberStatus(chatId, this.bot.id);
    return chatId < 0 && (status === 'left' || status === 'kicked');
  }

  /** The bot's visible messages, in the order they were sent; one chat's when `chatId` is given. */
  sent(chatId?: number): SentMessage[] {
    return this.order.filter((m) => m.fromBot && !m.deleted && (chatId === undefined || m.chatId === chatId)).map(visible);
  }

  /** Messages deleted by the bot (its own or users'). */
  deleted(chatId?: number): { chatId: number; messageId: number }[] {
    return this.deletions.filter((d) => chatId === undefined || d.chatId === chatId);
  }

  /** The message as the Bot API returns it. */
  asMessage(m: StoredMessage): Message {
    const chat = this.state(m.chatId).chat;
    const out: Record<string, unknown> = { message_id: m.messageId, from: this.bot, chat, date: m.date };
    if (m.edited) out.edit_date = unixNow();
    if (m.text !== undefined) out.text = m.text;
    if (m.caption !== undefined) out.caption = m.caption;
    if (m.entities.length > 0) out[m.text !== undefined ? 'entities' : 'caption_entities'] = m.entities;
    if (m.markup?.inline_keyboard) out.reply_markup = m.markup;
    if (m.photo) {
      // Telegram answers with the sizes it made; the fake keeps the original only.
      out.photo = [
        { file_id: m.photo.fileId, file_unique_id: `u${m.photo.fileId}`, width: m.photo.width, height: m.photo.height, file_size: m.photo.content.length },
      ];
    }
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
  }
}

function visible(m: StoredMessage): SentMessage {
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
  if (m.photo)
    seen.photo = { filename: m.photo.filename, contentType: m.photo.contentType, content: m.photo.content, width: m.photo.width, height: m.photo.height };
  if (m.pinned) seen.pinned = true;
  if (m.document) seen.document = { filename: m.document.filename, contentType: m.document.contentType, content: m.document.content };
  if (m.replyTo !== undefined) seen.replyTo = m.replyTo;
  return seen;
}
