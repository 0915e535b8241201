// /export [words] [csv]: the orders /orders would list for the same words, as a file — an XLSX workbook by
// default (real dates and numbers, a sheet of items), a CSV (UTF-8 with BOM for Excel) when asked for.
// Private chats only: the file holds buyers' full contacts, which groups never see.
import { Composer } from 'telegraf';
import { ordersToCsv } from '../../domain/csv.js';
import { isoDate } from '../../domain/calendar.js';
import type { Period } from '../../domain/calendar-periods.js';
import { describePeriod } from '../../domain/format/dates.js';
import { ACCOUNT_CURRENCY } from '../../domain/format/money.js';
import { botText } from '../../domain/i18n/bot.js';
import { glanceText } from '../../domain/i18n/glance.js';
import { limitsText } from '../../domain/i18n/limits.js';
import { buildOrdersWorkbook, MAX_EXPORT_ORDERS } from '../../domain/xlsx.js';
import { answerRequest, type Answers } from '../ask.js';
import type { BotContext, Services } from '../context.js';
import { fetchOrdersFor } from '../orders-query.js';
import type { PreparedQuery } from '../understand.js';
import { lookupBuyer, lookupOrder } from './lookup.js';
import { may } from '../../domain/roles.js';
import { teamText } from '../../domain/i18n/team.js';

/** At most this many orders go into one file (about 10 MB of CSV). */
const MAX_EXPORTED_ORDERS = 20_000;

export type ExportFormat = 'xlsx' | 'csv';

/**
 * orders-2026-11-01_2026-11-15-paid.xlsx: the local days (inclusive; one day gives orders-2026-11-28.xlsx)
 * and the filter, so that two exports in a Downloads folder say which is which.
 */
export function exportFilename(period: Period, paidOnly: boolean, format: ExportFormat): string {
  const first = isoDate(period.firstDay);
  const last = isoDate(period.lastDay);
  return `orders-${first === last ? first : `${first}_${last}`}${paidOnly ? '-paid' : ''}.${format}`;
}

/** "/export month csv": the file format word taken out of the other words (any case, any position). */
export function exportFormat(text: string): { format: ExportFormat; rest: string } {
  const words = text.split(/\s+/u).filter((w) => w !== '');
  const named = words.map((w) => w.toLowerCase()).find((w) => w === 'csv' || w === 'xlsx');
  return { format: named === 'csv' ? 'csv' : 'xlsx', rest: words.filter((w) => !/^(csv|xlsx)$/iu.test(w)).join(' ') };
}

/** The file of the orders the words ask for, in the format asked for. */
function sendExport(format: ExportFormat) {
  return async (s: Services, ctx: BotContext, prepared: PreparedQuery): Promise<void> => {
    const chatId = ctx.chat!.id;
    // The file holds every buyer's contacts: not for a viewer.
    if (!may(ctx.role, 'export')) return s.refuse(ctx, { reply: teamText[ctx.lang].viewerRefused });
    await s.gateway.typing(chatId);
    await s.background(ctx, async () => {
      const orders = await fetchOrdersFor(s, ctx, prepared);
      if (!orders) return;
      // A file cut short would pass for the whole period in someone's accounts: refuse instead. A workbook
      // past its own maximum would also take seconds of a shared core.
      const limit = format === 'xlsx' ? Math.min(MAX_EXPORTED_ORDERS, MAX_EXPORT_ORDERS) : MAX_EXPORTED_ORDERS;
      if (orders.length > limit) {
        await s.gateway.sendHtml(chatId, limitsText[ctx.lang].exportTooBig(orders.length, limit));
        return;
      }
      const t = glanceText[ctx.lang];
      const paidOnly = prepared.query.paidOnly;
      const period = describePeriod(prepared.period, ctx.lang);
      const content =
        format === 'csv'
          ? ordersToCsv(orders, { timeZone: ctx.timeZone, lang: ctx.lang })
          : await buildOrdersWorkbook(orders, { timeZone: ctx.timeZone, lang: ctx.lang, currency: ACCOUNT_CURRENCY, title: t.workbookTitle(period, paidOnly) });
      const caption = t.exportCaption(orders.length, period, paidOnly, format);
      await s.gateway.sendDocument(chatId, { filename: exportFilename(prepared.period, paidOnly, format), content }, caption);
    });
  };
}

/** What /export answers: a workbook (a tapped "Did you mean" button gives the workbook too), or a CSV. */
const answersFor = (format: ExportFormat): Answers => ({ orders: sendExport(format), order: lookupOrder, buyer: lookupBuyer });

/** /export of one order or one buyer shows them, as /orders would. */
export const EXPORT_ANSWERS: Answers = answersFor('xlsx');
const CSV_ANSWERS: Answers = answersFor('csv');

export function exportFeature(s: Services): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('export', async (ctx) => {
    if (ctx.chat.type !== 'private') {
      await s.gateway.sendHtml(ctx.chat.id, botText[ctx.lang].privateOnly('export'));
      return;
    }
    const { format, rest } = exportFormat(ctx.payload);
    await answerRequest(s, ctx, { command: 'export', text: rest }, format === 'csv' ? CSV_ANSWERS : EXPORT_ANSWERS);
  });

  return feature;
}
