// Marks every message to a chat fed by the demo shop (replies, alerts, digests, the pinned card), so that
// made-up orders are never taken for real ones: one wrapper around the gateway instead of a line in every renderer.
import { html, type Html } from '../domain/format/html.js';
import { demoText } from '../domain/i18n/demo.js';
import { chatLanguage, type Lang } from '../domain/i18n/lang.js';
import type { Gateway } from '../outbound/gateway.js';
import type { AccountStore } from '../store/accounts.js';
import type { ChatStore } from '../store/chats.js';
import { isDemoAccount } from './account.js';

export interface DemoMarkStores {
  chats: Pick<ChatStore, 'get' | 'getUser'>;
  accounts: Pick<AccountStore, 'get'>;
}

/** The language of the demo mark for this chat, or null when the chat is not fed by the demo shop. */
async function demoChatLanguage(stores: DemoMarkStores, chatId: number): Promise<Lang | null> {
  const chat = await stores.chats.get(chatId);
  // A private chat's id is its user's id: their own account answers there even before the chat records it.
  const owner = chat.ownerId ?? (chatId > 0 ? chatId : undefined);
  if (owner === undefined) return null;
  const account = await stores.accounts.get(owner);
  if (!account || !isDemoAccount(account.creds)) return null;
  if (chat.lang) return chat.lang;
  return chatLanguage({ user: (await stores.chats.getUser(owner)).lang });
}

/** The gateway, with the demo mark as the last line of every text and caption sent to a demo chat. */
export function markDemoChats(gateway: Gateway, stores: DemoMarkStores): Gateway {
  const marked = async (chatId: number, text: Html | undefined): Promise<Html | undefined> => {
    // Redis away must not silence the bot (its apologies, a drill's answers): without the facts, no mark.
    const lang = await demoChatLanguage(stores, chatId).catch(() => null);
    if (lang === null) return text;
    return text === undefined ? demoText[lang].mark : html`${text}\n\n${demoText[lang].mark}`;
  };
  return {
    ...gateway,
    sendHtml: async (chatId, text, extra) => gateway.sendHtml(chatId, (await marked(chatId, text))!, extra),
    editHtml: async (chatId, messageId, text, keyboard) => gateway.editHtml(chatId, messageId, (await marked(chatId, text))!, keyboard),
    sendDocument: async (chatId, file, caption) => gateway.sendDocument(chatId, file, await marked(chatId, caption)),
    sendPhoto: async (chatId, photo, caption) => gateway.sendPhoto(chatId, photo, await marked(chatId, caption)),
  };
}
