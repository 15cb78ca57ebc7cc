import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { EXPORT_ROWS_HEADER, ROUTES } from '@pu/contracts';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/access.decorators';
import { type Actor, CurrentActor } from '../common/actor';
import { ExportQueryDto } from './dto/export-query.dto';
import { AnnualReportExportService } from './annual-report/annual-report-export.service';
import { CONTENT_TYPES, type ExportFile } from './export-file';
import { ExportsService } from './exports.service';

const ACCESS =
  'Quality officer: the whole office (or `departmentId`); manager: their own department; clerk and administrator: 403. ' +
  'Each download is recorded in the audit log before its first byte.';

/** The file as an attachment; a client that goes away destroys the stream, which stops the query behind it. */
function download(reply: FastifyReply, file: ExportFile): StreamableFile {
  void reply.header('Cache-Control', 'no-store');
  if (file.rows !== undefined) void reply.header(EXPORT_ROWS_HEADER, String(file.rows));
  return new StreamableFile(file.stream, {
    type: file.contentType,
    disposition: `attachment; filename="${file.filename}"`,
  });
}

@ApiTags('exports')
@Controller()
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly annualReport: AnnualReportExportService,
  ) {}

  @Get(ROUTES.export('annual-report', 'pdf'))
  @Roles('quality', 'manager')
  @ApiOperation({
    summary: 'The quality report for a year or a period as a printable A4 PDF in Polish (tables, charts, page numbers)',
    description: ACCESS,
  })
  @ApiProduces(CONTENT_TYPES.pdf)
  async annualReportPdf(
    @CurrentActor() actor: Actor,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return download(reply, await this.annualReport.export(actor, query, 'pdf'));
  }

  @Get(ROUTES.export('annual-report', 'xlsx'))
  @Roles('quality', 'manager')
  @ApiOperation({
    summary: 'The quality report as XLSX: one sheet per section, numbers as numbers',
    description: ACCESS,
  })
  @ApiProduces(CONTENT_TYPES.xlsx)
  async annualReportXlsx(
    @CurrentActor() actor: Actor,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return download(reply, await this.annualReport.export(actor, query, 'xlsx'));
  }

  @Get(ROUTES.export('complaints-register', 'xlsx'))
  @Roles('quality', 'manager')
  @ApiOperation({ summary: 'Rejestr skarg i wniosków for a period, as XLSX (streamed)', description: ACCESS })
  @ApiProduces(CONTENT_TYPES.xlsx)
  async registerXlsx(
    @CurrentActor() actor: Actor,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return download(reply, await this.exports.complaintsRegister(actor, query, 'xlsx'));
  }

  @Get(ROUTES.export('complaints-register', 'csv'))
  @Roles('quality', 'manager')
  @ApiOperation({ summary: 'Rejestr skarg i wniosków for a period, as CSV (streamed)', description: ACCESS })
  @ApiProduces(CONTENT_TYPES.csv)
  async registerCsv(
    @CurrentActor() actor: Actor,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return download(reply, await this.exports.complaintsRegister(actor, query, 'csv'));
  }

  @Get(ROUTES.export('public-statistics', 'csv'))
  @Roles('quality', 'manager')
  @ApiOperation({
    summary: 'Anonymised statistics for publication, as CSV: counts only, any count below 3 shown as "<3"',
    description: ACCESS,
  })
  @ApiProduces(CONTENT_TYPES.csv)
  async statisticsCsv(
    @CurrentActor() actor: Actor,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return download(reply, await this.exports.publicStatistics(actor, query, 'csv'));
  }

  @Get(ROUTES.export('public-statistics', 'json'))
  @Roles('quality', 'manager')
  @ApiOperation({ summary: 'The same anonymised statistics as JSON (PublicStatistics)', description: ACCESS })
  @ApiProduces(CONTENT_TYPES.json)
  async statisticsJson(
    @CurrentActor() actor: Actor,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return download(reply, await this.exports.publicStatistics(actor, query, 'json'));
  }
}
