import type { CaseDeadlines, CaseHandover, CaseKindName, CaseStatus, ChannelName } from '@pu/contracts';
import type { CaseProgress } from '@pu/workflow';
import type { EntityManager } from 'typeorm';
import { auditInsert, sqlExpression } from '../audit/audit-insert';
import type { AuditRecord } from '../audit/audit.service';
import type { SessionUser } from '../auth/session-user';
import type { Actor } from '../common/actor';
import { SqlParams } from '../common/sql-params';
import { caseAccessCondition } from './case-access';

// Every statement on cases but the list (case-list.queries.ts). The audit rows of a change are written by the
// same statement as the change, so neither can happen without the other.

/** A `cases` row as the SQL in this feature selects it (with department and assignee names joined). */
export interface CaseRow {
  id: string;
  kind: CaseKindName;
  reference: string;
  year: number;
  seq: number;
  subject: string;
  description: string | null;
  channel: ChannelName;
  received_at: Date;
  client_name: string | null;
  client_address: string | null;
  client_phone: string | null;
  client_email: string | null;
  client_accommodation: string | null;
  client_is_councillor: boolean;
  department_id: string;
  department_symbol: string;
  department_name: string;
  assignee_id: string | null;
  assignee_name: string | null;
  status: CaseStatus;
  current_step: string | null;
  progress: CaseProgress;
  deadlines: CaseDeadlines;
  due_at: Date | null;
  event_at: Date | null;
  outcome: string | null;
  root_cause: string | null;
  inform_hours: string | null;
  promise_count: number;
  repeat_of_case_id: string | null;
  follows_case_id: string | null;
  version: number;
  created_by: string;
  created_at: Date;
  closed_at: Date | null;
  /** NULL until anything changes after registration. */
  last_activity_at: Date | null;
  handover: CaseHandover | null;
}

/** Columns every case query selects: the row plus the names a response shows. */
export const CASE_COLUMNS = `c.id, c.kind, c.reference, c.year, c.seq, c.subject, c.description, c.channel, c.received_at,
  c.client_name, c.client_address, c.client_phone, c.client_email, c.client_accommodation, c.client_is_councillor,
  c.department_id, d.symbol AS department_symbol, d.name AS department_name, c.assignee_id, a.display_name AS assignee_name,
  c.status, c.current_step, c.progress, c.deadlines, c.due_at, c.event_at, c.outcome, c.root_cause, c.inform_hours,
  c.promise_count, c.repeat_of_case_id, c.follows_case_id, c.version, c.created_by, c.created_at, c.closed_at, c.last_activity_at, c.handover`;

export const CASE_JOINS = `JOIN departments d ON d.id = c.department_id LEFT JOIN users a ON a.id = c.assignee_id`;

/** The case if `user` may see it. */
export async function selectCase(db: EntityManager, user: SessionUser, id: string): Promise<CaseRow | undefined> {
  const access = caseAccessCondition(user, 2);
  const rows: CaseRow[] = await db.query(
    `SELECT ${CASE_COLUMNS} FROM cases c ${CASE_JOINS} WHERE c.id = $1 AND ${access.sql}`,
    [id, ...access.params],
  );
  return rows[0];
}

/** The case if `user` may see it, recording in the same statement that its client's personal data was read (standard 12). */
export async function selectCaseRecordingRead(
  db: EntityManager,
  user: SessionUser,
  id: string,
  actor: Actor,
): Promise<CaseRow | undefined> {
  const access = caseAccessCondition(user, 2);
  const p = new SqlParams([id, ...access.params]);
  const audit = auditInsert(
    p,
    actor,
    [
      {
        entityType: 'case',
        entityId: sqlExpression('found.id::text'),
        caseId: sqlExpression('found.id'),
        action: 'read_personal_data',
      },
    ],
    {
      from: 'found',
      where:
        'found.client_name IS NOT NULL OR found.client_address IS NOT NULL OR found.client_phone IS NOT NULL OR found.client_email IS NOT NULL',
    },
  );
  const rows: CaseRow[] = await db.query(
    `WITH found AS (SELECT ${CASE_COLUMNS} FROM cases c ${CASE_JOINS} WHERE c.id = $1 AND ${access.sql}),
       audit AS (${audit})
       SELECT * FROM found`,
    p.values,
  );
  return rows[0];
}

