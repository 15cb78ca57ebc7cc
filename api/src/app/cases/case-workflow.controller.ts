import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROUTES, type CaseResponse } from '@pu/contracts';
import { Roles } from '../auth/access.decorators';
import { type Actor, CurrentActor } from '../common/actor';
import { IdParam } from '../common/id-param';
import { IfMatchVersion } from '../common/versioning';
import { CASE_WORKERS } from './case-access';
import { CaseWorkflowService } from './case-workflow.service';
import { CloseCaseDto, DeadlineExtensionDto, ReasonDto } from './dto/case-actions.dto';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The version from the ETag, e.g. "3"' };

@ApiTags('cases')
@Controller()
export class CaseWorkflowController {
  constructor(private readonly workflow: CaseWorkflowService) {}

  @Post(ROUTES.caseStep(':id', ':stepId'))
  @Roles(...CASE_WORKERS)
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiBody({
    description: "The step's data: field ids and values as GET /api/workflows defines them",
    schema: { type: 'object' },
  })
  @ApiOperation({ summary: 'Complete a step (409 when the workflow does not allow it yet, 422 naming a bad field)' })
  complete(
    @IdParam() id: string,
    @Param('stepId') stepId: string,
    @IfMatchVersion() version: number,
    @Body() data: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<CaseResponse> {
    return this.workflow.completeStep(actor, id, version, stepId, data);
  }

  @Post(ROUTES.caseStepSkip(':id', ':stepId'))
  @Roles(...CASE_WORKERS)
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Skip an optional step, with the reason' })
  skip(
    @IdParam() id: string,
    @Param('stepId') stepId: string,
    @IfMatchVersion() version: number,
    @Body() dto: ReasonDto,
    @CurrentActor() actor: Actor,
  ): Promise<CaseResponse> {
    return this.workflow.skipStep(actor, id, version, stepId, dto.reason);
  }

  @Post(ROUTES.caseStepReopen(':id', ':stepId'))
  @Roles('manager')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Reopen the last completed step (managers), with the reason' })
  reopen(
    @IdParam() id: string,
    @Param('stepId') stepId: string,
    @IfMatchVersion() version: number,
    @Body() dto: ReasonDto,
    @CurrentActor() actor: Actor,
  ): Promise<CaseResponse> {
    return this.workflow.reopenStep(actor, id, version, stepId, dto.reason);
  }

  @Post(ROUTES.caseClose(':id'))
  @Roles(...CASE_WORKERS)
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Close the case (409 naming the required steps still missing)' })
  close(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @Body() dto: CloseCaseDto,
    @CurrentActor() actor: Actor,
  ): Promise<CaseResponse> {
    return this.workflow.close(actor, id, version, dto);
  }

  @Post(ROUTES.caseDeadlineExtensions(':id'))
  @Roles('manager')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Extend the deadline (managers; KPA art. 36: reason and client told first)' })
  extend(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @Body() dto: DeadlineExtensionDto,
    @CurrentActor() actor: Actor,
  ): Promise<CaseResponse> {
    return this.workflow.extendDeadline(actor, id, version, dto);
  }
}
