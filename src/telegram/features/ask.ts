// Plain questions in a private chat ("сколько продаж вчера?", "order 12345", an e-mail) answered as the
// matching command, and the buttons that ask again ("Did you mean …?", examples, which product). In groups
// the bot hears only commands (privacy): text there is left alone.
import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import { botText } from '../../domain/i18n/bot.js';
import { ChoiceStore } from '../../store/choices.js';
import { answerRequest } from '../ask.js';
import { CHOICE_PRESS } from '../understand.js';
import type { BotContext, Services } from '../context.js';
import { EXPORT_ANSWERS } from './export.js';
import { ORDERS_ANSWERS } from './orders.js';

/** A long run of letters and digits with both in it: a key or a token pasted by mistake, not a question. */
const LOOKS_LIKE_SECRET = /^(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{20,}$/;

export function askFeature(s: Services): Composer<BotContext> {
  const { gateway } = s;
  const feature = new Composer<BotContext>();

  feature.on(message('text'), async (ctx, next) => {
    const text = ctx.message.text.trim();
    if (ctx.chat.type !== 'private' || text.startsWith('/')) return next();
    // Never quote a secret back into the chat history: point to the commands instead.
    if (LOOKS_LIKE_SECRET.test(text)) {
      await gateway.sendHtml(ctx.chat.id, botText[ctx.lang].plainText);
      return;
    }
    await answerRequest(s, ctx, { command: 'orders', text, plain: true }, ORDERS_ANSWERS);
  });

  feature.action(CHOICE_PRESS, async (ctx) => {
    const text = botText[ctx.lang];
    const [, id = '', indexText = ''] = ctx.match;
    const callbackId = ctx.callbackQuery.id;
    const shown = ctx.callbackQuery.message;
    const choice = ChoiceStore.isChoiceId(id) ? await s.choices.get(id) : null;
    const option = choice?.options[Number(indexText)];
    if (!choice || !shown || !option) {
      await gateway.answerCallback(callbackId, text.staleButton, true);
      return;
    }
    // Callback data is untrusted: the press must come from whoever asked, in the chat they asked in.
    if (choice.userId !== ctx.from.id || choice.chatId !== shown.chat.id) {
      ctx.log.info({ pressedBy: ctx.from.id }, 'choice button pressed by someone else; refused');
      await gateway.answerCallback(callbackId, text.buttonNotYours, true);
      return;
    }
    await gateway.answerCallback(callbackId);
    const asked = { command: choice.command, text: option.text, ...(option.without ? { without: option.without } : {}) };
    await answerRequest(s, ctx, asked, choice.command === 'export' ? EXPORT_ANSWERS : ORDERS_ANSWERS);
  });

  return feature;
}
