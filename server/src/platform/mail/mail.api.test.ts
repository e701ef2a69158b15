import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends } from '../../../test/test-server.ts';
import type { Database } from '../db/database.ts';
import { JobRunner } from '../jobs/index.ts';
import { enqueueMail, MAIL_JOB, mailJobHandler } from './mail.ts';
import { MailCatcher } from './mail-catcher.ts';

const notice = {
  to: 'elin.test@example.se',
  subject: 'Ditt ärende har fått ett beslut',
  text: 'Logga in på Mina sidor för att läsa beslutet.',
};

describe.each(testBackends)('mail through the job queue on %s', (backend) => {
  let database: Database;
  let catcher: MailCatcher;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    catcher = new MailCatcher();
    await catcher.start();
  });
  afterAll(async () => {
    await catcher.stop();
    await database.close();
  });
  beforeEach(async () => {
    await sql`delete from platform_jobs`.execute(database.db);
  });

  const runnerSendingTo = (url: string) =>
    new JobRunner({
      db: database.db,
      handlers: { [MAIL_JOB]: mailJobHandler(nodemailer.createTransport(url), 'Kärna <noreply@localhost>') },
    });

  it('sends a mail over SMTP once its transaction committed, and forgets the address once sent', async () => {
    const before = catcher.caught.length;
    await database.db.transaction().execute((trx) => enqueueMail(trx, notice));
    expect(await runnerSendingTo(catcher.url).runDue()).toBe(1);

    expect(catcher.caught.length).toBe(before + 1);
    expect(catcher.caught[0]).toMatchObject({
      from: 'noreply@localhost',
      to: ['elin.test@example.se'],
      subject: 'Ditt ärende har fått ett beslut',
    });
    expect(catcher.caught[0]?.text.trim()).toBe('Logga in på Mina sidor för att läsa beslutet.');
    const job = await sql<{ payload: Record<string, unknown>; finished_at: Date | null }>`
      select payload, finished_at from platform_jobs`.execute(database.db);
    expect(job.rows[0]?.payload).not.toHaveProperty('to');
    expect(job.rows[0]?.finished_at).toBeInstanceOf(Date);
  });

  it('keeps a mail the server could not take, and tries again later', async () => {
    const away = new MailCatcher();
    const url = await away.start();
    await away.stop();
    await enqueueMail(database.db, notice);
    await runnerSendingTo(url).runDue();
    const job = await sql<{ last_error: string | null; finished_at: Date | null; payload: { to?: string } }>`
      select last_error, finished_at, payload from platform_jobs`.execute(database.db);
    expect(job.rows[0]?.finished_at).toBeNull();
    expect(job.rows[0]?.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(job.rows[0]?.payload.to).toBe(notice.to);
  });

  it('refuses a mail without a valid address, and queues nothing', async () => {
    await expect(enqueueMail(database.db, { ...notice, to: 'not an address' })).rejects.toThrow();
    const count = await sql<{ n: number }>`select count(*)::integer as n from platform_jobs`.execute(
      database.db,
    );
    expect(count.rows[0]?.n).toBe(0);
  });
});
