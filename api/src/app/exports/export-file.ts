import type { Readable } from 'node:stream';

/** A file on its way out: the bytes as they are produced, what to call it, and how many rows it holds. */
export interface ExportFile {
  stream: Readable;
  filename: string;
  contentType: string;
  rows?: number;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;
