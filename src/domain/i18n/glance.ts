// What /chart, /top and the comparison lines say, in each language. Functions escape the values they are
// given and return Telegram HTML; amounts, periods and changes arrive already formatted (plain text).
import { escapeHtml as e, html, type Html } from '../format/html.js';
import { plural, type Lang } from './lang.js';

export interface GlanceText {
  /**
   * What the previous equal period was: its days in words, or null for yesterday; `by` the wall-clock
   * time it is cut at while the current period runs ("vs yesterday by 14:00"). Plain text.
   */
  versus(previous: string | null, by: string | null): string;
  /** A rolling window against the same length of time just before it (plain text). */
  versusBefore(days: number): string;
  /** The comparison line: "▲ 12% (+₽1,200) vs 1–14 Nov". */
  changeLine(change: string, versus: string): Html;
  /** Paid within the period: the figure revenue means everywhere. */
  paidInPeriod(count: number, sum: string): Html;
  chartCaptionTitle(period: string): Html;
  /** Drawn at the top of the picture (plain text). */
  chartTitle(period: string): string;
  topTitle(period: string): Html;
  noPaidOrders: Html;
  /** One breakdown row: "1. Course — ₽4,990 · 3 · 42%". */
  topRow(place: string, title: Html, sum: string, count: number, share: string, fee: string | null): Html;
  section(title: string): Html;
  netRevenue(label: string, net: string, fees: string): Html;
  /** What "@all" is about, before the period: "all accounts, 15–28 Nov" (plain text). */
  allAccounts(period: string): string;
  /** One account's part of an "@all" answer: its paid sum and orders, and its change; null change: JustClick did not answer. */
  accountLine(label: string, figures: { count: number; sum: string; change: string } | null): Html;
  /** The words that ask /chart for its dark picture; matched lower-case. */
  darkWords: readonly string[];
  /** The caption of an /export file: what, when and the filter. */
  exportCaption(count: number, period: string, paidOnly: boolean, format: 'xlsx' | 'csv'): Html;
  /** The workbook's title property (plain text). */
  workbookTitle(period: string, paidOnly: boolean): string;
}

const ruOrders = (n: number) => plural('ru', n, { one: 'заказ', few: 'заказа', other: 'заказов' });

export const glanceText: Record<Lang, GlanceText> = {
  en: {
    versus: (previous, by) => `vs ${previous ?? 'yesterday'}${by === null ? '' : ` by ${by}`}`,
    versusBefore: (days) => (days === 1 ? 'vs the 24 hours before' : `vs the ${days} days before`),
    changeLine: (change, versus) => html`${e(change)} ${e(versus)}`,
    paidInPeriod: (count, sum) => html`💰 Paid in the period: ${count} ${e(plural('en', count, { one: 'order', other: 'orders' }))} · <b>${e(sum)}</b>`,
    chartCaptionTitle: (period) => html`📈 <b>Revenue — ${e(period)}</b>`,
    chartTitle: (period) => `Revenue · ${period}`,
    topTitle: (period) => html`🏆 <b>Where sales came from — ${e(period)}</b>`,
    noPaidOrders: html`No paid orders in this period.`,
    topRow: (place, title, sum, count, share, fee) =>
      html`${e(place)} ${title} — ${e(sum)} · ${count} · ${e(share)}${fee === null ? '' : html` · fee ${e(fee)}`}`,
    section: (title) => html`<b>${e(title)}</b>`,
    netRevenue: (label, net, fees) => html`${e(label)}: <b>${e(net)}</b> (fees ${e(fees)})`,
    allAccounts: (period) => `all accounts, ${period}`,
    accountLine: (label, f) =>
      f === null
        ? html`• <b>${e(label)}</b>: JustClick did not answer`
        : html`• <b>${e(label)}</b>: ${e(f.sum)} · ${f.count} ${e(plural('en', f.count, { one: 'order', other: 'orders' }))} · ${e(f.change)}`,
    darkWords: ['dark', 'night'],
    exportCaption: (count, period, paidOnly, format) =>
      html`📄 ${count} ${e(plural('en', count, { one: 'order', other: 'orders' }))}${paidOnly ? html` (paid only)` : ''} — ${e(period)}${format === 'csv' ? html` · CSV` : ''}`,
    workbookTitle: (period, paidOnly) => `Orders · ${period}${paidOnly ? ' · paid only' : ''}`,
  },
  ru: {
    versus: (previous, by) => `${previous === null ? 'по сравнению со вчерашним днём' : `по сравнению с ${previous}`}${by === null ? '' : ` до ${by}`}`,
    versusBefore: (days) =>
      days === 1 ? 'по сравнению с предыдущими 24 часами' : `по сравнению с предыдущими ${days} ${plural('ru', days, { one: 'днём', other: 'днями' })}`,
    changeLine: (change, versus) => html`${e(change)} ${e(versus)}`,
    paidInPeriod: (count, sum) => html`💰 Оплачено за период: ${count} ${e(ruOrders(count))} · <b>${e(sum)}</b>`,
    chartCaptionTitle: (period) => html`📈 <b>Выручка — ${e(period)}</b>`,
    chartTitle: (period) => `Выручка · ${period}`,
    topTitle: (period) => html`🏆 <b>Откуда продажи — ${e(period)}</b>`,
    noPaidOrders: html`Оплат за этот период нет.`,
    topRow: (place, title, sum, count, share, fee) =>
      html`${e(place)} ${title} — ${e(sum)} · ${count} · ${e(share)}${fee === null ? '' : html` · комиссия ${e(fee)}`}`,
    section: (title) => html`<b>${e(title)}</b>`,
    netRevenue: (label, net, fees) => html`${e(label)}: <b>${e(net)}</b> (комиссии ${e(fees)})`,
    allAccounts: (period) => `все аккаунты, ${period}`,
    accountLine: (label, f) =>
      f === null
        ? html`• <b>${e(label)}</b>: JustClick не ответил`
        : html`• <b>${e(label)}</b>: ${e(f.sum)} · ${f.count} ${e(ruOrders(f.count))} · ${e(f.change)}`,
    darkWords: ['тёмный', 'темный', 'тёмная', 'темная', 'ночь'],
    exportCaption: (count, period, paidOnly, format) =>
      html`📄 ${count} ${e(ruOrders(count))}${paidOnly ? html` (только оплаченные)` : ''} — ${e(period)}${format === 'csv' ? html` · CSV` : ''}`,
    workbookTitle: (period, paidOnly) => `Заказы · ${period}${paidOnly ? ' · только оплаченные' : ''}`,
  },
};
