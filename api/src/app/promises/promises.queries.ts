import type { ChannelName } from '@pu/contracts';
import type { EntityManager } from 'typeorm';
import { auditInsert, sqlExpression } from '../audit/audit-insert';
import type { SessionUser } from '../auth/session-user';
import type { Actor } from '../common/actor';
import { caseAccessCondition } from '../cases/case-access';
import { SqlParams } from '../common/sql-params';

// Every statement on promises. A change and its audit row are written by one statement.

/** A `promises` row with its case's reference and department and its creator's name. */
export interface PromiseRow {
  id: string;
  case_id: string;
  case_reference: string;
  department_id: string;
  department_symbol: string;
  department_name: string;
  description: string;
  channel: ChannelName;
  due_at: Date;
  kept_at: Date | null;
  broken_before_reschedule: boolean;
  reschedule_count: number;
  last_client_told_at: Date | null;
  created_by: string;
  creator_name: string;
  created_at: Date;
  version: number;
}

const PROMISE_COLUMNS = `p.id, p.case_id, c.reference AS case_reference, c.department_id, d.symbol AS department_symbol, d.name AS department_name,
  p.description, p.channel, p.due_at, p.kept_at, p.broken_before_reschedule, p.reschedule_count, p.last_client_told_at,
  p.created_by, u.display_name AS creator_name, p.created_at, p.version`;

const PROMISE_JOINS = `JOIN cases c ON c.id = p.case_id JOIN departments d ON d.id = c.department_id JOIN users u ON u.id = p.created_by`;

export interface NewPromise {
  id: string;
  caseId: string;
  description: string;
  channel: ChannelName;
  dueAt: Date;
  createdBy: string;
  createdAt: Date;
}

/**
 * The promise, the case's promise count and the audit row in one statement; with an idempotency key, the key
 * row too, and then a key used before inserts nothing and the answer is undefined.
 */
export async function insertPromise(
  db: EntityManager,
  n: NewPromise,
  actor: Actor,
  idempotency: { key: string; hash: string } | null,
): Promise<PromiseRow | undefined> {
  const params: unknown[] = [n.id, n.caseId, n.description, n.channel, n.dueAt, n.createdBy, n.createdAt];
  let idemCte = '';
  let gate = 'TRUE';
  if (idempotency) {
    params.push(idempotency.key, idempotency.hash);
    idemCte = `idem AS (INSERT INTO idempotency_keys (user_id, key, scope, request_hash, resource_id)
                          VALUES ($6, $8, 'POST /promises', $9, $1) ON CONFLICT DO NOTHING RETURNING 1),`;
    gate = 'EXISTS (SELECT 1 FROM idem)';
  }
  const p = new SqlParams(params);
  const audit = auditInsert(
    p,
    actor,
    [
      {
        entityType: 'promise',
        entityId: sqlExpression('ins.id::text'),
        caseId: sqlExpression('ins.case_id'),
        action: 'create_promise',
        after: sqlExpression('to_jsonb(ins)'),
      },
    ],
    { from: 'ins' },
  );
  const rows: PromiseRow[] = await db.query(
    `WITH ${idemCte}
       ins AS (INSERT INTO promises (id, case_id, description, channel, due_at, created_by, created_at)
               SELECT $1, $2, $3, $4, $5, $6, $7 WHERE ${gate} RETURNING *),
       counted AS (UPDATE cases SET promise_count = promise_count + 1, last_activity_at = $7 WHERE id = (SELECT case_id FROM ins)),
       audit AS (${audit})
       SELECT ${PROMISE_COLUMNS} FROM ins p ${PROMISE_JOINS}`,
    p.values,
  );
  return rows[0];
}

export function selectPromisesOfCase(db: EntityManager, caseId: string): Promise<PromiseRow[]> {
  return db.query(
    `SELECT ${PROMISE_COLUMNS} FROM promises p ${PROMISE_JOINS} WHERE p.case_id = $1 ORDER BY p.due_at, p.id`,
    [caseId],
  );
}

