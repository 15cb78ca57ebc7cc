import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import {
  claimDueDeliveries,
  markDeliveryFailed,
  markDeliverySent,
  type ClaimedDelivery,
} from './email-deliveries.queries';
import { MAIL_TRANSPORT } from './mail-tokens';
import type { MailTransport } from './mail-transport';
import { nextAttemptAt } from './retry-policy';

/** Longer than the transport's worst case (connect 10 s + greeting 10 s + 30 s idle socket), so no sender's lease
 * runs out while it still waits for the server's answer. */
export const SEND_LEASE_MS = 120_000;
const BATCH = 40;
const RECORD_ATTEMPTS = 4;

export interface SendRound {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends what is due from `email_deliveries`. Each message is claimed (status `sending` with a lease) in one
 * commit, sent, and its outcome recorded in another: accepted → `sent`, never claimed again; refused or
 * unreachable → retried with backoff. The one window it cannot close is a process dying between the server's
 * "250 OK" and the commit that records it: that message goes again after the lease, with the same Message-ID.
 */
@Injectable()
export class EmailSender {
  private readonly logger = new Logger(EmailSender.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport | null,
  ) {}

  /** Sends until nothing is due; returns what happened. */
  async sendDue(): Promise<SendRound> {
    const round: SendRound = { sent: 0, retrying: 0, failed: 0 };
    if (!this.transport) return round;
    for (;;) {
      const batch = await claimDueDeliveries(this.db.manager, this.clock.now(), SEND_LEASE_MS, BATCH);
      await Promise.all(batch.map((d) => this.sendOne(d, round)));
      if (batch.length < BATCH) return round;
    }
  }

  private async sendOne(delivery: ClaimedDelivery, round: SendRound): Promise<void> {
    const transport = this.transport as MailTransport;
    let response: string;
    try {
      response = await transport.send({
        to: delivery.recipient,
        subject: delivery.subject,
        text: delivery.body,
        messageId: delivery.message_id,
      });
    } catch (error) {
      const retryAt = nextAttemptAt(this.clock.now(), delivery.attempts, error);
      const reason = error instanceof Error ? error.message : String(error);
      await markDeliveryFailed(this.db.manager, delivery.id, reason, retryAt);
      if (retryAt) round.retrying++;
      else round.failed++;
      this.logger.warn(
        `E-mail ${delivery.id} not accepted (attempt ${delivery.attempts}): ${reason}; ` +
          (retryAt ? `next attempt at ${retryAt.toISOString()}` : 'given up'),
      );
      return;
    }
    await this.recordSent(delivery.id, response);
    round.sent++;
  }

  /**
   * The server has the message: recording that is what keeps it from going again, so a database hiccup here
   * is retried a few times before the lease is left to run out.
   */
  private async recordSent(id: string, response: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await markDeliverySent(this.db.manager, id, this.clock.now(), response);
      } catch (error) {
        if (attempt >= RECORD_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  }
}
