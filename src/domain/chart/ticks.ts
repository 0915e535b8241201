// The revenue axis of a chart: round steps (1, 2, 2.5 or 5 times a power of ten) and short money labels
// in the chat's language ("12 тыс. ₽", "₽12K").
import type { Minor } from '../justclick.js';
import type { Lang } from '../i18n/lang.js';

const LOCALE: Record<Lang, string> = { ru: 'ru-RU', en: 'en-US' };
const formats = new Map<string, Intl.NumberFormat>();

/** "12 тыс. ₽" / "₽12K", "1,5 млн ₽" / "₽1.5M"; a currency Intl does not know is written after the number. */
export function formatShortMoney(minor: Minor, currency: string, lang: Lang): string {
  const id = `${lang}|${currency}`;
  let f = formats.get(id);
  if (!f) {
    try {
      f = new Intl.NumberFormat(LOCALE[lang], {
        style: 'currency',
        currency,
        currencyDisplay: 'narrowSymbol',
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1,
      });
    } catch {
      const number = new Intl.NumberFormat(LOCALE[lang], { notation: 'compact', maximumFractionDigits: 1 });
      f = { format: (n: number) => `${number.format(n)} ${currency}` } as Intl.NumberFormat;
    }
    formats.set(id, f);
  }
  return f.format(minor / 100);
}

/**
 * Gridline values from 0 up to the first round step at or above `max`, at most `lines` steps, so the
 * tallest bar always fits under the top line. Amounts in minor units; steps are whole currency units.
 */
export function revenueTicks(max: Minor, lines = 4): Minor[] {
  if (!(max > 0)) return [0, 100_00];
  const rough = max / lines;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(100, [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s * lines >= max) ?? 10 * power);
  const top = Math.ceil(max / step) * step;
  const ticks: Minor[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Math.round(v));
  return ticks;
}
