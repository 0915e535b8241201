// The last handlers: a button nobody handled (an old message, a forged press) still gets an answer so
// its spinner stops, and a private command the bot does not know gets a pointer to /help (plain text is
// a question: features/ask.ts answers it).
import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import { botText } from '../../domain/i18n/bot.js';
import type { BotContext, Services } from '../context.js';

export function fallbackFeature({ gateway }: Services): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on('callback_query', async (ctx) => {
    await gateway.answerCallback(ctx.callbackQuery.id, botText[ctx.lang].staleButton, false);
  });

  // In groups the bot hears only commands meant for it (privacy mode); it keeps quiet about the rest.
  feature.on(message('text'), async (ctx) => {
    if (ctx.chat.type !== 'private') return;
    const text = botText[ctx.lang];
    await gateway.sendHtml(ctx.chat.id, ctx.message.text.startsWith('/') ? text.unknownCommand : text.plainText);
  });

  return feature;
}
