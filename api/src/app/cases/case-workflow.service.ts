import { Inject, Injectable } from '@nestjs/common';
import type { CaseResponse } from '@pu/contracts';
import type { CaseProgress, StepEntry } from '@pu/workflow';
import {
  closeCase,
  closingOutcome,
  completeStep,
  deadlineExtensionErrors,
  reopenLastStep,
  skipStep,
  workflowOf,
  type CaseKind,
} from '@pu/workflow';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RootCausesService } from '../root-causes/root-causes.service';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { validationFailed } from '../common/domain-error';
import { staleVersion } from '../common/versioning';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { derivedColumns } from './case-derived';
import { caseContext, toCaseResponse } from './case-mapper';
import type { CaseRow } from './cases.queries';
import { caseClosed, CaseStore } from './case-store';
import type { CloseCaseDto, DeadlineExtensionDto } from './dto/case-actions.dto';
import { stepResultError, violationError } from './workflow-violation';

/** Moves a case through its workflow. The rules are @pu/workflow's; this service loads, checks versions and stores. */
@Injectable()
export class CaseWorkflowService {
  constructor(
    private readonly store: CaseStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly rootCauses: RootCausesService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  private async loadCurrent(actor: Actor, id: string, version: number): Promise<CaseRow> {
    const row = await this.store.load(actor.user, id);
    if (row.version !== version) throw staleVersion();
    return row;
  }

  async completeStep(actor: Actor, id: string, version: number, stepId: string, data: unknown): Promise<CaseResponse> {
    const row = await this.loadCurrent(actor, id, version);
    const at = this.clock.now().toISOString();
    const ctx = caseContext(row);
    // The office's own categories (the quality officer's table), read only for the step that asks for one.
    if (asksForRootCause(row.kind, stepId))
      ctx.rootCauseCodes = await this.rootCauses.selectableCodes(this.db.manager, row.root_cause);
    const result = completeStep(row.progress, stepId, data, ctx, { at, by: actor.userId });
    if (!result.ok) throw stepResultError(result);
    const set = derivedColumns(row, result.progress, this.config.officeErrorInformWorkingDays);
    const updated = await this.store.update(id, version, set, actor, [
      {
        entityType: 'step',
        entityId: stepId,
        action: 'complete_step',
        before: row.progress.entries[stepId] ?? null,
        after: result.entry,
      },
      ...(result.loopedBackTo
        ? [
            {
              entityType: 'step',
              entityId: result.loopedBackTo,
              action: 'loop_back',
              // The entries sent back stay on the case (progress.earlier); the history names them too.
              after: { from: stepId, to: result.loopedBackTo, kept: keptByLoop(row.progress, result.progress) },
            },
          ]
        : []),
    ]);
    return toCaseResponse(updated, this.clock.now());
  }

  async skipStep(actor: Actor, id: string, version: number, stepId: string, reason: string): Promise<CaseResponse> {
    const row = await this.loadCurrent(actor, id, version);
    const result = skipStep(row.progress, stepId, reason, { at: this.clock.now().toISOString(), by: actor.userId });
    if (!result.ok) throw stepResultError(result);
    const set = derivedColumns(row, result.progress, this.config.officeErrorInformWorkingDays);
    const updated = await this.store.update(id, version, set, actor, [
      { entityType: 'step', entityId: stepId, action: 'skip_step', after: result.progress.entries[stepId] },
    ]);
    return toCaseResponse(updated, this.clock.now());
  }

  async reopenStep(actor: Actor, id: string, version: number, stepId: string, reason: string): Promise<CaseResponse> {
    const row = await this.loadCurrent(actor, id, version);
    const result = reopenLastStep(row.progress, stepId);
    if (!result.ok) throw violationError(result.violation);
    const set = derivedColumns(row, result.progress, this.config.officeErrorInformWorkingDays);
    const updated = await this.store.update(id, version, set, actor, [
      {
        entityType: 'step',
        entityId: result.reopened,
        action: 'reopen_step',
        before: row.progress.entries[result.reopened],
        after: { reason },
      },
    ]);
    return toCaseResponse(updated, this.clock.now());
  }

  async close(actor: Actor, id: string, version: number, dto: CloseCaseDto): Promise<CaseResponse> {
    const row = await this.loadCurrent(actor, id, version);
    const result = closeCase(row.progress, caseContext(row));
    if (!result.ok) throw violationError(result.violation);
    const outcome = closingOutcome(row.kind, result.progress);
    const closedAt = this.clock.now();
    const updated = await this.store.update(
      id,
      version,
      { progress: result.progress, status: 'closed', current_step: null, outcome, closed_at: closedAt },
      actor,
      [
        {
          entityType: 'case',
          entityId: id,
          action: 'close',
          before: { status: row.status },
          after: { status: 'closed', outcome, note: dto.note ?? null },
        },
      ],
    );
    return toCaseResponse(updated, this.clock.now());
  }

  /** KPA art. 36: a manager moves the date only with a reason, after the client was told the reason and the new date. */
  async extendDeadline(actor: Actor, id: string, version: number, dto: DeadlineExtensionDto): Promise<CaseResponse> {
    const row = await this.loadCurrent(actor, id, version);
    if (row.status === 'closed') throw caseClosed();
    const now = this.clock.now();
    const main = row.deadlines.main;
    if (!main) throw validationFailed({ newDue: ['Ta sprawa nie ma terminu załatwienia, który można przedłużyć.'] });
    const errors = deadlineExtensionErrors(
      { currentDue: main.due, newDue: dto.newDue, reason: dto.reason, clientToldAt: dto.clientToldAt },
      now,
    );
    if (errors) throw validationFailed(errors);
    const extension = {
      previousDue: main.due,
      newDue: dto.newDue,
      reason: dto.reason,
      clientToldAt: new Date(dto.clientToldAt).toISOString(),
      by: { id: actor.userId, displayName: actor.name },
      at: now.toISOString(),
    };
    const withExtension = {
      ...row,
      deadlines: { ...row.deadlines, extensions: [...row.deadlines.extensions, extension] },
    };
    const { deadlines, due_at } = derivedColumns(withExtension, row.progress, this.config.officeErrorInformWorkingDays);
    const updated = await this.store.update(id, version, { deadlines, due_at }, actor, [
      { entityType: 'deadline', entityId: id, action: 'extend_deadline', before: { due: main.due }, after: extension },
    ]);
    return toCaseResponse(updated, this.clock.now());
  }
}

const asksForRootCause = (kind: CaseKind, stepId: string): boolean =>
  workflowOf(kind).steps.some((s) => s.id === stepId && s.fields.some((f) => f.optionsFrom === 'rootCauses'));

/** The entries a loop moved into `earlier`: the ones that are there now and were not before. */
function keptByLoop(before: CaseProgress, after: CaseProgress): StepEntry[] {
  return Object.entries(after.earlier ?? {}).flatMap(([id, list]) => list.slice(before.earlier?.[id]?.length ?? 0));
}
