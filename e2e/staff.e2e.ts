import { expect, type Page, test } from '@playwright/test';
import {
  expectNoAccessibilityViolations,
  expectNoHorizontalScroll,
  expectPageWellFormed,
} from './accessibility.ts';
import { logInAsStaff, logOut } from './login.ts';

async function openAdministration(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Administration' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Organisation' })).toBeVisible();
  await expect(page.getByText('Stadsbyggnadsförvaltningen').first()).toBeVisible();
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
  // What the role is for, in one line.
  await expect(
    page.getByText('Handlägger ärenden och ser uppgifterna i enheten och enheterna under den.'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mina uppgifter' })).toBeVisible();
  await expect(page.getByText('Du har inga uppgifter just nu')).toBeVisible();
  const navigation = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(navigation.getByRole('link', { name: 'Min startsida' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  await expect(navigation.getByRole('link', { name: 'Mina sidor' })).toHaveCount(0);
  await expectPageWellFormed(page, 'the staff start page');
});

test('an employee without roles is told whom to ask', async ({ page }) => {
  await logInAsStaff(page, 'Nils Berg');
  await expect(page.getByText('Du har inga behörigheter ännu. Kontakta din administratör.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mina uppgifter' })).toHaveCount(0);
});

test('an administrator grants a role, the employee gets it, and it can be taken back', async ({ page }) => {
  await logInAsStaff(page, 'Ada Holm');
  await openAdministration(page);
  await expect(page.getByRole('list', { name: 'Behörigheter för Anna Svensson' })).toContainText(
    'Handlägger ärenden och ser uppgifterna i enheten och enheterna under den.',
  );
  await expectPageWellFormed(page, 'the administration page');

  await page.getByRole('button', { name: 'Lägg till behörighet för Nils Berg' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lägg till behörighet för Nils Berg' });
  await expect(dialog).toBeVisible();
  await expectNoAccessibilityViolations(page, 'the grant role dialog');

  // Adding without choosing: the error summary takes focus and links to each field.
  await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
  const summary = dialog.getByRole('alert').filter({ hasText: 'Det finns fel som du behöver rätta' });
  await expect(summary).toBeVisible();
  await expect(page.locator(':focus')).toContainText('Det finns fel som du behöver rätta');
  await expect(summary.getByRole('link')).toHaveText([
    'Välj en roll.',
    'Välj en organisationsenhet i listan.',
  ]);
  await expectPageWellFormed(page, 'the grant role dialog with errors');

  await summary.getByRole('link', { name: 'Välj en roll.' }).click();
  const roleButton = dialog.getByRole('button', { name: /Roll$/ });
  await expect(roleButton).toBeFocused();
  await page.keyboard.press('Enter');
  const registrar = page.getByRole('option', { name: 'Registrator' });
  await expect(registrar).toHaveAccessibleDescription(
    'Tar emot och registrerar handlingar och fördelar ärenden till rätt handläggare.',
  );
  await registrar.click();
  await expect(dialog.getByText('Tar emot och registrerar handlingar')).toBeVisible();
  await expect(summary.getByRole('link')).toHaveText(['Välj en organisationsenhet i listan.']);

  // The unit picker filters as you type and tells where each unit sits in the organisation.
  await summary.getByRole('link', { name: 'Välj en organisationsenhet i listan.' }).click();
  const unitField = dialog.getByRole('combobox', { name: /Organisationsenhet/ });
  await expect(unitField).toBeFocused();
  await unitField.pressSequentially('bygg');
  await expect(page.getByRole('option')).toHaveCount(3);
  await expect(page.getByRole('option', { name: 'Byggnadsnämnden' })).toHaveAccessibleDescription(
    'Ingår i: Mölnåls stad',
  );
  await expect(page.getByRole('option', { name: 'Bygglovsenheten' })).toHaveAccessibleDescription(
    'Ingår i: Mölnåls stad, Byggnadsnämnden, Stadsbyggnadsförvaltningen',
  );
  await expectNoAccessibilityViolations(page, 'the unit picker with its list open');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(unitField).toHaveValue('Byggnadsnämnden');
  await expect(unitField).toHaveAccessibleDescription(/Ingår i: Mölnåls stad$/);
  await expect(summary).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(page.getByText('Nils Berg har fått behörigheten Registrator, Byggnadsnämnden.')).toBeVisible();
  const revoke = page.getByRole('button', { name: 'Ta bort Registrator, Byggnadsnämnden, för Nils Berg' });
  await expect(revoke).toBeVisible();

  await logOut(page);
  await logInAsStaff(page, 'Nils Berg');
  await expect(page.getByText('Registrator, Byggnadsnämnden')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mina uppgifter' })).toBeVisible();

  // The administrator takes the role back, after saying yes to the question.
  await logOut(page);
  await logInAsStaff(page, 'Ada Holm');
  await page.goto('/admin');
  await revoke.click();
  const confirm = page.getByRole('alertdialog', {
    name: 'Ta bort rollen Registrator för Byggnadsnämnden från Nils Berg?',
  });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await expectNoAccessibilityViolations(page, 'the question before removing a role');
  await confirm.getByRole('button', { name: 'Avbryt' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(revoke).toBeFocused();

  await revoke.click();
  await confirm.getByRole('button', { name: 'Ta bort rollen' }).click();
  await expect(
    page.getByText('Behörigheten Registrator, Byggnadsnämnden, har tagits bort för Nils Berg.'),
  ).toBeVisible();
  await expect(revoke).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 3, name: 'Nils Berg' })).toBeFocused();
});

test('an administrator of one board sees their part, and a refused grant says why', async ({ page }) => {
  await logInAsStaff(page, 'Maja Ström');
  await openAdministration(page);
  // Maja administers Byggnadsnämnden: its people, and those with no roles yet, not the rest.
  await expect(page.getByRole('heading', { level: 3, name: 'Anna Svensson' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Nils Berg' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Ada Holm' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 3, name: 'Karin Ek' })).toHaveCount(0);
  await expectNoHorizontalScroll(page);

  // The demo data gives no way to send a grant the server refuses (the picker offers only what
  // an administrator may see), so the refusal is played here with the server's own problem.
  await page.route('**/api/users/*/roles', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    await route.fulfill({
      status: 403,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'urn:karna:error:role_not_in_scope',
        code: 'role_not_in_scope',
        status: 403,
        title: 'Du kan bara dela ut roller inom din egen del av organisationen.',
      }),
    });
  });
  await page.getByRole('button', { name: 'Lägg till behörighet för Nils Berg' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lägg till behörighet för Nils Berg' });
  await dialog.getByRole('button', { name: /Roll$/ }).click();
  await page.getByRole('option', { name: 'Handläggare', exact: true }).click();
  const unitField = dialog.getByRole('combobox', { name: /Organisationsenhet/ });
  await unitField.click();
  await unitField.pressSequentially('Bygglov');
  await expect(page.getByRole('option')).toHaveText([/^Bygglovsenheten/]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(unitField).toHaveValue('Bygglovsenheten');
  await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'Du kan bara dela ut roller inom din egen del av organisationen.',
  );
  await expect(dialog).toBeVisible();
  await expectNoAccessibilityViolations(page, 'a refused grant');
});
