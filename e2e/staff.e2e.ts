import { expect, type Page, test } from '@playwright/test';
import { expectNoAccessibilityViolations, expectNoHorizontalScroll } from './accessibility.ts';

async function logInAsStaff(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Logga in som medarbetare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in med kommunens konto' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(name) }).check();
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/handlaggning$/);
}

async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByText('Du är utloggad. Välkommen tillbaka!')).toBeVisible();
}

test('a case officer logs in through the directory and sees their start page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Logga in som medarbetare' }).click();
  await expectNoAccessibilityViolations(page, 'the test directory login page');
  await page.getByRole('radio', { name: /Anna Svensson/ }).check();
  await page.getByRole('button', { name: 'Logga in' }).click();

  await expect(page).toHaveURL(/\/handlaggning$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Min startsida' })).toBeVisible();
  await expect(page.getByText('Hej, Anna Svensson!')).toBeVisible();
  await expect(page.getByText('Handläggare, Bygglovsenheten')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mina uppgifter' })).toBeVisible();
  await expect(page.getByText('Du har inga uppgifter just nu')).toBeVisible();
  const navigation = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(navigation.getByRole('link', { name: 'Min startsida' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  await expect(navigation.getByRole('link', { name: 'Mina sidor' })).toHaveCount(0);
  await expectNoAccessibilityViolations(page, 'the staff start page');
  await expectNoHorizontalScroll(page);
});

test('an employee without roles is told whom to ask', async ({ page }) => {
  await logInAsStaff(page, 'Nils Berg');
  await expect(page.getByText('Du har inga behörigheter ännu. Kontakta din administratör.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mina uppgifter' })).toHaveCount(0);
});

test('an administrator grants a role, the employee gets it, and it can be taken back', async ({ page }) => {
  await logInAsStaff(page, 'Ada Holm');
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Administration' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Organisation' })).toBeVisible();
  await expectNoAccessibilityViolations(page, 'the administration page');
  await expectNoHorizontalScroll(page);

  await page.getByRole('button', { name: 'Lägg till behörighet för Nils Berg' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expectNoAccessibilityViolations(page, 'the grant role dialog');
  await dialog.getByRole('button', { name: /Roll$/ }).click();
  await page.getByRole('option', { name: 'Registrator' }).click();
  await dialog.getByRole('button', { name: /Organisationsenhet$/ }).click();
  await page.getByRole('option', { name: /Byggnadsnämnden/ }).click();
  await dialog.getByRole('button', { name: 'Lägg till' }).click();
  await expect(page.getByText('Nils Berg har fått behörigheten Registrator, Byggnadsnämnden.')).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Ta bort Registrator, Byggnadsnämnden, för Nils Berg' }),
  ).toBeVisible();

  await logOut(page);
  await logInAsStaff(page, 'Nils Berg');
  await expect(page.getByText('Registrator, Byggnadsnämnden')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mina uppgifter' })).toBeVisible();

  // The administrator takes the role back, so the employee is as new again.
  await logOut(page);
  await logInAsStaff(page, 'Ada Holm');
  await page.goto('/admin');
  await page.getByRole('button', { name: 'Ta bort Registrator, Byggnadsnämnden, för Nils Berg' }).click();
  await expect(
    page.getByText('Behörigheten Registrator, Byggnadsnämnden, har tagits bort för Nils Berg.'),
  ).toBeVisible();
});
