import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, ROUTES, type WorkflowCatalogResponse } from '@pu/contracts';
import { CASE_KINDS, CHANNEL_LABELS, COMMON_CONDUCT, WORKFLOWS } from '@pu/workflow';
import { Roles } from '../auth/access.decorators';
import { RootCausesService } from '../root-causes/root-causes.service';

/** The workflows as data, straight from @pu/workflow: the SPA renders steps, fields and guidance from this. */
const FIXED = {
  kinds: CASE_KINDS,
  workflows: WORKFLOWS,
  conduct: COMMON_CONDUCT,
  channels: CHANNEL_LABELS,
} as const;

@ApiTags('workflows')
@Controller()
export class WorkflowsController {
  constructor(private readonly rootCauses: RootCausesService) {}

  @Get(ROUTES.workflows)
  @Roles(...ROLES)
  // Short: the root-cause categories are the quality officer's and may change during the day.
  @Header('Cache-Control', 'private, max-age=60')
  @ApiOperation({
    summary: 'The four case workflows (standards 19–22): steps, fields, guidance in Polish and English',
    description: "rootCauses: the office's categories, retired ones marked (old cases still carry them).",
  })
  async get(): Promise<WorkflowCatalogResponse> {
    return { ...FIXED, rootCauses: await this.rootCauses.catalog() };
  }
}
