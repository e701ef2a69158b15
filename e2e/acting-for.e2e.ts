import { expect, type Page, test } from '@playwright/test';
import { expectNoAccessibilityViolations, expectPageWellFormed } from './accessibility.ts';
import { logInAsCitizen } from './login.ts';

function banner(page: Page) {
  return page.getByRole('region', { name: 'Företräder' });
}

test('a guardian acts for their child, sees it on every page, sees the child’s details, and stops', async ({
  page,
}) => {
  // A long journey with many page checks: more than the default half minute.
  test.setTimeout(120_000);
  await logInAsCitizen(page, 'Elin Lindqvist');
  await expect(banner(page)).toHaveCount(0);
  await page.getByRole('link', { name: 'Företräda någon annan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Företräda någon annan' })).toBeVisible();
  const self = page.getByRole('region', { name: 'Dig själv' });
  await expect(self).toContainText('Elin Lindqvist');
  await expect(self).toContainText('Vald nu');
  await expectPageWellFormed(page, 'the choice of whom to act for');

  await page.getByRole('button', { name: 'Välj Oskar Lindqvist' }).click();
  await expect(page).toHaveURL(/\/mina-sidor$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mina sidor' })).toBeVisible();
  await expect(banner(page)).toContainText('Du företräder Oskar Lindqvist');
  await expect(
    page.getByRole('status').filter({ hasText: 'Du företräder nu Oskar Lindqvist.' }),
  ).toBeAttached();
  await expectPageWellFormed(page, 'Mina sidor while acting for a child');

  // Mina uppgifter shows the child's record, and no contact form: only one's own can be corrected.
  await page.getByRole('link', { name: 'Mina uppgifter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uppgifter om Oskar Lindqvist' })).toBeVisible();
  await expect(banner(page)).toContainText('Du företräder Oskar Lindqvist');
  await expect(page.getByText('20150101-2395')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Vårdnadshavare' })).toContainText('Elin Lindqvist');
  await expect(page.getByRole('button', { name: 'Spara kontaktuppgifter' })).toHaveCount(0);
  await expect(page.getByText('Kontaktuppgifterna kan bara personen själv rätta.')).toBeVisible();
  await expectPageWellFormed(page, 'the child’s details');

  // Every page says so, also those that have nothing to do with it.
  for (const path of ['/', '/tillganglighet', '/personuppgifter', '/finns-inte']) {
    await page.goto(path);
    await expect(banner(page), path).toContainText('Du företräder Oskar Lindqvist');
  }
  await expectNoAccessibilityViolations(page, 'a page with the acting-for banner');

  // "Byt" leads back to the choice, where the child is the current one.
  await banner(page).getByRole('link', { name: 'Byt vem du företräder' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Företräda någon annan' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Barn i din vårdnad' })).toContainText('Vald nu');
  await expect(page.getByRole('button', { name: 'Välj Elin Lindqvist' })).toBeVisible();

  await page.goto('/mina-sidor/uppgifter');
  await expect(page.getByRole('heading', { level: 1, name: 'Uppgifter om Oskar Lindqvist' })).toBeVisible();
  await banner(page).getByRole('button', { name: 'Sluta företräda' }).click();
  await expect(banner(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Mina uppgifter' })).toBeFocused();
  await expect(
    page.getByRole('status').filter({ hasText: 'Du företräder inte längre Oskar Lindqvist.' }),
  ).toBeAttached();
  await expect(page.getByText('19850101-2382')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Spara kontaktuppgifter' })).toBeVisible();
  await expectPageWellFormed(page, 'Mina uppgifter after acting for a child');
});

test('a citizen with nobody to act for gets no such entry', async ({ page }) => {
  await logInAsCitizen(page, 'Greta Sjöberg');
  await expect(page.getByRole('heading', { level: 1, name: 'Mina sidor' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mina uppgifter' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Företräda någon annan' })).toHaveCount(0);
});

test('a signatory opens their organisation and acts for it', async ({ page }) => {
  test.setTimeout(120_000);
  await logInAsCitizen(page, 'Elin Lindqvist');
  await page.getByRole('link', { name: 'Mina uppgifter' }).click();
  const organisations = page.getByRole('list', { name: 'Företag och organisationer' });
  const link = organisations.getByRole('link').first();
  const name = (await link.textContent()) ?? '';
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Firmatecknare' })).toContainText('Elin Lindqvist');
  await expect(page.getByRole('region', { name: 'Firmatecknare' })).toContainText(
    'Källa: Bolagsverkets register — ändras hos Bolagsverket',
  );
  await expectPageWellFormed(page, 'an organisation on Mina sidor');

  await page.goto('/mina-sidor/foretrada');
  await page
    .getByRole('button', { name: `Välj ${name}` })
    .first()
    .click();
  await expect(page).toHaveURL(/\/mina-sidor$/);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(banner(page)).toContainText(new RegExp(`Du företräder ${escaped} \\(\\d{6}-\\d{4}\\)`));
  await banner(page).getByRole('button', { name: 'Sluta företräda' }).click();
  await expect(banner(page)).toHaveCount(0);
});
