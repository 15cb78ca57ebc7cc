import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseHandover, CaseResponse, HandoverKind } from '@pu/contracts';
import {
  assignmentRefusal,
  assignTargetError,
  transferTarget,
  type AssignmentAction,
  type AssignmentCase,
  type AssignmentTarget,
  type LocalizedText,
} from '@pu/workflow';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { staleVersion } from '../common/versioning';
import type { NotificationEvent } from '../notifications/notification-event';
import { NotificationsService } from '../notifications/notifications.service';
import { toCaseResponse } from './case-mapper';
import { isActiveDepartment, selectAssigneeFacts, selectDepartmentManagerIds } from './case-assignment.queries';
import { CaseStore } from './case-store';
import { type CaseRow, updateCase } from './cases.queries';
import type { AssignCaseDto, TakeOverCaseDto, TransferCaseDto } from './dto/case-actions.dto';

const fieldError = (field: string, message: LocalizedText) =>
  new DomainError('VALIDATION_FAILED', message, { [field]: [message.pl] });

/**
 * Standard 17 pt 7–10: a case changes hands with a note of what it is about; the rules of who may are
 * @pu/workflow's (assignment.ts). The change, its audit entry, the handover shown on the case page and the
 * notification of whoever now has the case commit together.
 */
@Injectable()
export class CaseAssignmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: CaseStore,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async transfer(actor: Actor, id: string, version: number, dto: TransferCaseDto): Promise<CaseResponse> {
    const row = await this.loadFor('transfer', actor, id, version);
    const person = dto.assigneeId ? await this.assignable(dto.assigneeId) : null;
    const result = transferTarget(facts(row), dto, person);
    if ('field' in result) throw fieldError(result.field, result.message);
    const { target } = result;
    if (target.departmentId !== row.department_id && !(await isActiveDepartment(this.db.manager, target.departmentId)))
      throw fieldError('departmentId', {
        pl: 'Wybierz istniejący, aktywny wydział.',
        en: 'Choose an existing, active department.',
      });
    return this.save(actor, row, 'transfer', target, dto.note);
  }

  async assign(actor: Actor, id: string, version: number, dto: AssignCaseDto): Promise<CaseResponse> {
    const row = await this.loadFor('assign', actor, id, version);
    const person = dto.assigneeId ? await this.assignable(dto.assigneeId) : null;
    const problem = assignTargetError(facts(row), dto.assigneeId, person);
    if (problem) throw fieldError('assigneeId', problem);
    return this.save(
      actor,
      row,
      'assign',
      { departmentId: row.department_id, assigneeId: dto.assigneeId },
      dto.note ?? null,
    );
  }

  async takeOver(actor: Actor, id: string, version: number, dto: TakeOverCaseDto): Promise<CaseResponse> {
    const row = await this.loadFor('take_over', actor, id, version);
    return this.save(
      actor,
      row,
      'take_over',
      { departmentId: row.department_id, assigneeId: actor.userId },
      dto.note ?? null,
    );
  }

  private async loadFor(action: AssignmentAction, actor: Actor, id: string, version: number): Promise<CaseRow> {
    const row = await this.store.load(actor.user, id);
    if (row.version !== version) throw staleVersion();
    const refusal = assignmentRefusal(
      action,
      { id: actor.userId, role: actor.user.role, departmentId: actor.user.department.id },
      facts(row),
    );
    if (refusal) throw new DomainError(refusal.code, refusal.message);
    return row;
  }

  /** The department of someone a case may be given to (an active clerk or manager), or null. */
  private async assignable(userId: string): Promise<string | null> {
    const p = await selectAssigneeFacts(this.db.manager, userId);
    return p && !p.disabled && p.department_active && ['clerk', 'manager'].includes(p.role) ? p.department_id : null;
  }

  private async save(
    actor: Actor,
    row: CaseRow,
    kind: HandoverKind,
    target: AssignmentTarget,
    note: string | null,
  ): Promise<CaseResponse> {
    const now = this.clock.now();
    const handover: CaseHandover = {
      kind,
      note,
      at: now.toISOString(),
      by: { id: actor.userId, displayName: actor.name },
      fromDepartmentId: row.department_id,
      fromAssigneeId: row.assignee_id,
    };
    const updated = await this.db.transaction(async (m) => {
      const saved = await updateCase(
        m,
        row.id,
        row.version,
        { department_id: target.departmentId, assignee_id: target.assigneeId, handover, last_activity_at: now },
        actor,
        [
          {
            entityType: 'case',
            entityId: row.id,
            action: kind,
            before: { departmentId: row.department_id, assigneeId: row.assignee_id },
            after: { departmentId: target.departmentId, assigneeId: target.assigneeId, note },
          },
        ],
      );
      if (!saved) throw staleVersion();
      await this.notifications.notify(m, await this.events(m, saved, kind, note, actor));
      return saved;
    });
    return toCaseResponse(updated, this.clock.now());
  }

  /**
   * Whoever now has the case is told (never the one who gave it, who knows); a case sent to a department with
   * nobody assigned tells that department's managers. One event per case version, so a retry tells nobody twice.
   */
  private async events(
    m: import('typeorm').EntityManager,
    c: CaseRow,
    kind: HandoverKind,
    note: string | null,
    actor: Actor,
  ): Promise<NotificationEvent[]> {
    const recipients = c.assignee_id ? [c.assignee_id] : await selectDepartmentManagerIds(m, c.department_id);
    return recipients
      .filter((userId) => userId !== actor.userId)
      .map((userId) => ({
        userId,
        eventKey: `assigned:${c.id}:${c.version}`,
        kind: 'assigned' as const,
        caseId: c.id,
        dueAt: c.due_at,
        payload: {
          caseReference: c.reference,
          caseSubject: c.subject,
          handoverKind: kind,
          note,
          byName: actor.name,
          toDepartment: c.department_symbol,
          unassigned: c.assignee_id === null,
        },
      }));
  }
}

const facts = (row: CaseRow): AssignmentCase => ({
  departmentId: row.department_id,
  assigneeId: row.assignee_id,
  status: row.status,
});
