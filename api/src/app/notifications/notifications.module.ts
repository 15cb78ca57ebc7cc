import { Module } from '@nestjs/common';
import { NotificationInbox } from './notification-inbox.service';
import { NotificationSignals } from './notification-signals';
import { NotificationStream } from './notification-stream';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** Import this module to notify people (NotificationsService.notify). */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationSignals, NotificationInbox, NotificationStream],
  exports: [NotificationsService, NotificationSignals],
})
export class NotificationsModule {}
