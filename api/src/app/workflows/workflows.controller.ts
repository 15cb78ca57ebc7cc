import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, ROUTES, type WorkflowCatalogResponse } from '@pu/contracts';
import { CASE_KINDS, CHANNEL_LABELS, COMMON_CONDUCT, DEFAULT_ROOT_CAUSES, WORKFLOWS } from '@pu/workflow';
import { Roles } from '../auth/access.decorators';

/** The workflows as data, straight from @pu/workflow: the SPA renders steps, fields and guidance from this. */
const BODY: WorkflowCatalogResponse = {
  kinds: CASE_KINDS,
  workflows: WORKFLOWS,
  conduct: COMMON_CONDUCT,
  channels: CHANNEL_LABELS,
  rootCauses: DEFAULT_ROOT_CAUSES,
};

@ApiTags('workflows')
@Controller()
export class WorkflowsController {
  @Get(ROUTES.workflows)
  @Roles(...ROLES)
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({ summary: 'The four case workflows (standards 19–22): steps, fields, guidance in Polish and English' })
  get(): WorkflowCatalogResponse {
    return BODY;
  }
}
