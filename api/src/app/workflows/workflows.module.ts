import { Module } from '@nestjs/common';
import { RootCausesModule } from '../root-causes/root-causes.module';
import { WorkflowsController } from './workflows.controller';

@Module({ imports: [RootCausesModule], controllers: [WorkflowsController] })
export class WorkflowsModule {}
