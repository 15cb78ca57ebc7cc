import { ApiPropertyOptional } from '@nestjs/swagger';
import type { QualityReportQuery } from '@pu/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { StableQuery } from '../../common/stable-query';

/** Shapes only; which combination is valid and what the dates mean is parseReportPeriod's (libs/workflow). */
@StableQuery()
export class QualityReportQueryDto implements QualityReportQuery {
  @ApiPropertyOptional({ example: '2026', description: 'A calendar year (Europe/Warsaw)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  year?: string;
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day, inclusive (Europe/Warsaw)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;
  @ApiPropertyOptional({ example: '2026-06-30', description: 'Last day, inclusive (Europe/Warsaw)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;
}
