// Names of periods in each language, for headers such as "Orders — this week, 23.11–28.11".
import type { Lang } from './lang.js';

export interface PeriodText {
  today: string;
  yesterday: string;
  thisWeek: string;
  thisMonth: string;
  lastDays(n: number): string;
}

const ruPlural = new Intl.PluralRules('ru');

export const periodText: Record<Lang, PeriodText> = {
  en: {
    today: 'today',
    yesterday: 'yesterday',
    thisWeek: 'this week',
    thisMonth: 'this month',
    lastDays: (n) => (n === 1 ? 'last 24 hours' : `last ${n} days`),
  },
  ru: {
    today: 'сегодня',
    yesterday: 'вчера',
    thisWeek: 'эта неделя',
    thisMonth: 'этот месяц',
    lastDays: (n) => {
      if (n === 1) return 'последние 24 часа';
      const form = ruPlural.select(n);
      const word = form === 'one' ? 'день' : form === 'few' ? 'дня' : 'дней';
      return `${form === 'one' ? 'последний' : 'последние'} ${n} ${word}`;
    },
  },
};
