// /export: orders as a CSV file that Excel, LibreOffice and Google Sheets open as-is (UTF-8 with BOM,
// RFC 4180), and that cannot smuggle a formula into the seller's spreadsheet.
import type { Minor, Order } from './justclick.js';
import { formatLocalIso } from './format/dates.js';
import { CSV_COLUMNS, CSV_HEADERS, type CsvColumn } from './i18n/csv.js';
import type { Lang } from './i18n/lang.js';

interface Column {
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

/** How each column of CSV_COLUMNS is filled. */
const COLUMNS: Record<CsvColumn, Column> = {
  id: { kind: 'text', value: (o) => o.id },
  created: { kind: 'text', zoned: true, value: (o, tz) => formatLocalIso(new Date(o.created * 1000), tz) },
  paid: { kind: 'text', zoned: true, value: (o, tz) => (o.paid === null ? '' : formatLocalIso(new Date(o.paid * 1000), tz)) },
  status: { kind: 'text', value: (o) => o.payStatus },
  payway: { kind: 'text', value: (o) => o.payway },
  price: { kind: 'number', value: (o) => decimal(o.price) },
  toPay: { kind: 'number', value: (o) => (o.toPay === null ? '' : decimal(o.toPay)) },
  firstName: { kind: 'text', value: (o) => o.firstName },
  lastName: { kind: 'text', value: (o) => o.lastName },
  middleName: { kind: 'text', value: (o) => o.middleName },
  email: { kind: 'text', value: (o) => o.email },
  phone: { kind: 'text', value: (o) => o.phone },
  country: { kind: 'text', value: (o) => o.country },
  region: { kind: 'text', value: (o) => o.region },
  city: { kind: 'text', value: (o) => o.city },
  postalCode: { kind: 'text', value: (o) => o.postalcode },
  address: { kind: 'text', value: (o) => o.address },
  comment: { kind: 'text', value: (o) => o.comment },
  type: { kind: 'text', value: (o) => o.type },
  recurrent: { kind: 'number', value: (o) => (o.isRecurrent ? '1' : '0') },
  domain: { kind: 'text', value: (o) => o.domain },
  link: { kind: 'text', value: (o) => o.link },
  utmSource: { kind: 'text', value: (o) => o.utm.source ?? '' },
  utmMedium: { kind: 'text', value: (o) => o.utm.medium ?? '' },
  utmCampaign: { kind: 'text', value: (o) => o.utm.campaign ?? '' },
  utmContent: { kind: 'text', value: (o) => o.utm.content ?? '' },
  utmTerm: { kind: 'text', value: (o) => o.utm.term ?? '' },
  tag: { kind: 'text', value: (o) => o.tag },
  coupon: { kind: 'text', value: (o) => o.kupon },
  items: { kind: 'text', value: (o) => o.items.map((i) => `${i.title} ×${decimal(i.sum)}`).join('; ') },
  itemIds: { kind: 'text', value: (o) => o.items.map((i) => i.id).join('; ') },
};

/** What makes a spreadsheet run a cell as a formula when the cell starts with it (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * Where a spreadsheet may start a new cell inside ours: a reader that splits on another separator than
 * ours (Russian Excel splits on `;`, some on tabs) ignores our quotes, so `x;=1+1` becomes `x` and `=1+1`.
 * After such a separator (and any quotes or spaces that reader skips) a formula character gets an apostrophe.
 */
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n]["\s]*)(?=[=+\-@\t\r])/g;

/**
 * A leading apostrophe makes a cell text in every spreadsheet; the ones after a separator inside the
 * cell show as written, a small price for a file that runs nothing whichever separator it is read with.
 * Our own numbers are exempt: "-5.00" stays a number.
 */
function defuse(cell: string, kind: Column['kind']): string {
  if (kind !== 'text') return cell;
  const inner = cell.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

/** RFC 4180: quote a cell holding a quote, comma, semicolon (Excel's delimiter in Russian locales), line break, or edge spaces. */
function quote(cell: string): string {
  return /[",;\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const row = (cells: string[]) => `${cells.map(quote).join(',')}\r\n`;

/** One row per order, every field, times in the chat's zone (named in the header). */
export function ordersToCsv(orders: readonly Order[], opts: { timeZone: string; lang: Lang }): Buffer {
  const names = CSV_HEADERS[opts.lang];
  const header = CSV_COLUMNS.map((key) => (COLUMNS[key].zoned ? `${names[key]} (${opts.timeZone})` : names[key]));
  let text = `\uFEFF${row(header)}`;
  for (const order of orders) text += row(CSV_COLUMNS.map((key) => defuse(COLUMNS[key].value(order, opts.timeZone), COLUMNS[key].kind)));
  return Buffer.from(text, 'utf8');
}
