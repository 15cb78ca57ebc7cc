import type { CaseKind } from '@pu/workflow';
import type { EntityManager } from 'typeorm';

/** A `case_registers` row: how one kind's reference numbers are written. */
export interface RegisterRow {
  kind: CaseKind;
  jrwa: string;
  format: string;
  version: number;
}

/** Every register; `forUpdate` locks them all for the rest of the transaction. */
export function selectRegisters(db: EntityManager, forUpdate = false): Promise<RegisterRow[]> {
  return db.query(
    `SELECT kind, jrwa, format, version FROM case_registers ORDER BY kind${forUpdate ? ' FOR UPDATE' : ''}`,
  );
}

export async function updateRegister(
  db: EntityManager,
  register: { kind: CaseKind; jrwa: string; format: string },
): Promise<RegisterRow> {
  const [rows]: [RegisterRow[], number] = await db.query(
    `UPDATE case_registers SET jrwa = $2, format = $3, version = version + 1 WHERE kind = $1 RETURNING kind, jrwa, format, version`,
    [register.kind, register.jrwa, register.format],
  );
  return rows[0];
}
