import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExportQuery, QualityReport } from '@pu/contracts';
import { formatPeriod, parseReportPeriod } from '@pu/workflow';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { QualityReportService } from '../../reports/quality-report.service';
import { exportScope } from '../export-scope';
import { insertExportAudit } from '../exports.queries';
import { CONTENT_TYPES, type ExportFile } from '../export-file';
import { annualReportPdf } from './annual-report-pdf';
import { annualReportXlsx } from './annual-report-xlsx';
import { reportSections } from './report-sections';

const TITLE = 'Raport o jakości obsługi klientów';

/** The exports are Polish documents: their periods in the Polish date form, as every date of theirs. */
const span = (p: { from: string; to: string }) => formatPeriod(p, 'pl');

/** The quality report (QualityReportService.compute, the same figures as the report page) as PDF or XLSX. */
@Injectable()
export class AnnualReportExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly reports: QualityReportService,
  ) {}

  async export(actor: Actor, query: ExportQuery, format: 'pdf' | 'xlsx'): Promise<ExportFile> {
    const scope = exportScope(actor.user, query);
    if (actor.user.role === 'quality' && scope.departmentId) {
      const text = {
        pl: 'Raport roczny obejmuje cały urząd: pomiń departmentId.',
        en: 'The annual report covers the whole office: leave out departmentId.',
      };
      throw new DomainError('VALIDATION_FAILED', text, { departmentId: [text] });
    }
    const parsed = parseReportPeriod({
      year: query.year === undefined ? undefined : String(query.year),
      from: query.from,
      to: query.to,
    });
    if (!parsed.ok) throw new DomainError('VALIDATION_FAILED', parsed.message, { [parsed.field]: [parsed.message] });
    const report = await this.reports.compute(actor, parsed.period);
    await insertExportAudit(this.db.manager, actor, {
      kind: 'annual-report',
      format,
      period: parsed.period,
      departmentId: scope.departmentId,
    });
    const sections = reportSections(report);
    const scopeText = this.scopeText(report);
    const { from, to } = report.period;
    const name = from.endsWith('-01-01') && to === `${from.slice(0, 4)}-12-31` ? from.slice(0, 4) : `${from}_${to}`;
    const dept = report.scope.kind === 'department' ? `-${report.scope.department.symbol}` : '';
    const filename = `raport-jakosci${dept}-${name}.${format}`;
    if (format === 'pdf') {
      return {
        stream: annualReportPdf(
          {
            office: this.config.officeName,
            title: TITLE,
            scope: scopeText,
            period: span(report.period),
            previousPeriod: span(report.previousPeriod),
            generatedAt: this.clock.now(),
          },
          sections,
        ),
        filename,
        contentType: CONTENT_TYPES.pdf,
      };
    }
    return {
      stream: annualReportXlsx(
        [
          this.config.officeName,
          `${TITLE}: ${span(report.period)} (poprzedni okres ${span(report.previousPeriod)}), ${scopeText}`,
        ],
        sections,
        { modified: this.clock.now(), creator: this.config.officeName },
      ),
      filename,
      contentType: CONTENT_TYPES.xlsx,
    };
  }

  private scopeText(report: QualityReport): string {
    return report.scope.kind === 'office'
      ? 'cały urząd'
      : `${report.scope.department.symbol} – ${report.scope.department.name}`;
  }
}
