/** What can be downloaded (issue "annual quality report", exports) and in which formats. */
export const EXPORT_KINDS = ['annual-report', 'complaints-register', 'public-statistics'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_FORMATS = {
  'annual-report': ['pdf', 'xlsx'],
  'complaints-register': ['xlsx', 'csv'],
  'public-statistics': ['csv', 'json'],
} as const satisfies Record<ExportKind, readonly string[]>;
export type ExportFormat<K extends ExportKind = ExportKind> = (typeof EXPORT_FORMATS)[K][number];

/**
 * The period of an export, as the query string gives it: `year=YYYY`, or `from` and `to` (inclusive local
 * days, Europe/Warsaw). The quality officer may narrow to one department (`departmentId`); a manager's export
 * is always their own department's.
 */
export interface ExportQuery {
  year?: number;
  from?: string;
  to?: string;
  departmentId?: string;
}

/** Response header with the number of rows a long export will hold, so the SPA can show how far it is. */
export const EXPORT_ROWS_HEADER = 'X-Export-Rows';

/** A published figure: a count, or "<3" when fewer than 3 (statistical confidentiality), or "x" (see below). */
export type PublishedCount = number | '<3' | 'x';

/**
 * Anonymised statistics for publication. Every breakdown partitions the same cases, so a count shown as "<3"
 * could be recovered by subtracting the others from the total: where a breakdown has exactly one such count,
 * the next smallest is hidden too and shown as "x" (secondary suppression).
 */
export interface PublicStatistics {
  office: string;
  /** Department symbol and name, or null for the whole office. */
  department: { symbol: string; name: string } | null;
  period: { from: string; to: string };
  /** Counts below this are never published. */
  threshold: 3;
  notes: string[];
  sections: PublicStatisticsSection[];
}

export interface PublicStatisticsSection {
  id: string;
  title: string;
  total: PublishedCount;
  rows: { key: string; label: string; count: PublishedCount }[];
}
