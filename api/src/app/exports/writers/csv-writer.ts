import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';

export type CsvField = string | number | null | undefined;

/**
 * CSV as Polish spreadsheets open it: UTF-8 with a byte-order mark (so Excel reads the diacritics), fields
 * separated by semicolons (the comma is the decimal separator here), CRLF line ends (RFC 4180). A field that
 * starts with = + - @ or a tab is prefixed with an apostrophe so a spreadsheet never runs it as a formula
 * (text typed by a client reaches these files). Rows are pulled only as fast as the reader takes them.
 */
export function csvStream(
  header: readonly string[],
  rows: () => Iterable<readonly CsvField[]> | AsyncIterable<readonly CsvField[]>,
): Readable {
  const stringifier = stringify({
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { number: (n) => String(n) },
  });
  const source = Readable.from(
    (async function* () {
      yield header;
      yield* rows();
    })(),
  );
  source.once('error', (error) => stringifier.destroy(error));
  stringifier.once('close', () => {
    if (!source.readableEnded) source.destroy();
  });
  return source.pipe(stringifier);
}
