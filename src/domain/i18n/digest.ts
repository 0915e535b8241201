// What the daily digest says, in each language, besides the day's two sets of orders (those lines are
// ordersText's, the /orders header's own words). Functions escape the values they are given and return
// Telegram HTML; amounts and changes arrive already formatted.
import { escapeHtml as e, html, type Html } from '../format/html.js';
import type { Lang } from './lang.js';

export interface DigestText {
  title(dayLabel: string): Html;
  comparison(vsDayBefore: string, vsWeekAgo: string): Html;
  /** Shown instead of a change when the day compared with had no revenue (plain text). */
  noBase: string;
  monthToDate(amount: string): Html;
  topProducts: Html;
  topSources: Html;
  /** Traffic without a utm source. */
  direct: Html;
  /** The heading of one account's block in a digest of several. */
  account(label: string): Html;
  /** Under an account whose JustClick did not answer, in a digest of several. */
  noAnswer: Html;
  /** The last line of a digest of several accounts: all of them together. */
  total(paid: { count: number; sum: string }, created: number, monthToDate: string): Html;
}

export const digestText: Record<Lang, DigestText> = {
  en: {
    title: (day) => html`📊 <b>Sales — ${e(day)}</b>`,
    comparison: (dayBefore, weekAgo) => html`📈 Paid sum vs the day before: ${e(dayBefore)} · vs a week ago: ${e(weekAgo)}`,
    noBase: 'no sales then',
    monthToDate: (amount) => html`📅 Paid since the 1st of the month: <b>${e(amount)}</b>`,
    topProducts: html`🏆 <b>Top products</b>`,
    topSources: html`🔗 <b>Traffic sources</b>`,
    direct: html`direct`,
    account: (label) => html`🏫 <b>${e(label)}</b>`,
    noAnswer: html`⚠️ JustClick did not answer: this account is not in the total below.`,
    total: (paid, created, month) =>
      html`<b>All accounts</b>: paid ${paid.count} for <b>${e(paid.sum)}</b>; created ${created}; since the 1st of the month ${e(month)}`,
  },
  ru: {
    title: (day) => html`📊 <b>Продажи — ${e(day)}</b>`,
    comparison: (dayBefore, weekAgo) => html`📈 Сумма оплат к предыдущему дню: ${e(dayBefore)} · к тому же дню неделю назад: ${e(weekAgo)}`,
    noBase: 'продаж не было',
    monthToDate: (amount) => html`📅 Оплачено с начала месяца: <b>${e(amount)}</b>`,
    topProducts: html`🏆 <b>Лучшие товары</b>`,
    topSources: html`🔗 <b>Источники трафика</b>`,
    direct: html`прямые заходы`,
    account: (label) => html`🏫 <b>${e(label)}</b>`,
    noAnswer: html`⚠️ JustClick не ответил: этого аккаунта нет в итоге ниже.`,
    total: (paid, created, month) =>
      html`<b>Все аккаунты</b>: оплачено ${paid.count} на <b>${e(paid.sum)}</b>; создано ${created}; с начала месяца ${e(month)}`,
  },
};
