import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ChannelName, CreatePromiseRequest, PromiseListQuery, UpdatePromiseRequest } from '@pu/contracts';
import { CHANNELS, PROMISE_TEXT_LIMITS } from '@pu/workflow';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsDateTime } from '../../common/date-rules';
import { Optional } from '../../common/optional';
import { StableQuery } from '../../common/stable-query';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreatePromiseDto implements CreatePromiseRequest {
  @ApiProperty({ example: 'Oddzwonię z informacją o terminie naprawy' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROMISE_TEXT_LIMITS.description)
  description!: string;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel!: ChannelName;
  @ApiPropertyOptional({ description: 'Defaults to the end of the next working day (standard 17.3)' })
  @Optional()
  @IsDateTime()
  dueAt?: string;
}

export class UpdatePromiseDto implements UpdatePromiseRequest {
  @ApiPropertyOptional() @Optional() @IsBoolean() kept?: boolean;
  @ApiPropertyOptional() @Optional() @IsDateTime() keptAt?: string;
  @ApiPropertyOptional({ description: 'Reschedule to this time (requires clientToldAt)' })
  @Optional()
  @IsDateTime()
  dueAt?: string;
  @ApiPropertyOptional({ description: 'When the client was told the new date (standard 17.4)' })
  @Optional()
  @IsDateTime()
  clientToldAt?: string;
  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROMISE_TEXT_LIMITS.description)
  description?: string;
}

@StableQuery()
export class PromiseListQueryDto implements PromiseListQuery {
  @ApiPropertyOptional({ enum: ['mine', 'department', 'all'], default: 'mine' })
  @Optional()
  @IsIn(['mine', 'department', 'all'])
  scope?: 'mine' | 'department' | 'all';
  @ApiPropertyOptional({
    enum: ['open', 'overdue', 'due_today', 'kept', 'any'],
    default: 'open',
    description: 'overdue = broken (unkept, past due); due_today = unkept, due later today (Warsaw)',
  })
  @Optional()
  @IsIn(['open', 'overdue', 'due_today', 'kept', 'any'])
  state?: 'open' | 'overdue' | 'due_today' | 'kept' | 'any';
  @ApiPropertyOptional() @Optional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional({ description: 'Only promises this person made (scope department or all)' })
  @Optional()
  @IsUUID()
  createdBy?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
