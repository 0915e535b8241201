// Month names as dates are written in each language: "28 Nov", "28 ноября".
import type { Lang } from './lang.js';

type TwelveMonths = readonly [string, string, string, string, string, string, string, string, string, string, string, string];

/** January first; Russian in the genitive, as a day of the month needs it. */
export const MONTHS: Record<Lang, TwelveMonths> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
};
