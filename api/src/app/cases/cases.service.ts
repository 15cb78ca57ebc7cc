import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseKindName, CasePage, CaseResponse, HistoryEntry } from '@pu/contracts';
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
import type { SessionUser } from '../auth/session-user';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { validationFailed } from '../common/domain-error';
import { findReplay, requestHash } from '../common/idempotency';
import { saveIdempotentResponse } from '../common/idempotency.queries';
import { staleVersion } from '../common/versioning';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { selectCaseList, toCasePage } from './case-list.queries';
import { informHours } from './case-derived';
import { toCaseResponse } from './case-mapper';
import { type CaseRow, insertCase, selectHistory, selectRegisterFormat } from './cases.queries';
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
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateCaseDto, actor: Actor, idempotencyKey: string | null): Promise<CaseResponse> {
    const user = actor.user;
    const hash = idempotencyKey ? requestHash('POST /cases', dto) : null;
    const departmentId = dto.departmentId ?? user.department.id;
    const now = this.clock.now();
    this.validateNew(dto, user, departmentId, now);
    const receivedAt = dto.receivedAt ? new Date(dto.receivedAt) : now;
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

    const c = dto.client;
    const idempotency = idempotencyKey && hash ? { key: idempotencyKey, hash } : null;
    const row = await insertCase(
      this.db.manager,
      {
        id,
        kind: dto.kind,
        departmentId,
        year,
        referencePieces: pieces,
        subject: dto.subject,
        description: dto.description ?? null,
        channel: dto.channel,
        receivedAt,
        client: {
          name: c.name ?? null,
          address: c.address ?? null,
          phone: c.phone ?? null,
          email: c.email ?? null,
          accommodation: c.accommodation ?? null,
          isCouncillor: c.isCouncillorOrMp ?? false,
        },
        assigneeId,
        currentStep: currentStep(progress),
        progress,
        deadlines,
        dueAt: mainDueAt(deadlines),
        eventAt,
        repeatOfCaseId: dto.repeatOfCaseId ?? null,
        followsCaseId: dto.followsCaseId ?? null,
        createdBy: user.id,
        createdAt: now,
      },
      actor,
      idempotency,
    );
    if (!row) {
      // Only the idempotency gate can hold the insert back: this key was used before.
      if (!idempotency) throw new Error('Registering the case inserted no row');
      const replay = await findReplay(this.db.manager, user.id, idempotency.key, idempotency.hash);
      return (
        (replay.response as CaseResponse | null) ??
        toCaseResponse(await this.store.load(user, replay.resource_id), this.clock.now())
      );
    }
    const response = toCaseResponse(row, now);
    if (idempotency) await saveIdempotentResponse(this.db.manager, user.id, idempotency.key, response);
    return response;
  }

  private validateNew(dto: CreateCaseDto, user: SessionUser, departmentId: string, now: Date): void {
    const fields: Record<string, string[]> = {};
    if (departmentId !== user.department.id) {
      fields['departmentId'] = [
        'Sprawę rejestruje się we własnym wydziale; potem można ją przekazać do właściwego wydziału.',
      ];
    }
    Object.assign(fields, newCaseErrors(dto, now));
    if (Object.keys(fields).length) throw validationFailed(fields);
  }

  /** The reference format of the kind's register and the department's symbol. */
  private async register(
    kind: CaseKindName,
    departmentId: string,
  ): Promise<{ format: string; jrwa: string; symbol: string }> {
    const register = await selectRegisterFormat(this.db.manager, kind, departmentId);
    if (!register) throw new Error(`No register for ${kind} or no department ${departmentId}`);
    return register;
  }

  async list(user: SessionUser, query: CaseListQueryDto): Promise<CasePage> {
    const now = this.clock.now();
    const { rows, limit, sortName, total } = await selectCaseList(this.db.manager, this.prepared, user, query, now);
    return toCasePage(rows, limit, sortName, total, now);
  }

  async get(actor: Actor, id: string): Promise<CaseResponse> {
    return toCaseResponse(await this.store.loadRecordingRead(actor.user, id, actor), this.clock.now());
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
    // A form sends every field it shows: only what differs is a change, and only that goes into the history.
    for (const column of Object.keys(set))
      if (set[column] === (row[column as keyof CaseRow] ?? null)) delete set[column];
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
    if (Object.keys(set).length === 0) return toCaseResponse(row, this.clock.now());
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, row[k as keyof CaseRow] ?? null]));
    const updated = await this.store.update(id, version, set, actor, [
      { entityType: 'case', entityId: id, action: 'update', before, after: set },
    ]);
    return toCaseResponse(updated, this.clock.now());
  }

  async history(user: SessionUser, id: string): Promise<HistoryEntry[]> {
    await this.store.load(user, id);
    const rows = await selectHistory(this.db.manager, id);
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
