import type { EntityManager } from 'typeorm';
import { auditInsert, sqlExpression, type AuditActor } from '../audit/audit-insert';
import { SqlParams } from '../common/sql-params';

/** An `improvement_actions` row, dates as Warsaw days. */
export interface ImprovementActionRow {
  id: string;
  root_cause: string;
  what: string;
  owner: string;
  due_on: string;
  done_on: string | null;
  expected_effect: string;
  created_at: Date;
  version: number;
}

const COLUMNS = `a.id, a.root_cause, a.what, a.owner, to_char(a.due_on, 'YYYY-MM-DD') AS due_on,
  to_char(a.done_on, 'YYYY-MM-DD') AS done_on, a.expected_effect, a.created_at, a.version`;

export function selectImprovementActions(db: EntityManager, rootCause?: string): Promise<ImprovementActionRow[]> {
  return db.query(
    `SELECT ${COLUMNS} FROM improvement_actions a WHERE $1::text IS NULL OR a.root_cause = $1
      ORDER BY a.due_on DESC, a.created_at DESC, a.id`,
    [rootCause ?? null],
  );
}

export async function selectImprovementAction(
  db: EntityManager,
  id: string,
): Promise<ImprovementActionRow | undefined> {
  const rows: ImprovementActionRow[] = await db.query(`SELECT ${COLUMNS} FROM improvement_actions a WHERE a.id = $1`, [
    id,
  ]);
  return rows[0];
}

export interface NewImprovementAction {
  id: string;
  rootCause: string;
  what: string;
  owner: string;
  dueOn: string;
  doneOn: string | null;
  expectedEffect: string;
  createdBy: string;
  createdAt: Date;
}

/**
 * The action and its audit entry in one statement; with an idempotency key, the key row too, and then a key
 * used before inserts nothing and the answer is undefined.
 */
export async function insertImprovementAction(
  db: EntityManager,
  n: NewImprovementAction,
  actor: AuditActor,
  idempotency: { key: string; hash: string } | null,
): Promise<ImprovementActionRow | undefined> {
  const p = new SqlParams();
  const values = [
    n.id,
    n.rootCause,
    n.what,
    n.owner,
    n.dueOn,
    n.doneOn,
    n.expectedEffect,
    n.createdBy,
    n.createdAt,
  ].map((v) => p.add(v));
  let idem = '';
  let gate = 'TRUE';
  if (idempotency) {
    idem = `idem AS (INSERT INTO idempotency_keys (user_id, key, scope, request_hash, resource_id)
      VALUES (${values[7]}::uuid, ${p.add(idempotency.key)}, 'POST /improvement-actions', ${p.add(idempotency.hash)},
              ${values[0]}::uuid) ON CONFLICT DO NOTHING RETURNING 1),`;
    gate = 'EXISTS (SELECT 1 FROM idem)';
  }
  const audit = auditInsert(
    p,
    actor,
    [
      {
        entityType: 'improvement_action',
        entityId: sqlExpression('ins.id::text'),
        action: 'create',
        after: sqlExpression('to_jsonb(ins)'),
      },
    ],
    { from: 'ins' },
  );
  const rows: ImprovementActionRow[] = await db.query(
    `WITH ${idem}
       ins AS (INSERT INTO improvement_actions (id, root_cause, what, owner, due_on, done_on, expected_effect, created_by, created_at)
               SELECT ${values[0]}::uuid, ${values[1]}::text, ${values[2]}::text, ${values[3]}::text, ${values[4]}::date,
                      ${values[5]}::date, ${values[6]}::text, ${values[7]}::uuid, ${values[8]}::timestamptz
                WHERE ${gate} RETURNING *),
       audit AS (${audit})
     SELECT ${COLUMNS} FROM ins a`,
    p.values,
  );
  return rows[0];
}

export interface ImprovementActionChange {
  root_cause?: string;
  what?: string;
  owner?: string;
  due_on?: string;
  done_on?: string | null;
  expected_effect?: string;
}

/** The changed row, or undefined when `version` is no longer current. */
export async function updateImprovementAction(
  db: EntityManager,
  id: string,
  version: number,
  set: ImprovementActionChange,
): Promise<ImprovementActionRow | undefined> {
  const values: unknown[] = [id, version];
  const casts: Record<keyof ImprovementActionChange, string> = {
    root_cause: 'text',
    what: 'text',
    owner: 'text',
    due_on: 'date',
    done_on: 'date',
    expected_effect: 'text',
  };
  const assignments = (Object.keys(casts) as Array<keyof ImprovementActionChange>)
    .filter((column) => set[column] !== undefined)
    .map((column) => `${column} = $${values.push(set[column])}::${casts[column]}`);
  const [rows]: [ImprovementActionRow[], number] = await db.query(
    `UPDATE improvement_actions a SET ${[...assignments, 'version = version + 1'].join(', ')}
      WHERE a.id = $1 AND a.version = $2 RETURNING ${COLUMNS}`,
    values,
  );
  return rows[0];
}

/** Whether the row of that version was deleted. */
export async function deleteImprovementAction(db: EntityManager, id: string, version: number): Promise<boolean> {
  const [, count]: [unknown[], number] = await db.query(
    `DELETE FROM improvement_actions WHERE id = $1 AND version = $2`,
    [id, version],
  );
  return count > 0;
}

/** Whether the category exists and may be given to a new action (not retired), or is the action's own. */
export async function isUsableRootCause(db: EntityManager, code: string, keep: string | null): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM root_cause_categories WHERE code = $1 AND (retired_at IS NULL OR code = $2)`,
    [code, keep],
  );
  return rows.length > 0;
}
