// /export CSV: opens in spreadsheets as-is, quotes what needs quoting, and never lets a cell run a formula.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ordersToCsv } from '../../src/domain/csv.js';
import type { Order } from '../../src/justclick/types.js';

function order(p: Partial<Order> = {}): Order {
  // biome-ignore format: an order, packed by hand
  return {
    id: '1001', firstName: 'Ivan', lastName: 'Petrov', middleName: 'Ivanovich', email: 'ivan@mail.ru', phone: '89123456789',
    city: 'Moscow', country: 'Russia', address: 'Tverskaya 1', region: 'Moscow', postalcode: '125009',
    created: Date.parse('2026-11-28T09:05:00Z') / 1000, paid: Date.parse('2026-11-28T09:15:30Z') / 1000, payStatus: 'paid',
    type: 'order', payway: 'card', comment: 'call me', domain: 'shop.ru', link: 'https://shop.ru/p', isRecurrent: false,
    utm: { source: 'vk', medium: 'cpc', campaign: 'bf', content: 'c', term: 't' }, price: 499_050, toPay: 0, tag: 'vip', kupon: 'SALE',
    items: [
      { id: 'a', title: 'Course A', sum: 499_000, price: 499_000, partners: [] },
      { id: 'b', title: 'Bonus', sum: 50, price: 100, partners: [] },
    ],
    ...p,
  };
}

