import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ChannelName, UpdateCaseRequest } from '@pu/contracts';
import { CHANNELS } from '@pu/workflow';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsString, IsUUID, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { ClientDto, trimToNull } from './client.dto';
import { Optional } from '../../common/optional';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class UpdateCaseDto implements UpdateCaseRequest {
  @ApiPropertyOptional() @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(300) subject?: string;
  @ApiPropertyOptional({ nullable: true })
  @Transform(trimToNull)
  @ValidateIf((o: UpdateCaseDto) => o.description !== null && o.description !== undefined)
  @IsString()
  @MaxLength(10000)
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
}
