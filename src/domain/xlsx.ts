// /export xlsx: orders as a workbook that Excel, LibreOffice and Google Sheets open with real dates (the
// chat's wall-clock time) and real numbers (with the currency format), one sheet of orders, one of items.
import { TZDate } from '@date-fns/tz';
import type { Minor, Order } from './justclick.js';
import type { Lang } from './i18n/lang.js';
import { xlsxText, type ItemColumn, type OrderColumn } from './i18n/xlsx.js';
import { writeWorkbook, type CellValue, type Sheet } from './spreadsheet.js';

/**
 * The most orders one export may hold: time and memory grow with the rows (docs/benchmarks.md, the
 * glance study, has today's figures for 10,000); past this the bot says to pick a shorter period
 * instead of trying, so one export cannot hold up the others.
 */
export const MAX_EXPORT_ORDERS = 20_000;

export interface WorkbookOptions {
  timeZone: string;
  lang: Lang;
  currency: string;
  /** The workbook's title property: what and when ("Orders · 1–30 Nov 2026 · paid only"). */
  title: string;
}

type Kind = 'text' | 'money' | 'date' | 'count';

interface Column<Key extends string, Row> {
  key: Key;
  kind: Kind;
  /** Characters, as Excel counts column width. */
  width: number;
  value(row: Row, wallClock: (unix: number) => Date): string | number | Date | null;
}

/**
 * Excel has no time zones: a date cell is a wall-clock reading. The instant's wall clock in the chat's
 * zone, written as if it were UTC, is what the sheet stores and every spreadsheet shows unchanged.
 * Offsets are looked up once per UTC day when the day starts and ends on the same offset (nearly every
 * day), else once per quarter hour (every zone switches on a quarter hour): a zone lookup per cell was
 * most of an export's time.
 */
function wallClockIn(timeZone: string): (unix: number) => Date {
  const offsetAt = (unixSeconds: number) => {
    const t = new TZDate(unixSeconds * 1000, timeZone);
    return Date.UTC(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes(), t.getSeconds()) - unixSeconds * 1000;
  };
  const days = new Map<number, number | null>();
  const quarters = new Map<number, number>();
  return (unix) => {
    const day = Math.floor(unix / 86_400);
    let offset = days.get(day);
    if (offset === undefined) {
      const start = offsetAt(day * 86_400);
      offset = start === offsetAt(day * 86_400 + 86_399) ? start : null;
      days.set(day, offset);
    }
    if (offset === null) {
      const quarter = Math.floor(unix / 900);
      offset = quarters.get(quarter);
      if (offset === undefined) {
        offset = offsetAt(quarter * 900);
        quarters.set(quarter, offset);
      }
    }
    return new Date(unix * 1000 + offset);
  };
}

const money = (minor: Minor) => minor / 100;
const fees = (o: Order) => o.items.reduce((s, i) => s + i.partners.reduce((f, p) => f + p.fee, 0), 0);

const ORDER_COLUMNS: Column<OrderColumn, Order>[] = [
  { key: 'id', kind: 'text', width: 12, value: (o) => o.id },
  { key: 'created', kind: 'date', width: 18, value: (o, wallClock) => wallClock(o.created) },
  { key: 'paid', kind: 'date', width: 18, value: (o, wallClock) => (o.paid === null ? null : wallClock(o.paid)) },
  { key: 'status', kind: 'text', width: 11, value: (o) => o.payStatus },
  { key: 'payway', kind: 'text', width: 16, value: (o) => o.payway },
  { key: 'price', kind: 'money', width: 14, value: (o) => money(o.price) },
  { key: 'toPay', kind: 'money', width: 14, value: (o) => (o.toPay === null ? null : money(o.toPay)) },
  { key: 'partnerFees', kind: 'money', width: 14, value: (o) => money(fees(o)) },
  { key: 'goods', kind: 'text', width: 40, value: (o) => o.items.map((i) => i.title || i.id).join('; ') },
  { key: 'firstName', kind: 'text', width: 14, value: (o) => o.firstName },
  { key: 'lastName', kind: 'text', width: 16, value: (o) => o.lastName },
  { key: 'middleName', kind: 'text', width: 14, value: (o) => o.middleName },
  { key: 'email', kind: 'text', width: 26, value: (o) => o.email },
  { key: 'phone', kind: 'text', width: 16, value: (o) => o.phone },
  { key: 'country', kind: 'text', width: 12, value: (o) => o.country },
  { key: 'region', kind: 'text', width: 14, value: (o) => o.region },
  { key: 'city', kind: 'text', width: 14, value: (o) => o.city },
  { key: 'postalcode', kind: 'text', width: 10, value: (o) => o.postalcode },
  { key: 'address', kind: 'text', width: 30, value: (o) => o.address },
  { key: 'comment', kind: 'text', width: 30, value: (o) => o.comment },
  { key: 'type', kind: 'text', width: 10, value: (o) => o.type },
  { key: 'recurrent', kind: 'count', width: 8, value: (o) => (o.isRecurrent ? 1 : 0) },
  { key: 'domain', kind: 'text', width: 18, value: (o) => o.domain },
  { key: 'link', kind: 'text', width: 30, value: (o) => o.link },
  { key: 'utmSource', kind: 'text', width: 14, value: (o) => o.utm.source ?? '' },
  { key: 'utmMedium', kind: 'text', width: 14, value: (o) => o.utm.medium ?? '' },
  { key: 'utmCampaign', kind: 'text', width: 16, value: (o) => o.utm.campaign ?? '' },
  { key: 'utmContent', kind: 'text', width: 14, value: (o) => o.utm.content ?? '' },
  { key: 'utmTerm', kind: 'text', width: 14, value: (o) => o.utm.term ?? '' },
  { key: 'tag', kind: 'text', width: 12, value: (o) => o.tag },
  { key: 'coupon', kind: 'text', width: 12, value: (o) => o.kupon },
];

