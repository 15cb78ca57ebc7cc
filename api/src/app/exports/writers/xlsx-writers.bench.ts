// `npm run bench:xlsx-writers` (beside the writer: tools may not import the API): resident-memory growth of XLSX writers for 1,000,000 narrow rows (the register's
// 13 columns), each in a fresh Node process written to /dev/null, with the heap left at Node's default. Prints
// one line per writer; the figures are in docs/performance.md ("Exports").
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { XlsxDay, xlsxStream } from './xlsx-writer';

const ROWS = Number(process.argv[3] ?? 1_000_000);

function row(
  i: number,
): [number, string, string, string, string, string, string, string, string, string, string, string, string] {
  return [
    i,
    '2026-01-15',
    `Jan Kowalski ${i}`,
    `ul. Długa ${i % 500}, 00-001 Warszawa`,
    'Skarga na czas oczekiwania w wydziale',
    '2026-01-16',
    'SO – Wydział Spraw Obywatelskich',
    '2026-02-16',
    '2026-02-10',
    'Zasadna',
    '2026-02-11',
    'Jan Kowalski',
    `Znak sprawy: SO.1510.${i}.2026`,
  ];
}

/** Samples this process's RSS every 50 ms while `fn` runs; returns the growth over the start in MB. */
async function measure(fn: () => Promise<void>): Promise<{ ms: number; growthMb: number; peakMb: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = Date.now();
  await fn();
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    ms: Date.now() - started,
    growthMb: Math.round((peak - base) / 1048576),
    peakMb: Math.round(peak / 1048576),
  };
}

async function own(): Promise<void> {
  const columns = row(0).map((_, i) => ({ header: `C${i}` }));
  await pipeline(
    xlsxStream(
      [
        {
          name: 'Rejestr',
          columns,
          rows: function* () {
            for (let i = 1; i <= ROWS; i++) {
              const r = row(i);
              yield [
                r[0],
                new XlsxDay(r[1]),
                ...r.slice(2, 5),
                new XlsxDay(r[5]),
                r[6],
                new XlsxDay(r[7]),
                new XlsxDay(r[8]),
                r[9],
                new XlsxDay(r[10]),
                r[11],
                r[12],
              ];
            }
          },
        },
      ],
      { modified: new Date() },
    ),
    createWriteStream('/dev/null'),
  );
}

async function exceljs(): Promise<void> {
  // Loaded only here: a dev dependency, measured for comparison.
  const { stream } = (await import('exceljs')).default;
  const out = new Writable({ write: (_c, _e, done) => done() });
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Rejestr');
  for (let i = 1; i <= ROWS; i++) {
    sheet.addRow(row(i)).commit();
    if (i % 1000 === 0) await new Promise((r) => setImmediate(r));
  }
  sheet.commit();
  await workbook.commit();
}

const WRITERS = { own, exceljs } as const;

async function child(name: keyof typeof WRITERS): Promise<void> {
  const result = await measure(WRITERS[name]);
  process.stdout.write(JSON.stringify({ writer: name, rows: ROWS, ...result }));
}

if (process.argv[2] && process.argv[2] in WRITERS) {
  void child(process.argv[2] as keyof typeof WRITERS);
} else {
  for (const name of Object.keys(WRITERS)) {
    const run = spawnSync(process.execPath, [...process.execArgv, __filename, name, String(ROWS)], {
      env: process.env,
      encoding: 'utf8',
    });
    const label = name === 'own' ? 'streaming writer on yazl (xlsx-writer.ts)' : 'exceljs 4.4 WorkbookWriter';
    if (run.status !== 0) {
      console.log(`${label}: failed\n${run.stderr}`);
      continue;
    }
    const r = JSON.parse(run.stdout) as { ms: number; growthMb: number; peakMb: number };
    console.log(
      `${label}: ${ROWS.toLocaleString('en-US')} rows in ${(r.ms / 1000).toFixed(1)} s, RSS +${r.growthMb} MB (peak ${r.peakMb} MB)`,
    );
  }
}
