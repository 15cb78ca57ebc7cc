import { attachmentName, countLineFeeds, megabytes, progressView } from './download-progress';

describe('download progress', () => {
  it('uses the size when the server gives one', () => {
    expect(progressView({ bytes: 50, totalBytes: 200, rows: null, totalRows: null })).toEqual({
      mode: 'determinate',
      percent: 25,
    });
  });

  it('counts CSV rows against the announced total when the size is unknown', () => {
    expect(progressView({ bytes: 5000, totalBytes: null, rows: 300, totalRows: 1200 })).toEqual({
      mode: 'determinate',
      percent: 25,
    });
    expect(progressView({ bytes: 5000, totalBytes: null, rows: 1300, totalRows: 1200 }).percent).toBe(100);
  });

  it('is indeterminate when neither is known (a zipped XLSX being streamed)', () => {
    expect(progressView({ bytes: 5000, totalBytes: null, rows: null, totalRows: 1200 })).toEqual({
      mode: 'indeterminate',
      percent: null,
    });
  });

  it('counts line feeds and reads the file name', () => {
    expect(countLineFeeds(new TextEncoder().encode('a;b\r\nc;d\r\n'))).toBe(2);
    expect(attachmentName('attachment; filename="rejestr-skarg-2026.csv"', 'x')).toBe('rejestr-skarg-2026.csv');
    expect(attachmentName(null, 'plik.csv')).toBe('plik.csv');
    expect(megabytes(1.5 * 1024 * 1024, 'pl')).toBe('1,5');
    expect(megabytes(1.5 * 1024 * 1024, 'en')).toBe('1.5');
  });
});
