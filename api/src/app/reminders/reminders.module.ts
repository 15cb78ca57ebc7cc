import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReminderSchedule } from './reminder-schedule';
import { ReminderScan } from './reminder-scan.service';

@Module({
  imports: [JobsModule, NotificationsModule],
  providers: [ReminderScan, ReminderSchedule],
  exports: [ReminderScan, ReminderSchedule],
})
export class RemindersModule {}
