import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HistoryEntry, RootCauseCategoryResponse } from '@pu/contracts';
import { selectEntityHistory } from '../audit/audit-history.queries';
import type { RootCauseCategory } from '@pu/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { staleVersion } from '../common/versioning';
import type { CreateRootCauseDto, UpdateRootCauseDto } from './dto/root-cause.dto';
import {
  insertRootCause,
  type RootCauseChange,
  type RootCauseRow,
  selectRootCause,
  selectRootCauses,
  selectSelectableCodes,
  updateRootCause,
} from './root-causes.queries';

export const toRootCauseResponse = (r: RootCauseRow): RootCauseCategoryResponse => ({
  code: r.code,
  label: { pl: r.label_pl, en: r.label_en },
  description:
    r.description_pl === null && r.description_en === null
      ? null
      : { pl: r.description_pl ?? '', en: r.description_en ?? '' },
  retiredAt: r.retired_at === null ? null : new Date(r.retired_at).toISOString(),
  used: r.used,
  version: r.version,
});

const notFoundCategory = () =>
  new DomainError('NOT_FOUND', { pl: 'Nie ma takiej kategorii przyczyny.', en: 'No such root-cause category.' });

/**
 * Standard 20: the quality officer owns the root-cause categories. A category is created, renamed, described,
 * retired or brought back, never deleted: cases keep their code, and the database refuses to drop a used one.
 */
@Injectable()
export class RootCausesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<RootCauseCategoryResponse[]> {
    return (await selectRootCauses(this.db.manager)).map(toRootCauseResponse);
  }

  /** Every category for labels (retired ones too: old cases carry them), marked as retired where so. */
  async catalog(): Promise<RootCauseCategory[]> {
    return (await selectRootCauses(this.db.manager)).map((r) => ({
      code: r.code,
      label: { pl: r.label_pl, en: r.label_en },
      ...(r.retired_at === null ? {} : { retired: true }),
    }));
  }

  /** What a complaint may be given now: the active categories, and the one it already has. */
  selectableCodes(manager: EntityManager, current: string | null): Promise<string[]> {
    return selectSelectableCodes(manager, current);
  }

  async get(code: string): Promise<RootCauseCategoryResponse> {
    const row = await selectRootCause(this.db.manager, code);
    if (!row) throw notFoundCategory();
    return toRootCauseResponse(row);
  }

  async history(code: string): Promise<HistoryEntry[]> {
    await this.get(code);
    return selectEntityHistory(this.db.manager, 'root_cause', code);
  }

  async create(dto: CreateRootCauseDto, actor: Actor): Promise<RootCauseCategoryResponse> {
    return this.db.transaction(async (m) => {
      const saved = await insertRootCause(m, {
        code: dto.code,
        labelPl: dto.label.pl,
        labelEn: dto.label.en,
        descriptionPl: dto.description?.pl || null,
        descriptionEn: dto.description?.en || null,
      });
      if (!saved) {
        const existing = await selectRootCause(m, dto.code);
        // A retried create of the same category answers what the first one made.
        if (existing && sameCategory(existing, dto)) return toRootCauseResponse(existing);
        throw new DomainError(
          'DUPLICATE',
          { pl: `Kategoria o kodzie ${dto.code} już istnieje.`, en: `A category with code ${dto.code} exists.` },
          { code: ['Ten kod jest już zajęty.'] },
        );
      }
      const response = toRootCauseResponse(saved);
      await this.audit.record(m, actor, {
        entityType: 'root_cause',
        entityId: saved.code,
        action: 'create',
        after: response,
      });
      return response;
    });
  }

  async update(
    code: string,
    version: number,
    dto: UpdateRootCauseDto,
    actor: Actor,
  ): Promise<RootCauseCategoryResponse> {
    return this.db.transaction(async (m) => {
      const before = await selectRootCause(m, code);
      if (!before) throw notFoundCategory();
      const set: RootCauseChange = {};
      if (dto.label) Object.assign(set, { label_pl: dto.label.pl, label_en: dto.label.en });
      if (dto.description !== undefined)
        Object.assign(set, {
          description_pl: dto.description?.pl || null,
          description_en: dto.description?.en || null,
        });
      if (dto.retired !== undefined) set.retired = dto.retired;
      const after = await updateRootCause(m, code, version, set, this.clock.now());
      if (!after) throw staleVersion();
      const action =
        dto.retired === true && before.retired_at === null
          ? 'retire'
          : dto.retired === false && before.retired_at !== null
            ? 'restore'
            : 'update';
      await this.audit.record(m, actor, {
        entityType: 'root_cause',
        entityId: code,
        action,
        before: toRootCauseResponse(before),
        after: toRootCauseResponse(after),
      });
      return toRootCauseResponse(after);
    });
  }
}

function sameCategory(row: RootCauseRow, dto: CreateRootCauseDto): boolean {
  return (
    row.label_pl === dto.label.pl &&
    row.label_en === dto.label.en &&
    (row.description_pl ?? '') === (dto.description?.pl ?? '') &&
    (row.description_en ?? '') === (dto.description?.en ?? '')
  );
}