/** A strict RFC 4180 reader, to check the file the way a spreadsheet reads it. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && cell === '') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) throw new Error('unterminated quote');
        cell += text.slice(i, q);
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      if (text[i] !== ',' && text[i] !== '\r') throw new Error(`junk after a quoted cell at ${i}`);
    } else if (text[i] === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (text[i] === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else {
      if (/[",\r\n]/.test(text[i] as string)) throw new Error(`unquoted ${JSON.stringify(text[i])} at ${i}`);
      cell += text[i];
      i++;
    }
  }
  if (cell !== '' || row.length > 0) throw new Error('last row does not end with CRLF');
  return rows;
}

const csvText = (buf: Buffer) => {
  expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return buf.subarray(3).toString('utf8');
};

describe('ordersToCsv', () => {
  it('starts with a UTF-8 BOM so Excel reads Cyrillic right, and has a header naming the time zone', () => {
    const [header] = readCsv(csvText(ordersToCsv([], { timeZone: 'Europe/Moscow', lang: 'ru' })));
    expect(header?.slice(0, 4)).toEqual(['номер', 'создан (Europe/Moscow)', 'оплачен (Europe/Moscow)', 'статус']);
  });

  it('names every column in Russian for a Russian chat, in the same order as in English', () => {
    const [ru] = readCsv(csvText(ordersToCsv([], { timeZone: 'UTC', lang: 'ru' })));
    const [en] = readCsv(csvText(ordersToCsv([], { timeZone: 'UTC', lang: 'en' })));
    // biome-ignore format: a header row, packed by hand
    expect(ru).toEqual([
      'номер', 'создан (UTC)', 'оплачен (UTC)', 'статус', 'способ оплаты', 'сумма', 'к оплате', 'имя', 'фамилия', 'отчество',
      'email', 'телефон', 'страна', 'регион', 'город', 'индекс', 'адрес', 'комментарий', 'тип', 'рекуррентный', 'домен',
      'ссылка', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term', 'тег', 'купон', 'товары', 'id товаров',
    ]);
    expect(en?.slice(-3)).toEqual(['coupon', 'items', 'item ids']);
    expect(en).toHaveLength(ru?.length ?? 0);
  });

  it('writes one row per order with every field, local times and plain decimals', () => {
    const [header, row] = readCsv(csvText(ordersToCsv([order()], { timeZone: 'Europe/Moscow', lang: 'en' })));
    const record = Object.fromEntries((header ?? []).map((h, i) => [h, row?.[i]]));
    // biome-ignore format: a row, packed by hand
    expect(record).toEqual({
      id: '1001', 'created (Europe/Moscow)': '2026-11-28 12:05:00', 'paid (Europe/Moscow)': '2026-11-28 12:15:30',
      status: 'paid', payway: 'card', price: '4990.50', 'to pay': '0.00', 'first name': 'Ivan', 'last name': 'Petrov',
      'middle name': 'Ivanovich', email: 'ivan@mail.ru', phone: '89123456789', country: 'Russia', region: 'Moscow',
      city: 'Moscow', 'postal code': '125009', address: 'Tverskaya 1', comment: 'call me', type: 'order', recurrent: '0',
      domain: 'shop.ru', link: 'https://shop.ru/p', utm_source: 'vk', utm_medium: 'cpc', utm_campaign: 'bf',
      utm_content: 'c', utm_term: 't', tag: 'vip', coupon: 'SALE', items: 'Course A ×4990.00; Bonus ×0.50', 'item ids': 'a; b',
    });
  });

  it('leaves unknown amounts and unpaid times empty', () => {
    const [header, row] = readCsv(csvText(ordersToCsv([order({ paid: null, toPay: null, items: [] })], { timeZone: 'UTC', lang: 'en' })));
    const record = Object.fromEntries((header ?? []).map((h, i) => [h, row?.[i]]));
    expect(record).toMatchObject({ 'paid (UTC)': '', 'to pay': '', items: '', 'item ids': '' });
  });

  it('quotes cells with commas, semicolons, quotes, line breaks and edge spaces', () => {
    const text = csvText(
      ordersToCsv([order({ firstName: 'Smith, John', lastName: 'O"Neil', address: 'line 1\nline 2', comment: 'a;b', city: ' Moscow' })], {
        timeZone: 'UTC',
        lang: 'en',
      }),
    );
    expect(text).toContain(',"Smith, John","O""Neil",');
    expect(text).toContain('"line 1\nline 2"');
    expect(text).toContain('"a;b"');
    expect(text).toContain('," Moscow",');
  });

  it('defuses cells a spreadsheet would run as formulas, but leaves our numbers alone', () => {
    const [header, row] = readCsv(
      csvText(
        ordersToCsv(
          [
            order({
              firstName: '=HYPERLINK("http://evil","x")',
              lastName: '+1+1',
              comment: '-2+3',
              city: '@SUM(A1)',
              tag: '\t=1',
              phone: '+7 912 345-67-89',
              price: -500,
            }),
          ],
          { timeZone: 'UTC', lang: 'en' },
        ),
      ),
    );
    const record = Object.fromEntries((header ?? []).map((h, i) => [h, row?.[i]]));
    expect(record).toMatchObject({
      'first name': `'=HYPERLINK("http://evil","x")`,
      'last name': "'+1+1",
      comment: "'-2+3",
      city: "'@SUM(A1)",
      tag: "'\t'=1",
      phone: "'+7 912 345-67-89",
      price: '-5.00',
    });
  });

  it('defuses a formula after every separator inside a cell, as a reader splitting on ; or tabs would see it', () => {
    const [header, row] = readCsv(
      csvText(
        ordersToCsv([order({ firstName: 'x;=1+1', lastName: 'a,+1', comment: 'note\n@SUM(A1)', city: 'ok; "=2"', tag: '\t=1' })], {
          timeZone: 'UTC',
          lang: 'en',
        }),
      ),
    );
    const record = Object.fromEntries((header ?? []).map((h, i) => [h, row?.[i]]));
    expect(record).toMatchObject({ 'first name': "x;'=1+1", 'last name': "a,'+1", comment: "note\n'@SUM(A1)", city: `ok; "'=2"`, tag: "'\t'=1" });
  });

  it('no piece of a text cell starts a formula, whichever separator a spreadsheet splits it on', () => {
    const risky = fc.constantFrom(',', ';', '\t', '\r', '\n', '"', ' ', '=', '+', '-', '@', 'x', '1');
    fc.assert(
      fc.property(
        fc.array(risky, { maxLength: 12 }).map((chars) => chars.join('')),
        (comment) => {
          const [header, row] = readCsv(csvText(ordersToCsv([order({ comment })], { timeZone: 'UTC', lang: 'en' })));
          const cell = row?.[(header ?? []).indexOf('comment')] ?? '';
          for (const piece of cell.split(/[,;\t\r\n]/).slice(1)) expect(piece.replace(/^["\s]*/, '')).not.toMatch(/^[=+\-@]/);
          expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
    );
  });

  it('any field text survives the round trip through a strict CSV reader, one row per order', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('"', ',', ';', '\r\n', '\n', ' x ', '=1', '""'));
    fc.assert(
      fc.property(fc.array(fc.record({ firstName: text, comment: text, title: text }), { maxLength: 10 }), (rows) => {
        const orders = rows.map((r, i) =>
          order({ id: String(i), firstName: r.firstName, comment: r.comment, items: [{ id: 'x', title: r.title, sum: 100, price: 100, partners: [] }] }),
        );
        const parsed = readCsv(csvText(ordersToCsv(orders, { timeZone: 'Asia/Tokyo', lang: 'ru' })));
        expect(parsed).toHaveLength(orders.length + 1);
        const width = parsed[0]?.length;
        // Undo both defusals: the apostrophe before a leading formula character, and those after separators inside.
        const undo = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r])/, '').replace(/([,;\t\r\n]["\s]*)'(?=[=+\-@\t\r])/g, '$1');
        // Every cell is safe, and reads back as typed: as it is, or once the defusals are undone (a text that
        // already had an apostrophe before "+" needed none and keeps it, so undoing would take it away).
        const readsBack = (cell: string | undefined, typed: string) => {
          expect(cell).toBeDefined();
          expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          expect(cell).not.toMatch(/[,;\t\r\n]["\s]*[=+\-@\t\r]/);
          expect(cell === typed || undo(cell!) === typed).toBe(true);
        };
        rows.forEach((r, i) => {
          const cells = parsed[i + 1] ?? [];
          expect(cells).toHaveLength(width as number);
          readsBack(cells[7], r.firstName);
          readsBack(cells[17], r.comment);
          readsBack(cells[29], `${r.title} ×1.00`);
        });
      }),
    );
  });
});
