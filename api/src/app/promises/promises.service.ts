import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PromiseResponse } from '@pu/contracts';
import { defaultPromiseDue, validatePromiseReschedule } from '@pu/workflow';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../auth/session-user';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { DomainError, forbidden, notFound, validationFailed } from '../common/domain-error';
import { findReplay, requestHash, storeResponse } from '../common/idempotency';
import { staleVersion } from '../common/versioning';
import { caseAccessCondition } from '../cases/case-access';
import { CaseStore } from '../cases/case-store';
import type { CreatePromiseDto, PromiseListQueryDto, UpdatePromiseDto } from './dto/promise.dto';
import { PROMISE_COLUMNS, PROMISE_JOINS, type PromiseRow, toPromiseResponse } from './promise-row';

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
    const params: unknown[] = [
      id,
      caseId,
      dto.description,
      dto.channel,
      dueAt,
      actor.userId,
      now,
      actor.name,
      actor.requestId,
    ];
    let idemCte = '';
    let gate = 'TRUE';
    if (idempotencyKey) {
      params.push(idempotencyKey, hash);
      idemCte = `idem AS (INSERT INTO idempotency_keys (user_id, key, scope, request_hash, resource_id)
                          VALUES ($6, $10, 'POST /promises', $11, $1) ON CONFLICT DO NOTHING RETURNING 1),`;
      gate = 'EXISTS (SELECT 1 FROM idem)';
    }
    const rows: PromiseRow[] = await this.db.query(
      `WITH ${idemCte}
       ins AS (INSERT INTO promises (id, case_id, description, channel, due_at, created_by, created_at)
               SELECT $1, $2, $3, $4, $5, $6, $7 WHERE ${gate} RETURNING *),
       counted AS (UPDATE cases SET promise_count = promise_count + 1 WHERE id = (SELECT case_id FROM ins)),
       audit AS (INSERT INTO audit_log (actor_id, actor_name, entity_type, entity_id, case_id, action, after, request_id)
                 SELECT $6, $8, 'promise', ins.id::text, ins.case_id, 'create_promise', to_jsonb(ins), $9 FROM ins)
       SELECT ${PROMISE_COLUMNS.replace(/\bp\./g, 'ins.')}
       FROM ins JOIN cases c ON c.id = ins.case_id JOIN departments d ON d.id = c.department_id JOIN users u ON u.id = ins.created_by`,
      params,
    );
    if (!rows[0]) {
      // Only the idempotency gate can hold the insert back: this key was used before.
      if (!idempotencyKey || !hash) throw new Error('Creating the promise inserted no row');
      const replay = await findReplay(this.db, actor.userId, idempotencyKey, hash);
      return (
        (replay.response as PromiseResponse | null) ?? (await this.loadForUser(actor.user, replay.resource_id)).response
      );
    }
    const response = toPromiseResponse(rows[0], now);
    if (idempotencyKey) await storeResponse(this.db, actor.userId, idempotencyKey, response);
    return response;
  }

  async listForCase(user: SessionUser, caseId: string): Promise<PromiseResponse[]> {
    await this.cases.load(user, caseId);
    const rows: PromiseRow[] = await this.db.query(
      `SELECT ${PROMISE_COLUMNS} FROM promises p ${PROMISE_JOINS} WHERE p.case_id = $1 ORDER BY p.due_at, p.id`,
      [caseId],
    );
    const now = this.clock.now();
    return rows.map((r) => toPromiseResponse(r, now));
  }

  /** "My open promises" for a clerk; overdue promises by department for managers and the quality officer. */
  async list(user: SessionUser, q: PromiseListQueryDto): Promise<PromiseResponse[]> {
    const scope = q.scope ?? 'mine';
    const params: unknown[] = [];
    const add = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (scope === 'mine') {
      where.push(`p.created_by = ${add(user.id)}`);
      // A case transferred to another department takes its promises with it (standard 12: who sees what).
      const access = caseAccessCondition(user, params.length + 1);
      params.push(...access.params);
      where.push(access.sql);
    }
    if (scope === 'department') {
      const departmentId = q.departmentId ?? user.department.id;
      if (user.role !== 'quality' && departmentId !== user.department.id)
        throw forbidden('Widzisz obietnice tylko swojego wydziału.');
      where.push(`c.department_id = ${add(departmentId)}`);
    }
    if (scope === 'all') {
      if (user.role !== 'quality')
        throw forbidden('Obietnice wszystkich wydziałów widzi tylko osoba odpowiedzialna za jakość.');
      if (q.departmentId) where.push(`c.department_id = ${add(q.departmentId)}`);
    }
    const now = this.clock.now();
    const state = q.state ?? 'open';
    if (state === 'open') where.push(`p.kept_at IS NULL AND p.due_at >= ${add(now)}`);
    if (state === 'overdue') where.push(`p.kept_at IS NULL AND p.due_at < ${add(now)}`);
    if (state === 'kept') where.push(`p.kept_at IS NOT NULL`);
    const rows: PromiseRow[] = await this.db.query(
      `SELECT ${PROMISE_COLUMNS} FROM promises p ${PROMISE_JOINS} WHERE ${where.join(' AND ') || 'TRUE'}
       ORDER BY d.symbol, p.due_at, p.id LIMIT ${add(q.limit ?? 100)}`,
      params,
    );
    return rows.map((r) => toPromiseResponse(r, now));
  }

  async update(actor: Actor, id: string, version: number, dto: UpdatePromiseDto): Promise<PromiseResponse> {
    const { row } = await this.loadForUser(actor.user, id);
    if (row.version !== version) throw staleVersion();
    const now = this.clock.now();
    const set: Record<string, unknown> = {};
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
      set['kept_at'] = keptAt;
    }
    if (dto.dueAt) {
      if (set['kept_at']) fields['dueAt'] = ['Nie można jednocześnie dotrzymać obietnicy i zmienić jej terminu.'];
      const errors = validatePromiseReschedule(
        {
          currentDueAt: new Date(row.due_at).toISOString(),
          newDueAt: dto.dueAt,
          clientToldAt: dto.clientToldAt ?? null,
        },
        now,
      );
      if (errors) Object.assign(fields, renameKey(errors, 'newDueAt', 'dueAt'));
      set['due_at'] = new Date(dto.dueAt);
      set['last_client_told_at'] = dto.clientToldAt ? new Date(dto.clientToldAt) : null;
      set['reschedule_count'] = row.reschedule_count + 1;
      // Rescheduling after the due time has passed does not erase that the promise was broken.
      set['broken_before_reschedule'] = row.broken_before_reschedule || new Date(row.due_at).getTime() < now.getTime();
    } else if (dto.clientToldAt) {
      fields['clientToldAt'] = ['Podaj nowy termin obietnicy (dueAt), o którym poinformowano klienta.'];
    }
    if (dto.description) set['description'] = dto.description;
    if (Object.keys(fields).length) throw validationFailed(fields);
    if (Object.keys(set).length === 0) throw validationFailed({ kept: ['Nie podano żadnej zmiany.'] });

    const params: unknown[] = [id, version, actor.userId, actor.name, actor.requestId];
    const assignments = Object.entries(set).map(([column, value]) => {
      params.push(value);
      return `${column} = $${params.length}`;
    });
    const action = set['kept_at'] ? 'keep_promise' : set['due_at'] ? 'reschedule_promise' : 'update_promise';
    params.push(JSON.stringify(snapshot(row)), JSON.stringify(set), action);
    const n = params.length;
    const rows: PromiseRow[] = await this.db.query(
      `WITH upd AS (UPDATE promises SET ${assignments.join(', ')}, version = version + 1 WHERE id = $1 AND version = $2 RETURNING *),
       audit AS (INSERT INTO audit_log (actor_id, actor_name, entity_type, entity_id, case_id, action, before, after, request_id)
                 SELECT $3, $4, 'promise', upd.id::text, upd.case_id, $${n}, $${n - 2}::jsonb, $${n - 1}::jsonb, $5 FROM upd)
       SELECT ${PROMISE_COLUMNS} FROM upd p ${PROMISE_JOINS}`,
      params,
    );
    if (!rows[0]) throw staleVersion();
    return toPromiseResponse(rows[0], now);
  }

  private async loadForUser(user: SessionUser, id: string): Promise<{ row: PromiseRow; response: PromiseResponse }> {
    const access = caseAccessCondition(user, 2);
    const rows: PromiseRow[] = await this.db.query(
      `SELECT ${PROMISE_COLUMNS} FROM promises p ${PROMISE_JOINS} WHERE p.id = $1 AND ${access.sql}`,
      [id, ...access.params],
    );
    if (!rows[0]) throw notFound('Nie znaleziono obietnicy albo nie masz do niej dostępu.');
    return { row: rows[0], response: toPromiseResponse(rows[0], this.clock.now()) };
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
