import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { AnnualReportExportService } from './annual-report/annual-report-export.service';
import { ExportSlots } from './export-slots';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  imports: [ReportsModule],
  controllers: [ExportsController],
  providers: [ExportsService, AnnualReportExportService, ExportSlots],
})
export class ExportsModule {}
