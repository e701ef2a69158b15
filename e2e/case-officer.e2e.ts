import { expect, type Page, test } from '@playwright/test';
import { expectNoAccessibilityViolations, expectPageWellFormed } from './accessibility.ts';
import { logInAsCitizen, logInAsStaff, logOut } from './login.ts';
import { applyForPreschool, type Submitted } from './preschool-application.ts';

// More of issue 12's case handling, beside case-handling.e2e.ts: marking a case secret (OSL) and
// what that changes for who may see it, assigning a case and handing it to another officer of the
// unit, and the case screens in English.
//
// Who is who in the demo municipality (server/seeds/demo/staff.json): a case officer holds
// cases.read and cases.handle for the unit; a registrar, granted for the board above it, also
// cases.readSecret. Every journey handles a guardian's preschool application: Lina Forsberg and
// Johanna Berglund are case officers of Förskoleenheten, Elsa Dahl is registrar of Barn- och
// utbildningsnämnden above it.
//
// One server serves every journey and both projects (desktop, phone): cases from other journeys
// and earlier runs are there, so each journey finds its own case by its registration number, with
// the newest first.

/** Secrecy for a child's personal circumstances in preschool (offentlighets- och sekretesslagen). */
const GROUND = 'OSL 23 kap. 1 §';

const GUARDIAN = 'Elin Lindqvist';
const PRESCHOOL_OFFICER = 'Lina Forsberg';
const SECOND_PRESCHOOL_OFFICER = 'Johanna Berglund';
const BOARD_REGISTRAR = 'Elsa Dahl';

/** A citizen submits a case, then logs out. */
async function submitAs(page: Page, citizen: string, apply: (page: Page) => Promise<Submitted>) {
  await logInAsCitizen(page, citizen);
  const submitted = await apply(page);
  await logOut(page);
  return submitted;
}

/**
 * The cases of one e-service in the officer's inbox, newest first (so that a case just submitted
 * is on the first page, whatever earlier journeys left behind), with more filters if given.
 */
