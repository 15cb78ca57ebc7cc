import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { RouteSchema } from '@nestjs/platform-fastify';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  IDEMPOTENCY_HEADER,
  ROUTES,
  type CaseBoard,
  type CasePage,
  type CaseResponse,
  type HistoryEntry,
} from '@pu/contracts';
import { Roles } from '../auth/access.decorators';
import { type Actor, CurrentActor } from '../common/actor';
import { IdParam } from '../common/id-param';
import { validIdempotencyKey } from '../common/idempotency';
import { IfMatchVersion } from '../common/versioning';
import { CASE_READERS, CASE_WORKERS } from './case-access';
import { CaseBoardService } from './case-board.service';
import { CASE_PAGE_RESPONSE_SCHEMA } from './case-page.schema';
import { CasesService } from './cases.service';
import { CaseListQueryDto } from './dto/case-list-query.dto';
import { CreateCaseDto } from './dto/create-case.dto';
import { UpdateCaseDto } from './dto/update-case.dto';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The version from the ETag, e.g. "3"' };

@ApiTags('cases')
@Controller()
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly boards: CaseBoardService,
  ) {}

  @Post(ROUTES.cases)
  @Roles(...CASE_WORKERS)
  @ApiHeader({
    name: IDEMPOTENCY_HEADER,
    required: false,
    description: 'A retry with the same key and body returns the first answer',
  })
  @ApiOperation({ summary: 'Register a case; the reference number and legal deadlines are assigned' })
  create(
    @Body() dto: CreateCaseDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
  ): Promise<CaseResponse> {
    return this.cases.create(dto, actor, validIdempotencyKey(key));
  }

  @Get(ROUTES.cases)
  @Roles(...CASE_READERS)
  @RouteSchema(CASE_PAGE_RESPONSE_SCHEMA)
  @ApiOperation({ summary: 'Cases the user may see, keyset-paginated; lists carry the client name only' })
  list(@Query() query: CaseListQueryDto, @CurrentActor() actor: Actor): Promise<CasePage> {
    return this.cases.list(actor.user, query);
  }

  @Get(ROUTES.caseBoard)
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary: "One kind's open cases in the columns of its steps (the list's filters apply; `kind` is required)",
  })
  board(@Query() query: CaseListQueryDto, @CurrentActor() actor: Actor): Promise<CaseBoard> {
    return this.boards.board(actor.user, query);
  }

  @Get(ROUTES.case(':id'))
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: "One case with its client's details (the read is recorded)" })
  get(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<CaseResponse> {
    return this.cases.get(actor, id);
  }

  @Patch(ROUTES.case(':id'))
  @Roles(...CASE_WORKERS)
  @ApiHeader(IF_MATCH)
  update(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateCaseDto,
    @CurrentActor() actor: Actor,
  ): Promise<CaseResponse> {
    return this.cases.update(actor, id, version, dto);
  }

  @Get(ROUTES.caseHistory(':id'))
  @Roles(...CASE_READERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Every recorded change and read of the case, oldest first' })
  history(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<HistoryEntry[]> {
    return this.cases.history(actor.user, id);
  }
}
