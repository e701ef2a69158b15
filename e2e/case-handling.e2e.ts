import { expect, test } from '@playwright/test';
import {
  expectNoAccessibilityViolations,
  expectNoHorizontalScroll,
  expectPageWellFormed,
} from './accessibility.ts';
import { logInAsCitizen, logInAsStaff, logOut } from './login.ts';
import { givePurpose, openPersonSearch, searchByPersonalNumber } from './person-lookup.ts';
import { applyForPreschool } from './preschool-application.ts';

// The case handling loop of issue 12: a guardian applies for a preschool place, an officer of the
// preschool unit finds the case in the unit inbox, takes it, completes the placement checklist and
// decides; the guardian reads the decision and downloads its PDF on Mina sidor.

const GUARDIAN = 'Elin Lindqvist';
const OFFICER = 'Lina Forsberg';
const OUTCOME = 'Erbjudande om plats på en önskad förskola';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('a guardian applies, an officer handles and decides, the guardian reads the decision', async ({
  page,
}) => {
  // A long journey across four logins with many page checks.
  test.setTimeout(300_000);

  // The guardian applies (through the API, see above).
  await logInAsCitizen(page, GUARDIAN);
  const { caseId, registrationNumber } = await applyForPreschool(page);
  expect(registrationNumber).toMatch(/^BUN \d{4}\/\d+$/);
  await logOut(page);

  // The officer finds it in her unit's inbox, from the menu.
  await logInAsStaff(page, OFFICER);
  await expect(page.getByRole('heading', { name: 'Ärenden', level: 2 })).toBeVisible();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ärenden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ärenden' })).toBeVisible();
  const caseLink = page.getByRole('link', { name: registrationNumber, exact: true });
  await expect(caseLink).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Servicelöften' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Ansök om plats i förskola' })).toBeVisible();
  await expectPageWellFormed(page, 'the case inbox');

  // Filters go into the address; a case with no officer is among the unassigned ones.
  await page.getByRole('radio', { name: 'Utan handläggare' }).check();
  await expect(page).toHaveURL(/assigned=unassigned/);
  await expect(caseLink).toBeVisible();
  await page.getByRole('radio', { name: 'Mina ärenden' }).check();
  await expect(page).toHaveURL(/assigned=me/);
  await expect(caseLink).toHaveCount(0);
  await page.getByRole('button', { name: 'Rensa filtren' }).click();
  await expect(page).not.toHaveURL(/assigned=/);
  // Sorting by a column header says so to assistive technology.
  const submittedHeader = page.getByRole('columnheader', { name: /Inkom/ });
  await expect(submittedHeader).toHaveAttribute('aria-sort', 'none');
  await submittedHeader.getByRole('button').click();
  await expect(submittedHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/sort=submittedAt/);
  await expect(page.getByRole('columnheader', { name: /Beslut senast/ })).toHaveAttribute(
    'aria-sort',
    'none',
  );

  // The case screen.
  await caseLink.click();
  await expect(page).toHaveURL(new RegExp(`/handlaggning/arenden/${caseId}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Ärende ${registrationNumber}` })).toBeVisible();
  await expect(page.getByText('Ansök om plats i förskola, version 1')).toBeVisible();
  const parties = page.getByRole('region', { name: 'Parter' });
  await expect(parties).toContainText('Elin Lindqvist');
  await expect(parties).toContainText('Oskar Lindqvist');
  await expect(parties).toContainText('20150101-****');
  await expect(parties).not.toContainText('2395');
  // The application with the form's own labels and option names.
  const application = page.getByRole('region', { name: 'Ansökan' });
  await expect(application).toContainText('Vilka förskolor önskar du?');
  await expect(application).toContainText('Solrosens förskola');
  await expect(application).toContainText('Jag eller vi arbetar');
  // The process starts in the background: the screen asks again until the first task is there.
  const tasks = page.getByRole('region', { name: 'Att göra' });
  await expect(
    tasks.getByRole('heading', { name: 'Placera i kö och matcha mot lediga platser' }),
  ).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText('Ingen handläggare ännu')).toBeVisible();
  await expectPageWellFormed(page, 'the case view');

  // She takes the case.
  await page.getByRole('button', { name: 'Tilldela mig' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ärendet är tilldelat dig.' })).toBeVisible();
  await expect(page.getByText(`Handläggare: ${OFFICER}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tilldela mig' })).toHaveCount(0);

  // The process map, with its text alternative: the step under way.
  const process = page.getByRole('region', { name: 'Process' });
  await process.getByRole('button', { name: 'Visa processkartan' }).click();
  await expect(process.getByRole('img', { name: /Processkartan/ })).toBeVisible();
  await expect(process.locator('.case-step-current-label')).toHaveText('Pågår nu');
  const steps = process.getByRole('list').filter({ hasText: 'Besluta om erbjudande' });
  await expect(steps.getByRole('listitem').filter({ hasText: 'Placera i kö' })).toContainText('Pågår nu');
  // The map is a drawing in a pannable, zoomable canvas, not text that reflows (the list of steps
  // is): axe-core and the page's width are checked with it, the width of its drawn labels is not.
  await expectNoAccessibilityViolations(page, 'the case view with the process map');
  await expectNoHorizontalScroll(page);
  await process.getByRole('button', { name: 'Dölj processkartan' }).click();
  await expect(process.getByRole('img')).toHaveCount(0);

  // The placement checklist: all three boxes must be ticked.
  await tasks.getByRole('button', { name: 'Slutför uppgift' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel som du behöver rätta' });
  await expect(summary.getByRole('link')).toHaveCount(3);
  await expect(summary.getByRole('link').first()).toHaveText(
    'Kryssa i ”Ködatum är satt till den dag ansökan kom in”.',
  );
  await expectNoAccessibilityViolations(page, 'the task form with errors');
  await tasks.getByRole('checkbox', { name: 'Ködatum är satt till den dag ansökan kom in' }).check();
  await tasks.getByRole('checkbox', { name: /Önskemålen är prövade/ }).check();
  await tasks.getByRole('checkbox', { name: /Förtur enligt antagningsreglerna/ }).check();
  await tasks.getByRole('button', { name: /Föreslagen förskola/ }).click();
  await page.getByRole('option', { name: 'Solrosens förskola' }).click();
  await tasks.getByRole('textbox', { name: 'Anteckning' }).fill('Plats finns från augusti.');
  await tasks.getByRole('button', { name: 'Slutför uppgift' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Uppgiften ”Placera i kö och matcha mot lediga platser” är klar.' }),
  ).toBeVisible();
  await expect(tasks.getByRole('heading', { name: 'Att göra' })).toBeFocused();

  // The decision, with a confirmation first.
  await expect(tasks.getByRole('heading', { name: 'Besluta om erbjudande' })).toBeVisible();
  await tasks.getByRole('button', { name: 'Fatta beslut' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Det finns fel som du behöver rätta' }).getByRole('link'),
  ).toHaveText(['Välj vad du beslutar.', 'Skriv en motivering.']);
  await tasks.getByRole('radio', { name: OUTCOME }).check();
  await tasks
    .getByRole('textbox', { name: 'Motivering' })
    .fill('Oskar får plats på Solrosens förskola, som var ert första val.');
  await tasks.getByRole('button', { name: 'Fatta beslut' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Fatta beslutet ”${OUTCOME}”?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await expectNoAccessibilityViolations(page, 'the decision confirmation');
  await dialog.getByRole('button', { name: 'Ja, fatta beslut' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Beslutet är fattat.' })).toBeVisible();

  const decision = page.getByRole('region', { name: 'Beslut', exact: true });
  await expect(decision).toContainText(OUTCOME);
  await expect(decision).toContainText('Oskar får plats på Solrosens förskola');
  await expect(decision).toContainText(OFFICER);
  const pdfLink = decision.getByRole('link', { name: 'Beslutet som PDF' });
  const pdf = await page.request.get((await pdfLink.getAttribute('href')) ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(
    page.getByRole('region', { name: 'Handlingar' }).getByText('Beslut', { exact: true }),
  ).toBeVisible();

  // An internal note, newest first, marked as never shown to the applicant.
  const notes = page.getByRole('region', { name: 'Interna anteckningar' });
  await notes
    .getByRole('textbox', { name: 'Ny anteckning' })
    .fill('Vårdnadshavaren ringde och frågade om inskolning.');
  await notes.getByRole('button', { name: 'Spara anteckning' }).click();
  await expect(notes.getByRole('status')).toHaveText('Anteckningen är sparad.');
  const note = notes.getByRole('listitem').filter({ hasText: 'inskolning' });
  await expect(note).toContainText('Intern anteckning — syns inte för den sökande');
  await expect(note).toContainText(OFFICER);

  // The history tells what happened, in words.
  const history = page.getByRole('region', { name: 'Händelser', exact: true });
  await expect(history).toContainText('Beslut fattades');
  await expect(history).toContainText('Uppgiften slutfördes');
  await expectPageWellFormed(page, 'the decided case');
  await logOut(page);

  // The guardian reads the decision on Mina sidor and downloads it.
  await logInAsCitizen(page, GUARDIAN);
  await page.goto(`/mina-sidor/arenden/${caseId}`);
  await expect(page.getByText(registrationNumber).first()).toBeVisible();
  const myDecision = page.getByRole('region', { name: 'Beslut', exact: true });
  await expect(myDecision).toContainText(OUTCOME);
  await expect(myDecision).toContainText('Oskar får plats på Solrosens förskola');
  await expect(page.getByText('inskolning')).toHaveCount(0);
  const documents = page.getByRole('region', { name: 'Handlingar' });
  const decisionDocument = documents.getByRole('listitem').filter({ hasText: 'Beslut' });
  const downloading = page.waitForEvent('download');
  await decisionDocument.getByRole('link').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expectPageWellFormed(page, 'the guardian’s decided case');
  await logOut(page);

  // The guardian said yes: the officer records the answer, which ends the process and the case.
  await logInAsStaff(page, OFFICER);
  await page.goto(`/handlaggning/arenden/${caseId}`);
  const answerTask = page.getByRole('region', { name: 'Att göra' });
  await expect(answerTask.getByRole('heading', { name: 'Registrera svaret på erbjudandet' })).toBeVisible();
  // The start date is asked for only once the answer is yes.
  await expect(answerTask.getByLabel('Första dagen på förskolan')).toHaveCount(0);
  await answerTask.getByRole('radio', { name: 'Tackat ja' }).check();
  await answerTask.getByLabel('Första dagen på förskolan').fill('2027-08-16');
  await answerTask.getByRole('button', { name: 'Slutför uppgift' }).click();
  await expect(page.getByText('Processen: Klar')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Att göra' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Avsluta ärende' })).toHaveCount(0);
  await expect(page.getByText(`Handläggare: ${OFFICER}`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Händelser', exact: true })).toContainText(
    'Ärendet avslutades',
  );
  await expectPageWellFormed(page, 'the closed case');
});

test('the workspace and the person overview lead to the case, which is then closed', async ({ page }) => {
  test.setTimeout(150_000);
  await logInAsCitizen(page, GUARDIAN);
  const { registrationNumber } = await applyForPreschool(page);
  await logOut(page);

  await logInAsStaff(page, OFFICER);
  const cases = page.getByRole('region', { name: 'Ärenden' });
  await cases.getByRole('link', { name: 'Ärenden som är tilldelade mig' }).click();
  await expect(page).toHaveURL(/\/handlaggning\/arenden\?assigned=me$/);
  await expect(page.getByRole('radio', { name: 'Mina ärenden' })).toBeChecked();
  // A new case is far from its promised date: not among those due soon, then there among all.
  const promise = page.getByRole('group', { name: 'Servicelöfte' });
  await promise.getByRole('radio', { name: 'Snart försenade' }).check();
  await expect(page).toHaveURL(/[?&]atRisk=true/);
  await page.getByRole('group', { name: 'Handläggare' }).getByRole('radio', { name: 'Alla' }).check();
  await expect(page.getByRole('link', { name: registrationNumber, exact: true })).toHaveCount(0);
  await promise.getByRole('radio', { name: 'Alla' }).check();
  await page.getByRole('link', { name: registrationNumber, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Ärende ${registrationNumber}` })).toBeVisible();

  // The task list on the start page links each case task to its case.
  await page.getByRole('button', { name: 'Tilldela mig' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ärendet är tilldelat dig.' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Min startsida' })
    .click();
  const taskLink = page
    .getByRole('region', { name: 'Mina uppgifter' })
    .getByRole('link', { name: 'Placera i kö och matcha mot lediga platser' })
    .first();
  await expect(taskLink).toBeVisible();
  await taskLink.click();
  await expect(page.getByRole('heading', { level: 1, name: /^Ärende BUN / })).toBeVisible();

  // The person overview lists the child's open cases, each a link to its case.
  await openPersonSearch(page);
  await givePurpose(page, 'Handläggning av ärende', registrationNumber);
  await searchByPersonalNumber(page, '20150101-2395');
  await page.getByRole('link', { name: 'Oskar Lindqvist' }).click();
  const open = page.getByRole('region', { name: 'Öppna ärenden' });
  await open.getByRole('link', { name: new RegExp(escapeRegExp(registrationNumber)) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Ärende ${registrationNumber}` })).toBeVisible();

  // The picker offers the unit's other officer, and can take the officer away.
  await page.getByRole('button', { name: 'Byt handläggare' }).click();
  await page.getByRole('button', { name: /Välj handläggare/ }).click();
  await expect(page.getByRole('option', { name: 'Johanna Berglund' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Ta bort handläggaren' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Ärendet har ingen handläggare nu.' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Välj handläggare' })).toBeFocused();

  // The application was a mistake: the officer closes the case, after a question.
  await page.getByRole('button', { name: 'Avsluta ärende' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Avsluta ärendet?' });
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await dialog
    .getByRole('textbox', { name: 'Anledning (frivilligt)' })
    .fill('Ansökan skickades in två gånger.');
  await expectNoAccessibilityViolations(page, 'the question before closing');
  await dialog.getByRole('button', { name: 'Ja, avsluta ärendet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ärendet är avslutat.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Avsluta ärende' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Händelser', exact: true })).toContainText(
    'Anledning: Ansökan skickades in två gånger.',
  );
});

test('the case pages at double text size keep every text inside its box', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'the phone project checks 320 px at normal size');
  test.setTimeout(150_000);
  await logInAsCitizen(page, GUARDIAN);
  const { caseId, registrationNumber } = await applyForPreschool(page);
  await logOut(page);

  await logInAsStaff(page, OFFICER);
  for (let step = 0; step < 4; step++) await page.getByRole('button', { name: 'Större text' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Textstorlek: 200 %' })).toBeAttached();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ärenden' }).click();
  await expect(page.getByRole('link', { name: registrationNumber, exact: true })).toBeVisible();
  await expectPageWellFormed(page, 'the case inbox at 200 %');
  await page.getByRole('link', { name: registrationNumber, exact: true }).click();
  await expect(
    page.getByRole('region', { name: 'Att göra' }).getByRole('heading', { name: /Placera i kö/ }),
  ).toBeVisible({ timeout: 20_000 });
  await expectPageWellFormed(page, 'the case view at 200 %');

  // Leave no open case behind for the other journeys (the person overview of the family).
  await page.getByRole('button', { name: 'Avsluta ärende' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, avsluta ärendet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ärendet är avslutat.' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/handlaggning/arenden/${caseId}$`));
  await page.getByRole('button', { name: 'Återställ' }).click();
});
