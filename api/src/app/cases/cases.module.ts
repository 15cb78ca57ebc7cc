import { Module } from '@nestjs/common';
import { CaseBoardService } from './case-board.service';
import { CaseLinks } from './case-links';
import { CaseStore } from './case-store';
import { CaseWorkflowController } from './case-workflow.controller';
import { CaseWorkflowService } from './case-workflow.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  controllers: [CasesController, CaseWorkflowController],
  providers: [CasesService, CaseWorkflowService, CaseBoardService, CaseStore, CaseLinks],
  exports: [CaseStore],
})
export class CasesModule {}
