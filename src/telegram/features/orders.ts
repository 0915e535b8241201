// /orders [words] and its shortcuts /today, /yesterday, /sales, /revenue, /stats: the period's two sets
// in the header (paid in it, created in it) and the orders themselves, newest first; answers longer than
// one message are paged with ◀ ▶ buttons that edit the message in place, for whoever asked only. A
// question about numbers ("how many", "revenue") gets the header first and a button for the list.
import { Composer } from 'telegraf';
import type { Html } from '../../domain/format/html.js';
import { ACCOUNT_CURRENCY } from '../../domain/format/money.js';
import type { Order } from '../../domain/justclick.js';
import { listedOrders, listOrders, pageCount, renderListingPage, renderOrdersHeader, type OrdersPageOptions } from '../../domain/format/orders.js';
import { botText } from '../../domain/i18n/bot.js';
import { limitsText } from '../../domain/i18n/limits.js';
import { ordersText, type Alias } from '../../domain/i18n/orders.js';
import { PageStore } from '../../store/pages.js';
import { answerRequest, type Answers } from '../ask.js';
import type { BotContext, Services } from '../context.js';
import { glanceComparison } from '../glance-query.js';
import { addGoalLine } from '../goal-line.js';
import { fetchOrderSetsFor } from '../orders-query.js';
import type { PreparedQuery } from '../understand.js';
import { openListKeyboard, PAGE_COUNTER, PAGE_PRESS, pageKeyboard } from '../paging.js';
import { sendCombined } from './all-accounts.js';
import { lookupBuyer, lookupOrder } from './lookup.js';
import { masksContacts } from '../team-access.js';

/** At most this many orders become pages of one answer (50,000 took 13 MB and 2.7 s to render). */
export const MAX_PAGED_ORDERS = 2_000;

const ALIASES: readonly Alias[] = ['today', 'yesterday', 'sales', 'revenue', 'stats'];

/** The header's change line; a failed JustClick call for it only leaves the line out (the list still comes). */
async function ordersComparison(s: Services, ctx: BotContext, prepared: PreparedQuery, paidInPeriod: readonly Order[]): Promise<Html | null> {
  try {
    return await glanceComparison(s, ctx, prepared, paidInPeriod);
  } catch (err) {
    ctx.log.warn({ err: { message: (err as Error).message } }, 'no comparison for the /orders header');
    return null;
  }
}

/** The orders of a period as the seller asked: the list (paged), or the numbers with a button for the list. */
async function sendOrders(s: Services, ctx: BotContext, prepared: PreparedQuery): Promise<void> {
  if (prepared.combined) return sendCombined(s, ctx, prepared);
  const { gateway } = s;
  const chatId = ctx.chat!.id;
  const userId = ctx.from!.id;
  const { request } = prepared;
  await gateway.typing(chatId);
  await s.background(ctx, async () => {
    // The list first: when JustClick or the budget refuses it, the comparison is not asked for either.
    const sets = await fetchOrderSetsFor(s, ctx, prepared);
    if (!sets) return;
    // "No orders" has no figures to compare: nothing more is asked then.
    const empty = sets.created.length === 0 && sets.paid.length === 0;
    const comparison = empty ? null : await ordersComparison(s, ctx, prepared, sets.paid);
    const opts: OrdersPageOptions = {
      period: prepared.period,
      list: request.list,
      status: request.status,
      goods: prepared.goodsLabels,
      timeZone: ctx.timeZone,
      lang: ctx.lang,
      currency: ACCOUNT_CURRENCY,
      maskContacts: masksContacts(ctx),
      now: s.now(),
      comparison,
    };
    const listed = listedOrders(sets, request.list, request.status).length;
    // Newest first: the cap keeps the newest, and says so; the header still counts every order. Only the
    // first page is rendered now: the listing is kept, and ◀ ▶ renders the page pressed for.
    const listing = listOrders(sets, opts, MAX_PAGED_ORDERS);
    const pages = [renderListingPage(listing, 0)];
    await addGoalLine(s, ctx, prepared, sets.paid, pages);
    const total = pageCount(listing);
    const save = () => s.pages.save({ userId, ownerId: prepared.account.ownerId, chatId, pages, ...(total > 1 ? { listing } : {}) });
    if (request.focus === 'summary') {
      const summary = [renderOrdersHeader(sets, opts)];
      await addGoalLine(s, ctx, prepared, sets.paid, summary);
      const header = summary[0]!;
      if (listed === 0) await gateway.sendHtml(chatId, header);
      else
        await gateway.sendHtml(chatId, header, {
          keyboard: openListKeyboard(await save(), ordersText[ctx.lang].showList(request.list, request.status, listed)),
        });
      return;
    }
    const [first] = pages;
    if (first === undefined) return;
    if (listed > MAX_PAGED_ORDERS) await gateway.sendHtml(chatId, limitsText[ctx.lang].ordersCapped(MAX_PAGED_ORDERS, listed));
    if (total === 1) {
      await gateway.sendHtml(chatId, first);
      return;
    }
    await gateway.sendHtml(chatId, first, { keyboard: pageKeyboard(await save(), 0, total) });
  });
}

/** /orders and its shortcuts end here; one order and one buyer go to the lookups. */
export const ORDERS_ANSWERS: Answers = { orders: sendOrders, order: lookupOrder, buyer: lookupBuyer };

export function ordersFeature(s: Services): Composer<BotContext> {
  const { gateway } = s;
  const feature = new Composer<BotContext>();

  feature.command('orders', async (ctx) => {
    await answerRequest(s, ctx, { command: 'orders', text: ctx.payload }, ORDERS_ANSWERS);
  });

  // "/sales last week" reads as "paid last week": the shortcut's own word, in the chat's language, then the rest.
  for (const alias of ALIASES) {
    feature.command(alias, async (ctx) => {
      const added = ordersText[ctx.lang].aliasWords[alias];
      await answerRequest(s, ctx, { command: 'orders', text: `${added} ${ctx.payload}`.trim(), added }, ORDERS_ANSWERS);
    });
  }

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
    // The pages rendered when it was asked (the first, with the goal line), then the listing's, rendered now.
    const total = answer.listing ? pageCount(answer.listing) : answer.pages.length;
    const page = answer.pages[index] ?? (answer.listing && index < total ? renderListingPage(answer.listing, index) : undefined);
    if (page === undefined) {
      await gateway.answerCallback(callbackId, text.staleButton, true);
      return;
    }
    // A summary's list of one page needs no arrows.
    const keyboard = total > 1 ? pageKeyboard(id, index, total) : undefined;
    await gateway.editHtml(shown.chat.id, shown.message_id, page, keyboard);
    await gateway.answerCallback(callbackId);
  });

  return feature;
}
