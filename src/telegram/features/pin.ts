// /pin, /pin off: the live "today so far" card, pinned in the chat and kept up to date by the engine.
import { Composer } from 'telegraf';
import { botText } from '../../domain/i18n/bot.js';
import { switchWord } from '../../domain/i18n/commands.js';
import { liveCardText } from '../../domain/i18n/live-card.js';
import { accountForNotifications, mayConfigureChat } from '../access.js';
import type { BotContext, Services } from '../context.js';

export function pinFeature(s: Services): Composer<BotContext> {
  const { gateway } = s;
  const feature = new Composer<BotContext>();

  feature.command('pin', async (ctx) => {
    const chatId = ctx.chat.id;
    const text = liveCardText[ctx.lang];
    const input = ctx.payload.trim().toLowerCase();

    if (input !== '' && switchWord(input) === 'off') {
      const access = await mayConfigureChat(s, ctx);
      if (!access.ok) return s.refuse(ctx, access);
      await gateway.sendHtml(chatId, (await s.engine.cards.stop(chatId)) ? text.off : text.notPinned);
      return;
    }

    const access = await accountForNotifications(s, ctx);
    if (!access.ok) return s.refuse(ctx, access);
    await gateway.typing(chatId);
    await s.background(ctx, async () => {
      const outcome = await s.engine.cards.start(chatId);
      const privateChat = ctx.chat.type === 'private';
      await gateway.sendHtml(
        chatId,
        outcome === 'pinned'
          ? text.pinned
          : outcome === 'no-right'
            ? text.noPinRight
            : privateChat
              ? botText[ctx.lang].notLinked
              : botText[ctx.lang].notLinkedInGroup,
      );
    });
  });

  return feature;
}
