import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IDEMPOTENCY_HEADER, ROUTES, type HistoryEntry, type ImprovementActionResponse } from '@pu/contracts';
import { Roles } from '../auth/access.decorators';
import { type Actor, CurrentActor } from '../common/actor';
import { IdParam } from '../common/id-param';
import { validIdempotencyKey } from '../common/idempotency';
import { IfMatchVersion } from '../common/versioning';
import { ImprovementActionListQueryDto } from './dto/improvement-action-list-query.dto';
import { CreateImprovementActionDto, UpdateImprovementActionDto } from './dto/improvement-action.dto';
import { ImprovementActionsService } from './improvement-actions.service';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The version from the ETag, e.g. "3"' };

@ApiTags('improvement-actions')
@Controller()
export class ImprovementActionsController {
  constructor(private readonly actions: ImprovementActionsService) {}

  @Get(ROUTES.improvementActions)
  @Roles('quality', 'manager')
  @ApiQuery({ name: 'rootCause', required: false })
  @ApiOperation({ summary: 'Improvement actions, newest due date first' })
  list(@Query() query: ImprovementActionListQueryDto): Promise<ImprovementActionResponse[]> {
    return this.actions.list(query.rootCause);
  }

  @Get(ROUTES.improvementAction(':id'))
  @Roles('quality', 'manager')
  get(@IdParam() id: string): Promise<ImprovementActionResponse> {
    return this.actions.get(id);
  }

  @Get(`${ROUTES.improvementAction(':id')}/history`)
  @Roles('quality')
  history(@IdParam() id: string): Promise<HistoryEntry[]> {
    return this.actions.history(id);
  }

  @Post(ROUTES.improvementActions)
  @Roles('quality')
  @ApiHeader({ name: IDEMPOTENCY_HEADER, required: false })
  create(
    @Body() dto: CreateImprovementActionDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
  ): Promise<ImprovementActionResponse> {
    return this.actions.create(dto, actor, validIdempotencyKey(key));
  }

  @Patch(ROUTES.improvementAction(':id'))
  @Roles('quality')
  @ApiHeader(IF_MATCH)
  update(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateImprovementActionDto,
    @CurrentActor() actor: Actor,
  ): Promise<ImprovementActionResponse> {
    return this.actions.update(id, version, dto, actor);
  }

  @Delete(ROUTES.improvementAction(':id'))
  @Roles('quality')
  @HttpCode(204)
  @ApiHeader(IF_MATCH)
  async remove(@IdParam() id: string, @IfMatchVersion() version: number, @CurrentActor() actor: Actor): Promise<void> {
    await this.actions.remove(id, version, actor);
  }
}
