// The few parts of SpreadsheetML (ECMA-376, the XLSX format) an export needs, written directly: sheets of
// text, numbers and dates with one number format per column, a bold header row that stays frozen and
// filterable, column widths, and the workbook's title. Excel, LibreOffice and Google Sheets read it.
import { zip } from './zip.js';

export type CellValue = string | number | Date | null;

export interface SheetColumn {
  header: string;
  /** Characters, as Excel counts column width. */
  width: number;
  /** An Excel number format for the column's numbers and dates ("#,##0.00 \"₽\"", "dd.mm.yyyy hh:mm"). */
  numFmt?: string;
}

export interface Sheet {
  /** At most 31 characters, none of : \ / ? * [ ] (Excel's rules for a sheet name). */
  name: string;
  columns: readonly SheetColumn[];
  /** Read once, as the sheet is written: a generator keeps a big sheet from being held whole. */
  rows: Iterable<readonly CellValue[]>;
  /** How many `rows` yields: the table's range is written at the top, before the rows. */
  rowCount: number;
}

/** Characters XML 1.0 forbids: one of them in a buyer's comment would make Excel refuse the whole file. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/** Excel's limit per cell; a longer text is cut, not an error. */
const MAX_CELL_CHARS = 32_767;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The first number format id a workbook may define (lower ones are Excel's built-ins). */
const FIRST_CUSTOM_FORMAT = 164;
/** Days from Excel's day 0 (1899-12-30, with its 1900 leap-year quirk folded in) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;

/** Anything xmlText would change: most cells have none of it and are written as they are. */
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Text as XML character data or an attribute value: forbidden characters dropped, markup escaped. */
function xmlText(value: string): string {
  if (value.length <= MAX_CELL_CHARS && !NEEDS_WORK.test(value)) return value;
  const clean = value.replace(XML_FORBIDDEN, '');
  const cut = clean.length > MAX_CELL_CHARS ? clean.slice(0, MAX_CELL_CHARS) : clean;
  return cut.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);
}

/** A, B, … Z, AA, AB …: the column letters of a 0-based index. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * A date cell holds a wall-clock reading with no zone: the Date's UTC fields are what the sheet shows
 * (the caller shifts instants to the reader's zone first), as days since Excel's epoch.
 */
const excelSerial = (date: Date) => date.getTime() / 86_400_000 + EXCEL_EPOCH_DAYS;

interface Styles {
  /** Style index of the header row's cells. */
  header: number;
  /** Style index of each sheet's columns (0: the default). */
  columns: number[][];
  xml: string;
}

