// Money as sellers read it: "4 990 ₽" in Russian, "₽4,990" in English; kopecks only when there are some.
import type { Minor } from '../justclick.js';
import { LOCALES, type Lang } from '../i18n/lang.js';

/** JustClick sends no currency field; roubles are the usual on justclick.ru, so every account is shown in them. */
export const ACCOUNT_CURRENCY = 'RUB';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, currency: string, fraction: 0 | 2): Intl.NumberFormat {
  const id = `${lang}|${currency}|${fraction}`;
  let f = formats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: fraction,
      maximumFractionDigits: fraction,
    });
    formats.set(id, f);
  }
  return f;
}

/**
 * Formats an amount in minor units. JustClick sends every amount with two decimals ("4990.50"),
 * so a Minor is always hundredths, whatever the currency. A currency code Intl does not accept is
 * printed after the number instead of failing the whole message.
 */
export function formatMoney(minor: Minor, currency = 'RUB', lang: Lang = 'ru'): string {
  if (!Number.isFinite(minor)) return '—';
  const fraction = Number.isInteger(minor) && minor % 100 === 0 ? 0 : 2;
  const amount = minor / 100;
  try {
    return numberFormat(lang, currency.toUpperCase(), fraction).format(amount);
  } catch {
    const number = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: fraction, maximumFractionDigits: fraction });
    return `${number.format(amount)} ${currency}`;
  }
}
