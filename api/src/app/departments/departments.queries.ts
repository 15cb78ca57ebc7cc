import type { EntityManager } from 'typeorm';

/** A `departments` row as this feature's statements return it. */
export interface DepartmentRow {
  id: string;
  /** The department's symbol in the office's file classification, e.g. "OR"; the prefix of reference numbers. */
  symbol: string;
  name: string;
  active: boolean;
  version: number;
  created_at: Date;
}

const COLUMNS = `id, symbol, name, active, version, created_at`;

export function selectDepartments(db: EntityManager): Promise<DepartmentRow[]> {
  return db.query(`SELECT ${COLUMNS} FROM departments ORDER BY symbol`);
}

export async function selectDepartment(db: EntityManager, id: string): Promise<DepartmentRow | undefined> {
  const rows: DepartmentRow[] = await db.query(`SELECT ${COLUMNS} FROM departments WHERE id = $1`, [id]);
  return rows[0];
}

export async function isActiveDepartment(db: EntityManager, id: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM departments WHERE id = $1 AND active LIMIT 1`, [id]);
  return rows.length > 0;
}

export async function insertDepartment(
  db: EntityManager,
  department: { symbol: string; name: string },
): Promise<DepartmentRow> {
  const rows: DepartmentRow[] = await db.query(
    `INSERT INTO departments (symbol, name) VALUES ($1, $2) RETURNING ${COLUMNS}`,
    [department.symbol, department.name],
  );
  return rows[0];
}

/** The changed row, or undefined when `version` is no longer current. */
export async function updateDepartment(
  db: EntityManager,
  id: string,
  version: number,
  set: { symbol?: string; name?: string; active?: boolean },
): Promise<DepartmentRow | undefined> {
  const values: unknown[] = [id, version];
  const assignments = (['symbol', 'name', 'active'] as const)
    .filter((column) => set[column] !== undefined)
    .map((column) => `${column} = $${values.push(set[column])}`);
  const [rows]: [DepartmentRow[], number] = await db.query(
    `UPDATE departments SET ${[...assignments, 'version = version + 1'].join(', ')}
      WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`,
    values,
  );
  return rows[0];
}
