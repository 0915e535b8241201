// /export [words]: the orders /orders would list for the same words, as a CSV file (UTF-8 with BOM for
// Excel). Private chats only: the file holds buyers' full contacts, which groups never see.
import { Composer } from 'telegraf';
import { ordersToCsv } from '../../domain/csv.js';
import { isoDate } from '../../domain/calendar.js';
import type { Period } from '../../domain/calendar-periods.js';
import { describePeriod } from '../../domain/format/dates.js';
import { botText } from '../../domain/i18n/bot.js';
import { limitsText } from '../../domain/i18n/limits.js';
import { answerRequest, type Answers } from '../ask.js';
import type { BotContext, Services } from '../context.js';
import { fetchOrdersFor } from '../orders-query.js';
import type { PreparedQuery } from '../understand.js';
import { lookupBuyer, lookupOrder } from './lookup.js';

/** At most this many orders go into one file (about 10 MB of CSV). */
const MAX_EXPORTED_ORDERS = 20_000;

/** orders-2026-11-01_2026-11-15.csv (local days, inclusive); one day gives orders-2026-11-28.csv. */
function exportFilename(period: Period): string {
  const first = isoDate(period.firstDay);
  const last = isoDate(period.lastDay);
  return first === last ? `orders-${first}.csv` : `orders-${first}_${last}.csv`;
}

/** The file of the orders the words ask for. */
async function sendExport(s: Services, ctx: BotContext, prepared: PreparedQuery): Promise<void> {
  const chatId = ctx.chat!.id;
  await s.gateway.typing(chatId);
  await s.background(ctx, async () => {
    const orders = await fetchOrdersFor(s, ctx, prepared);
    if (!orders) return;
    if (orders.length > MAX_EXPORTED_ORDERS) {
      // A file cut short would pass for the whole period in someone's accounts: refuse instead.
      await s.gateway.sendHtml(chatId, limitsText[ctx.lang].exportTooBig(orders.length, MAX_EXPORTED_ORDERS));
      return;
    }
    const content = ordersToCsv(orders, { timeZone: ctx.timeZone, lang: ctx.lang });
    const caption = botText[ctx.lang].exportCaption(orders.length, describePeriod(prepared.period, ctx.lang));
    await s.gateway.sendDocument(chatId, { filename: exportFilename(prepared.period), content }, caption);
  });
}

/** /export of one order or one buyer shows them, as /orders would. */
export const EXPORT_ANSWERS: Answers = { orders: sendExport, order: lookupOrder, buyer: lookupBuyer };

export function exportFeature(s: Services): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('export', async (ctx) => {
    if (ctx.chat.type !== 'private') {
      await s.gateway.sendHtml(ctx.chat.id, botText[ctx.lang].privateOnly('export'));
      return;
    }
    await answerRequest(s, ctx, { command: 'export', text: ctx.payload }, EXPORT_ANSWERS);
  });

  return feature;
}
