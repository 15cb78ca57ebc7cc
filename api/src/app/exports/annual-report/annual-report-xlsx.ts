import type { Readable } from 'node:stream';
import { type XlsxCell, type XlsxRow, type XlsxSheet, XlsxShare, xlsxStream } from '../writers/xlsx-writer';
import type { Cell, ColumnKind, ReportSection } from './report-sections';

/** A cell as a number wherever it is one: shares as fractions shown as %, per-cent changes the same way. */
function xlsxCell(value: Cell, kind: ColumnKind): XlsxCell {
  if (value === null || typeof value === 'string') return value;
  if (kind === 'share') return new XlsxShare(value);
  if (kind === 'percent') return new XlsxShare(value / 100);
  return value;
}

/** One sheet per section; a section's further tables follow its first, each under its own bold header. */
function sectionSheet(section: ReportSection, heading: readonly string[]): XlsxSheet {
  const [first, ...rest] = section.tables;
  const columnCount = Math.max(...section.tables.map((t) => t.columns.length));
  return {
    name: section.sheet,
    title: [...heading, section.title],
    columns: Array.from({ length: columnCount }, (_, i) => ({
      header: first.columns[i]?.header ?? '',
      width: i === 0 ? 42 : 16,
    })),
    rows: function* (): Generator<readonly XlsxCell[] | XlsxRow> {
      for (const row of first.rows) yield row.map((c, i) => xlsxCell(c, first.columns[i].kind));
      for (const table of rest) {
        yield [];
        if (table.caption) yield { cells: [table.caption], bold: true };
        yield { cells: table.columns.map((c) => c.header), bold: true };
        for (const row of table.rows) yield row.map((c, i) => xlsxCell(c, table.columns[i].kind));
      }
      if (section.notes?.length) yield [];
      for (const note of section.notes ?? []) yield [note];
    },
  };
}

export function annualReportXlsx(
  heading: readonly string[],
  sections: readonly ReportSection[],
  options: { modified: Date; creator: string },
): Readable {
  return xlsxStream(
    sections.map((s) => sectionSheet(s, heading)),
    options,
  );
}
