// How a change against the previous period is said, in each language (plain text, not HTML).
import type { Lang } from './lang.js';

export interface ChangeText {
  /** No change at all. */
  same: string;
  /** Up from a period with no revenue: no percentage can be given. `sum` is signed and formatted. */
  fromNothing(sum: string): string;
  /** A change that rounds to 0%. */
  underOnePercent: string;
}

export const changeText: Record<Lang, ChangeText> = {
  en: {
    same: '±0%',
    fromNothing: (sum) => `${sum} (no sales before)`,
    underOnePercent: '<1%',
  },
  ru: {
    same: '±0%',
    fromNothing: (sum) => `${sum} (раньше продаж не было)`,
    underOnePercent: '<1%',
  },
};
