import type { Actor } from '../common/actor';
import type { SqlParams } from '../common/sql-params';

/** An SQL expression over the rows of the statement the entry is written in, e.g. `ins.id::text`. */
export class SqlExpression {
  constructor(readonly sql: string) {}
}

export const sqlExpression = (sql: string): SqlExpression => new SqlExpression(sql);

/** A value bound as a parameter, or an expression computed by the statement itself. */
export type AuditValue<T> = T | SqlExpression;

/** One entry of the audit log: who is added by the writer, when and the chain by the database. */
export interface AuditEntry {
  entityType: AuditValue<string>;
  entityId: AuditValue<string>;
  caseId?: AuditValue<string | null>;
  action: AuditValue<string>;
  before?: unknown;
  after?: unknown;
}

/** Who is recorded: the signed-in user and the request, or nobody (a system change). */
export type AuditActor = Pick<Actor, 'userId' | 'name' | 'requestId'> | null;

/** Rows of another part of the same statement that each produce one entry (e.g. `FROM upd`). */
export interface AuditSource {
  from: string;
  where?: string;
}

/**
 * The one way an entry reaches the audit log: an `INSERT INTO audit_log … SELECT …` that the caller runs on
 * its own or, more often, as a CTE of the statement that makes the change, so the change and its record commit
 * or fail together in one round trip. Values are bound into `p`; every placeholder is cast, so the same text
 * works in a UNION of several entries. With a `source`, each entry is written once per row of it (none when
 * the change touched no row).
 */
export function auditInsert(
  p: SqlParams,
  actor: AuditActor,
  entries: readonly AuditEntry[],
  source?: AuditSource,
): string {
  if (entries.length === 0) throw new Error('auditInsert needs at least one entry');
  const actorId = `${p.add(actor?.userId ?? null)}::uuid`;
  const actorName = `${p.add(actor?.name ?? null)}::text`;
  const requestId = `${p.add(actor?.requestId ?? null)}::text`;
  const from = source ? ` FROM ${source.from}${source.where ? ` WHERE (${source.where})` : ''}` : '';
  const selects = entries.map((e) => {
    const columns = [
      actorId,
      actorName,
      value(p, e.entityType, 'text'),
      value(p, e.entityId, 'text'),
      value(p, e.caseId ?? null, 'uuid'),
      value(p, e.action, 'text'),
      jsonValue(p, e.before),
      jsonValue(p, e.after),
      requestId,
    ];
    return `SELECT ${columns.join(', ')}${from}`;
  });
  return `INSERT INTO audit_log (actor_id, actor_name, entity_type, entity_id, case_id, action, before, after, request_id) ${selects.join(' UNION ALL ')}`;
}

const value = (p: SqlParams, v: AuditValue<string | null>, type: 'text' | 'uuid') =>
  v instanceof SqlExpression ? v.sql : `${p.add(v)}::${type}`;

const jsonValue = (p: SqlParams, v: unknown) => {
  if (v instanceof SqlExpression) return v.sql;
  return v === undefined || v === null ? 'NULL::jsonb' : p.json(v);
};
