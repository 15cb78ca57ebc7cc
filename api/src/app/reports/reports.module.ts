import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { QualityReportService } from './quality-report.service';
import { ReportsController } from './reports.controller';
import { RollupCompaction } from './rollup-compaction';

@Module({
  imports: [JobsModule],
  controllers: [ReportsController],
  providers: [QualityReportService, RollupCompaction],
  exports: [QualityReportService, RollupCompaction],
})
export class ReportsModule {}
