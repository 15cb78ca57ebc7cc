import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CaseKindName, CaseListQuery, CaseSort, CaseStatus } from '@pu/contracts';
import { CASE_KINDS, WORKLOAD_LIMITS } from '@pu/workflow';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsDateTime } from '../../common/date-rules';
import { StableQuery } from '../../common/stable-query';

export const CASE_SORTS = ['deadline', '-deadline', 'received', '-received'] as const;

@StableQuery()
export class CaseListQueryDto implements CaseListQuery {
  @ApiPropertyOptional({ enum: CASE_KINDS }) @IsOptional() @IsIn(CASE_KINDS) kind?: CaseKindName;
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed']) status?: CaseStatus;
  @ApiPropertyOptional() @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsDateTime() dueBefore?: string;
  @ApiPropertyOptional({
    description: 'Open, not yet overdue, due by the end of the n-th working day after today (Polish calendar)',
    minimum: WORKLOAD_LIMITS.dueWithinWorkingDays.min,
    maximum: WORKLOAD_LIMITS.dueWithinWorkingDays.max,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(WORKLOAD_LIMITS.dueWithinWorkingDays.min)
  @Max(WORKLOAD_LIMITS.dueWithinWorkingDays.max)
  dueWithinWorkingDays?: number;
  @ApiPropertyOptional({
    description: 'Open, with no recorded change for n calendar days',
    minimum: WORKLOAD_LIMITS.idleDays.min,
    maximum: WORKLOAD_LIMITS.idleDays.max,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(WORKLOAD_LIMITS.idleDays.min)
  @Max(WORKLOAD_LIMITS.idleDays.max)
  idleDays?: number;
  @ApiPropertyOptional({ description: 'Only cases nobody is assigned to' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unassigned?: boolean;
  @ApiPropertyOptional({ description: 'Text over reference, subject and client name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ enum: CASE_SORTS }) @IsOptional() @IsIn(CASE_SORTS) sort?: CaseSort;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}
