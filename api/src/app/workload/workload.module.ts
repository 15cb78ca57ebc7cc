import { Module } from '@nestjs/common';
import { WorkloadController } from './workload.controller';
import { WorkloadService } from './workload.service';

/** The manager's dashboard, "my work" and the people a case can be given to. */
@Module({ controllers: [WorkloadController], providers: [WorkloadService] })
export class WorkloadModule {}
