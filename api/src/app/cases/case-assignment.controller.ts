import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROUTES, type CaseResponse } from '@pu/contracts';
import { Roles } from '../auth/access.decorators';
import { type Actor, CurrentActor } from '../common/actor';
import { IdParam } from '../common/id-param';
import { IfMatchVersion } from '../common/versioning';
import { CASE_WORKERS } from './case-access';
import { CaseAssignmentService } from './case-assignment.service';
import { AssignCaseDto, TakeOverCaseDto, TransferCaseDto } from './dto/case-actions.dto';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The version from the ETag, e.g. "3"' };

@ApiTags('cases')
@Controller()
export class CaseAssignmentController {
  constructor(private readonly assignment: CaseAssignmentService) {}

  @Post(ROUTES.caseTransfer(':id'))
  @Roles(...CASE_WORKERS)
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary:
      'Hand the case, with a note (standard 17), to a person (it moves to their department) or to a department; ' +
      'by whoever has it or the department’s manager',
  })
  transfer(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @Body() dto: TransferCaseDto,
    @CurrentActor() actor: Actor,
  ): Promise<CaseResponse> {
    return this.assignment.transfer(actor, id, version, dto);
  }

  @Post(ROUTES.caseAssign(':id'))
  @Roles('manager')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: "Assign the case to someone of its department (the department's manager)" })
  assign(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @Body() dto: AssignCaseDto,
    @CurrentActor() actor: Actor,
  ): Promise<CaseResponse> {
    return this.assignment.assign(actor, id, version, dto);
  }

  @Post(ROUTES.caseTakeOver(':id'))
  @Roles(...CASE_WORKERS)
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Take over an unassigned case of your own department (409 when someone has it)' })
  takeOver(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @Body() dto: TakeOverCaseDto,
    @CurrentActor() actor: Actor,
  ): Promise<CaseResponse> {
    return this.assignment.takeOver(actor, id, version, dto);
  }
}
