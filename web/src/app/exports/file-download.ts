import { EXPORT_ROWS_HEADER, type ApiError } from '@pu/contracts';
import { attachmentName, countLineFeeds, type DownloadProgress } from './download-progress';

export class DownloadFailed extends Error {
  constructor(
    readonly status: number,
    readonly apiError: Partial<ApiError> | null,
  ) {
    super(apiError?.message ?? `HTTP ${status}`);
  }
}

/**
 * Downloads `url` (same origin, the session cookie goes along, in the interface's `lang`) and hands it to the browser as a file, reporting
 * progress as the bytes arrive. fetch rather than HttpClient: its body can be read chunk by chunk, so progress
 * shows for a streamed file with no Content-Length, and an abort reaches the server, which stops its query.
 */
export async function downloadFile(
  url: string,
  fallbackName: string,
  lang: string,
  signal: AbortSignal,
  onProgress: (p: DownloadProgress) => void,
): Promise<string> {
  // The interface's language, as HttpClient's requests send it: a refusal is explained in the page's language.
  const headers = { accept: '*/*', 'accept-language': lang };
  const res = await fetch(url, { credentials: 'same-origin', signal, headers });
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    throw new DownloadFailed(res.status, typeof body === 'object' ? body : null);
  }
  const name = attachmentName(res.headers.get('content-disposition'), fallbackName);
  const length = Number(res.headers.get('content-length'));
  const announced = Number(res.headers.get(EXPORT_ROWS_HEADER));
  const countRows = name.endsWith('.csv') && announced > 0;
  const progress: DownloadProgress = {
    bytes: 0,
    totalBytes: length > 0 ? length : null,
    rows: countRows ? 0 : null,
    totalRows: announced > 0 ? announced : null,
  };
  onProgress({ ...progress });
  const parts: BlobPart[] = [];
  const reader = res.body?.getReader();
  let lines = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      progress.bytes += value.byteLength;
      if (countRows) {
        lines += countLineFeeds(value);
        progress.rows = Math.max(0, lines - 1);
      }
      onProgress({ ...progress });
    }
  }
  const blob = new Blob(parts, { type: res.headers.get('content-type') ?? 'application/octet-stream' });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
