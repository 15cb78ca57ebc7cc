import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RootCausesController } from './root-causes.controller';
import { RootCausesService } from './root-causes.service';

@Module({
  imports: [AuditModule],
  controllers: [RootCausesController],
  providers: [RootCausesService],
  exports: [RootCausesService],
})
export class RootCausesModule {}
