import { CaughtMailListResponse } from '@karna/contracts';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTestDatabase,
  startTestServer,
  type TestServer,
  testBackends,
} from '../../../test/test-server.ts';
import { buildApp } from '../../app.ts';
import { productionEnv } from '../config.test-support.ts';
import { loadConfig } from '../config.ts';
import { JobRunner } from '../jobs/index.ts';
import { enqueueMail, MAIL_JOB } from './mail.ts';
import { openMailer } from './mail-setup.ts';

/** Sends a mail over SMTP, as any program on the developer's machine could. */
async function sendTo(smtpUrl: string, mail: { to: string; subject: string; text: string }) {
  const transport = nodemailer.createTransport(smtpUrl);
  try {
    await transport.sendMail({ from: 'Utvecklare <dev@example.se>', ...mail });
  } finally {
    transport.close();
  }
}

describe.each(testBackends)('the caught mails on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server?.close();
  });

  const listMails = async () => {
    const response = await server.browser().api<CaughtMailListResponse>('GET', '/api/dev/mails');
    expect(response.status).toBe(200);
    return CaughtMailListResponse.parse(response.body);
  };

  it('lists what the catcher took, newest first, to anyone who reaches the server', async () => {
    const before = await listMails();
    expect(before.smtpUrl).toBe(server.mailer.catcher?.url);
    expect(before.smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);

    await sendTo(before.smtpUrl, { to: 'anna@example.se', subject: 'Första', text: 'Hej Anna!\nRad två.' });
    await sendTo(before.smtpUrl, { to: 'bo@example.se', subject: 'Andra', text: 'Hej Bo!' });

    const after = await listMails();
    expect(after.items).toHaveLength(before.items.length + 2);
    const [newest, older] = after.items;
    expect(newest).toMatchObject({ from: 'dev@example.se', to: ['bo@example.se'], subject: 'Andra' });
    expect(older).toMatchObject({ to: ['anna@example.se'], subject: 'Första' });
    expect(older?.text.trim()).toBe('Hej Anna!\nRad två.');
    expect(newest?.id).not.toBe(older?.id);
    expect(Date.parse(newest?.receivedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(older?.receivedAt ?? ''));
  });

  it('shows a mail the job queue sent through the same mailer', async () => {
    const database = server.database;
    await database.db.transaction().execute((trx) =>
      enqueueMail(trx, {
        to: 'elin.test@example.se',
        subject: 'Ditt ärende har fått ett beslut',
        text: 'Logga in på Mina sidor för att läsa beslutet.',
      }),
    );
    const runner = new JobRunner({ db: database.db, handlers: { [MAIL_JOB]: server.mailer.handler } });
    expect(await runner.runDue()).toBeGreaterThanOrEqual(1);

    const [newest] = (await listMails()).items;
    expect(newest).toMatchObject({
      from: 'noreply@127.0.0.1',
      to: ['elin.test@example.se'],
      subject: 'Ditt ärende har fått ett beslut',
    });
  });
});

describe.each(testBackends)('without the catcher on %s', (backend) => {
  /** Builds the app as main.ts does, with the mailer the configuration gives, and asks for the routes. */
  async function devRoutesOf(env: Record<string, string>) {
    const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
    const mailer = await openMailer(config);
    const database = await openTestDatabase(backend);
    const app = await buildApp(config, database, { mailer });
    try {
      const list = await app.inject({ method: 'GET', url: '/api/dev/mails' });
      const document = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      return {
        catcher: mailer.catcher,
        registered: app.hasRoute({ method: 'GET', url: '/api/dev/mails' }),
        status: list.statusCode,
        contentType: list.headers['content-type'],
        documented: Object.keys(document.json<{ paths: object }>().paths).filter((path) =>
          path.startsWith('/api/dev/'),
        ),
      };
    } finally {
      await app.close();
      await mailer.stop();
      await database.close();
    }
  }

  it('has no development routes at all in production', async () => {
    const production = await devRoutesOf(productionEnv);
    expect(production).toEqual({
      catcher: undefined,
      registered: false,
      status: 404,
      contentType: expect.stringMatching(/^application\/problem\+json/),
      documented: [],
    });
  });

  it('has none where a real mail server is configured, even in development', async () => {
    const withServer = await devRoutesOf({ KARNA_ENV: 'development', SMTP_URL: 'smtp://mail.example.se:25' });
    expect(withServer).toMatchObject({ catcher: undefined, registered: false, status: 404, documented: [] });
  });

  it('has them in development without SMTP_URL (the control for the two above)', async () => {
    const development = await devRoutesOf({ KARNA_ENV: 'development' });
    expect(development).toMatchObject({ registered: true, status: 200, documented: ['/api/dev/mails'] });
  });
});
