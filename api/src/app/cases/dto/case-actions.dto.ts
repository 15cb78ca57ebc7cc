import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CloseCaseRequest,
  DeadlineExtensionRequest,
  AssignCaseRequest,
  ReopenStepRequest,
  SkipStepRequest,
  TakeOverCaseRequest,
  TransferCaseRequest,
} from '@pu/contracts';
import { CASE_TEXT_LIMITS } from '@pu/workflow';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsDateTime, IsLocalDay } from '../../common/date-rules';
import { Optional } from '../../common/optional';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ReasonDto implements SkipStepRequest, ReopenStepRequest {
  @ApiProperty({ maxLength: CASE_TEXT_LIMITS.reason })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(CASE_TEXT_LIMITS.reason)
  reason!: string;
}

export class CloseCaseDto implements CloseCaseRequest {
  @ApiPropertyOptional({ maxLength: CASE_TEXT_LIMITS.reason })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.reason)
  note?: string;
}

export class TransferCaseDto implements TransferCaseRequest {
  @ApiPropertyOptional() @Optional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: TransferCaseDto) => o.assigneeId !== null && o.assigneeId !== undefined)
  @IsUUID()
  assigneeId?: string | null;
  @ApiProperty({ description: 'Standard 17: what the matter is about, for whoever takes it over' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(CASE_TEXT_LIMITS.transferNote)
  note!: string;
}

export class TakeOverCaseDto implements TakeOverCaseRequest {
  @ApiPropertyOptional({ maxLength: CASE_TEXT_LIMITS.transferNote })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.transferNote)
  note?: string;
}

export class AssignCaseDto implements AssignCaseRequest {
  @ApiProperty({ nullable: true, description: "Someone of the case's department; null: back to its unassigned cases" })
  @ValidateIf((o: AssignCaseDto) => o.assigneeId !== null)
  @IsUUID()
  assigneeId!: string | null;
  @ApiPropertyOptional({ maxLength: CASE_TEXT_LIMITS.transferNote, description: 'For the person taking it over' })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.transferNote)
  note?: string;
}

export class DeadlineExtensionDto implements DeadlineExtensionRequest {
  @ApiProperty({ example: '2026-12-31' })
  @IsLocalDay()
  newDue!: string;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(CASE_TEXT_LIMITS.reason) reason!: string;
  @ApiProperty({ description: 'When the client was told the reason and the new date (KPA art. 36)' })
  @IsDateTime()
  clientToldAt!: string;
}
