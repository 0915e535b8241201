// A frozen copy of the XLSX builder as it was on exceljs 4.4's streaming writer, kept only so that the
// export benchmark can show today's writer beside it in the same run. Not used by the bot.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { TZDate } from '@date-fns/tz';
import type { Minor, Order } from '../../src/domain/justclick.js';
import type { Lang } from '../../src/domain/i18n/lang.js';
import { xlsxText, type ItemColumn, type OrderColumn } from '../../src/domain/i18n/xlsx.js';

/**
 * The most orders one export may hold. Memory stays flat (rows stream out: about 20 MB more at 20,000),
 * time grows with the rows (10,000 took 2 s on 2 busy cores, docs/benchmarks.md section 7); past this
 * the bot says to pick a shorter period instead of trying, so one export cannot hold up the others.
 */
const MAX_EXPORT_ORDERS = 20_000;

interface WorkbookOptions {
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
 * zone, written as if it were UTC, is what exceljs stores and every spreadsheet shows unchanged.
 * Offsets are looked up once per quarter hour (every zone switches on a quarter hour): TZDate per cell
 * was a fifth of a 10,000-order export.
 */
function wallClockIn(timeZone: string): (unix: number) => Date {
  const offsets = new Map<number, number>();
  return (unix) => {
    const quarter = Math.floor(unix / 900);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      const t = new TZDate(quarter * 900_000, timeZone);
      offset = Date.UTC(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes(), t.getSeconds()) - quarter * 900_000;
      offsets.set(quarter, offset);
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

/** Characters XML 1.0 forbids: one of them in a buyer's comment would make Excel refuse the whole file. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Excel's limit per cell; a longer text is cut, not an error. */
const MAX_CELL_CHARS = 32_767;

function text(value: string): string {
  const clean = value.replace(XML_FORBIDDEN, '');
  return clean.length > MAX_CELL_CHARS ? clean.slice(0, MAX_CELL_CHARS) : clean;
}

/** "#,##0.00 "₽"" / ""₽"#,##0.00": grouping and the decimal mark follow the reader's spreadsheet locale. */
function currencyFormat(currency: string, lang: Lang): string {
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

function addSheet<Key extends string, Row>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: Column<Key, Row>[],
  headers: Record<Key, string>,
  rows: Iterable<Row>,
  opts: WorkbookOptions,
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const moneyFormat = currencyFormat(opts.currency, opts.lang);
  const t = xlsxText[opts.lang];
  sheet.columns = columns.map((c) => ({
    key: c.key,
    header: c.kind === 'date' ? t.zoned(headers[c.key], opts.timeZone) : headers[c.key],
    width: c.kind === 'date' ? Math.max(c.width, opts.timeZone.length + headers[c.key].length + 4) : c.width,
  }));
  const wallClock = wallClockIn(opts.timeZone);
  const styles: Partial<ExcelJS.Style>[] = columns.map((c) =>
    c.kind === 'money' ? { numFmt: moneyFormat } : c.kind === 'date' ? { numFmt: DATE_FORMAT[opts.lang] } : {},
  );
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const row of rows) {
    // Strings stay strings: exceljs writes a formula only for a { formula } value, never for text.
    const values = columns.map((c) => {
      const v = c.value(row, wallClock);
      // An empty text is no cell at all: a quarter fewer cells to write.
      return typeof v === 'string' ? (v === '' ? null : text(v)) : v;
    });
    const added = sheet.addRow(values);
    // exceljs gives every cell a fresh style object and caches its lookup by object identity, so each
    // cell's style was worked out anew: one shared object per column makes that a cache hit (3× faster).
    values.forEach((v, i) => {
      if (v !== null) added.getCell(i + 1).style = styles[i]!;
    });
    added.commit();
  }
  sheet.commit();
}

/**
 * The orders (as given: the caller filters) as an XLSX file: a sheet of orders and one of their items,
 * dates as Excel dates in the chat's zone, amounts as numbers with the currency format, the header row
 * frozen and filterable. Streams rows out as they are written, so memory stays flat in the order count.
 */
export async function buildOrdersWorkbookBefore(orders: readonly Order[], opts: WorkbookOptions): Promise<Buffer> {
  if (orders.length > MAX_EXPORT_ORDERS) throw new RangeError(`${orders.length} orders is more than MAX_EXPORT_ORDERS (${MAX_EXPORT_ORDERS})`);
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.title = text(opts.title);
  workbook.creator = 'JustClick orders bot';
  const t = xlsxText[opts.lang];
  addSheet(workbook, t.ordersSheet, ORDER_COLUMNS, t.orders, orders, opts);
  const items = function* () {
    for (const order of orders) for (const item of order.items) yield { order, item };
  };
  addSheet(workbook, t.itemsSheet, ITEM_COLUMNS, t.items, items(), opts);
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
