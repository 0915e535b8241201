// /export xlsx re-read with exceljs: real dates in the chat's wall clock, real numbers, sums that match
// the summary, a frozen filtered header, and buyer text that stays text.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { topBreakdowns } from '../../src/domain/top.js';
import { buildOrdersWorkbook, currencyFormat, MAX_EXPORT_ORDERS } from '../../src/domain/xlsx.js';
import type { Order } from '../../src/domain/justclick.js';

const at = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

function order(p: Partial<Order> = {}): Order {
  // biome-ignore format: an order, packed by hand
  return {
    id: '1', firstName: '', lastName: '', middleName: '', email: '', phone: '', city: '', country: '', address: '',
    region: '', postalcode: '', created: at('2026-11-28T06:00:00Z'), paid: null, payStatus: 'waiting', type: '', payway: '',
    comment: '', domain: '', link: '', utm: {}, price: 100_000, toPay: null, isRecurrent: false, tag: '', kupon: '', items: [], ...p,
  };
}

const orders: Order[] = [
  order({
    id: '101',
    payStatus: 'paid',
    created: at('2026-11-27T20:30:00Z'),
    paid: at('2026-11-27T21:05:00Z'),
    price: 4_990_50,
    firstName: 'Иван',
    comment: '=HYPERLINK("http://evil.example","click")',
    payway: 'Робокасса',
    utm: { source: 'vk' },
    items: [
      { id: 'c1', title: 'Курс', sum: 3_990_50, price: 5_000_00, partners: [{ id: 'p1', name: 'Анна', level: 1, fee: 399_05 }] },
      { id: 'b1', title: 'Книга', sum: 1_000_00, price: 1_000_00, partners: [] },
    ],
  }),
  order({ id: '102', payStatus: 'paid', paid: at('2026-11-28T09:00:00Z'), price: 12_000_00, comment: 'bell\u0007 and NUL\u0000 inside' }),
  order({ id: '103', price: 7_000_00, toPay: 7_000_00, lastName: '+7 (999) 000-11-22' }),
];

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its Buffer as the ArrayBuffer-backed kind; ours is the same bytes.
  await wb.xlsx.load(buffer as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** The header row's titles mapped to their column numbers. */
function columns(sheet: ExcelJS.Worksheet): Map<string, number> {
  const map = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, n) => map.set(String(cell.value), n));
  return map;
}

describe('buildOrdersWorkbook', () => {
  it('a sheet of orders and one of items, in the chat language', async () => {
    const wb = await read(await buildOrdersWorkbook(orders, { timeZone: 'Europe/Moscow', lang: 'ru', currency: 'RUB', title: 'Заказы · 28 ноября' }));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Заказы', 'Товары']);
    expect(wb.worksheets[0]!.rowCount).toBe(1 + 3);
    expect(wb.worksheets[1]!.rowCount).toBe(1 + 2);
    expect(wb.title).toBe('Заказы · 28 ноября');
  });

  it('times are real dates showing the wall clock of the chat zone, named in the header', async () => {
    const wb = await read(await buildOrdersWorkbook(orders, { timeZone: 'Europe/Moscow', lang: 'en', currency: 'RUB', title: 't' }));
    const sheet = wb.getWorksheet('Orders')!;
    const col = columns(sheet);
    const paid = sheet.getRow(2).getCell(col.get('paid (Europe/Moscow)')!);
    expect(paid.value).toBeInstanceOf(Date);
    // 21:05 UTC is 00:05 the next day in Moscow: that is what the seller must see.
    expect((paid.value as Date).toISOString()).toBe('2026-11-28T00:05:00.000Z');
    expect(paid.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getRow(4).getCell(col.get('paid (Europe/Moscow)')!).value).toBeNull();
  });

  it('money is numbers with the currency format, and the paid sums equal the summary', async () => {
    const wb = await read(await buildOrdersWorkbook(orders, { timeZone: 'Europe/Moscow', lang: 'ru', currency: 'RUB', title: 't' }));
    const sheet = wb.getWorksheet('Заказы')!;
    const col = columns(sheet);
    let paidSum = 0;
    let paidCount = 0;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const sum = row.getCell(col.get('сумма')!);
      expect(typeof sum.value).toBe('number');
      expect(sum.numFmt).toBe('#,##0.00 "₽"');
      if (row.getCell(col.get('статус')!).value === 'paid') {
        paidSum += Math.round((sum.value as number) * 100);
        paidCount += 1;
      }
    });
    const summary = topBreakdowns(orders, { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') });
    expect([paidSum, paidCount]).toEqual([summary.revenue, summary.orders]);

    const items = wb.getWorksheet('Товары')!;
    const icol = columns(items);
    const lines = [2, 3].map((n) => items.getRow(n));
    expect(lines.map((r) => r.getCell(icol.get('оплачено')!).value)).toEqual([3_990.5, 1_000]);
    expect(lines.map((r) => r.getCell(icol.get('комиссии партнёров')!).value)).toEqual([399.05, 0]);
    expect(Math.round(lines.reduce((s, r) => s + (r.getCell(icol.get('оплачено')!).value as number), 0) * 100)).toBe(orders[0]!.price);
  });

  it('the header row is frozen and filtered, and columns are wide enough to read', async () => {
    const wb = await read(await buildOrdersWorkbook(orders, { timeZone: 'Asia/Yekaterinburg', lang: 'en', currency: 'RUB', title: 't' }));
    for (const sheet of wb.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      // The whole table, header to last row, as Excel itself writes it.
      expect(sheet.autoFilter).toBe(`A1:${sheet.name === 'Orders' ? 'AE4' : 'I3'}`);
      expect(sheet.columns.every((c) => (c.width ?? 0) >= 8)).toBe(true);
    }
    const created = columns(wb.getWorksheet('Orders')!).get('created (Asia/Yekaterinburg)')!;
    expect(wb.getWorksheet('Orders')!.getColumn(created).width).toBeGreaterThanOrEqual('created (Asia/Yekaterinburg)'.length);
  });

  it('buyer text stays text: no formulas, and characters XML forbids are dropped instead of breaking the file', async () => {
    const wb = await read(await buildOrdersWorkbook(orders, { timeZone: 'Europe/Moscow', lang: 'en', currency: 'RUB', title: 't' }));
    let formulas = 0;
    for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas++)));
    expect(formulas).toBe(0);
    const sheet = wb.getWorksheet('Orders')!;
    const col = columns(sheet);
    expect(sheet.getRow(2).getCell(col.get('comment')!).value).toBe('=HYPERLINK("http://evil.example","click")');
    expect(sheet.getRow(3).getCell(col.get('comment')!).value).toBe('bell and NUL inside');
    expect(sheet.getRow(4).getCell(col.get('last name')!).value).toBe('+7 (999) 000-11-22');
  });

  it('the currency format follows the language and the currency', () => {
    expect(currencyFormat('RUB', 'en')).toBe('"₽"#,##0.00');
    expect(currencyFormat('USD', 'ru')).toBe('#,##0.00 "$"');
    expect(currencyFormat('XYZ', 'en')).toBe('"XYZ"#,##0.00');
  });

  it('refuses more than the documented maximum instead of trying', async () => {
    const many = Array.from({ length: MAX_EXPORT_ORDERS + 1 }, (_, i) => order({ id: String(i) }));
    await expect(buildOrdersWorkbook(many, { timeZone: 'Europe/Moscow', lang: 'en', currency: 'RUB', title: 't' })).rejects.toThrow(RangeError);
  });
});
