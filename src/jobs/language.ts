// The language of a delivery (alert, notice, digest): chatLanguage() with the facts the engine has, so a
// chat is alerted in the language it is answered in.
import { chatLanguage, type Lang } from '../domain/i18n/lang.js';
import type { ChatSettings, ChatStore } from '../store/chats.js';

/**
 * The chat's setting, else the /lang of the person whose account feeds it (a private chat's id is its
 * user's id), else the default: a delivery has no sender and so no Telegram language_code.
 */
export async function deliveryLanguage(chats: Pick<ChatStore, 'getUser'>, chatId: number, chat: ChatSettings): Promise<Lang> {
  if (chat.lang) return chat.lang;
  const person = chat.ownerId ?? (chatId > 0 ? chatId : undefined);
  const user = person === undefined ? {} : await chats.getUser(person);
  return chatLanguage({ user: user.lang });
}
