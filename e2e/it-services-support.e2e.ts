import { expect, type Page, test } from '@playwright/test';
import { expectNoAccessibilityViolations, expectPageWellFormed } from './accessibility.ts';
import { logInAsStaff, logOut } from './login.ts';

// Support (N5) in the browser: a member of staff reports a problem, the IT department's service
// desk takes it, writes an internal note and resolves it, the reporter answers that it still fails
// and the ticket is open again. Anna Svensson is a case officer; Ivar Nilsson works in the IT
// department (server/seeds/demo/staff.json).
//
// One server serves both projects (desktop, phone): each report's subject carries the project's
// name and a token of its own, so that each finds its own ticket.

const REPORTER = 'Anna Svensson';
const IT_STAFF = 'Ivar Nilsson';
const WEEKDAY = '(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)';
const DEADLINE = `${WEEKDAY} \\d{1,2} [a-zåäö]+( \\d{4})? kl\\. \\d{2}\\.\\d{2}`;

async function openSubPage(page: Page, link: string, heading: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'IT-tjänster' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** On the service desk, show the tickets of one status. */
async function filterStatus(page: Page, status: string): Promise<void> {
  await page.getByRole('button', { name: /Status/ }).click();
  await page.getByRole('option', { name: status, exact: true }).click();
  await expect(page.getByRole('button', { name: /Status/ })).toContainText(status);
}

test('staff report a problem, the service desk resolves it, the reporter answers and it opens again', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const token = `${testInfo.project.name === 'phone' ? 'telefon' : 'dator'} ${Date.now().toString(36)}`;
  const subject = `Skrivaren skriver inte ut ${token}`;
  const internalNote = `Drivrutinen byttes, intern ${token}`;

  // 1. Anna reports a problem with a service of the catalog.
  await logInAsStaff(page, REPORTER);
  await page.goto('/it-tjanster');
  await openSubPage(page, 'Support', 'Anmäl ett fel');
  const form = page.getByRole('form', { name: 'Felanmälan' });
  await expectPageWellFormed(page, 'the support page');

  await form.getByRole('button', { name: 'Skicka felanmälan' }).click();
  const summary = form.getByRole('alert');
  await expect(summary).toContainText('Det finns fel som du behöver rätta');
  await expect(summary).toContainText('Välj vad felet gäller.');
  await expect(summary).toContainText('Skriv en rubrik, högst 200 tecken.');
  await expect(summary).toContainText('Välj hur brådskande det är.');
  await expect(form.getByRole('textbox', { name: 'Rubrik' })).toHaveAttribute('aria-invalid', 'true');
  await expectNoAccessibilityViolations(page, 'the report form with its errors');

  await form.getByRole('radio', { name: 'En tjänst i tjänstekatalogen' }).check();
  const service = form.getByRole('combobox', { name: 'Tjänst' });
  // Typing narrows the list to the one service; the keyboard chooses it (on a phone the list may
  // open where a tap would land on the form behind it).
  await service.pressSequentially('datorarb');
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option', { name: 'Datorarbetsplats', exact: true })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(service).toHaveValue('Datorarbetsplats');
  await form.getByRole('textbox', { name: 'Rubrik' }).fill(subject);
  await form
    .getByRole('textbox', { name: 'Beskriv felet' })
    .fill('Utskrifterna fastnar i kön sedan i morse. Skrivaren på plan 3.');
  await form.getByRole('radio', { name: 'Flera' }).check();
  await form.getByRole('radio', { name: 'Arbetet har stannat' }).check();
  await expect(form.getByRole('status')).toContainText('Ärendet får prioritet 2 – hög.');
  await expectNoAccessibilityViolations(page, 'the filled report form');
  await form.getByRole('button', { name: 'Skicka felanmälan' }).click();

  const sent = page.getByRole('region', { name: 'Felanmälan är skickad' });
  await expect(sent.getByRole('heading', { name: 'Felanmälan är skickad' })).toBeFocused();
  const numberText = (await sent.getByText(/^Ditt ärende har nummer/).textContent()) ?? '';
  const ticketNumber = /nummer (IN-\d{4}-\d+)/.exec(numberText)?.[1] ?? '';
  expect(ticketNumber).not.toBe('');
  await expect(sent).toContainText(`Ditt ärende har nummer ${ticketNumber} och prioritet 2 – hög.`);
  await expect(sent.getByText(new RegExp(`^Du får svar senast ${DEADLINE}\\.$`))).toBeVisible();
  await expect(sent.getByText(new RegExp(`^Felet ska vara åtgärdat senast ${DEADLINE}\\.$`))).toBeVisible();
  await expect(sent).toContainText('Servicenivå Brons');
  const mine = page.getByRole('region', { name: 'Mina supportärenden' });
  await expect(mine.getByRole('link', { name: `${ticketNumber}: ${subject}` })).toBeVisible();
  await expectPageWellFormed(page, 'the report sent');
  await logOut(page);

  // 2. Ivar finds it in the service desk's queue, takes it, writes an internal note, resolves it.
  await logInAsStaff(page, IT_STAFF);
  await page.goto('/it-tjanster');
  await openSubPage(page, 'Servicedesk', 'Servicedesk');
  await filterStatus(page, 'Ny');
  const queue = page.getByRole('region', { name: 'Ärenden' });
  await expect(queue.getByRole('link', { name: `${ticketNumber}: ${subject}` })).toBeVisible();
  const sla = page.getByRole('region', { name: 'Uppföljning av servicenivåer' });
  await expect(sla.getByRole('table', { name: /^Servicenivåer \d{4}$/ })).toBeVisible();
  await expectPageWellFormed(page, 'the service desk');

  await queue.getByRole('link', { name: `${ticketNumber}: ${subject}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Supportärende ${ticketNumber}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Beskrivning' })).toContainText('Skrivaren på plan 3.');
  await expectPageWellFormed(page, 'a new ticket for IT');
  await page.getByRole('button', { name: 'Ta ärendet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Du har tagit ärendet.' })).toBeVisible();
  const facts = page.getByRole('region', { name: 'Uppgifter' });
  await expect(facts).toContainText(IT_STAFF);
  await expect(facts).toContainText('Pågår');

  // The desk sends it on to the specialists (line 2), with a note everyone sees.
  await page.getByRole('button', { name: 'Eskalera', exact: true }).click();
  const escalate = page.getByRole('form', { name: 'Eskalera ärendet' });
  const line2 = escalate.getByRole('radio', { name: 'Linje 2 – specialister och systemförvaltning' });
  await expect(line2).toBeFocused();
  await expect(escalate.getByRole('radio', { name: /^Linje 1/ })).toHaveCount(0);
  await line2.check();
  await escalate
    .getByRole('textbox', { name: 'Vad behöver nästa linje veta?' })
    .fill('Skrivaren på plan 3 svarar inte på ping.');
  await escalate.getByRole('button', { name: 'Eskalera ärendet' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Ärendet är eskalerat till linje 2 – specialister' }),
  ).toBeVisible();
  await expect(facts).toContainText('Linje 2 – specialister och systemförvaltning');

  const answer = page.getByRole('form', { name: 'Svara' });
  await answer.getByRole('textbox', { name: 'Ditt svar' }).fill(internalNote);
  await answer.getByRole('checkbox', { name: 'Intern anteckning' }).check();
  await answer.getByRole('button', { name: 'Spara anteckningen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Den interna anteckningen är sparad.' }),
  ).toBeVisible();
  const history = page.getByRole('region', { name: 'Historik' });
  await expect(history.getByRole('listitem').filter({ hasText: internalNote })).toContainText(
    'Intern anteckning',
  );

  await page.getByRole('button', { name: 'Åtgärda', exact: true }).click();
  const resolve = page.getByRole('form', { name: 'Åtgärda ärendet' });
  await expect(resolve.getByRole('textbox', { name: 'Vad gjordes?' })).toBeFocused();
  await resolve
    .getByRole('textbox', { name: 'Vad gjordes?' })
    .fill('Skrivarkön är tömd och skrivaren omstartad.');
  await expectNoAccessibilityViolations(page, 'the resolve form');
  await resolve.getByRole('button', { name: 'Markera som åtgärdat' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ärendet är åtgärdat.' })).toBeVisible();
  await expect(facts).toContainText('Åtgärdad');
  await expect(page.getByRole('button', { name: 'Ta ärendet' })).toHaveCount(0);
  await expectPageWellFormed(page, 'a resolved ticket for IT');
  await logOut(page);

  // 3. Anna sees it resolved, without the internal note, and answers that it still fails.
  await logInAsStaff(page, REPORTER);
  await page.goto('/it-tjanster/support');
  await page
    .getByRole('region', { name: 'Mina supportärenden' })
    .getByRole('link', { name: `${ticketNumber}: ${subject}` })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: `Supportärende ${ticketNumber}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Uppgifter' })).toContainText('Åtgärdad');
  await expect(page.getByRole('region', { name: 'Så åtgärdades felet' })).toContainText(
    'Skrivarkön är tömd och skrivaren omstartad.',
  );
  await expect(page.getByText(internalNote)).toHaveCount(0);
  await expect(page.getByText('Intern anteckning')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Ta ärendet' })).toHaveCount(0);
  const reply = page.getByRole('form', { name: 'Svara' });
  await expect(reply).toContainText('Skriv det här, så öppnas ärendet igen.');
  await expectPageWellFormed(page, 'a resolved ticket for the reporter');
  await reply.getByRole('textbox', { name: 'Ditt svar' }).fill('Det skriver fortfarande inte ut.');
  await reply.getByRole('button', { name: 'Svara och öppna ärendet igen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Ditt svar är skickat och ärendet är öppnat igen.' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Uppgifter' })).toContainText('Pågår');
  await expect(page.getByRole('region', { name: 'Historik' })).toContainText('Öppnade ärendet igen');
  await logOut(page);

  // 4. Ivar sees it back in the queue.
  await logInAsStaff(page, IT_STAFF);
  await page.goto('/it-tjanster/servicedesk');
  await expect(page.getByRole('heading', { level: 1, name: 'Servicedesk' })).toBeVisible();
  await filterStatus(page, 'Pågår');
  await expect(
    page.getByRole('region', { name: 'Ärenden' }).getByRole('link', { name: `${ticketNumber}: ${subject}` }),
  ).toBeVisible();
});
