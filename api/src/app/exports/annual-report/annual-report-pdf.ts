import { formatDateTime } from '@pu/workflow';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { BarChart, Cell, ColumnKind, MonthChart, ReportSection, ReportTable } from './report-sections';
import { figure } from './report-sections';

/**
 * The annual report as a printable A4 PDF (pdfkit), in Polish. pdfkit writes each page out as soon as the next
 * begins, so the file streams; page numbers are therefore "Strona N" (a total would need every page kept).
 * The font is DejaVu Sans (dejavu-fonts-ttf; Bitstream Vera licence with public-domain changes, free to embed
 * and redistribute): pdfkit embeds TrueType fonts, subset to the glyphs used, and it covers every Polish letter.
 */

type Doc = PDFKit.PDFDocument;

const FONT = { regular: 'DejaVu', bold: 'DejaVu-Bold' } as const;
let fontFiles: { regular: Buffer; bold: Buffer } | null = null;

/**
 * Where a package's file is at run time: the first `node_modules/<request>` up from the entry script (or the
 * working directory), as Node's own resolution would find it. Looked up by hand because the bundler turns any
 * `require.resolve` (and `createRequire(...).resolve`) into a module number.
 */
function packageFile(request: string): string {
  for (const base of [process.argv[1], process.cwd()]) {
    if (!base) continue;
    for (let dir = resolve(base); ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', request);
      if (existsSync(candidate)) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`${request} not found: is the dejavu-fonts-ttf package installed?`);
}

/** Read once per process: the two files are ~1.4 MB together and every PDF embeds a subset of them. */
function fonts(): { regular: Buffer; bold: Buffer } {
  fontFiles ??= {
    regular: readFileSync(packageFile('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(packageFile('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fontFiles;
}

const MARGIN = 50;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#bbbbbb';
const HEADER_FILL = '#e8eef5';
/** Series colours, each distinguishable on white and in greyscale print (darkening order). */
const SERIES = ['#1f5fa8', '#c0561f', '#2f8a4c', '#6b4ba0'];
const PREVIOUS = '#b8c4d2';

export interface ReportPdfMeta {
  office: string;
  title: string;
  scope: string;
  period: string;
  previousPeriod: string;
  generatedAt: Date;
}

export function annualReportPdf(meta: ReportPdfMeta, sections: readonly ReportSection[]): Readable {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    lang: 'pl-PL',
    displayTitle: true,
    info: { Title: `${meta.title} — ${meta.office}`, Author: meta.office, CreationDate: meta.generatedAt },
    autoFirstPage: false,
  });
  const f = fonts();
  doc.registerFont(FONT.regular, f.regular);
  doc.registerFont(FONT.bold, f.bold);
  let page = 0;
  doc.on('pageAdded', () => footer(doc, ++page, meta));
  doc.addPage();

  doc.font(FONT.bold).fontSize(11).fillColor(MUTED).text(meta.office);
  doc.moveDown(0.4);
  doc.font(FONT.bold).fontSize(18).fillColor(INK).text(meta.title);
  doc.moveDown(0.3);
  doc.font(FONT.regular).fontSize(10).fillColor(INK);
  doc.text(`Okres: ${meta.period} (porównanie z okresem ${meta.previousPeriod})`);
  doc.text(`Zakres: ${meta.scope}`);
  doc.fillColor(MUTED).text(`Sporządzono: ${formatDateTime(meta.generatedAt.toISOString(), 'pl')}`);
  doc.moveDown(1);

  sections.forEach((section, i) => {
    // A section starts on a new page unless enough of this one is left for its heading and a few rows.
    // A heading never stays alone at the foot of a page: it goes with its first chart or the start of a table.
    const first = section.charts[0];
    const need = 40 + (first ? chartHeight(first) : 90);
    if (i > 0 && doc.y + need > pageBottom(doc)) doc.addPage();
    heading(doc, `${i + 1}. ${section.title}`);
    for (const chart of section.charts) {
      if (chart.type === 'bars') barChart(doc, chart);
      else monthChart(doc, chart);
    }
    for (const table of section.tables) drawTable(doc, table);
    for (const note of section.notes ?? []) {
      doc
        .font(FONT.regular)
        .fontSize(8.5)
        .fillColor(MUTED)
        .text(note, MARGIN, doc.y, { width: contentWidth(doc) });
    }
    doc.moveDown(1);
  });
  doc.end();
  return doc;
}

const contentWidth = (doc: Doc) => doc.page.width - MARGIN * 2;
const pageBottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

function footer(doc: Doc, n: number, meta: ReportPdfMeta): void {
  // Written below the bottom margin: lift it for a moment so pdfkit does not start another page.
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const y = doc.page.height - MARGIN + 8;
  doc.font(FONT.regular).fontSize(8).fillColor(MUTED);
  doc.text(`${meta.office} · ${meta.title} · ${meta.period}`, MARGIN, y, {
    width: contentWidth(doc) - 80,
    lineBreak: false,
  });
  doc.text(`Strona ${n}`, MARGIN, y, { width: contentWidth(doc), align: 'right', lineBreak: false });
  doc.page.margins.bottom = bottom;
  doc.x = MARGIN;
  doc.y = doc.page.margins.top;
  doc.fillColor(INK);
}

function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc
    .font(FONT.bold)
    .fontSize(13)
    .fillColor(INK)
    .text(text, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
}

const NUMBER = new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 1 });

