import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type HistoryEntry, type RootCauseCategoryResponse, ROUTES } from '@pu/contracts';
import { Roles } from '../auth/access.decorators';
import { type Actor, CurrentActor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { IfMatchVersion } from '../common/versioning';
import { CreateRootCauseDto, ROOT_CAUSE_CODE, UpdateRootCauseDto } from './dto/root-cause.dto';
import { RootCausesService } from './root-causes.service';

const validCode = (code: string): string => {
  if (!ROOT_CAUSE_CODE.test(code))
    throw new DomainError('NOT_FOUND', {
      pl: 'Nie ma takiej kategorii przyczyny.',
      en: 'No such root-cause category.',
    });
  return code;
};

@ApiTags('root-causes')
@Controller()
export class RootCausesController {
  constructor(private readonly rootCauses: RootCausesService) {}

  @Get(ROUTES.rootCauses)
  @Roles('quality', 'manager')
  @ApiOperation({ summary: 'Root-cause categories, retired ones included (the quality officer owns them)' })
  list(): Promise<RootCauseCategoryResponse[]> {
    return this.rootCauses.list();
  }

  @Get(ROUTES.rootCause(':code'))
  @Roles('quality')
  get(@Param('code') code: string): Promise<RootCauseCategoryResponse> {
    return this.rootCauses.get(validCode(code));
  }

  @Get(`${ROUTES.rootCause(':code')}/history`)
  @Roles('quality')
  @ApiOperation({ summary: 'Every change of a root-cause category, from the audit log' })
  history(@Param('code') code: string): Promise<HistoryEntry[]> {
    return this.rootCauses.history(validCode(code));
  }

  @Post(ROUTES.rootCauses)
  @Roles('quality')
  @ApiOperation({ summary: 'New category; repeating the same request answers the category it created' })
  create(@Body() dto: CreateRootCauseDto, @CurrentActor() actor: Actor): Promise<RootCauseCategoryResponse> {
    return this.rootCauses.create(dto, actor);
  }

  @Patch(ROUTES.rootCause(':code'))
  @Roles('quality')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version from the ETag, e.g. "3"' })
  @ApiOperation({ summary: 'Rename, describe, retire (retired: true) or bring back a category; never deleted' })
  update(
    @Param('code') code: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateRootCauseDto,
    @CurrentActor() actor: Actor,
  ): Promise<RootCauseCategoryResponse> {
    return this.rootCauses.update(validCode(code), version, dto, actor);
  }
}
