import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';

/**
 * A streaming XLSX (Office Open XML spreadsheet) writer: each sheet's rows are pulled from an (async) iterable
 * only as fast as the zip's reader takes them, so memory stays flat however many rows there are. Strings are
 * written inline (no shared-string table to keep), numbers as numbers and days as real Excel dates.
 *
 * Why not exceljs's streaming WorkbookWriter: measured on 1,000,000 register-like rows its resident memory grew
 * by ~700 MB even with shared strings and styles off and a 120 MB heap cap (the sheet's XML is buffered until
 * the workbook commits); this writer grows by ~30 MB (docs/performance.md, "Exports").
 */

/** A calendar day ('YYYY-MM-DD'), written as an Excel date. */
export class XlsxDay {
  constructor(readonly day: string) {}
}

/** A fraction (0.25) shown as a percentage (25%), still a number to calculate with. */
export class XlsxShare {
  constructor(readonly value: number) {}
}

export type XlsxCell = string | number | XlsxDay | XlsxShare | null | undefined;

/** A row written in bold (a sub-table's caption or header inside a sheet). */
export interface XlsxRow {
  cells: readonly XlsxCell[];
  bold: true;
}

export interface XlsxColumn {
  header: string;
  /** In characters; Excel's default is about 8.43. */
  width?: number;
  /** `percent`: a fraction written as a number shown as %, `wrap`: long text that wraps. */
  style?: 'percent' | 'wrap';
}

export interface XlsxSheet {
  /** At most 31 characters, none of : \ / ? * [ ] (Excel's rule). */
  name: string;
  columns: readonly XlsxColumn[];
  /** Rows after the header row; read lazily when the sheet's turn comes. */
  rows: () => Iterable<readonly XlsxCell[] | XlsxRow> | AsyncIterable<readonly XlsxCell[] | XlsxRow>;
  /** Title lines above the header (e.g. the office, the period), in bold. */
  title?: readonly string[];
}

export interface XlsxOptions {
  /** The modification time recorded in the zip (the export's instant, from the Clock). */
  modified: Date;
  creator?: string;
}

// Cell style indexes into styles.xml's cellXfs below.
const STYLE = { plain: 0, header: 1, date: 2, percent: 3, wrap: 4 } as const;

const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Excel's limit for one cell's text. */
const MAX_CELL_TEXT = 32767;

