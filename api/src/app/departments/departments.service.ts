import { message } from '@pu/workflow';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DepartmentResponse } from '@pu/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../auth/sessions.service';
import type { Actor } from '../common/actor';
import { isUniqueViolation } from '../common/database-errors';
import { DomainError, notFound } from '../common/domain-error';
import { staleVersion } from '../common/versioning';
import {
  type DepartmentRow,
  insertDepartment,
  selectDepartment,
  selectDepartments,
  updateDepartment,
} from './departments.queries';
import type { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto';

export const toDepartmentResponse = (d: DepartmentRow): DepartmentResponse => ({
  id: d.id,
  symbol: d.symbol,
  name: d.name,
  active: d.active,
  version: d.version,
});

const duplicateSymbol = (symbol: string) =>
  new DomainError('DUPLICATE', message('department.duplicate', { symbol }), {
    symbol: [message('department.symbolTaken')],
  });

@Injectable()
export class DepartmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  async list(): Promise<DepartmentResponse[]> {
    return (await selectDepartments(this.db.manager)).map(toDepartmentResponse);
  }

  async get(id: string): Promise<DepartmentResponse> {
    const row = await selectDepartment(this.db.manager, id);
    if (!row) throw notFound(message('department.notFound'));
    return toDepartmentResponse(row);
  }

  async create(dto: CreateDepartmentDto, actor: Actor): Promise<DepartmentResponse> {
    try {
      return await this.db.transaction(async (m) => {
        const saved = await insertDepartment(m, dto);
        const response = toDepartmentResponse(saved);
        await this.audit.record(m, actor, {
          entityType: 'department',
          entityId: saved.id,
          action: 'create',
          after: response,
        });
        return response;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateSymbol(dto.symbol);
      throw error;
    }
  }

  async update(id: string, version: number, dto: UpdateDepartmentDto, actor: Actor): Promise<DepartmentResponse> {
    try {
      const updated = await this.db.transaction(async (m) => {
        const before = await selectDepartment(m, id);
        if (!before) throw notFound(message('department.notFound'));
        const after = await updateDepartment(m, id, version, dto);
        if (!after) throw staleVersion();
        await this.audit.record(m, actor, {
          entityType: 'department',
          entityId: id,
          action: 'update',
          before: toDepartmentResponse(before),
          after: toDepartmentResponse(after),
        });
        return toDepartmentResponse(after);
      });
      // Every cached session carries its department's symbol and name; after the commit, as for users.
      this.sessions.forgetAll();
      return updated;
    } catch (error) {
      if (isUniqueViolation(error) && dto.symbol) throw duplicateSymbol(dto.symbol);
      throw error;
    }
  }
}
