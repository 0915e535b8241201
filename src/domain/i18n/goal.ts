// What /goal says, the progress line of the digest and /orders month, and the 50/90/100 % messages, in each
// language; also the words a seller may write a sum with ("500k", "1,5 млн"). Amounts arrive formatted.
import { escapeHtml as e, html, type Html } from '../format/html.js';
import type { Lang } from './lang.js';

/** Multipliers after a number, in any language (a chat in English may still type "500 тыс"). Lower case. */
export const SUM_MULTIPLIERS: Record<Lang, Record<string, number>> = {
  en: { k: 1_000, thousand: 1_000, m: 1_000_000, mln: 1_000_000, million: 1_000_000 },
  ru: {
    к: 1_000,
    т: 1_000,
    тыс: 1_000,
    тысяч: 1_000,
    тысячи: 1_000,
    тысяча: 1_000,
    м: 1_000_000,
    млн: 1_000_000,
    миллион: 1_000_000,
    миллиона: 1_000_000,
    миллионов: 1_000_000,
  },
};

/** Currency words a seller may add to the sum; they change nothing (every account is in roubles). */
export const CURRENCY_WORDS: readonly string[] = ['₽', 'р', 'руб', 'рублей', 'рубля', 'rub', 'rur', 'roubles', 'rubles'];

export interface GoalText {
  /** "November": the month a goal is for. */
  month(month: number): string;
  /** The line in the digest and /orders month. `pace` null: too early in the month to say. */
  progress(month: string, revenue: string, target: string, percent: number, pace: number | null): Html;
  /** One of the 50/90/100 % messages. */
  milestone(milestone: number, month: string, revenue: string, target: string): Html;
  set(target: string): Html;
  off: Html;
  /** /goal with no words: the goal and how far along, or that there is none. */
  state(line: Html | null): Html;
  usage(input: string | null): Html;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// «Цель на ноябрь» takes the accusative, which for months is the nominative.
const RU_MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

export const goalText: Record<Lang, GoalText> = {
  en: {
    month: (m) => EN_MONTHS[m - 1] ?? '',
    progress: (month, revenue, target, percent, pace) =>
      html`🎯 Goal for ${e(month)}: ${e(revenue)} of ${e(target)} (${percent}%)${pace === null ? '' : html` · on track for ${pace}%`}`,
    milestone: (m, month, revenue, target) =>
      m >= 100
        ? html`🏁 <b>Goal for ${e(month)} reached!</b> ${e(revenue)} of ${e(target)}.`
        : html`🎯 <b>${m}% of the goal for ${e(month)}</b>: ${e(revenue)} of ${e(target)}.`,
    set: (target) =>
      html`🎯 Monthly goal: <b>${e(target)}</b>. Progress shows in the daily digest and <code>/orders month</code>; I will write at 50%, 90% and 100%.`,
    off: html`The monthly goal is off here.`,
    state: (line) => line ?? html`No monthly goal here. <code>/goal 500k</code> sets one.`,
    usage: (input) =>
      html`${input ? html`“${e(input)}” is not a sum. ` : ''}<code>/goal 500000</code>, <code>/goal 500k</code>, <code>/goal 1.5m</code> — a monthly revenue goal\n<code>/goal off</code> — no goal`,
  },
  ru: {
    month: (m) => RU_MONTHS[m - 1] ?? '',
    progress: (month, revenue, target, percent, pace) =>
      html`🎯 Цель на ${e(month)}: ${e(revenue)} из ${e(target)} (${percent}%)${pace === null ? '' : html` · при таком темпе ${pace}%`}`,
    milestone: (m, month, revenue, target) =>
      m >= 100
        ? html`🏁 <b>Цель на ${e(month)} достигнута!</b> ${e(revenue)} из ${e(target)}.`
        : html`🎯 <b>${m}% цели на ${e(month)}</b>: ${e(revenue)} из ${e(target)}.`,
    set: (target) => html`🎯 Цель на месяц: <b>${e(target)}</b>. Прогресс — в ежедневной сводке и в <code>/orders месяц</code>; напишу на 50%, 90% и 100%.`,
    off: html`Цель на месяц здесь выключена.`,
    state: (line) => line ?? html`Цели на месяц здесь нет. <code>/goal 500 тыс</code> — задать.`,
    usage: (input) =>
      html`${input ? html`«${e(input)}» — не сумма. ` : ''}<code>/goal 500000</code>, <code>/goal 500 тыс</code>, <code>/goal 1,5 млн</code> — цель по выручке на месяц\n<code>/goal off</code> — без цели`,
  },
};
