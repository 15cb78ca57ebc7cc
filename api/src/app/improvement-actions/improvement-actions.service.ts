import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HistoryEntry, ImprovementActionResponse } from '@pu/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { selectEntityHistory } from '../audit/audit-history.queries';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { findReplay, requestHash } from '../common/idempotency';
import { saveIdempotentResponse } from '../common/idempotency.queries';
import { staleVersion } from '../common/versioning';
import type { CreateImprovementActionDto, UpdateImprovementActionDto } from './dto/improvement-action.dto';
import {
  deleteImprovementAction,
  type ImprovementActionChange,
  type ImprovementActionRow,
  insertImprovementAction,
  isUsableRootCause,
  selectImprovementAction,
  selectImprovementActions,
  updateImprovementAction,
} from './improvement-actions.queries';

export const toImprovementActionResponse = (r: ImprovementActionRow): ImprovementActionResponse => ({
  id: r.id,
  rootCause: r.root_cause,
  what: r.what,
  owner: r.owner,
  dueOn: r.due_on,
  doneOn: r.done_on,
  expectedEffect: r.expected_effect,
  createdAt: new Date(r.created_at).toISOString(),
  version: r.version,
});

const notFoundAction = () =>
  new DomainError('NOT_FOUND', { pl: 'Nie ma takiego działania doskonalącego.', en: 'No such improvement action.' });

const unusableCause = () =>
  new DomainError(
    'VALIDATION_FAILED',
    { pl: 'Wybierz aktywną kategorię przyczyny.', en: 'Choose an active root-cause category.' },
    { rootCause: ['Nie ma takiej aktywnej kategorii przyczyny.'] },
  );

/** Standard 20 closes the loop: for an area the complaints point to, what the office does, who, by when. */
@Injectable()
export class ImprovementActionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(rootCause?: string): Promise<ImprovementActionResponse[]> {
    return (await selectImprovementActions(this.db.manager, rootCause)).map(toImprovementActionResponse);
  }

  async get(id: string): Promise<ImprovementActionResponse> {
    const row = await selectImprovementAction(this.db.manager, id);
    if (!row) throw notFoundAction();
    return toImprovementActionResponse(row);
  }

  async history(id: string): Promise<HistoryEntry[]> {
    await this.get(id);
    return selectEntityHistory(this.db.manager, 'improvement_action', id);
  }

  async create(
    dto: CreateImprovementActionDto,
    actor: Actor,
    idempotencyKey: string | null,
  ): Promise<ImprovementActionResponse> {
    if (!(await isUsableRootCause(this.db.manager, dto.rootCause, null))) throw unusableCause();
    const idempotency = idempotencyKey
      ? { key: idempotencyKey, hash: requestHash('POST /improvement-actions', dto) }
      : null;
    const inserted = await insertImprovementAction(
      this.db.manager,
      {
        id: randomUUID(),
        rootCause: dto.rootCause,
        what: dto.what,
        owner: dto.owner,
        dueOn: dto.dueOn,
        doneOn: dto.doneOn ?? null,
        expectedEffect: dto.expectedEffect,
        createdBy: actor.userId,
        createdAt: this.clock.now(),
      },
      actor,
      idempotency,
    );
    if (!inserted) {
      // Only the idempotency gate can hold the insert back: this key was used before.
      if (!idempotency) throw new Error('Creating the improvement action inserted no row');
      const replay = await findReplay(this.db.manager, actor.userId, idempotency.key, idempotency.hash);
      return (replay.response as ImprovementActionResponse | null) ?? (await this.get(replay.resource_id));
    }
    const response = toImprovementActionResponse(inserted);
    if (idempotency) await saveIdempotentResponse(this.db.manager, actor.userId, idempotency.key, response);
    return response;
  }

  async update(
    id: string,
    version: number,
    dto: UpdateImprovementActionDto,
    actor: Actor,
  ): Promise<ImprovementActionResponse> {
    return this.db.transaction(async (m) => {
      const before = await selectImprovementAction(m, id);
      if (!before) throw notFoundAction();
      if (dto.rootCause !== undefined && !(await isUsableRootCause(m, dto.rootCause, before.root_cause)))
        throw unusableCause();
      const set: ImprovementActionChange = {
        root_cause: dto.rootCause,
        what: dto.what,
        owner: dto.owner,
        due_on: dto.dueOn,
        done_on: dto.doneOn,
        expected_effect: dto.expectedEffect,
      };
      const after = await updateImprovementAction(m, id, version, set);
      if (!after) throw staleVersion();
      await this.audit.record(m, actor, {
        entityType: 'improvement_action',
        entityId: id,
        action: 'update',
        before: toImprovementActionResponse(before),
        after: toImprovementActionResponse(after),
      });
      return toImprovementActionResponse(after);
    });
  }

  async remove(id: string, version: number, actor: Actor): Promise<void> {
    await this.db.transaction(async (m) => {
      const before = await selectImprovementAction(m, id);
      if (!before) throw notFoundAction();
      if (!(await deleteImprovementAction(m, id, version))) throw staleVersion();
      await this.audit.record(m, actor, {
        entityType: 'improvement_action',
        entityId: id,
        action: 'delete',
        before: toImprovementActionResponse(before),
      });
    });
  }
}
