import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PromiseResponse } from '@pu/contracts';
import { defaultPromiseDue, endOfToday, validatePromiseReschedule } from '@pu/workflow';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../auth/session-user';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { DomainError, forbidden, notFound, validationFailed } from '../common/domain-error';
import { findReplay, requestHash } from '../common/idempotency';
import { saveIdempotentResponse } from '../common/idempotency.queries';
import { staleVersion } from '../common/versioning';
import { CaseStore } from '../cases/case-store';
import type { CreatePromiseDto, PromiseListQueryDto, UpdatePromiseDto } from './dto/promise.dto';
import { toPromiseResponse } from './promise-mapper';
import {
  insertPromise,
  type PromiseChange,
  type PromiseRow,
  selectPromise,
  selectPromises,
  selectPromisesOfCase,
  updatePromise,
} from './promises.queries';

/** A promise may be logged a few minutes after it was made in conversation; not further back. */
const PAST_TOLERANCE_MS = 5 * 60_000;

/** Follow-up promises (standards 17, 20, 21): logged, kept, rescheduled only after telling the client, broken by the clock. */
@Injectable()
export class PromisesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseStore,
    private readonly clock: Clock,
  ) {}

  async create(
    actor: Actor,
    caseId: string,
    dto: CreatePromiseDto,
    idempotencyKey: string | null,
  ): Promise<PromiseResponse> {
    const row = await this.cases.load(actor.user, caseId);
    if (row.status === 'closed')
      throw new DomainError('WORKFLOW_STEP_NOT_ALLOWED', 'Sprawa jest zamknięta: nie można dodać obietnicy.');
    const now = this.clock.now();
    const dueAt = dto.dueAt ? new Date(dto.dueAt) : defaultPromiseDue(dto.channel, now);
    if (dueAt.getTime() < now.getTime() - PAST_TOLERANCE_MS)
      throw validationFailed({ dueAt: ['Termin obietnicy nie może być w przeszłości.'] });
    const id = randomUUID();
    const hash = idempotencyKey ? requestHash(`POST /cases/${caseId}/promises`, dto) : null;
    const idempotency = idempotencyKey && hash ? { key: idempotencyKey, hash } : null;
    const inserted = await insertPromise(
      this.db.manager,
      {
        id,
        caseId,
        description: dto.description,
        channel: dto.channel,
        dueAt,
        createdBy: actor.userId,
        createdAt: now,
      },
      actor,
      idempotency,
    );
    if (!inserted) {
      // Only the idempotency gate can hold the insert back: this key was used before.
      if (!idempotency) throw new Error('Creating the promise inserted no row');
      const replay = await findReplay(this.db.manager, actor.userId, idempotency.key, idempotency.hash);
      return (
        (replay.response as PromiseResponse | null) ?? (await this.loadForUser(actor.user, replay.resource_id)).response
      );
    }
    const response = toPromiseResponse(inserted, now);
    if (idempotency) await saveIdempotentResponse(this.db.manager, actor.userId, idempotency.key, response);
    return response;
  }

  async listForCase(user: SessionUser, caseId: string): Promise<PromiseResponse[]> {
    await this.cases.load(user, caseId);
    const rows = await selectPromisesOfCase(this.db.manager, caseId);
    const now = this.clock.now();
    return rows.map((r) => toPromiseResponse(r, now));
  }

  /** "My open promises" for a clerk; overdue promises by department for managers and the quality officer. */
  async list(user: SessionUser, q: PromiseListQueryDto): Promise<PromiseResponse[]> {
    const scope = q.scope ?? 'mine';
    let departmentId: string | undefined;
    if (scope === 'department') {
      departmentId = q.departmentId ?? user.department.id;
      if (user.role !== 'quality' && departmentId !== user.department.id)
        throw forbidden('Widzisz obietnice tylko swojego wydziału.');
    }
    if (scope === 'all') {
      if (user.role !== 'quality')
        throw forbidden('Obietnice wszystkich wydziałów widzi tylko osoba odpowiedzialna za jakość.');
      departmentId = q.departmentId;
    }
    const now = this.clock.now();
    const rows = await selectPromises(this.db.manager, {
      createdBy: scope === 'mine' ? user : undefined,
      departmentId,
      creatorId: scope === 'mine' ? undefined : q.createdBy,
      state: q.state ?? 'open',
      now,
      todayEnds: endOfToday(now),
      limit: q.limit ?? 100,
    });
    return rows.map((r) => toPromiseResponse(r, now));
  }

  async update(actor: Actor, id: string, version: number, dto: UpdatePromiseDto): Promise<PromiseResponse> {
    const { row } = await this.loadForUser(actor.user, id);
    if (row.version !== version) throw staleVersion();
    const now = this.clock.now();
    const set: PromiseChange = {};
    const fields: Record<string, string[]> = {};
    if (row.kept_at && (dto.kept !== undefined || dto.dueAt || dto.keptAt))
      fields['kept'] = ['Obietnica jest już dotrzymana: nie można jej zmienić.'];
    if (dto.kept === false)
      fields['kept'] = ['Dotrzymania obietnicy nie można cofnąć; w razie pomyłki dodaj nową obietnicę.'];
    if (dto.kept === true || dto.keptAt) {
      const keptAt = dto.keptAt ? new Date(dto.keptAt) : now;
      if (keptAt.getTime() > now.getTime() + PAST_TOLERANCE_MS)
        fields['keptAt'] = ['Data dotrzymania nie może być w przyszłości.'];
      if (keptAt.getTime() < new Date(row.created_at).getTime() - PAST_TOLERANCE_MS)
        fields['keptAt'] = ['Obietnicy nie można dotrzymać przed jej złożeniem.'];
      set.kept_at = keptAt;
    }
    if (dto.dueAt) {
      if (set.kept_at) fields['dueAt'] = ['Nie można jednocześnie dotrzymać obietnicy i zmienić jej terminu.'];
      const errors = validatePromiseReschedule(
        {
          currentDueAt: new Date(row.due_at).toISOString(),
          newDueAt: dto.dueAt,
          clientToldAt: dto.clientToldAt ?? null,
        },
        now,
      );
      if (errors) Object.assign(fields, renameKey(errors, 'newDueAt', 'dueAt'));
      set.due_at = new Date(dto.dueAt);
      set.last_client_told_at = dto.clientToldAt ? new Date(dto.clientToldAt) : null;
      set.reschedule_count = row.reschedule_count + 1;
      // Rescheduling after the due time has passed does not erase that the promise was broken.
      set.broken_before_reschedule = row.broken_before_reschedule || new Date(row.due_at).getTime() < now.getTime();
    } else if (dto.clientToldAt) {
      fields['clientToldAt'] = ['Podaj nowy termin obietnicy (dueAt), o którym poinformowano klienta.'];
    }
    if (dto.description) set.description = dto.description;
    if (Object.keys(fields).length) throw validationFailed(fields);
    if (Object.keys(set).length === 0) throw validationFailed({ kept: ['Nie podano żadnej zmiany.'] });

    const action = set.kept_at ? 'keep_promise' : set.due_at ? 'reschedule_promise' : 'update_promise';
    const updated = await updatePromise(this.db.manager, id, version, set, {
      actor,
      action,
      before: snapshot(row),
      at: now,
    });
    if (!updated) throw staleVersion();
    return toPromiseResponse(updated, now);
  }

  private async loadForUser(user: SessionUser, id: string): Promise<{ row: PromiseRow; response: PromiseResponse }> {
    const row = await selectPromise(this.db.manager, user, id);
    if (!row) throw notFound('Nie znaleziono obietnicy albo nie masz do niej dostępu.');
    return { row, response: toPromiseResponse(row, this.clock.now()) };
  }
}

const snapshot = (row: PromiseRow) => ({
  dueAt: row.due_at,
  keptAt: row.kept_at,
  description: row.description,
  version: row.version,
});
const renameKey = (errors: Record<string, string[]>, from: string, to: string) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === from ? to : k, v]));
