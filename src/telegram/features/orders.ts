// /orders [period] [paid|all] [goods <ids>]: the header and the orders, newest first; answers longer
// than one message are paged with ◀ ▶ buttons that edit the message in place, for whoever asked only.
import { Composer } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { ACCOUNT_CURRENCY } from '../../domain/format/money.js';
import { renderOrdersPages } from '../../domain/format/orders.js';
import { botText } from '../../domain/i18n/bot.js';
import { limitsText } from '../../domain/i18n/limits.js';
import { PageStore } from '../../store/pages.js';
import type { BotContext, Services } from '../context.js';
import { addGoalLine } from '../goal-line.js';
import { glanceComparison } from '../glance-query.js';
import { fetchOrdersFor, prepareOrdersQuery, type PreparedQuery } from '../orders-query.js';

/** The header's change line; a failed JustClick call for it only leaves the line out (the list still comes). */
async function ordersComparison(s: Services, ctx: BotContext, prepared: PreparedQuery) {
  try {
    return await glanceComparison(s, ctx, prepared);
  } catch (err) {
    ctx.log.warn({ err: { message: (err as Error).message } }, 'no comparison for the /orders header');
    return null;
  }
}

/** At most this many orders become pages of one answer (50,000 took 13 MB and 2.7 s to render). */
export const MAX_PAGED_ORDERS = 2_000;

const PAGE_PRESS = /^pg:([A-Za-z0-9_-]{11}):(\d{1,4})$/;
const PAGE_COUNTER = 'pg:count';

/** ◀ 2/7 ▶ — the arrows wrap around, so every button does something. */
export function pageKeyboard(id: string, index: number, total: number): InlineKeyboardMarkup {
  const previous = (index - 1 + total) % total;
  const next = (index + 1) % total;
  return {
    inline_keyboard: [
      [
        { text: '◀', callback_data: `pg:${id}:${previous}` },
        { text: `${index + 1}/${total}`, callback_data: PAGE_COUNTER },
        { text: '▶', callback_data: `pg:${id}:${next}` },
      ],
    ],
  };
}

export function ordersFeature(s: Services): Composer<BotContext> {
  const { gateway } = s;
  const feature = new Composer<BotContext>();

  feature.command('orders', async (ctx) => {
    const chatId = ctx.chat.id;
    const userId = ctx.from.id;
    const prepared = await prepareOrdersQuery(s, ctx, '/orders', ctx.payload);
    if (!prepared) return;
    await gateway.typing(chatId);
    await s.background(ctx, async () => {
      // The list first: when JustClick or the budget refuses it, the comparison is not asked for either.
      const found = await fetchOrdersFor(s, ctx, prepared);
      if (!found) return;
      const comparison = await ordersComparison(s, ctx, prepared);
      // Newest first: the cap keeps the newest, and says so (pages are kept in Redis and rendered at once).
      const orders = found.length > MAX_PAGED_ORDERS ? found.slice(0, MAX_PAGED_ORDERS) : found;
      const pages = renderOrdersPages(orders, {
        period: prepared.period,
        paidOnly: prepared.query.paidOnly,
        goods: prepared.query.goods,
        timeZone: ctx.timeZone,
        lang: ctx.lang,
        currency: ACCOUNT_CURRENCY,
        maskContacts: ctx.chat.type !== 'private',
        now: s.now(),
        comparison,
      });
      await addGoalLine(s, ctx, prepared, orders, pages);
      const [first] = pages;
      if (first === undefined) return;
      if (orders.length < found.length) await gateway.sendHtml(chatId, limitsText[ctx.lang].ordersCapped(orders.length, found.length));
      if (pages.length === 1) {
        await gateway.sendHtml(chatId, first);
        return;
      }
      const id = await s.pages.save({ userId, ownerId: prepared.account.ownerId, chatId, pages });
      await gateway.sendHtml(chatId, first, { keyboard: pageKeyboard(id, 0, pages.length) });
    });
  });

  feature.action(PAGE_COUNTER, async (ctx) => {
    await gateway.answerCallback(ctx.callbackQuery.id);
  });

  feature.action(PAGE_PRESS, async (ctx) => {
    const text = botText[ctx.lang];
    const [, id = '', indexText = ''] = ctx.match;
    const callbackId = ctx.callbackQuery.id;
    const shown = ctx.callbackQuery.message;
    const answer = PageStore.isPageId(id) ? await s.pages.get(id) : null;
    if (!answer || !shown) {
      await gateway.answerCallback(callbackId, text.pageExpired, true);
      return;
    }
    // Callback data is untrusted: the press must come from whoever asked, on the message we sent them.
    if (answer.userId !== ctx.from.id || answer.chatId !== shown.chat.id) {
      ctx.log.info({ pressedBy: ctx.from.id }, 'page button pressed by someone else; refused');
      await gateway.answerCallback(callbackId, text.pageNotYours, true);
      return;
    }
    const index = Number(indexText);
    const page = answer.pages[index];
    if (page === undefined) {
      await gateway.answerCallback(callbackId, text.staleButton, true);
      return;
    }
    await gateway.editHtml(shown.chat.id, shown.message_id, page, pageKeyboard(id, index, answer.pages.length));
    await gateway.answerCallback(callbackId);
  });

  return feature;
}
