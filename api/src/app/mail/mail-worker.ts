import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EmailSender, type SendRound } from './email-sender';
import { MAIL_TRANSPORT } from './mail-tokens';
import type { MailTransport } from './mail-transport';
import { MorningDigest } from './morning-digest';
import { NotificationEmails } from './notification-emails';

export interface MailRound extends SendRound {
  notificationEmails: number;
  digests: number;
}

/**
 * Every EMAIL_POLL_SECONDS, in every replica that works jobs (JOBS): record e-mails for new notifications, build the morning digest
 * when it is due, send what is due. Replicas need no coordination: unique keys decide what exists, row leases
 * (SKIP LOCKED) who sends it. On shutdown the round in progress finishes, so a message the server accepted is
 * recorded as sent before the process goes.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MailWorker.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<MailRound> | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport | null,
    private readonly notificationEmails: NotificationEmails,
    private readonly digest: MorningDigest,
    private readonly sender: EmailSender,
  ) {}

  onApplicationBootstrap(): void {
    // JOBS=false: a replica that only serves requests leaves e-mail to the workers.
    if (!this.transport || !this.config.jobs || this.config.mail.pollMs === 0) return;
    this.timer = setInterval(() => {
      this.runRound().catch((error: unknown) =>
        this.logger.warn(`E-mail round failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }, this.config.mail.pollMs);
    this.timer.unref();
  }

  /** One round now; a call while a round runs waits for that one instead of starting a second. */
  runRound(): Promise<MailRound> {
    if (this.stopped) return Promise.resolve({ notificationEmails: 0, digests: 0, sent: 0, retrying: 0, failed: 0 });
    this.running ??= this.round().finally(() => (this.running = null));
    return this.running;
  }

  private async round(): Promise<MailRound> {
    if (!this.transport) return { notificationEmails: 0, digests: 0, sent: 0, retrying: 0, failed: 0 };
    const notificationEmails = await this.notificationEmails.enqueueNew();
    const digests = await this.digest.buildIfDue();
    return { notificationEmails, digests, ...(await this.sender.sendDue()) };
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    this.transport?.close();
  }
}