/** Columns a change may set; anything else is a programming error, never user input. */
export type CaseColumn =
  | 'subject'
  | 'description'
  | 'channel'
  | 'client_name'
  | 'client_address'
  | 'client_phone'
  | 'client_email'
  | 'client_accommodation'
  | 'client_is_councillor'
  | 'department_id'
  | 'assignee_id'
  | 'status'
  | 'current_step'
  | 'progress'
  | 'deadlines'
  | 'due_at'
  | 'event_at'
  | 'outcome'
  | 'root_cause'
  | 'inform_hours'
  | 'repeat_of_case_id'
  | 'follows_case_id'
  | 'closed_at'
  | 'last_activity_at'
  | 'handover';

const JSON_COLUMNS = new Set<CaseColumn>(['progress', 'deadlines', 'handover']);

/**
 * A conditional UPDATE on the version with its audit rows in the same statement: the changed case, or
 * undefined when `version` is no longer current (and then nothing is recorded either).
 */
export async function updateCase(
  db: EntityManager,
  id: string,
  version: number,
  set: Partial<Record<CaseColumn, unknown>>,
  actor: Actor,
  audits: AuditRecord[],
): Promise<CaseRow | undefined> {
  const p = new SqlParams([id, version]);
  const assignments = Object.entries(set).map(([column, value]) =>
    JSON_COLUMNS.has(column as CaseColumn) ? `${column} = ${p.json(value)}` : `${column} = ${p.add(value)}`,
  );
  const audit = auditInsert(
    p,
    actor,
    audits.map((r) => ({ ...r, caseId: sqlExpression('upd.id') })),
    { from: 'upd' },
  );
  const rows: CaseRow[] = await db.query(
    `WITH upd AS (UPDATE cases SET ${[...assignments, 'version = version + 1'].join(', ')} WHERE id = $1 AND version = $2 RETURNING *),
       audit AS (${audit})
       SELECT ${CASE_COLUMNS} FROM upd c ${CASE_JOINS}`,
    p.values,
  );
  return rows[0];
}

/** A case as registered: every column the registration sets, the reference number and counter aside. */
export interface NewCase {
  id: string;
  kind: CaseKindName;
  departmentId: string;
  /** The register year (in Warsaw). */
  year: number;
  /** The reference number's text around its sequence number, from the register's format. */
  referencePieces: string[];
  subject: string;
  description: string | null;
  channel: ChannelName;
  receivedAt: Date;
  client: {
    name: string | null;
    address: string | null;
    phone: string | null;
    email: string | null;
    accommodation: string | null;
    isCouncillor: boolean;
  };
  assigneeId: string | null;
  currentStep: string | null;
  progress: CaseProgress;
  deadlines: CaseDeadlines;
  dueAt: Date | null;
  eventAt: Date | null;
  repeatOfCaseId: string | null;
  followsCaseId: string | null;
  createdBy: string;
  createdAt: Date;
}

/**
 * Number, case and audit row in one statement: the register has no gaps because the counter's increment
 * commits or rolls back with the case itself. With an idempotency key, the key row too; then a key used
 * before inserts nothing and the answer is undefined.
 */
