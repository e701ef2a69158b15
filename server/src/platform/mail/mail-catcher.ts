import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail the local catcher received, as a developer wants to read it. */
export interface CaughtMail {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
}

const KEPT = 50;
const MAX_BYTES = 1_000_000;

/**
 * A local SMTP server for development and tests (smtp-server): it takes every mail sent to it and
 * keeps the newest 50 in memory, so a developer sees what the platform sent without a mail server.
 * It listens on 127.0.0.1 only, without TLS or login.
 */
export class MailCatcher {
  readonly #server: SMTPServer;
  readonly #caught: CaughtMail[] = [];
  #port = 0;

  constructor() {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      size: MAX_BYTES,
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.#caught.unshift({
              id: randomUUID(),
              receivedAt: new Date().toISOString(),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
            });
            this.#caught.length = Math.min(this.#caught.length, KEPT);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
  }

  /** Starts listening on a free port of 127.0.0.1; returns the SMTP URL to send to. */
  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', () => resolve());
    });
    this.#port = (this.#server.server.address() as AddressInfo).port;
    return this.url;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.#port}`;
  }

  /** The mails received, newest first. */
  get caught(): readonly CaughtMail[] {
    return this.#caught;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
