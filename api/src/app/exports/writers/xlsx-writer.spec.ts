import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { columnName, escapeXml, excelSerial, XlsxDay, XlsxShare, xlsxStream } from './xlsx-writer';

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(
    stream,
    new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(chunks);
}

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer,
  );
  return workbook;
}

describe('the streaming XLSX writer', () => {
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('counts days as Excel does (1900 date system)', () => {
    expect(excelSerial('1900-03-01')).toBe(61);
    expect(excelSerial('2026-12-01')).toBe(46357);
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml('a < b & "c" > d\u0007\u0000')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
  });

  it('writes a workbook Excel libraries read back: numbers, days, shares, text with Polish letters', async () => {
    const rows = [
      [1, new XlsxDay('2026-01-15'), 'Zażółć gęślą jaźń', new XlsxShare(0.25)],
      [2, null, '=HYPERLINK("x")', 3.5],
    ];
    const file = await collect(
      xlsxStream(
        [
          {
            name: 'Dane: [1]/2',
            columns: [{ header: 'Lp.' }, { header: 'Dzień' }, { header: 'Tekst' }, { header: 'Udział' }],
            rows: () => rows,
            title: ['Urząd'],
          },
          {
            name: 'Dane: [1]/2',
            columns: [{ header: 'Inne' }],
            rows: function* () {
              yield { cells: ['pogrubione'], bold: true as const };
              yield [42];
            },
          },
        ],
        { modified: new Date('2026-12-01T10:00:00Z') },
      ),
    );
    const workbook = await read(file);
    const [first, second] = workbook.worksheets;
    // Forbidden characters replaced, and the second sheet's name made unique.
    expect(first.name).toBe('Dane 1 2');
    expect(second.name).toBe('Dane 1 2 2');
    expect(first.getCell('A1').value).toBe('Urząd');
    expect((first.getRow(2).values as unknown[]).slice(1)).toEqual(['Lp.', 'Dzień', 'Tekst', 'Udział']);
    expect(first.getCell('A3').value).toBe(1);
    expect(first.getCell('B3').value).toEqual(new Date(Date.UTC(2026, 0, 15)));
    expect(first.getCell('C3').value).toBe('Zażółć gęślą jaźń');
    expect(first.getCell('D3').value).toBe(0.25);
    expect(first.getCell('D3').numFmt).toBe('0.00%');
    // Text that looks like a formula stays text: an inline string is never evaluated.
    expect(first.getCell('C4').value).toBe('=HYPERLINK("x")');
    expect(first.getCell('D4').value).toBe(3.5);
    expect(second.getCell('A2').value).toBe('pogrubione');
    expect(second.getCell('A2').font?.bold).toBe(true);
    expect(second.getCell('A3').value).toBe(42);
  });

  it('fails the file, not truncates it, when the row source fails', async () => {
    const failing = xlsxStream(
      [
        {
          name: 'X',
          columns: [{ header: 'a' }],
          rows: function* () {
            yield [1];
            throw new Error('the cursor broke');
          },
        },
      ],
      { modified: new Date() },
    );
    await expect(collect(failing)).rejects.toThrow('the cursor broke');
  });

  it('stops reading rows when its reader goes away', async () => {
    let produced = 0;
    let finished = false;
    const stream = xlsxStream(
      [
        {
          name: 'X',
          columns: [{ header: 'a' }],
          rows: function* () {
            try {
              for (let i = 0; i < 1_000_000; i++) {
                produced++;
                yield [i, 'tekst wiersza, który zajmuje trochę miejsca'];
              }
            } finally {
              finished = true;
            }
          },
        },
      ],
      { modified: new Date() },
    );
    // Read until the sheet's rows have started (the first bytes are the workbook's small parts).
    await new Promise<void>((resolve) => {
      const onData = () => {
        if (produced < 1000) return;
        stream.off('data', onData);
        stream.pause();
        resolve();
      };
      stream.on('data', onData);
    });
    stream.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect(finished).toBe(true);
    expect(produced).toBeLessThan(1_000_000);
  });
});