export function formatCell(value: Cell, kind: ColumnKind): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'share':
      return figure(value, 'share');
    case 'percent':
      return `${value > 0 ? '+' : value < 0 ? '−' : ''}${NUMBER.format(Math.abs(value))}%`;
    case 'signed':
      return `${value > 0 ? '+' : value < 0 ? '−' : ''}${NUMBER.format(Math.abs(value))}`;
    case 'days':
    case 'hours':
      return NUMBER.format(value);
    default:
      return new Intl.NumberFormat('pl-PL').format(value);
  }
}

function drawTable(doc: Doc, table: ReportTable): void {
  const width = contentWidth(doc);
  const weights = table.columns.map((c) => c.weight ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / sum) * width);
  const pad = 4;
  if (table.caption) {
    ensureSpace(doc, 40);
    doc.font(FONT.bold).fontSize(9.5).fillColor(INK).text(table.caption, MARGIN, doc.y, { width });
    doc.moveDown(0.2);
  }
  const drawRow = (cells: string[], bold: boolean, fill: string | null) => {
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(8.5);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - pad * 2 }))) + pad * 2;
    if (doc.y + height > pageBottom(doc)) {
      doc.addPage();
      if (!fill) drawHeader();
      doc.font(bold ? FONT.bold : FONT.regular).fontSize(8.5);
    }
    const top = doc.y;
    if (fill) doc.rect(MARGIN, top, width, height).fill(fill);
    let x = MARGIN;
    cells.forEach((c, i) => {
      const numeric = table.columns[i].kind !== 'text';
      doc.fillColor(INK).text(c, x + pad, top + pad, { width: widths[i] - pad * 2, align: numeric ? 'right' : 'left' });
      x += widths[i];
    });
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + width, top + height)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  const drawHeader = () =>
    drawRow(
      table.columns.map((c) => c.header),
      true,
      HEADER_FILL,
    );
  ensureSpace(doc, 50);
  drawHeader();
  if (table.rows.length === 0) {
    drawRow(['Brak danych w okresie.', ...table.columns.slice(1).map(() => '')], false, null);
  }
  table.rows.forEach((row, r) =>
    drawRow(
      row.map((cell, i) => formatCell(cell, table.columns[i].kind)),
      table.totalRow === true && r === table.rows.length - 1,
      null,
    ),
  );
  doc.moveDown(0.8);
}

const BAR_ROW = 16;
const MONTH_PLOT = 150;

function chartHeight(chart: BarChart | MonthChart): number {
  return chart.type === 'bars' ? chart.bars.length * BAR_ROW + 34 : MONTH_PLOT + 70;
}

/** Up to three gridlines at whole numbers: 0, the middle (when it is a whole number apart), the top. */
function ticks(max: number): number[] {
  const middle = Math.round(max / 2);
  return [...new Set([0, middle, max])].filter((t) => t === 0 || t === max || (t > 0 && t < max));
}

