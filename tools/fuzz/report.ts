import type { FuzzRequest, Outcome } from './http';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} characters)` : s);
/** Shows control characters and lone surrogates, which a terminal would swallow. */
const visible = (s: string) => JSON.stringify(s).slice(1, -1).replace(/\\"/g, '"');

export interface Failure {
  index: number;
  who: string;
  op: string;
  req: FuzzRequest;
  outcome: Outcome;
  log: string[];
}

/** Answers by status, overall and by operation, and every failure with the request that caused it. */
export class Tally {
  readonly byStatus = new Map<string, number>();
  /** The API's error codes under each status (the `code` of its error body). */
  readonly codes = new Map<string, Map<string, number>>();
  readonly byOperation = new Map<string, Map<string, number>>();
  readonly failures: Failure[] = [];

  add(op: string, outcome: Outcome): string {
    const label = outcome.kind === 'answered' ? String(outcome.status) : outcome.kind;
    this.byStatus.set(label, (this.byStatus.get(label) ?? 0) + 1);
    if (outcome.kind === 'answered' && outcome.status >= 400) {
      const code = /"code":"([A-Z_]+)"/.exec(outcome.body)?.[1] ?? '(no code)';
      const row = this.codes.get(label) ?? new Map<string, number>();
      row.set(code, (row.get(code) ?? 0) + 1);
      this.codes.set(label, row);
    }
    const row = this.byOperation.get(op) ?? new Map<string, number>();
    row.set(label, (row.get(label) ?? 0) + 1);
    this.byOperation.set(op, row);
    return label;
  }

  print(total: number, seconds: number): void {
    const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => a.localeCompare(b));
    console.log(`\n${total} requests in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)}/s)\n\nBy status:`);
    for (const [status, n] of sorted(this.byStatus)) {
      const codes = [...(this.codes.get(status) ?? [])].sort(([, a], [, b]) => b - a);
      const detail = codes.map(([c, k]) => `${c} ${k}`).join(', ');
      console.log(`  ${status.padEnd(10)} ${String(n).padStart(7)}${detail ? `   ${detail}` : ''}`);
    }
    console.log('\nBy operation:');
    const width = Math.max(...[...this.byOperation.keys()].map((k) => k.length));
    for (const [op, row] of [...this.byOperation].sort(([a], [b]) => a.localeCompare(b)))
      console.log(
        `  ${op.padEnd(width)}  ${sorted(row)
          .map(([s, n]) => `${s}×${n}`)
          .join('  ')}`,
      );
    for (const f of this.failures) {
      const status = f.outcome.kind === 'answered' ? `HTTP ${f.outcome.status}` : f.outcome.kind;
      console.log(`\n✘ #${f.index} ${status} — ${f.op} as ${f.who}`);
      console.log(`  ${f.req.method} ${visible(clip(f.req.path, 2000))}`);
      for (const [k, v] of Object.entries(f.req.headers)) console.log(`  ${k}: ${visible(clip(v, 300))}`);
      if (f.req.body !== undefined) console.log(`  body: ${visible(clip(f.req.body, 2000))}`);
      if (f.outcome.kind === 'answered') console.log(`  answer: ${clip(f.outcome.body, 1000)}`);
      for (const line of f.log) console.log(`  log: ${clip(line, 3000)}`);
    }
  }
}
