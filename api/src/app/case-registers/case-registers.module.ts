import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CaseRegistersController } from './case-registers.controller';
import { CaseRegistersService } from './case-registers.service';

@Module({ imports: [AuditModule], controllers: [CaseRegistersController], providers: [CaseRegistersService] })
export class CaseRegistersModule {}
