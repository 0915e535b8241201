// Names of periods in each language, for headers such as "Orders — this week, 23.11–28.11".
import type { Lang } from './lang.js';

export interface PeriodText {
  today: string;
  yesterday: string;
  dayBeforeYesterday: string;
  thisWeek: string;
  lastWeek: string;
  thisMonth: string;
  lastMonth: string;
  /** A month named on its own, as in "November 2026" / "ноябрь 2026"; month is 1–12. */
  month(month: number, year: number): string;
  quarter(quarter: number, year: number): string;
  year(year: number): string;
  lastDays(n: number): string;
}

const ruPlural = new Intl.PluralRules('ru');
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const RU_MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

export const periodText: Record<Lang, PeriodText> = {
  en: {
    today: 'today',
    yesterday: 'yesterday',
    dayBeforeYesterday: 'day before yesterday',
    thisWeek: 'this week',
    lastWeek: 'last week',
    thisMonth: 'this month',
    lastMonth: 'last month',
    month: (month, year) => `${EN_MONTHS[month - 1]} ${year}`,
    quarter: (quarter, year) => `Q${quarter} ${year}`,
    year: (year) => `${year}`,
    lastDays: (n) => (n === 1 ? 'last 24 hours' : `last ${n} days`),
  },
  ru: {
    today: 'сегодня',
    yesterday: 'вчера',
    dayBeforeYesterday: 'позавчера',
    thisWeek: 'эта неделя',
    lastWeek: 'прошлая неделя',
    thisMonth: 'этот месяц',
    lastMonth: 'прошлый месяц',
    month: (month, year) => `${RU_MONTHS[month - 1]} ${year}`,
    quarter: (quarter, year) => `${quarter}-й квартал ${year}`,
    year: (year) => `${year} год`,
    lastDays: (n) => {
      if (n === 1) return 'последние 24 часа';
      const form = ruPlural.select(n);
      const word = form === 'one' ? 'день' : form === 'few' ? 'дня' : 'дней';
      return `${form === 'one' ? 'последний' : 'последние'} ${n} ${word}`;
    },
  },
};