/** Characters XML 1.0 does not allow (a stray control character would make Excel refuse the whole file). */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Days since 1899-12-30, Excel's (1900 date system) serial number of a day. */
export function excelSerial(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/g;

/** A name Excel accepts, unique within the workbook. */
function sheetNames(sheets: readonly XlsxSheet[]): string[] {
  const used = new Set<string>();
  return sheets.map((s, i) => {
    const base =
      s.name.replace(SHEET_NAME_FORBIDDEN, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || `Arkusz ${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

function cellXml(ref: string, value: XlsxCell, column: XlsxColumn | undefined, bold: boolean): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const style = column?.style === 'percent' ? ` s="${STYLE.percent}"` : '';
    return `<c r="${ref}"${style}><v>${value}</v></c>`;
  }
  if (value instanceof XlsxDay) return `<c r="${ref}" s="${STYLE.date}"><v>${excelSerial(value.day)}</v></c>`;
  if (value instanceof XlsxShare) {
    return Number.isFinite(value.value) ? `<c r="${ref}" s="${STYLE.percent}"><v>${value.value}</v></c>` : '';
  }
  const style = bold ? ` s="${STYLE.header}"` : column?.style === 'wrap' ? ` s="${STYLE.wrap}"` : '';
  const text = escapeXml(value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value);
  return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${text}</t></is></c>`;
}

function rowXml(rowNumber: number, cells: readonly XlsxCell[], columns: readonly XlsxColumn[], bold = false): string {
  let xml = `<row r="${rowNumber}">`;
  for (let i = 0; i < cells.length; i++) xml += cellXml(`${columnName(i)}${rowNumber}`, cells[i], columns[i], bold);
  return `${xml}</row>`;
}

const CHUNK = 64 * 1024;

/**
 * The sheet's XML, produced a chunk at a time as the reader asks for it. Each row's text is copied into the
 * chunk's bytes at once, so it dies young: text kept until a chunk is full would outlive the young generation
 * and grow the old one (measured: +110 MB on the 550,000-row register, against ~+40 MB this way).
 */
async function* sheetXml(sheet: XlsxSheet): AsyncGenerator<Buffer> {
  const headerRow = (sheet.title?.length ?? 0) + 1;
  const cols = sheet.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? 12}" customWidth="1"/>`)
    .join('');
  let head =
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<cols>${cols}</cols><sheetData>`;
  let rowNumber = 1;
  for (const line of sheet.title ?? []) head += rowXml(rowNumber++, [line], [], true);
  head += rowXml(
    rowNumber++,
    sheet.columns.map((c) => c.header),
    [],
    true,
  );
  yield Buffer.from(head, 'utf8');
  let chunk = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  for await (const row of sheet.rows()) {
    const xml = 'bold' in row ? rowXml(rowNumber++, row.cells, [], true) : rowXml(rowNumber++, row, sheet.columns);
    const size = Buffer.byteLength(xml, 'utf8');
    if (used + size > chunk.length) {
      if (used > 0) yield chunk.subarray(0, used);
      chunk = Buffer.allocUnsafe(Math.max(CHUNK, size));
      used = 0;
    }
    used += chunk.write(xml, used, 'utf8');
  }
  if (used > 0) yield chunk.subarray(0, used);
  const lastColumn = columnName(Math.max(0, sheet.columns.length - 1));
  yield Buffer.from(
    `</sheetData><autoFilter ref="A${headerRow}:${lastColumn}${Math.max(headerRow, rowNumber - 1)}"/>` +
      `<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      `<pageSetup paperSize="9" orientation="landscape"/></worksheet>`,
    'utf8',
  );
}

function workbookParts(names: readonly string[], options: XlsxOptions): Record<string, string> {
  const sheets = names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const sheetRels = names
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('');
  const sheetTypes = names
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  const modified = options.modified.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    '[Content_Types].xml':
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      `${sheetTypes}</Types>`,
    '_rels/.rels':
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '</Relationships>',
    'docProps/core.xml':
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>${escapeXml(options.creator ?? 'Przyjazny Urząd')}</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${modified}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified>` +
      '</cp:coreProperties>',
    'xl/workbook.xml': `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}` +
      `<Relationship Id="rId${names.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': STYLES_XML,
  };
}

/**
 * The workbook as a byte stream. Destroying the returned stream (a client that went away) destroys the sheet
 * being read, which ends its row source (a database cursor is closed by its own `finally`/destroy).
 */
export function xlsxStream(sheets: readonly XlsxSheet[], options: XlsxOptions): Readable {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  const names = sheetNames(sheets);
  const zipOptions = { mtime: options.modified, compress: true };
  for (const [name, xml] of Object.entries(workbookParts(names, options))) {
    zip.addBuffer(Buffer.from(xml, 'utf8'), name, zipOptions);
  }
  let current: Readable | null = null;
  const fail = (error: Error) => output.destroy(error);
  sheets.forEach((sheet, i) => {
    zip.addReadStreamLazy(`xl/worksheets/sheet${i + 1}.xml`, zipOptions, (done) => {
      // The reader may have gone before this sheet's turn: then its rows are never asked for.
      if (output.destroyed) return done(null, Readable.from([]));
      current = Readable.from(sheetXml(sheet), { objectMode: false, highWaterMark: 64 * 1024 });
      // pipe() does not forward errors: a failing row source must fail the download, not truncate it silently.
      current.once('error', fail);
      done(null, current);
    });
  });
  zip.on('error', fail);
  output.once('close', () => {
    if (current && !current.readableEnded) current.destroy();
  });
  zip.end();
  return output;
}
