/**
 * How far a download is, for the progress bar and the live region: determinate when the size is known
 * (Content-Length) or when rows can be counted against the announced total (a CSV's lines against the
 * X-Export-Rows header), otherwise only the bytes received so far.
 */
export interface DownloadProgress {
  bytes: number;
  /** Content-Length, when the server sent one. */
  totalBytes: number | null;
  /** Lines received so far (only counted for CSV), minus the header line. */
  rows: number | null;
  totalRows: number | null;
}

export interface ProgressView {
  mode: 'determinate' | 'indeterminate';
  /** 0–100 when determinate. */
  percent: number | null;
}

export function progressView(p: DownloadProgress): ProgressView {
  if (p.totalBytes !== null && p.totalBytes > 0) {
    return { mode: 'determinate', percent: clamp((100 * p.bytes) / p.totalBytes) };
  }
  if (p.rows !== null && p.totalRows !== null && p.totalRows > 0) {
    return { mode: 'determinate', percent: clamp((100 * p.rows) / p.totalRows) };
  }
  return { mode: 'indeterminate', percent: null };
}

const clamp = (n: number) => Math.max(0, Math.min(100, Math.floor(n)));

/** Line feeds in a chunk: a CSV row ends with one (a field's own line breaks make it an estimate). */
export function countLineFeeds(chunk: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < chunk.length; i++) if (chunk[i] === 0x0a) n++;
  return n;
}

/** The file name from `Content-Disposition: attachment; filename="…"`, or the fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  const match = header ? /filename="([^"]+)"/.exec(header) : null;
  return match?.[1] ?? fallback;
}

/** Megabytes with one decimal in the user's language (1,5 MB / 1.5 MB). */
export function megabytes(bytes: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'pl-PL', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(bytes / 1024 / 1024);
}
