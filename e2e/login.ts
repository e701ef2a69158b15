import { expect, type Page } from '@playwright/test';

/** Log in through the test directory as a demo staff account; lands on the staff start page. */
export async function logInAsStaff(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Logga in som medarbetare' }).click();
  await chooseStaffAccount(page, name);
  await expect(page).toHaveURL(/\/handlaggning$/);
}

/** On the test directory's login page: pick the account and log in. */
export async function chooseStaffAccount(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in med kommunens konto' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(name) }).check();
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** Log in with the test e-legitimation as a demo citizen; lands on Mina sidor. */
export async function logInAsCitizen(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in med e-legitimation' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(name) }).check();
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/mina-sidor$/);
}

/** Log out with the header's button. */
export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByText('Du är utloggad. Välkommen tillbaka!')).toBeVisible();
}
