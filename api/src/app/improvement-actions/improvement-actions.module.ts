import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ImprovementActionsController } from './improvement-actions.controller';
import { ImprovementActionsService } from './improvement-actions.service';

@Module({
  imports: [AuditModule],
  controllers: [ImprovementActionsController],
  providers: [ImprovementActionsService],
})
export class ImprovementActionsModule {}
