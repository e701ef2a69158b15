import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations, expectPageWellFormed } from './accessibility.ts';
import { logInAsCitizen, logInAsStaff, logOut } from './login.ts';
import { givePurpose, openPersonSearch, searchByPersonalNumber } from './person-lookup.ts';

test('a citizen sees where each fact comes from, corrects phone and e-mail, and sees who looked them up', async ({
  page,
}) => {
  // A long journey with many page checks: more than the default half minute.
  test.setTimeout(120_000);
  // An officer looks Johan up first, so that there is a lookup for him to see.
  await logInAsStaff(page, 'Karin Ek');
  await openPersonSearch(page);
  await givePurpose(page, 'Service till den enskilde');
  await searchByPersonalNumber(page, '198501012390');
  await page.getByRole('link', { name: 'Johan Berg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Johan Berg' })).toBeVisible();
  await logOut(page);

  await logInAsCitizen(page, 'Johan Berg');
  await page.getByRole('link', { name: 'Mina uppgifter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina uppgifter' })).toBeVisible();

  // Each kind of fact says where it comes from and where it is corrected.
  const registered = page.getByRole('region', { name: 'Folkbokföring' });
  await expect(registered).toContainText('Källa: Folkbokföring — ändras hos Skatteverket');
  await expect(registered.getByRole('link', { name: 'Skatteverket' })).toHaveAttribute(
    'href',
    'https://www.skatteverket.se',
  );
  await expect(registered).toContainText('19850101-2390');
  await expect(page.getByRole('region', { name: 'Kontaktuppgifter' })).toContainText(
    'Källa: Du själv — rättas här på sidan',
  );
  await expect(page.getByRole('region', { name: 'Fastigheter' })).toContainText(
    'Källa: Fastighetsregistret — ändras hos Lantmäteriet',
  );
  await expectPageWellFormed(page, 'Mina uppgifter');

  // A phone number that is not one: the error is next to the field and in the summary.
  const phone = page.getByRole('textbox', { name: 'Telefonnummer' });
  const email = page.getByRole('textbox', { name: 'E-postadress' });
  await phone.fill('ring mig');
  await page.getByRole('button', { name: 'Spara kontaktuppgifter' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel som du behöver rätta' });
  await expect(summary.getByRole('link')).toHaveText([
    'Skriv telefonnumret med siffror, till exempel 070-123 45 67.',
  ]);
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription(/Skriv telefonnumret med siffror/);
  await expectNoAccessibilityViolations(page, 'the contact form with an error');

  await phone.fill('070-123 45 67');
  await email.fill('johan.berg@example.se');
  await page.getByRole('button', { name: 'Spara kontaktuppgifter' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Dina kontaktuppgifter är sparade.' }),
  ).toBeVisible();
  await expect(summary).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Telefonnummer' })).toHaveValue('070-123 45 67');
  await expect(page.getByRole('textbox', { name: 'E-postadress' })).toHaveValue('johan.berg@example.se');

  // GDPR art. 15: the officer's lookup, when (Swedish time), and why.
  const lookups = page.getByRole('region', { name: 'Vem har tittat på mina uppgifter?' });
  const lookup = lookups.getByRole('listitem').filter({ hasText: 'Karin Ek' }).first();
  await expect(lookup).toContainText('Service till den enskilde');
  await expect(lookup).toContainText(/Öppnade uppgifterna|Sökte fram/);
  await expect(lookup.locator('time')).toHaveText(/\d{4} \d{2}:\d{2}$/);
  await expectPageWellFormed(page, 'Mina uppgifter with lookups');
});

test('Mina uppgifter at double text size keeps every text inside its box', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'the phone project checks 320 px at normal size');
  await logInAsCitizen(page, 'Elin Lindqvist');
  for (let step = 0; step < 4; step++) await page.getByRole('button', { name: 'Större text' }).click();
  await page.getByRole('link', { name: 'Mina uppgifter' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Barn i din vårdnad' })).toBeVisible();
  await expectPageWellFormed(page, 'Mina uppgifter at 200 %');
  await page.getByRole('button', { name: 'Återställ' }).click();
});
