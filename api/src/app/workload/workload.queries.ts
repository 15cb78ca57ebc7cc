import type { EntityManager } from 'typeorm';
import type { WorkloadWindows } from '@pu/workflow';
import type { SessionUser } from '../auth/session-user';
import { caseAccessCondition } from '../cases/case-access';
import { SqlParams } from '../common/sql-params';

// The dashboard's and "my work"'s counts: each figure is the count of exactly the rows the case or promise list
// returns for the same filters (case-list.queries.ts, promises.queries.ts), with the same thresholds bound as
// parameters. One statement per kind of row, whatever the number of people or departments.

/** Open cases, per department and assignee (null = unassigned). */
export interface CaseCountRow {
  department_id: string;
  department_symbol: string;
  department_name: string;
  person_id: string | null;
  person_name: string | null;
  overdue: number;
  due_soon: number;
  idle: number;
}

/** Unkept promises due by the end of today, per department of their case and the person who made them. */
export interface PromiseCountRow {
  department_id: string;
  department_symbol: string;
  department_name: string;
  person_id: string;
  person_name: string;
  broken: number;
  due_today: number;
}

export async function selectCaseCounts(
  db: EntityManager,
  departmentId: string | null,
  w: WorkloadWindows,
): Promise<CaseCountRow[]> {
  const p = new SqlParams();
  const now = p.add(w.now);
  const until = p.add(w.dueSoonUntil);
  const idle = p.add(w.idleBefore);
  const dept = departmentId ? `AND c.department_id = ${p.add(departmentId)}` : '';
  return db.query(
    `WITH counts AS (
       SELECT c.department_id, c.assignee_id,
         count(*) FILTER (WHERE c.due_sort < ${now}::timestamptz)::int AS overdue,
         count(*) FILTER (WHERE c.due_sort >= ${now}::timestamptz AND c.due_sort <= ${until}::timestamptz)::int AS due_soon,
         count(*) FILTER (WHERE COALESCE(c.last_activity_at, c.created_at) < ${idle}::timestamptz)::int AS idle
       FROM cases c WHERE c.status = 'open' ${dept}
       GROUP BY c.department_id, c.assignee_id)
     SELECT k.department_id, d.symbol AS department_symbol, d.name AS department_name,
       k.assignee_id AS person_id, u.display_name AS person_name, k.overdue, k.due_soon, k.idle
     FROM counts k JOIN departments d ON d.id = k.department_id LEFT JOIN users u ON u.id = k.assignee_id
     WHERE k.overdue + k.due_soon + k.idle > 0`,
    p.values,
  );
}

export async function selectPromiseCounts(
  db: EntityManager,
  departmentId: string | null,
  w: WorkloadWindows,
): Promise<PromiseCountRow[]> {
  const p = new SqlParams();
  const now = p.add(w.now);
  const todayEnds = p.add(w.todayEnds);
  const dept = departmentId ? `AND c.department_id = ${p.add(departmentId)}` : '';
  return db.query(
    `WITH counts AS (
       SELECT c.department_id, p.created_by,
         count(*) FILTER (WHERE p.due_at < ${now}::timestamptz)::int AS broken,
         count(*) FILTER (WHERE p.due_at >= ${now}::timestamptz)::int AS due_today
       FROM promises p JOIN cases c ON c.id = p.case_id
       WHERE p.kept_at IS NULL AND p.due_at <= ${todayEnds}::timestamptz ${dept}
       GROUP BY c.department_id, p.created_by)
     SELECT k.department_id, d.symbol AS department_symbol, d.name AS department_name,
       k.created_by AS person_id, u.display_name AS person_name, k.broken, k.due_today
     FROM counts k JOIN departments d ON d.id = k.department_id JOIN users u ON u.id = k.created_by`,
    p.values,
  );
}

/** Someone a case can be given to. */
export interface StaffRow {
  id: string;
  display_name: string;
  role: 'clerk' | 'manager';
  department_id: string;
  department_symbol: string;
  department_name: string;
}

/** Active clerks and managers of active departments (of one department, or all), by department and name. */
export function selectStaff(db: EntityManager, departmentId: string | null): Promise<StaffRow[]> {
  return db.query(
    `SELECT u.id, u.display_name, u.role, u.department_id, d.symbol AS department_symbol, d.name AS department_name
       FROM users u JOIN departments d ON d.id = u.department_id
      WHERE u.role IN ('clerk', 'manager') AND NOT u.disabled AND d.active AND ($1::uuid IS NULL OR u.department_id = $1)
      ORDER BY d.symbol, u.display_name, u.id`,
    [departmentId],
  );
}

export interface MyWorkRow {
  my_overdue: number;
  my_due_soon: number;
  my_broken: number;
  my_due_today: number;
  department_unassigned: number;
}

/**
 * "My work" in one statement. My cases are those assigned to me (whatever their department), as the list's
 * `assigneeId=<me>`; my promises those I made on cases I may still see, as the promise list's `scope=mine`.
 */
export async function selectMyWork(db: EntityManager, user: SessionUser, w: WorkloadWindows): Promise<MyWorkRow> {
  const p = new SqlParams();
  const me = p.add(user.id);
  const now = p.add(w.now);
  const until = p.add(w.dueSoonUntil);
  const todayEnds = p.add(w.todayEnds);
  const dept = p.add(user.department.id);
  const access = caseAccessCondition(user, p.values.length + 1);
  p.values.push(...access.params);
  const rows: MyWorkRow[] = await db.query(
    `SELECT
       (SELECT count(*)::int FROM cases c WHERE c.assignee_id = ${me} AND c.status = 'open'
          AND c.due_sort < ${now}::timestamptz) AS my_overdue,
       (SELECT count(*)::int FROM cases c WHERE c.assignee_id = ${me} AND c.status = 'open'
          AND c.due_sort >= ${now}::timestamptz AND c.due_sort <= ${until}::timestamptz) AS my_due_soon,
       (SELECT count(*)::int FROM promises p JOIN cases c ON c.id = p.case_id WHERE p.created_by = ${me}
          AND ${access.sql} AND p.kept_at IS NULL AND p.due_at < ${now}::timestamptz) AS my_broken,
       (SELECT count(*)::int FROM promises p JOIN cases c ON c.id = p.case_id WHERE p.created_by = ${me}
          AND ${access.sql} AND p.kept_at IS NULL AND p.due_at >= ${now}::timestamptz
          AND p.due_at <= ${todayEnds}::timestamptz) AS my_due_today,
       (SELECT count(*)::int FROM cases c WHERE c.department_id = ${dept} AND c.status = 'open'
          AND c.assignee_id IS NULL) AS department_unassigned`,
    p.values,
  );
  return rows[0];
}
