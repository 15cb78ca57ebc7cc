import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ExportQuery } from '@pu/contracts';
import { DATE_YEARS } from '@pu/workflow';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsLocalDay } from '../../common/date-rules';
import { StableQuery } from '../../common/stable-query';

/** `?year=YYYY` or `?from=&to=` (local days, Europe/Warsaw); the service checks that exactly one form is given. */
@StableQuery()
export class ExportQueryDto implements ExportQuery {
  @ApiPropertyOptional({ minimum: DATE_YEARS.min, maximum: DATE_YEARS.max, example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Rok podaj jako liczbę, np. 2026.' })
  @Min(DATE_YEARS.min)
  @Max(DATE_YEARS.max)
  year?: number;

  @IsOptional() @IsLocalDay() from?: string;
  @IsOptional() @IsLocalDay() to?: string;

  @ApiPropertyOptional({ description: "Quality officer only: one department's cases" })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}