interface ItemRow {
  order: Order;
  item: Order['items'][number];
}

const ITEM_COLUMNS: Column<ItemColumn, ItemRow>[] = [
  { key: 'order', kind: 'text', width: 12, value: (r) => r.order.id },
  { key: 'paid', kind: 'date', width: 18, value: (r, wallClock) => (r.order.paid === null ? null : wallClock(r.order.paid)) },
  { key: 'status', kind: 'text', width: 11, value: (r) => r.order.payStatus },
  { key: 'productId', kind: 'text', width: 12, value: (r) => r.item.id },
  { key: 'product', kind: 'text', width: 40, value: (r) => r.item.title },
  { key: 'sum', kind: 'money', width: 14, value: (r) => money(r.item.sum) },
  { key: 'price', kind: 'money', width: 14, value: (r) => money(r.item.price) },
  { key: 'partnerFees', kind: 'money', width: 14, value: (r) => money(r.item.partners.reduce((s, p) => s + p.fee, 0)) },
  { key: 'partners', kind: 'text', width: 30, value: (r) => r.item.partners.map((p) => `${p.name || p.id} (${p.level})`).join('; ') },
];

/** "#,##0.00 "₽"" / ""₽"#,##0.00": grouping and the decimal mark follow the reader's spreadsheet locale. */
export function currencyFormat(currency: string, lang: Lang): string {
  let symbol = currency;
  try {
    const parts = new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
    symbol = parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    // A code Intl does not know is written as it is.
  }
  const quoted = `"${symbol.replace(/"/g, '')}"`;
  return lang === 'ru' ? `#,##0.00 ${quoted}` : `${quoted}#,##0.00`;
}

const DATE_FORMAT: Record<Lang, string> = { ru: 'dd.mm.yyyy hh:mm', en: 'yyyy-mm-dd hh:mm' };

function sheet<Key extends string, Row>(
  name: string,
  columns: Column<Key, Row>[],
  headers: Record<Key, string>,
  rows: { each: Iterable<Row>; count: number },
  opts: WorkbookOptions,
): Sheet {
  const moneyFormat = currencyFormat(opts.currency, opts.lang);
  const t = xlsxText[opts.lang];
  const wallClock = wallClockIn(opts.timeZone);
  return {
    name,
    columns: columns.map((c) => ({
      header: c.kind === 'date' ? t.zoned(headers[c.key], opts.timeZone) : headers[c.key],
      width: c.kind === 'date' ? Math.max(c.width, opts.timeZone.length + headers[c.key].length + 4) : c.width,
      ...(c.kind === 'money' ? { numFmt: moneyFormat } : c.kind === 'date' ? { numFmt: DATE_FORMAT[opts.lang] } : {}),
    })),
    // Strings stay strings: the writer has no formulas at all, so "=HYPERLINK(…)" from a buyer is text.
    rows: (function* (): Generator<CellValue[]> {
      for (const row of rows.each) yield columns.map((c) => c.value(row, wallClock));
    })(),
    rowCount: rows.count,
  };
}

/**
 * The orders (as given: the caller filters) as an XLSX file: a sheet of orders and one of their items,
 * dates as Excel dates in the chat's zone, amounts as numbers with the currency format, the header row
 * frozen and filterable.
 */
export async function buildOrdersWorkbook(orders: readonly Order[], opts: WorkbookOptions): Promise<Buffer> {
  if (orders.length > MAX_EXPORT_ORDERS) throw new RangeError(`${orders.length} orders is more than MAX_EXPORT_ORDERS (${MAX_EXPORT_ORDERS})`);
  const t = xlsxText[opts.lang];
  const items = function* () {
    for (const order of orders) for (const item of order.items) yield { order, item };
  };
  const itemCount = orders.reduce((n, o) => n + o.items.length, 0);
  return writeWorkbook(
    [
      sheet(t.ordersSheet, ORDER_COLUMNS, t.orders, { each: orders, count: orders.length }, opts),
      sheet(t.itemsSheet, ITEM_COLUMNS, t.items, { each: items(), count: itemCount }, opts),
    ],
    { title: opts.title, creator: 'JustClick orders bot' },
  );
}
