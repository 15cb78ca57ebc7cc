import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type QualityReport, ROUTES } from '@pu/contracts';
import { parseReportPeriod } from '@pu/workflow';
import { Roles } from '../auth/access.decorators';
import { type Actor, CurrentActor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { QualityReportQueryDto } from './dto/quality-report-query.dto';
import { QualityReportService } from './quality-report.service';

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(private readonly reports: QualityReportService) {}

  @Get(ROUTES.qualityReport)
  @Roles('quality', 'manager')
  @ApiOperation({
    summary: 'The quality-improvement report for a year or a period, with the period before it',
    description:
      'Quality officer: the whole office; manager: their department. `year=YYYY`, or `from` and `to` (Warsaw days, inclusive).',
  })
  get(@Query() query: QualityReportQueryDto, @CurrentActor() actor: Actor): Promise<QualityReport> {
    const parsed = parseReportPeriod(query);
    if (!parsed.ok) {
      throw new DomainError('VALIDATION_FAILED', parsed.message, { [parsed.field]: [parsed.message.pl] });
    }
    return this.reports.compute(actor, parsed.period);
  }
}
