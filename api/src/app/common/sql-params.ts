/** Collects bound parameters while a statement is written, so placeholders never drift from their values. */
export class SqlParams {
  /** `values`: parameters already placed as $1…$n, when a statement is written partly by hand. */
  constructor(readonly values: unknown[] = []) {}

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  json(value: unknown): string {
    return `${this.add(JSON.stringify(value))}::jsonb`;
  }
}
