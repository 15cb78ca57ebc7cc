import type { CaseKindName } from '@pu/contracts';
import type { EntityManager } from 'typeorm';
import type { SessionUser } from '../auth/session-user';
import type { CaseListQueryDto } from './dto/case-list-query.dto';
import { Params, filtersFor, scopesFor } from './case-list.queries';

/** A card's row: timestamps as ISO text; `step` is '' for a case with every step done. */
export interface BoardCardRow {
  step: string;
  id: string;
  reference: string;
  subject: string;
  client_name: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  due_at: string | null;
  version: number;
}

export interface BoardCountRow {
  step: string;
  n: number;
}

const CARD_COLUMNS = `COALESCE(c.current_step, '') AS step, c.id, c.reference, c.subject, c.client_name, c.assignee_id,
  a.display_name AS assignee_name,
  to_char(c.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS due_at, c.version, c.due_sort`;

/** The list's filters (text, department, assignee, overdue, …) on one kind's open cases. */
function boardConditions(user: SessionUser, kind: CaseKindName, q: CaseListQueryDto, p: Params, now: Date) {
  // The board shows open cases whatever `status` says; a reference match must not bring a closed case in.
  const filters = [
    `c.status = 'open'`,
    `c.kind = ${p.add(kind)}`,
    ...filtersFor({ ...q, status: undefined, kind }, p, now),
  ];
  return scopesFor(user, q, p).map((scope) => [scope, ...filters].join(' AND '));
}

/** How many open cases stand at each step (exact: one kind's open cases in a scope are few enough to count). */
export async function selectBoardCounts(
  db: EntityManager,
  user: SessionUser,
  kind: CaseKindName,
  q: CaseListQueryDto,
  now: Date,
): Promise<BoardCountRow[]> {
  const p = new Params();
  const parts = boardConditions(user, kind, q, p, now).map(
    (where) => `SELECT COALESCE(c.current_step, '') AS step FROM cases c WHERE ${where}`,
  );
  return db.query(`SELECT step, count(*)::int AS n FROM (${parts.join(' UNION ALL ')}) x GROUP BY step`, p.values);
}

/**
 * The first `perColumn` cards of every column by deadline: one ordered, limited scan per step (LATERAL), so a
 * step with thousands of cases costs what one with a page of them does.
 */
export async function selectBoardCards(
  db: EntityManager,
  user: SessionUser,
  kind: CaseKindName,
  steps: readonly string[],
  perColumn: number,
  q: CaseListQueryDto,
  now: Date,
): Promise<BoardCardRow[]> {
  const p = new Params();
  const conditions = boardConditions(user, kind, q, p, now);
  const stepList = p.add([...steps, '']);
  const lim = p.add(perColumn);
  const selects = conditions.map(
    (where) => `(SELECT ${CARD_COLUMNS} FROM cases c LEFT JOIN users a ON a.id = c.assignee_id
      WHERE ${where} AND COALESCE(c.current_step, '') = s.step ORDER BY c.due_sort, c.id LIMIT ${lim})`,
  );
  const inner = selects.length === 1 ? selects[0] : `${selects.join(' UNION ALL ')} ORDER BY due_sort, id LIMIT ${lim}`;
  return db.query(
    `SELECT x.step, x.id, x.reference, x.subject, x.client_name, x.assignee_id, x.assignee_name, x.due_at, x.version
       FROM unnest(${stepList}::text[]) WITH ORDINALITY s(step, ord)
       CROSS JOIN LATERAL (${inner}) x
      ORDER BY s.ord, x.due_sort, x.id`,
    p.values,
  );
}
