// /start and /help: what the bot does, an example of every command, where the API key is; and the
// command menus registered with setMyCommands.
import { Composer } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import { botText, MENU_COMMANDS } from '../../domain/i18n/bot.js';
import type { Lang } from '../../domain/i18n/lang.js';
import type { BotContext, Services } from '../context.js';

/** The menu, in the order Telegram shows it. */
export function menuCommands(lang: Lang): BotCommand[] {
  return MENU_COMMANDS.map((command) => ({ command, description: botText[lang].menu[command] }));
}

export function startFeature({ gateway }: Services): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(['start', 'help'], async (ctx) => {
    await gateway.sendHtml(ctx.chat.id, botText[ctx.lang].help);
  });
  return feature;
}
