import { createTransport, type Transporter } from 'nodemailer';
import type { MailConfig } from '../config/app-config';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** Kept from the first attempt, so a mail system that saw an earlier attempt can tell it is the same message. */
  messageId: string;
}

/** The SMTP connection pool of this process (nodemailer: the maintained standard for SMTP in Node). */
export class MailTransport {
  private readonly transporter: Transporter;

  constructor(private readonly config: MailConfig & { smtpUrl: string }) {
    this.transporter = createTransport({
      url: config.smtpUrl,
      pool: true,
      maxConnections: 8,
      // Well inside the sender's lease (EmailSender), so a send that hangs fails before another replica may
      // take the message over.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  /** Resolves with the server's reply once it accepted the message; rejects with its refusal otherwise. */
  async send(email: OutgoingEmail): Promise<string> {
    const info = await this.transporter.sendMail({
      from: this.config.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      messageId: email.messageId,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    return String(info.response ?? '');
  }

  close(): void {
    this.transporter.close();
  }
}
