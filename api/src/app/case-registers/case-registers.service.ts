import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseRegisterResponse } from '@pu/contracts';
import {
  type CaseKind,
  clashingRegister,
  exampleReference,
  isCaseKind,
  type LocalizedText,
  message,
  validateReferenceFormat,
} from '@pu/workflow';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { notFound, validationFailed } from '../common/domain-error';
import { staleVersion } from '../common/versioning';
import { type RegisterRow, selectRegisters, updateRegister } from './case-registers.queries';
import type { UpdateCaseRegisterDto } from './dto/update-case-register.dto';

const KIND_NAMES: Record<CaseKind, LocalizedText> = {
  complaint: message('register.ofComplaints'),
  office_error: message('register.ofOfficeErrors'),
  refusal: message('register.ofRefusals'),
  aggressive_client: message('register.ofIncidents'),
};

const toResponse = (r: RegisterRow, now: Date): CaseRegisterResponse => ({
  ...r,
  example: exampleReference(r.format, r.jrwa, now.getFullYear()),
});

/**
 * How each kind's reference numbers are written. A change applies to cases registered afterwards; numbers
 * already issued keep their form, and numbering continues in the same register.
 */
@Injectable()
export class CaseRegistersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<CaseRegisterResponse[]> {
    const now = this.clock.now();
    return (await selectRegisters(this.db.manager)).map((r) => toResponse(r, now));
  }

  async update(kind: string, version: number, dto: UpdateCaseRegisterDto, actor: Actor): Promise<CaseRegisterResponse> {
    if (!isCaseKind(kind)) throw notFound(message('register.notFound'));
    return this.db.transaction(async (m) => {
      // Locked, so two administrators cannot each pass the clash check with formats that clash with each other.
      const all = await selectRegisters(m, true);
      const before = all.find((r) => r.kind === kind);
      if (!before) throw notFound(message('register.notFound'));
      if (before.version !== version) throw staleVersion();
      const candidate = { kind, jrwa: dto.jrwa ?? before.jrwa, format: dto.format ?? before.format };
      const problem = validateReferenceFormat(candidate.format);
      if (problem) throw validationFailed({ format: [problem] });
      const clash = clashingRegister(candidate, all);
      if (clash) {
        throw validationFailed({
          [dto.format !== undefined ? 'format' : 'jrwa']: [message('register.clash', { kind: KIND_NAMES[clash] })],
        });
      }
      const row = await updateRegister(m, candidate);
      await this.audit.record(m, actor, {
        entityType: 'case_register',
        entityId: kind,
        action: 'update',
        before,
        after: row,
      });
      return toResponse(row, this.clock.now());
    });
  }
}
