import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ChannelName, UpdateCaseRequest } from '@pu/contracts';
import { CASE_TEXT_LIMITS, CHANNELS } from '@pu/workflow';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsString, IsUUID, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsDateTime } from '../../common/date-rules';
import { ClientDto, trimToNull } from './client.dto';
import { Optional } from '../../common/optional';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class UpdateCaseDto implements UpdateCaseRequest {
  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(CASE_TEXT_LIMITS.subject)
  subject?: string;
  @ApiPropertyOptional({ nullable: true })
  @Transform(trimToNull)
  @ValidateIf((o: UpdateCaseDto) => o.description !== null && o.description !== undefined)
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.description)
  description?: string | null;
  @ApiPropertyOptional({ enum: CHANNELS }) @Optional() @IsIn(CHANNELS) channel?: ChannelName;
  @ApiPropertyOptional({ type: ClientDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => ClientDto)
  client?: ClientDto;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: UpdateCaseDto) => o.repeatOfCaseId !== null && o.repeatOfCaseId !== undefined)
  @IsUUID()
  repeatOfCaseId?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: UpdateCaseDto) => o.followsCaseId !== null && o.followsCaseId !== undefined)
  @IsUUID()
  followsCaseId?: string | null;
  @ApiPropertyOptional({ description: 'Office error: when it was discovered; the deadline is recomputed' })
  @Optional()
  @IsDateTime()
  discoveredAt?: string;
  @ApiPropertyOptional({ description: 'Aggressive client: when the incident happened; the deadline is recomputed' })
  @Optional()
  @IsDateTime()
  incidentAt?: string;
}
