// The XLSX writer read back by an independent reader (exceljs, which parses the ZIP with JSZip and the
// XML with a strict SAX parser): any text survives as text, numbers and dates as themselves.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { columnName, writeWorkbook, type CellValue } from '../../src/domain/spreadsheet.js';
import { zip } from '../../src/domain/zip.js';

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** What a cell holds once read back: the writer leaves empty texts out, and drops characters XML forbids. */
function expected(value: CellValue): unknown {
  if (typeof value !== 'string') return value;
  const clean = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  return clean === '' ? null : clean;
}

describe('writeWorkbook', () => {
  it('column letters run A…Z, AA…AZ, BA… as Excel names them', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('any text, number and date is read back as written, in any sheet', async () => {
    // Lone surrogates cannot be UTF-8 at all; every other string can.
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    const texts = fc.oneof(text, fc.constantFrom('=1+1', '<b>x</b>', 'a & b', '  padded  ', 'line\nbreak', '"quoted"', "it's", '\u0007bell'));
    const number = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
    const date = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }).map((ms) => new Date(Math.floor(ms / 1000) * 1000));
    const columns = [
      { header: 'text', width: 10 },
      { header: 'sum', width: 10, numFmt: '#,##0.00 "₽"' },
      { header: 'when', width: 10, numFmt: 'yyyy-mm-dd hh:mm:ss' },
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(texts, number, date), { maxLength: 12 }), async (rows) => {
        const file = await writeWorkbook([{ name: 'Лист «1»', columns, rows, rowCount: rows.length }], { title: 't', creator: 'c' });
        const sheet = (await read(file)).worksheets[0]!;
        expect(sheet.name).toBe('Лист «1»');
        rows.forEach(([t, n, d], r) => {
          const row = sheet.getRow(r + 2);
          expect(row.getCell(1).value).toEqual(expected(t));
          expect(row.getCell(2).value as number).toBeCloseTo(n, 6);
          expect((row.getCell(3).value as Date).getTime()).toBe(d.getTime());
        });
      }),
      { numRuns: 60 },
    );
  });

  it('the archive holds every part once, each entry inflating to what its CRC says', async () => {
    const content = Buffer.from('x'.repeat(10_000) + 'é');
    const file = await zip([
      { name: 'a.xml', content: [content.subarray(0, 4000), content.subarray(4000)] },
      { name: 'dir/b.xml', content: Buffer.alloc(0) },
    ]);
    // The local header of the first entry: signature, sizes, name, then the deflated bytes.
    expect(file.readUInt32LE(0)).toBe(0x04034b50);
    const packedSize = file.readUInt32LE(18);
    const nameLength = file.readUInt16LE(26);
    expect(file.subarray(30, 30 + nameLength).toString()).toBe('a.xml');
    expect(inflateRawSync(file.subarray(30 + nameLength, 30 + nameLength + packedSize)).equals(content)).toBe(true);
    // The end record counts both entries.
    const end = file.subarray(file.length - 22);
    expect(end.readUInt32LE(0)).toBe(0x06054b50);
    expect(end.readUInt16LE(10)).toBe(2);
  });
});
