// What the daily digest says, in each language. Functions escape the values they are given and
// return Telegram HTML; amounts and changes arrive already formatted.
import { escapeHtml as e } from '../format/html.js';
import type { Lang } from './lang.js';

export interface DigestText {
  title(dayLabel: string): string;
  revenue(amount: string): string;
  paid(count: number, averageCheck: string | null): string;
  /** `paidPercent` is null when no orders were created. */
  created(count: number, paidPercent: number | null): string;
  comparison(vsDayBefore: string, vsWeekAgo: string): string;
  /** Shown instead of a change when the day compared with had no revenue. */
  noBase: string;
  monthToDate(amount: string): string;
  topProducts: string;
  topSources: string;
  /** Traffic without a utm source. */
  direct: string;
  losses(cancelled: number, cancelledSum: string, refunded: number, refundedSum: string): string;
}

export const digestText: Record<Lang, DigestText> = {
  en: {
    title: (day) => `📊 <b>Sales — ${e(day)}</b>`,
    revenue: (amount) => `💰 Revenue: <b>${e(amount)}</b>`,
    paid: (count, avg) => `✅ Paid orders: <b>${count}</b>${avg === null ? '' : ` · average check: ${e(avg)}`}`,
    created: (count, pct) => `🧾 New orders: ${count}${pct === null ? '' : ` · paid: ${pct}%`}`,
    comparison: (dayBefore, weekAgo) => `📈 vs the day before: ${e(dayBefore)} · vs a week ago: ${e(weekAgo)}`,
    noBase: 'no sales then',
    monthToDate: (amount) => `📅 Month to date: <b>${e(amount)}</b>`,
    topProducts: '🏆 <b>Top products</b>',
    topSources: '🔗 <b>Traffic sources</b>',
    direct: 'direct',
    losses: (c, cSum, r, rSum) => `❌ Cancelled: ${c} (${e(cSum)}) · ↩️ Refunded: ${r} (${e(rSum)})`,
  },
  ru: {
    title: (day) => `📊 <b>Продажи — ${e(day)}</b>`,
    revenue: (amount) => `💰 Выручка: <b>${e(amount)}</b>`,
    paid: (count, avg) => `✅ Оплачено заказов: <b>${count}</b>${avg === null ? '' : ` · средний чек: ${e(avg)}`}`,
    created: (count, pct) => `🧾 Новых заказов: ${count}${pct === null ? '' : ` · оплачено: ${pct}%`}`,
    comparison: (dayBefore, weekAgo) => `📈 К предыдущему дню: ${e(dayBefore)} · к тому же дню неделю назад: ${e(weekAgo)}`,
    noBase: 'продаж не было',
    monthToDate: (amount) => `📅 С начала месяца: <b>${e(amount)}</b>`,
    topProducts: '🏆 <b>Лучшие товары</b>',
    topSources: '🔗 <b>Источники трафика</b>',
    direct: 'прямые заходы',
    losses: (c, cSum, r, rSum) => `❌ Отменено: ${c} (${e(cSum)}) · ↩️ Возвратов: ${r} (${e(rSum)})`,
  },
};
