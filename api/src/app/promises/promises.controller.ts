import { Body, Controller, Get, Headers, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IDEMPOTENCY_HEADER, ROUTES, type PromiseResponse } from '@pu/contracts';
import { Roles } from '../auth/access.decorators';
import { type Actor, CurrentActor } from '../common/actor';
import { IdParam } from '../common/id-param';
import { validIdempotencyKey } from '../common/idempotency';
import { IfMatchVersion } from '../common/versioning';
import { CASE_READERS, CASE_WORKERS } from '../cases/case-access';
import { CreatePromiseDto, PromiseListQueryDto, UpdatePromiseDto } from './dto/promise.dto';
import { PromisesService } from './promises.service';

@ApiTags('promises')
@Controller()
export class PromisesController {
  constructor(private readonly promises: PromisesService) {}

  @Get(ROUTES.casePromises(':id'))
  @Roles(...CASE_READERS)
  listForCase(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<PromiseResponse[]> {
    return this.promises.listForCase(actor.user, id);
  }

  @Post(ROUTES.casePromises(':id'))
  @Roles(...CASE_WORKERS)
  @ApiHeader({ name: IDEMPOTENCY_HEADER, required: false })
  @ApiOperation({
    summary: 'Log what was promised to the client (a phone call-back defaults to the end of the next working day)',
  })
  create(
    @IdParam() id: string,
    @Body() dto: CreatePromiseDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
  ): Promise<PromiseResponse> {
    return this.promises.create(actor, id, dto, validIdempotencyKey(key));
  }

  @Get(ROUTES.promises)
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'My open promises, or overdue promises by department' })
  list(@Query() query: PromiseListQueryDto, @CurrentActor() actor: Actor): Promise<PromiseResponse[]> {
    return this.promises.list(actor.user, query);
  }

  @Patch(ROUTES.promise(':id'))
  @Roles(...CASE_WORKERS)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Mark kept, or reschedule after telling the client the new date' })
  update(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdatePromiseDto,
    @CurrentActor() actor: Actor,
  ): Promise<PromiseResponse> {
    return this.promises.update(actor, id, version, dto);
  }
}
