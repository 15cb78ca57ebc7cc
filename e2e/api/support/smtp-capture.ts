import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface CapturedEmail {
  to: string[];
  from: string;
  messageId: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
}

type Behaviour = { kind: 'refuse'; code: number; message: string } | { kind: 'hold'; release: Promise<void> };

/**
 * A real SMTP server on a free local port that keeps every message it accepts, for tests to read. It can refuse
 * the next messages (a 4xx the sender should retry, a 5xx it should not) or hold its answer to the next one
 * until the test lets it go (to stop the app mid-send).
 *
 * Only messages to the test's own `domain` count: test files run side by side on one database, and the mail
 * workers of one file send whatever any file's notifications ask for (another file's users with an address).
 * Those are accepted and set aside in `elsewhere`, untouched by refusals and holds.
 */
export class SmtpCapture {
  readonly accepted: CapturedEmail[] = [];
  /** Messages to other domains than the test's. */
  readonly elsewhere: string[][] = [];
  /** Every DATA to the test's domain the server received, accepted or not. */
  attempts = 0;
  private readonly behaviours: Behaviour[] = [];
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly domain: string,
  ) {}

  static async start(domain: string): Promise<SmtpCapture> {
    const box: { capture?: SmtpCapture } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) => {
        void (box.capture as SmtpCapture).receive(stream, session, callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    box.capture = new SmtpCapture(server, port, domain);
    return box.capture;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The next `times` messages are answered with this SMTP code instead of being accepted. */
  refuseNext(times: number, code = 451, message = 'Temporary local problem, try again later'): void {
    for (let i = 0; i < times; i++) this.behaviours.push({ kind: 'refuse', code, message });
  }

  /** The next message waits for its answer until the returned function is called (then it is accepted). */
  holdNext(): { received: Promise<void>; release: () => void } {
    let release!: () => void;
    let received!: () => void;
    const receivedPromise = new Promise<void>((resolve) => (received = resolve));
    const releasePromise = new Promise<void>((resolve) => (release = resolve));
    this.behaviours.push({ kind: 'hold', release: releasePromise.then(() => undefined) });
    this.onHold = received;
    return { received: receivedPromise, release };
  }
  private onHold?: () => void;

  to(address: string): CapturedEmail[] {
    return this.accepted.filter((m) => m.to.includes(address));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async receive(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (err?: Error | null) => void,
  ): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const to = session.envelope.rcptTo.map((r) => r.address);
    if (!to.every((address) => address.endsWith(`@${this.domain}`))) {
      this.elsewhere.push(to);
      return callback(null);
    }
    this.attempts++;
    const behaviour = this.behaviours.shift();
    if (behaviour?.kind === 'refuse') {
      return callback(Object.assign(new Error(behaviour.message), { responseCode: behaviour.code }));
    }
    if (behaviour?.kind === 'hold') {
      this.onHold?.();
      await behaviour.release;
    }
    const parsed = await PostalMime.parse(Buffer.concat(chunks));
    this.accepted.push({
      to,
      from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      messageId: parsed.messageId ?? '',
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      headers: Object.fromEntries(parsed.headers.map((h) => [h.key, h.value])),
    });
    callback(null);
  }
}