async function openInbox(page: Page, service: string, filters = ''): Promise<void> {
  await page.goto(`/handlaggning/arenden?service=${service}&sort=-submittedAt${filters}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ärenden' })).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: /^Ärenden, sorterade/ })
      .or(page.getByText('Inga ärenden matchar filtren.')),
  ).toBeVisible();
}

/** The history table's row for an event (newest first), by what happened and its detail. */
function historyRow(page: Page, action: string, detail: string | RegExp) {
  return page
    .getByRole('region', { name: 'Händelser', exact: true })
    .getByRole('row')
    .filter({ hasText: action })
    .filter({ hasText: detail });
}

test('a registrar marks a case secret: an officer without the secrecy permission loses it until the marking is lifted', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const { caseId, registrationNumber } = await submitAs(page, GUARDIAN, applyForPreschool);
  const caseLink = page.getByRole('link', { name: registrationNumber, exact: true });
  const caseHeading = page.getByRole('heading', { level: 1, name: `Ärende ${registrationNumber}` });
  const secrecy = page.getByRole('region', { name: 'Sekretess', exact: true });
  // The top of the case screen, with its badges.
  const header = page.getByRole('region', { name: `Ärende ${registrationNumber}`, exact: true });

  // The case officer may read and handle the open case, but not mark it secret.
  await logInAsStaff(page, PRESCHOOL_OFFICER);
  await openInbox(page, 'forskoleplats');
  await caseLink.click();
  await expect(caseHeading).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tilldela mig' })).toBeVisible();
  await expect(secrecy).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sekretessmarkera' })).toHaveCount(0);
  await logOut(page);

  // The registrar of the board marks it secret, with the ground in OSL.
  await logInAsStaff(page, BOARD_REGISTRAR);
  await openInbox(page, 'forskoleplats');
  await caseLink.click();
  await expect(caseHeading).toBeVisible();
  await expect(secrecy).toContainText('Ärendet är inte sekretessmarkerat.');
  await expect(header.getByText('Sekretess', { exact: true })).toHaveCount(0);
  await secrecy.getByRole('button', { name: 'Sekretessmarkera' }).click();
  const ground = secrecy.getByRole('textbox', { name: 'Grund för sekretess (frivilligt)' });
  await expect(ground).toBeFocused();
  await ground.fill(GROUND);
  await expectNoAccessibilityViolations(page, 'the secrecy form');
  await secrecy.getByRole('button', { name: 'Sekretessmarkera ärendet' }).click();
  await expect(secrecy.getByRole('status')).toHaveText('Ärendet är sekretessmarkerat.');
  await expect(secrecy).toContainText('Ärendet är sekretessmarkerat. Uppgifterna lämnas inte ut');
  await expect(secrecy.getByRole('button', { name: 'Ta bort sekretessmarkeringen' })).toBeFocused();
  // The case's header says so, and the history tells who did it and on what ground.
  await expect(header.getByText('Sekretess', { exact: true })).toBeVisible();
  await expect(historyRow(page, 'Ärendet sekretessmarkerades', `Grund: ${GROUND}`)).toContainText(
    BOARD_REGISTRAR,
  );
  await expectPageWellFormed(page, 'the case marked secret');
  // In the registrar's inbox it is marked too.
  await openInbox(page, 'forskoleplats');
  await expect(page.getByRole('rowheader').filter({ has: caseLink })).toContainText('Sekretess');
  await expectNoAccessibilityViolations(page, 'the inbox with a secret case');
  await logOut(page);

  // The case officer no longer finds it: not in the inbox, and its address answers as if there
  // were no such case (the API the same: not found, never "forbidden", which would tell it exists).
  await logInAsStaff(page, PRESCHOOL_OFFICER);
  await openInbox(page, 'forskoleplats');
  await expect(caseLink).toHaveCount(0);
  const api = await page.request.get(`/api/cases/${caseId}`);
  expect(api.status()).toBe(404);
  const inbox = await page.request.get('/api/cases/inbox?service=forskoleplats&sort=-submittedAt&limit=100');
  expect(inbox.ok()).toBe(true);
  const { items } = (await inbox.json()) as { items: { id: string }[] };
  expect(items.map((item) => item.id)).not.toContain(caseId);
  await page.goto(`/handlaggning/arenden/${caseId}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Ärendet finns inte.' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(caseHeading).toHaveCount(0);
  await expect(page.getByText(registrationNumber)).toHaveCount(0);
  await expectPageWellFormed(page, 'a secret case to an officer without the permission');
  await logOut(page);

  // The registrar lifts the marking.
  await logInAsStaff(page, BOARD_REGISTRAR);
  await page.goto(`/handlaggning/arenden/${caseId}`);
  await expect(caseHeading).toBeVisible();
  await secrecy.getByRole('button', { name: 'Ta bort sekretessmarkeringen' }).click();
  await expect(secrecy.getByRole('status')).toHaveText('Sekretessmarkeringen är borttagen.');
  await expect(secrecy).toContainText('Ärendet är inte sekretessmarkerat.');
  await expect(secrecy.getByRole('button', { name: 'Sekretessmarkera' })).toBeFocused();
  await expect(header.getByText('Sekretess', { exact: true })).toHaveCount(0);
  await expect(
    page.getByRole('region', { name: 'Händelser', exact: true }).getByRole('row').filter({
      hasText: 'Sekretessmarkeringen togs bort',
    }),
  ).toContainText(BOARD_REGISTRAR);
  await expectPageWellFormed(page, 'the case after the secrecy was lifted');

  // One document can be marked on its own: here the receipt, in the open case.
  const documents = page.getByRole('region', { name: 'Handlingar', exact: true });
  const receipt = documents.getByRole('listitem').filter({ hasText: 'Kvittens' });
  await receipt.getByRole('button', { name: /^Sekretessmarkera kvitto-/ }).click();
  await expect(
    documents.getByRole('status').filter({ hasText: /^kvitto-.*\.pdf är sekretessmarkerad\.$/ }),
  ).toBeVisible();
  await expect(receipt.getByText('Sekretess', { exact: true })).toBeVisible();
  await expect(
    receipt.getByRole('button', { name: /^Ta bort sekretessmarkeringen av kvitto-/ }),
  ).toBeFocused();
  await expect(historyRow(page, 'En handling sekretessmarkerades', /^.*kvitto-/)).toContainText(
    BOARD_REGISTRAR,
  );
  await expectNoAccessibilityViolations(page, 'a document marked secret');
  await logOut(page);

  // The case officer has it back, in the inbox and on its page, without the secret receipt.
  await logInAsStaff(page, PRESCHOOL_OFFICER);
  await openInbox(page, 'forskoleplats');
  await expect(page.getByRole('rowheader').filter({ has: caseLink })).not.toContainText('Sekretess');
  await caseLink.click();
  await expect(caseHeading).toBeVisible();
  await expect(historyRow(page, 'Ärendet sekretessmarkerades', `Grund: ${GROUND}`)).toBeVisible();
  expect((await page.request.get(`/api/cases/${caseId}`)).status()).toBe(200);
  await expect(page.getByRole('region', { name: 'Handlingar', exact: true })).not.toContainText('Kvittens');
  await expectPageWellFormed(page, 'the case back for the officer');

  // Leave no open case behind (the family's person overview is read by other journeys).
  await page.getByRole('button', { name: 'Avsluta ärende' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, avsluta ärendet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ärendet är avslutat.' })).toBeVisible();
});

test('an officer takes a case and hands it to another officer of the unit, who finds it among theirs', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const { caseId, registrationNumber } = await submitAs(page, GUARDIAN, applyForPreschool);
  const caseLink = page.getByRole('link', { name: registrationNumber, exact: true });
  const caseHeading = page.getByRole('heading', { level: 1, name: `Ärende ${registrationNumber}` });

  // A new case has no officer: among the unassigned ones, not among Lina's.
  await logInAsStaff(page, PRESCHOOL_OFFICER);
  await openInbox(page, 'forskoleplats', '&assigned=unassigned');
  await expect(page.getByRole('radio', { name: 'Utan handläggare' })).toBeChecked();
  await expect(caseLink).toBeVisible();
  await page.getByRole('radio', { name: 'Mina ärenden' }).check();
  await expect(page).toHaveURL(/assigned=me/);
  await expect(caseLink).toHaveCount(0);

  // She takes it.
  await page.goto(`/handlaggning/arenden/${caseId}`);
  await expect(caseHeading).toBeVisible();
  await expect(page.getByText('Ingen handläggare ännu')).toBeVisible();
  await page.getByRole('button', { name: 'Tilldela mig' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ärendet är tilldelat dig.' })).toBeVisible();
  await expect(page.getByText(`Handläggare: ${PRESCHOOL_OFFICER}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tilldela mig' })).toHaveCount(0);

  // "Mina ärenden" has it now, with her name in its row.
  await openInbox(page, 'forskoleplats', '&assigned=me');
  await expect(page.getByRole('radio', { name: 'Mina ärenden' })).toBeChecked();
  await expect(page.getByRole('row').filter({ has: caseLink })).toContainText(PRESCHOOL_OFFICER);
  await expectNoAccessibilityViolations(page, 'the officer’s own cases');
  await caseLink.click();
  await expect(caseHeading).toBeVisible();
  const tasks = page.getByRole('region', { name: 'Att göra' });
  await expect(tasks.getByText(`Tilldelad ${PRESCHOOL_OFFICER}`)).toBeVisible({ timeout: 20_000 });

  // She hands it to her colleague. The picker offers everyone who may handle the case (the unit's
  // officers and the board's registrar) except the one who has it.
  await page.getByRole('button', { name: 'Byt handläggare' }).click();
  const picker = page.getByRole('button', { name: /Välj handläggare$/ });
  await expect(picker).toBeFocused();
  // Assigning without choosing says what is missing.
  await page.getByRole('button', { name: 'Tilldela', exact: true }).click();
  await expect(page.getByText('Välj en handläggare.')).toBeVisible();
  await expectNoAccessibilityViolations(page, 'the officer picker with an error');
  await picker.click();
  await expect(page.getByRole('option', { name: BOARD_REGISTRAR })).toBeVisible();
  await expect(page.getByRole('option', { name: PRESCHOOL_OFFICER })).toHaveCount(0);
  await page.getByRole('option', { name: SECOND_PRESCHOOL_OFFICER }).click();
  await page.getByRole('button', { name: 'Tilldela', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Ärendet är tilldelat ${SECOND_PRESCHOOL_OFFICER}.` }),
  ).toBeVisible();
  await expect(page.getByText(`Handläggare: ${SECOND_PRESCHOOL_OFFICER}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Byt handläggare' })).toBeFocused();
  // The open task goes with the case; Lina may still take it back.
  await expect(tasks.getByText(`Tilldelad ${SECOND_PRESCHOOL_OFFICER}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tilldela mig' })).toBeVisible();

  // The history tells both: first to her, then to Johanna, each by whom.
  const assignments = page
    .getByRole('region', { name: 'Händelser', exact: true })
    .getByRole('row')
    .filter({ hasText: 'Ny handläggare' });
  await expect(assignments).toHaveCount(2);
  // Newest first; the cells are the time, who did it, and what happened with its detail.
  await expect(assignments.nth(0).getByRole('cell').nth(1)).toHaveText(PRESCHOOL_OFFICER);
  await expect(assignments.nth(0).getByRole('cell').nth(2)).toHaveText(
    `Ny handläggare${SECOND_PRESCHOOL_OFFICER}`,
  );
  await expect(assignments.nth(1).getByRole('cell').nth(1)).toHaveText(PRESCHOOL_OFFICER);
  await expect(assignments.nth(1).getByRole('cell').nth(2)).toHaveText(`Ny handläggare${PRESCHOOL_OFFICER}`);
  await expectPageWellFormed(page, 'the case handed on');

  // It is gone from her cases, and among all the unit's with Johanna's name.
  await openInbox(page, 'forskoleplats', '&assigned=me');
  await expect(caseLink).toHaveCount(0);
  await page.getByRole('group', { name: 'Handläggare' }).getByRole('radio', { name: 'Alla' }).check();
  await expect(page.getByRole('row').filter({ has: caseLink })).toContainText(SECOND_PRESCHOOL_OFFICER);
  await logOut(page);

  // Johanna finds it from her start page: among her tasks, and among the cases assigned to her.
  await logInAsStaff(page, SECOND_PRESCHOOL_OFFICER);
  await expect(
    page
      .getByRole('region', { name: 'Mina uppgifter' })
      .getByRole('link', { name: `Placera i kö och matcha mot lediga platser – ${registrationNumber}` }),
  ).toBeVisible();
  await page
    .getByRole('region', { name: 'Ärenden' })
    .getByRole('link', { name: 'Ärenden som är tilldelade mig' })
    .click();
  await expect(page).toHaveURL(/\/handlaggning\/arenden\?assigned=me$/);
  await expect(page.getByRole('radio', { name: 'Mina ärenden' })).toBeChecked();
  const received = page.getByRole('columnheader', { name: /Inkom/ });
  await received.getByRole('button').click();
  await expect(received).toHaveAttribute('aria-sort', 'ascending');
  await received.getByRole('button').click();
  await expect(received).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('row').filter({ has: caseLink })).toContainText(SECOND_PRESCHOOL_OFFICER);
  await expectPageWellFormed(page, 'the colleague’s own cases');
  await caseLink.click();
  await expect(caseHeading).toBeVisible();
  await expect(page.getByText(`Handläggare: ${SECOND_PRESCHOOL_OFFICER}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tilldela mig' })).toHaveCount(0);
  await expect(tasks.getByRole('button', { name: 'Slutför uppgift' })).toBeVisible();

  // Leave no open case behind (the family's person overview is read by other journeys).
  await page.getByRole('button', { name: 'Avsluta ärende' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, avsluta ärendet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ärendet är avslutat.' })).toBeVisible();
});

test('an officer handles a case in English, then switches back to Swedish', async ({ page }) => {
  test.setTimeout(240_000);
  const { caseId, registrationNumber } = await submitAs(page, GUARDIAN, applyForPreschool);

  await logInAsStaff(page, PRESCHOOL_OFFICER);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The inbox, from the menu.
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  // Newest first, by the column's header (twice: ascending, then descending).
  const received = page.getByRole('columnheader', { name: /Received/ });
  await received.getByRole('button').click();
  await expect(received).toHaveAttribute('aria-sort', 'ascending');
  await received.getByRole('button').click();
  await expect(received).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=-submittedAt/);
  const caseLink = page.getByRole('link', { name: registrationNumber, exact: true });
  await expect(caseLink).toBeVisible();
  const row = page.getByRole('row').filter({ has: caseLink });
  await expect(row).toContainText('Apply for a preschool place');
  await expect(row).toContainText('Queue and match against free places', { timeout: 20_000 });
  for (const english of ['Show cases', 'Case officer', 'My cases', 'Without a case officer']) {
    await expect(page.getByText(english, { exact: true }).first()).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Service promises' })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(/Ärenden|Handläggare|Mina ärenden|Servicelöfte/);
  await expectPageWellFormed(page, 'the inbox in English');

  // The case screen.
  await caseLink.click();
  await expect(page).toHaveURL(new RegExp(`/handlaggning/arenden/${caseId}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Case ${registrationNumber}` })).toBeVisible();
  await expect(page.getByText('Apply for a preschool place, version 1')).toBeVisible();
  const tasks = page.getByRole('region', { name: 'To do' });
  await expect(tasks.getByRole('heading', { name: 'Queue and match against free places' })).toBeVisible({
    timeout: 20_000,
  });
  for (const heading of ['Parties', 'Application', 'Process', 'Documents', 'Internal notes', 'Events']) {
    await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByText('No case officer yet')).toBeVisible();
  await page.getByRole('button', { name: 'Assign to me' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The case is assigned to you.' })).toBeVisible();
  await expect(page.getByText(`Case officer: ${PRESCHOOL_OFFICER}`)).toBeVisible();
  // The task and its form in English: the e-service's own English labels, and no Swedish left.
  await expect(tasks.getByRole('button', { name: 'Complete task' })).toBeVisible();
  await expect(tasks).not.toContainText(/Slutför|Kryssa|Ködatum|Anteckning|Föreslagen|Att göra/);
  await expect(page.getByRole('main')).not.toContainText(
    /Tilldela|Byt handläggare|Avsluta ärende|Interna anteckningar|Händelser|Handlingar|Parter/,
  );
  await expectPageWellFormed(page, 'the case view in English');

  // Completing the task: its errors in English first.
  await tasks.getByRole('button', { name: 'Complete task' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There are errors you need to correct' });
  await expect(summary.getByRole('link')).toHaveCount(3);
  await expect(summary.getByRole('link').first()).toHaveText(
    'Tick “The queue date is the day the application arrived”.',
  );
  await expect(summary).not.toContainText(/Kryssa|fel som du/);
  await expectNoAccessibilityViolations(page, 'the task form with errors in English');
  await tasks.getByRole('checkbox', { name: 'The queue date is the day the application arrived' }).check();
  await tasks.getByRole('checkbox', { name: /The wishes were tried in the order/ }).check();
  await tasks.getByRole('checkbox', { name: /Priority under the admission rules/ }).check();
  await tasks.getByRole('button', { name: /Proposed preschool/ }).click();
  await page.getByRole('option', { name: 'Solrosen preschool' }).click();
  await tasks.getByRole('textbox', { name: 'Note' }).fill('A place is free from August.');
  await tasks.getByRole('button', { name: 'Complete task' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'The task “Queue and match against free places” is done.' }),
  ).toBeVisible();

  // The decision in English, with its confirmation.
  await expect(tasks.getByRole('heading', { name: 'Decide on an offer' })).toBeVisible();
  await expect(tasks.getByRole('textbox', { name: 'Justification' })).toBeVisible();
  await expect(tasks).not.toContainText(/Fatta beslut|Motivering|Överklagande|Erbjudande/);
  await tasks.getByRole('radio', { name: 'Offer of a place at a preschool you chose' }).check();
  await tasks
    .getByRole('textbox', { name: 'Justification' })
    .fill('Oskar gets a place at Solrosen preschool, the first choice.');
  await tasks.getByRole('button', { name: 'Make the decision' }).click();
  const dialog = page.getByRole('alertdialog', {
    name: 'Make the decision “Offer of a place at a preschool you chose”?',
  });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoAccessibilityViolations(page, 'the decision confirmation in English');
  await dialog.getByRole('button', { name: 'Yes, make the decision' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The decision has been made.' })).toBeVisible();
  const decision = page.getByRole('region', { name: 'Decision', exact: true });
  await expect(decision).toContainText('Offer of a place at a preschool you chose');
  await expect(decision.getByRole('link', { name: 'The decision as PDF' })).toBeVisible();
  const history = page.getByRole('region', { name: 'Events', exact: true });
  await expect(history).toContainText('Decision made');
  await expect(history).toContainText('The task was completed');
  await expect(history).toContainText('New case officer');
  await expect(history).not.toContainText(/Beslut fattades|Uppgiften slutfördes|Ny handläggare/);
  await expectPageWellFormed(page, 'the decided case in English');

  // Back to Swedish, on the same screen.
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('heading', { level: 1, name: `Ärende ${registrationNumber}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Beslut', exact: true })).toContainText(
    'Erbjudande om plats på en önskad förskola',
  );
  await expect(page.getByRole('region', { name: 'Händelser', exact: true })).toContainText('Beslut fattades');
  await expectNoAccessibilityViolations(page, 'the decided case back in Swedish');

  // Leave no open case behind (the family's person overview is read by other journeys).
  await page.getByRole('button', { name: 'Avsluta ärende' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, avsluta ärendet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ärendet är avslutat.' })).toBeVisible();
});
