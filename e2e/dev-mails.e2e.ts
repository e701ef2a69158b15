import { expect, test } from '@playwright/test';
import nodemailer from 'nodemailer';
import { expectPageWellFormed } from './accessibility.ts';

interface CaughtMails {
  smtpUrl: string;
  items: { id: string; subject: string; receivedAt: string }[];
}

/** Sends a mail to the server's catcher over SMTP, as the platform's job runner does. */
async function sendMail(smtpUrl: string, mail: { to: string; subject: string; text: string }) {
  const transport = nodemailer.createTransport(smtpUrl);
  try {
    await transport.sendMail({ from: 'Kärna <noreply@127.0.0.1>', ...mail });
  } finally {
    transport.close();
  }
}

test('a mail sent to the local catcher shows on the development page, newest first', async ({
  page,
  request,
}, testInfo) => {
  // The desktop and phone runs share one server, and so one catcher: each run its own subjects.
  const run = `${testInfo.project.name} ${Date.now()}`;
  // The test learns the catcher's port the way a developer can: from the route itself.
  const before = await request.get('/api/dev/mails');
  expect(before.status()).toBe(200);
  const { smtpUrl } = (await before.json()) as CaughtMails;

  // The start banner names the page (a footer link asked the server on every page and held the
  // session clock's fake-time journeys back; see the closing note of issue 12).
  await page.goto('/utveckling/e-post');
  await expect(page.getByRole('heading', { level: 1, name: 'E-post som fångats' })).toBeVisible();
  await expect(
    page.getByText('Den här sidan finns bara när Kärna körs för utveckling eller test.'),
  ).toBeVisible();
  await expect(page.getByText(smtpUrl)).toBeVisible();
  await expectPageWellFormed(page, 'the caught mails');

  // A long link, as a notification carries: it must wrap on a phone, not widen the page.
  const link = `http://127.0.0.1:3100/mina-sidor/arenden/0190a4b2-7c3d-7e8f-9a0b-1c2d3e4f5a6b?${'x'.repeat(80)}`;
  await sendMail(smtpUrl, {
    to: 'elin.test@example.se',
    subject: `Ditt ärende har tagits emot (${run})`,
    text: `Hej!\n\nVi har tagit emot ditt ärende. Läs mer på Mina sidor:\n${link}`,
  });
  await sendMail(smtpUrl, {
    to: 'anna.handlaggare@example.se',
    subject: `Nytt ärende att handlägga (${run})`,
    text: 'Ett nytt ärende väntar i inkorgen.',
  });
  await page.getByRole('button', { name: 'Uppdatera listan' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /^Listan uppdaterades .+\. \d+ brev\.$/ }),
  ).toBeVisible();

  const list = page.getByRole('region', { name: 'Fångade brev' }).getByRole('list');
  const mails = list.getByRole('listitem');
  await expect(mails.nth(0).getByRole('heading', { level: 3 })).toHaveText(
    `Nytt ärende att handlägga (${run})`,
  );
  await expect(mails.nth(1).getByRole('heading', { level: 3 })).toHaveText(
    `Ditt ärende har tagits emot (${run})`,
  );

  const received = mails.nth(1);
  await expect(received).toContainText('noreply@127.0.0.1');
  await expect(received).toContainText('elin.test@example.se');
  await expect(received.locator('pre')).toContainText('Vi har tagit emot ditt ärende.');
  await expect(received.locator('pre')).toContainText(link);
  // The time is shown in Swedish time, to the second.
  const after = (await (await request.get('/api/dev/mails')).json()) as CaughtMails;
  const caught = after.items.find((mail) => mail.subject === `Ditt ärende har tagits emot (${run})`);
  expect(caught).toBeDefined();
  const time = received.locator('time');
  await expect(time).toHaveAttribute('datetime', caught?.receivedAt ?? '');
  const stockholm = new Intl.DateTimeFormat('sv-SE', { timeStyle: 'medium', timeZone: 'Europe/Stockholm' });
  await expect(time).toContainText(stockholm.format(new Date(caught?.receivedAt ?? 0)));

  await expectPageWellFormed(page, 'the caught mails with two new mails');
});
