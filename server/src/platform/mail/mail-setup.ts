import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { JobHandler } from '../jobs/index.ts';
import { mailJobHandler, noMailServer } from './mail.ts';
import { MailCatcher } from './mail-catcher.ts';

/** The process's one way of sending mail: opened before the app is built, stopped after the jobs. */
export interface Mailer {
  /** Sends the queued mails (`platform.mail` jobs). */
  handler: JobHandler;
  /** The local catcher, in development and tests when no SMTP_URL is set. */
  catcher: MailCatcher | undefined;
  /**
   * What the server log should say at start about where mails go; none with a mail server. (The
   * mailer is opened before the server and its logger exist, so main.ts writes it.)
   */
  notice: { level: 'info' | 'warn'; message: string } | undefined;
  stop(): Promise<void>;
}

/** Where the platform's mails come from: no-reply at the installation's own host. */
export function mailSender(config: Config): string {
  return `Kärna <noreply@${new URL(config.publicUrl).hostname}>`;
}

/**
 * The configured mail server (SMTP_URL). Without one, development and tests get a local catcher
 * (so a newcomer sees what was sent), and production says that no mail will go out: a mail job
 * then fails with that reason, and is tried again until a server is configured and the process restarted.
 */
export async function openMailer(config: Config): Promise<Mailer> {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      handler: mailJobHandler(transport, mailSender(config)),
      catcher: undefined,
      notice: undefined,
      stop: async () => transport.close(),
    };
  }
  if (config.env === 'production') {
    return {
      handler: noMailServer,
      catcher: undefined,
      notice: { level: 'warn', message: 'SMTP_URL is not set: no mail will be sent' },
      stop: async () => {},
    };
  }
  const catcher = new MailCatcher();
  const url = await catcher.start();
  const transport = nodemailer.createTransport(url);
  return {
    handler: mailJobHandler(transport, mailSender(config)),
    catcher,
    notice: { level: 'info', message: `SMTP_URL is not set: mails go to the local catcher at ${url}` },
    stop: async () => {
      transport.close();
      await catcher.stop();
    },
  };
}
