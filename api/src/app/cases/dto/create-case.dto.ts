import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CaseKindName, ChannelName, CreateCaseRequest } from '@pu/contracts';
import { CASE_KINDS, CASE_TEXT_LIMITS, CHANNELS } from '@pu/workflow';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsDateTime } from '../../common/date-rules';
import { ClientDto, trimToNull } from './client.dto';
import { Optional } from '../../common/optional';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCaseDto implements CreateCaseRequest {
  @ApiProperty({ enum: CASE_KINDS }) @IsIn(CASE_KINDS) kind!: CaseKindName;
  @ApiProperty({ maxLength: CASE_TEXT_LIMITS.subject })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(CASE_TEXT_LIMITS.subject)
  subject!: string;
  @ApiPropertyOptional({ maxLength: CASE_TEXT_LIMITS.description, nullable: true })
  @Transform(trimToNull)
  @ValidateIf((o: CreateCaseDto) => o.description !== null && o.description !== undefined)
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.description)
  description?: string | null;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel!: ChannelName;
  @ApiPropertyOptional({ description: 'Defaults to now' })
  @Optional()
  @IsDateTime()
  receivedAt?: string;
  @ApiProperty({ type: ClientDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ClientDto)
  client!: ClientDto;
  @ApiPropertyOptional() @Optional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: CreateCaseDto) => o.assigneeId !== null && o.assigneeId !== undefined)
  @IsUUID()
  assigneeId?: string | null;
  @ApiPropertyOptional({ description: 'Office error: when it was discovered (required for office errors)' })
  @Optional()
  @IsDateTime()
  discoveredAt?: string;
  @ApiPropertyOptional({ description: 'Aggressive client: when the incident happened' })
  @Optional()
  @IsDateTime()
  incidentAt?: string;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: CreateCaseDto) => o.repeatOfCaseId !== null && o.repeatOfCaseId !== undefined)
  @IsUUID()
  repeatOfCaseId?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: CreateCaseDto) => o.followsCaseId !== null && o.followsCaseId !== undefined)
  @IsUUID()
  followsCaseId?: string | null;
}
