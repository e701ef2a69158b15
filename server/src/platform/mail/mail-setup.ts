import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { JobHandler } from '../jobs/index.ts';
import { mailJobHandler, noMailServer } from './mail.ts';
import { MailCatcher } from './mail-catcher.ts';

export interface Mailer {
  /** Sends the queued mails (`platform.mail` jobs). */
  handler: JobHandler;
  /** The local catcher, in development and tests when no SMTP_URL is set. */
  catcher: MailCatcher | undefined;
  stop(): Promise<void>;
}

/** Where the platform's mails come from: no-reply at the installation's own host. */
export function mailSender(config: Config): string {
  return `Kärna <noreply@${new URL(config.publicUrl).hostname}>`;
}

/**
 * The configured mail server (SMTP_URL). Without one, development and tests get a local catcher
 * (so a newcomer sees what was sent), and production logs that no mail will go out: a mail job
 * then fails with that reason, and is tried again until a server is configured and the process restarted.
 */
export async function openMailer(
  config: Config,
  log: { info(message: string): void; warn(message: string): void },
): Promise<Mailer> {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      handler: mailJobHandler(transport, mailSender(config)),
      catcher: undefined,
      stop: async () => transport.close(),
    };
  }
  if (config.env === 'production') {
    log.warn('SMTP_URL is not set: no mail will be sent');
    return { handler: noMailServer, catcher: undefined, stop: async () => {} };
  }
  const catcher = new MailCatcher();
  const url = await catcher.start();
  log.info(`SMTP_URL is not set: mails go to the local catcher at ${url}`);
  const transport = nodemailer.createTransport(url);
  return {
    handler: mailJobHandler(transport, mailSender(config)),
    catcher,
    stop: async () => {
      transport.close();
      await catcher.stop();
    },
  };
}
