import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './app-process';
import type { FormFactor } from './web-options';
import { CHROMIUM_FLAGS, type Cookie } from './web-measure';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
export const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'speed-index',
  'total-blocking-time',
  'cumulative-layout-shift',
  'interactive',
] as const;

export interface LighthouseResult {
  page: string;
  formFactor: FormFactor;
  scores: Record<(typeof CATEGORIES)[number], number>;
  metrics: Record<(typeof METRICS)[number], number>;
  totalBytes: number;
  /** Audits that cost points: id, score and Lighthouse's short text. */
  misses: string[];
  report: string;
}

interface LighthouseJson {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    { score: number | null; numericValue?: number; displayValue?: string; scoreDisplayMode: string }
  >;
  runtimeError?: { code: string; message: string };
}

/**
 * One Lighthouse run over the `lighthouse` package's own CLI (it launches Debian's chromium through
 * chrome-launcher): a clean profile, the preset's simulated throttling, and the session cookie as a request
 * header when the page needs a signed-in user.
 */
export async function runLighthouse(opts: {
  url: string;
  page: string;
  formFactor: FormFactor;
  chromium: string;
  cookies: Cookie[];
}): Promise<LighthouseResult> {
  const dir = join(ROOT, 'tmp/bench-web');
  mkdirSync(dir, { recursive: true });
  const report = join(dir, `lighthouse-${opts.page.replace(/\W+/g, '-')}-${opts.formFactor}.json`);
  const args = [
    join(ROOT, 'node_modules/lighthouse/cli/index.js'),
    opts.url,
    ...(opts.formFactor === 'desktop' ? ['--preset=desktop'] : []),
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${CHROMIUM_FLAGS.map((f) => (f === '--headless' ? '--headless=new' : f)).join(' ')}`,
    '--output=json',
    `--output-path=${report}`,
    '--quiet',
  ];
  if (opts.cookies.length)
    args.push(
      `--extra-headers=${JSON.stringify({ Cookie: opts.cookies.map((c) => `${c.name}=${c.value}`).join('; ') })}`,
    );
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, CHROME_PATH: opts.chromium },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`lighthouse exited with ${code} for ${opts.url}`)),
    );
  });
  const json = JSON.parse(readFileSync(report, 'utf8')) as LighthouseJson;
  if (json.runtimeError) throw new Error(`Lighthouse: ${json.runtimeError.code} ${json.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((json.categories[c]?.score ?? 0) * 100)]));
  const metrics = Object.fromEntries(METRICS.map((m) => [m, json.audits[m]?.numericValue ?? NaN]));
  const misses: string[] = [];
  for (const category of CATEGORIES)
    for (const ref of json.categories[category]?.auditRefs ?? []) {
      const audit = json.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
        misses.push(
          `${category}: ${ref.id} ${audit.score.toFixed(2)}${audit.displayValue ? ` (${audit.displayValue})` : ''}`,
        );
    }
  return {
    page: opts.page,
    formFactor: opts.formFactor,
    scores: scores as LighthouseResult['scores'],
    metrics: metrics as LighthouseResult['metrics'],
    totalBytes: json.audits['total-byte-weight']?.numericValue ?? NaN,
    misses,
    report: report.slice(ROOT.length + 1),
  };
}
