import { Module } from '@nestjs/common';
import { QualityReportService } from './quality-report.service';
import { ReportsController } from './reports.controller';

@Module({
  controllers: [ReportsController],
  providers: [QualityReportService],
  exports: [QualityReportService],
})
export class ReportsModule {}
