import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CasePage, CaseResponse, HistoryEntry } from '@pu/contracts';
import {
  caseEventAt,
  clientChangeErrors,
  computeDeadlines,
  currentStep,
  emptyProgress,
  eventChangeErrors,
  eventFieldOf,
  mainDueAt,
  newCaseErrors,
  referencePieces,
  warsawDate,
} from '@pu/workflow';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { auditInsert, sqlExpression } from '../audit/audit-insert';
import type { SessionUser } from '../auth/session-user';
import type { Actor } from '../common/actor';
import { validationFailed } from '../common/domain-error';
import { findReplay, requestHash, storeResponse } from '../common/idempotency';
import { SqlParams } from '../common/sql-params';
import { staleVersion } from '../common/versioning';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { buildCaseListQuery, toCasePage, type ListRow } from './case-list';
import { informHours } from './case-derived';
import { toCaseResponse } from './case-mapper';
import { CASE_COLUMNS, type CaseRow } from './case-row';
import { caseClosed, CaseStore } from './case-store';
import { CaseLinks } from './case-links';
import { PreparedQueries } from '../database/prepared-queries';
import type { CaseListQueryDto } from './dto/case-list-query.dto';
import type { CreateCaseDto } from './dto/create-case.dto';
import type { UpdateCaseDto } from './dto/update-case.dto';

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: CaseStore,
    private readonly links: CaseLinks,
    private readonly prepared: PreparedQueries,
  ) {}

  async create(dto: CreateCaseDto, actor: Actor, idempotencyKey: string | null): Promise<CaseResponse> {
    const user = actor.user;
    const hash = idempotencyKey ? requestHash('POST /cases', dto) : null;
    const departmentId = dto.departmentId ?? user.department.id;
    this.validateNew(dto, user, departmentId);
    const receivedAt = dto.receivedAt ? new Date(dto.receivedAt) : new Date();
    const now = new Date();
    const year = Number(warsawDate(now).slice(0, 4));
    const [register] = await Promise.all([
      this.register(dto.kind, departmentId),
      this.links.validate(user, {
        assigneeId: dto.assigneeId,
        departmentId,
        repeatOfCaseId: dto.repeatOfCaseId,
        followsCaseId: dto.followsCaseId,
        kind: dto.kind,
        receivedAt,
      }),
    ]);

    const id = randomUUID();
    const eventAt = caseEventAt(dto.kind, { receivedAt, discoveredAt: dto.discoveredAt, incidentAt: dto.incidentAt });
    const deadlines = computeDeadlines({
      kind: dto.kind,
      receivedAt,
      eventAt,
      isCouncillor: dto.client.isCouncillorOrMp ?? false,
      officeErrorInformWorkingDays: this.config.officeErrorInformWorkingDays,
    });
    const progress = emptyProgress(dto.kind);
    // The register's format is applied by @pu/workflow; the statement only puts in the number its counter issues.
    const pieces = referencePieces(register.format, { department: register.symbol, jrwa: register.jrwa, year });
    const assigneeId = dto.assigneeId === undefined ? user.id : dto.assigneeId;

    const p = new SqlParams();
    const [idP, kindP, deptP, yearP, userP] = [
      p.add(id),
      p.add(dto.kind),
      p.add(departmentId),
      p.add(year),
      p.add(user.id),
    ];
    const c = dto.client;
    const values = [
      idP,
      kindP,
      `array_to_string(${p.add(pieces)}::text[], counter.last_n::text)`,
      yearP,
      'counter.last_n',
      p.add(dto.subject),
      p.add(dto.description ?? null),
      p.add(dto.channel),
      p.add(receivedAt),
      p.add(c.name ?? null),
      p.add(c.address ?? null),
      p.add(c.phone ?? null),
      p.add(c.email ?? null),
      p.add(c.accommodation ?? null),
      p.add(c.isCouncillorOrMp ?? false),
      deptP,
      deptP,
      p.add(assigneeId),
      p.add(currentStep(progress)),
      p.json(progress),
      p.json(deadlines),
      p.add(mainDueAt(deadlines)),
      p.add(eventAt),
      p.add(dto.repeatOfCaseId ?? null),
      p.add(dto.followsCaseId ?? null),
      userP,
      p.add(now),
    ];
    const idemCte = idempotencyKey
      ? `idem AS (INSERT INTO idempotency_keys (user_id, key, scope, request_hash, resource_id)
                  VALUES (${userP}, ${p.add(idempotencyKey)}, 'POST /cases', ${p.add(hash)}, ${idP}) ON CONFLICT DO NOTHING RETURNING 1),`
      : '';
    const gate = idempotencyKey ? 'EXISTS (SELECT 1 FROM idem)' : 'TRUE';
    // Number, case and audit row in one statement: the register has no gaps because the counter's increment
    // commits or rolls back with the case itself.
    const rows: CaseRow[] = await this.db.query(
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
             after: sqlExpression(`to_jsonb(ins) - 'search_text' - 'due_sort'`),
           },
         ],
         { from: 'ins' },
       )})
       SELECT ${CASE_COLUMNS.replace('d.symbol AS department_symbol, d.name AS department_name', 'dep.symbol AS department_symbol, dep.name AS department_name')}
       FROM ins c JOIN dep ON dep.id = c.department_id LEFT JOIN users a ON a.id = c.assignee_id`,
      p.values,
    );
    if (!rows[0]) {
      // Only the idempotency gate can hold the insert back: this key was used before.
      if (!idempotencyKey || !hash) throw new Error('Registering the case inserted no row');
      const replay = await findReplay(this.db, user.id, idempotencyKey, hash);
      return (
        (replay.response as CaseResponse | null) ?? toCaseResponse(await this.store.load(user, replay.resource_id))
      );
    }
    const response = toCaseResponse(rows[0]);
    if (idempotencyKey) await storeResponse(this.db, user.id, idempotencyKey, response);
    return response;
  }

  private validateNew(dto: CreateCaseDto, user: SessionUser, departmentId: string): void {
    const fields: Record<string, string[]> = {};
    if (departmentId !== user.department.id) {
      fields['departmentId'] = [
        'Sprawę rejestruje się we własnym wydziale; potem można ją przekazać do właściwego wydziału.',
      ];
    }
    Object.assign(fields, newCaseErrors(dto, new Date()));
    if (Object.keys(fields).length) throw validationFailed(fields);
  }

  /** The reference format of the kind's register and the department's symbol. */
  private async register(
    kind: string,
    departmentId: string,
  ): Promise<{ format: string; jrwa: string; symbol: string }> {
    const rows: { format: string; jrwa: string; symbol: string }[] = await this.db.query(
      `SELECT r.format, r.jrwa, d.symbol FROM case_registers r, departments d WHERE r.kind = $1 AND d.id = $2`,
      [kind, departmentId],
    );
    if (!rows[0]) throw new Error(`No register for ${kind} or no department ${departmentId}`);
    return rows[0];
  }

  async list(user: SessionUser, query: CaseListQueryDto): Promise<CasePage> {
    const { sql, params, limit, sortName } = buildCaseListQuery(user, query);
    // A text search is planned for its own pattern (a generic plan cannot judge '%…%' selectivity).
    const rows: ListRow[] = query.q
      ? await this.db.query(sql, params)
      : await this.prepared.query<ListRow>(sql, params);
    return toCasePage(rows, limit, sortName);
  }

  async get(actor: Actor, id: string): Promise<CaseResponse> {
    return toCaseResponse(await this.store.loadRecordingRead(actor.user, id, actor));
  }

  async update(actor: Actor, id: string, version: number, dto: UpdateCaseDto): Promise<CaseResponse> {
    const row = await this.store.load(actor.user, id);
    if (row.version !== version) throw staleVersion();
    if (row.status === 'closed') throw caseClosed();
    await this.links.validate(actor.user, {
      repeatOfCaseId: dto.repeatOfCaseId,
      followsCaseId: dto.followsCaseId,
      kind: row.kind,
      selfId: id,
      receivedAt: new Date(row.received_at),
    });
    const set: Record<string, unknown> = {};
    if (dto.subject !== undefined) set['subject'] = dto.subject;
    if (dto.description !== undefined) set['description'] = dto.description;
    if (dto.channel !== undefined) set['channel'] = dto.channel;
    if (dto.repeatOfCaseId !== undefined) set['repeat_of_case_id'] = dto.repeatOfCaseId;
    if (dto.followsCaseId !== undefined) set['follows_case_id'] = dto.followsCaseId;
    const c = dto.client;
    if (c) {
      const map = {
        name: 'client_name',
        address: 'client_address',
        phone: 'client_phone',
        email: 'client_email',
        accommodation: 'client_accommodation',
        isCouncillorOrMp: 'client_is_councillor',
      } as const;
      for (const [field, column] of Object.entries(map)) {
        const value = c[field as keyof typeof c];
        if (value !== undefined) set[column] = value;
      }
      const after = {
        name: (set['client_name'] ?? row.client_name) as string | null,
        address: (set['client_address'] ?? row.client_address) as string | null,
      };
      const clientErrors = clientChangeErrors(
        row.kind,
        row.progress,
        { name: row.client_name, address: row.client_address },
        after,
      );
      if (Object.keys(clientErrors).length) throw validationFailed(clientErrors);
    }
    // The kind's event (an error's discovery, the incident) is asked at registration and may be corrected here;
    // the deadline that runs from it follows, with its explanation.
    const eventField = eventFieldOf(row.kind);
    const eventErrors = eventChangeErrors(row.kind, dto);
    if (Object.keys(eventErrors).length) throw validationFailed(eventErrors);
    const eventAt = eventField && dto[eventField] !== undefined ? new Date(dto[eventField]) : null;
    if (eventAt && eventAt.getTime() !== row.event_at?.getTime()) {
      set['event_at'] = eventAt;
      if (row.kind === 'office_error') set['inform_hours'] = informHours(eventAt, row.progress);
    }
    if (
      set['event_at'] !== undefined ||
      (c?.isCouncillorOrMp !== undefined && c.isCouncillorOrMp !== row.client_is_councillor)
    ) {
      const deadlines = computeDeadlines(
        {
          kind: row.kind,
          receivedAt: new Date(row.received_at),
          eventAt: (set['event_at'] as Date | undefined) ?? row.event_at,
          isCouncillor: c?.isCouncillorOrMp ?? row.client_is_councillor,
          progress: row.progress,
          officeErrorInformWorkingDays: this.config.officeErrorInformWorkingDays,
        },
        row.deadlines,
      );
      set['deadlines'] = deadlines;
      set['due_at'] = mainDueAt(deadlines);
    }
    if (Object.keys(set).length === 0) return toCaseResponse(row);
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, row[k as keyof CaseRow] ?? null]));
    const updated = await this.store.update(id, version, set, actor, [
      { entityType: 'case', entityId: id, action: 'update', before, after: set },
    ]);
    return toCaseResponse(updated);
  }

  async history(user: SessionUser, id: string): Promise<HistoryEntry[]> {
    await this.store.load(user, id);
    const rows: {
      id: string;
      at: Date;
      actor_id: string | null;
      actor_name: string | null;
      entity_type: string;
      entity_id: string;
      action: string;
      before: unknown;
      after: unknown;
    }[] = await this.db.query(
      `SELECT id, at, actor_id, actor_name, entity_type, entity_id, action, before, after FROM audit_log WHERE case_id = $1 ORDER BY id`,
      [id],
    );
    return rows.map((r) => ({
      id: String(r.id),
      at: new Date(r.at).toISOString(),
      actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
      entityType: r.entity_type,
      entityId: r.entity_id,
      action: r.action,
      before: r.before,
      after: r.after,
    }));
  }
}
