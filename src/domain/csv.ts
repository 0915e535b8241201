// /export: orders as a CSV file that Excel, LibreOffice and Google Sheets open as-is (UTF-8 with BOM,
// RFC 4180), and that cannot smuggle a formula into the seller's spreadsheet.
import type { Minor, Order } from '../justclick/types.js';
import { formatLocalIso } from './format/dates.js';
import type { Lang } from './i18n/lang.js';

interface Column {
  en: string;
  ru: string;
  /** Amounts and flags are ours and written plainly; everything else is text the buyer or seller typed. */
  kind: 'text' | 'number';
  /** A local time: the header names the zone. */
  zoned?: true;
  value(order: Order, timeZone: string): string;
}

/** "4990.50": a dot and two decimals whatever the language, so that formulas in the sheet can sum it. */
function decimal(minor: Minor): string {
  const abs = Math.abs(Math.round(minor));
  return `${minor < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const COLUMNS: Column[] = [
  { en: 'id', ru: 'номер', kind: 'text', value: (o) => o.id },
  { en: 'created', ru: 'создан', kind: 'text', zoned: true, value: (o, tz) => formatLocalIso(new Date(o.created * 1000), tz) },
  { en: 'paid', ru: 'оплачен', kind: 'text', zoned: true, value: (o, tz) => (o.paid === null ? '' : formatLocalIso(new Date(o.paid * 1000), tz)) },
  { en: 'status', ru: 'статус', kind: 'text', value: (o) => o.payStatus },
  { en: 'payway', ru: 'способ оплаты', kind: 'text', value: (o) => o.payway },
  { en: 'price', ru: 'сумма', kind: 'number', value: (o) => decimal(o.price) },
  { en: 'to pay', ru: 'к оплате', kind: 'number', value: (o) => (o.toPay === null ? '' : decimal(o.toPay)) },
  { en: 'first name', ru: 'имя', kind: 'text', value: (o) => o.firstName },
  { en: 'last name', ru: 'фамилия', kind: 'text', value: (o) => o.lastName },
  { en: 'middle name', ru: 'отчество', kind: 'text', value: (o) => o.middleName },
  { en: 'email', ru: 'email', kind: 'text', value: (o) => o.email },
  { en: 'phone', ru: 'телефон', kind: 'text', value: (o) => o.phone },
  { en: 'country', ru: 'страна', kind: 'text', value: (o) => o.country },
  { en: 'region', ru: 'регион', kind: 'text', value: (o) => o.region },
  { en: 'city', ru: 'город', kind: 'text', value: (o) => o.city },
  { en: 'postal code', ru: 'индекс', kind: 'text', value: (o) => o.postalcode },
  { en: 'address', ru: 'адрес', kind: 'text', value: (o) => o.address },
  { en: 'comment', ru: 'комментарий', kind: 'text', value: (o) => o.comment },
  { en: 'type', ru: 'тип', kind: 'text', value: (o) => o.type },
  { en: 'recurrent', ru: 'рекуррентный', kind: 'number', value: (o) => (o.isRecurrent ? '1' : '0') },
  { en: 'domain', ru: 'домен', kind: 'text', value: (o) => o.domain },
  { en: 'link', ru: 'ссылка', kind: 'text', value: (o) => o.link },
  { en: 'utm_source', ru: 'utm_source', kind: 'text', value: (o) => o.utm.source ?? '' },
  { en: 'utm_medium', ru: 'utm_medium', kind: 'text', value: (o) => o.utm.medium ?? '' },
  { en: 'utm_campaign', ru: 'utm_campaign', kind: 'text', value: (o) => o.utm.campaign ?? '' },
  { en: 'utm_content', ru: 'utm_content', kind: 'text', value: (o) => o.utm.content ?? '' },
  { en: 'utm_term', ru: 'utm_term', kind: 'text', value: (o) => o.utm.term ?? '' },
  { en: 'tag', ru: 'тег', kind: 'text', value: (o) => o.tag },
  { en: 'coupon', ru: 'купон', kind: 'text', value: (o) => o.kupon },
  { en: 'items', ru: 'товары', kind: 'text', value: (o) => o.items.map((i) => `${i.title} ×${decimal(i.sum)}`).join('; ') },
  { en: 'item ids', ru: 'id товаров', kind: 'text', value: (o) => o.items.map((i) => i.id).join('; ') },
];

/**
 * A cell starting with = + - @ (or a tab or CR) is run as a formula by spreadsheets (CSV injection,
 * OWASP); a leading apostrophe makes it text. Our own numbers are exempt: "-5.00" stays a number.
 */
function defuse(cell: string, kind: Column['kind']): string {
  return kind === 'text' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: quote a cell holding a quote, comma, semicolon (Excel's delimiter in Russian locales), line break, or edge spaces. */
function quote(cell: string): string {
  return /[",;\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const row = (cells: string[]) => `${cells.map(quote).join(',')}\r\n`;

/** One row per order, every field, times in the chat's zone (named in the header). */
export function ordersToCsv(orders: readonly Order[], opts: { timeZone: string; lang: Lang }): Buffer {
  const header = COLUMNS.map((c) => (c.zoned ? `${c[opts.lang]} (${opts.timeZone})` : c[opts.lang]));
  let text = '\uFEFF' + row(header);
  for (const order of orders) text += row(COLUMNS.map((c) => defuse(c.value(order, opts.timeZone), c.kind)));
  return Buffer.from(text, 'utf8');
}
