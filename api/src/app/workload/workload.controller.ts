import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROUTES, type DashboardResponse, type MyWorkResponse, type StaffMember } from '@pu/contracts';
import { Roles } from '../auth/access.decorators';
import { type Actor, CurrentActor } from '../common/actor';
import { CASE_READERS, CASE_WORKERS } from '../cases/case-access';
import { DashboardQueryDto, StaffQueryDto } from './dto/workload-query.dto';
import { WorkloadService } from './workload.service';

@ApiTags('workload')
@Controller()
export class WorkloadController {
  constructor(private readonly workload: WorkloadService) {}

  @Get(ROUTES.dashboard)
  @Roles('manager', 'quality')
  @ApiOperation({
    summary: 'Overdue, due within 3 working days, idle for 7 days, broken and due-today promises: totals and by person',
  })
  dashboard(@Query() query: DashboardQueryDto, @CurrentActor() actor: Actor): Promise<DashboardResponse> {
    return this.workload.dashboard(actor.user, query);
  }

  @Get(ROUTES.myWork)
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: "My cases and promises due soon or overdue, and my department's unassigned cases" })
  myWork(@CurrentActor() actor: Actor): Promise<MyWorkResponse> {
    return this.workload.myWork(actor.user);
  }

  @Get(ROUTES.staff)
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'Active clerks and managers a case can be given to (names and departments only)' })
  staff(@Query() query: StaffQueryDto): Promise<StaffMember[]> {
    return this.workload.staff(query.departmentId);
  }
}
