import { z } from 'zod';

/**
 * What the local SMTP catcher took (development and tests only, never production): the mails
 * the platform sent while no mail server was configured, so a developer can read them.
 */
export const CaughtMail = z.object({
  id: z.uuid(),
  /** The envelope sender, e.g. `noreply@localhost`. */
  from: z.string(),
  /** The envelope recipients: where the mail would have gone. */
  to: z.array(z.string()),
  subject: z.string(),
  /** The plain-text body (an HTML-only mail's text as mailparser reads it). */
  text: z.string(),
  receivedAt: z.iso.datetime(),
});
export type CaughtMail = z.infer<typeof CaughtMail>;

export const CaughtMailListResponse = z.object({
  /** Where the catcher listens (`smtp://127.0.0.1:<port>`), to send it a mail by hand. */
  smtpUrl: z.string(),
  /** The newest mails first; the catcher keeps the latest 50, in memory. */
  items: z.array(CaughtMail),
});
export type CaughtMailListResponse = z.infer<typeof CaughtMailListResponse>;
