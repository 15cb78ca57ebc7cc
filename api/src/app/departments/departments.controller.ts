import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { IdParam } from '../common/id-param';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type DepartmentResponse, ROLES, ROUTES } from '@pu/contracts';
import { Roles } from '../auth/access.decorators';
import { type Actor, CurrentActor } from '../common/actor';
import { IfMatchVersion } from '../common/versioning';
import { DepartmentsService } from './departments.service';
import { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto';

@ApiTags('departments')
@Controller()
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get(ROUTES.departments)
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Departments of the office (for pickers)' })
  list(): Promise<DepartmentResponse[]> {
    return this.departments.list();
  }

  @Get(ROUTES.admin.departments)
  @Roles('admin')
  listForAdmin(): Promise<DepartmentResponse[]> {
    return this.departments.list();
  }

  @Get(ROUTES.admin.department(':id'))
  @Roles('admin')
  get(@IdParam() id: string): Promise<DepartmentResponse> {
    return this.departments.get(id);
  }

  @Post(ROUTES.admin.departments)
  @Roles('admin')
  create(@Body() dto: CreateDepartmentDto, @CurrentActor() actor: Actor): Promise<DepartmentResponse> {
    return this.departments.create(dto, actor);
  }

  @Patch(ROUTES.admin.department(':id'))
  @Roles('admin')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version from the ETag, e.g. "3"' })
  update(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateDepartmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<DepartmentResponse> {
    return this.departments.update(id, version, dto, actor);
  }
}
