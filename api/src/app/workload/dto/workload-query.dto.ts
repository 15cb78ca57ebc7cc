import { ApiPropertyOptional } from '@nestjs/swagger';
import type { DashboardQuery, StaffQuery } from '@pu/contracts';
import { IsUUID } from 'class-validator';
import { Optional } from '../../common/optional';
import { StableQuery } from '../../common/stable-query';

@StableQuery()
export class DashboardQueryDto implements DashboardQuery {
  @ApiPropertyOptional({ description: "A manager's own department by default; quality: any, or omitted for all" })
  @Optional()
  @IsUUID()
  departmentId?: string;
}

@StableQuery()
export class StaffQueryDto implements StaffQuery {
  @ApiPropertyOptional({ description: 'One department; omitted: every department' })
  @Optional()
  @IsUUID()
  departmentId?: string;
}
