// What the bot says when a user reaches a limit on JustClick work: too many calls for now, a /digest now
// already on its way, more orders than one answer or file holds.
import { escapeHtml as e, html, type Html } from '../format/html.js';
import { LOCALES, plural, type Lang, type PluralForms } from './lang.js';

export interface LimitsText {
  /** The user's or the account's budget of JustClick calls is spent; `minutes` until this request fits. */
  slowDown(minutes: number): Html;
  digestNowRunning: Html;
  /** /orders shows only the newest `shown` of `total`. */
  ordersCapped(shown: number, total: number): Html;
  /** /export refuses a file of more than `max` orders. */
  exportTooBig(total: number, max: number): Html;
}

const MINUTES: Record<Lang, PluralForms> = {
  en: { one: 'minute', other: 'minutes' },
  ru: { one: 'минуту', few: 'минуты', other: 'минут' },
};
const count = (n: number, lang: Lang) => n.toLocaleString(LOCALES[lang]);
const minutes = (lang: Lang, m: number) => {
  const whole = Math.max(1, Math.ceil(m));
  return e(`${whole} ${plural(lang, whole, MINUTES[lang])}`);
};

const en: LimitsText = {
  slowDown: (m) =>
    html`That is a lot of JustClick requests in a short time, and JustClick may block the account for it. Try again in ${minutes('en', m)}, or ask for a shorter period: <code>/orders today</code> is one request, a whole year fourteen.`,
  digestNowRunning: html`A digest for this chat is already on its way: one moment, please.`,
  ordersCapped: (shown, total) =>
    html`Showing the newest ${e(count(shown, 'en'))} of ${e(count(total, 'en'))} orders. For the rest, ask for a shorter period (e.g. <code>/orders week</code>) or use /export.`,
  exportTooBig: (total, max) =>
    html`That is ${e(count(total, 'en'))} orders; one file holds at most ${e(count(max, 'en'))}. Export a shorter period, e.g. <code>/export month</code>, in several parts.`,
};

const ru: LimitsText = {
  slowDown: (m) =>
    html`Слишком много запросов к JustClick за короткое время — JustClick может за это заблокировать аккаунт. Попробуйте через ${minutes('ru', m)} или возьмите период покороче: <code>/orders сегодня</code> — один запрос, целый год — четырнадцать.`,
  digestNowRunning: html`Сводка для этого чата уже готовится: секунду, пожалуйста.`,
  ordersCapped: (shown, total) =>
    html`Показаны последние ${e(count(shown, 'ru'))} из ${e(count(total, 'ru'))} заказов. Остальные — за период покороче (например, <code>/orders неделя</code>) или через /export.`,
  exportTooBig: (total, max) =>
    html`Это ${e(count(total, 'ru'))} заказов, а в один файл входит не больше ${e(count(max, 'ru'))}. Выгрузите период покороче, например <code>/export месяц</code>, в несколько приёмов.`,
};

export const limitsText: Record<Lang, LimitsText> = { en, ru };
