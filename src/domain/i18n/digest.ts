// What the daily digest says, in each language. Functions escape the values they are given and
// return Telegram HTML; amounts and changes arrive already formatted.
import { escapeHtml as e, html, type Html } from '../format/html.js';
import type { Lang } from './lang.js';

export interface DigestText {
  title(dayLabel: string): Html;
  revenue(amount: string): Html;
  paid(count: number, averageCheck: string | null): Html;
  /** `paidPercent` is null when no orders were created. */
  created(count: number, paidPercent: number | null): Html;
  comparison(vsDayBefore: string, vsWeekAgo: string): Html;
  /** Shown instead of a change when the day compared with had no revenue (plain text). */
  noBase: string;
  monthToDate(amount: string): Html;
  topProducts: Html;
  topSources: Html;
  /** Traffic without a utm source. */
  direct: Html;
  losses(cancelled: number, cancelledSum: string, refunded: number, refundedSum: string): Html;
}

export const digestText: Record<Lang, DigestText> = {
  en: {
    title: (day) => html`📊 <b>Sales — ${e(day)}</b>`,
    revenue: (amount) => html`💰 Revenue: <b>${e(amount)}</b>`,
    paid: (count, avg) => html`✅ Paid orders: <b>${count}</b>${avg === null ? '' : html` · average check: ${e(avg)}`}`,
    created: (count, pct) => html`🧾 New orders: ${count}${pct === null ? '' : html` · paid: ${pct}%`}`,
    comparison: (dayBefore, weekAgo) => html`📈 vs the day before: ${e(dayBefore)} · vs a week ago: ${e(weekAgo)}`,
    noBase: 'no sales then',
    monthToDate: (amount) => html`📅 Month to date: <b>${e(amount)}</b>`,
    topProducts: html`🏆 <b>Top products</b>`,
    topSources: html`🔗 <b>Traffic sources</b>`,
    direct: html`direct`,
    losses: (c, cSum, r, rSum) => html`❌ Cancelled: ${c} (${e(cSum)}) · ↩️ Refunded: ${r} (${e(rSum)})`,
  },
  ru: {
    title: (day) => html`📊 <b>Продажи — ${e(day)}</b>`,
    revenue: (amount) => html`💰 Выручка: <b>${e(amount)}</b>`,
    paid: (count, avg) => html`✅ Оплачено заказов: <b>${count}</b>${avg === null ? '' : html` · средний чек: ${e(avg)}`}`,
    created: (count, pct) => html`🧾 Новых заказов: ${count}${pct === null ? '' : html` · оплачено: ${pct}%`}`,
    comparison: (dayBefore, weekAgo) => html`📈 К предыдущему дню: ${e(dayBefore)} · к тому же дню неделю назад: ${e(weekAgo)}`,
    noBase: 'продаж не было',
    monthToDate: (amount) => html`📅 С начала месяца: <b>${e(amount)}</b>`,
    topProducts: html`🏆 <b>Лучшие товары</b>`,
    topSources: html`🔗 <b>Источники трафика</b>`,
    direct: html`прямые заходы`,
    losses: (c, cSum, r, rSum) => html`❌ Отменено: ${c} (${e(cSum)}) · ↩️ Возвратов: ${r} (${e(rSum)})`,
  },
};
