// How /help words and the README name each kind of word the grammar knows, in each language.
import type { Lang } from './lang.js';

/** The kinds of words, in the order they are listed. */
export const WORD_GROUPS = [
  'day',
  'which',
  'unit',
  'month',
  'weekday',
  'numeral',
  'range',
  'paid',
  'unpaid',
  'cancelled',
  'refunded',
  'all',
  'summary',
  'revenue',
  'goods',
  'order',
  'buyer',
  'filler',
] as const;
export type WordGroup = (typeof WORD_GROUPS)[number];

export interface WordsText {
  title: string;
  intro: string;
  examples: string;
  /** The column headers of the README table. */
  meaning: string;
  groups: Record<WordGroup, string>;
}

export const wordsText: Record<Lang, WordsText> = {
  en: {
    title: 'Words I understand',
    intro: 'In any order and case, as a message or after /orders, /export, /today, /yesterday, /sales, /revenue, /stats. Russian words work too.',
    examples: 'Examples',
    meaning: 'meaning',
    groups: {
      day: 'Days (today, yesterday…)',
      which: 'This / last / next / the last N',
      unit: 'Days, weeks, months, quarters, years',
      month: 'Months',
      weekday: 'Weekdays (the latest one)',
      numeral: 'Numbers in words',
      range: 'Ranges (from … to …)',
      paid: 'Paid in the period',
      unpaid: 'Created and not paid',
      cancelled: 'Created and cancelled',
      refunded: 'Created and refunded',
      all: 'All orders (the default)',
      summary: 'Only the totals',
      revenue: 'Revenue: paid, totals only',
      goods: 'Products (ids or part of the name follow)',
      order: 'One order (its number follows)',
      buyer: 'One buyer (an e-mail or phone follows)',
      filler: 'Words I skip',
    },
  },
  ru: {
    title: 'Слова, которые я понимаю',
    intro: 'В любом порядке и регистре, сообщением или после /orders, /export, /today, /yesterday, /sales, /revenue, /stats. Английские слова тоже понимаю.',
    examples: 'Примеры',
    meaning: 'значение',
    groups: {
      day: 'Дни (сегодня, вчера…)',
      which: 'Этот / прошлый / следующий / последние N',
      unit: 'Дни, недели, месяцы, кварталы, годы',
      month: 'Месяцы',
      weekday: 'Дни недели (последний такой)',
      numeral: 'Числа словами',
      range: 'Диапазоны (с … по …)',
      paid: 'Оплаченные за период',
      unpaid: 'Созданные и не оплаченные',
      cancelled: 'Созданные и отменённые',
      refunded: 'Созданные и возвращённые',
      all: 'Все заказы (по умолчанию)',
      summary: 'Только итоги',
      revenue: 'Выручка: оплаченные, только итоги',
      goods: 'Товары (дальше номера или часть названия)',
      order: 'Один заказ (дальше его номер)',
      buyer: 'Один покупатель (дальше e-mail или телефон)',
      filler: 'Слова, которые я пропускаю',
    },
  },
};
