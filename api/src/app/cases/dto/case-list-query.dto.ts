import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CaseKindName, CaseListQuery, CaseSort, CaseStatus } from '@pu/contracts';
import { CASE_KINDS } from '@pu/workflow';
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
