import type { EntityManager } from 'typeorm';

// The people and departments an assignment points to. The change itself is cases.queries.ts's updateCase.

/** Whoever an assignment names, with what decides whether a case can be given to them. */
export interface AssigneeFacts {
  id: string;
  display_name: string;
  role: string;
  disabled: boolean;
  department_id: string;
  department_active: boolean;
}

export async function selectAssigneeFacts(db: EntityManager, id: string): Promise<AssigneeFacts | undefined> {
  const rows: AssigneeFacts[] = await db.query(
    `SELECT u.id, u.display_name, u.role, u.disabled, u.department_id, d.active AS department_active
       FROM users u JOIN departments d ON d.id = u.department_id WHERE u.id = $1`,
    [id],
  );
  return rows[0];
}

export async function isActiveDepartment(db: EntityManager, id: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM departments WHERE id = $1 AND active`, [id]);
  return rows.length > 0;
}

/** The active managers of a department: told when a case arrives there with nobody assigned. */
export async function selectDepartmentManagerIds(db: EntityManager, departmentId: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM users WHERE department_id = $1 AND role = 'manager' AND NOT disabled ORDER BY id`,
    [departmentId],
  );
  return rows.map((r) => r.id);
}
