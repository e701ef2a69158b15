import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { expectPageWellFormed } from './accessibility.ts';

// The citizen's journey through the e-services (issue 12): the open catalog, a guardian's
// preschool application with prefill, a saved draft, the form's checks, the review, the receipt
// with its PDF and the case on Mina sidor; and an anonymous fault report with a photo, followed
// through its tracking link. Every journey runs at a desktop and at a phone width (the projects
// of playwright.config.ts), against one server: cases from earlier runs may be there.

/** A 1 × 1 pixel PNG: a photo of the fault, as small as a photo can be. */
const PNG_PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function step(page: Page, name: string) {
  return page.getByRole('heading', { level: 2, name, exact: true });
}

/** Choose in a React Aria select: open its list by the field's label and pick the option. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

test('anyone browses the catalog, searches it and narrows it by life situation', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Mölnåls stads e-tjänster' })).toBeVisible();
  const results = page.getByRole('region', { name: 'Alla e-tjänster' });
  await expect(results.getByRole('link', { name: 'Ansök om plats i förskola' })).toBeVisible();
  await expect(results.getByRole('link', { name: 'Felanmälan gata och park' })).toBeVisible();
  // Staff-only e-services (supplier invoices) are not in the citizens' catalog.
  await expect(page.getByText(/leverantörsfaktura/i)).toHaveCount(0);
  // Each e-service says what it promises and whether it needs a login.
  const preschool = results.getByRole('listitem').filter({ hasText: 'Ansök om plats i förskola' });
  await expect(preschool).toContainText('Besked inom 80 arbetsdagar');
  await expect(preschool).toContainText('Du loggar in med e-legitimation');
  const fault = results.getByRole('listitem').filter({ hasText: 'Felanmälan gata och park' });
  await expect(fault).toContainText('Du behöver inte logga in.');
  await expectPageWellFormed(page, 'the catalog');

  const search = page.getByRole('search', { name: 'Sök bland e-tjänsterna' });
  await search.getByRole('textbox', { name: 'Sök e-tjänst' }).fill('bygglov');
  await search.getByRole('button', { name: 'Sök' }).click();
  await expect(page).toHaveURL(/\?q=bygglov/);
  const found = page.getByRole('region', { name: 'Sökresultat för ”bygglov”' });
  await expect(found.getByRole('link', { name: 'Ansök om bygglov' })).toBeVisible();
  await expect(found.getByRole('link', { name: 'Ansök om plats i förskola' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '1 e-tjänst' })).toBeVisible();
  await expectPageWellFormed(page, 'the catalog searched');

  await search.getByRole('textbox', { name: 'Sök e-tjänst' }).fill('');
  await search.getByRole('button', { name: 'Sök' }).click();
  const areas = page.getByRole('navigation', { name: 'Välj område' });
  await areas.getByRole('link', { name: /^Trafik och gator/ }).click();
  await expect(page).toHaveURL(/\?omrade=trafik-gator/);
  await expect(areas.getByRole('link', { name: /^Trafik och gator/ })).toHaveAttribute(
    'aria-current',
    'true',
  );
  const traffic = page.getByRole('region', { name: 'Trafik och gator' });
  await expect(traffic.getByRole('link', { name: 'Felanmälan gata och park' })).toBeVisible();
  await expect(traffic.getByRole('link', { name: 'Ansök om plats i förskola' })).toHaveCount(0);
  await expectPageWellFormed(page, 'the catalog narrowed to a life situation');

  // In English too, and back.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('region', { name: 'Traffic and streets' })).toContainText(
    'Report a fault in a street or park',
  );
  await page.getByRole('button', { name: 'Svenska' }).click();
});

test('a guardian applies for a preschool place: prefilled child, a saved draft, checks, review, receipt and Mina sidor', async ({
  page,
}) => {
  // A long journey with many page checks: more than the default half minute.
  test.setTimeout(240_000);

  // Not logged in, the e-service explains why to log in, and the login comes back here.
  await page.goto('/');
  await page.getByRole('link', { name: 'Ansök om plats i förskola' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ansök om plats i förskola' })).toBeVisible();
  await expect(
    page.getByText('Du behöver logga in med e-legitimation för att använda den här e-tjänsten.'),
  ).toBeVisible();
  await expectPageWellFormed(page, 'the preschool form before login');
  await page.getByRole('main').getByRole('link', { name: 'Logga in med e-legitimation' }).click();
  await page.getByRole('radio', { name: /Johan Berg/ }).check();
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/e-tjanster\/forskoleplats$/);

  // A draft left by an earlier run (the other screen width) is thrown away first.
  const startOver = page.getByRole('button', { name: 'Börja om' });
  await expect(step(page, 'Barnet').or(startOver)).toBeVisible();
  if (await startOver.isVisible()) await startOver.click();

  // Step 1: what the register knows is shown, not asked; the child is a choice among Johan's.
  await expect(step(page, 'Barnet')).toBeVisible();
  await expect(page.getByText('Steg 1 av 4')).toBeVisible();
  const known = page.getByRole('region', { name: 'Uppgifter vi redan har om dig' });
  await expect(known).toContainText('Johan Berg');
  await expect(known).toContainText('19850101-2390');
  await expect(page.getByRole('textbox', { name: /personnummer/i })).toHaveCount(0);
  const child = page.getByRole('radio', { name: /^Oskar Lindqvist, \d+ år$/ });
  await expect(child).toBeVisible();
  await expectPageWellFormed(page, 'the preschool form, step 1');
  // Going on without choosing: the error is next to the question and in the summary.
  await page.getByRole('button', { name: 'Nästa' }).click();
  await expect(page.getByRole('alert')).toContainText('Vilket barn söker du plats för? Välj ett alternativ.');
  await expect(page.getByRole('group', { name: 'Vilket barn söker du plats för?' })).toContainText(
    'Välj ett alternativ.',
  );
  await child.check();
  await page.getByRole('button', { name: 'Nästa' }).click();

  // Step 2: preschools in order of preference, without drag and drop.
  await expect(step(page, 'Förskola och start')).toBeVisible();
  await expect(page.getByText('Steg 2 av 4')).toBeVisible();
  const wishes = page.getByRole('group', { name: 'Vilka förskolor önskar du?' });
  await wishes.getByRole('button', { name: 'Lägg till Solrosens förskola' }).click();
  await wishes.getByRole('button', { name: 'Lägg till Kvarnbyns förskola' }).click();
  await wishes.getByRole('button', { name: 'Flytta upp Kvarnbyns förskola' }).click();
  await expect(wishes.getByRole('button', { name: 'Flytta ned Kvarnbyns förskola' })).toBeFocused();
  await expect(
    wishes.getByRole('list', { name: undefined }).first().getByRole('listitem').first(),
  ).toContainText('Kvarnbyns förskola');
  await page.getByLabel('När ska barnet börja?').fill('2027-01-11');
  await expectPageWellFormed(page, 'the preschool form, step 2');

  // Saved for later, and left.
  await page.getByRole('button', { name: 'Spara och fortsätt senare' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Vi har sparat det du har fyllt i.' }),
  ).toBeVisible();
  await page.goto('/');

  // Back again (a new page load): the draft is offered and continues where it was left.
  await page.goto('/e-tjanster/forskoleplats');
  await expect(page.getByRole('heading', { level: 2, name: 'Du har redan börjat fylla i' })).toBeVisible();
  await expectPageWellFormed(page, 'the preschool form offering the draft');
  await page.getByRole('button', { name: 'Fortsätt där du slutade' }).click();
  await expect(step(page, 'Förskola och start')).toBeFocused();
  await expect(wishes.getByRole('listitem').first()).toContainText('1:a hand Kvarnbyns förskola');
  await expect(page.getByLabel('När ska barnet börja?')).toHaveValue('2027-01-11');

  // A required answer missing: said next to the question, the summary takes focus.
  await page.getByRole('button', { name: 'Nästa' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Varför behöver barnet förskola? Välj ett alternativ.');
  const reason = page.getByRole('group', { name: 'Varför behöver barnet förskola?' });
  await expect(reason).toContainText('Välj ett alternativ.');
  await expectPageWellFormed(page, 'the preschool form with an error');
  await summary.getByRole('link', { name: /Varför behöver barnet förskola/ }).click();
  await expect(page.getByRole('radio', { name: 'Jag eller vi arbetar' })).toBeFocused();
  await page.getByRole('radio', { name: 'Jag eller vi arbetar' }).check();
  // Working parents say how many hours: the question appears only now.
  const hours = page.getByRole('textbox', { name: 'Hur många timmar i veckan behöver barnet vara där?' });
  await hours.fill('40');
  await page.getByRole('button', { name: 'Nästa' }).click();

  // Step 3: contact details, started from the register when it has them.
  await expect(step(page, 'Kontaktuppgifter')).toBeVisible();
  const email = page.getByRole('textbox', { name: 'E-postadress' });
  if ((await email.inputValue()) === '') await email.fill('johan.berg@example.se');
  await expectPageWellFormed(page, 'the preschool form, step 3');
  await page.getByRole('button', { name: 'Granska svaren' }).click();

  // The review: every answer, each step with its "Ändra".
  await expect(step(page, 'Granska och skicka in')).toBeVisible();
  await expect(page.getByText('Steg 4 av 4')).toBeVisible();
  const answers = page.getByRole('region', { name: 'Förskola och start' });
  await expect(answers).toContainText('1:a hand: Kvarnbyns förskola');
  await expect(answers).toContainText('2:a hand: Solrosens förskola');
  await expect(answers).toContainText('Jag eller vi arbetar');
  await expect(page.getByRole('region', { name: 'Barnet' })).toContainText('Oskar Lindqvist');
  await expect(page.getByRole('button', { name: 'Ändra Förskola och start' })).toBeVisible();
  await expectPageWellFormed(page, 'the review');

  await page.getByRole('button', { name: 'Skicka in' }).click();

  // The receipt: registration number, times, the PDF and the way to Mina sidor.
  await expect(page.getByRole('heading', { level: 1, name: 'Vi har tagit emot ditt ärende' })).toBeVisible();
  const number = page.locator('.receipt-number');
  await expect(number).toHaveText(/^BUN \d{4}\/\d+$/);
  const registrationNumber = (await number.textContent()) ?? '';
  await expect(page.getByText('Beslut senast', { exact: true })).toBeVisible();
  const pdfLink = page.getByRole('link', { name: 'Ladda ner kvittot (PDF)' });
  await expect(pdfLink).toBeVisible({ timeout: 30_000 });
  await expectPageWellFormed(page, 'the receipt');
  const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
  const pdf = await readFile((await download.path()) ?? '');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Mina sidor: the case with its status, and its page.
  await page.getByRole('link', { name: 'Gå till Mina ärenden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina ärenden' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: registrationNumber });
  await expect(item).toContainText('Ansök om plats i förskola');
  await expect(item).toContainText('Oskar');
  await expect(item.locator('.status-badge')).not.toBeEmpty();
  await expect(page.getByRole('region', { name: 'Påbörjade ansökningar' })).not.toContainText(
    'Ansök om plats i förskola',
  );
  await expectPageWellFormed(page, 'Mina ärenden');
  await item.getByRole('link', { name: 'Ansök om plats i förskola' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ansök om plats i förskola' })).toBeVisible();
  await expect(page.getByText(`Ärende ${registrationNumber}`)).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Så har det gått' }).getByRole('listitem').first(),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Handlingar' }).getByRole('link', { name: /\.pdf/ }).first(),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Det här skickades in' })).toContainText(
    'Kvarnbyns förskola',
  );
  await expectPageWellFormed(page, 'a case on Mina sidor');

  await page.goto('/mina-sidor');
  await expect(
    page.getByRole('region', { name: 'Mina ärenden' }).getByRole('link', { name: 'Mina ärenden' }),
  ).toBeVisible();
});

test('anyone reports a fault with a photo, without logging in, and follows it by the link', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/?omrade=trafik-gator');
  await page.getByRole('link', { name: 'Felanmälan gata och park' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Felanmälan gata och park' })).toBeVisible();
  await expect(step(page, 'Felet')).toBeVisible();
  await expectPageWellFormed(page, 'the fault report form');

  await choose(page, 'Vad vill du anmäla?', 'Hål eller skada i gata eller gångbana');
  await page.getByRole('textbox', { name: 'Beskriv platsen' }).fill('Storgatan 12, utanför biblioteket');
  // The phone's position, kept in SWEREF 99 TM as the form's schema asks.
  await page.context().grantPermissions(['geolocation']);
  await page.context().setGeolocation({ latitude: 57.7089, longitude: 11.9746 });
  await page.getByRole('button', { name: 'Använd min position' }).click();
  await expect(
    page.getByText(/Din position är sparad: N 6.400.326, E 319.758 \(SWEREF 99 TM\)/),
  ).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Beskriv felet' })
    .fill('Ett djupt hål i gångbanan, ungefär en halv meter brett.');
  await page
    .getByLabel('Foton (om du vill)')
    .setInputFiles({ name: 'hal-i-gatan.png', mimeType: 'image/png', buffer: PNG_PIXEL });
  const files = page.getByRole('list', { name: 'Uppladdade filer' });
  await expect(files).toContainText('hal-i-gatan.png');
  await expect(files).toContainText('PNG');
  await expectPageWellFormed(page, 'the fault report with a photo');
  await page.getByRole('button', { name: 'Nästa' }).click();

  await expect(step(page, 'Besked till dig')).toBeVisible();
  await page.getByRole('button', { name: 'Granska svaren' }).click();
  await expect(step(page, 'Granska och skicka in')).toBeVisible();
  const fault = page.getByRole('region', { name: 'Felet' });
  await expect(fault).toContainText('hal-i-gatan.png');
  await expect(fault).toContainText('Storgatan 12, utanför biblioteket (N 6');
  await expectPageWellFormed(page, 'the fault report review');
  await page.getByRole('button', { name: 'Skicka in' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Vi har tagit emot ditt ärende' })).toBeVisible();
  await expect(page.locator('.receipt-number')).toHaveText(/^[A-ZÅÄÖ]+ \d{4}\/\d+$/);
  await expect(page.getByText('Vi visar den bara här, en enda gång.')).toBeVisible();
  const link = page.getByRole('textbox', { name: 'Länk för att följa ärendet' });
  await page.getByRole('button', { name: 'Kopiera länken' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /Länken (är kopierad|kunde inte kopieras)/ }),
  ).toBeVisible();
  const trackingUrl = await link.inputValue();
  expect(trackingUrl).toMatch(/\/folj-arende#[A-Za-z0-9_-]{20,}$/);
  await expectPageWellFormed(page, 'the anonymous receipt');

  await page.goto(trackingUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Följ ditt ärende' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Felanmälan gata och park' })).toBeVisible();
  await expect(page.locator('.status-badge')).not.toBeEmpty();
  await expect(
    page.getByRole('list', { name: 'Så har det gått' }).getByRole('listitem').first(),
  ).toBeVisible();
  // The receipt comes through the link as well, once the server has written it.
  const receiptButton = page.getByRole('button', { name: 'Ladda ner kvittot (PDF)' });
  await expect(receiptButton).toBeVisible({ timeout: 30_000 });
  const [receipt] = await Promise.all([page.waitForEvent('download'), receiptButton.click()]);
  expect(receipt.suggestedFilename()).toMatch(/^kvitto-.*\.pdf$/);
  await expectPageWellFormed(page, 'the tracking page');

  // A link cut short is told as such.
  await page.goto('/folj-arende#kort');
  await page.getByRole('button', { name: 'Visa ärendet' }).click();
  await expect(page.getByRole('textbox', { name: 'Din länk' })).toHaveAccessibleDescription(
    /Länken är inte hel/,
  );
  await expectPageWellFormed(page, 'the tracking page with a broken link');
});
