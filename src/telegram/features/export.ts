// /export [period] [paid]: the same orders as /orders, as a CSV file (UTF-8 with BOM for Excel).
// Private chats only: the file holds buyers' full contacts, which groups never see.
import { Composer } from 'telegraf';
import { ordersToCsv } from '../../domain/csv.js';
import { isoDate } from '../../domain/calendar.js';
import { describePeriod } from '../../domain/format/dates.js';
import { botText } from '../../domain/i18n/bot.js';
import { limitsText } from '../../domain/i18n/limits.js';
import type { Period } from '../../domain/period.js';
import type { BotContext, Services } from '../context.js';
import { fetchOrdersFor, prepareOrdersQuery } from '../orders-query.js';

/** At most this many orders go into one file (about 10 MB of CSV). */
const MAX_EXPORTED_ORDERS = 20_000;

/** orders-2026-11-01_2026-11-15.csv (local days, inclusive); one day gives orders-2026-11-28.csv. */
function exportFilename(period: Period): string {
  const first = isoDate(period.firstDay);
  const last = isoDate(period.lastDay);
  return first === last ? `orders-${first}.csv` : `orders-${first}_${last}.csv`;
}

export function exportFeature(s: Services): Composer<BotContext> {
  const { gateway } = s;
  const feature = new Composer<BotContext>();

  feature.command('export', async (ctx) => {
    const chatId = ctx.chat.id;
    if (ctx.chat.type !== 'private') {
      await gateway.sendHtml(chatId, botText[ctx.lang].privateOnly('export'));
      return;
    }
    const prepared = await prepareOrdersQuery(s, ctx, '/export', ctx.payload);
    if (!prepared) return;
    await gateway.typing(chatId);
    await s.background(ctx, async () => {
      const orders = await fetchOrdersFor(s, ctx, prepared);
      if (!orders) return;
      if (orders.length > MAX_EXPORTED_ORDERS) {
        // A file cut short would pass for the whole period in someone's accounts: refuse instead.
        await gateway.sendHtml(chatId, limitsText[ctx.lang].exportTooBig(orders.length, MAX_EXPORTED_ORDERS));
        return;
      }
      const content = ordersToCsv(orders, { timeZone: ctx.timeZone, lang: ctx.lang });
      const caption = botText[ctx.lang].exportCaption(orders.length, describePeriod(prepared.period, ctx.lang));
      await gateway.sendDocument(chatId, { filename: exportFilename(prepared.period), content }, caption);
    });
  });

  return feature;
}
