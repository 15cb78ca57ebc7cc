import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CloseCaseRequest,
  DeadlineExtensionRequest,
  ReopenStepRequest,
  SkipStepRequest,
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

export class DeadlineExtensionDto implements DeadlineExtensionRequest {
  @ApiProperty({ example: '2026-12-31' })
  @IsLocalDay()
  newDue!: string;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(CASE_TEXT_LIMITS.reason) reason!: string;
  @ApiProperty({ description: 'When the client was told the reason and the new date (KPA art. 36)' })
  @IsDateTime()
  clientToldAt!: string;
}
