// The words drawn on revenue charts, in each language.
import type { Lang } from './lang.js';

export interface ChartText {
  /** Legend of the bars: the period asked for. */
  current: string;
  /** Legend of the faint bars behind: the previous equal period. */
  previous: string;
  /** Drawn across an empty chart. */
  noSales: string;
  /** Short month names for axis labels: "3 ноя", "Nov 3". */
  months: readonly string[];
  dayLabel(day: number, month: string): string;
}

export const chartText: Record<Lang, ChartText> = {
  en: {
    current: 'This period',
    previous: 'Previous period',
    noSales: 'No paid orders in this period',
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    dayLabel: (day, month) => `${month} ${day}`,
  },
  ru: {
    current: 'Этот период',
    previous: 'Прошлый период',
    noSales: 'Оплат за этот период нет',
    months: ['янв', 'фев', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
    dayLabel: (day, month) => `${day} ${month}`,
  },
};