/** One bold style for headers and one style per distinct number format, shared by every column using it. */
function buildStyles(sheets: readonly Sheet[]): Styles {
  const formats = [...new Set(sheets.flatMap((s) => s.columns.flatMap((c) => (c.numFmt ? [c.numFmt] : []))))];
  // Style 0 is the default, 1 the header, then one per format.
  const styleOf = new Map(formats.map((f, i) => [f, i + 2]));
  const numFmts = formats.map((f, i) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + i}" formatCode="${xmlText(f)}"/>`).join('');
  const xfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
    ...formats.map((_, i) => `<xf numFmtId="${FIRST_CUSTOM_FORMAT + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`),
  ];
  const xml =
    `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
    (formats.length > 0 ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : '') +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>';
  return { header: 1, columns: sheets.map((s) => s.columns.map((c) => (c.numFmt ? styleOf.get(c.numFmt)! : 0))), xml };
}

/** One cell's XML, or '' for an empty one (no cell at all is written for it). */
function cellXml(ref: string, value: CellValue, style: number): string {
  if (value === null || value === '') return '';
  const s = style === 0 ? '' : ` s="${style}"`;
  if (typeof value === 'string') {
    const space = value !== value.trim() ? ' xml:space="preserve"' : '';
    return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
  }
  const number = typeof value === 'number' ? value : excelSerial(value);
  // NaN and infinities have no XML form a spreadsheet reads: an empty cell says "unknown" honestly.
  return Number.isFinite(number) ? `<c r="${ref}"${s}><v>${number}</v></c>` : '';
}

/** Rows are gathered as text up to this many characters, then kept as bytes: no 20 MB string to build. */
const CHUNK_CHARS = 1 << 16;

/** The table's range, header included: "A1:AE10001". */
const tableRange = (sheet: Sheet) => `A1:${columnName(Math.max(0, sheet.columns.length - 1))}${sheet.rowCount + 1}`;

/** The sheet's XML, in chunks of bytes as its rows are written. */
function* sheetXml(sheet: Sheet, columnStyles: number[], headerStyle: number): Generator<Buffer> {
  const dimension = tableRange(sheet);
  const letters = sheet.columns.map((_, i) => columnName(i));
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  let text =
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="${dimension}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols === '' ? '' : `<cols>${cols}</cols>`) +
    `<sheetData><row r="1">${sheet.columns.map((c, i) => cellXml(`${letters[i]}1`, c.header, headerStyle)).join('')}</row>`;
  let r = 1;
  for (const row of sheet.rows) {
    r += 1;
    text += `<row r="${r}">`;
    for (let i = 0; i < letters.length; i++) text += cellXml(letters[i]! + r, row[i] ?? null, columnStyles[i]!);
    text += '</row>';
    if (text.length >= CHUNK_CHARS) {
      yield Buffer.from(text, 'utf8');
      text = '';
    }
  }
  if (r - 1 !== sheet.rowCount) throw new RangeError(`sheet ${sheet.name}: ${r - 1} rows written, ${sheet.rowCount} announced`);
  yield Buffer.from(`${text}</sheetData><autoFilter ref="${dimension}"/></worksheet>`, 'utf8');
}

const quotedSheetName = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** The workbook as XLSX bytes. `title` becomes the file's title property (File → Properties). */
export async function writeWorkbook(sheets: readonly Sheet[], meta: { title: string; creator: string }): Promise<Buffer> {
  const styles = buildStyles(sheets);
  const sheetList = sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  // Excel keeps each sheet's filter range under this hidden name; without it some versions drop the filter.
  const filters = sheets
    .map((s, i) => {
      const absolute = tableRange(s).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${quotedSheetName(s.name)}!${absolute}`)}</definedName>`;
    })
    .join('');
  const workbook =
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<bookViews><workbookView/></bookViews><sheets>${sheetList}</sheets><definedNames>${filters}</definedNames></workbook>`;
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const officeRel = (kind: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`;
  const workbookRels =
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    sheets.map((_, i) => rel(`rId${i + 1}`, officeRel('worksheet'), `worksheets/sheet${i + 1}.xml`)).join('') +
    rel(`rId${sheets.length + 1}`, officeRel('styles'), 'styles.xml') +
    '</Relationships>';
  const rootRels =
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rel('rId1', officeRel('officeDocument'), 'xl/workbook.xml') +
    rel('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml') +
    rel('rId3', officeRel('extended-properties'), 'docProps/app.xml') +
    '</Relationships>';
  const type = (part: string, kind: string) => `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-${kind}"/>`;
  const contentTypes =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    type('/xl/workbook.xml', 'officedocument.spreadsheetml.sheet.main+xml') +
    sheets.map((_, i) => type(`/xl/worksheets/sheet${i + 1}.xml`, 'officedocument.spreadsheetml.worksheet+xml')).join('') +
    type('/xl/styles.xml', 'officedocument.spreadsheetml.styles+xml') +
    type('/docProps/core.xml', 'package.core-properties+xml') +
    type('/docProps/app.xml', 'officedocument.extended-properties+xml') +
    '</Types>';
  const core =
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(meta.title)}</dc:title><dc:creator>${xmlText(meta.creator)}</dc:creator></cp:coreProperties>`;
  const app =
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
    `<Application>${xmlText(meta.creator)}</Application></Properties>`;
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  return zip([
    { name: '[Content_Types].xml', content: utf8(contentTypes) },
    { name: '_rels/.rels', content: utf8(rootRels) },
    { name: 'docProps/core.xml', content: utf8(core) },
    { name: 'docProps/app.xml', content: utf8(app) },
    { name: 'xl/workbook.xml', content: utf8(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', content: utf8(workbookRels) },
    { name: 'xl/styles.xml', content: utf8(styles.xml) },
    ...sheets.map((sheet, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, content: sheetXml(sheet, styles.columns[i]!, styles.header) })),
  ]);
}
