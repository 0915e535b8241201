// /start and /help: what the bot does, an example of every command, where the API key is; /help words
// (or its button): every word the grammar knows, listed from its tables; and the command menus.
import { Composer } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import { botText, MENU_COMMANDS } from '../../domain/i18n/bot.js';
import { wordsHelp } from '../../domain/format/words.js';
import type { Lang } from '../../domain/i18n/lang.js';
import type { BotContext, Services } from '../context.js';

/** The menu, in the order Telegram shows it. */
export function menuCommands(lang: Lang): BotCommand[] {
  return MENU_COMMANDS.map((command) => ({ command, description: botText[lang].menu[command] }));
}

const WORDS_PRESS = 'help:words';
const WORDS_ARGUMENT = /^(words|слова)$/i;

export function startFeature({ gateway }: Services): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(['start', 'help'], async (ctx) => {
    if (WORDS_ARGUMENT.test(ctx.payload.trim())) {
      await gateway.sendHtml(ctx.chat.id, wordsHelp(ctx.lang));
      return;
    }
    const text = botText[ctx.lang];
    await gateway.sendHtml(ctx.chat.id, text.help, { keyboard: { inline_keyboard: [[{ text: text.allWords, callback_data: WORDS_PRESS }]] } });
  });
  // Anyone may read the list: it says nothing about an account.
  feature.action(WORDS_PRESS, async (ctx) => {
    await gateway.answerCallback(ctx.callbackQuery.id);
    if (ctx.chat) await gateway.sendHtml(ctx.chat.id, wordsHelp(ctx.lang));
  });
  return feature;
}
