import { expect, test } from '@playwright/test';
import { expectPageWellFormed } from './accessibility.ts';
import { logInAsCitizen, logInAsStaff, logOut } from './login.ts';
import { givePurpose, openPersonSearch, searchByPersonalNumber } from './person-lookup.ts';

test('a case officer finds a person by personal number and by name, and opens the overview with a purpose', async ({
  page,
}) => {
  // A long journey with many page checks: more than the default half minute.
  test.setTimeout(120_000);
  await logInAsStaff(page, 'Anna Svensson');
  await openPersonSearch(page);
  await expectPageWellFormed(page, 'the person search');

  // Searching without a purpose or a number: the error summary takes focus and names both.
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel som du behöver rätta' });
  await expect(summary.getByRole('link')).toHaveText(['Välj ett syfte.', 'Skriv ett personnummer.']);
  await expect(page.locator(':focus')).toContainText('Det finns fel som du behöver rätta');
  await expectPageWellFormed(page, 'the person search with errors');
  await summary.getByRole('link', { name: 'Välj ett syfte.' }).click();
  await expect(page.getByRole('radio', { name: 'Handläggning av ärende' })).toBeFocused();

  // "Annat" needs words; the personal number must be a real one.
  await givePurpose(page, 'Annat');
  await page.getByRole('textbox', { name: 'Personnummer' }).fill('19850101-2383');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(summary.getByRole('link')).toHaveText([
    'Beskriv syftet när du väljer Annat.',
    'Skriv ett giltigt personnummer, ÅÅÅÅMMDD-NNNN.',
  ]);

  await givePurpose(page, 'Handläggning av ärende', 'BN 2026/17');
  await searchByPersonalNumber(page, '19850101-2382');
  await expect(page.getByRole('status').filter({ hasText: '1 person hittades.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Elin Lindqvist' })).toBeVisible();
  // Neither the number nor the purpose's words ever go into the address.
  expect(page.url()).not.toContain('2382');
  expect(page.url()).not.toContain('BN');
  await expectPageWellFormed(page, 'the search results');

  // By family name and birth year: the child in the family.
  await page.getByRole('radio', { name: 'Namn och födelseår' }).check();
  await page.getByRole('textbox', { name: 'Efternamn' }).fill('Lindqvist');
  await page.getByRole('textbox', { name: 'Födelseår' }).fill('20');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(summary.getByRole('link')).toHaveText([
    'Skriv födelseåret med fyra siffror, till exempel 1985.',
  ]);
  await page.getByRole('textbox', { name: 'Födelseår' }).fill('2015');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Oskar Lindqvist' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Födelseår' }).fill('1985');
  await page.getByRole('textbox', { name: 'Förnamn (frivilligt)' }).fill('Elin');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Elin Lindqvist' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Oskar Lindqvist' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Elin Lindqvist' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Elin Lindqvist' })).toBeVisible();
  await expect(page.getByText('Syfte: Handläggning av ärende: BN 2026/17')).toBeVisible();
  await expect(page.getByText('19850101-2382')).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Barn' }).getByRole('link', { name: 'Oskar Lindqvist' }),
  ).toBeVisible();
  const properties = page.getByRole('list', { name: 'Fastigheter' });
  await expect(properties.getByRole('listitem').first()).toContainText('Andel');
  await expect(properties.getByRole('listitem').first()).toContainText(/N \d+,\d{5}°, E \d+,\d{5}°/);
  // Open cases: none, or those other journeys left (each links to its case), under their heading.
  await expect(page.getByRole('heading', { name: 'Öppna ärenden' })).toBeVisible();
  await expectPageWellFormed(page, 'the person overview');

  // The child, from the overview: with the same purpose, another logged lookup.
  await page.getByRole('list', { name: 'Barn' }).getByRole('link', { name: 'Oskar Lindqvist' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oskar Lindqvist' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Vårdnadshavare' })).toContainText('Elin Lindqvist');

  // Opened without a purpose (a bookmark, a link in a new tab): the purpose comes first.
  const tab = await page.context().newPage();
  await tab.goto(page.url());
  await expect(tab.getByRole('heading', { level: 1, name: 'Personöversikt' })).toBeVisible();
  await expect(tab.getByText('20150101-2395')).toHaveCount(0);
  await tab.getByRole('button', { name: 'Visa uppgifterna' }).click();
  await expect(
    tab.getByRole('alert').filter({ hasText: 'Det finns fel som du behöver rätta' }).getByRole('link'),
  ).toHaveText(['Välj ett syfte.']);
  await expectPageWellFormed(tab, 'the purpose asked before an overview');
  await givePurpose(tab, 'Registervård');
  await tab.getByRole('button', { name: 'Visa uppgifterna' }).click();
  await expect(tab.getByRole('heading', { level: 1, name: 'Oskar Lindqvist' })).toBeVisible();
  await expect(tab.getByText('Syfte: Registervård')).toBeVisible();
  await expect(tab.getByText('20150101-2395')).toBeVisible();
  await tab.close();
});

test('staff without the lookup permission and citizens do not get the person search', async ({ page }) => {
  await logInAsStaff(page, 'Ada Holm');
  const navigation = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(navigation.getByRole('link', { name: 'Informationstyper' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Sök person' })).toHaveCount(0);
  await page.goto('/handlaggning/personer');
  await expect(page.getByText('Du har inte behörighet att se den här sidan.')).toBeVisible();
  await logOut(page);
  await logInAsCitizen(page, 'Johan Berg');
  await page.goto('/handlaggning/personer');
  await expect(page.getByText('Du har inte behörighet att se den här sidan.')).toBeVisible();
});

test('the register’s staff pages at double text size keep every text inside its box', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'the phone project checks 320 px at normal size');
  test.setTimeout(120_000);
  await logInAsStaff(page, 'Anna Svensson');
  for (let step = 0; step < 4; step++) await page.getByRole('button', { name: 'Större text' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Textstorlek: 200 %' })).toBeAttached();
  await openPersonSearch(page);
  await givePurpose(page, 'Registervård');
  await searchByPersonalNumber(page, '198501012382');
  await expectPageWellFormed(page, 'the search results at 200 %');
  await page.getByRole('link', { name: 'Elin Lindqvist' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Elin Lindqvist' })).toBeVisible();
  await expectPageWellFormed(page, 'the person overview at 200 %');
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Informationstyper' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Alla informationstyper' })).toBeVisible();
  await expectPageWellFormed(page, 'the information types at 200 %');
  await page.getByRole('button', { name: 'Återställ' }).click();
});
