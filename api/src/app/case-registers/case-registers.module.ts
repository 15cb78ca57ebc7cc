import { Module } from '@nestjs/common';
import { CaseRegistersController } from './case-registers.controller';
import { CaseRegistersService } from './case-registers.service';

@Module({ controllers: [CaseRegistersController], providers: [CaseRegistersService] })
export class CaseRegistersModule {}
