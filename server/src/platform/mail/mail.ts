import { type Kysely, sql } from 'kysely';
import type { Transporter } from 'nodemailer';
import { z } from 'zod';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';

/**
 * E-mail through the job queue: a module calls `enqueueMail` inside the transaction of the change
 * the mail tells about, and the job runner sends it over SMTP (nodemailer) once that change has
 * committed, retrying while the mail server is away. Notifications to citizens carry no personal
 * data, only a prompt to log in (D1); the address itself is removed from the job once sent.
 */

export const MAIL_JOB = 'platform.mail';

export const MailMessage = z.object({
  to: z.email(),
  subject: z.string().trim().min(1).max(200),
  text: z.string().min(1).max(20_000),
});
export type MailMessage = z.infer<typeof MailMessage>;

/** Hands a mail over with the caller's transaction; returns the job's id. */
export async function enqueueMail(db: Kysely<unknown>, message: MailMessage): Promise<string> {
  return enqueueJob(db, { kind: MAIL_JOB, payload: MailMessage.parse(message) });
}

/** Sends a queued mail from `from`; a refusal by the mail server is thrown, and tried again later. */
export function mailJobHandler(transport: Transporter, from: string): JobHandler {
  return async (payload, context) => {
    const message = MailMessage.safeParse(payload);
    // A job without its address was sent already (a repeat after a crash): nothing to do.
    if (!message.success) return;
    await transport.sendMail({ from, ...message.data });
    await sql`update platform_jobs set payload = payload - 'to' where id = ${context.id}`.execute(context.db);
  };
}

/** What a mail job does where no mail server is configured (production without SMTP_URL). */
export const noMailServer: JobHandler = async () => {
  throw new Error('no mail server is configured (SMTP_URL)');
};
