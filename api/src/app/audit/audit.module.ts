import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditVerificationService } from './audit-verification.service';
import { AuditService } from './audit.service';

@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditVerificationService],
  exports: [AuditService],
})
export class AuditModule {}
