import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { ExportsModule } from './exports/exports.module';
import { AuthModule } from './auth/auth.module';
import { SessionGuard } from './auth/session.guard';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { createValidationPipe } from './common/validation-errors';
import type { Clock } from './common/clock';
import type { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { DepartmentsModule } from './departments/departments.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RemindersModule } from './reminders/reminders.module';
import { UsersModule } from './users/users.module';
import { CaseRegistersModule } from './case-registers/case-registers.module';
import { CasesModule } from './cases/cases.module';
import { PromisesModule } from './promises/promises.module';
import { WorkflowsModule } from './workflows/workflows.module';
import { WorkloadModule } from './workload/workload.module';
import { AccountModule } from './account/account.module';
import { MailModule } from './mail/mail.module';
import { ReportsModule } from './reports/reports.module';
import { RootCausesModule } from './root-causes/root-causes.module';
import { ImprovementActionsModule } from './improvement-actions/improvement-actions.module';

@Module({})
export class AppModule {
  /** `clock` defaults to the system's; tests pass one they can set. */
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config, clock),
        DatabaseModule,
        AuditModule,
        ExportsModule,
        AuthModule,
        HealthModule,
        DepartmentsModule,
        UsersModule,
        WorkflowsModule,
        CasesModule,
        CaseRegistersModule,
        PromisesModule,
        NotificationsModule,
        RemindersModule,
        WorkloadModule,
        AccountModule,
        MailModule,
        ReportsModule,
        RootCausesModule,
        ImprovementActionsModule,
        DemoModule,
      ],
      // What applies to every route (validation, error mapping, the session gate) is registered here, in one place.
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_GUARD, useClass: SessionGuard },
      ],
    };
  }
}
