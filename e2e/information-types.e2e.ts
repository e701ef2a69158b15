import { expect, test } from '@playwright/test';
import { expectPageWellFormed } from './accessibility.ts';
import { logInAsStaff, logOut } from './login.ts';

test('an administrator adds an information type with its concepts, and a taken key is refused', async ({
  page,
}, testInfo) => {
  // A long journey with many page checks: more than the default half minute.
  test.setTimeout(120_000);
  // The journeys share one database across the desktop and phone runs: one key per run.
  const suffix = testInfo.project.name === 'phone' ? 'Phone' : 'Desktop';
  const key = `supplier${suffix}`;
  const name = `Leverantör ${suffix}`;

  await logInAsStaff(page, 'Ada Holm');
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Informationstyper' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Informationstyper' })).toBeVisible();
  await expectPageWellFormed(page, 'the information types');

  await page.getByRole('button', { name: 'Lägg till informationstyp' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ny informationstyp' })).toBeFocused();
  await page.getByRole('button', { name: 'Lägg till begrepp' }).click();
  await expect(page.getByRole('textbox', { name: 'Term' })).toBeFocused();
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel som du behöver rätta' });
  await expect(summary.getByRole('link')).toHaveText([
    'Skriv en nyckel med 2–50 bokstäver a–z som börjar med liten bokstav, till exempel supplier.',
    'Skriv ett namn på svenska.',
    'Skriv ett namn på engelska.',
    'Skriv en beskrivning.',
    'Skriv vilket system som är källan.',
    'Skriv termen för begrepp 1.',
    'Skriv definitionen för begrepp 1.',
  ]);
  await expectPageWellFormed(page, 'the information type form with errors');

  await page.getByRole('textbox', { name: 'Nyckel' }).fill(key);
  await page.getByRole('textbox', { name: 'Namn på svenska' }).fill(name);
  await page.getByRole('textbox', { name: 'Namn på engelska' }).fill(`Supplier ${suffix}`);
  await page
    .getByRole('textbox', { name: 'Beskrivning' })
    .fill('Företag och personer som säljer varor och tjänster till kommunen.');
  await page.getByRole('textbox', { name: 'Källsystem' }).fill('Ekonomisystemet');
  const steward = page.getByRole('combobox', { name: /Informationsägare/ });
  await steward.click();
  await steward.pressSequentially('Stadsledning');
  // The unit itself, and the units under it (the search also matches where a unit sits). No axe
  // run with the list open: React Aria hides the rest of the page from screen readers then
  // (aria-hidden outside the combo box and its list), which axe reports outside a modal dialog.
  await expect(page.getByRole('option')).toHaveText([
    /^Stadsledningsförvaltningen/,
    /^Ekonomiavdelningen/,
    /^HR-avdelningen/,
    /^IT-avdelningen/,
  ]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(steward).toHaveValue('Stadsledningsförvaltningen');
  const concept = page.getByRole('group', { name: 'Begrepp 1' });
  await concept.getByRole('textbox', { name: 'Term' }).fill('Leverantör');
  await concept.getByRole('textbox', { name: 'Definition' }).fill('Den som säljer till kommunen.');
  await page.getByRole('button', { name: 'Lägg till begrepp' }).click();
  await page.getByRole('group', { name: 'Begrepp 2' }).getByRole('textbox', { name: 'Term' }).fill('Avtal');
  await page.getByRole('button', { name: 'Ta bort begrepp 2' }).click();
  await expect(page.getByRole('group', { name: 'Begrepp 2' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Spara', exact: true }).click();

  await expect(
    page.getByRole('status').filter({ hasText: `Informationstypen ${name} har lagts till.` }),
  ).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name }) });
  await expect(card.getByRole('heading', { level: 3, name })).toBeFocused();
  await expect(card).toContainText(key);
  await expect(card).toContainText('Stadsledningsförvaltningen');
  await expect(card).toContainText('Den som säljer till kommunen.');
  await expectPageWellFormed(page, 'the information types with the new one');

  // The same key again: the server refuses, and the form says which field.
  await page.getByRole('button', { name: 'Lägg till informationstyp' }).click();
  await page.getByRole('textbox', { name: 'Nyckel' }).fill(key);
  await page.getByRole('textbox', { name: 'Namn på svenska' }).fill('Dubblett');
  await page.getByRole('textbox', { name: 'Namn på engelska' }).fill('Duplicate');
  await page.getByRole('textbox', { name: 'Beskrivning' }).fill('Samma nyckel.');
  await page.getByRole('textbox', { name: 'Källsystem' }).fill('Ekonomisystemet');
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(summary.getByRole('link')).toHaveText(['Nyckeln används redan av en annan informationstyp.']);
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByRole('button', { name: 'Lägg till informationstyp' })).toBeFocused();

  // A case officer reads the list but cannot change it.
  await logOut(page);
  await logInAsStaff(page, 'Anna Svensson');
  await page.goto('/admin/informationstyper');
  await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lägg till informationstyp' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Ändra/ })).toHaveCount(0);
});
