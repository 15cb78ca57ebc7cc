import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EmailSender } from './email-sender';
import { MAIL_TRANSPORT } from './mail-tokens';
import { MailTransport } from './mail-transport';
import { MailWorker } from './mail-worker';
import { MorningDigest } from './morning-digest';
import { NotificationEmails } from './notification-emails';

/** E-mail through SMTP (when SMTP_URL is set): notifications as they happen and the morning digest. */
@Module({
  providers: [
    {
      provide: MAIL_TRANSPORT,
      inject: [APP_CONFIG],
      useFactory: ({ mail }: AppConfig) =>
        mail.smtpUrl ? new MailTransport({ ...mail, smtpUrl: mail.smtpUrl }) : null,
    },
    EmailSender,
    NotificationEmails,
    MorningDigest,
    MailWorker,
  ],
  exports: [MailWorker],
})
export class MailModule {}