export async function insertCase(
  db: EntityManager,
  n: NewCase,
  actor: Actor,
  idempotency: { key: string; hash: string } | null,
): Promise<CaseRow | undefined> {
  const p = new SqlParams();
  const [idP, kindP, deptP, yearP, userP] = [
    p.add(n.id),
    p.add(n.kind),
    p.add(n.departmentId),
    p.add(n.year),
    p.add(n.createdBy),
  ];
  const c = n.client;
  const values = [
    idP,
    kindP,
    // The register's format is applied by @pu/workflow (referencePieces); only the counter's number goes in here.
    `array_to_string(${p.add(n.referencePieces)}::text[], counter.last_n::text)`,
    yearP,
    'counter.last_n',
    p.add(n.subject),
    p.add(n.description),
    p.add(n.channel),
    p.add(n.receivedAt),
    p.add(c.name),
    p.add(c.address),
    p.add(c.phone),
    p.add(c.email),
    p.add(c.accommodation),
    p.add(c.isCouncillor),
    deptP,
    deptP,
    p.add(n.assigneeId),
    p.add(n.currentStep),
    p.json(n.progress),
    p.json(n.deadlines),
    p.add(n.dueAt),
    p.add(n.eventAt),
    p.add(n.repeatOfCaseId),
    p.add(n.followsCaseId),
    userP,
    p.add(n.createdAt),
  ];
  const idemCte = idempotency
    ? `idem AS (INSERT INTO idempotency_keys (user_id, key, scope, request_hash, resource_id)
                  VALUES (${userP}, ${p.add(idempotency.key)}, 'POST /cases', ${p.add(idempotency.hash)}, ${idP}) ON CONFLICT DO NOTHING RETURNING 1),`
    : '';
  const gate = idempotency ? 'EXISTS (SELECT 1 FROM idem)' : 'TRUE';
  const rows: CaseRow[] = await db.query(
    `WITH ${idemCte}
       counter AS (
         INSERT INTO case_counters (kind, department_id, year, last_n) SELECT ${kindP}, ${deptP}, ${yearP}, 1 WHERE ${gate}
         ON CONFLICT (kind, department_id, year) DO UPDATE SET last_n = case_counters.last_n + 1 RETURNING last_n),
       dep AS (SELECT id, symbol, name FROM departments WHERE id = ${deptP}),
       ins AS (
         INSERT INTO cases (id, kind, reference, year, seq, subject, description, channel, received_at, client_name, client_address,
           client_phone, client_email, client_accommodation, client_is_councillor, department_id, register_department_id, assignee_id, current_step, progress,
           deadlines, due_at, event_at, repeat_of_case_id, follows_case_id, created_by, created_at)
         SELECT ${values.join(', ')}
         FROM counter, dep, case_registers r WHERE r.kind = ${kindP}
         RETURNING *),
       audit AS (${auditInsert(
         p,
         actor,
         [
           {
             entityType: 'case',
             entityId: sqlExpression('ins.id::text'),
             caseId: sqlExpression('ins.id'),
             action: 'create',
             after: sqlExpression(`to_jsonb(ins) - 'search_words' - 'due_sort'`),
           },
         ],
         { from: 'ins' },
       )})
       SELECT ${CASE_COLUMNS} FROM ins c JOIN dep d ON d.id = c.department_id LEFT JOIN users a ON a.id = c.assignee_id`,
    p.values,
  );
  return rows[0];
}

/** The reference format of the kind's register and the department's symbol. */
export async function selectRegisterFormat(
  db: EntityManager,
  kind: CaseKindName,
  departmentId: string,
): Promise<{ format: string; jrwa: string; symbol: string } | undefined> {
  const rows: { format: string; jrwa: string; symbol: string }[] = await db.query(
    `SELECT r.format, r.jrwa, d.symbol FROM case_registers r, departments d WHERE r.kind = $1 AND d.id = $2`,
    [kind, departmentId],
  );
  return rows[0];
}

/** One entry of a case's history: a recorded change or read. */
export interface HistoryRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  before: unknown;
  after: unknown;
}

export function selectHistory(db: EntityManager, caseId: string): Promise<HistoryRow[]> {
  return db.query(
    `SELECT id, at, actor_id, actor_name, entity_type, entity_id, action, before, after FROM audit_log WHERE case_id = $1 ORDER BY id`,
    [caseId],
  );
}

/** What the people and cases a case points to are, for CaseLinks to judge. */
export interface LinkFacts {
  assignee: { role: string; department_id: string; disabled: boolean } | null;
  repeat_of: { kind: string; outcome: string | null; visible: boolean; received_at: string } | null;
  follows: { kind: string; visible: boolean } | null;
  department_active: boolean | null;
}

/** One statement for every link; `visible` says whether `user` may see the case pointed to. */
export async function selectLinkFacts(
  db: EntityManager,
  user: SessionUser,
  links: {
    assigneeId: string | null;
    repeatOfCaseId: string | null;
    followsCaseId: string | null;
    targetDepartmentId: string | null;
  },
): Promise<LinkFacts> {
  const visible = `(department_id = $4 OR assignee_id = $5 OR $7)`;
  const rows: LinkFacts[] = await db.query(
    `SELECT (SELECT row_to_json(u) FROM (SELECT role, department_id, disabled FROM users WHERE id = $1) u) AS assignee,
              (SELECT row_to_json(c) FROM (SELECT kind, outcome, received_at, ${visible} AS visible FROM cases WHERE id = $2) c) AS repeat_of,
              (SELECT row_to_json(c) FROM (SELECT kind, ${visible} AS visible FROM cases WHERE id = $3) c) AS follows,
              (SELECT active FROM departments WHERE id = $6) AS department_active`,
    [
      links.assigneeId,
      links.repeatOfCaseId,
      links.followsCaseId,
      user.department.id,
      user.id,
      links.targetDepartmentId,
      user.role === 'quality',
    ],
  );
  return rows[0];
}