/** The promise if `user` may see its case. */
export async function selectPromise(db: EntityManager, user: SessionUser, id: string): Promise<PromiseRow | undefined> {
  const access = caseAccessCondition(user, 2);
  const rows: PromiseRow[] = await db.query(
    `SELECT ${PROMISE_COLUMNS} FROM promises p ${PROMISE_JOINS} WHERE p.id = $1 AND ${access.sql}`,
    [id, ...access.params],
  );
  return rows[0];
}

export interface PromiseFilter {
  /** Promises this user made, on cases they may still see. */
  createdBy?: SessionUser;
  departmentId?: string;
  /** Only promises this person made (a filter within a department's or all promises). */
  creatorId?: string;
  /** open and overdue as of `now`; due_today: unkept, not yet past, due by `todayEnds`. */
  state: 'open' | 'overdue' | 'due_today' | 'kept' | 'any';
  now: Date;
  todayEnds: Date;
  limit: number;
}

export function selectPromises(db: EntityManager, f: PromiseFilter): Promise<PromiseRow[]> {
  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (f.createdBy) {
    where.push(`p.created_by = ${add(f.createdBy.id)}`);
    // A case transferred to another department takes its promises with it (standard 12: who sees what).
    const access = caseAccessCondition(f.createdBy, params.length + 1);
    params.push(...access.params);
    where.push(access.sql);
  }
  if (f.departmentId) where.push(`c.department_id = ${add(f.departmentId)}`);
  if (f.creatorId) where.push(`p.created_by = ${add(f.creatorId)}`);
  if (f.state === 'due_today')
    where.push(`p.kept_at IS NULL AND p.due_at >= ${add(f.now)} AND p.due_at <= ${add(f.todayEnds)}`);
  if (f.state === 'open') where.push(`p.kept_at IS NULL AND p.due_at >= ${add(f.now)}`);
  if (f.state === 'overdue') where.push(`p.kept_at IS NULL AND p.due_at < ${add(f.now)}`);
  if (f.state === 'kept') where.push(`p.kept_at IS NOT NULL`);
  return db.query(
    `SELECT ${PROMISE_COLUMNS} FROM promises p ${PROMISE_JOINS} WHERE ${where.join(' AND ') || 'TRUE'}
       ORDER BY d.symbol, p.due_at, p.id LIMIT ${add(f.limit)}`,
    params,
  );
}

/** Columns a change may set. */
export interface PromiseChange {
  kept_at?: Date;
  due_at?: Date;
  last_client_told_at?: Date | null;
  reschedule_count?: number;
  broken_before_reschedule?: boolean;
  description?: string;
}

/**
 * A conditional UPDATE on the version with its audit row (`action`, the row's `before` and the change) in
 * the same statement: the changed promise, or undefined when `version` is no longer current.
 */
export async function updatePromise(
  db: EntityManager,
  id: string,
  version: number,
  set: PromiseChange,
  audit: { actor: Actor; action: string; before: unknown; at: Date },
): Promise<PromiseRow | undefined> {
  const { actor, action, before, at } = audit;
  const p = new SqlParams([id, version]);
  const atP = p.add(at);
  const assignments = Object.entries(set).map(([column, value]) => `${column} = ${p.add(value)}`);
  const entry = auditInsert(
    p,
    actor,
    [
      {
        entityType: 'promise',
        entityId: sqlExpression('upd.id::text'),
        caseId: sqlExpression('upd.case_id'),
        action,
        before,
        after: set,
      },
    ],
    { from: 'upd' },
  );
  const rows: PromiseRow[] = await db.query(
    `WITH upd AS (UPDATE promises SET ${assignments.join(', ')}, version = version + 1 WHERE id = $1 AND version = $2 RETURNING *),
       audit AS (${entry}),
       -- A promise kept or moved is activity on its case (the dashboard's idle cases).
       touched AS (UPDATE cases SET last_activity_at = ${atP} FROM upd WHERE cases.id = upd.case_id)
       SELECT ${PROMISE_COLUMNS} FROM upd p ${PROMISE_JOINS}`,
    p.values,
  );
  return rows[0];
}
