import { Module } from '@nestjs/common';
import { NotificationsService } from './notifications.service';

/** Import this module to notify people (NotificationsService.notify). */
@Module({ providers: [NotificationsService], exports: [NotificationsService] })
export class NotificationsModule {}
