import type { EntityManager } from 'typeorm';

/** A `root_cause_categories` row, with whether any case carries it. */
export interface RootCauseRow {
  code: string;
  label_pl: string;
  label_en: string;
  description_pl: string | null;
  description_en: string | null;
  retired_at: Date | null;
  version: number;
  used: boolean;
}

const COLUMNS = `r.code, r.label_pl, r.label_en, r.description_pl, r.description_en, r.retired_at, r.version,
  EXISTS (SELECT 1 FROM cases c WHERE c.root_cause = r.code) AS used`;

export function selectRootCauses(db: EntityManager): Promise<RootCauseRow[]> {
  return db.query(`SELECT ${COLUMNS} FROM root_cause_categories r ORDER BY r.ordinal`);
}

export async function selectRootCause(db: EntityManager, code: string): Promise<RootCauseRow | undefined> {
  const rows: RootCauseRow[] = await db.query(`SELECT ${COLUMNS} FROM root_cause_categories r WHERE r.code = $1`, [
    code,
  ]);
  return rows[0];
}

/** Codes a clerk may choose now: the active ones, plus `keep` (what the case already carries) if it exists. */
export async function selectSelectableCodes(db: EntityManager, keep: string | null): Promise<string[]> {
  const rows: Array<{ code: string }> = await db.query(
    `SELECT code FROM root_cause_categories WHERE retired_at IS NULL OR code = $1 ORDER BY ordinal`,
    [keep],
  );
  return rows.map((r) => r.code);
}

export interface NewRootCause {
  code: string;
  labelPl: string;
  labelEn: string;
  descriptionPl: string | null;
  descriptionEn: string | null;
}

/** The new row, or undefined when the code is taken. */
export async function insertRootCause(db: EntityManager, n: NewRootCause): Promise<RootCauseRow | undefined> {
  const rows: RootCauseRow[] = await db.query(
    `WITH r AS (INSERT INTO root_cause_categories (code, label_pl, label_en, description_pl, description_en)
                VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING RETURNING *)
     SELECT r.code, r.label_pl, r.label_en, r.description_pl, r.description_en, r.retired_at, r.version, false AS used
       FROM r`,
    [n.code, n.labelPl, n.labelEn, n.descriptionPl, n.descriptionEn],
  );
  return rows[0];
}

export interface RootCauseChange {
  label_pl?: string;
  label_en?: string;
  description_pl?: string | null;
  description_en?: string | null;
  /** true: retire now (keeps an earlier retirement's time); false: bring back. */
  retired?: boolean;
}

/** The changed row, or undefined when `version` is no longer current. */
export async function updateRootCause(
  db: EntityManager,
  code: string,
  version: number,
  set: RootCauseChange,
  now: Date,
): Promise<RootCauseRow | undefined> {
  const values: unknown[] = [code, version];
  const assignments = (['label_pl', 'label_en', 'description_pl', 'description_en'] as const)
    .filter((column) => set[column] !== undefined)
    .map((column) => `${column} = $${values.push(set[column])}`);
  if (set.retired === true) assignments.push(`retired_at = COALESCE(retired_at, $${values.push(now)}::timestamptz)`);
  if (set.retired === false) assignments.push(`retired_at = NULL`);
  const [rows]: [RootCauseRow[], number] = await db.query(
    `UPDATE root_cause_categories r SET ${[...assignments, 'version = version + 1'].join(', ')}
      WHERE r.code = $1 AND r.version = $2 RETURNING ${COLUMNS}`,
    values,
  );
  return rows[0];
}
