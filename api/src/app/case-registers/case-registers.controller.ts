import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CaseRegisterResponse, ROUTES } from '@pu/contracts';
import { Roles } from '../auth/access.decorators';
import { type Actor, CurrentActor } from '../common/actor';
import { IfMatchVersion } from '../common/versioning';
import { CaseRegistersService } from './case-registers.service';
import { UpdateCaseRegisterDto } from './dto/update-case-register.dto';

@ApiTags('admin')
@Controller()
export class CaseRegistersController {
  constructor(private readonly registers: CaseRegistersService) {}

  @Get(ROUTES.admin.caseRegisters)
  @Roles('admin')
  @ApiOperation({ summary: 'Reference number format and JRWA symbol of each case kind' })
  list(): Promise<CaseRegisterResponse[]> {
    return this.registers.list();
  }

  @Patch(ROUTES.admin.caseRegister(':kind'))
  @Roles('admin')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version from the list, e.g. "1"' })
  @ApiOperation({ summary: 'Change how references of one kind are written (cases registered afterwards)' })
  update(
    @Param('kind') kind: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateCaseRegisterDto,
    @CurrentActor() actor: Actor,
  ): Promise<CaseRegisterResponse> {
    return this.registers.update(kind, version, dto, actor);
  }
}
