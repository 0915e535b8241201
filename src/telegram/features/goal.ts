// /goal <sum>|off (no argument: the goal and how far along): a monthly revenue goal for the chat's account,
// shown in the digest and /orders month; the engine writes when 50%, 90% and 100% are reached.
import { Composer } from 'telegraf';
import { ACCOUNT_CURRENCY, formatMoney } from '../../domain/format/money.js';
import { joinHtml } from '../../domain/format/html.js';
import { parseGoalSum, renderGoalLine } from '../../domain/goal.js';
import { switchWord } from '../../domain/i18n/commands.js';
import { goalText } from '../../domain/i18n/goal.js';
import { accountForNotifications, mayConfigureChat } from '../access.js';
import type { BotContext, Services } from '../context.js';

export function goalFeature(s: Services): Composer<BotContext> {
  const { gateway } = s;
  const feature = new Composer<BotContext>();

  feature.command('goal', async (ctx) => {
    const chatId = ctx.chat.id;
    const text = goalText[ctx.lang];
    const input = ctx.payload.trim();
    const line = async () => {
      const progress = await s.engine.goals.progress(chatId, { baseline: true });
      return progress && renderGoalLine(progress, ctx.lang, ACCOUNT_CURRENCY);
    };

    if (input === '') {
      if (!ctx.chatSettings.goal) {
        await gateway.sendHtml(chatId, text.state(null));
        return;
      }
      await s.background(ctx, async () => {
        await gateway.sendHtml(chatId, text.state(await line()));
      });
      return;
    }

    if (switchWord(input.toLowerCase()) === 'off') {
      const access = await mayConfigureChat(s, ctx);
      if (!access.ok) return s.refuse(ctx, access);
      ctx.chatSettings = await s.chats.update(chatId, { goal: null });
      await gateway.sendHtml(chatId, text.off);
      return;
    }

    const amount = parseGoalSum(input);
    if (amount === null) {
      await gateway.sendHtml(chatId, text.usage(input.slice(0, 32)));
      return;
    }
    const access = await accountForNotifications(s, ctx);
    if (!access.ok) return s.refuse(ctx, access);
    ctx.chatSettings = await s.chats.update(chatId, { goal: { amount } });
    await gateway.typing(chatId);
    // Progress needs the month's paid orders from JustClick: slow work. It also claims the milestones already
    // behind, so that a goal set on the 20th does not announce "50% reached" a minute later.
    await s.background(ctx, async () => {
      await gateway.sendHtml(chatId, joinHtml([text.set(formatMoney(amount, ACCOUNT_CURRENCY, ctx.lang)), await line()], '\n'));
    });
  });

  return feature;
}
