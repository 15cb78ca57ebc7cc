import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { PromisesController } from './promises.controller';
import { PromisesService } from './promises.service';

@Module({ imports: [CasesModule], controllers: [PromisesController], providers: [PromisesService] })
export class PromisesModule {}
