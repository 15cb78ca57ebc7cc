import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { auditInsert, sqlExpression } from '../audit/audit-insert';
import type { AuditRecord } from '../audit/audit.service';
import type { SessionUser } from '../auth/session-user';
import type { Actor } from '../common/actor';
import { DomainError, notFound } from '../common/domain-error';
import { SqlParams } from '../common/sql-params';
import { staleVersion } from '../common/versioning';
import { caseAccessCondition } from './case-access';
import { CASE_COLUMNS, CASE_JOINS, type CaseRow } from './case-row';

export const caseNotFound = () => notFound('Nie znaleziono sprawy albo nie masz do niej dostępu.');
export const caseClosed = () =>
  new DomainError('WORKFLOW_STEP_NOT_ALLOWED', 'Sprawa jest zamknięta: nie można jej już zmieniać.');

/** Columns a change may set; anything else is a programming error, never user input. */
type CaseColumn =
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
  | 'closed_at';

const JSON_COLUMNS = new Set<CaseColumn>(['progress', 'deadlines']);

/**
 * Reads and writes case rows for one user. Every read checks the user's access (another department's case
 * is "not found"); every write is a conditional UPDATE on the version with its audit rows in the same
 * statement, so a stale edit changes nothing and no change goes unrecorded.
 */
@Injectable()
export class CaseStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(user: SessionUser, id: string): Promise<CaseRow> {
    const access = caseAccessCondition(user, 2);
    const rows: CaseRow[] = await this.db.query(
      `SELECT ${CASE_COLUMNS} FROM cases c ${CASE_JOINS} WHERE c.id = $1 AND ${access.sql}`,
      [id, ...access.params],
    );
    if (!rows[0]) throw caseNotFound();
    return rows[0];
  }

  /** Loads a case and records, in the same statement, that its client's personal data was read (standard 12). */
  async loadRecordingRead(user: SessionUser, id: string, actor: Actor): Promise<CaseRow> {
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
    const rows: CaseRow[] = await this.db.query(
      `WITH found AS (SELECT ${CASE_COLUMNS} FROM cases c ${CASE_JOINS} WHERE c.id = $1 AND ${access.sql}),
       audit AS (${audit})
       SELECT * FROM found`,
      p.values,
    );
    if (!rows[0]) throw caseNotFound();
    return rows[0];
  }

  async update(
    id: string,
    version: number,
    set: Partial<Record<CaseColumn, unknown>>,
    actor: Actor,
    audits: AuditRecord[],
  ): Promise<CaseRow> {
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
    const rows: CaseRow[] = await this.db.query(
      `WITH upd AS (UPDATE cases SET ${[...assignments, 'version = version + 1'].join(', ')} WHERE id = $1 AND version = $2 RETURNING *),
       audit AS (${audit})
       SELECT ${CASE_COLUMNS} FROM upd c ${CASE_JOINS}`,
      p.values,
    );
    if (!rows[0]) throw staleVersion();
    return rows[0];
  }
}