function barChart(doc: Doc, chart: BarChart): void {
  if (chart.bars.length === 0) return;
  const width = contentWidth(doc);
  const labelWidth = 170;
  const valueWidth = 60;
  const barArea = width - labelWidth - valueWidth;
  const rowHeight = BAR_ROW;
  ensureSpace(doc, chartHeight(chart));
  doc.font(FONT.bold).fontSize(9.5).fillColor(INK).text(chart.title, MARGIN, doc.y, { width });
  legend(doc, [
    ['Okres', SERIES[0]],
    ['Poprzedni okres', PREVIOUS],
  ]);
  const max = Math.max(...chart.bars.flatMap((b) => [b.value, b.previous ?? 0]), chart.unit === 'share' ? 1 : 1);
  let y = doc.y + 2;
  for (const bar of chart.bars) {
    doc.font(FONT.regular).fontSize(8).fillColor(INK);
    doc.text(bar.label, MARGIN, y + 2, { width: labelWidth - 6, height: rowHeight, ellipsis: true, lineBreak: false });
    const x = MARGIN + labelWidth;
    doc.rect(x, y + 2, Math.max(0.5, (bar.value / max) * barArea), 7).fill(SERIES[0]);
    if (bar.previous !== undefined)
      doc.rect(x, y + 10, Math.max(0.5, (bar.previous / max) * barArea), 3).fill(PREVIOUS);
    const shown = chart.unit === 'share' ? figure(bar.value, 'share') : formatCell(bar.value, 'count');
    doc.fillColor(INK).text(shown, x + barArea + 4, y + 2, { width: valueWidth - 4, align: 'right', lineBreak: false });
    y += rowHeight;
  }
  doc.x = MARGIN;
  doc.y = y + 8;
}

function monthChart(doc: Doc, chart: MonthChart): void {
  if (chart.months.length === 0) return;
  const width = contentWidth(doc);
  const plotHeight = MONTH_PLOT;
  ensureSpace(doc, chartHeight(chart));
  doc.font(FONT.bold).fontSize(9.5).fillColor(INK).text(chart.title, MARGIN, doc.y, { width });
  legend(
    doc,
    chart.series.map((s, i) => [s.label, SERIES[i % SERIES.length]]),
  );
  const totals = chart.months.map((_, m) => chart.series.reduce((sum, s) => sum + (s.values[m] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const axis = 36;
  const top = doc.y + 6;
  const bottom = top + plotHeight;
  const slot = (width - axis) / chart.months.length;
  const barWidth = Math.min(28, slot * 0.7);
  doc.font(FONT.regular).fontSize(7).fillColor(MUTED);
  for (const tick of ticks(max)) {
    const y = bottom - (tick / max) * plotHeight;
    doc.text(formatCell(tick, 'count'), MARGIN, y - 4, {
      width: axis - 4,
      align: 'right',
      lineBreak: false,
    });
    doc
      .moveTo(MARGIN + axis, y)
      .lineTo(MARGIN + width, y)
      .lineWidth(0.3)
      .strokeColor(RULE)
      .stroke();
  }
  chart.months.forEach((month, m) => {
    const x = MARGIN + axis + m * slot + (slot - barWidth) / 2;
    let y = bottom;
    chart.series.forEach((s, i) => {
      const h = ((s.values[m] ?? 0) / max) * plotHeight;
      if (h > 0) doc.rect(x, y - h, barWidth, h).fill(SERIES[i % SERIES.length]);
      y -= h;
    });
    doc.font(FONT.regular).fontSize(6.5).fillColor(INK);
    doc.text(month, x - 8, bottom + 3, { width: barWidth + 16, align: 'center', lineBreak: false });
  });
  doc.x = MARGIN;
  doc.y = bottom + 18;
}

function legend(doc: Doc, items: [string, string][]): void {
  let x = MARGIN;
  const y = doc.y + 2;
  doc.font(FONT.regular).fontSize(7.5);
  for (const [label, colour] of items) {
    doc.rect(x, y + 1, 8, 8).fill(colour);
    doc.fillColor(INK).text(label, x + 11, y, { lineBreak: false });
    x += 11 + doc.widthOfString(label) + 14;
  }
  doc.x = MARGIN;
  doc.y = y + 14;
}
