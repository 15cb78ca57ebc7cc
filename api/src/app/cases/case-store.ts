import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditRecord } from '../audit/audit.service';
import type { SessionUser } from '../auth/session-user';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/domain-error';
import { staleVersion } from '../common/versioning';
import { type CaseColumn, type CaseRow, selectCase, selectCaseRecordingRead, updateCase } from './cases.queries';

export const caseNotFound = () => notFound('Nie znaleziono sprawy albo nie masz do niej dostępu.');
export const caseClosed = () =>
  new DomainError('WORKFLOW_STEP_NOT_ALLOWED', 'Sprawa jest zamknięta: nie można jej już zmieniać.');

/**
 * Reads and writes case rows for one user. Every read checks the user's access (another department's case
 * is "not found"); every write is a conditional UPDATE on the version with its audit rows in the same
 * statement, so a stale edit changes nothing and no change goes unrecorded.
 */
@Injectable()
export class CaseStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async load(user: SessionUser, id: string): Promise<CaseRow> {
    const row = await selectCase(this.db.manager, user, id);
    if (!row) throw caseNotFound();
    return row;
  }

  /** Loads a case and records, in the same statement, that its client's personal data was read (standard 12). */
  async loadRecordingRead(user: SessionUser, id: string, actor: Actor): Promise<CaseRow> {
    const row = await selectCaseRecordingRead(this.db.manager, user, id, actor);
    if (!row) throw caseNotFound();
    return row;
  }

  async update(
    id: string,
    version: number,
    set: Partial<Record<CaseColumn, unknown>>,
    actor: Actor,
    audits: AuditRecord[],
  ): Promise<CaseRow> {
    // Every recorded change is activity: the dashboard's "idle" cases are those with none for a while.
    const row = await updateCase(
      this.db.manager,
      id,
      version,
      { ...set, last_activity_at: this.clock.now() },
      actor,
      audits,
    );
    if (!row) throw staleVersion();
    return row;
  }
}
