import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { CaseAssignmentController } from './case-assignment.controller';
import { CaseAssignmentService } from './case-assignment.service';
import { CaseBoardService } from './case-board.service';
import { RootCausesModule } from '../root-causes/root-causes.module';
import { CaseLinks } from './case-links';
import { CaseStore } from './case-store';
import { CaseWorkflowController } from './case-workflow.controller';
import { CaseWorkflowService } from './case-workflow.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [NotificationsModule, RootCausesModule],
  controllers: [CasesController, CaseWorkflowController, CaseAssignmentController],
  providers: [CasesService, CaseWorkflowService, CaseAssignmentService, CaseBoardService, CaseStore, CaseLinks],
  exports: [CaseStore],
})
export class CasesModule {}
